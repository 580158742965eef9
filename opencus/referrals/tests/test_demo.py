"""The demo referrals: loaded where their centre, people and organisation exist, once."""

import datetime as dt

import pytest
from django.utils import timezone

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory, UserFactory
from opencus.demo.referrals_loader import REFERRALS, load_referrals
from opencus.people import services as people
from opencus.providers.tests.factories import OrganisationFactory
from opencus.referrals import selectors
from opencus.referrals.models import Referral
from opencus.territory.tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def swiebodzin(db):
    centre = CentreFactory(slug="swiebodzin", name="CUS Świebodzin")
    organisation = OrganisationFactory(slug="konwent-cis-kis", name="Fundacja Konwent")
    MembershipFactory(
        centre=centre, role=Role.KIPUS, user=UserFactory(email="kipus.swiebodzin@opencus.example")
    )
    MembershipFactory(
        organisation=organisation,
        centre=None,
        role=Role.PROVIDER_STAFF,
        user=UserFactory(email="lider.konwent@opencus.example"),
    )
    for (last, first), *_rest in REFERRALS:
        person = people.person_create(
            centre=centre,
            by=None,
            first_name=first,
            last_name=last,
            birth_date=dt.date(1950, 1, 1),
            phone="+48 600 100 200",
            is_demo=True,
        )
        people.consent_give(person=person, by=None, purpose="share_with_provider", form="written")
    return centre


def test_the_demo_shows_each_point_of_the_loop_and_one_stuck(swiebodzin):
    assert load_referrals() == len(REFERRALS)
    referrals = Referral.objects.filter(is_demo=True)
    assert sorted(referrals.values_list("status", flat=True)) == [
        "completed",
        "declined",
        "sent",
        "sent",
        "started",
    ]
    assert set(referrals.values_list("receiver_kind", flat=True)) == {"provider", "unit"}
    listed = list(selectors.referral_list(centre=swiebodzin))
    assert [r.person.last_name for r in listed if r.is_stuck] == ["Kowalska"]
    assert listed[0].person.last_name == "Kowalska"
    completed = referrals.get(status="completed")
    assert completed.events.filter(recorded_for_receiver=True).count() == 3
    assert completed.closed_at < timezone.now()


def test_a_rerun_changes_nothing(swiebodzin):
    load_referrals()
    assert load_referrals() == 0
    assert Referral.objects.count() == len(REFERRALS)


def test_without_the_centre_nothing_is_loaded(db):
    assert load_referrals() == 0
    assert not Referral.objects.exists()
