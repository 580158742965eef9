"""The demo cooperation of seed 003 (procedures 5 and 6) in Janów Lubelski and Świebodzin."""

import pytest

from opencus.cooperation.indicators import indicator_rows
from opencus.cooperation.models import Contribution, Pilot, Workshop
from opencus.demo.cooperation_loader import load_cooperation
from opencus.demo.partners_loader import DEMO_ORGANISATION, load_partners, member_slug
from opencus.providers.models import Organisation
from opencus.territory.tests.factories import CentreFactory, GminaFactory, NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centres():
    from opencus.accounts.roles import Role
    from opencus.accounts.tests.factories import MembershipFactory, UserFactory
    from opencus.providers.tests.factories import OrganisationFactory

    janow = CentreFactory(
        slug="janow-lubelski", seat_gmina=GminaFactory(code="0605053", name="Janów Lubelski")
    )
    swiebodzin = CentreFactory(slug="swiebodzin")
    director = UserFactory(email="dyrektor.janow@opencus.example")
    MembershipFactory(centre=janow, role=Role.DIRECTOR, user=director)
    ous = UserFactory(email="ous.swiebodzin@opencus.example")
    MembershipFactory(centre=swiebodzin, role=Role.OUS, user=ous)
    OrganisationFactory(slug=DEMO_ORGANISATION)
    load_partners()
    return janow, swiebodzin


def test_janow_works_with_the_two_konwent_members_of_its_gmina(centres):
    janow, _swiebodzin = centres
    load_cooperation()
    humanus = Organisation.objects.get(slug=member_slug(8))
    nasz = Organisation.objects.get(slug=member_slug(18))
    workshops = Workshop.objects.filter(centre=janow)
    assert {(w.organisation, w.status) for w in workshops} == {(humanus, "held"), (nasz, "held")}
    held = workshops.get(organisation=humanus)
    assert set(held.participants.values_list("side", flat=True)) == {
        "centre",
        "organisation",
        "zet",
        "observatory",
        "jst",
    }
    assert held.participants.filter(side="zet").count() == 2
    pilot = Pilot.objects.get(centre=janow)
    assert (pilot.organisation, pilot.status, pilot.is_demo) == (humanus, "running", True)
    kinds = set(Contribution.objects.filter(pilot=pilot).values_list("kind", flat=True))
    assert kinds == {"diagnosis", "community_plan"}
    assert all(w.is_demo for w in workshops)


def test_swiebodzin_plans_a_workshop_with_the_demo_organisation(centres):
    _janow, swiebodzin = centres
    load_cooperation()
    [workshop] = Workshop.objects.filter(centre=swiebodzin)
    assert (workshop.organisation.slug, workshop.status) == (DEMO_ORGANISATION, "planned")


def test_loading_again_adds_nothing(centres):
    load_cooperation()
    load_cooperation()
    assert Workshop.objects.count() == 3
    assert Pilot.objects.count() == 1
    assert Contribution.objects.count() == 3


def test_the_observatorys_indicators_count_the_demo(centres):
    janow, _swiebodzin = centres
    network = NetworkFactory(slug="obserwatorium-cus-lubelszczyzna")
    network.centres.add(janow)
    load_cooperation()
    rows = indicator_rows([janow.pk])
    [organisations, people] = [r.figure for r in rows if r.indicator.key == "stakeholders"]
    assert organisations.of(janow.pk) == 2
    assert people.of(janow.pk) == 9  # 7 of the centre, ZET, Obserwatorium, gmina; 2 leaders
    tasks = {
        r.figure.query: r.figure.of(janow.pk) for r in rows if r.indicator.key == "tasks_pilots"
    }
    assert (tasks[""], tasks["kind=diagnosis"], tasks["kind=community_plan"]) == (3, 2, 1)
