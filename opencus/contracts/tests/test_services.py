"""The rules of contracts, reports, complaints, surveys and inspections, one test each."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from opencus.catalogue import cache as catalogue_cache
from opencus.catalogue.models import SearchTerm, Service
from opencus.contracts import services
from opencus.contracts.enums import ComplaintStatus, ContractStatus, ReportStatus
from opencus.contracts.models import ContractEvent, ProviderReport
from opencus.contracts.selectors import complaint_list, overdue_condition
from opencus.contracts.tests.conftest import days
from opencus.contracts.tests.fixtures import draft_contract, signed_contract, verified_partner
from opencus.enrolments import services as enrolments
from opencus.enrolments.tests.fixtures import meals_service
from opencus.people import services as people
from opencus.providers.tests.factories import OrganisationFactory

TODAY = timezone.localdate


def messages(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.messages)


def field_messages(exc: pytest.ExceptionInfo, field: str) -> list[str]:
    return exc.value.message_dict.get(field, [])


def contract_data(world, **overrides):
    return {
        "centre": world.a,
        "by": world.ous,
        "organisation": world.organisation,
        "title": "Usługi opiekuńcze 2026",
        "kind": "entrusting",
        "starts_on": days(-10),
        "ends_on": days(200),
    } | overrides


# --- creating and editing a draft ------------------------------------------------------------


def test_numbers_count_per_centre_and_year(world, partner):
    first = services.contract_create(**contract_data(world))
    second = services.contract_create(**contract_data(world, title="Drugi"))
    verified_partner(world.b, world.organisation)
    other = services.contract_create(**contract_data(world, centre=world.b, by=world.b_director))
    year = TODAY().year
    assert (first.number, second.number, other.number) == (f"1/{year}", f"2/{year}", f"1/{year}")
    assert first.status == ContractStatus.DRAFT
    assert list(first.events.values_list("status", flat=True)) == ["draft"]


def test_the_period_cannot_end_before_it_starts(world, partner):
    with pytest.raises(ValidationError) as exc:
        services.contract_create(**contract_data(world, starts_on=days(10), ends_on=days(9)))
    assert field_messages(exc, "ends_on") == [str(services.MSG_ENDS_BEFORE_START)]


def test_the_organisation_must_be_a_verified_partner(world):
    with pytest.raises(ValidationError) as exc:
        services.contract_create(**contract_data(world))
    assert "is not a verified partner" in field_messages(exc, "organisation")[0]


def test_a_title_and_a_kind_are_needed(world, partner):
    with pytest.raises(ValidationError) as exc:
        services.contract_create(**contract_data(world, title=" ", kind="gift"))
    assert field_messages(exc, "title") == [str(services.MSG_TITLE)]
    assert field_messages(exc, "kind") == [str(services.MSG_BAD_KIND)]


def test_only_a_grant_agreement_records_an_own_contribution(world, partner):
    with pytest.raises(ValidationError) as exc:
        services.contract_create(
            **contract_data(world, kind="procurement", own_contribution=Decimal(100))
        )
    assert field_messages(exc, "own_contribution") == [str(services.MSG_CONTRIBUTION_NOT_GRANT)]
    with pytest.raises(ValidationError) as exc:
        services.contract_create(
            **contract_data(world, kind="supporting", own_contribution=Decimal(-1))
        )
    assert field_messages(exc, "own_contribution") == [str(services.MSG_CONTRIBUTION_NEGATIVE)]
    grant = services.contract_create(
        **contract_data(world, kind="supporting", own_contribution=Decimal("1500.00"))
    )
    assert grant.own_contribution == Decimal("1500.00")


def test_a_line_is_units_times_the_unit_price_and_the_total_follows(draft, care, world):
    line = services.contract_line_add(
        contract=draft, by=world.ous, service=care, units=Decimal("120.5"), unit_price=Decimal(55)
    )
    assert line.value == Decimal("6627.50")
    assert line.unit == "hour"
    draft.refresh_from_db()
    assert draft.total_value == Decimal("27500.00") + Decimal("6627.50")
    services.contract_line_update(
        line=line, by=world.ous, units=Decimal(10), unit_price=Decimal(50)
    )
    draft.refresh_from_db()
    assert draft.total_value == Decimal("28000.00")
    services.contract_line_remove(line=line, by=world.ous)
    draft.refresh_from_db()
    assert draft.total_value == Decimal("27500.00")


@pytest.mark.parametrize(
    ("units", "price", "field", "message"),
    [
        (Decimal(0), Decimal(10), "units", services.MSG_UNITS_POSITIVE),
        (Decimal(-5), Decimal(10), "units", services.MSG_UNITS_POSITIVE),
        (None, Decimal(10), "units", services.MSG_UNITS_POSITIVE),
        (Decimal(5), Decimal(0), "unit_price", services.MSG_PRICE_POSITIVE),
        (Decimal(5), Decimal("-0.01"), "unit_price", services.MSG_PRICE_POSITIVE),
    ],
)
def test_units_and_prices_must_be_above_zero(draft, care, world, units, price, field, message):
    with pytest.raises(ValidationError) as exc:
        services.contract_line_add(
            contract=draft, by=world.ous, service=care, units=units, unit_price=price
        )
    assert field_messages(exc, field) == [str(message)]


def test_a_line_service_must_be_of_the_centre(draft, world):
    foreign = meals_service(world.b, name="Obiady Beta")
    with pytest.raises(ValidationError) as exc:
        services.contract_line_add(
            contract=draft, by=world.ous, service=foreign, units=Decimal(1), unit_price=Decimal(1)
        )
    assert field_messages(exc, "service") == [str(services.MSG_SERVICE_OTHER_CENTRE)]


def test_a_service_is_on_a_contract_once(draft, meals, world):
    with pytest.raises(ValidationError) as exc:
        services.contract_line_add(
            contract=draft, by=world.ous, service=meals, units=Decimal(1), unit_price=Decimal(1)
        )
    assert field_messages(exc, "service") == [str(services.MSG_LINE_TWICE)]


def test_reporting_duties_are_checked(draft, world):
    with pytest.raises(ValidationError) as exc:
        services.reporting_duty_add(
            contract=draft, by=world.ous, what="", frequency="weekly", due_days=181
        )
    assert set(exc.value.message_dict) == {"what", "frequency", "due_days"}


def test_nothing_changes_after_signing(draft, care, world):
    services.contract_sign(contract=draft, by=world.director, signed_on=TODAY())
    line = draft.lines.get()
    attempts = [
        lambda: services.contract_update(contract=draft, by=world.ous, title="Inny"),
        lambda: services.contract_line_add(
            contract=draft, by=world.ous, service=care, units=Decimal(1), unit_price=Decimal(1)
        ),
        lambda: services.contract_line_update(
            line=line, by=world.ous, units=Decimal(1), unit_price=Decimal(1)
        ),
        lambda: services.contract_line_remove(line=line, by=world.ous),
        lambda: services.reporting_duty_add(
            contract=draft, by=world.ous, what="Lista", frequency="final", due_days=5
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as exc:
            attempt()
        assert (
            messages(exc) == "The contract is signed (in execution): only a draft can be changed."
        )
    draft.refresh_from_db()
    assert draft.title == "Dowóz posiłków dla seniorów"
    assert draft.total_value == Decimal("27500.00")


# --- signing ---------------------------------------------------------------------------------


def test_signing_makes_the_organisation_the_provider_of_the_services(draft, meals, world):
    before = catalogue_cache.catalogue_version()
    services.contract_sign(contract=draft, by=world.director, signed_on=TODAY())
    meals.refresh_from_db()
    assert meals.provider == world.organisation
    assert catalogue_cache.catalogue_version() != before  # the public caches move on
    assert SearchTerm.objects.filter(service=meals, term__startswith="stowarzysz").exists()
    draft.refresh_from_db()
    assert (draft.status, draft.signed_on) == (ContractStatus.SIGNED, TODAY())
    steps = list(ContractEvent.objects.filter(contract=draft).values_list("status", "by"))
    assert steps == [("draft", world.ous.pk), ("signed", world.director.pk)]


def test_a_service_given_after_signing_is_delivered_by_the_organisation(draft, meals, world):
    services.contract_sign(contract=draft, by=world.director, signed_on=TODAY())
    person = people.person_create(
        centre=world.a, by=None, first_name="Jan", last_name="Kos", birth_date=dt.date(1950, 1, 1)
    )
    enrolment = enrolments.enrolment_create(
        person=person,
        service=Service.objects.get(pk=meals.pk),
        by=world.kipus,
        starts_on=TODAY(),
        units_per_period=Decimal(5),
        period="week",
    )
    assert enrolment.provider == world.organisation


def test_signing_needs_a_line_and_a_date_not_in_the_future(world, partner):
    empty = draft_contract(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.contract_sign(contract=empty, by=world.director, signed_on=days(1))
    assert str(services.MSG_SIGN_NO_LINES) in exc.value.message_dict["__all__"]
    assert field_messages(exc, "signed_on") == [str(services.MSG_SIGNED_IN_FUTURE)]
    with pytest.raises(ValidationError) as exc:
        services.contract_sign(contract=empty, by=world.director, signed_on=None)
    assert field_messages(exc, "signed_on") == [str(services.MSG_SIGNED_ON_NEEDED)]


def test_signing_is_refused_when_another_contract_binds_a_service_for_the_same_time(
    world, partner, meals
):
    other = OrganisationFactory(name="Spółdzielnia Smak")
    signed_contract(
        world.a,
        other,
        lines=[(meals, 500, 26)],
        starts_on=days(-30),
        ends_on=days(30),
    )
    overlapping = draft_contract(
        world.a, world.organisation, lines=[(meals, 100, 27)], starts_on=days(20), ends_on=days(90)
    )
    with pytest.raises(ValidationError) as exc:
        services.contract_sign(contract=overlapping, by=world.director, signed_on=TODAY())
    assert "Dowóz posiłków is already contracted to Spółdzielnia Smak under contract 1/" in (
        messages(exc)
    )
    overlapping.refresh_from_db()
    meals.refresh_from_db()
    assert overlapping.status == ContractStatus.DRAFT
    assert meals.provider == other  # nothing half-done


def test_a_contract_after_the_other_ends_may_be_signed(world, partner, meals):
    other = OrganisationFactory()
    signed_contract(
        world.a,
        other,
        lines=[(meals, 500, 26)],
        starts_on=days(-60),
        ends_on=days(-1),
        signed_on=days(-60),
    )
    following = draft_contract(
        world.a, world.organisation, lines=[(meals, 100, 27)], starts_on=TODAY(), ends_on=days(90)
    )
    services.contract_sign(contract=following, by=world.director, signed_on=TODAY())
    meals.refresh_from_db()
    assert meals.provider == world.organisation


def test_a_terminated_contract_binds_its_services_only_until_its_termination(world, partner, meals):
    other = OrganisationFactory()
    earlier = signed_contract(
        world.a,
        other,
        lines=[(meals, 500, 26)],
        starts_on=days(-60),
        ends_on=days(60),
        signed_on=days(-60),
    )
    services.contract_terminate(
        contract=earlier,
        by=world.director,
        reason="Rażące naruszenia umowy.",
        terminated_on=days(-2),
    )
    replacement = draft_contract(
        world.a, world.organisation, lines=[(meals, 100, 27)], starts_on=days(-1), ends_on=days(90)
    )
    signed = services.contract_sign(contract=replacement, by=world.director, signed_on=TODAY())
    assert signed.status == ContractStatus.SIGNED


def test_signing_schedules_the_reports_of_its_duties(world, partner, meals):
    start = dt.date(TODAY().year - 1, 2, 10)
    contract = draft_contract(
        world.a,
        world.organisation,
        lines=[(meals, 100, 27)],
        starts_on=start,
        ends_on=dt.date(start.year, 7, 20),
        duties=[("Sprawozdanie częściowe", "quarterly", 14), ("Sprawozdanie końcowe", "final", 30)],
    )
    services.contract_sign(contract=contract, by=world.director, signed_on=start)
    reports = list(
        ProviderReport.objects.filter(contract=contract)
        .order_by("duty__what", "period_start")
        .values_list("duty__frequency", "period_start", "period_end", "due_on")
    )
    y = start.year
    assert reports == [
        ("quarterly", dt.date(y, 2, 10), dt.date(y, 3, 31), dt.date(y, 4, 14)),
        ("quarterly", dt.date(y, 4, 1), dt.date(y, 6, 30), dt.date(y, 7, 14)),
        ("quarterly", dt.date(y, 7, 1), dt.date(y, 7, 20), dt.date(y, 8, 3)),
        ("final", dt.date(y, 2, 10), dt.date(y, 7, 20), dt.date(y, 8, 19)),
    ]


# --- settling, closing, terminating ------------------------------------------------------------


def past_contract(world, meals, **kwargs):
    start = dt.date(TODAY().year - 1, 1, 1)
    return signed_contract(
        world.a,
        world.organisation,
        lines=[(meals, 100, 27)],
        starts_on=start,
        ends_on=dt.date(start.year, 2, 28),
        signed_on=start,
        duties=[("Sprawozdanie końcowe", "final", 30)],
        **kwargs,
    )


def test_settling_needs_the_period_over(draft, world):
    services.contract_sign(contract=draft, by=world.director, signed_on=TODAY())
    with pytest.raises(ValidationError) as exc:
        services.contract_settle(contract=draft, by=world.director)
    assert "it can be settled after its period" in messages(exc)


def test_settling_needs_every_report_accepted(world, partner, meals):
    contract = past_contract(world, meals)
    with pytest.raises(ValidationError) as exc:
        services.contract_settle(contract=contract, by=world.director)
    assert "Every report must be accepted before the contract is settled; 1 is not yet" in (
        messages(exc)
    )
    report = contract.reports.get()
    services.report_submit(report=report, by=world.provider, summary="Wydano 100 obiadów.")
    services.report_review(report=report, by=world.ous, accept=True)
    services.contract_settle(contract=contract, by=world.director, note="Rozliczono dotację.")
    services.contract_close(contract=contract, by=world.director)
    contract.refresh_from_db()
    assert contract.status == ContractStatus.CLOSED
    assert contract.settled_on == TODAY()
    assert list(contract.events.values_list("status", flat=True)) == [
        "draft",
        "signed",
        "settled",
        "closed",
    ]


def test_only_a_settled_contract_closes_and_a_closed_one_never_moves(draft, world):
    with pytest.raises(ValidationError) as exc:
        services.contract_close(contract=draft, by=world.director)
    assert messages(exc) == "A contract cannot go from “draft” to “closed”."


def test_termination_needs_a_reason_and_a_date(draft, world):
    with pytest.raises(ValidationError) as exc:
        services.contract_terminate(contract=draft, by=world.director, reason=" ")
    assert field_messages(exc, "reason") == [str(services.MSG_TERMINATION_REASON)]
    assert field_messages(exc, "terminated_on") == [str(services.MSG_TERMINATION_DATE)]
    with pytest.raises(ValidationError) as exc:
        services.contract_terminate(
            contract=draft, by=world.director, reason="Zmiana planu.", terminated_on=days(3)
        )
    assert field_messages(exc, "terminated_on") == [str(services.MSG_TERMINATED_IN_FUTURE)]


def test_termination_keeps_the_provider_and_drops_reports_not_yet_begun(world, partner, meals):
    contract = signed_contract(
        world.a,
        world.organisation,
        lines=[(meals, 100, 27)],
        starts_on=days(-45),
        ends_on=days(300),
        signed_on=days(-45),
        duties=[("Lista obecności", "monthly", 5)],
    )
    before = contract.reports.count()
    services.contract_terminate(
        contract=contract, by=world.director, reason="Porozumienie stron.", terminated_on=TODAY()
    )
    contract.refresh_from_db()
    meals.refresh_from_db()
    assert contract.status == ContractStatus.TERMINATED
    assert contract.termination_reason == "Porozumienie stron."
    assert meals.provider == world.organisation  # until the OUS changes it
    assert 0 < contract.reports.count() < before
    assert not contract.reports.filter(period_start__gt=TODAY()).exists()


# --- reports -----------------------------------------------------------------------------------


def test_a_report_is_submitted_after_its_period_and_judged_by_its_first_submission(
    world, partner, meals
):
    contract = past_contract(world, meals)
    report = contract.reports.get()
    with pytest.raises(ValidationError) as exc:
        services.report_submit(report=report, by=world.provider, summary="")
    assert field_messages(exc, "summary") == [str(services.MSG_REPORT_SUMMARY)]
    services.report_submit(
        report=report, by=world.provider, summary="Opis.", participants=12, amount_spent=Decimal(5)
    )
    with pytest.raises(ValidationError) as exc:
        services.report_review(report=report, by=world.ous, accept=False)
    assert field_messages(exc, "note") == [str(services.MSG_RETURN_NOTE)]
    services.report_review(report=report, by=world.ous, accept=False, note="Brak list obecności.")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    services.report_submit(report=report, by=world.provider, summary="Opis z listami.")
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert report.first_submitted_on == TODAY()
    assert report.on_time is False  # the period ended last year


def test_a_report_cannot_come_before_its_period_ends(world, partner, meals):
    contract = signed_contract(
        world.a,
        world.organisation,
        lines=[(meals, 100, 27)],
        starts_on=days(-5),
        ends_on=days(60),
        duties=[("Sprawozdanie końcowe", "final", 30)],
    )
    with pytest.raises(ValidationError) as exc:
        services.report_submit(report=contract.reports.get(), by=world.provider, summary="Opis.")
    assert "report on it after that day" in messages(exc)


# --- complaints --------------------------------------------------------------------------------


def test_a_complaint_is_due_after_the_centres_days(world, partner, meals):
    contract = signed_contract(world.a, world.organisation, lines=[(meals, 100, 27)])
    complaint = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=days(-2),
        channel="phone",
        contract=contract,
        description="Zimne obiady.",
    )
    assert complaint.organisation == world.organisation  # the contract's
    assert complaint.answer_due_on == days(28)
    services.contracts_policy_save(centre=world.a, by=world.director, complaint_answer_days=14)
    meals.refresh_from_db()
    shorter = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=TODAY(),
        channel="email",
        service=meals,
        description="Spóźnienia.",
    )
    assert shorter.answer_due_on == days(14)
    assert shorter.organisation == world.organisation  # the service's provider now


def test_a_complaint_is_about_something(world):
    with pytest.raises(ValidationError) as exc:
        services.complaint_record(
            centre=world.a,
            by=world.front_desk,
            received_on=days(1),
            channel="fax",
            description="",
        )
    assert set(exc.value.message_dict) == {"received_on", "channel", "description", "__all__"}


def test_a_complaints_service_must_be_on_its_contract(world, partner, meals, care):
    contract = signed_contract(world.a, world.organisation, lines=[(meals, 100, 27)])
    with pytest.raises(ValidationError) as exc:
        services.complaint_record(
            centre=world.a,
            by=world.front_desk,
            received_on=TODAY(),
            channel="phone",
            contract=contract,
            service=care,
            description="Opis.",
        )
    assert field_messages(exc, "service") == [str(services.MSG_COMPLAINT_SERVICE_NOT_ON_CONTRACT)]


def test_an_unanswered_complaint_past_its_deadline_is_overdue(world, partner):
    late = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=days(-40),
        channel="letter",
        organisation=world.organisation,
        description="Opis.",
    )
    services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=days(-3),
        channel="letter",
        organisation=world.organisation,
        description="Opis.",
    )
    assert list(complaint_list(centre=world.a, overdue=True)) == [late]
    services.complaint_note(complaint=late, by=world.ous, note="Wyjaśniamy z realizatorem.")
    late.refresh_from_db()
    assert late.status == ComplaintStatus.HANDLING
    assert "Wyjaśniamy z realizatorem." in late.handling_notes
    services.complaint_answer(
        complaint=late, by=world.ous, answer="Skarga zasadna.", answered_on=TODAY(), upheld=True
    )
    assert not type(late).objects.filter(overdue_condition(), pk=late.pk).exists()


def test_an_answer_has_its_text_date_and_verdict_and_closing_comes_after_it(world, partner):
    complaint = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=days(-3),
        channel="in_person",
        organisation=world.organisation,
        description="Opis.",
    )
    with pytest.raises(ValidationError) as exc:
        services.complaint_close(complaint=complaint, by=world.ous)
    assert messages(exc) == str(services.MSG_CLOSE_NOT_ANSWERED)
    with pytest.raises(ValidationError) as exc:
        services.complaint_answer(
            complaint=complaint, by=world.ous, answer="", answered_on=days(-4), upheld=None
        )
    assert set(exc.value.message_dict) == {"answer", "answered_on", "upheld"}
    services.complaint_answer(
        complaint=complaint, by=world.ous, answer="Niezasadna.", answered_on=TODAY(), upheld=False
    )
    services.complaint_close(complaint=complaint, by=world.ous)
    with pytest.raises(ValidationError):
        services.complaint_explain(complaint=complaint, by=world.provider, explanation="Za późno.")


def test_the_provider_explains(world, partner):
    complaint = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=TODAY(),
        channel="phone",
        organisation=world.organisation,
        description="Opis.",
    )
    with pytest.raises(ValidationError):
        services.complaint_explain(complaint=complaint, by=world.provider, explanation=" ")
    services.complaint_explain(
        complaint=complaint, by=world.provider, explanation="Kierowca miał awarię auta."
    )
    complaint.refresh_from_db()
    assert complaint.provider_explanation == "Kierowca miał awarię auta."
    assert complaint.explained_by == world.provider


# --- surveys -----------------------------------------------------------------------------------

SCORES = {"helpful": 5, "respectful": 4, "reliable": 3, "overall": 4}


@pytest.fixture
def given(world, draft, meals):
    services.contract_sign(contract=draft, by=world.director, signed_on=TODAY())
    person = people.person_create(
        centre=world.a, by=None, first_name="Ewa", last_name="Lis", birth_date=dt.date(1940, 1, 1)
    )
    return enrolments.enrolment_create(
        person=person,
        service=Service.objects.get(pk=meals.pk),
        by=world.kipus,
        starts_on=days(-7),
        units_per_period=Decimal(5),
        period="week",
    )


def test_a_survey_comes_after_a_delivered_visit(given, world):
    enrolments.delivery_record(
        enrolment=given,
        by=world.kipus,
        delivered_on=TODAY(),
        status="missed",
        missed_reason="person_absent",
    )
    with pytest.raises(ValidationError) as exc:
        services.survey_answer(enrolment=given, by=world.kipus, channel="paper", **SCORES)
    assert messages(exc) == str(services.MSG_SURVEY_NO_DELIVERY)


def test_a_survey_is_answered_once_per_service_given(given, world):
    enrolments.delivery_record(
        enrolment=given, by=world.kipus, delivered_on=TODAY(), units=Decimal(1)
    )
    answer = services.survey_answer(enrolment=given, by=world.kipus, channel="paper", **SCORES)
    assert answer.organisation == world.organisation
    assert answer.mean == Decimal("4.00")
    with pytest.raises(ValidationError) as exc:
        services.survey_answer(enrolment=given, by=world.kipus, channel="online", **SCORES)
    assert str(services.MSG_SURVEY_ONCE) in messages(exc)


def test_survey_scores_are_from_1_to_5(given, world):
    enrolments.delivery_record(
        enrolment=given, by=world.kipus, delivered_on=TODAY(), units=Decimal(1)
    )
    with pytest.raises(ValidationError) as exc:
        services.survey_answer(
            enrolment=given,
            by=world.kipus,
            channel="paper",
            **(SCORES | {"helpful": 6, "overall": 0}),
        )
    assert field_messages(exc, "helpful") == [str(services.MSG_SCORE_RANGE)]
    assert field_messages(exc, "overall") == [str(services.MSG_SCORE_RANGE)]


# --- inspections -------------------------------------------------------------------------------


def test_a_draft_is_not_inspected_and_the_follow_up_comes_after(draft, world):
    data = {
        "by": world.ous,
        "inspected_on": TODAY(),
        "inspector": "Anna Kontrola",
        "scope": "Temperatura posiłków.",
        "findings": "Posiłki zbyt chłodne.",
        "rating": "remarks",
    }
    with pytest.raises(ValidationError) as exc:
        services.inspection_record(contract=draft, **data)
    assert messages(exc) == str(services.MSG_INSPECTION_DRAFT)
    draft = services.contract_sign(contract=draft, by=world.director, signed_on=TODAY())
    with pytest.raises(ValidationError) as exc:
        services.inspection_record(contract=draft, follow_up_on=days(-1), **data)
    assert field_messages(exc, "follow_up_on") == [str(services.MSG_FOLLOW_UP_BEFORE)]
    inspection = services.inspection_record(contract=draft, follow_up_on=days(30), **data)
    assert inspection.organisation == world.organisation
