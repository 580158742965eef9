"""Partnership e-mails leave through the task queue: a mail server that is down never breaks
a registration or a decision."""

from django.tasks import task

from opencus.providers import notifications
from opencus.providers.models import Partnership

_RELATED = ("centre", "organisation", "requested_by", "registrant")


@task
def notify_request(*, partnership_id: str) -> int:
    partnership = Partnership.objects.select_related(*_RELATED).get(pk=partnership_id)
    return notifications.request_notice(partnership=partnership)


@task
def notify_decision(*, partnership_id: str) -> int:
    partnership = Partnership.objects.select_related(*_RELATED).get(pk=partnership_id)
    return notifications.decision_notice(partnership=partnership)
