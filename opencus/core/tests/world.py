"""The ``world`` of the tests (conftest.py's ``world`` and ``module_world`` fixtures, and
the browser tests' scene): the personas of every role in two centres."""

from types import SimpleNamespace

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory, UserFactory
from opencus.providers.tests.factories import OrganisationFactory
from opencus.territory.tests.factories import CentreFactory, NetworkFactory


def build_world() -> SimpleNamespace:
    """Two centres with staff in every role, a provider organisation and a network.

    ``world.b`` is the other tenant: its staff and objects must stay invisible to ``world.a``'s.
    """
    a = CentreFactory(name="CUS Alfa", slug="alfa")
    b = CentreFactory(name="CUS Beta", slug="beta")
    users = {}
    for role in (Role.FRONT_DESK, Role.OUS, Role.KIPUS, Role.OSL, Role.DIRECTOR):
        users[role] = MembershipFactory(
            centre=a, role=role, user=UserFactory(last_name=f"A-{role}")
        ).user
    b_director = MembershipFactory(centre=b, role=Role.DIRECTOR).user
    b_kipus = MembershipFactory(centre=b, role=Role.KIPUS).user
    organisation = OrganisationFactory(slug="partner")
    provider = MembershipFactory(
        organisation=organisation, centre=None, role=Role.PROVIDER_STAFF
    ).user
    other_organisation = OrganisationFactory(slug="other-partner")
    network = NetworkFactory(slug="siec")
    network.centres.add(a, b)
    other_network = NetworkFactory(slug="other-siec")
    analyst = MembershipFactory(network=network, centre=None, role=Role.ANALYST).user
    nobody = UserFactory(last_name="Bez-roli")
    return SimpleNamespace(
        a=a,
        b=b,
        director=users[Role.DIRECTOR],
        ous=users[Role.OUS],
        kipus=users[Role.KIPUS],
        osl=users[Role.OSL],
        front_desk=users[Role.FRONT_DESK],
        b_director=b_director,
        b_kipus=b_kipus,
        organisation=organisation,
        other_organisation=other_organisation,
        provider=provider,
        network=network,
        other_network=other_network,
        analyst=analyst,
        nobody=nobody,
    )
