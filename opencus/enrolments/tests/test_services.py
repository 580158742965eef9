"""Granting a service, its status machine (G), the ending signal, deliveries and the daily task."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from opencus.catalogue import services as catalogue
from opencus.enrolments import services
from opencus.enrolments.enums import DeliveryStatus, EndReason, EnrolmentStatus
from opencus.enrolments.models import Delivery, Enrolment, EnrolmentStatusChange
from opencus.enrolments.tasks import start_due_enrolments
from opencus.enrolments.tests.conftest import START, days, person
from opencus.enrolments.tests.fixtures import meals_service
from opencus.people import services as people

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def messages_of(exc_info, field=None) -> list[str]:
    exc = exc_info.value
    if field is None:
        return exc.messages
    return exc.message_dict.get(field, [])


def msg(message, **params) -> str:
    return str(message) % params if params else str(message)


# --- granting --------------------------------------------------------------------------------


def test_a_grant_copies_the_terms_of_the_service(world, enrol, meals, halina):
    enrolment = enrol()
    assert enrolment.centre == world.a
    assert enrolment.provider is None
    assert enrolment.unit == "meal"
    assert enrolment.market_value_per_unit == Decimal("28.00")
    assert enrolment.fee_per_unit == Decimal("12.00")
    assert enrolment.exemption == "none"
    assert enrolment.created_by == world.kipus


def test_a_grant_copies_the_provider_of_the_service(world, enrol, partner_meals):
    assert enrol(service=partner_meals).provider == world.organisation


def test_a_later_price_change_in_the_catalogue_does_not_change_a_grant(world, enrol, meals):
    enrolment = enrol()
    catalogue.service_update(service=meals, by=None, resident_price=Decimal("15.00"))
    enrolment.refresh_from_db()
    assert enrolment.fee_per_unit == Decimal("12.00")


def test_a_grant_starting_today_or_earlier_is_active(enrol):
    enrolment = enrol(starts_on=days(0))
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert list(enrolment.status_changes.values_list("status", flat=True)) == ["active"]


def test_a_grant_starting_later_is_planned(enrol):
    assert enrol(starts_on=days(3)).status == EnrolmentStatus.PLANNED


def test_a_grant_is_in_the_history_with_its_centre(world, enrol):
    enrolment = enrol()
    entry = LogEntry.objects.get_for_object(enrolment).get()
    assert entry.actor == world.kipus
    assert entry.additional_data == {"centre": str(world.a.pk)}


def test_a_person_of_another_centre_cannot_be_given_the_service(world, enrol):
    stranger = person(world.b)
    with pytest.raises(ValidationError) as exc:
        enrol(person=stranger)
    assert messages_of(exc, "service") == [msg(services.MSG_OTHER_CENTRE)]


def test_a_merged_record_cannot_be_given_a_service(world, enrol, halina):
    twin = person(world.a)
    people.person_merge(keep=halina, duplicate=twin, by=None)
    twin.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        enrol(person=twin)
    assert messages_of(exc, "person") == [msg(services.MSG_PERSON_MERGED)]


def test_a_draft_service_cannot_be_given(world, enrol):
    draft = meals_service(world.a, name="Szkic")
    draft = catalogue.service_change_status(service=draft, by=None, status="suspended")
    with pytest.raises(ValidationError) as exc:
        enrol(service=draft)
    assert messages_of(exc, "service") == [
        msg(services.MSG_SERVICE_NOT_PUBLISHED, status="suspended")
    ]


@pytest.mark.parametrize("units", [0, -1, Decimal("0.00")])
def test_units_per_period_must_be_above_zero(enrol, units):
    with pytest.raises(ValidationError) as exc:
        enrol(units_per_period=units)
    assert messages_of(exc, "units_per_period") == [msg(services.MSG_UNITS_POSITIVE)]


@pytest.mark.parametrize("units", ["dużo", "NaN", "Infinity"])
def test_units_per_period_must_be_a_number(enrol, units):
    with pytest.raises(ValidationError) as exc:
        enrol(units_per_period=units)
    assert messages_of(exc, "units_per_period") == [msg(services.MSG_UNITS_NOT_A_NUMBER)]


def test_units_may_be_a_fraction_given_as_text(enrol):
    assert enrol(units_per_period="1.5").units_per_period == Decimal("1.50")


@pytest.mark.parametrize("period", ["year", "day", ""])
def test_the_period_is_a_week_or_a_month(enrol, period):
    with pytest.raises(ValidationError) as exc:
        enrol(period=period)
    assert messages_of(exc, "period") == [msg(services.MSG_BAD_PERIOD)]


def test_the_service_cannot_end_before_it_starts(enrol):
    with pytest.raises(ValidationError) as exc:
        enrol(starts_on=days(10), ends_on=days(5))
    assert messages_of(exc, "ends_on") == [msg(services.MSG_ENDS_BEFORE_START)]


def test_the_planned_end_cannot_have_passed(enrol):
    with pytest.raises(ValidationError) as exc:
        enrol(ends_on=days(-1))
    assert messages_of(exc, "ends_on") == [msg(services.MSG_ENDS_IN_PAST)]


def test_the_same_service_twice_at_once_is_refused(enrol):
    enrol()
    with pytest.raises(ValidationError) as exc:
        enrol(starts_on=days(5))
    assert messages_of(exc, "service") == [msg(services.MSG_ALREADY_ENROLLED)]
    assert Enrolment.objects.count() == 1


def test_the_database_refuses_a_second_running_grant(enrol, halina, meals):
    first = enrol()
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(
            centre=first.centre,
            person=halina,
            service=meals,
            units_per_period=1,
            period="week",
            starts_on=START,
            unit="meal",
            market_value_per_unit=28,
            fee_per_unit=12,
        )


def test_the_same_service_may_be_given_again_after_it_ended(world, enrol):
    first = enrol()
    services.enrolment_end(enrolment=first, by=world.kipus, end_reason=EndReason.RESIGNATION)
    assert enrol(starts_on=days(1)).status == EnrolmentStatus.PLANNED


def test_several_errors_are_reported_together(enrol):
    with pytest.raises(ValidationError) as exc:
        enrol(units_per_period=0, period="year", exemption="full")
    assert set(exc.value.message_dict) == {"units_per_period", "period", "exemption_reason"}


# --- fees and exemptions ---------------------------------------------------------------------


def test_a_full_exemption_costs_nothing(enrol):
    enrolment = enrol(exemption="full", exemption_reason="Dochód poniżej kryterium.")
    assert enrolment.fee_per_unit == Decimal("0.00")
    assert enrolment.exemption_reason == "Dochód poniżej kryterium."


def test_a_partial_exemption_sets_a_lower_fee(enrol):
    enrolment = enrol(
        exemption="partial", exemption_reason="Dwie osoby w rodzinie.", fee_per_unit="5.55"
    )
    assert enrolment.fee_per_unit == Decimal("5.55")


@pytest.mark.parametrize("exemption", ["partial", "full"])
def test_an_exemption_needs_its_reason(enrol, exemption):
    with pytest.raises(ValidationError) as exc:
        enrol(exemption=exemption, exemption_reason="  ", fee_per_unit=5)
    assert messages_of(exc, "exemption_reason") == [msg(services.MSG_EXEMPTION_REASON)]


def test_a_reason_without_an_exemption_is_refused(enrol):
    with pytest.raises(ValidationError) as exc:
        enrol(exemption_reason="Bo tak.")
    assert messages_of(exc, "exemption_reason") == [msg(services.MSG_REASON_WITHOUT_EXEMPTION)]


def test_an_unknown_exemption_is_refused(enrol):
    with pytest.raises(ValidationError) as exc:
        enrol(exemption="half", exemption_reason="x")
    assert messages_of(exc, "exemption") == [msg(services.MSG_BAD_EXEMPTION)]


def test_a_partial_exemption_needs_the_fee(enrol):
    with pytest.raises(ValidationError) as exc:
        enrol(exemption="partial", exemption_reason="Niski dochód.")
    assert messages_of(exc, "fee_per_unit") == [msg(services.MSG_PARTIAL_FEE_NEEDED)]


@pytest.mark.parametrize("fee", ["0", "12.00", "13", "-1"])
def test_a_partial_fee_is_above_zero_and_below_the_price(enrol, fee):
    with pytest.raises(ValidationError) as exc:
        enrol(exemption="partial", exemption_reason="Niski dochód.", fee_per_unit=fee)
    assert messages_of(exc, "fee_per_unit") == [
        msg(services.MSG_PARTIAL_FEE_RANGE, price=Decimal("12.00"))
    ]


def test_a_partial_fee_must_be_a_number(enrol):
    with pytest.raises(ValidationError) as exc:
        enrol(exemption="partial", exemption_reason="Niski dochód.", fee_per_unit="tanio")
    assert messages_of(exc, "fee_per_unit") == [msg(services.MSG_UNITS_NOT_A_NUMBER)]


@pytest.mark.parametrize(("exemption", "fee"), [("none", "5"), ("full", "5")])
def test_a_fee_of_its_own_only_with_a_partial_exemption(enrol, exemption, fee):
    with pytest.raises(ValidationError) as exc:
        enrol(
            exemption=exemption,
            exemption_reason="x" if exemption != "none" else "",
            fee_per_unit=fee,
        )
    assert messages_of(exc, "fee_per_unit") == [msg(services.MSG_FEE_ONLY_WITH_PARTIAL)]


def test_the_resident_price_given_as_the_fee_is_accepted_without_exemption(enrol):
    assert enrol(fee_per_unit="12.00").fee_per_unit == Decimal("12.00")


def test_a_free_service_has_no_fee_to_exempt_from_partly(enrol, free_care):
    with pytest.raises(ValidationError) as exc:
        enrol(service=free_care, exemption="partial", exemption_reason="x", fee_per_unit=1)
    assert messages_of(exc, "exemption") == [msg(services.MSG_NOTHING_TO_EXEMPT)]


def test_a_full_exemption_of_a_free_service_changes_nothing_but_is_kept(enrol, free_care):
    enrolment = enrol(service=free_care, exemption="full", exemption_reason="Decyzja OPS.")
    assert (enrolment.fee_per_unit, enrolment.exemption) == (Decimal("0.00"), "full")


def test_the_fee_a_qualification_computed_is_accepted_as_given(enrol, meals):
    """The cases app stores the resident's price (none) or 0 (full) as the fee: both pass."""
    assert enrol(exemption="none", fee_per_unit=meals.resident_price).fee_per_unit == Decimal(
        "12.00"
    )


def test_a_free_service_is_given_at_no_fee(enrol, free_care):
    enrolment = enrol(service=free_care)
    assert (enrolment.fee_per_unit, enrolment.market_value_per_unit) == (
        Decimal("0.00"),
        Decimal("55.00"),
    )


# --- the status machine ----------------------------------------------------------------------


def statuses(enrolment) -> list[str]:
    return list(enrolment.status_changes.order_by("at", "id").values_list("status", flat=True))


def test_the_whole_path_is_in_the_status_history(world, enrol):
    enrolment = enrol(starts_on=days(0))
    enrolment.starts_on = days(0)
    services.enrolment_suspend(enrolment=enrolment, by=world.ous, reason="Pobyt w szpitalu.")
    services.enrolment_resume(enrolment=enrolment, by=world.ous)
    services.enrolment_end(enrolment=enrolment, by=world.ous, end_reason=EndReason.DEATH)
    services.enrolment_close(enrolment=enrolment, by=world.director)
    assert statuses(enrolment) == ["active", "suspended", "active", "ended", "closed"]
    suspension = enrolment.status_changes.get(status="suspended")
    assert (suspension.by, suspension.reason) == (world.ous, "Pobyt w szpitalu.")
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.end_reason, enrolment.ended_on) == (
        "closed",
        "death",
        days(0),
    )


def test_a_planned_service_starts_on_its_day(world, enrol):
    enrolment = enrol(starts_on=days(2))
    Enrolment.objects.filter(pk=enrolment.pk).update(starts_on=days(0))
    services.enrolment_start(enrolment=enrolment, by=world.kipus)
    enrolment.refresh_from_db()
    assert enrolment.status == "active"


def test_a_planned_service_cannot_start_before_its_day(world, enrol):
    enrolment = enrol(starts_on=days(2))
    with pytest.raises(ValidationError) as exc:
        services.enrolment_start(enrolment=enrolment, by=world.kipus)
    assert messages_of(exc) == [msg(services.MSG_START_TOO_EARLY, date=days(2))]


@pytest.mark.parametrize(
    ("action", "message", "kwargs"),
    [
        ("enrolment_start", services.MSG_START_NOT_PLANNED, {}),
        ("enrolment_resume", services.MSG_RESUME_NOT_SUSPENDED, {}),
        ("enrolment_close", services.MSG_CLOSE_NOT_ENDED, {}),
    ],
)
def test_an_active_service_refuses_transitions_it_cannot_take(
    world, enrol, action, message, kwargs
):
    enrolment = enrol()
    with pytest.raises(ValidationError) as exc:
        getattr(services, action)(enrolment=enrolment, by=world.kipus, **kwargs)
    assert messages_of(exc) == [msg(message, status="active")]
    assert statuses(enrolment) == ["active"]


def test_a_planned_service_cannot_be_suspended(world, enrol):
    enrolment = enrol(starts_on=days(3))
    with pytest.raises(ValidationError) as exc:
        services.enrolment_suspend(enrolment=enrolment, by=world.kipus, reason="x")
    assert messages_of(exc) == [msg(services.MSG_SUSPEND_NOT_ACTIVE, status="planned")]


def test_a_suspension_needs_its_reason(world, enrol):
    enrolment = enrol()
    with pytest.raises(ValidationError) as exc:
        services.enrolment_suspend(enrolment=enrolment, by=world.kipus, reason=" ")
    assert messages_of(exc, "reason") == [msg(services.MSG_SUSPEND_REASON)]


def test_a_suspended_service_cannot_resume_after_its_planned_end(world, enrol):
    enrolment = enrol(ends_on=days(5))
    services.enrolment_suspend(enrolment=enrolment, by=world.kipus, reason="Szpital")
    Enrolment.objects.filter(pk=enrolment.pk).update(ends_on=days(-1))
    with pytest.raises(ValidationError) as exc:
        services.enrolment_resume(enrolment=enrolment, by=world.kipus)
    assert messages_of(exc) == [msg(services.MSG_RESUME_AFTER_END, date=days(-1))]


@pytest.mark.parametrize("final", ["ended", "closed"])
def test_an_ended_service_cannot_end_again(world, enrol, final):
    enrolment = enrol()
    services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="resignation")
    if final == "closed":
        services.enrolment_close(enrolment=enrolment, by=world.kipus)
    label = {"ended": "ended", "closed": "closed (fees settled)"}[final]
    with pytest.raises(ValidationError) as exc:
        services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="resignation")
    assert messages_of(exc) == [msg(services.MSG_END_NOT_RUNNING, status=label)]


def test_a_planned_service_may_be_called_off(world, enrol):
    enrolment = enrol(starts_on=days(10))
    services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="resignation")
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.ended_on) == ("ended", days(0))


def test_a_suspended_service_may_end(world, enrol):
    enrolment = enrol()
    services.enrolment_suspend(enrolment=enrolment, by=world.kipus, reason="Szpital")
    services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="death")
    assert statuses(enrolment)[-1] == "ended"


def test_an_unknown_end_reason_is_refused(world, enrol):
    with pytest.raises(ValidationError) as exc:
        services.enrolment_end(enrolment=enrol(), by=world.kipus, end_reason="boredom")
    assert messages_of(exc, "end_reason") == [msg(services.MSG_BAD_END_REASON)]


def test_the_reason_other_needs_a_note(world, enrol):
    enrolment = enrol()
    with pytest.raises(ValidationError) as exc:
        services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="other")
    assert messages_of(exc, "note") == [msg(services.MSG_END_OTHER_NOTE)]
    services.enrolment_end(
        enrolment=enrolment, by=world.kipus, end_reason="other", note="Umieszczenie w DPS."
    )
    assert enrolment.status_changes.get(status="ended").reason == "Umieszczenie w DPS."


def test_the_end_cannot_be_in_the_future(world, enrol):
    with pytest.raises(ValidationError) as exc:
        services.enrolment_end(
            enrolment=enrol(), by=world.kipus, end_reason="resignation", ended_on=days(1)
        )
    assert messages_of(exc, "ended_on") == [msg(services.MSG_END_IN_FUTURE)]


def test_the_end_cannot_be_before_the_start(world, enrol):
    with pytest.raises(ValidationError) as exc:
        services.enrolment_end(
            enrolment=enrol(),
            by=world.kipus,
            end_reason="resignation",
            ended_on=START - dt.timedelta(days=1),
        )
    assert messages_of(exc, "ended_on") == [msg(services.MSG_END_BEFORE_START, date=START)]


def test_the_end_cannot_be_after_the_planned_end(world, enrol):
    enrolment = enrol(ends_on=days(3))
    Enrolment.objects.filter(pk=enrolment.pk).update(ends_on=days(-2))
    with pytest.raises(ValidationError) as exc:
        services.enrolment_end(
            enrolment=enrolment, by=world.kipus, end_reason="resignation", ended_on=days(0)
        )
    assert messages_of(exc, "ended_on") == [msg(services.MSG_END_AFTER_PLANNED, date=days(-2))]


def test_the_end_cannot_be_before_a_recorded_delivery(world, enrol):
    enrolment = enrol()
    services.delivery_record(enrolment=enrolment, by=world.kipus, delivered_on=days(-1), units=1)
    with pytest.raises(ValidationError) as exc:
        services.enrolment_end(
            enrolment=enrolment, by=world.kipus, end_reason="resignation", ended_on=days(-2)
        )
    assert messages_of(exc, "ended_on") == [
        msg(services.MSG_END_BEFORE_LAST_DELIVERY, date=days(-1))
    ]


# --- the enrolment_ended signal --------------------------------------------------------------


@pytest.fixture
def ended_signals():
    received = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    services.enrolment_ended.connect(receiver)
    yield received
    services.enrolment_ended.disconnect(receiver)


def test_ending_sends_the_signal_once_with_the_enrolment_and_the_user(world, enrol, ended_signals):
    enrolment = enrol()
    services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="resignation")
    with pytest.raises(ValidationError):
        services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="resignation")
    services.enrolment_close(enrolment=enrolment, by=world.kipus)
    assert len(ended_signals) == 1
    assert ended_signals[0]["enrolment"].pk == enrolment.pk
    assert ended_signals[0]["enrolment"].status == "ended"
    assert ended_signals[0]["by"] == world.kipus


def test_the_signal_is_sent_inside_the_ending_transaction(world, enrol):
    enrolment = enrol()

    def failing(sender, **kwargs):
        raise RuntimeError("the waiting list could not take the place")

    services.enrolment_ended.connect(failing)
    try:
        with pytest.raises(RuntimeError):
            services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="death")
    finally:
        services.enrolment_ended.disconnect(failing)
    enrolment.refresh_from_db()
    assert enrolment.status == "active"
    assert statuses(enrolment) == ["active"]


def test_other_transitions_send_no_signal(world, enrol, ended_signals):
    enrolment = enrol()
    services.enrolment_suspend(enrolment=enrolment, by=world.kipus, reason="Szpital")
    services.enrolment_resume(enrolment=enrolment, by=world.kipus)
    assert ended_signals == []


# --- the daily task --------------------------------------------------------------------------


def test_the_daily_task_starts_and_ends_what_is_due(
    world, enrol, halina, partner_meals, ended_signals
):
    jan = person(world.a, "Jan", "Kos")
    ewa = person(world.a, "Ewa", "Lis")
    due = enrol(starts_on=days(3))
    later = enrol(person=jan, starts_on=days(3))
    over = enrol(person=ewa, ends_on=days(2))
    suspended = enrol(service=partner_meals, ends_on=days(2))
    services.enrolment_suspend(enrolment=suspended, by=world.kipus, reason="Szpital")
    never_started = enrol(person=ewa, service=partner_meals, starts_on=days(1), ends_on=days(1))
    Enrolment.objects.filter(pk=due.pk).update(starts_on=days(0))
    Enrolment.objects.filter(pk__in=[over.pk, suspended.pk]).update(ends_on=days(-1))
    Enrolment.objects.filter(pk=never_started.pk).update(starts_on=days(-3), ends_on=days(-2))

    result = start_due_enrolments.enqueue()

    assert result.return_value == {"started": 1, "ended": 3, "failed": 0}
    found = {e.pk: e for e in Enrolment.objects.all()}
    assert found[due.pk].status == "active"
    assert found[later.pk].status == "planned"
    for ended in (over, suspended, never_started):
        assert (found[ended.pk].status, found[ended.pk].end_reason) == ("ended", "period_end")
    assert found[over.pk].ended_on == days(-1)
    assert found[never_started.pk].ended_on == days(-2)
    assert len(ended_signals) == 3
    assert {s["by"] for s in ended_signals} == {None}
    assert EnrolmentStatusChange.objects.get(enrolment=due, status="active").by is None


def test_the_daily_task_run_twice_does_nothing_more(world, enrol, ended_signals):
    over = enrol(ends_on=days(2))
    Enrolment.objects.filter(pk=over.pk).update(ends_on=days(-1))
    assert services.enrolments_start_due() == {"started": 0, "ended": 1, "failed": 0}
    assert services.enrolments_start_due() == {"started": 0, "ended": 0, "failed": 0}
    assert len(ended_signals) == 1


def test_the_command_runs_the_task(world, enrol, capsys):
    planned = enrol(starts_on=days(1))
    Enrolment.objects.filter(pk=planned.pk).update(starts_on=days(0))
    call_command("start_due_enrolments", "--now")
    assert "started 1, ended 0, failed 0" in capsys.readouterr().out
    planned.refresh_from_db()
    assert planned.status == "active"


def test_the_command_enqueues_the_task(world, capsys):
    call_command("start_due_enrolments")
    assert "enqueued start_due_enrolments" in capsys.readouterr().out


# --- deliveries ------------------------------------------------------------------------------


def test_a_delivery_is_recorded_with_who_and_where(world, enrol):
    enrolment = enrol()
    delivery = services.delivery_record(
        enrolment=enrolment,
        by=world.provider,
        delivered_on=days(-1),
        units="1",
        duration_minutes=30,
        note="Zupa i drugie danie.",
    )
    assert (delivery.by, delivery.where, delivery.units, delivery.centre) == (
        world.provider,
        "at_home",
        Decimal("1.00"),
        world.a,
    )
    assert LogEntry.objects.get_for_object(delivery).get().actor == world.provider


def test_a_missed_visit_counts_no_units_and_says_why(world, enrol):
    delivery = services.delivery_record(
        enrolment=enrol(),
        by=world.kipus,
        delivered_on=days(0),
        status=DeliveryStatus.MISSED,
        units=3,
        missed_reason="person_in_hospital",
    )
    assert (delivery.units, delivery.missed_reason) == (Decimal(0), "person_in_hospital")


def test_a_missed_visit_needs_its_reason(world, enrol):
    with pytest.raises(ValidationError) as exc:
        services.delivery_record(
            enrolment=enrol(), by=world.kipus, delivered_on=days(0), status="missed"
        )
    assert messages_of(exc, "missed_reason") == [msg(services.MSG_MISSED_REASON)]


def test_a_missed_visit_for_another_reason_needs_a_note(world, enrol):
    with pytest.raises(ValidationError) as exc:
        services.delivery_record(
            enrolment=enrol(),
            by=world.kipus,
            delivered_on=days(0),
            status="missed",
            missed_reason="other",
        )
    assert messages_of(exc, "note") == [msg(services.MSG_MISSED_OTHER_NOTE)]


def test_a_delivered_visit_drops_a_missed_reason(world, enrol):
    delivery = services.delivery_record(
        enrolment=enrol(),
        by=world.kipus,
        delivered_on=days(0),
        units=1,
        missed_reason="person_absent",
    )
    assert delivery.missed_reason == ""


@pytest.mark.parametrize("units", [None, "", 0, "-1", "jeden"])
def test_a_delivered_visit_counts_units_above_zero(world, enrol, units):
    with pytest.raises(ValidationError) as exc:
        services.delivery_record(
            enrolment=enrol(), by=world.kipus, delivered_on=days(0), units=units
        )
    assert messages_of(exc, "units") == [msg(services.MSG_DELIVERY_UNITS)]


def test_a_delivery_cannot_be_in_the_future(world, enrol):
    with pytest.raises(ValidationError) as exc:
        services.delivery_record(enrolment=enrol(), by=world.kipus, delivered_on=days(1), units=1)
    assert messages_of(exc, "delivered_on") == [msg(services.MSG_DELIVERY_IN_FUTURE)]


def test_a_delivery_cannot_be_before_the_start(world, enrol):
    before = START - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.delivery_record(enrolment=enrol(), by=world.kipus, delivered_on=before, units=1)
    assert messages_of(exc, "delivered_on") == [msg(services.MSG_DELIVERY_BEFORE_START, date=START)]


def test_a_delivery_cannot_be_after_the_planned_end(world, enrol):
    enrolment = enrol(ends_on=days(0))
    Enrolment.objects.filter(pk=enrolment.pk).update(ends_on=days(-2))
    with pytest.raises(ValidationError) as exc:
        services.delivery_record(
            enrolment=enrolment, by=world.kipus, delivered_on=days(-1), units=1
        )
    assert messages_of(exc, "delivered_on") == [msg(services.MSG_DELIVERY_AFTER_END, date=days(-2))]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("where", "on_the_moon", services.MSG_BAD_PLACE),
        ("status", "lost", services.MSG_BAD_DELIVERY_STATUS),
        ("duration_minutes", 0, services.MSG_BAD_DURATION),
        ("duration_minutes", 24 * 60 + 1, services.MSG_BAD_DURATION),
    ],
)
def test_bad_delivery_fields_are_refused(world, enrol, field, value, message):
    with pytest.raises(ValidationError) as exc:
        services.delivery_record(
            enrolment=enrol(), by=world.kipus, delivered_on=days(0), units=1, **{field: value}
        )
    assert messages_of(exc, field) == [msg(message)]


@pytest.mark.parametrize("state", ["planned", "suspended", "ended", "closed"])
def test_deliveries_only_while_the_service_is_active(world, enrol, state):
    enrolment = enrol(starts_on=days(2)) if state == "planned" else enrol()
    if state == "suspended":
        services.enrolment_suspend(enrolment=enrolment, by=world.kipus, reason="Szpital")
    if state in ("ended", "closed"):
        services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="resignation")
    if state == "closed":
        services.enrolment_close(enrolment=enrolment, by=world.kipus)
    label = {"closed": "closed (fees settled)"}.get(state, state)
    with pytest.raises(ValidationError) as exc:
        services.delivery_record(enrolment=enrolment, by=world.kipus, delivered_on=days(0), units=1)
    assert messages_of(exc) == [msg(services.MSG_DELIVERY_NOT_ACTIVE, status=label)]
    assert not Delivery.objects.exists()


def test_a_correction_is_kept_in_the_history(world, enrol):
    enrolment = enrol()
    delivery = services.delivery_record(
        enrolment=enrolment, by=world.provider, delivered_on=days(-1), units=1
    )
    services.delivery_update(delivery=delivery, by=world.kipus, units="1.5", note="Dokładka.")
    delivery.refresh_from_db()
    assert (delivery.units, delivery.note, delivery.corrected_by) == (
        Decimal("1.50"),
        "Dokładka.",
        world.kipus,
    )
    update = LogEntry.objects.get_for_object(delivery).filter(action=LogEntry.Action.UPDATE).get()
    assert update.actor == world.kipus
    assert update.changes_dict["units"] == ["1.00", "1.50"]


def test_a_correction_to_missed_drops_the_units(world, enrol):
    delivery = services.delivery_record(
        enrolment=enrol(), by=world.kipus, delivered_on=days(-1), units=2
    )
    services.delivery_update(
        delivery=delivery, by=world.kipus, status="missed", missed_reason="person_absent"
    )
    delivery.refresh_from_db()
    assert (delivery.status, delivery.units) == ("missed", Decimal("0.00"))


def test_a_correction_follows_the_same_rules(world, enrol):
    delivery = services.delivery_record(
        enrolment=enrol(), by=world.kipus, delivered_on=days(-1), units=2
    )
    with pytest.raises(ValidationError) as exc:
        services.delivery_update(delivery=delivery, by=world.kipus, delivered_on=days(1))
    assert messages_of(exc, "delivered_on") == [msg(services.MSG_DELIVERY_IN_FUTURE)]
    delivery.refresh_from_db()
    assert delivery.delivered_on == days(-1)


def test_a_correction_after_the_end_stays_within_the_end(world, enrol):
    enrolment = enrol()
    delivery = services.delivery_record(
        enrolment=enrolment, by=world.kipus, delivered_on=days(-3), units=2
    )
    services.enrolment_end(
        enrolment=enrolment, by=world.kipus, end_reason="resignation", ended_on=days(-2)
    )
    services.delivery_update(delivery=delivery, by=world.kipus, units=1)
    with pytest.raises(ValidationError) as exc:
        services.delivery_update(delivery=delivery, by=world.kipus, delivered_on=days(-1))
    assert messages_of(exc, "delivered_on") == [msg(services.MSG_DELIVERY_AFTER_END, date=days(-2))]


def test_an_unknown_field_to_correct_is_a_programming_error(world, enrol):
    delivery = services.delivery_record(
        enrolment=enrol(), by=world.kipus, delivered_on=days(0), units=1
    )
    with pytest.raises(ValueError, match="enrolment"):
        services.delivery_update(delivery=delivery, by=world.kipus, enrolment=None)


def test_a_deleted_delivery_is_gone_but_in_the_history(world, enrol):
    delivery = services.delivery_record(
        enrolment=enrol(), by=world.kipus, delivered_on=days(0), units=1
    )
    pk = delivery.pk
    services.delivery_delete(delivery=delivery, by=world.ous)
    assert not Delivery.objects.exists()
    deleted = LogEntry.objects.get(action=LogEntry.Action.DELETE, object_pk=str(pk))
    assert deleted.actor == world.ous


def test_deliveries_of_a_closed_service_are_final(world, enrol):
    enrolment = enrol()
    delivery = services.delivery_record(
        enrolment=enrolment, by=world.kipus, delivered_on=days(0), units=1
    )
    services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="resignation")
    services.enrolment_close(enrolment=enrolment, by=world.kipus)
    for attempt in (
        lambda: services.delivery_update(delivery=delivery, by=world.kipus, units=2),
        lambda: services.delivery_delete(delivery=delivery, by=world.kipus),
    ):
        with pytest.raises(ValidationError) as exc:
            attempt()
        assert messages_of(exc) == [msg(services.MSG_CLOSED_IS_FINAL)]
    assert Delivery.objects.get().units == Decimal("1.00")
