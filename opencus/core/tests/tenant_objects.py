"""The objects of one tenant that the URL walks fill URL kwargs from.

Two tests walk every URL and need an object behind each kwarg (``person_id``, ``plan_id`` …):
``accounts/tests/test_permissions.py`` (another tenant's objects must give 404) and
``core/tests/test_query_budget.py`` (every page stays within a query budget). Both build
their kwargs here, from ``TENANT_OBJECTS``.

An app whose URLs take a new kwarg joins both walks with ONE entry in ``TENANT_OBJECTS``
(and the import of its builder): its ``tests/fixtures.py`` has a ``<thing>_of(centre, …)``
that creates the objects through the app's services and returns ``{kwarg: value}``::

    "contracts": lambda t: contracts_of(t.centre, organisation=t.organisation),

Until then the permission walk fails with "teach this test how to fill {…}".
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from opencus.accounts.models import Membership
from opencus.cases.tests.fixtures import cases_of
from opencus.catalogue.tests.fixtures import catalogue_of
from opencus.commissioning.tests.fixtures import calls_of
from opencus.contracts.tests.fixtures import contracts_of
from opencus.cooperation.tests.fixtures import cooperation_of
from opencus.enrolments.tests.fixtures import enrolments_of
from opencus.equipment.tests.fixtures import equipment_of
from opencus.people.tests.fixtures import people_of
from opencus.plans.tests.fixtures import plans_of
from opencus.providers.tests.fixtures import partners_of
from opencus.referrals.tests.fixtures import referrals_of


@dataclass(frozen=True)
class Tenant:
    """One side of ``world`` (conftest.py): the centre whose objects a walk reaches."""

    centre: Any
    director: Any  # the centre's director: signs its decisions
    member: Any  # a staff member of the centre: user_id, membership_id
    # the organisation the centre works with: it delivers the centre's services, receives
    # its referrals, asked to work with it, holds the documents, takes part in the workshops
    # and pilots, offers in the calls and signs the contracts. The other tenant's is not
    # world.provider's: world.provider must reach none of it.
    organisation: Any
    network: Any


# app -> builder of the app's objects of one tenant, as URL kwargs. One line per app.
TENANT_OBJECTS: dict[str, Callable[[Tenant], dict[str, Any]]] = {
    "catalogue": lambda t: catalogue_of(t.centre),
    "people": lambda t: people_of(t.centre),
    "cases": lambda t: cases_of(t.centre, t.director),
    "equipment": lambda t: equipment_of(t.centre),
    "enrolments": lambda t: enrolments_of(t.centre, provider=t.organisation),
    "plans": lambda t: plans_of(t.centre),
    "referrals": lambda t: referrals_of(t.centre, organisation=t.organisation),
    "partners": lambda t: partners_of(t.centre, organisation=t.organisation),
    "cooperation": lambda t: cooperation_of(t.centre, organisation=t.organisation),
    "commissioning": lambda t: calls_of(t.centre, organisation=t.organisation),
    "contracts": lambda t: contracts_of(t.centre, organisation=t.organisation),
}


def other_tenant(world) -> Tenant:
    """Centre b's side of ``world``: what centre a's staff, world.provider and world.analyst
    must never reach."""
    return Tenant(
        centre=world.b,
        director=world.b_director,
        member=world.b_kipus,
        organisation=world.other_organisation,
        network=world.other_network,
    )


def own_tenant(world) -> Tenant:
    """Centre a's side of ``world``: what its director, world.provider and world.analyst see."""
    return Tenant(
        centre=world.a,
        director=world.director,
        member=world.osl,
        organisation=world.organisation,
        network=world.network,
    )


def tenant_url_kwargs(tenant: Tenant) -> dict[str, Any]:
    """Every URL kwarg filled from ``tenant``: its context slugs, a member, and the objects of
    every app in ``TENANT_OBJECTS`` (built through the apps' services)."""
    membership = Membership.objects.get(user=tenant.member, centre=tenant.centre)
    values: dict[str, Any] = {
        "centre_slug": tenant.centre.slug,
        "organisation_slug": tenant.organisation.slug,
        "network_slug": tenant.network.slug,
        "user_id": tenant.member.pk,
        "membership_id": membership.pk,
    }
    given_by = dict.fromkeys(values, "tenant_url_kwargs")
    for app, build in TENANT_OBJECTS.items():
        kwargs = build(tenant)
        clash = {k: given_by[k] for k in kwargs if k in given_by}
        assert not clash, f"TENANT_OBJECTS[{app!r}] fills kwargs already filled: {clash}"
        given_by |= dict.fromkeys(kwargs, app)
        values |= kwargs
    return values
