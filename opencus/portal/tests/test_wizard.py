"""The find-help wizard: a few answers give the services that fit, ranked, each with its reasons.

The scenario: "my mother, 82, lives alone in a rural gmina and cannot drive". Her gmina is
served by world.a; world.b next door opens its remote care to her gmina by an agreement.
"""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from opencus.catalogue.enums import FeeKind, Unit
from opencus.catalogue.models import Vocabulary
from opencus.catalogue.tests import conftest as catalogue_fixtures
from opencus.catalogue.tests.conftest import term
from opencus.portal import selectors
from opencus.territory.enums import AgreementKind, GminaKind
from opencus.territory.services import agreement_create
from opencus.territory.tests.factories import GminaFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
FIND_HELP = reverse("portal:find_help")

make_service = catalogue_fixtures.make_service  # the catalogue's fixture, shared here

# Queries of the wizard's answer, whatever the number of candidate services (5 or 30).
MAX_QUERIES_WIZARD = 10


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def needs(*codes):
    return [term(Vocabulary.NEED, code) for code in codes]


def seniors():
    return [term(Vocabulary.TARGET_GROUP, "seniors")]


def free(value="45.00"):
    return {
        "fee_kind": FeeKind.FREE,
        "market_value": Decimal(value),
        "resident_price": Decimal("0"),
    }


@pytest.fixture
def village(world):
    """A rural gmina served by world.a and bound to world.b's gmina by an agreement."""
    rural = GminaFactory(kind=GminaKind.RURAL, name="Bobrowice")
    world.a.gminas.add(rural)
    agreement = agreement_create(
        by=None,
        title="Porozumienie o teleopiece",
        kind=AgreementKind.BILATERAL,
        lead_gmina=world.b.seat_gmina,
        parties=[world.b.seat_gmina, rural],
        centre=world.b,
    )
    return SimpleNamespace(gmina=rural, agreement=agreement)


@pytest.fixture
def mother(world, village, make_service):
    """The services around the village: those that fit her, and those that must not."""
    fits = SimpleNamespace(
        assistant=make_service(
            world.a,
            publish=True,
            name="Asystent osoby starszej",
            needs=needs("getting_around", "daily_care"),
            target_groups=seniors(),
            **free(),
        ),
        meals=make_service(world.a, publish=True, name="Dowóz posiłków", needs=needs("meals")),
        transport=make_service(
            world.a,
            publish=True,
            name="Przewóz do lekarza",
            needs=needs("getting_around"),
            unit=Unit.RIDE,
            market_value=Decimal("20.00"),
            resident_price=Decimal("5.00"),
        ),
        club=make_service(
            world.a,
            publish=True,
            name="Klub seniora",
            at_home=False,
            at_location=True,
            access_mode="open",
            needs=needs("loneliness"),
            **free("30.00"),
        ),
        remote_care=make_service(
            world.b,
            publish=True,
            name="Teleopieka",
            at_home=False,
            remote=True,
            needs=needs("safety_at_home"),
            unit=Unit.MONTH,
            market_value=Decimal("60.00"),
            resident_price=Decimal("20.00"),
            residents_of=[world.b.seat_gmina, village.gmina],
        ),
    )
    # Each of these would help, but must not be offered to her.
    make_service(
        world.a,
        publish=True,
        name="Opiekunka dla dziecka",
        needs=needs("daily_care"),
        min_age=None,
        max_age=17,
        target_groups=[term(Vocabulary.TARGET_GROUP, "families")],
    )
    make_service(
        world.a,
        publish=True,
        name="Usługi opiekuńcze w mieście",
        needs=needs("daily_care"),
        residents_of=[world.a.seat_gmina],
    )
    make_service(
        world.b,
        publish=True,
        name="Dowóz posiłków w Becie",
        needs=needs("meals"),
        residents_of=[world.b.seat_gmina],
    )
    make_service(world.a, name="Szkic opieki", needs=needs("daily_care"))
    return fits


def answers(village, **overrides):
    query = {
        "for_whom": "family",
        "age": "82",
        "needs": ["getting_around", "meals", "daily_care"],
        "lives_alone": "on",
        "gmina": village.gmina.code,
        "travel": "no",
    }
    query.update(overrides)
    return {k: v for k, v in query.items() if v is not None}


def ask(client, village, **overrides):
    response = client.get(FIND_HELP, answers(village, **overrides), headers=ENGLISH)
    assert response.status_code == 200
    return response


def by_name(matches):
    return {m.service.name: m for m in matches}


# --- the scenario -----------------------------------------------------------------------------


def test_the_wizard_finds_what_fits_ranked_best_first(client, village, mother):
    response = ask(client, village)
    matches = response.context["matches"]
    assert [m.service.name for m in matches] == [
        "Asystent osoby starszej",  # two of her needs, at home, free
        "Dowóz posiłków",
        "Przewóz do lekarza",
        "Teleopieka",  # from the neighbour, for living alone
        "Klub seniora",  # she would have to get there
    ]
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[1]


def test_the_own_centres_service_says_why_it_fits(client, village, mother):
    match = by_name(ask(client, village).context["matches"])["Asystent osoby starszej"]
    assert match.reasons == [
        "Helps with: getting around, transport, everyday care and help at home.",
        "Meant for: seniors.",
        "Given by your centre: CUS Alfa.",
        "No need to travel: it comes to your home.",
        "Free: its real value of 45.00 zł is paid for you.",
    ]
    assert match.warnings == []
    assert match.via_agreement is None


def test_a_paid_part_says_the_price_and_the_real_value(client, village, mother):
    match = by_name(ask(client, village).context["matches"])["Dowóz posiłków"]
    assert match.reasons[-1] == "You pay 12.00 zł of its real value of 28.00 zł."


def test_the_neighbours_service_comes_through_the_agreement(client, village, mother):
    match = by_name(ask(client, village).context["matches"])["Teleopieka"]
    assert match.via_agreement == village.agreement
    assert match.reasons == [
        "Helps with: safety at home, emergency call.",
        "Meant for: seniors.",
        "Open to residents of Bobrowice through an inter-municipal agreement with CUS Beta.",
        "No need to travel: it works by phone or online.",
        "You pay 20.00 zł of its real value of 60.00 zł.",
    ]


def test_a_service_at_a_place_warns_that_she_must_get_there(client, village, mother):
    match = by_name(ask(client, village).context["matches"])["Klub seniora"]
    assert match.warnings == ["You need to get to the place where it is given."]
    assert not any(r.startswith("No need to travel") for r in match.reasons)


def test_no_warning_when_she_can_travel(client, village, mother):
    matches = by_name(ask(client, village, travel="yes").context["matches"])
    assert matches["Klub seniora"].warnings == []
    assert not any("travel" in r for m in matches.values() for r in m.reasons)


def test_living_alone_adds_company_and_safety(client, village, mother):
    matches = by_name(ask(client, village, lives_alone=None).context["matches"])
    assert sorted(matches) == ["Asystent osoby starszej", "Dowóz posiłków", "Przewóz do lekarza"]


def test_the_results_page_lists_the_reasons(client, village, mother):
    response = ask(client, village)
    assertContains(response, "5 services fit")
    assertContains(
        response,
        "<li>Open to residents of Bobrowice through an inter-municipal agreement with CUS Beta.</li>",
    )
    assertContains(
        response, '<li class="warning-text">You need to get to the place where it is given.</li>'
    )
    assertContains(response, reverse("portal:service", args=[mother.remote_care.pk]))


# --- who is left out --------------------------------------------------------------------------


def test_an_age_outside_the_services_range_excludes_it(world, village, mother):
    found = {m.service.name for m in selectors.wizard_matches(_answers(village, age=82))}
    assert "Opiekunka dla dziecka" not in found
    found = {m.service.name for m in selectors.wizard_matches(_answers(village, age=8))}
    assert "Opiekunka dla dziecka" in found
    assert "Asystent osoby starszej" not in found  # from 60 (the catalogue's default)


def test_a_gmina_not_among_the_residents_excludes_the_service(world, village, mother):
    found = {m.service.name for m in selectors.wizard_matches(_answers(village))}
    assert "Usługi opiekuńcze w mieście" not in found
    assert "Dowóz posiłków w Becie" not in found
    in_town = _answers(village, gmina=world.a.seat_gmina)
    found = {m.service.name for m in selectors.wizard_matches(in_town)}
    assert "Usługi opiekuńcze w mieście" in found
    assert "Teleopieka" not in found  # the agreement binds the village, not the town


def test_drafts_are_never_offered(village, mother):
    found = {m.service.name for m in selectors.wizard_matches(_answers(village))}
    assert "Szkic opieki" not in found


def test_a_service_for_an_individual_plan_only_says_so(world, village, make_service):
    make_service(
        world.a,
        publish=True,
        name="Opieka wytchnieniowa",
        access_mode="ipus_only",
        needs=needs("daily_care"),
    )
    (match,) = selectors.wizard_matches(_answers(village))
    assert match.warnings == ["Given only within an individual plan (IPUS): ask the centre."]


def test_nothing_fits_says_whom_to_call(client, village, mother):
    response = ask(client, village, needs=["parenting"], lives_alone=None)
    assert response.context["matches"] == []
    assertContains(response, "No service fits all the answers.")
    assertContains(response, reverse("territory:centre_list"))


def _answers(village, **overrides):
    values = {
        "age": 82,
        "needs": ["getting_around", "meals", "daily_care"],
        "gmina": village.gmina,
        "travel": "no",
        "lives_alone": True,
    }
    return selectors.Answers(**(values | overrides))


# --- answers that cannot be used ----------------------------------------------------------------


@pytest.fixture
def one_service(world, village, make_service):
    """Just enough for the village to be offered as an answer."""
    return make_service(world.a, publish=True, needs=needs("meals"))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"needs": None}, "needs"),
        ({"needs": ["flying"]}, "needs"),
        ({"age": "200"}, "age"),
        ({"age": "-1"}, "age"),
        ({"age": "osiemdziesiąt"}, "age"),
        ({"age": None}, "age"),
        ({"gmina": "9999999"}, "gmina"),
        ({"gmina": None}, "gmina"),
        ({"travel": "fly"}, "travel"),
        ({"for_whom": "neighbour"}, "for_whom"),
    ],
    ids=[
        "no-needs",
        "unknown-need",
        "age-200",
        "age-negative",
        "age-words",
        "no-age",
        "unknown-gmina",
        "no-gmina",
        "travel",
        "for-whom",
    ],
)
def test_an_answer_that_cannot_be_used_is_explained(client, village, one_service, overrides, field):
    response = ask(client, village, **overrides)
    assert list(response.context["form"].errors) == [field]
    assert response.context["matches"] is None
    assertContains(response, f'id="id_{field}_error"')


def test_a_gmina_without_published_services_cannot_be_chosen(client, village, one_service):
    elsewhere = GminaFactory(name="Gmina bez usług")
    response = ask(client, village, gmina=elsewhere.code)
    assert list(response.context["form"].errors) == ["gmina"]


def test_the_empty_wizard_asks_the_questions(client, village, one_service):
    response = client.get(FIND_HELP, headers=ENGLISH)
    assert response.status_code == 200
    assert response.context["matches"] is None
    assert not response.context["form"].errors
    gminas = list(response.context["form"].fields["gmina"].queryset)
    assert village.gmina in gminas


# --- cost -------------------------------------------------------------------------------------


def _candidates(world, village, make_service, size):
    """``size`` services that fit her: four of five from world.a, one of five from world.b."""
    for i in range(size):
        neighbour = i % 5 == 4
        make_service(
            world.b if neighbour else world.a,
            publish=True,
            name=f"Usługa {i:02d}",
            needs=needs(["meals", "daily_care", "getting_around", "loneliness"][i % 4]),
            at_location=i % 3 == 0,
            provider=world.organisation if i % 2 else None,
            **({"residents_of": [world.b.seat_gmina, village.gmina]} if neighbour else {}),
        )


@pytest.mark.parametrize("size", [5, 30])
def test_the_wizard_queries_are_bounded(
    client, world, village, make_service, django_assert_max_num_queries, size
):
    _candidates(world, village, make_service, size)
    with django_assert_max_num_queries(MAX_QUERIES_WIZARD):
        response = client.get(FIND_HELP, answers(village), headers=ENGLISH)
    assert len(response.context["matches"]) == min(size, 20)


@pytest.mark.django_db
def test_asking_for_someone_you_look_after_also_offers_a_break_for_the_carer(world, make_service):
    from opencus.catalogue.models import Term, Vocabulary
    from opencus.portal.selectors import Answers, wizard_matches

    carer_break = Term.objects.get(vocabulary=Vocabulary.NEED, code="carer_break")
    make_service(
        world.a, name="Opieka wytchnieniowa", min_age=None, needs=[carer_break], publish=True
    )
    answers = Answers(age=40, needs=["daily_care"], gmina=world.a.seat_gmina, travel="yes")
    assert wizard_matches(answers) == []
    answers.for_whom = "cared"
    assert [m.service.name for m in wizard_matches(answers)] == ["Opieka wytchnieniowa"]
