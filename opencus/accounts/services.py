"""Writes of accounts: profiles, staff of a centre, memberships."""

import datetime as dt

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.accounts import tasks
from opencus.accounts.models import Membership, User
from opencus.accounts.roles import ROLE_CONTEXT, ContextKind, Role
from opencus.territory.models import Centre

MSG_ALREADY_HAS_ROLE = _("%(user)s already holds this role in this centre.")
MSG_LAST_DIRECTOR = _(
    "This is the centre's last director. Appoint another director before ending this role."
)
MSG_ALREADY_ENDED = _("This role has already ended.")
MSG_END_BEFORE_START = _("The end date cannot be earlier than the start date (%(date)s).")
MSG_NOT_A_CENTRE_ROLE = _("This role does not belong to a centre.")
MSG_SHARED_PROFILE = _(
    "This person also works elsewhere in OpenCUS, so only they can change their profile."
)
MSG_END_IN_FUTURE = _("A role ends when you record it: the end date cannot be in the future.")

PROFILE_FIELDS = ("first_name", "last_name", "phone", "job_title", "preferred_language")


def profile_is_managed_by(*, user: User, centre) -> bool:
    """A centre's director may edit a profile only if the person works nowhere else.

    Someone who also works for another centre, an organisation or a network keeps their
    profile to themselves (``accounts:profile``); no single director owns it.
    """
    memberships = list(
        Membership.objects.active().filter(user=user).values_list("centre_id", flat=True)
    )
    return bool(memberships) and all(centre_id == centre.pk for centre_id in memberships)


@transaction.atomic
def user_update_profile(*, user: User, by: User, centre=None, **fields) -> User:
    """Change a profile: the person's own (``by == user``) or, given ``centre``, as its director."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"user_update_profile cannot change {sorted(unknown)}")
    if by != user and (centre is None or not profile_is_managed_by(user=user, centre=centre)):
        raise ValidationError(MSG_SHARED_PROFILE)
    with set_actor(by):
        for field, value in fields.items():
            setattr(user, field, value)
        user.full_clean(exclude=["password"])
        user.save(update_fields=[*fields, "email"])
    return user


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
    """Give a person a role in ``centre``.

    A new account gets an e-mail to set its password; an existing one (the person works in
    another centre too) keeps its profile and gets a notice of the new role.
    """
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
    # After commit, and robust: a mail server that is down must not turn a saved role into an error.
    if created:
        transaction.on_commit(
            lambda: tasks.send_account_invitation.enqueue(
                user_id=str(user.pk), centre_id=str(centre.pk)
            ),
            robust=True,
        )
    else:
        transaction.on_commit(
            lambda: tasks.send_role_notice.enqueue(membership_id=str(membership.pk)), robust=True
        )
    return membership


@transaction.atomic
def membership_end(
    *, membership: Membership, by: User, ended_on: dt.date | None = None
) -> Membership:
    """End a role as of a past date or today. A centre always keeps a director."""
    ended_on = ended_on or timezone.localdate()
    if membership.centre_id:
        # Serialise role changes per centre: two directors ending each other's roles at
        # once must neither leave the centre without one nor deadlock on each other's rows.
        Centre.objects.select_for_update().filter(pk=membership.centre_id).first()
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
            Membership.objects.active()
            .filter(centre_id=membership.centre_id, role=Role.DIRECTOR)
            .values_list("pk", flat=True)
        )
        if directors == [membership.pk]:
            raise ValidationError(MSG_LAST_DIRECTOR)
    with set_actor(by):
        membership.ended_on, membership.ended_by = ended_on, by
        membership.save(update_fields=["ended_on", "ended_by"])
    return membership
