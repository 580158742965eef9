"""The rules of commissioning, one test each: calls, offers, deadlines, the limits of the legal
routes, evaluation, award and publication (state machine H)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from opencus.commissioning import selectors, services
from opencus.commissioning.enums import (
    CallAction,
    CallStatus,
    Decision,
    FormalResult,
    Mode,
    OfferStatus,
)
from opencus.commissioning.models import Call, CallEvent, Offer, OfferComment, Score
from opencus.commissioning.tests.fixtures import (
    accept_and_score,
    awarded_call,
    call_fields,
    draft_call,
    draft_offer,
    end_comment_window,
    in_evaluation,
    offer_fields,
    pass_deadline,
    published_call,
    submitted_offer,
    works_with,
)
from opencus.providers.enums import LegalForm, PartnershipStatus
from opencus.providers.tests.factories import OrganisationFactory
from opencus.territory.tests.factories import GminaFactory

pytestmark = pytest.mark.django_db


def messages(exc: ValidationError, field: str = NON_FIELD_ERRORS) -> list[str]:
    return exc.value.message_dict.get(field, [])


def award(offer, amount=None, reason="Spełnia warunki."):
    return {offer.pk: {"decision": Decision.AWARD, "amount": amount, "reason": reason}}


# --- calls ----------------------------------------------------------------------------------


def test_calls_are_numbered_per_centre_and_year(world):
    year = timezone.localdate().year
    first, second = draft_call(world.a), draft_call(world.a)
    other = draft_call(world.b)
    assert (first.number, second.number) == (f"1/{year}", f"2/{year}")
    assert other.number == f"1/{year}"


def test_a_grant_names_its_form(world):
    with pytest.raises(ValidationError) as exc:
        draft_call(world.a, mode=Mode.OPEN_COMPETITION, task_form="")
    assert messages(exc, "task_form") == [str(services.MSG_TASK_FORM_REQUIRED)]


def test_procurement_names_its_kind_and_other_modes_drop_it(world):
    with pytest.raises(ValidationError) as exc:
        draft_call(world.a, mode=Mode.PROCUREMENT, procurement_kind="")
    assert messages(exc, "procurement_kind") == [str(services.MSG_PROCUREMENT_KIND_REQUIRED)]
    call = draft_call(world.a, mode=Mode.SMALL_GRANT, procurement_kind="reserved")
    assert call.procurement_kind == ""


def test_a_small_grant_task_lasts_at_most_90_days(world, settings):
    start = timezone.localdate() + dt.timedelta(days=10)
    with pytest.raises(ValidationError) as exc:
        draft_call(world.a, task_starts_on=start, task_ends_on=start + dt.timedelta(days=90))
    assert "at most 90 days; this one lasts 91" in messages(exc, "task_ends_on")[0]
    settings.COMMISSIONING = {"SMALL_GRANT_MAX_DAYS": 120}
    assert draft_call(world.a, task_starts_on=start, task_ends_on=start + dt.timedelta(days=90))


def test_below_the_pzp_threshold_means_below_130000(world):
    with pytest.raises(ValidationError) as exc:
        draft_call(
            world.a,
            mode=Mode.PROCUREMENT,
            procurement_kind="below_threshold",
            budget=Decimal("130000"),
        )
    assert "under 130,000.00 zł" in messages(exc, "budget")[0]
    assert draft_call(
        world.a, mode=Mode.PROCUREMENT, procurement_kind="below_threshold", budget=Decimal("129999")
    )


def test_a_call_is_delivered_in_the_centres_gminas(world):
    elsewhere = GminaFactory(name="Daleka")
    with pytest.raises(ValidationError) as exc:
        draft_call(world.a, gminas=[elsewhere])
    assert "does not serve the gmina Daleka" in messages(exc, "gminas")[0]


def test_criteria_have_different_names_and_1_to_100_points(world):
    twice = [{"name": "Koszt", "max_points": 10}, {"name": "koszt", "max_points": 5}]
    with pytest.raises(ValidationError) as exc:
        draft_call(world.a, criteria=twice)
    assert "Two criteria have the same name: koszt." in messages(exc, "criteria")
    with pytest.raises(ValidationError) as exc:
        draft_call(world.a, criteria=[{"name": "Koszt", "max_points": 101}])
    assert messages(exc, "criteria") == [str(services.MSG_CRITERION_POINTS)]


def test_a_call_is_published_with_at_least_one_criterion(world):
    call = draft_call(world.a, criteria=[])
    with pytest.raises(ValidationError) as exc:
        services.call_publish(call=call, by=world.ous)
    assert messages(exc, "criteria") == [str(services.MSG_NO_CRITERIA)]


def test_an_open_competition_gives_at_least_21_days(world, settings):
    call = draft_call(
        world.a,
        mode=Mode.OPEN_COMPETITION,
        offers_deadline=timezone.now() + dt.timedelta(days=20),
    )
    with pytest.raises(ValidationError) as exc:
        services.call_publish(call=call, by=world.ous)
    assert "at least 21 days for offers" in messages(exc, "offers_deadline")[0]
    settings.COMMISSIONING = {"OPEN_COMPETITION_MIN_DAYS": 14}
    assert services.call_publish(call=call, by=world.ous).status == CallStatus.PUBLISHED


def test_the_deadline_is_in_the_future(world):
    call = draft_call(world.a, offers_deadline=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(ValidationError) as exc:
        services.call_publish(call=call, by=world.ous)
    assert messages(exc, "offers_deadline") == [str(services.MSG_DEADLINE_IN_PAST)]


def test_an_in_house_task_is_not_published_for_offers(world):
    call = draft_call(world.a, mode=Mode.IN_HOUSE)
    assert call.offers_deadline is None
    with pytest.raises(ValidationError) as exc:
        services.call_publish(call=call, by=world.ous)
    assert messages(exc) == [str(services.MSG_IN_HOUSE_NOT_PUBLISHED)]


def test_a_draft_is_edited_but_a_published_call_is_not(world):
    call = draft_call(world.a)
    services.call_update(
        call=call,
        by=world.ous,
        gminas=[world.a.seat_gmina],
        criteria=[{"name": "Jakość", "max_points": 50}],
        **call_fields(title="Nowy tytuł"),
    )
    call.refresh_from_db()
    assert call.title == "Nowy tytuł"
    assert [c.name for c in call.criteria.all()] == ["Jakość"]
    services.call_publish(call=call, by=world.ous)
    with pytest.raises(ValidationError) as exc:
        services.call_update(
            call=call,
            by=world.ous,
            gminas=[world.a.seat_gmina],
            criteria=[{"name": "Inne", "max_points": 50}],
            **call_fields(title="Po publikacji"),
        )
    assert messages(exc) == [str(services.MSG_EDIT_AFTER_PUBLICATION)]
    call.refresh_from_db()
    assert call.title == "Nowy tytuł"


def test_a_correction_notice_is_published_next_to_the_call(world):
    call = published_call(world.a)
    with pytest.raises(ValidationError):
        services.call_add_notice(call=call, by=world.ous, text="  ")
    services.call_add_notice(call=call, by=world.ous, text="Poprawka: adres świetlicy.")
    assert [n.note for n in selectors.public_notices(call=call)] == ["Poprawka: adres świetlicy."]
    with pytest.raises(ValidationError):
        services.call_add_notice(call=draft_call(world.a), by=world.ous, text="Za wcześnie.")


def test_every_step_is_in_the_history_with_who_and_when(world):
    call, _offer = awarded_call(world.a, world.organisation, by=world.ous)
    services.call_publish_results(call=call, by=world.director)
    steps = list(CallEvent.objects.filter(call=call).order_by("at", "pk"))
    assert [e.action for e in steps] == [
        CallAction.CREATED,
        CallAction.PUBLISHED,
        CallAction.OFFER_SUBMITTED,
        CallAction.OFFERS_CLOSED,
        CallAction.OFFER_ACCEPTED,
        CallAction.OFFER_SCORED,
        CallAction.AWARDED,
        CallAction.RESULTS_PUBLISHED,
    ]
    assert steps[0].by == world.ous and steps[-1].by == world.director
    assert steps[1].sentence.startswith("Published; offers until ")
    assert "Published for comments until" in steps[4].sentence


# --- offers ---------------------------------------------------------------------------------


def test_an_offer_before_the_deadline_is_submitted(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation, by=world.provider)
    assert offer.status == OfferStatus.SUBMITTED
    assert offer.submitted_by == world.provider
    assert offer.amount == Decimal("8000.00")  # 200 hours × 40 zł


def test_a_late_offer_is_refused_naming_the_deadline_and_stays_a_draft(world):
    call = published_call(world.a)
    offer = draft_offer(call, world.organisation)
    call = pass_deadline(call)
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=world.provider)
    deadline = timezone.localtime(call.offers_deadline).strftime("%Y-%m-%d %H:%M")
    assert messages(exc) == [
        f"The deadline for offers passed on {deadline}; the offer has not been submitted."
    ]
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT and offer.submitted_at is None


def test_the_late_offer_message_is_polish_by_default(world):
    from django.utils import translation

    call = published_call(world.a)
    offer = draft_offer(call, world.organisation)
    pass_deadline(call)
    with translation.override("pl"), pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=world.provider)
    with translation.override("pl"):
        text = messages(exc)[0]
    assert text.startswith("Termin składania ofert upłynął ")
    assert text.endswith("; oferta nie została złożona.")


def test_an_offer_to_a_call_under_evaluation_is_late(world):
    call = published_call(world.a)
    offer = draft_offer(call, world.organisation)
    in_evaluation(call)
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=world.provider)
    assert "The deadline for offers passed on" in messages(exc)[0]


def test_an_offer_to_a_cancelled_call_is_refused(world):
    call = published_call(world.a)
    offer = draft_offer(call, world.organisation)
    services.call_cancel(call=call, by=world.ous, reason="Zmiana potrzeb.")
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=world.provider)
    assert messages(exc) == ["This call does not take offers (it is “cancelled”)."]


def test_one_offer_per_organisation_and_call(world):
    call = published_call(world.a)
    first = draft_offer(call, world.organisation, summary="Pierwsza wersja opisu oferty.")
    again = draft_offer(call, world.organisation, summary="Druga wersja opisu oferty.")
    assert again.pk == first.pk
    assert Offer.objects.filter(call=call).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.create(call=call, organisation=world.organisation)


def test_a_submitted_offer_is_not_changed(world):
    call = published_call(world.a)
    submitted_offer(call, world.organisation)
    with pytest.raises(ValidationError) as exc:
        draft_offer(call, world.organisation)
    assert "already been submitted" in messages(exc)[0]


def test_an_organisation_answers_calls_of_centres_it_works_with_or_was_invited_to(world):
    call = published_call(world.a)
    stranger = OrganisationFactory(name="Fundacja Obca")
    with pytest.raises(ValidationError) as exc:
        services.offer_save(call=call, organisation=stranger, by=None, **offer_fields())
    assert "does not work with CUS Alfa yet" in messages(exc)[0]
    works_with(stranger, world.a, status=PartnershipStatus.REFUSED)
    with pytest.raises(ValidationError):
        services.offer_save(call=call, organisation=stranger, by=None, **offer_fields())
    pending = OrganisationFactory()
    works_with(pending, world.a, status=PartnershipStatus.PENDING)
    assert services.offer_save(call=call, organisation=pending, by=None, **offer_fields())


def test_an_invitation_opens_the_call_to_an_organisation_with_a_public_portfolio(world):
    from opencus.providers.enums import DocumentStatus
    from opencus.providers.models import Portfolio

    call = published_call(world.a)
    invited = OrganisationFactory()
    Portfolio.objects.create(
        organisation=invited,
        version=1,
        status=DocumentStatus.FINAL,
        finalised_at=timezone.now(),
        is_public=True,
    )
    services.invitation_create(call=call, organisation=invited, by=world.ous, message="Zapraszamy")
    assert services.offer_save(call=call, organisation=invited, by=None, **offer_fields())
    with pytest.raises(ValidationError) as exc:
        services.invitation_create(call=call, organisation=invited, by=world.ous)
    assert "already invited" in messages(exc, "call")[0]


def test_the_centre_cannot_invite_an_organisation_it_does_not_see(world):
    with pytest.raises(ValidationError) as exc:
        services.invitation_create(
            call=published_call(world.a), organisation=world.other_organisation, by=world.ous
        )
    assert messages(exc, "organisation") == [str(services.MSG_NOT_VISIBLE)]


def test_a_small_grant_offer_over_10000_is_refused(world, settings):
    call = published_call(world.a)
    offer = draft_offer(call, world.organisation, units=Decimal("251"))  # 10 040 zł
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=None)
    assert messages(exc, "amount") == [
        "An offer outside a competition (art. 19a) asks at most 10,000.00 zł; this one asks "
        "10,040.00 zł. The offer has not been submitted."
    ]
    settings.COMMISSIONING = {"SMALL_GRANT_MAX_VALUE": Decimal("12000")}
    assert services.offer_submit(offer=offer, by=None).status == OfferStatus.SUBMITTED


def test_a_small_grant_offer_longer_than_90_days_is_refused(world, settings):
    settings.COMMISSIONING = {"SMALL_GRANT_MAX_DAYS": 200}
    start = timezone.localdate() + dt.timedelta(days=20)
    call = published_call(world.a, task_starts_on=start, task_ends_on=start + dt.timedelta(150))
    offer = draft_offer(
        call, world.organisation, task_starts_on=start, task_ends_on=start + dt.timedelta(days=95)
    )
    settings.COMMISSIONING = {}
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=None)
    assert "lasts at most 90 days; this offer lasts 96" in messages(exc, "task_ends_on")[0]


def test_an_offer_fits_in_the_task_period(world):
    call = published_call(world.a)
    offer = draft_offer(
        call, world.organisation, task_starts_on=call.task_starts_on - dt.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=None)
    assert "must fit in that period" in messages(exc, "task_starts_on")[0]


def test_a_reserved_contract_takes_offers_only_from_the_entities_it_is_reserved_for(world):
    call = published_call(
        world.a,
        mode=Mode.PROCUREMENT,
        procurement_kind="reserved",
        offers_deadline=timezone.now() + dt.timedelta(days=14),
    )
    association = draft_offer(call, world.organisation)  # an association
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=association, by=None)
    (message,) = messages(exc, "declares_reserved_eligibility")
    assert message.startswith("This contract is reserved (art. 94 Pzp) for CIS, KIS, ZAZ, WTZ")
    assert "is a “association”" in message
    cis = OrganisationFactory(legal_form=LegalForm.CIS)
    assert submitted_offer(call, cis).status == OfferStatus.SUBMITTED
    declared = services.offer_save(
        call=call,
        organisation=world.organisation,
        by=None,
        **offer_fields(declares_reserved_eligibility=True),
    )
    assert services.offer_submit(offer=declared, by=None).status == OfferStatus.SUBMITTED


def test_a_grant_is_not_for_a_company(world):
    call = published_call(world.a)
    company = OrganisationFactory(legal_form=LegalForm.COMPANY)
    with pytest.raises(ValidationError) as exc:
        submitted_offer(call, company)
    assert "a “private company” cannot apply" in messages(exc)[0]


def test_supporting_needs_the_own_contribution(world):
    call = published_call(world.a, task_form="supporting")
    offer = draft_offer(call, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=None)
    assert messages(exc, "own_contribution") == [str(services.MSG_OWN_CONTRIBUTION_REQUIRED)]
    offer = draft_offer(call, world.organisation, own_contribution=Decimal("900"))
    assert services.offer_submit(offer=offer, by=None).total_cost == Decimal("8900.00")


def test_the_amount_is_units_times_price_or_typed(world):
    call = published_call(world.a)
    with pytest.raises(ValidationError) as exc:
        draft_offer(call, world.organisation, amount=Decimal("7000"))
    assert (
        "differs from the units times the price per unit (8,000.00 zł)"
        in messages(exc, "amount")[0]
    )
    typed = draft_offer(
        call, world.organisation, units=None, unit_price=None, amount=Decimal("7000")
    )
    assert typed.amount == Decimal("7000")


def test_an_incomplete_offer_is_not_submitted(world):
    call = published_call(world.a)
    offer = draft_offer(call, world.organisation, summary="", delivery="", units=None)
    with pytest.raises(ValidationError) as exc:
        services.offer_submit(offer=offer, by=None)
    for field in ("summary", "delivery", "amount"):
        assert messages(exc, field) == [str(services.MSG_REQUIRED_TO_SUBMIT)]


def test_an_offer_is_withdrawn_before_the_deadline_and_can_come_back(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    offer = services.offer_withdraw(offer=offer, by=world.provider)
    assert offer.status == OfferStatus.WITHDRAWN
    offer = draft_offer(call, world.organisation, summary="Poprawiona oferta na opiekę.")
    assert offer.status == OfferStatus.DRAFT
    assert services.offer_submit(offer=offer, by=None).status == OfferStatus.SUBMITTED
    pass_deadline(call)
    with pytest.raises(ValidationError) as exc:
        services.offer_withdraw(offer=offer, by=world.provider)
    assert "only before the deadline" in messages(exc)[0]


# --- evaluation -----------------------------------------------------------------------------


def test_the_evaluation_starts_after_the_deadline(world):
    call = published_call(world.a)
    submitted_offer(call, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.call_close_offers(call=call, by=world.ous)
    assert "starts after the offers deadline" in messages(exc)[0]
    call = in_evaluation(call)
    assert call.status == CallStatus.EVALUATION
    closed = call.events.get(action=CallAction.OFFERS_CLOSED)
    assert closed.data["count"] == "1"


def test_a_formal_rejection_has_a_reason(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    with pytest.raises(ValidationError) as exc:
        services.offer_check(offer=offer, by=world.ous, result=FormalResult.REJECT)
    assert messages(exc, "reason") == [str(services.MSG_REASON_REQUIRED)]
    offer = services.offer_check(
        offer=offer, by=world.ous, result=FormalResult.REJECT, reason="Brak podpisu."
    )
    assert offer.status == OfferStatus.REJECTED and offer.rejection_reason == "Brak podpisu."


def test_offers_are_checked_only_under_evaluation(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.offer_check(offer=offer, by=world.ous, result=FormalResult.ACCEPT)
    assert messages(exc) == [str(services.MSG_NOT_IN_EVALUATION)]


def test_a_small_grant_offer_found_correct_is_published_for_7_days(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    offer = services.offer_check(offer=offer, by=world.ous, result=FormalResult.ACCEPT)
    assert offer.comments_until - offer.comments_from == dt.timedelta(days=7)
    assert offer.comments_open()
    assert selectors.offers_for_comments(call=call) == [offer]


def test_points_above_the_criterions_maximum_are_refused(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    offer = services.offer_check(offer=offer, by=world.ous, result=FormalResult.ACCEPT)
    quality, cost = call.criteria.order_by("position")
    with pytest.raises(ValidationError) as exc:
        services.offer_score(
            offer=offer,
            by=world.ous,
            scores={quality.pk: (Decimal("41"), "Bardzo dobra."), cost.pk: (Decimal("-1"), "")},
        )
    errors = exc.value.message_dict
    assert errors[f"points_{quality.pk}"] == [
        "“Jakość i sposób realizacji” gives at most 40 points."
    ]
    assert errors[f"points_{cost.pk}"] == [str(services.MSG_POINTS_NEGATIVE)]
    assert errors[f"reason_{cost.pk}"] == [str(services.MSG_SCORE_REASON_REQUIRED)]
    assert not Score.objects.exists()
    services.offer_score(
        offer=offer,
        by=world.ous,
        scores={quality.pk: (Decimal("40"), "Pełna."), cost.pk: (Decimal("12.5"), "Drogo.")},
    )
    services.offer_score(
        offer=offer,
        by=world.ous,
        scores={quality.pk: (Decimal("35"), "Po namyśle."), cost.pk: (Decimal("12.5"), "Drogo.")},
    )
    assert sorted(Score.objects.values_list("points", flat=True)) == [
        Decimal("12.5"),
        Decimal("35"),
    ]


def test_only_an_accepted_offer_is_scored(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    with pytest.raises(ValidationError) as exc:
        services.offer_score(offer=offer, by=world.ous, scores={})
    assert messages(exc) == [str(services.MSG_SCORE_ONLY_ACCEPTED)]


def test_offers_are_ranked_by_points(world):
    call = published_call(world.a)
    weak = submitted_offer(call, OrganisationFactory(name="Słaba"))
    strong = submitted_offer(call, OrganisationFactory(name="Mocna"))
    rejected = submitted_offer(call, OrganisationFactory(name="Odrzucona"))
    in_evaluation(call)
    accept_and_score(weak, (Decimal("10"), Decimal("10")))
    accept_and_score(strong, (Decimal("35"), Decimal("25")))
    services.offer_check(offer=rejected, by=None, result=FormalResult.REJECT, reason="Po terminie.")
    ranked = selectors.ranked_offers(call=call)
    assert [(o.organisation.name, o.place, o.total_points) for o in ranked] == [
        ("Mocna", 1, Decimal("60")),
        ("Słaba", 2, Decimal("20")),
        ("Odrzucona", None, Decimal("0")),
    ]


# --- award ----------------------------------------------------------------------------------


def test_a_small_grant_is_not_awarded_during_the_comment_window(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    call = in_evaluation(call)
    offer = accept_and_score(offer)
    with pytest.raises(ValidationError) as exc:
        services.call_award(call=call, by=world.ous, decisions=award(offer))
    until = timezone.localtime(offer.comments_until).strftime("%Y-%m-%d %H:%M")
    assert messages(exc, f"decision_{offer.pk}") == [
        f"The offer of {world.organisation.name} is published for comments until {until} "
        "(art. 19a): it can be awarded after that."
    ]
    end_comment_window(offer)
    assert services.call_award(call=call, by=world.ous, decisions=award(offer)).status == (
        CallStatus.AWARDED
    )


def test_an_organisation_gets_at_most_20000_a_year_outside_competitions(world):
    awarded_call(world.a, world.organisation)  # 8 000 zł
    awarded_call(world.a, world.organisation)  # 16 000 zł
    awarded_call(world.b, world.organisation)  # another centre's: not counted
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    call = in_evaluation(call)
    offer = end_comment_window(accept_and_score(offer))
    with pytest.raises(ValidationError) as exc:
        services.call_award(call=call, by=world.ous, decisions=award(offer))
    year = timezone.localdate().year
    assert messages(exc, f"amount_{offer.pk}") == [
        f"{world.organisation.name} has already got 16,000.00 zł from the centre outside "
        f"competitions in {year}: with 8,000.00 zł it would exceed 20,000.00 zł a year (art. 19a)."
    ]
    call = services.call_award(call=call, by=world.ous, decisions=award(offer, Decimal("4000")))
    offer.refresh_from_db()
    assert offer.awarded_amount == Decimal("4000")


def test_every_offer_is_checked_and_scored_before_the_award(world):
    call = published_call(world.a)
    unchecked = submitted_offer(call, OrganisationFactory(name="Niesprawdzona"))
    call = in_evaluation(call)
    with pytest.raises(ValidationError) as exc:
        services.call_award(call=call, by=world.ous, decisions={})
    assert messages(exc) == ["Check every offer formally first: Niesprawdzona not yet."]
    services.offer_check(offer=unchecked, by=None, result=FormalResult.ACCEPT)
    end_comment_window(unchecked)
    with pytest.raises(ValidationError) as exc:
        services.call_award(call=call, by=world.ous, decisions=award(unchecked))
    assert messages(exc) == ["Score the offer of Niesprawdzona on every criterion first."]


def test_the_others_are_not_awarded_with_a_reason(world):
    call = published_call(world.a)
    winner = submitted_offer(call, OrganisationFactory(name="Wygrana"))
    other = submitted_offer(call, OrganisationFactory(name="Druga"))
    call = in_evaluation(call)
    for offer in (winner, other):
        end_comment_window(accept_and_score(offer))
    decisions = award(winner) | {other.pk: {"decision": Decision.NOT_AWARD, "reason": ""}}
    with pytest.raises(ValidationError) as exc:
        services.call_award(call=call, by=world.ous, decisions=decisions)
    assert messages(exc, f"reason_{other.pk}") == [str(services.MSG_REASON_REQUIRED)]
    decisions[other.pk]["reason"] = "Niższa ocena, budżet wyczerpany."
    services.call_award(call=call, by=world.ous, decisions=decisions)
    other.refresh_from_db()
    assert other.status == OfferStatus.NOT_AWARDED
    assert other.decision_reason == "Niższa ocena, budżet wyczerpany."


def test_at_least_one_award_within_the_offer_and_the_budget(world):
    call = published_call(world.a, budget=Decimal("9000"))
    first = submitted_offer(call, OrganisationFactory())
    second = submitted_offer(call, OrganisationFactory())
    call = in_evaluation(call)
    for offer in (first, second):
        end_comment_window(accept_and_score(offer))
    nobody = {o.pk: {"decision": Decision.NOT_AWARD, "reason": "Nie."} for o in (first, second)}
    with pytest.raises(ValidationError) as exc:
        services.call_award(call=call, by=world.ous, decisions=nobody)
    assert messages(exc) == [str(services.MSG_NO_AWARD)]
    with pytest.raises(ValidationError) as exc:
        services.call_award(
            call=call,
            by=world.ous,
            decisions=award(first, Decimal("8001")) | award(second, Decimal("1000")),
        )
    assert (
        "cannot exceed what the offer asks (8,000.00 zł)" in messages(exc, f"amount_{first.pk}")[0]
    )
    with pytest.raises(ValidationError) as exc:
        services.call_award(call=call, by=world.ous, decisions=award(first) | award(second))
    assert messages(exc) == ["The amounts awarded (16,000.00 zł) exceed the budget (9,000.00 zł)."]


def test_results_are_published_after_the_award_only(world):
    call = published_call(world.a)
    with pytest.raises(ValidationError) as exc:
        services.call_publish_results(call=call, by=world.ous)
    assert "cannot become “results published”" in messages(exc)[0]
    call, offer = awarded_call(world.a, world.organisation)
    call = services.call_publish_results(call=call, by=world.ous)
    assert call.results_published_at is not None
    assert selectors.public_results(call=call) == [offer]


def test_a_call_is_cancelled_with_a_reason_and_stays_cancelled(world):
    call = published_call(world.a)
    with pytest.raises(ValidationError) as exc:
        services.call_cancel(call=call, by=world.ous, reason=" ")
    assert messages(exc, "reason") == [str(services.MSG_CANCEL_REASON)]
    call = services.call_cancel(call=call, by=world.ous, reason="Brak ważnych ofert.")
    assert call.status == CallStatus.CANCELLED
    assert call.is_public  # the cancellation of a published call is published
    with pytest.raises(ValidationError):
        services.call_publish_results(call=call, by=world.ous)
    cancelled_draft = services.call_cancel(call=draft_call(world.a), by=world.ous, reason="Błąd.")
    assert not cancelled_draft.is_public


def test_an_in_house_task_is_assigned_only_to_a_gmina_unit(world):
    call = draft_call(world.a, mode=Mode.IN_HOUSE)
    with pytest.raises(ValidationError) as exc:
        services.call_assign_in_house(
            call=call,
            by=world.ous,
            organisation=world.organisation,
            amount=Decimal("5000"),
            reason="Zadanie własne.",
        )
    assert "Only a gmina unit" in messages(exc, "organisation")[0]
    unit = OrganisationFactory(name="Środowiskowy Dom Samopomocy", legal_form=LegalForm.GMINA_UNIT)
    call = services.call_assign_in_house(
        call=call, by=world.ous, organisation=unit, amount=Decimal("5000"), reason="Zadanie własne."
    )
    assert call.status == CallStatus.AWARDED
    offer = call.offers.get()
    assert (offer.organisation, offer.status, offer.awarded_amount) == (
        unit,
        OfferStatus.AWARDED,
        Decimal("5000"),
    )


# --- public comments ------------------------------------------------------------------------


def test_comments_are_taken_during_the_window_only_and_validated(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    with pytest.raises(ValidationError):
        services.comment_create(offer=offer, by=None, name="Jan", comment="Dobra oferta, popieram.")
    in_evaluation(call)
    offer = services.offer_check(offer=offer, by=None, result=FormalResult.ACCEPT)
    with pytest.raises(ValidationError) as exc:
        services.comment_create(offer=offer, by=None, name=" ", comment="Za krótki")
    assert set(exc.value.message_dict) == {"name", "comment"}
    services.comment_create(
        offer=offer, by=None, name="Jan Kowal", comment="Dobra oferta, popieram."
    )
    assert OfferComment.objects.get().name == "Jan Kowal"
    end_comment_window(offer)
    with pytest.raises(ValidationError) as exc:
        services.comment_create(offer=offer, by=None, name="Jan", comment="Już po terminie uwag.")
    assert messages(exc) == [str(services.MSG_COMMENTS_CLOSED)]


# --- hand-over to contracts -----------------------------------------------------------------


def test_the_contracts_app_reads_an_awarded_offer_of_its_own_centre(world):
    call, offer = awarded_call(world.a, world.organisation)
    found = selectors.awarded_offer_for_contract(centre=world.a, offer_id=offer.pk)
    assert found == offer
    assert (found.call, found.organisation, found.awarded_amount) == (
        call,
        world.organisation,
        Decimal("8000.00"),
    )
    assert (found.unit, found.units, found.unit_price, found.service_type) == (
        "hour",
        Decimal("200"),
        Decimal("40"),
        "respite_care",
    )
    assert (found.task_starts_on, found.task_ends_on) == (call.task_starts_on, call.task_ends_on)
    with pytest.raises(Http404):
        selectors.awarded_offer_for_contract(centre=world.b, offer_id=offer.pk)
    not_awarded = submitted_offer(published_call(world.a), world.organisation)
    with pytest.raises(Http404):
        selectors.awarded_offer_for_contract(centre=world.a, offer_id=not_awarded.pk)


def test_the_database_says_the_rules_of_a_call(world):
    call = draft_call(world.a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Call.objects.filter(pk=call.pk).update(status=CallStatus.CANCELLED, cancel_reason="")
    with pytest.raises(IntegrityError), transaction.atomic():
        Call.objects.filter(pk=call.pk).update(budget=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Call.objects.filter(pk=call.pk).update(task_form="")
