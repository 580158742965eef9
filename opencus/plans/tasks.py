"""Background work of plans: the coordinators' daily caseload reminders."""

from django.tasks import task

from opencus.plans import services


@task
def send_caseload_reminders() -> int:
    """E-mail each coordinator (KIPUS) their due and overdue actions, once a day."""
    return services.caseload_reminders_send()
