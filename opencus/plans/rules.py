"""Who may approve a plan: the director (``plans.approve_plan``), or an OUS of the centre
holding the director's authorisation valid on the day (DOMAIN.md §6: *upoważniony OUS*)."""

import datetime as dt

from django.utils import timezone

from opencus.accounts.roles import Role
from opencus.accounts.rules import can
from opencus.accounts.selectors import user_active_memberships
from opencus.plans.models import PlanApprovalAuthorisation


def is_ous_of(user, centre) -> bool:
    return any(
        m.role == Role.OUS and m.centre_id == centre.pk for m in user_active_memberships(user)
    )


def holds_role(user, centre, role: str) -> bool:
    return any(m.role == role and m.centre_id == centre.pk for m in user_active_memberships(user))


def valid_authorisation(user, centre, day: dt.date | None = None):
    """The authorisation under which ``user`` (an OUS) may approve plans on ``day``, or None."""
    if not is_ous_of(user, centre):
        return None
    day = day or timezone.localdate()
    return (
        PlanApprovalAuthorisation.objects.filter(
            centre=centre,
            user=user,
            revoked_at__isnull=True,
            valid_from__lte=day,
            valid_to__gte=day,
        )
        .order_by("-valid_to")
        .first()
    )


def may_approve(user, centre, day: dt.date | None = None) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if can(user, "plans.approve_plan", centre):
        return True
    return valid_authorisation(user, centre, day) is not None
