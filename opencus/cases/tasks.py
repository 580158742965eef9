from django.tasks import task

from opencus.cases import services


@task
def expire_offers() -> int:
    """Daily: offers of a place without a reply by their deadline lapse; the next is offered."""
    return services.expire_offers()
