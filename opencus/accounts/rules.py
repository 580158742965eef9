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


for _name, _roles in PERMISSIONS.items():
    rules.add_perm(_name, has_role_in(_roles))

rules.add_perm("accounts.change_own_profile", rules.is_authenticated)
# "My matters": any signed-in resident; each page then shows only the people linked to them.
rules.add_perm("residents.use_my_matters", rules.is_authenticated)
# Anyone signed in may follow the organisations they registered (before any centre verifies).
rules.add_perm("providers.follow_registration", rules.is_authenticated)


def can(user, permission: str, obj=None) -> bool:
    """Whether ``user`` holds ``permission`` on ``obj`` by their roles.

    Asks the rules directly: ``user.has_perm`` lets an active superuser through everything,
    and a superuser who also holds one centre role must not become that centre's director.
    """
    return rules.has_perm(permission, user, obj)
