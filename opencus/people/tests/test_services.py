"""The writes about people: registration rules, relations, consents, certificates, merging."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from opencus.people import services, validators
from opencus.people.enums import ConsentPurpose, RelationKind
from opencus.people.models import Consent, DisabilityCertificate, Person, Relation
from opencus.people.tests.test_validators import KNOWN, pesel_for
from opencus.territory.validators import MSG_BAD_POSTAL_CODE

pytestmark = pytest.mark.django_db

BORN = dt.date(1944, 5, 14)  # the birth date KNOWN encodes (a man)


def register(centre, by=None, **fields) -> Person:
    """``person_create`` with a name and birth date unless ``fields`` say otherwise."""
    data = {"first_name": "Jan", "last_name": "Kowalski", "birth_date": BORN} | fields
    return services.person_create(centre=centre, by=by, **data)


def refused(write, **kwargs) -> dict:
    """``write(**kwargs)`` must fail; its errors by field ("__all__" for the record)."""
    with pytest.raises(ValidationError) as raised:
        write(**kwargs)
    return raised.value.message_dict


def refused_with(write, **kwargs) -> list[str]:
    """``write(**kwargs)`` must fail with messages not bound to a field."""
    with pytest.raises(ValidationError) as raised:
        write(**kwargs)
    return raised.value.messages


def constraint_message(model, name) -> str:
    constraint = next(c for c in model._meta.constraints if c.name == name)
    return str(constraint.get_violation_error_message())


def history(obj) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(obj).order_by("timestamp", "pk"))


# --- person_create --------------------------------------------------------------------------


def test_a_valid_pesel_fills_the_birth_date_and_sex(world):
    person = register(world.a, pesel=KNOWN, birth_date=None)
    person.refresh_from_db()
    assert (person.birth_date, person.sex, person.pesel) == (BORN, "male", KNOWN)


def test_a_birth_date_and_sex_matching_the_pesel_are_accepted(world):
    person = register(world.a, pesel=KNOWN, birth_date=BORN, sex="male")
    assert (person.birth_date, person.sex) == (BORN, "male")


def test_the_registering_user_and_centre_are_recorded(world):
    person = register(world.a, by=world.front_desk)
    person.refresh_from_db()
    assert (person.centre, person.created_by) == (world.a, world.front_desk)
    assert person.merged_into is None


def test_an_invalid_pesel_is_refused(world):
    bad = KNOWN[:-1] + "0"
    assert refused(register, centre=world.a, pesel=bad) == {
        "pesel": [str(validators.MSG_BAD_PESEL)]
    }
    assert not Person.objects.exists()


def test_a_pesel_already_registered_in_the_centre_is_refused_naming_that_record(world):
    other = register(world.a, pesel=KNOWN, first_name="Janusz")
    errors = refused(register, centre=world.a, pesel=KNOWN, first_name="Jan")
    assert errors == {"pesel": [services.MSG_PESEL_TAKEN % {"person": other}]}
    assert "Janusz Kowalski" in errors["pesel"][0]
    assert Person.objects.count() == 1


def test_the_same_pesel_may_be_registered_in_another_centre(world):
    register(world.b, pesel=KNOWN)
    person = register(world.a, pesel=KNOWN)
    assert Person.objects.filter(pesel=KNOWN).count() == 2
    assert person.centre == world.a


def test_without_pesel_a_birth_date_is_needed(world):
    assert refused(register, centre=world.a, birth_date=None) == {
        "birth_date": [str(services.MSG_NEED_IDENTITY)]
    }
    assert not Person.objects.exists()


def test_the_same_names_and_birth_date_without_pesel_may_be_a_duplicate(world):
    register(world.a)
    errors = refused(register, centre=world.a, first_name=" JAN ", last_name="kowalski")
    assert errors == {"__all__": [str(services.MSG_POSSIBLE_DUPLICATE)]}
    assert Person.objects.count() == 1


def test_confirm_new_registers_a_namesake_born_the_same_day(world):
    register(world.a)
    register(world.a, confirm_new=True)
    assert Person.objects.filter(first_name="Jan", birth_date=BORN).count() == 2


def test_a_namesake_born_another_day_is_not_a_duplicate(world):
    register(world.a)
    register(world.a, birth_date=BORN + dt.timedelta(days=1))
    assert Person.objects.count() == 2


def test_a_namesake_in_another_centre_is_not_a_duplicate(world):
    register(world.b)
    register(world.a)
    assert Person.objects.count() == 2


def test_a_birth_date_contradicting_the_pesel_is_refused(world):
    errors = refused(register, centre=world.a, pesel=KNOWN, birth_date=dt.date(1944, 5, 15))
    assert errors == {"birth_date": [validators.MSG_PESEL_BIRTH_DATE % {"date": "1944-05-14"}]}
    assert not Person.objects.exists()


def test_a_sex_contradicting_the_pesel_is_refused(world):
    errors = refused(register, centre=world.a, pesel=KNOWN, sex="female")
    assert errors == {"sex": [str(validators.MSG_PESEL_SEX)]}
    assert not Person.objects.exists()


def test_a_bad_postal_code_is_refused_by_the_model(world):
    assert refused(register, centre=world.a, postal_code="66200") == {
        "postal_code": [str(MSG_BAD_POSTAL_CODE)]
    }


def test_an_empty_first_name_is_refused_by_the_model(world):
    assert refused(register, centre=world.a, first_name="") == {
        "first_name": [str(models.Field.default_error_messages["blank"])]
    }


@pytest.mark.parametrize("name", ["nickname", "id", "merged_into", "created_by"])
def test_an_unknown_field_name_is_a_programming_error(world, name):
    with pytest.raises(ValueError, match=name):
        services.person_create(
            centre=world.a,
            by=None,
            first_name="Jan",
            last_name="Nowak",
            birth_date=BORN,
            **{name: None},
        )
    assert not Person.objects.exists()


def test_registering_is_in_the_history_with_its_centre_and_actor(world):
    person = register(world.a, by=world.front_desk, pesel=KNOWN)
    (entry,) = history(person)
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == world.front_desk
    assert entry.additional_data == {"centre": str(world.a.pk)}
    assert entry.changes_dict["pesel"][1] == KNOWN


# --- person_update --------------------------------------------------------------------------


def test_an_update_is_saved_in_the_history(world):
    person = register(world.a, by=world.front_desk)
    services.person_update(person=person, by=world.ous, phone="+48 600 000 000")
    person.refresh_from_db()
    assert person.phone == "+48 600 000 000"
    entry = history(person)[-1]
    assert (entry.action, entry.actor) == (LogEntry.Action.UPDATE, world.ous)
    assert entry.additional_data == {"centre": str(world.a.pk)}
    assert entry.changes_dict["phone"] == ["", "+48 600 000 000"]


def test_an_update_keeps_the_records_own_pesel(world):
    person = register(world.a, pesel=KNOWN)
    services.person_update(person=person, by=world.ous, city="Świebodzin")
    person.refresh_from_db()
    assert (person.pesel, person.city) == (KNOWN, "Świebodzin")


def test_adding_a_pesel_later_fills_an_empty_sex(world):
    person = register(world.a)
    services.person_update(person=person, by=world.ous, pesel=KNOWN)
    person.refresh_from_db()
    assert (person.pesel, person.birth_date, person.sex) == (KNOWN, BORN, "male")


def test_changing_the_pesel_to_one_already_registered_is_refused_and_nothing_saved(world):
    other = register(world.a, pesel=KNOWN, first_name="Janusz")
    person = register(world.a, first_name="Jan", birth_date=BORN, confirm_new=True)
    entries = LogEntry.objects.count()
    errors = refused(
        services.person_update, person=person, by=world.ous, pesel=KNOWN, phone="600 000 000"
    )
    assert errors == {"pesel": [services.MSG_PESEL_TAKEN % {"person": other}]}
    person.refresh_from_db()
    assert (person.pesel, person.phone, person.sex) == ("", "", "")
    assert LogEntry.objects.count() == entries


def test_an_update_refused_by_the_model_saves_nothing(world):
    person = register(world.a)
    errors = refused(
        services.person_update, person=person, by=world.ous, city="Świebodzin", postal_code="x"
    )
    assert errors == {"postal_code": [str(MSG_BAD_POSTAL_CODE)]}
    person.refresh_from_db()
    assert (person.city, person.postal_code) == ("", "")
    assert len(history(person)) == 1


def test_a_new_pesel_contradicting_the_birth_date_is_refused(world):
    person = register(world.a, birth_date=dt.date(1950, 1, 1))
    errors = refused(services.person_update, person=person, by=world.ous, pesel=KNOWN)
    assert errors == {"birth_date": [validators.MSG_PESEL_BIRTH_DATE % {"date": "1944-05-14"}]}
    person.refresh_from_db()
    assert person.pesel == ""


def test_an_update_with_an_unknown_field_is_a_programming_error(world):
    person = register(world.a)
    with pytest.raises(ValueError, match="centre"):
        services.person_update(person=person, by=world.ous, centre=world.b)


def test_an_update_does_not_ask_about_namesakes(world):
    register(world.a)
    person = register(world.a, first_name="Janina", confirm_new=True)
    services.person_update(person=person, by=world.ous, first_name="Jan")
    person.refresh_from_db()
    assert person.first_name == "Jan"


# --- relations ------------------------------------------------------------------------------


@pytest.fixture
def pair(world):
    """A person and her carer in centre A."""
    person = register(
        world.a, first_name="Halina", last_name="Nowak", birth_date=dt.date(1940, 1, 2)
    )
    carer = register(world.a, first_name="Ewa", last_name="Nowak", birth_date=dt.date(1975, 6, 1))
    return person, carer


def test_a_relation_is_recorded_from_today_in_the_history(world, pair):
    person, carer = pair
    relation = services.relation_add(
        person=person,
        other=carer,
        kind=RelationKind.ACTUAL_CARER,
        by=world.ous,
        evidence="oświadczenie",
    )
    relation.refresh_from_db()
    assert (relation.person, relation.other, relation.kind) == (
        person,
        carer,
        RelationKind.ACTUAL_CARER,
    )
    assert (relation.started_on, relation.ended_on) == (timezone.localdate(), None)
    (entry,) = history(relation)
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, world.ous)
    assert entry.additional_data == {"centre": str(world.a.pk)}


def test_a_relation_with_a_person_of_another_centre_is_refused(world, pair):
    person, _ = pair
    stranger = register(world.b, first_name="Ewa", last_name="Obca")
    errors = refused(
        services.relation_add,
        person=person,
        other=stranger,
        kind=RelationKind.HOUSEHOLD,
        by=world.ous,
    )
    assert errors == {"other": [str(services.MSG_OTHER_CENTRE)]}
    assert not Relation.objects.exists()


def test_a_relation_with_oneself_is_refused(world, pair):
    person, _ = pair
    errors = refused(
        services.relation_add,
        person=person,
        other=person,
        kind=RelationKind.HOUSEHOLD,
        by=world.ous,
    )
    assert errors == {"__all__": [constraint_message(Relation, "relation_not_with_oneself")]}
    assert not Relation.objects.exists()


def test_the_same_active_relation_twice_is_refused(world, pair):
    person, carer = pair
    services.relation_add(person=person, other=carer, kind=RelationKind.ACTUAL_CARER, by=world.ous)
    errors = refused(
        services.relation_add,
        person=person,
        other=carer,
        kind=RelationKind.ACTUAL_CARER,
        by=world.ous,
    )
    assert errors == {"__all__": [constraint_message(Relation, "relation_active_once")]}
    assert Relation.objects.count() == 1


def test_the_same_people_may_have_relations_of_different_kinds(world, pair):
    person, carer = pair
    services.relation_add(person=person, other=carer, kind=RelationKind.ACTUAL_CARER, by=world.ous)
    services.relation_add(person=person, other=carer, kind=RelationKind.HOUSEHOLD, by=world.ous)
    assert Relation.objects.count() == 2


def test_an_ended_relation_may_be_recorded_again(world, pair):
    person, carer = pair
    first = services.relation_add(
        person=person,
        other=carer,
        kind=RelationKind.ACTUAL_CARER,
        by=world.ous,
        started_on=dt.date(2020, 1, 1),
    )
    services.relation_end(relation=first, by=world.ous, ended_on=dt.date(2021, 1, 1))
    services.relation_add(person=person, other=carer, kind=RelationKind.ACTUAL_CARER, by=world.ous)
    assert Relation.objects.filter(ended_on__isnull=True).count() == 1


def test_a_relation_ends_today_by_default_in_the_history(world, pair):
    person, carer = pair
    relation = services.relation_add(
        person=person, other=carer, kind=RelationKind.HOUSEHOLD, by=world.ous
    )
    services.relation_end(relation=relation, by=world.director)
    relation.refresh_from_db()
    assert relation.ended_on == timezone.localdate()
    entry = history(relation)[-1]
    assert (entry.action, entry.actor) == (LogEntry.Action.UPDATE, world.director)
    assert entry.additional_data == {"centre": str(world.a.pk)}


def test_a_relation_cannot_end_in_the_future(world, pair):
    person, carer = pair
    relation = services.relation_add(
        person=person, other=carer, kind=RelationKind.HOUSEHOLD, by=world.ous
    )
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    errors = refused(services.relation_end, relation=relation, by=world.ous, ended_on=tomorrow)
    assert errors == {"ended_on": [str(services.MSG_END_IN_FUTURE)]}
    relation.refresh_from_db()
    assert relation.ended_on is None


def test_a_relation_cannot_end_before_it_started(world, pair):
    person, carer = pair
    relation = services.relation_add(
        person=person,
        other=carer,
        kind=RelationKind.HOUSEHOLD,
        by=world.ous,
        started_on=dt.date(2024, 3, 1),
    )
    errors = refused(
        services.relation_end, relation=relation, by=world.ous, ended_on=dt.date(2024, 2, 29)
    )
    assert errors == {"ended_on": [services.MSG_END_BEFORE_START % {"date": "2024-03-01"}]}
    relation.refresh_from_db()
    assert relation.ended_on is None


def test_a_relation_may_end_the_day_it_started(world, pair):
    person, carer = pair
    relation = services.relation_add(
        person=person,
        other=carer,
        kind=RelationKind.HOUSEHOLD,
        by=world.ous,
        started_on=dt.date(2024, 3, 1),
    )
    services.relation_end(relation=relation, by=world.ous, ended_on=dt.date(2024, 3, 1))
    relation.refresh_from_db()
    assert relation.ended_on == dt.date(2024, 3, 1)


def test_a_relation_cannot_end_twice(world, pair):
    person, carer = pair
    relation = services.relation_add(
        person=person,
        other=carer,
        kind=RelationKind.HOUSEHOLD,
        by=world.ous,
        started_on=dt.date(2024, 3, 1),
    )
    services.relation_end(relation=relation, by=world.ous, ended_on=dt.date(2024, 4, 1))
    messages = refused_with(services.relation_end, relation=relation, by=world.ous)
    assert messages == [str(services.MSG_ALREADY_ENDED)]
    relation.refresh_from_db()
    assert relation.ended_on == dt.date(2024, 4, 1)


# --- consents -------------------------------------------------------------------------------


def give(person, by=None, purpose=ConsentPurpose.SHARE_WITH_PROVIDER, **kwargs) -> Consent:
    return services.consent_give(person=person, by=by, purpose=purpose, form="written", **kwargs)


def test_a_consent_is_recorded_with_who_and_when_in_the_history(world, pair):
    person, _ = pair
    before = timezone.now()
    consent = give(person, by=world.front_desk, note="podpisana w CUS")
    consent.refresh_from_db()
    assert consent.recorded_by == world.front_desk
    assert consent.given_at >= before
    assert consent.is_active
    (entry,) = history(consent)
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, world.front_desk)
    assert entry.additional_data == {"centre": str(world.a.pk)}


def test_the_same_consent_twice_is_refused_while_it_is_active(world, pair):
    person, _ = pair
    give(person)
    errors = refused(give, person=person)
    assert errors == {"__all__": [constraint_message(Consent, "consent_active_once")]}
    assert Consent.objects.count() == 1


def test_consents_to_different_purposes_may_stand_together(world, pair):
    person, _ = pair
    give(person, purpose=ConsentPurpose.SHARE_WITH_PROVIDER)
    give(person, purpose=ConsentPurpose.IMAGE)
    assert Consent.objects.filter(withdrawn_at__isnull=True).count() == 2


def test_a_withdrawn_consent_may_be_given_again(world, pair):
    person, _ = pair
    first = give(person)
    services.consent_withdraw(consent=first, by=world.ous)
    again = give(person)
    first.refresh_from_db()
    assert not first.is_active
    assert again.is_active


def test_a_withdrawal_is_in_the_history(world, pair):
    person, _ = pair
    consent = services.consent_withdraw(consent=give(person), by=world.kipus)
    assert consent.withdrawn_at >= consent.given_at
    entry = history(consent)[-1]
    assert (entry.action, entry.actor) == (LogEntry.Action.UPDATE, world.kipus)
    assert "withdrawn_at" in entry.changes_dict


def test_a_consent_cannot_be_withdrawn_twice(world, pair):
    person, _ = pair
    consent = services.consent_withdraw(consent=give(person), by=world.ous)
    withdrawn_at = consent.withdrawn_at
    messages = refused_with(services.consent_withdraw, consent=consent, by=world.ous)
    assert messages == [str(services.MSG_ALREADY_ENDED)]
    consent.refresh_from_db()
    assert consent.withdrawn_at == withdrawn_at


def test_has_consent_follows_the_active_consent_for_its_purpose(world, pair):
    person, _ = pair
    purpose = ConsentPurpose.SHARE_WITH_PROVIDER
    assert not services.has_consent(person, purpose)
    consent = give(person, purpose=purpose)
    assert services.has_consent(person, purpose)
    assert not services.has_consent(person, ConsentPurpose.IMAGE)
    services.consent_withdraw(consent=consent, by=world.ous)
    assert not services.has_consent(person, purpose)
    give(person, purpose=purpose)
    assert services.has_consent(person, purpose)


# --- disability certificates ----------------------------------------------------------------

CERTIFICATE = {
    "degree": "moderate",
    "symbol": "05-R",
    "legal_basis": "art9_2_b",
    "held_for": "usługi dla osób z niepełnosprawnością",
}


def test_a_certificate_is_recorded_in_the_history(world, pair):
    person, _ = pair
    certificate = services.certificate_add(person=person, by=world.kipus, **CERTIFICATE)
    certificate.refresh_from_db()
    assert (certificate.person, certificate.recorded_by) == (person, world.kipus)
    (entry,) = history(certificate)
    assert (entry.action, entry.actor) == (LogEntry.Action.CREATE, world.kipus)
    assert entry.additional_data == {"centre": str(world.a.pk)}


def test_a_certificate_needs_the_reason_the_centre_holds_it(world, pair):
    person, _ = pair
    errors = refused(
        services.certificate_add, person=person, by=world.kipus, **(CERTIFICATE | {"held_for": ""})
    )
    assert errors == {"held_for": [str(models.Field.default_error_messages["blank"])]}
    assert not DisabilityCertificate.objects.exists()


def test_a_removed_certificate_is_gone_but_in_the_history(world, pair):
    person, _ = pair
    certificate = services.certificate_add(person=person, by=world.kipus, **CERTIFICATE)
    pk = certificate.pk
    services.certificate_remove(certificate=certificate, by=world.director)
    assert not DisabilityCertificate.objects.exists()
    entry = LogEntry.objects.get(object_pk=str(pk), action=LogEntry.Action.DELETE)
    assert (entry.action, entry.actor) == (LogEntry.Action.DELETE, world.director)
    assert entry.additional_data == {"centre": str(world.a.pk)}


# --- merging duplicates ---------------------------------------------------------------------


@pytest.fixture
def twins(world):
    """``keep`` (without PESEL) and ``duplicate`` (with it) of the same man in centre A."""
    keep = register(world.a, street="ul. Lipowa 1", postal_code="66-200", city="Świebodzin")
    duplicate = register(
        world.a,
        pesel=KNOWN,
        street="ul. Inna 2",
        phone="600 100 200",
        email="jan@example.com",
        needs_large_print=True,
        first_name="JAN",
    )
    return keep, duplicate


def merge(keep, duplicate, by=None):
    return services.person_merge(keep=keep, duplicate=duplicate, by=by)


def test_a_merge_fills_the_empty_fields_of_the_kept_record(world, twins):
    keep, duplicate = twins
    merge(keep, duplicate, by=world.ous)
    keep.refresh_from_db()
    assert (keep.pesel, keep.sex, keep.phone, keep.email, keep.needs_large_print) == (
        KNOWN,
        "male",
        "600 100 200",
        "jan@example.com",
        True,
    )
    # What the kept record had stays.
    assert (keep.first_name, keep.street, keep.city) == ("Jan", "ul. Lipowa 1", "Świebodzin")


def test_the_merged_record_points_to_the_kept_one_without_its_pesel(world, twins):
    keep, duplicate = twins
    before = timezone.now()
    merge(keep, duplicate, by=world.ous)
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    assert duplicate.merged_at >= before
    assert duplicate.pesel == ""
    assert list(Person.objects.current()) == [keep]
    assert list(Person.objects.filter(pesel=KNOWN)) == [keep]


def test_the_pesel_moves_without_breaking_its_once_per_centre_rule(world, twins):
    keep, duplicate = twins
    merge(keep, duplicate, by=world.ous)
    # The PESEL is the kept record's now: registering it again is refused, naming that record.
    errors = refused(register, centre=world.a, pesel=KNOWN, first_name="Jerzy")
    assert errors == {"pesel": [services.MSG_PESEL_TAKEN % {"person": keep}]}


def test_a_merge_is_in_the_history_of_both_records(world, twins):
    keep, duplicate = twins
    merge(keep, duplicate, by=world.director)
    for person, field in ((keep, "pesel"), (duplicate, "merged_into")):
        entry = history(person)[-1]
        assert (entry.action, entry.actor) == (LogEntry.Action.UPDATE, world.director)
        assert entry.additional_data == {"centre": str(world.a.pk)}
        assert field in entry.changes_dict


def test_a_merge_moves_the_relations_both_ways(world, twins):
    keep, duplicate = twins
    carer = register(world.a, first_name="Ewa", birth_date=dt.date(1975, 6, 1))
    ward = register(world.a, first_name="Zofia", birth_date=dt.date(1930, 6, 1))
    as_person = services.relation_add(
        person=duplicate, other=carer, kind=RelationKind.ACTUAL_CARER, by=None
    )
    as_other = services.relation_add(
        person=ward, other=duplicate, kind=RelationKind.LEGAL_REPRESENTATIVE, by=None
    )
    merge(keep, duplicate, by=world.ous)
    as_person.refresh_from_db()
    as_other.refresh_from_db()
    assert (as_person.person, as_person.other) == (keep, carer)
    assert (as_other.person, as_other.other) == (ward, keep)
    assert not Relation.objects.filter(person=duplicate).exists()
    assert not Relation.objects.filter(other=duplicate).exists()


def test_a_merge_drops_a_relation_that_would_point_the_kept_person_at_itself(world, twins):
    keep, duplicate = twins
    services.relation_add(person=keep, other=duplicate, kind=RelationKind.HOUSEHOLD, by=None)
    services.relation_add(person=duplicate, other=keep, kind=RelationKind.ACTUAL_CARER, by=None)
    merge(keep, duplicate, by=world.ous)
    assert not Relation.objects.exists()


def test_a_merge_keeps_one_of_the_same_active_relation_on_both_records(world, twins):
    keep, duplicate = twins
    carer = register(world.a, first_name="Ewa", birth_date=dt.date(1975, 6, 1))
    ward = register(world.a, first_name="Zofia", birth_date=dt.date(1930, 6, 1))
    for person in (keep, duplicate):
        services.relation_add(person=person, other=carer, kind=RelationKind.ACTUAL_CARER, by=None)
        services.relation_add(
            person=ward, other=person, kind=RelationKind.LEGAL_REPRESENTATIVE, by=None
        )
    merge(keep, duplicate, by=world.ous)
    assert set(Relation.objects.values_list("person", "other", "kind", "ended_on")) == {
        (keep.pk, carer.pk, RelationKind.ACTUAL_CARER, None),
        (ward.pk, keep.pk, RelationKind.LEGAL_REPRESENTATIVE, None),
    }


def test_a_merge_moves_an_ended_relation_next_to_the_same_active_one(world, twins):
    keep, duplicate = twins
    carer = register(world.a, first_name="Ewa", birth_date=dt.date(1975, 6, 1))
    services.relation_add(person=keep, other=carer, kind=RelationKind.HOUSEHOLD, by=None)
    ended = services.relation_add(
        person=duplicate,
        other=carer,
        kind=RelationKind.HOUSEHOLD,
        by=None,
        started_on=dt.date(2020, 1, 1),
    )
    services.relation_end(relation=ended, by=None, ended_on=dt.date(2021, 1, 1))
    merge(keep, duplicate, by=world.ous)
    ended.refresh_from_db()
    assert ended.person == keep
    assert Relation.objects.filter(person=keep, other=carer).count() == 2


def test_a_merge_moves_consents_withdrawing_a_second_active_one_for_a_purpose(world, twins):
    keep, duplicate = twins
    kept_share = give(keep, purpose=ConsentPurpose.SHARE_WITH_PROVIDER)
    second_share = give(duplicate, purpose=ConsentPurpose.SHARE_WITH_PROVIDER)
    image = give(duplicate, purpose=ConsentPurpose.IMAGE)
    old = services.consent_withdraw(
        consent=give(duplicate, purpose=ConsentPurpose.REFER_ELSEWHERE), by=None
    )
    merge(keep, duplicate, by=world.ous)
    for consent in (kept_share, second_share, image, old):
        consent.refresh_from_db()
        assert consent.person == keep
    assert kept_share.is_active
    assert not second_share.is_active
    assert image.is_active
    assert not old.is_active
    assert services.has_consent(keep, ConsentPurpose.SHARE_WITH_PROVIDER)
    assert services.has_consent(keep, ConsentPurpose.IMAGE)
    assert history(second_share)[-1].actor == world.ous


def test_a_merge_moves_the_certificates_in_the_history(world, twins):
    keep, duplicate = twins
    certificate = services.certificate_add(person=duplicate, by=None, **CERTIFICATE)
    merge(keep, duplicate, by=world.ous)
    certificate.refresh_from_db()
    assert certificate.person == keep
    entry = history(certificate)[-1]
    assert (entry.action, entry.actor) == (LogEntry.Action.UPDATE, world.ous)
    assert entry.additional_data == {"centre": str(world.a.pk)}


def test_a_record_cannot_be_merged_into_itself(world, twins):
    keep, _ = twins
    assert refused_with(merge, keep=keep, duplicate=keep) == [str(services.MSG_MERGE_SELF)]
    keep.refresh_from_db()
    assert keep.merged_into is None


def test_a_record_of_another_centre_cannot_be_merged(world, twins):
    keep, _ = twins
    stranger = register(world.b)
    assert refused_with(merge, keep=keep, duplicate=stranger) == [str(services.MSG_OTHER_CENTRE)]
    assert refused_with(merge, keep=stranger, duplicate=keep) == [str(services.MSG_OTHER_CENTRE)]
    assert not Person.objects.exclude(merged_into=None).exists()


def test_a_merged_record_cannot_be_merged_again(world, twins):
    keep, duplicate = twins
    third = register(world.a, first_name="Jerzy")
    merge(keep, duplicate)
    assert refused_with(merge, keep=third, duplicate=duplicate) == [str(services.MSG_MERGE_MERGED)]
    assert refused_with(merge, keep=duplicate, duplicate=third) == [str(services.MSG_MERGE_MERGED)]
    third.refresh_from_db()
    assert third.merged_into is None


def test_records_with_different_pesels_cannot_be_merged(world):
    one = register(world.a, pesel=KNOWN)
    other = register(world.a, pesel=pesel_for(BORN, "male", serial="014"))
    assert refused_with(merge, keep=one, duplicate=other) == [
        str(services.MSG_MERGE_PESEL_CONFLICT)
    ]
    other.refresh_from_db()
    assert other.merged_into is None


def test_a_pesel_contradicting_the_kept_birth_date_is_not_merged_into_it(world):
    keep = register(world.a, birth_date=dt.date(1950, 1, 1))
    duplicate = register(world.a, pesel=KNOWN)
    errors = refused(merge, keep=keep, duplicate=duplicate)
    assert errors == {"birth_date": [validators.MSG_PESEL_BIRTH_DATE % {"date": "1944-05-14"}]}
    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert (keep.pesel, duplicate.pesel, duplicate.merged_into) == ("", KNOWN, None)


def test_a_record_with_a_pesel_may_be_kept_over_one_without(world, twins):
    duplicate, keep = twins  # keep the record with the PESEL this time
    merge(keep, duplicate, by=world.ous)
    keep.refresh_from_db()
    assert keep.pesel == KNOWN
    assert (keep.street, keep.postal_code) == ("ul. Inna 2", "66-200")


def test_the_folded_name_follows_a_change_of_name(world):
    person = services.person_create(
        centre=world.a,
        by=None,
        first_name="Łucja",
        last_name="Żółć",
        birth_date=dt.date(1950, 1, 2),
    )
    assert person.search_name == "lucja zolc"
    services.person_update(person=person, by=None, last_name="Wąs")
    person.refresh_from_db()
    assert person.search_name == "lucja was"
