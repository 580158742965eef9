"""Permission predicates. A permission is held by roles (roles.PERMISSIONS) in a context object."""

import rules

from opencus.accounts.roles import PERMISSIONS
from opencus.accounts.selectors import user_active_memberships
from opencus.providers.models import Organisation
from opencus.territory.models import Centre, Network


def membership_is_in(membership, obj) -> bool:
    if isinstance(obj, Centre):
        return membership.centre_id == obj.pk
    if isinstance(obj, Organisation):
        return membership.organisation_id == obj.pk
    if isinstance(obj, Network):
        return membership.network_id == obj.pk
    return False


def has_role_in(roles: frozenset[str]):
    @rules.predicate
    def predicate(user, obj) -> bool:
        if obj is None:
            return False
        return any(
            m.role in roles and membership_is_in(m, obj) for m in user_active_memberships(user)
        )

    predicate.name = "has_role_in(" + ",".join(sorted(roles)) + ")"
    return predicate


@rules.predicate
def is_self(user, obj) -> bool:
    return obj is not None and getattr(obj, "pk", None) == user.pk


for _name, _roles in PERMISSIONS.items():
    rules.add_perm(_name, has_role_in(_roles))

rules.add_perm("accounts.change_own_profile", rules.is_authenticated)
