"""The catalogue's writes: every rule of a service, its status workflow, places and hours."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from opencus.catalogue import services
from opencus.catalogue.enums import FeeKind, ServiceStatus, Weekday
from opencus.catalogue.models import (
    Location,
    Schedule,
    SearchTerm,
    Service,
    ServiceLocation,
    ServiceStatusChange,
)
from opencus.catalogue.search import apply_search
from opencus.catalogue.tests.conftest import service_data
from opencus.territory.enums import AgreementKind
from opencus.territory.services import agreement_create
from opencus.territory.tests.factories import GminaFactory

pytestmark = pytest.mark.django_db

Q = Decimal


def _refused(centre, by=None, **overrides) -> dict:
    """``service_create`` with ``overrides`` must fail; returns the errors by field."""
    with pytest.raises(ValidationError) as raised:
        services.service_create(centre=centre, by=by, **service_data(centre, **overrides))
    return raised.value.message_dict


def _nothing_saved():
    assert not Service.objects.exists()
    assert not ServiceStatusChange.objects.exists()
    assert not SearchTerm.objects.exists()
    assert not LogEntry.objects.filter(content_type__model="service").exists()


def _location(centre, by=None, **overrides):
    data = {
        "name": "Dzienny Dom Senior+",
        "street": "ul. Parkowa 3",
        "postal_code": "66-200",
        "city": "Świebodzin",
        "gmina": centre.seat_gmina,
    }
    return services.location_save(centre=centre, by=by, **(data | overrides))


def _agreement(lead, other, by=None):
    return agreement_create(
        by=by,
        title="Porozumienie o wspólnych usługach",
        kind=AgreementKind.BILATERAL,
        lead_gmina=lead,
        parties=[lead, other],
    )


def _search(query):
    found, _words, matched = apply_search(Service.objects.all(), query)
    return [s.name for s in found], matched


# --- a valid service ------------------------------------------------------------------------


def test_a_new_service_is_a_draft_with_its_history(world):
    service = services.service_create(centre=world.a, by=world.ous, **service_data(world.a))
    assert service.status == ServiceStatus.DRAFT
    assert service.status_changed_by == world.ous
    assert list(service.residents_of.all()) == [world.a.seat_gmina]
    (change,) = service.status_changes.all()
    assert (change.status, change.by) == (ServiceStatus.DRAFT, world.ous)


def test_residents_default_to_the_centres_own_gminas(world):
    data = service_data(world.a)
    del data["residents_of"]
    service = services.service_create(centre=world.a, by=world.ous, **data)
    assert list(service.residents_of.all()) == list(world.a.gminas.all())


def test_an_unknown_field_is_a_programming_error(world):
    with pytest.raises(ValueError, match="colour"):
        services.service_create(centre=world.a, by=world.ous, **service_data(world.a, colour="red"))
    _nothing_saved()


# --- fees -----------------------------------------------------------------------------------


def test_a_free_service_costs_nothing(world):
    service = services.service_create(
        centre=world.a,
        by=world.ous,
        **service_data(world.a, fee_kind=FeeKind.FREE, resident_price=Q("0")),
    )
    assert service.subsidy == Q("28.00")


def test_a_free_service_with_a_price_is_refused(world):
    errors = _refused(world.a, fee_kind=FeeKind.FREE, resident_price=Q("5"))
    assert errors == {"resident_price": [str(services.MSG_FREE_PRICE)]}
    _nothing_saved()


@pytest.mark.parametrize("price", ["0", "28.00", "30"], ids=["zero", "full", "above"])
def test_a_cofinanced_price_must_be_between_zero_and_the_value(world, price):
    errors = _refused(world.a, fee_kind=FeeKind.COFINANCED, resident_price=Q(price))
    assert errors == {"resident_price": [str(services.MSG_COFINANCED_PRICE)]}
    _nothing_saved()


def test_a_paid_service_costs_its_real_value(world):
    service = services.service_create(
        centre=world.a,
        by=world.ous,
        **service_data(world.a, fee_kind=FeeKind.PAID, resident_price=Q("28.00")),
    )
    assert service.subsidy == 0


def test_a_paid_service_with_a_lower_price_is_refused(world):
    errors = _refused(world.a, fee_kind=FeeKind.PAID, resident_price=Q("20"))
    assert errors == {"resident_price": [str(services.MSG_PAID_PRICE)]}
    _nothing_saved()


def test_a_paid_service_with_value_zero_is_refused(world):
    errors = _refused(world.a, fee_kind=FeeKind.PAID, market_value=Q("0"), resident_price=Q("0"))
    assert errors == {"market_value": [str(services.MSG_PAID_VALUE)]}
    _nothing_saved()


# --- ages, delivery, capacity ---------------------------------------------------------------


def test_reversed_ages_are_refused(world):
    errors = _refused(world.a, min_age=65, max_age=60)
    assert errors == {"max_age": [str(services.MSG_AGE_RANGE)]}
    _nothing_saved()


def test_equal_ages_are_allowed(world):
    service = services.service_create(
        centre=world.a, by=world.ous, **service_data(world.a, min_age=18, max_age=18)
    )
    assert (service.min_age, service.max_age) == (18, 18)


def test_a_service_without_a_delivery_mode_is_refused(world):
    errors = _refused(world.a, at_home=False)
    assert errors == {"at_home": [str(services.MSG_NO_DELIVERY)]}
    _nothing_saved()


def test_a_capacity_without_its_period_is_refused(world):
    errors = _refused(world.a, capacity=40)
    assert errors == {"capacity_period": [str(services.MSG_CAPACITY_PERIOD)]}
    _nothing_saved()


def test_a_capacity_period_without_a_capacity_is_refused(world):
    errors = _refused(world.a, capacity_period="week")
    assert errors == {"capacity_period": [str(services.MSG_CAPACITY_PERIOD)]}
    _nothing_saved()


def test_a_capacity_with_its_period_is_kept(world):
    service = services.service_create(
        centre=world.a, by=world.ous, **service_data(world.a, capacity=40, capacity_period="week")
    )
    assert (service.capacity, service.capacity_period) == (40, "week")


# --- classification and residents ----------------------------------------------------------


def test_a_service_without_areas_is_refused(world):
    assert _refused(world.a, areas=[]) == {"areas": [str(services.MSG_NEED_AREA)]}
    _nothing_saved()


def test_a_service_without_target_groups_is_refused(world):
    errors = _refused(world.a, target_groups=[])
    assert errors == {"target_groups": [str(services.MSG_NEED_GROUP)]}
    _nothing_saved()


def test_a_service_open_to_no_residents_is_refused(world):
    errors = _refused(world.a, residents_of=[])
    assert errors == {"residents_of": [str(services.MSG_NEED_RESIDENTS)]}
    _nothing_saved()


def test_a_gmina_outside_the_centre_and_its_agreements_is_refused(world):
    outside = world.b.seat_gmina
    errors = _refused(world.a, residents_of=[world.a.seat_gmina, outside])
    assert errors == {"residents_of": [services.MSG_GMINA_NOT_ALLOWED % {"gminas": outside.name}]}
    _nothing_saved()


def test_an_agreement_between_other_gminas_does_not_open_them(world):
    stranger = GminaFactory()
    _agreement(world.b.seat_gmina, stranger)
    errors = _refused(world.a, residents_of=[stranger])
    assert errors == {"residents_of": [services.MSG_GMINA_NOT_ALLOWED % {"gminas": stranger.name}]}
    _nothing_saved()


def test_a_gmina_bound_by_an_agreement_is_allowed(world):
    neighbour = GminaFactory(name="Skąpe")
    _agreement(world.a.seat_gmina, neighbour)
    service = services.service_create(
        centre=world.a,
        by=world.ous,
        **service_data(world.a, residents_of=[world.a.seat_gmina, neighbour]),
    )
    assert set(service.residents_of.all()) == {world.a.seat_gmina, neighbour}
    assert set(services.allowed_resident_gminas(world.a)) == {world.a.seat_gmina, neighbour}


def test_several_broken_rules_are_reported_together(world):
    errors = _refused(world.a, at_home=False, min_age=70, max_age=60, areas=[])
    assert set(errors) == {"at_home", "max_age", "areas"}
    _nothing_saved()


# --- the database keeps the same rules ------------------------------------------------------


def _raw_service(centre, **overrides) -> dict:
    fields = {
        "centre": centre,
        "name": "Bez walidacji",
        "summary": "-",
        "description": "-",
        "at_home": True,
        "access_mode": "open",
        "fee_kind": FeeKind.COFINANCED,
        "unit": "meal",
        "market_value": Q("28"),
        "resident_price": Q("12"),
    }
    return fields | overrides


@pytest.mark.parametrize(
    "overrides",
    [
        {"fee_kind": FeeKind.FREE, "resident_price": Q("5")},
        {"fee_kind": FeeKind.COFINANCED, "resident_price": Q("28")},
        {"fee_kind": FeeKind.COFINANCED, "resident_price": Q("0")},
        {"fee_kind": FeeKind.PAID, "resident_price": Q("12")},
        {"fee_kind": FeeKind.PAID, "market_value": Q("0"), "resident_price": Q("0")},
        {"market_value": Q("-1"), "fee_kind": FeeKind.FREE, "resident_price": Q("0")},
    ],
    ids=[
        "free-with-price",
        "cofinanced-full",
        "cofinanced-zero",
        "paid-below",
        "paid-zero",
        "negative",
    ],
)
def test_the_database_refuses_a_fee_that_does_not_fit_its_kind(world, overrides):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.create(**_raw_service(world.a, **overrides))


def test_the_database_refuses_reversed_ages(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.create(**_raw_service(world.a, min_age=65, max_age=60))


def test_the_database_refuses_a_service_without_a_delivery_mode(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.create(**_raw_service(world.a, at_home=False))


@pytest.mark.parametrize(
    "overrides",
    [{"capacity": 10}, {"capacity_period": "week"}],
    ids=["capacity-only", "period-only"],
)
def test_the_database_refuses_a_capacity_without_its_period(world, overrides):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.create(**_raw_service(world.a, **overrides))


def test_the_database_accepts_a_service_that_keeps_every_rule(world):
    Service.objects.create(**_raw_service(world.a, capacity=10, capacity_period="week"))


@pytest.mark.parametrize("closes", [dt.time(9), dt.time(10)], ids=["before", "equal"])
def test_the_database_refuses_hours_that_close_before_they_open(world, make_service, closes):
    service = make_service(world.a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Schedule.objects.create(
            service=service, weekday=Weekday.MO, opens_at=dt.time(10), closes_at=closes
        )


# --- status workflow ------------------------------------------------------------------------


def test_the_status_workflow_records_who_and_when(world, make_service):
    service = make_service(world.a, by=world.ous)
    steps = [
        ServiceStatus.PUBLISHED,
        ServiceStatus.SUSPENDED,
        ServiceStatus.PUBLISHED,
        ServiceStatus.ARCHIVED,
    ]
    for status in steps:
        service = services.service_change_status(
            service=service, by=world.director, status=status, note=f"krok {status}"
        )
        assert service.status == status
        assert service.status_changed_by == world.director
    changes = list(service.status_changes.order_by("at", "id"))
    assert [c.status for c in changes] == [ServiceStatus.DRAFT, *steps]
    assert [c.by for c in changes] == [world.ous] + [world.director] * 4
    assert changes[-1].note == "krok archived"


def test_a_draft_may_be_archived(world, make_service):
    service = make_service(world.a)
    service = services.service_change_status(
        service=service, by=world.ous, status=ServiceStatus.ARCHIVED
    )
    assert service.status == ServiceStatus.ARCHIVED


def _status_refused(service, by, status):
    with pytest.raises(ValidationError) as raised:
        services.service_change_status(service=service, by=by, status=status)
    return raised.value.messages


@pytest.mark.parametrize("target", list(ServiceStatus))
def test_an_archived_service_cannot_change_status(world, make_service, target):
    service = make_service(world.a)
    service = services.service_change_status(
        service=service, by=world.ous, status=ServiceStatus.ARCHIVED
    )
    messages = _status_refused(service, world.ous, target)
    assert messages == [
        services.MSG_STATUS_NOT_ALLOWED
        % {"current": ServiceStatus.ARCHIVED.label, "new": target.label}
    ]
    service.refresh_from_db()
    assert service.status == ServiceStatus.ARCHIVED
    assert service.status_changes.count() == 2


def test_a_draft_cannot_be_suspended(world, make_service):
    service = make_service(world.a)
    messages = _status_refused(service, world.ous, ServiceStatus.SUSPENDED)
    assert messages == [
        services.MSG_STATUS_NOT_ALLOWED
        % {"current": ServiceStatus.DRAFT.label, "new": ServiceStatus.SUSPENDED.label}
    ]
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT
    assert service.status_changes.count() == 1


def test_a_service_at_a_place_needs_a_location_before_publishing(world, make_service):
    service = make_service(world.a, at_home=False, at_location=True)
    assert services.publish_problems(service) == [services.MSG_PUBLISH_NO_LOCATION]
    messages = _status_refused(service, world.ous, ServiceStatus.PUBLISHED)
    assert messages == [str(services.MSG_PUBLISH_NO_LOCATION)]
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT


def test_a_service_at_a_place_with_a_location_may_be_published(world, make_service):
    service = make_service(world.a, at_home=False, at_location=True)
    services.service_location_add(service=service, location=_location(world.a), by=world.ous)
    service = services.service_change_status(
        service=service, by=world.ous, status=ServiceStatus.PUBLISHED
    )
    assert service.status == ServiceStatus.PUBLISHED


def test_a_service_on_application_needs_a_contact_before_publishing(world, make_service):
    service = make_service(world.a, access_mode="application", how_to_apply="", phone="", email="")
    messages = _status_refused(service, world.ous, ServiceStatus.PUBLISHED)
    assert messages == [str(services.MSG_PUBLISH_NO_CONTACT)]
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT


@pytest.mark.parametrize(
    "contact",
    [{"how_to_apply": "Wniosek w CUS."}, {"phone": "68 000 00 00"}, {"email": "cus@example.pl"}],
    ids=["how-to", "phone", "email"],
)
def test_one_way_to_apply_is_enough_to_publish(world, make_service, contact):
    blank = {"how_to_apply": "", "phone": "", "email": ""}
    service = make_service(world.a, access_mode="application", **(blank | contact))
    assert services.publish_problems(service) == []


def test_an_open_service_needs_no_contact(world, make_service):
    service = make_service(world.a, access_mode="open", how_to_apply="", phone="", email="")
    assert services.publish_problems(service) == []


def test_republishing_a_suspended_service_checks_it_again(world, make_service):
    service = make_service(world.a, publish=True, at_home=False, at_location=True)
    service = services.service_change_status(
        service=service, by=world.ous, status=ServiceStatus.SUSPENDED
    )
    for link in service.service_locations.all():
        services.service_location_remove(link=link, by=world.ous)
    messages = _status_refused(service, world.ous, ServiceStatus.PUBLISHED)
    assert messages == [str(services.MSG_PUBLISH_NO_LOCATION)]


# --- history --------------------------------------------------------------------------------


def test_every_change_is_in_the_audit_log_with_its_centre(world, make_service):
    service = make_service(world.a, by=world.ous)
    services.service_update(service=service, by=world.director, summary="Obiad do domu.")
    services.service_change_status(service=service, by=world.ous, status=ServiceStatus.PUBLISHED)
    entries = list(LogEntry.objects.get_for_object(service).order_by("timestamp", "pk"))
    assert entries
    assert {e.additional_data["centre"] for e in entries} == {str(world.a.pk)}
    assert entries[0].action == LogEntry.Action.CREATE
    assert entries[0].actor == world.ous
    updates = [e for e in entries if e.action == LogEntry.Action.UPDATE]
    summary = next(e for e in updates if "summary" in e.changes_dict)
    assert summary.actor == world.director
    assert summary.changes_dict["summary"][1] == "Obiad do domu."
    status = next(e for e in updates if "status" in e.changes_dict)
    assert status.actor == world.ous
    assert status.changes_dict["status"] == [ServiceStatus.DRAFT, ServiceStatus.PUBLISHED]


def test_locations_and_hours_are_in_the_audit_log_with_their_centre(world, make_service):
    service = make_service(world.a)
    location = _location(world.a, by=world.ous)
    link = services.service_location_add(service=service, location=location, by=world.ous)
    schedule = services.schedule_add(
        service=service,
        by=world.ous,
        weekday=Weekday.TU,
        opens_at=dt.time(9),
        closes_at=dt.time(12),
        service_location=link,
    )
    for obj in (location, link, schedule):
        (entry,) = LogEntry.objects.get_for_object(obj)
        assert entry.actor == world.ous
        assert entry.additional_data == {"centre": str(world.a.pk)}


# --- updates keep the rules and the index ---------------------------------------------------


def test_an_update_keeps_the_search_index_in_step(world, make_service):
    service = make_service(world.a, name="Pralnia społeczna")
    assert _search("pralnia") == (["Pralnia społeczna"], True)
    services.service_update(service=service, by=world.ous, name="Jadłodajnia")
    assert _search("pralnia")[0] == []  # the word stays in the vocabulary, not on the service
    assert not SearchTerm.objects.filter(service=service, term__startswith="praln").exists()
    assert _search("jadłodajnia") == (["Jadłodajnia"], True)


def test_an_update_that_breaks_a_rule_changes_nothing(world, make_service):
    service = make_service(world.a, name="Pralnia społeczna")
    with pytest.raises(ValidationError) as raised:
        services.service_update(
            service=service, by=world.ous, name="Jadłodajnia", fee_kind=FeeKind.FREE
        )
    assert raised.value.message_dict == {"resident_price": [str(services.MSG_FREE_PRICE)]}
    service.refresh_from_db()
    assert (service.name, service.fee_kind) == ("Pralnia społeczna", FeeKind.COFINANCED)
    assert _search("jadłodajnia") == ([], False)


def test_an_update_checks_the_rules_against_the_saved_values(world, make_service):
    service = make_service(world.a, min_age=60)
    with pytest.raises(ValidationError) as raised:
        services.service_update(service=service, by=world.ous, max_age=50)
    assert raised.value.message_dict == {"max_age": [str(services.MSG_AGE_RANGE)]}


def test_an_update_may_replace_the_documents(world, make_service):
    service = make_service(world.a, documents=["id_document", "income_statement"])
    services.service_update(service=service, by=world.ous, documents=["medical_referral"])
    assert list(service.documents.values_list("kind", flat=True)) == ["medical_referral"]


# --- locations, places and hours ------------------------------------------------------------


def test_a_location_of_another_centre_cannot_be_edited(world):
    location = _location(world.b)
    with pytest.raises(ValidationError) as raised:
        services.location_save(centre=world.a, by=world.ous, location=location, name="Przejęta")
    assert raised.value.messages == [str(services.MSG_LOCATION_OTHER_CENTRE)]
    location.refresh_from_db()
    assert location.name == "Dzienny Dom Senior+"


def test_a_location_with_a_bad_postal_code_is_refused(world):
    with pytest.raises(ValidationError) as raised:
        _location(world.a, postal_code="66200")
    assert set(raised.value.message_dict) == {"postal_code"}
    assert not Location.objects.exists()


def test_a_service_cannot_be_given_at_another_centres_location(world, make_service):
    service = make_service(world.a)
    with pytest.raises(ValidationError) as raised:
        services.service_location_add(service=service, location=_location(world.b), by=world.ous)
    assert raised.value.message_dict == {"location": [str(services.MSG_LOCATION_OTHER_CENTRE)]}
    assert not ServiceLocation.objects.exists()


def test_adding_the_same_place_twice_keeps_one_link(world, make_service):
    service = make_service(world.a)
    location = _location(world.a)
    first = services.service_location_add(service=service, location=location, by=world.ous)
    second = services.service_location_add(service=service, location=location, by=world.ous)
    assert first == second
    assert service.service_locations.count() == 1


def test_hours_at_a_location_of_another_service_are_refused(world, make_service):
    service = make_service(world.a)
    other = make_service(world.a, name="Klub seniora")
    link = services.service_location_add(service=other, location=_location(world.a), by=world.ous)
    with pytest.raises(ValidationError) as raised:
        services.schedule_add(
            service=service,
            by=world.ous,
            weekday=Weekday.MO,
            opens_at=dt.time(8),
            closes_at=dt.time(15),
            service_location=link,
        )
    assert raised.value.message_dict == {
        "service_location": [str(services.MSG_SCHEDULE_OTHER_SERVICE)]
    }
    assert not Schedule.objects.exists()


@pytest.mark.parametrize("closes", [dt.time(7), dt.time(8)], ids=["before", "equal"])
def test_hours_that_close_before_they_open_are_refused(world, make_service, closes):
    service = make_service(world.a)
    with pytest.raises(ValidationError) as raised:
        services.schedule_add(
            service=service, by=world.ous, weekday=Weekday.MO, opens_at=dt.time(8), closes_at=closes
        )
    assert raised.value.message_dict == {"closes_at": [str(services.MSG_SCHEDULE_ORDER)]}
    assert not Schedule.objects.exists()


def test_removing_a_place_removes_its_hours(world, make_service):
    service = make_service(world.a, publish=True, at_location=True)
    (link,) = service.service_locations.all()
    assert link.schedules.count() == 1
    services.service_location_remove(link=link, by=world.ous)
    assert not ServiceLocation.objects.exists()
    assert not Schedule.objects.exists()
    assert Location.objects.count() == 1  # the place itself stays for other services


def test_terms_are_found_by_code_in_the_vocabularys_order(db):
    found = services.terms("target_group", ["carers", "seniors", "unknown"])
    assert [t.code for t in found] == ["seniors", "carers"]
