"""Referral e-mails leave through the task queue (django.tasks; the database backend and its
worker in production): a mail server that is down never breaks a page."""

from django.tasks import task

from opencus.referrals import notifications
from opencus.referrals.models import Referral

_RELATED = ("centre", "organisation", "receiving_centre", "sent_by")


@task
def notify_receiver(*, referral_id: str, status: str) -> int:
    referral = Referral.objects.select_related(*_RELATED).get(pk=referral_id)
    return notifications.receiver_notice(referral=referral, status=status)


@task
def notify_referrer(*, referral_id: str) -> int:
    referral = Referral.objects.select_related(*_RELATED).get(pk=referral_id)
    return notifications.referrer_notice(referral=referral)
