"""Call e-mails leave through the task queue: a mail server that is down never breaks an
invitation or the publication of results."""

from django.tasks import task

from opencus.commissioning import notifications
from opencus.commissioning.models import Call, Invitation


@task
def notify_invitation(*, invitation_id: str) -> int:
    invitation = Invitation.objects.select_related("call__centre", "organisation").get(
        pk=invitation_id
    )
    return notifications.invitation_notice(invitation=invitation)


@task
def notify_results(*, call_id: str) -> int:
    return notifications.results_notices(call=Call.objects.get(pk=call_id))
