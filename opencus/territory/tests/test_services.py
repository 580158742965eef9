"""Centres, their lifecycle and inter-municipal agreements: the rules of the services."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from opencus.accounts.tests.factories import UserFactory
from opencus.territory import services
from opencus.territory.enums import AgreementKind, CentreStatus, CreationMode, GminaKind
from opencus.territory.models import Centre, CentreStatusChange, InterMunicipalAgreement
from opencus.territory.tests.factories import CentreFactory, GminaFactory

pytestmark = pytest.mark.django_db

PLANNED, BEING_CREATED, OPERATING, CLOSED = (
    CentreStatus.PLANNED,
    CentreStatus.BEING_CREATED,
    CentreStatus.OPERATING,
    CentreStatus.CLOSED,
)
STATUS_SINCE = dt.date(2025, 1, 1)


def errors_of(excinfo, field: str) -> list:
    """The untranslated messages (module constants) a service raised for ``field``."""
    return [error.message for error in excinfo.value.error_dict[field]]


def centre_log(centre) -> list[LogEntry]:
    return list(
        LogEntry.objects.filter(additional_data__centre=str(centre.pk)).order_by("timestamp", "pk")
    )


@pytest.fixture
def director():
    return UserFactory()


@pytest.fixture
def gmina():
    return GminaFactory()


@pytest.fixture
def neighbour():
    return GminaFactory()


@pytest.fixture
def city():
    return GminaFactory(kind=GminaKind.URBAN, population=120_000)


def create(by, *, seat, gminas, mode=CreationMode.OPS_TRANSFORMATION, **details):
    return services.centre_create(
        by=by,
        name="CUS Testowo",
        slug="testowo",
        seat_gmina=seat,
        gminas=gminas,
        creation_mode=mode,
        **details,
    )


# --- centre_create -------------------------------------------------------------------------


def test_transformation_of_ops_creates_centre_for_one_gmina(director, gmina):
    centre = create(director, seat=gmina, gminas=[gmina])
    assert list(centre.gminas.all()) == [gmina]
    assert centre.seat_gmina == gmina


def test_transformation_of_ops_refuses_two_gminas(director, gmina, neighbour):
    with pytest.raises(ValidationError) as excinfo:
        create(director, seat=gmina, gminas=[gmina, neighbour])
    assert errors_of(excinfo, "gminas") == [services.MSG_TRANSFORMATION_ONE_GMINA]
    assert not Centre.objects.exists()


def test_transformation_of_ops_refuses_no_gmina(director, gmina):
    with pytest.raises(ValidationError) as excinfo:
        create(director, seat=gmina, gminas=[])
    assert errors_of(excinfo, "gminas") == [services.MSG_TRANSFORMATION_ONE_GMINA]


def test_intermunicipal_centre_serves_two_gminas(director, gmina, neighbour):
    centre = create(
        director, seat=gmina, gminas=[gmina, neighbour], mode=CreationMode.INTERMUNICIPAL_AGREEMENT
    )
    assert set(centre.gminas.all()) == {gmina, neighbour}


def test_intermunicipal_centre_refuses_a_single_gmina(director, gmina):
    with pytest.raises(ValidationError) as excinfo:
        create(director, seat=gmina, gminas=[gmina], mode=CreationMode.INTERMUNICIPAL_AGREEMENT)
    assert errors_of(excinfo, "gminas") == [services.MSG_INTERMUNICIPAL_TWO_GMINAS]


def test_new_unit_in_a_city_over_100k_is_accepted(director, city):
    centre = create(director, seat=city, gminas=[city], mode=CreationMode.NEW_UNIT_CITY_OVER_100K)
    assert centre.creation_mode == CreationMode.NEW_UNIT_CITY_OVER_100K


@pytest.mark.parametrize("population", [100_000, 99_999])
def test_new_unit_refuses_a_city_of_100k_or_less(director, population):
    town = GminaFactory(name="Małe Miasto", kind=GminaKind.URBAN, population=population)
    with pytest.raises(ValidationError) as excinfo:
        create(director, seat=town, gminas=[town], mode=CreationMode.NEW_UNIT_CITY_OVER_100K)
    (error,) = excinfo.value.error_dict["gminas"]
    assert error.message == services.MSG_CITY_TOO_SMALL
    assert error.params["gmina"] == "Małe Miasto"
    assert error.params["population"] == f"{population:,}".replace(",", " ")


def test_new_unit_refuses_a_city_of_unknown_population(director):
    town = GminaFactory(name="Nieznane", kind=GminaKind.URBAN, population=None)
    with pytest.raises(ValidationError) as excinfo:
        create(director, seat=town, gminas=[town], mode=CreationMode.NEW_UNIT_CITY_OVER_100K)
    (error,) = excinfo.value.error_dict["gminas"]
    assert error.message == services.MSG_CITY_POPULATION_UNKNOWN
    assert error.params == {"gmina": "Nieznane"}


def test_new_unit_refuses_more_than_one_gmina(director, city, gmina):
    with pytest.raises(ValidationError) as excinfo:
        create(director, seat=city, gminas=[city, gmina], mode=CreationMode.NEW_UNIT_CITY_OVER_100K)
    assert errors_of(excinfo, "gminas") == [services.MSG_CITY_ONE_GMINA]


def test_seat_gmina_must_be_served(director, gmina, neighbour):
    with pytest.raises(ValidationError) as excinfo:
        create(director, seat=neighbour, gminas=[gmina])
    assert errors_of(excinfo, "seat_gmina") == [services.MSG_SEAT_NOT_SERVED]
    assert not Centre.objects.exists()


def test_centre_create_runs_model_validation(director, gmina):
    with pytest.raises(ValidationError) as excinfo:
        create(director, seat=gmina, gminas=[gmina], nip="8567346216")
    assert "nip" in excinfo.value.error_dict
    assert not Centre.objects.exists()


def test_centre_create_records_the_first_status_change(director, gmina):
    centre = create(director, seat=gmina, gminas=[gmina])
    (change,) = centre.status_changes.all()
    today = timezone.localdate()
    assert (change.status, change.effective_on, change.recorded_by) == (PLANNED, today, director)
    centre.refresh_from_db()
    assert (centre.status, centre.status_since) == (PLANNED, today)


def test_centre_create_may_start_in_a_later_status(director, gmina):
    centre = create(
        director, seat=gmina, gminas=[gmina], status=OPERATING, status_since=STATUS_SINCE
    )
    centre.refresh_from_db()
    assert (centre.status, centre.status_since) == (OPERATING, STATUS_SINCE)
    assert list(centre.status_changes.values_list("status", "effective_on")) == [
        (OPERATING, STATUS_SINCE)
    ]


def test_centre_create_is_in_the_centre_history_by_its_author(director, gmina):
    centre = create(director, seat=gmina, gminas=[gmina])
    entries = centre_log(centre)
    assert entries[0].action == LogEntry.Action.CREATE
    assert entries[0].object_pk == str(centre.pk)
    assert {entry.actor for entry in entries} == {director}
    assert any(
        entry.content_type.model_class() is CentreStatusChange
        and entry.action == LogEntry.Action.CREATE
        for entry in entries
    )


# --- centre_change_status ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (PLANNED, BEING_CREATED),
        (BEING_CREATED, OPERATING),
        (OPERATING, CLOSED),
        (PLANNED, CLOSED),
        (BEING_CREATED, CLOSED),
    ],
)
def test_status_moves_forward(director, current, new):
    centre = CentreFactory(status=current, status_since=STATUS_SINCE)
    change = services.centre_change_status(
        centre=centre, by=director, status=new, effective_on=dt.date(2025, 3, 1), note="Uchwała"
    )
    assert (change.status, change.effective_on, change.note, change.recorded_by) == (
        new,
        dt.date(2025, 3, 1),
        "Uchwała",
        director,
    )
    centre.refresh_from_db()
    assert (centre.status, centre.status_since) == (new, dt.date(2025, 3, 1))


def test_whole_lifecycle_is_kept_in_order(director):
    centre = CentreFactory(status=PLANNED, status_since=STATUS_SINCE)
    for status, day in ((BEING_CREATED, 2), (OPERATING, 3), (CLOSED, 4)):
        services.centre_change_status(
            centre=centre, by=director, status=status, effective_on=dt.date(2025, 1, day)
        )
    assert list(centre.status_changes.values_list("status", flat=True)) == [
        PLANNED,
        BEING_CREATED,
        OPERATING,
        CLOSED,
    ]


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (OPERATING, PLANNED),
        (OPERATING, BEING_CREATED),
        (BEING_CREATED, PLANNED),
        (CLOSED, OPERATING),
        (CLOSED, PLANNED),
        (PLANNED, OPERATING),
        (PLANNED, PLANNED),
        (OPERATING, OPERATING),
        (CLOSED, CLOSED),
    ],
)
def test_status_refuses_backward_skipping_or_repeated_moves(director, current, new):
    centre = CentreFactory(status=current, status_since=STATUS_SINCE)
    with pytest.raises(ValidationError) as excinfo:
        services.centre_change_status(
            centre=centre, by=director, status=new, effective_on=dt.date(2025, 3, 1)
        )
    (error,) = excinfo.value.error_dict["status"]
    assert error.message == services.MSG_STATUS_NOT_ALLOWED
    assert error.params == {"current": CentreStatus(current).label, "new": CentreStatus(new).label}
    centre.refresh_from_db()
    assert (centre.status, centre.status_since) == (current, STATUS_SINCE)
    assert centre.status_changes.count() == 1


def test_status_refuses_a_date_before_the_current_status_date(director):
    centre = CentreFactory(status=PLANNED, status_since=STATUS_SINCE)
    with pytest.raises(ValidationError) as excinfo:
        services.centre_change_status(
            centre=centre, by=director, status=BEING_CREATED, effective_on=dt.date(2024, 12, 31)
        )
    (error,) = excinfo.value.error_dict["effective_on"]
    assert error.message == services.MSG_STATUS_DATE_BEFORE
    assert error.params == {"date": "2025-01-01"}
    assert centre.status_changes.count() == 1


def test_status_accepts_the_same_date_as_the_current_status(director):
    centre = CentreFactory(status=PLANNED, status_since=STATUS_SINCE)
    services.centre_change_status(
        centre=centre, by=director, status=BEING_CREATED, effective_on=STATUS_SINCE
    )
    centre.refresh_from_db()
    assert centre.status == BEING_CREATED


def test_status_refuses_a_future_date(director):
    centre = CentreFactory(status=PLANNED, status_since=STATUS_SINCE)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        services.centre_change_status(
            centre=centre, by=director, status=BEING_CREATED, effective_on=tomorrow
        )
    assert errors_of(excinfo, "effective_on") == [services.MSG_STATUS_DATE_FUTURE]
    centre.refresh_from_db()
    assert centre.status == PLANNED


def test_status_accepts_today(director):
    centre = CentreFactory(status=PLANNED, status_since=STATUS_SINCE)
    services.centre_change_status(
        centre=centre, by=director, status=BEING_CREATED, effective_on=timezone.localdate()
    )
    centre.refresh_from_db()
    assert centre.status_since == timezone.localdate()


def test_status_change_is_in_the_centre_history_by_its_author(director):
    centre = CentreFactory(status=PLANNED, status_since=STATUS_SINCE)
    LogEntry.objects.all().delete()
    change = services.centre_change_status(
        centre=centre, by=director, status=BEING_CREATED, effective_on=dt.date(2025, 2, 1)
    )
    entries = centre_log(centre)
    assert {entry.actor for entry in entries} == {director}
    assert all(entry.additional_data == {"centre": str(centre.pk)} for entry in entries)
    by_model = {entry.content_type.model_class(): entry for entry in entries}
    assert by_model[CentreStatusChange].object_pk == str(change.pk)
    assert by_model[CentreStatusChange].action == LogEntry.Action.CREATE
    centre_update = by_model[Centre]
    assert centre_update.action == LogEntry.Action.UPDATE
    assert centre_update.changes_dict["status"] == [PLANNED, BEING_CREATED]
    assert centre_update.changes_dict["status_since"] == ["2025-01-01", "2025-02-01"]


def test_refused_status_change_leaves_no_history(director):
    centre = CentreFactory(status=OPERATING, status_since=STATUS_SINCE)
    LogEntry.objects.all().delete()
    with pytest.raises(ValidationError):
        services.centre_change_status(
            centre=centre, by=director, status=PLANNED, effective_on=dt.date(2025, 2, 1)
        )
    assert centre_log(centre) == []


# --- centre_update -------------------------------------------------------------------------


def test_centre_update_saves_details_with_history(director):
    centre = CentreFactory()
    LogEntry.objects.all().delete()
    services.centre_update(centre=centre, by=director, name="CUS Nowa Nazwa", city="Gubin")
    centre.refresh_from_db()
    assert (centre.name, centre.city) == ("CUS Nowa Nazwa", "Gubin")
    (entry,) = centre_log(centre)
    assert entry.actor == director
    assert entry.changes_dict["name"][1] == "CUS Nowa Nazwa"


@pytest.mark.parametrize(
    "field",
    [
        {"status": CLOSED},
        {"status_since": dt.date(2025, 2, 1)},
        {"slug": "inny"},
        {"status": CLOSED, "name": "x"},
    ],
    ids=["status", "status_since", "slug", "status-with-other-fields"],
)
def test_centre_update_cannot_change_status_or_identity(director, field):
    centre = CentreFactory(name="CUS Stary", slug="stary", status=OPERATING)
    with pytest.raises(ValueError, match="centre_update cannot change"):
        services.centre_update(centre=centre, by=director, **field)
    centre.refresh_from_db()
    assert (centre.name, centre.slug, centre.status) == ("CUS Stary", "stary", OPERATING)
    assert centre.status_since == STATUS_SINCE


def test_centre_update_checks_the_gminas_against_the_creation_mode(director, gmina):
    centre = CentreFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.centre_update(centre=centre, by=director, gminas=[centre.seat_gmina, gmina])
    assert errors_of(excinfo, "gminas") == [services.MSG_TRANSFORMATION_ONE_GMINA]
    assert list(centre.gminas.all()) == [centre.seat_gmina]


def test_centre_update_may_widen_an_intermunicipal_centre(director, gmina, neighbour):
    centre = CentreFactory(
        seat_gmina=gmina,
        served=[gmina, neighbour],
        creation_mode=CreationMode.INTERMUNICIPAL_AGREEMENT,
    )
    third = GminaFactory()
    services.centre_update(centre=centre, by=director, gminas=[gmina, neighbour, third])
    assert set(centre.gminas.all()) == {gmina, neighbour, third}


def test_centre_update_refuses_a_seat_outside_the_territory(director, neighbour):
    centre = CentreFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.centre_update(centre=centre, by=director, seat_gmina=neighbour)
    assert errors_of(excinfo, "seat_gmina") == [services.MSG_SEAT_NOT_SERVED]


# --- agreement_create ----------------------------------------------------------------------


def agree(by, *, kind, lead, parties, **details):
    return services.agreement_create(
        by=by, title="Porozumienie", kind=kind, lead_gmina=lead, parties=parties, **details
    )


def test_bilateral_agreement_of_two_gminas_is_created(director, gmina, neighbour):
    agreement = agree(
        director, kind=AgreementKind.BILATERAL, lead=gmina, parties=[gmina, neighbour]
    )
    assert set(agreement.parties.all()) == {gmina, neighbour}
    assert agreement.lead_gmina == gmina


def test_group_agreement_of_three_gminas_is_created(director, gmina, neighbour, city):
    agreement = agree(
        director, kind=AgreementKind.GROUP, lead=city, parties=[gmina, neighbour, city]
    )
    assert agreement.parties.count() == 3


def test_agreement_lead_must_be_a_party(director, gmina, neighbour, city):
    with pytest.raises(ValidationError) as excinfo:
        agree(director, kind=AgreementKind.BILATERAL, lead=city, parties=[gmina, neighbour])
    assert errors_of(excinfo, "lead_gmina") == [services.MSG_AGREEMENT_LEAD_NOT_PARTY]
    assert not InterMunicipalAgreement.objects.exists()


@pytest.mark.parametrize("n_parties", [1, 3])
def test_bilateral_agreement_has_exactly_two_parties(director, n_parties):
    parties = GminaFactory.create_batch(n_parties)
    with pytest.raises(ValidationError) as excinfo:
        agree(director, kind=AgreementKind.BILATERAL, lead=parties[0], parties=parties)
    assert errors_of(excinfo, "parties") == [services.MSG_AGREEMENT_BILATERAL]


def test_group_agreement_has_at_least_two_parties(director, gmina):
    with pytest.raises(ValidationError) as excinfo:
        agree(director, kind=AgreementKind.GROUP, lead=gmina, parties=[gmina])
    assert errors_of(excinfo, "parties") == [services.MSG_AGREEMENT_GROUP]


def test_agreement_create_refuses_valid_to_before_valid_from(director, gmina, neighbour):
    with pytest.raises(ValidationError):
        agree(
            director,
            kind=AgreementKind.BILATERAL,
            lead=gmina,
            parties=[gmina, neighbour],
            valid_from=dt.date(2025, 6, 1),
            valid_to=dt.date(2025, 5, 31),
        )
    assert not InterMunicipalAgreement.objects.exists()


def test_database_refuses_agreement_ending_before_it_starts(gmina):
    with pytest.raises(IntegrityError), transaction.atomic():
        InterMunicipalAgreement.objects.create(
            title="Wstecz",
            kind=AgreementKind.BILATERAL,
            lead_gmina=gmina,
            valid_from=dt.date(2025, 6, 1),
            valid_to=dt.date(2025, 5, 31),
        )


@pytest.mark.parametrize(
    ("valid_from", "valid_to"),
    [
        (dt.date(2025, 6, 1), dt.date(2025, 6, 1)),
        (None, dt.date(2025, 6, 1)),
        (dt.date(2025, 6, 1), None),
    ],
    ids=["same-day", "open-start", "open-end"],
)
def test_database_accepts_agreement_with_open_or_one_day_validity(gmina, valid_from, valid_to):
    InterMunicipalAgreement.objects.create(
        title="OK",
        kind=AgreementKind.BILATERAL,
        lead_gmina=gmina,
        valid_from=valid_from,
        valid_to=valid_to,
    )


def test_agreement_create_is_in_the_history_by_its_author(director, gmina, neighbour):
    agreement = agree(
        director, kind=AgreementKind.BILATERAL, lead=gmina, parties=[gmina, neighbour]
    )
    entries = LogEntry.objects.get_for_object(agreement)
    assert entries.filter(action=LogEntry.Action.CREATE, actor=director).exists()


def test_centre_update_keeps_a_status_changed_meanwhile():
    centre = CentreFactory(status=CentreStatus.BEING_CREATED, status_since=dt.date(2025, 1, 1))
    stale = Centre.objects.get(pk=centre.pk)  # the copy an edit form was built from
    services.centre_change_status(
        centre=centre, by=None, status=CentreStatus.OPERATING, effective_on=dt.date(2025, 6, 1)
    )
    services.centre_update(centre=stale, by=None, phone="+48 1")
    centre.refresh_from_db()
    assert (centre.status, centre.phone) == (CentreStatus.OPERATING, "+48 1")


def test_centre_update_refuses_fields_outside_its_list():
    with pytest.raises(ValueError):
        services.centre_update(centre=CentreFactory(), by=None, status="closed")
    with pytest.raises(ValueError):
        services.centre_update(centre=CentreFactory(), by=None, created_at=None)
