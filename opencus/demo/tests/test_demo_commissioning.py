"""Demo calls at CUS Świebodzin and CUS Janów Lubelski (commissioning_loader)."""

import pytest

from opencus.commissioning import selectors
from opencus.commissioning.enums import CallStatus, Mode, OfferStatus
from opencus.commissioning.models import Call
from opencus.demo.commissioning_loader import (
    ASSISTANCE,
    HOME_HELP,
    MEALS,
    RESPITE,
    load_commissioning,
)
from opencus.demo.partners_loader import load_partners
from opencus.providers.tests.factories import OrganisationFactory
from opencus.territory.tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_region():
    swiebodzin = CentreFactory(slug="swiebodzin", name="CUS w Świebodzinie")
    janow = CentreFactory(slug="janow-lubelski", name="CUS w Janowie Lubelskim")
    OrganisationFactory(slug="konwent-cis-kis", legal_form="foundation")
    load_partners()
    return swiebodzin, janow


def test_swiebodzin_has_a_19a_call_in_its_comment_window_an_awarded_competition_and_a_draft(
    demo_region,
):
    swiebodzin, _janow = demo_region
    load_commissioning()
    respite = Call.objects.get(centre=swiebodzin, title=RESPITE)
    assert (respite.mode, respite.status) == (Mode.SMALL_GRANT, CallStatus.EVALUATION)
    offers = list(respite.offers.all())
    assert len(offers) == 2
    assert all(o.status == OfferStatus.ACCEPTED and o.comments_open() for o in offers)
    assert selectors.offers_for_comments(call=respite)
    meals = Call.objects.get(centre=swiebodzin, title=MEALS)
    assert (meals.mode, meals.task_form, meals.status) == (
        Mode.OPEN_COMPETITION,
        "entrusting",
        CallStatus.RESULTS_PUBLISHED,
    )
    assert meals.offers.filter(status=OfferStatus.AWARDED).count() == 1
    assert meals.offers.filter(status=OfferStatus.NOT_AWARDED).count() == 2
    assert Call.objects.get(centre=swiebodzin, title=ASSISTANCE).status == CallStatus.DRAFT


def test_janow_has_one_published_call_and_everything_is_demo_data(demo_region):
    _swiebodzin, janow = demo_region
    load_commissioning()
    call = Call.objects.get(centre=janow)
    assert (call.title, call.status) == (HOME_HELP, CallStatus.PUBLISHED)
    assert not Call.objects.filter(is_demo=False).exists()
    assert set(selectors.public_calls().values_list("title", flat=True)) == {
        RESPITE,
        MEALS,
        HOME_HELP,
    }


def test_loading_again_adds_nothing(demo_region):
    assert load_commissioning() == 4
    assert load_commissioning() == 4
