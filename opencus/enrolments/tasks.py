"""The daily run of services given: a thin task around ``services.enrolments_start_due``."""

from django.tasks import task

from opencus.enrolments import services


@task
def start_due_enrolments() -> dict[str, int]:
    """Planned services start on their first day; running ones end after their planned end."""
    return services.enrolments_start_due(by=None)
