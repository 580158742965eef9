"""Reads: stuck referrals, the referrer's list and its order, what each receiver sees, and
which centres an agreement links."""

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from opencus.referrals import selectors, services
from opencus.referrals.models import ReferralPolicy
from opencus.referrals.tests.conftest import ago
from opencus.referrals.tests.fixtures import (
    link_by_agreement,
    published_service,
    to_centre,
    to_provider,
    to_unit,
)
from opencus.territory.tests.factories import AgreementFactory, CentreFactory, GminaFactory

pytestmark = pytest.mark.django_db


def _sent(world, person, days, **fields):
    return to_provider(world.a, world.organisation, person=person, sent_at=ago(days=days), **fields)


def _answer(referral, world, step, days):
    extra = {"reason": "unreachable"} if step in ("decline", "drop") else {}
    return services.ANSWERS[step](
        referral=referral, by=None, acting_for=world.organisation, at=ago(days=days), **extra
    )


def _stuck_ids(world) -> set:
    return {r.pk for r in selectors.referral_list(centre=world.a) if r.is_stuck}


# --- stuck ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "steps", "stuck"),
    [
        (6, [], False),
        (8, [], True),
        (20, [("accept", 6)], False),
        (20, [("accept", 8)], True),
        (90, [("accept", 80), ("start", 59)], False),
        (90, [("accept", 80), ("start", 61)], True),
        (90, [("accept", 80), ("start", 70), ("complete", 5)], False),
        (90, [("decline", 80)], False),
        (90, [("accept", 85), ("drop", 80)], False),
    ],
    ids=[
        "sent-6-days",
        "sent-8-days-no-answer",
        "accepted-6-days",
        "accepted-8-days-not-started",
        "started-59-days",
        "started-61-days-not-completed",
        "completed",
        "declined",
        "dropped",
    ],
)
def test_a_referral_is_stuck_when_its_step_waits_too_long(world, person, sent, steps, stuck):
    referral = _sent(world, person, sent)
    for step, days in steps:
        referral = _answer(referral, world, step, days)
    now = timezone.now()
    policy = selectors.referral_policy(world.a)
    assert selectors.referral_is_stuck(referral, policy, now) is stuck
    assert (referral.pk in _stuck_ids(world)) is stuck


def test_the_centre_setting_decides_how_long_is_too_long(world, person):
    waiting = _sent(world, person, 8)
    started = _sent(world, person, 90)
    _answer(started, world, "accept", 80)
    _answer(started, world, "start", 61)
    assert _stuck_ids(world) == {waiting.pk, started.pk}
    services.policy_update(centre=world.a, by=None, answer_days=10, completion_days=90)
    assert _stuck_ids(world) == set()


def test_the_default_setting_is_seven_and_sixty_days(world):
    policy = selectors.referral_policy(world.a)
    assert (policy.answer_days, policy.completion_days) == (7, 60)
    assert not ReferralPolicy.objects.exists()


def test_age_counts_to_now_or_to_the_end(world, person):
    open_ = _sent(world, person, 10)
    closed = _sent(world, person, 30)
    _answer(closed, world, "decline", 26)
    assert open_.age_days() == 10
    closed.refresh_from_db()
    assert closed.age_days() == 4


# --- the referrer's list -------------------------------------------------------------------


def test_the_list_shows_stuck_first_then_open_then_closed(world, person):
    closed = _sent(world, person, 40)
    _answer(closed, world, "decline", 39)
    fresh = _sent(world, person, 1)
    stuck = _sent(world, person, 9)
    older_open = _sent(world, person, 3)
    assert list(selectors.referral_list(centre=world.a)) == [stuck, fresh, older_open, closed]


def test_the_list_filters(world, person, linked):
    provider = _sent(world, person, 9)
    unit = to_unit(world.a, person=person)
    centre = to_centre(world.a, world.b, person=person)
    declined = _sent(world, person, 2)
    _answer(declined, world, "decline", 1)
    withdrawn = _sent(world, person, 2)
    services.referral_withdraw(referral=withdrawn, by=None, acting_for=world.a, note="Pomyłka.")

    def ids(**filters):
        return {r.pk for r in selectors.referral_list(centre=world.a, **filters)}

    assert ids(receiver_kind="unit") == {unit.pk}
    assert ids(receiver_kind="centre") == {centre.pk}
    assert ids(status="declined") == {declined.pk}
    assert ids(loop="open") == {provider.pk, unit.pk, centre.pk}
    assert ids(loop="closed") == {declined.pk}
    assert ids(loop="withdrawn") == {withdrawn.pk}
    assert ids(stuck="stuck") == {provider.pk}
    assert ids(stuck="moving") == {unit.pk, centre.pk, declined.pk, withdrawn.pk}
    assert ids(query="PUP") == {unit.pk}
    assert ids(query="Halina nowak") == ids()


def test_the_list_is_the_centres_only(world, person):
    _sent(world, person, 1)
    to_provider(world.b, world.organisation)
    assert selectors.referral_list(centre=world.b).count() == 1
    assert {r.centre for r in selectors.referral_list(centre=world.a)} == {world.a}


def test_another_centres_referral_is_not_found(world, person):
    theirs = to_provider(world.b, world.organisation)
    with pytest.raises(Http404):
        selectors.get_referral(centre=world.a, referral_id=theirs.pk)


# --- receivers see only what is addressed to them ------------------------------------------


def test_an_organisation_sees_only_its_referrals(world, person):
    ours = to_provider(world.a, world.organisation, person=person)
    from_b = to_provider(world.b, world.organisation)
    elsewhere = to_provider(world.a, world.other_organisation, person=person)
    assert set(selectors.organisation_referral_list(organisation=world.organisation)) == {
        ours,
        from_b,
    }
    with pytest.raises(Http404):
        selectors.get_organisation_referral(
            organisation=world.organisation, referral_id=elsewhere.pk
        )


def test_a_receiving_centre_sees_only_what_was_sent_to_it(world, person, linked):
    to_b = to_centre(world.a, world.b, person=person)
    to_provider(world.a, world.organisation, person=person)
    assert list(selectors.incoming_referral_list(centre=world.b)) == [to_b]
    assert list(selectors.incoming_referral_list(centre=world.a)) == []
    with pytest.raises(Http404):
        selectors.get_incoming_referral(centre=world.a, referral_id=to_b.pk)


def test_a_receiver_sees_new_referrals_first(world, person):
    started = to_provider(world.a, world.organisation, person=person, sent_at=ago(days=5))
    _answer(started, world, "accept", 4)
    _answer(started, world, "start", 3)
    new = to_provider(world.a, world.organisation, person=person, sent_at=ago(days=9))
    assert list(selectors.organisation_referral_list(organisation=world.organisation)) == [
        new,
        started,
    ]
    assert list(
        selectors.organisation_referral_list(organisation=world.organisation, status="started")
    ) == [started]


def test_a_receiver_searches_the_shared_name(world, person):
    referral = to_provider(world.a, world.organisation, person=person)
    found = selectors.organisation_referral_list(organisation=world.organisation, query="nowak")
    assert list(found) == [referral]
    assert not selectors.organisation_referral_list(organisation=world.organisation, query="zzz")


# --- agreements ----------------------------------------------------------------------------


def test_an_agreement_links_the_centres_both_ways(world, linked):
    assert selectors.agreement_between(world.a, world.b) == linked
    assert selectors.agreement_between(world.b, world.a) == linked
    assert list(selectors.partner_centres(world.a)) == [world.b]
    assert list(selectors.partner_centres(world.b)) == [world.a]


def test_an_agreement_linking_other_centres_does_not_count(world):
    c, d = CentreFactory(), CentreFactory()
    link_by_agreement(c, d)
    AgreementFactory(lead_gmina=world.a.seat_gmina, parties=[world.a.seat_gmina, GminaFactory()])
    assert selectors.agreement_between(world.a, world.b) is None
    assert list(selectors.partner_centres(world.a)) == []


def test_an_agreement_counts_on_its_dates_only(world):
    today = timezone.localdate()
    link_by_agreement(world.a, world.b, valid_from=today + dt.timedelta(days=10))
    assert selectors.agreement_between(world.a, world.b) is None
    assert selectors.agreement_between(world.a, world.b, on=today + dt.timedelta(days=10))


def test_services_offered_for_a_referral(world, linked):
    ours_by_provider = published_service(world.a, provider=world.organisation)
    published_service(world.a, name="Klub seniora")  # the centre's own: not a referral
    theirs = published_service(world.b, name="Dzienny dom")
    unlinked = CentreFactory()
    published_service(unlinked, name="Poza porozumieniem")
    assert set(selectors.services_for_referral(world.a)) == {ours_by_provider, theirs}
