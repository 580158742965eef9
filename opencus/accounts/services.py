"""Writes of accounts: profiles, staff of a centre, memberships."""

import datetime as dt

from auditlog.context import set_actor
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import ROLE_CONTEXT, ContextKind, Role

MSG_ALREADY_HAS_ROLE = _("%(user)s already holds this role in this centre.")
MSG_LAST_DIRECTOR = _(
    "This is the centre's last director. Appoint another director before ending this role."
)
MSG_ALREADY_ENDED = _("This role has already ended.")
MSG_END_BEFORE_START = _("The end date cannot be earlier than the start date (%(date)s).")
MSG_NOT_A_CENTRE_ROLE = _("This role does not belong to a centre.")
MSG_END_IN_FUTURE = _("A role ends when you record it: the end date cannot be in the future.")

PROFILE_FIELDS = ("first_name", "last_name", "phone", "job_title", "preferred_language")


@transaction.atomic
def user_update_profile(*, user: User, by: User, **fields) -> User:
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"user_update_profile cannot change {sorted(unknown)}")
    with set_actor(by):
        for field, value in fields.items():
            setattr(user, field, value)
        user.full_clean(exclude=["password"])
        user.save(update_fields=[*fields, "email"])
    return user


def _send_welcome(user: User, centre) -> None:
    with translation.override(user.preferred_language):
        link = settings.SITE_URL.rstrip("/") + reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        body = render_to_string(
            "accounts/email/welcome.txt", {"user": user, "centre": centre, "link": link}
        )
        send_mail(str(_("Your OpenCUS account")), body, settings.DEFAULT_FROM_EMAIL, [user.email])


@transaction.atomic
def staff_add(
    *,
    centre,
    by: User,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    job_title: str = "",
    started_on: dt.date | None = None,
) -> Membership:
    """Give a person a role in ``centre``; a new account gets an e-mail to set its password."""
    if ROLE_CONTEXT.get(role) != ContextKind.CENTRE:
        raise ValidationError({"role": MSG_NOT_A_CENTRE_ROLE})
    email = email.strip().lower()
    with set_actor(by):
        existing = User.objects.filter(email__iexact=email).first()
        created = existing is None
        if existing is None:
            user = User(
                email=email, first_name=first_name, last_name=last_name, job_title=job_title
            )
            user.set_unusable_password()
            user.full_clean(exclude=["password"])
            user.save()
        else:
            user = existing
            if Membership.objects.active().filter(user=user, centre=centre, role=role).exists():
                raise ValidationError(
                    {"role": ValidationError(MSG_ALREADY_HAS_ROLE, params={"user": user})}
                )
        membership = Membership.objects.create(
            user=user,
            centre=centre,
            role=role,
            started_on=started_on or timezone.localdate(),
            created_by=by,
        )
    if created:
        transaction.on_commit(lambda: _send_welcome(user, centre))
    return membership


@transaction.atomic
def membership_end(
    *, membership: Membership, by: User, ended_on: dt.date | None = None
) -> Membership:
    """End a role as of a past date or today. A centre always keeps a director."""
    ended_on = ended_on or timezone.localdate()
    # Lock the centre's director rows: two directors ending each other's roles at once
    # must not leave the centre with none.
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.ended_on is not None:
        raise ValidationError(MSG_ALREADY_ENDED)
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": MSG_END_IN_FUTURE})
    if ended_on < membership.started_on:
        raise ValidationError(
            {
                "ended_on": ValidationError(
                    MSG_END_BEFORE_START, params={"date": membership.started_on}
                )
            }
        )
    if membership.centre_id and membership.role == Role.DIRECTOR:
        directors = list(
            Membership.objects.select_for_update()
            .active()
            .filter(centre_id=membership.centre_id, role=Role.DIRECTOR)
            .values_list("pk", flat=True)
        )
        if directors == [membership.pk]:
            raise ValidationError(MSG_LAST_DIRECTOR)
    with set_actor(by):
        membership.ended_on, membership.ended_by = ended_on, by
        membership.save(update_fields=["ended_on", "ended_by"])
    return membership
