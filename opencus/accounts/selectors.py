from django.db.models import Count, Q, QuerySet

from opencus.accounts.models import Membership, User
from opencus.core.tenancy import scope_to_centre

_CACHE_ATTR = "_opencus_active_memberships"


def user_active_memberships(user) -> list[Membership]:
    """The user's active memberships with their contexts, loaded once per user object.

    Permission predicates call this for every check, so a page costs one query for them all.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(
            Membership.objects.active()
            .filter(user=user)
            .select_related("centre", "organisation", "network")
            .order_by("centre__name", "organisation__name", "network__name", "role")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def staff_list(*, centre, query: str = "", role: str = "", state: str = "active") -> QuerySet[User]:
    """Staff of ``centre`` (current or former), filtered, with their roles here prefetched."""
    # One membership must satisfy every condition together: "current KIPUS" is an active
    # KIPUS role, not an active role of any kind plus an ended KIPUS role.
    here = Membership.objects.filter(centre=centre)
    if state == "active":
        here = here.filter(ended_on__isnull=True)
    if role:
        here = here.filter(role=role)
    users = scope_to_centre(User.objects.all(), centre).filter(pk__in=here.values("user_id"))
    if state == "former":
        users = users.exclude(
            pk__in=Membership.objects.active().filter(centre=centre).values("user_id")
        )
    if query:
        for word in query.split():
            users = users.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
                | Q(job_title__icontains=word)
            )
    return users.order_by("last_name", "first_name", "email")


def memberships_for_users(*, centre, users) -> dict:
    """Memberships in ``centre`` of the given users (one query), keyed by user id."""
    by_user: dict = {}
    rows = (
        scope_to_centre(Membership.objects.all(), centre)
        .filter(user__in=[u.pk for u in users])
        .order_by("ended_on", "role")
    )
    for membership in rows:
        by_user.setdefault(membership.user_id, []).append(membership)
    return by_user


def get_staff_member(*, centre, user_id) -> User:
    """A user who holds or held a role in ``centre``; anyone else is a 404."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(scope_to_centre(User.objects.all(), centre), pk=user_id)


def get_membership(*, centre, membership_id) -> Membership:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        scope_to_centre(Membership.objects.select_related("user"), centre), pk=membership_id
    )


def staff_counts_by_role(*, centre) -> dict[str, int]:
    rows = (
        Membership.objects.active()
        .filter(centre=centre)
        .values("role")
        .annotate(n=Count("user", distinct=True))
    )
    return {row["role"]: row["n"] for row in rows}
