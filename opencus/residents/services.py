"""Residents: sign-up, e-mail verification, links to people's records, messages."""

from auditlog.context import set_actor
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.accounts.models import User
from opencus.cases.enums import SubmitterRole
from opencus.residents import tasks
from opencus.residents.models import Message, ResidentLink, ResidentRole

MSG_EMAIL_TAKEN = _("An account with this e-mail address already exists: sign in instead.")
MSG_NOT_VERIFIED = _("Confirm your e-mail address first: we have sent you a link.")

ROLE_OF_SUBMITTER = {
    SubmitterRole.PERSON: ResidentRole.SELF,
    SubmitterRole.LEGAL_REPRESENTATIVE: ResidentRole.LEGAL_REPRESENTATIVE,
    SubmitterRole.ACTUAL_CARER: ResidentRole.ACTUAL_CARER,
}


@transaction.atomic
def resident_sign_up(
    *, email: str, password: str, first_name: str, last_name: str, language: str = "pl"
) -> User:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": MSG_EMAIL_TAKEN})
    user = User(
        email=email, first_name=first_name, last_name=last_name, preferred_language=language
    )
    validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    transaction.on_commit(lambda: tasks.send_verification.enqueue(user_id=str(user.pk)))
    return user


def resend_verification(*, user: User) -> None:
    if user.email_verified_at is None:
        tasks.send_verification.enqueue(user_id=str(user.pk))


@transaction.atomic
def email_verify(*, user: User) -> User:
    with set_actor(user):
        if user.email_verified_at is None:
            user.email_verified_at = timezone.now()
            user.save(update_fields=["email_verified_at"])
    return user


def require_verified(user: User) -> None:
    if user.email_verified_at is None:
        raise ValidationError(MSG_NOT_VERIFIED)


def link_for_application(*, application, by) -> ResidentLink | None:
    """When the desk registers an online application, its account gets to see that person."""
    if application.account_id is None or application.person_id is None:
        return None
    role = ROLE_OF_SUBMITTER.get(application.submitter_role)
    if role is None:
        return None
    existing = ResidentLink.objects.filter(
        user_id=application.account_id, person_id=application.person_id, ended_at__isnull=True
    ).first()
    if existing is not None:
        return existing
    with set_actor(by):
        return ResidentLink.objects.create(
            user_id=application.account_id, person=application.person, role=role, created_by=by
        )


@transaction.atomic
def link_end(*, link: ResidentLink, by) -> ResidentLink:
    with set_actor(by):
        link.ended_at = timezone.now()
        link.save(update_fields=["ended_at"])
    return link


@transaction.atomic
def message_send(*, person, by, subject: str, body: str) -> Message:
    with set_actor(by):
        message = Message(
            centre=person.centre, person=person, subject=subject, body=body, sent_by=by
        )
        message.full_clean()
        message.save()
    transaction.on_commit(lambda: tasks.announce_message.enqueue(message_id=str(message.pk)))
    return message


@transaction.atomic
def message_read(*, message: Message, by) -> Message:
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    return message
