"""The staff pages about people: search, registration, the person page and its access log,
relations, consents, certificates, merging, and who may open what."""

import datetime as dt
import re

import pytest
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core import validators as django_validators
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.audit.models import AccessLogEntry, AccessPurpose
from opencus.people import services, validators
from opencus.people.models import Consent, DisabilityCertificate, Person, Relation
from opencus.people.tests.fixtures import people_of
from opencus.people.tests.test_validators import KNOWN, NO_SUCH_DATE, pesel_for
from opencus.territory.validators import MSG_BAD_POSTAL_CODE

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
BORN = dt.date(1944, 5, 14)  # the birth date KNOWN encodes (a man)
MANAGERS = ["front_desk", "ous", "kipus", "director"]  # people.manage_person
HEALTH = ["ous", "kipus", "director"]  # people.view_health_data
MERGERS = ["ous", "director"]  # people.merge_person
NOT_MERGERS = ["front_desk", "kipus"]


@pytest.fixture(autouse=True)
def english():
    """Pages are asked for in English; expected messages are read in English too."""
    with translation.override("en"):
        yield


def url(world, name, centre=None, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": (centre or world.a).slug, **kwargs})


def register(centre, by=None, **fields) -> Person:
    """``person_create`` with a name and birth date (the PESEL's, if one is given)."""
    data = {"first_name": "Jan", "last_name": "Kowalski"} | fields
    data.setdefault("birth_date", None if data.get("pesel") else BORN)
    return services.person_create(centre=centre, by=by, **data)


def form_data(world, **overrides) -> dict:
    """What the desk types into the person form for a valid record (``None`` leaves a box out)."""
    data = {
        "first_name": "Halina",
        "last_name": "Nowak",
        "pesel": "",
        "birth_date": "1944-03-02",
        "sex": "female",
        "street": "ul. Lipowa 3",
        "postal_code": "66-400",
        "city": "Gorzów Wielkopolski",
        "gmina": world.a.seat_gmina_id,
        "phone": "+48 600 000 000",
        "email": "halina@example.pl",
        "preferred_language": "pl",
        "needs_large_print": "on",
        "accessibility_notes": "Słabo słyszy.",
        "legal_basis": "art6_1_e",
        "processing_purpose": "Realizacja usług społecznych",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def required() -> str:
    return str(forms.Field.default_error_messages["required"])


def invalid_choice(value) -> str:
    return forms.ChoiceField.default_error_messages["invalid_choice"] % {"value": value}


def invalid_model_choice() -> str:
    return str(forms.ModelChoiceField.default_error_messages["invalid_choice"])


def invalid_date() -> str:
    return str(forms.DateField.default_error_messages["invalid"])


def assert_field_error(response, field, message):
    """The message is next to its field (the error list the input points at)."""
    assertContains(response, f'id="id_{field}_error"><li>{escape(message)}</li>')


def access_rows(person) -> list[AccessLogEntry]:
    return list(
        AccessLogEntry.objects.filter(
            subject_type=ContentType.objects.get_for_model(Person), subject_id=str(person.pk)
        )
    )


@pytest.fixture
def family(world):
    """Halina (with a certificate), her daughter Ewa (her actual carer), and a stranger."""
    halina = register(
        world.a, first_name="Halina", last_name="Nowak", birth_date=dt.date(1944, 3, 2)
    )
    ewa = register(world.a, first_name="Ewa", last_name="Nowak", birth_date=dt.date(1975, 6, 1))
    stranger = register(world.a, first_name="Piotr", last_name="Zieliński", pesel=KNOWN)
    relation = services.relation_add(
        person=halina,
        other=ewa,
        kind="actual_carer",
        by=None,
        started_on=dt.date(2024, 1, 10),
        evidence="Oświadczenie z 10.01.2024",
    )
    certificate = services.certificate_add(
        person=halina,
        by=None,
        degree="severe",
        symbol="05-R",
        legal_basis="art9_2_b",
        held_for="Usługi dla osób z niepełnosprawnością",
    )
    return {
        "halina": halina,
        "ewa": ewa,
        "stranger": stranger,
        "relation": relation,
        "certificate": certificate,
    }


# --- the list and its search -----------------------------------------------------------------


@pytest.fixture
def listed(world):
    """Four people of world.a (one of them merged into another), and one of world.b."""
    kowalski = register(world.a, first_name="Jan", last_name="Kowalski", pesel=KNOWN)
    register(world.a, first_name="Anna", last_name="Kowalska", birth_date=dt.date(1950, 1, 2))
    register(
        world.a,
        first_name="Zofia",
        last_name="Wójcik",
        pesel=pesel_for(dt.date(2001, 7, 8), "female"),
    )
    twin = register(world.a, first_name="Jan", last_name="Kowalski", birth_date=dt.date(1990, 1, 1))
    services.person_merge(keep=kowalski, duplicate=twin, by=None)
    register(world.b, first_name="Jan", last_name="Kowalski z Bety", birth_date=BORN)


def _names(response) -> list[str]:
    return [str(p) for p in response.context["page"].object_list]


@pytest.mark.parametrize("role", MANAGERS)
def test_the_list_shows_the_centres_current_people_by_last_name(world, client_for, listed, role):
    response = client_for(getattr(world, role)).get(url(world, "person_list"), headers=ENGLISH)
    assert response.status_code == 200
    assert _names(response) == ["Anna Kowalska", "Jan Kowalski", "Zofia Wójcik"]
    assertNotContains(response, "z Bety")
    assertContains(response, KNOWN)
    assertContains(response, url(world, "person_create"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kowal", ["Anna Kowalska", "Jan Kowalski"]),
        ("KOWALSKI", ["Jan Kowalski"]),
        ("jan kowal", ["Jan Kowalski"]),
        ("  Wójcik  ", ["Zofia Wójcik"]),
        (KNOWN, ["Jan Kowalski"]),
        ("4405", ["Jan Kowalski"]),
        ("1950-01-02", ["Anna Kowalska"]),
        ("2001-07-08", ["Zofia Wójcik"]),
        ("1944-05-14", ["Jan Kowalski"]),
        ("1990-01-01", []),  # the merged record's birth date: it is not listed any more
        ("Beta", []),
        ("wojcik", ["Zofia Wójcik"]),
        ("WÓJCIK zofia", ["Zofia Wójcik"]),
    ],
    ids=[
        "part-of-name",
        "any-case",
        "two-words",
        "spaces",
        "pesel",
        "pesel-start",
        "birth-date",
        "birth-date-from-pesel",
        "birth-date-of-pesel-holder",
        "merged-not-found",
        "other-centre-not-found",
        "without-polish-letters",
        "with-polish-letters-any-case",
    ],
)
def test_the_search_finds_by_name_pesel_or_birth_date(world, client_for, listed, query, expected):
    response = client_for(world.front_desk).get(
        url(world, "person_list"), {"q": query}, headers=ENGLISH
    )
    assert response.status_code == 200
    assert _names(response) == expected


@pytest.mark.parametrize(
    "query", ["1944-02-30", "x" * 101, "'; DROP TABLE people; --", "%", "0000"]
)
def test_a_strange_search_is_never_an_error(world, client_for, listed, query):
    response = client_for(world.front_desk).get(
        url(world, "person_list"), {"q": query, "page": "abc"}, headers=ENGLISH
    )
    assert response.status_code == 200


def test_a_too_long_search_is_explained_and_the_list_stays(world, client_for, listed):
    response = client_for(world.front_desk).get(
        url(world, "person_list"), {"q": "x" * 101}, headers=ENGLISH
    )
    message = django_validators.MaxLengthValidator.message % {"limit_value": 100, "show_value": 101}
    assert response.context["form"].errors == {"q": [message]}
    assert _names(response) == ["Anna Kowalska", "Jan Kowalski", "Zofia Wójcik"]


def test_an_htmx_search_gets_only_the_table(world, client_for, listed):
    response = client_for(world.front_desk).get(
        url(world, "person_list"), {"q": "kowalska"}, headers=HTMX
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="person-table"')
    assert "<html" not in content
    assert "Kowalska Anna" in content
    assert "Wójcik" not in content
    assert "HX-Request" in response["Vary"]


def test_an_htmx_history_restore_gets_the_whole_page(world, client_for, listed):
    response = client_for(world.front_desk).get(
        url(world, "person_list"),
        {"q": "kowalska"},
        headers={**HTMX, "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_a_search_without_a_match_says_so_and_offers_to_register(world, client_for, listed):
    response = client_for(world.front_desk).get(
        url(world, "person_list"), {"q": "Nieznany"}, headers=ENGLISH
    )
    assertContains(response, "Nobody is registered under this name, PESEL or birth date.")
    assertContains(response, f"{url(world, 'person_create')}?q=Nieznany")


def test_an_htmx_search_without_a_match_says_so(world, client_for, listed):
    response = client_for(world.front_desk).get(
        url(world, "person_list"), {"q": "Nieznany"}, headers=HTMX
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="person-table"')
    assert "Nobody is registered under this name, PESEL or birth date." in content


def test_an_empty_centre_says_nobody_is_registered(world, client_for):
    register(world.b)
    response = client_for(world.front_desk).get(url(world, "person_list"), headers=ENGLISH)
    assertContains(response, "Nobody is registered yet.")
    assertNotContains(response, "<table")


def test_the_list_is_paginated_keeping_the_search(world, client_for, settings):
    settings.PAGE_SIZE = 2
    for i, first_name in enumerate(["Adam", "Bogdan", "Cezary"]):
        register(world.a, first_name=first_name, birth_date=dt.date(1950, 1, 1 + i))
    register(world.a, first_name="Inny", last_name="Zając")
    client = client_for(world.front_desk)
    first = client.get(url(world, "person_list"), {"q": "Kowalski"}, headers=ENGLISH)
    assert _names(first) == ["Adam Kowalski", "Bogdan Kowalski"]
    assertContains(first, "?q=Kowalski&amp;page=2")
    second = client.get(url(world, "person_list"), {"q": "Kowalski", "page": 2}, headers=ENGLISH)
    assert _names(second) == ["Cezary Kowalski"]
    assert (
        client.get(url(world, "person_list"), {"q": "Kowalski", "page": 99}, headers=ENGLISH)
        .context["page"]
        .number
        == 2
    )


def test_search_results_are_a_read_in_the_access_log(world, client_for, listed):
    client = client_for(world.front_desk)
    client.get(url(world, "person_list"), headers=ENGLISH)
    client.get(url(world, "person_list"), {"q": "Nieznany"}, headers=ENGLISH)
    assert not AccessLogEntry.objects.exists()  # neither lists found anyone by a search

    client.get(url(world, "person_list"), {"q": "kowal"}, headers=ENGLISH)
    row = AccessLogEntry.objects.get()
    assert (row.actor, row.centre, row.purpose) == (
        world.front_desk,
        world.a,
        AccessPurpose.CASE_HANDLING,
    )
    assert row.subject_id == str(world.a.pk)
    assert "(2)" in row.fields


# --- registering ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_registers_a_person(world, client_for, role):
    user = getattr(world, role)
    response = client_for(user).post(
        url(world, "person_create"), form_data(world), follow=True, headers=ENGLISH
    )
    person = Person.objects.get()
    assertRedirects(response, url(world, "person_detail", person_id=person.pk))
    assert messages_of(response) == ["Halina Nowak is registered."]
    assert (person.centre, person.created_by) == (world.a, user)
    assert (person.first_name, person.last_name, person.birth_date, person.sex) == (
        "Halina",
        "Nowak",
        dt.date(1944, 3, 2),
        "female",
    )
    assert (person.postal_code, person.city, person.gmina) == (
        "66-400",
        "Gorzów Wielkopolski",
        world.a.seat_gmina,
    )
    assert (person.needs_large_print, person.needs_sign_language) == (True, False)
    assert person.accessibility_notes == "Słabo słyszy."


def test_the_registration_form_offers_the_centres_gmina_and_the_searched_name(world, client_for):
    response = client_for(world.front_desk).get(
        url(world, "person_create"), {"q": "Nowak"}, headers=ENGLISH
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form["gmina"].value() == world.a.seat_gmina_id
    assert form["last_name"].value() == "Nowak"
    assertContains(response, 'name="confirm_new"', count=0)  # only after a warning
    assertContains(response, "<legend>Identity</legend>")


@pytest.mark.parametrize("query", [KNOWN, "1944-05-14"], ids=["pesel", "birth-date"])
def test_registering_after_a_search_by_pesel_or_date_does_not_put_it_in_the_last_name(
    world, client_for, query
):
    response = client_for(world.front_desk).get(
        url(world, "person_create"), {"q": query}, headers=ENGLISH
    )
    form = response.context["form"]
    assert form["last_name"].value() in ("", None)
    assert query in (form["pesel"].value(), str(form["birth_date"].value()))


def test_a_valid_pesel_fills_the_birth_date_and_sex(world, client_for):
    response = client_for(world.front_desk).post(
        url(world, "person_create"),
        form_data(
            world, first_name="Jan", last_name="Kowalski", pesel=KNOWN, birth_date="", sex=""
        ),
        headers=ENGLISH,
    )
    person = Person.objects.get()
    assertRedirects(response, url(world, "person_detail", person_id=person.pk))
    assert (person.pesel, person.birth_date, person.sex) == (KNOWN, BORN, "male")


def test_a_person_without_pesel_is_registered_with_the_birth_date(world, client_for):
    response = client_for(world.front_desk).post(
        url(world, "person_create"), form_data(world, pesel="", sex=""), headers=ENGLISH
    )
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.pesel, person.birth_date, person.sex) == ("", dt.date(1944, 3, 2), "")


def _bad_inputs():
    """(field, typed value, the message next to the field) for each kind of bad input."""
    return [
        ("first_name", "", required()),
        ("last_name", "", required()),
        (
            "last_name",
            "x" * 101,
            django_validators.MaxLengthValidator.message % {"limit_value": 100, "show_value": 101},
        ),
        ("pesel", KNOWN[:-1] + "0", str(validators.MSG_BAD_PESEL)),
        ("pesel", NO_SUCH_DATE, str(validators.MSG_BAD_PESEL)),
        ("pesel", "4405140135a", str(validators.MSG_BAD_PESEL)),
        (
            "pesel",
            KNOWN + "1",
            django_validators.MaxLengthValidator.message % {"limit_value": 11, "show_value": 12},
        ),
        ("birth_date", "1944-13-01", invalid_date()),
        ("birth_date", "wczoraj", invalid_date()),
        ("birth_date", "", str(services.MSG_NEED_IDENTITY)),
        ("sex", "other", invalid_choice("other")),
        ("postal_code", "66400", str(MSG_BAD_POSTAL_CODE)),
        ("gmina", "9999999", invalid_model_choice()),
        ("email", "halina@", str(django_validators.EmailValidator.message)),
        ("preferred_language", "xx", invalid_choice("xx")),
        ("legal_basis", "", required()),
        ("legal_basis", "art6_1_f", invalid_choice("art6_1_f")),
        ("processing_purpose", "", required()),
    ]


BAD_INPUT_IDS = [
    "first-name-empty",
    "last-name-empty",
    "last-name-too-long",
    "pesel-check-digit",
    "pesel-no-such-date",
    "pesel-letter",
    "pesel-too-long",
    "birth-date-no-such-month",
    "birth-date-words",
    "no-pesel-no-birth-date",
    "sex-unknown",
    "postal-code",
    "gmina-unknown",
    "email",
    "language-unknown",
    "legal-basis-empty",
    "legal-basis-unknown",
    "purpose-empty",
]


@pytest.mark.parametrize("case", range(len(BAD_INPUT_IDS)), ids=BAD_INPUT_IDS)
def test_a_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(world, client_for, case):
    field, value, message = _bad_inputs()[case]
    response = client_for(world.front_desk).post(
        url(world, "person_create"), form_data(world, **{field: value}), headers=ENGLISH
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {field: [message]}
    assert_field_error(response, field, message)
    assertContains(response, "Please correct the errors below.")
    assert not Person.objects.exists()
    # What was typed is still there, the bad value included.
    assert form[field].value() == value
    assertContains(response, "Słabo słyszy.</textarea>")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"pesel": KNOWN, "birth_date": "1944-05-15", "sex": "male"},
            "birth_date",
            lambda: validators.MSG_PESEL_BIRTH_DATE % {"date": "1944-05-14"},
        ),
        (
            {"pesel": KNOWN, "birth_date": "", "sex": "female"},
            "sex",
            lambda: str(validators.MSG_PESEL_SEX),
        ),
    ],
    ids=["birth-date", "sex"],
)
def test_what_contradicts_the_pesel_is_explained(world, client_for, overrides, field, message):
    message = message()  # read in English, not at import time
    response = client_for(world.front_desk).post(
        url(world, "person_create"), form_data(world, **overrides), headers=ENGLISH
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assert_field_error(response, field, message)
    assert not Person.objects.exists()


def test_a_birth_date_in_the_future_is_refused(world, client_for):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client_for(world.front_desk).post(
        url(world, "person_create"),
        form_data(world, birth_date=tomorrow.isoformat()),
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["birth_date"]
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [("Halina", "Nowak"), ("halina", "NOWAK"), (" Halina ", "Nowak ")],
    ids=["same", "other-case", "spaces"],
)
def test_same_names_and_birth_date_warn_until_confirmed(world, client_for, first_name, last_name):
    existing = register(
        world.a, first_name="Halina", last_name="Nowak", birth_date=dt.date(1944, 3, 2)
    )
    client = client_for(world.front_desk)
    data = form_data(world, first_name=first_name, last_name=last_name)
    response = client.post(url(world, "person_create"), data, headers=ENGLISH)
    assert response.status_code == 200
    assert response.context["form"].errors == {"__all__": [str(services.MSG_POSSIBLE_DUPLICATE)]}
    assert response.context["duplicates"] == [existing]
    assertContains(response, "Already registered?")
    assertContains(response, url(world, "person_detail", person_id=existing.pk))
    assertContains(response, 'name="confirm_new"')
    assertContains(response, escape(str(services.MSG_POSSIBLE_DUPLICATE)))
    assert Person.objects.count() == 1

    response = client.post(
        url(world, "person_create"), {**data, "confirm_new": "on"}, headers=ENGLISH
    )
    assert response.status_code == 302
    assert Person.objects.count() == 2


def test_same_names_with_another_birth_date_are_not_a_duplicate(world, client_for):
    register(world.a, first_name="Halina", last_name="Nowak", birth_date=dt.date(1944, 3, 3))
    response = client_for(world.front_desk).post(
        url(world, "person_create"), form_data(world), headers=ENGLISH
    )
    assert response.status_code == 302


def test_a_namesake_in_another_centre_is_not_a_duplicate(world, client_for):
    register(world.b, first_name="Halina", last_name="Nowak", birth_date=dt.date(1944, 3, 2))
    response = client_for(world.front_desk).post(
        url(world, "person_create"), form_data(world), headers=ENGLISH
    )
    assert response.status_code == 302
    assert Person.objects.filter(centre=world.a).count() == 1


def test_a_pesel_already_registered_names_that_record_even_when_confirmed(world, client_for):
    existing = register(world.a, first_name="Jan", last_name="Kowalski", pesel=KNOWN)
    client = client_for(world.front_desk)
    for extra in ({}, {"confirm_new": "on"}):
        response = client.post(
            url(world, "person_create"),
            form_data(
                world, first_name="Janusz", last_name="Kowal", pesel=KNOWN, birth_date="", sex=""
            )
            | extra,
            headers=ENGLISH,
        )
        assert response.status_code == 200
        message = services.MSG_PESEL_TAKEN % {"person": "Jan Kowalski"}
        assert response.context["form"].errors == {"pesel": [message]}
        assert_field_error(response, "pesel", message)
        assert response.context["duplicates"] == [existing]
        assertContains(response, url(world, "person_detail", person_id=existing.pk))
    assert Person.objects.count() == 1


def test_a_pesel_registered_in_another_centre_may_be_registered_here(world, client_for):
    register(world.b, pesel=KNOWN)
    response = client_for(world.front_desk).post(
        url(world, "person_create"),
        form_data(
            world, first_name="Jan", last_name="Kowalski", pesel=KNOWN, sex="male", birth_date=""
        ),
        headers=ENGLISH,
    )
    assert response.status_code == 302
    assert Person.objects.get(centre=world.a).pesel == KNOWN


def test_names_are_shown_as_text_not_markup(world, client_for):
    client = client_for(world.front_desk)
    response = client.post(
        url(world, "person_create"),
        form_data(world, first_name="<b>Ala</b>"),
        follow=True,
        headers=ENGLISH,
    )
    assert messages_of(response) == ["<b>Ala</b> Nowak is registered."]
    assertContains(response, "&lt;b&gt;Ala&lt;/b&gt; Nowak is registered.")
    assertNotContains(response, "<b>Ala</b>")
    listing = client.get(url(world, "person_list"), {"q": "Ala"}, headers=ENGLISH)
    assertContains(listing, "Nowak &lt;b&gt;Ala&lt;/b&gt;")
    assertNotContains(listing, "<b>Ala</b>")


# --- the person page and its access log ---------------------------------------------------------


@pytest.mark.parametrize("role", MANAGERS)
def test_opening_a_person_writes_an_access_log_row(world, client_for, family, role):
    user = getattr(world, role)
    halina = family["halina"]
    response = client_for(user).get(
        url(world, "person_detail", person_id=halina.pk), headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, "<h1>Halina Nowak</h1>", html=True)
    assertContains(response, "born 1944-03-02")
    assertContains(response, "Your viewing of this record has been recorded")
    [row] = access_rows(halina)
    assert (row.actor, row.centre, row.purpose, row.subject_label) == (
        user,
        world.a,
        AccessPurpose.CASE_HANDLING,
        "Halina Nowak",
    )
    assert row.subject_type == ContentType.objects.get_for_model(Person)
    assert row.view_name == "centre:person_detail"
    assert row.path == url(world, "person_detail", person_id=halina.pk)
    assert ("disability certificates" in row.fields) == (role in HEALTH)
    assert access_rows(family["ewa"]) == []


def test_each_opening_is_a_row_of_its_own(world, client_for, family):
    client = client_for(world.kipus)
    for _ in range(2):
        client.get(url(world, "person_detail", person_id=family["halina"].pk))
    assert len(access_rows(family["halina"])) == 2


@pytest.mark.parametrize("role", HEALTH)
def test_health_roles_see_the_certificates(world, client_for, family, role):
    halina, certificate = family["halina"], family["certificate"]
    response = client_for(getattr(world, role)).get(
        url(world, "person_detail", person_id=halina.pk), headers=ENGLISH
    )
    assert response.context["show_health"] is True
    assertContains(response, "Disability certificates")
    assertContains(response, "severe (znaczny)")
    assertContains(response, "Usługi dla osób z niepełnosprawnością")
    assertContains(response, url(world, "certificate_add", person_id=halina.pk))
    assertContains(response, url(world, "certificate_remove", certificate_id=certificate.pk))


def test_the_front_desk_does_not_see_the_certificates(world, client_for, family):
    halina, certificate = family["halina"], family["certificate"]
    response = client_for(world.front_desk).get(
        url(world, "person_detail", person_id=halina.pk), headers=ENGLISH
    )
    assert response.status_code == 200
    assert response.context["show_health"] is False
    assertNotContains(response, "Disability certificates")
    assertNotContains(response, "severe (znaczny)")
    assertNotContains(response, "Usługi dla osób z niepełnosprawnością")
    assertNotContains(response, url(world, "certificate_add", person_id=halina.pk))
    assertNotContains(response, url(world, "certificate_remove", certificate_id=certificate.pk))


def test_the_page_shows_relations_both_ways_and_consents(world, client_for, family):
    halina, ewa = family["halina"], family["ewa"]
    services.consent_give(person=halina, by=None, purpose="image", form="written")
    client = client_for(world.ous)
    response = client.get(url(world, "person_detail", person_id=halina.pk), headers=ENGLISH)
    assertContains(response, url(world, "person_detail", person_id=ewa.pk))
    assertContains(response, "actual carer (opiekun faktyczny)")
    assertContains(response, "Oświadczenie z 10.01.2024")
    assertContains(response, url(world, "relation_end", relation_id=family["relation"].pk))
    assertContains(response, "use of image (photos)")
    assertContains(response, url(world, "consent_give", person_id=halina.pk))
    response = client.get(url(world, "person_detail", person_id=ewa.pk), headers=ENGLISH)
    assertContains(response, url(world, "person_detail", person_id=halina.pk))
    assertNotContains(response, url(world, "relation_end", relation_id=family["relation"].pk))


def test_a_page_without_relations_or_consents_says_so(world, client_for, family):
    response = client_for(world.ous).get(
        url(world, "person_detail", person_id=family["stranger"].pk), headers=ENGLISH
    )
    assertContains(response, "No relation recorded.")
    assertContains(response, "No consent recorded.")
    assertContains(response, "No certificate recorded.")


# --- editing ----------------------------------------------------------------------------------


def test_the_edit_form_shows_the_saved_values_and_logs_the_read(world, client_for, family):
    halina = family["halina"]
    response = client_for(world.front_desk).get(
        url(world, "person_edit", person_id=halina.pk), headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, 'value="Halina"')
    assertContains(response, 'value="1944-03-02"')
    assert "confirm_new" not in response.context["form"].fields
    [row] = access_rows(halina)
    assert (row.actor, row.centre, row.view_name) == (
        world.front_desk,
        world.a,
        "centre:person_edit",
    )
    assert "disability" not in row.fields


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_edits_a_record(world, client_for, family, role):
    halina = family["halina"]
    response = client_for(getattr(world, role)).post(
        url(world, "person_edit", person_id=halina.pk),
        form_data(world, street="ul. Klonowa 7", needs_large_print=None, needs_sign_language="on"),
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "person_detail", person_id=halina.pk))
    assert messages_of(response) == ["The record was saved."]
    halina.refresh_from_db()
    assert (halina.street, halina.needs_large_print, halina.needs_sign_language) == (
        "ul. Klonowa 7",
        False,
        True,
    )


def test_adding_a_pesel_to_a_record_fills_its_sex(world, client_for):
    person = register(world.a, first_name="Jan", last_name="Kowalski", birth_date=BORN)
    response = client_for(world.front_desk).post(
        url(world, "person_edit", person_id=person.pk),
        form_data(
            world,
            first_name="Jan",
            last_name="Kowalski",
            pesel=KNOWN,
            birth_date="1944-05-14",
            sex="",
        ),
        headers=ENGLISH,
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.pesel, person.sex) == (KNOWN, "male")


def test_editing_to_a_pesel_of_another_record_names_it_and_keeps_the_record(
    world, client_for, family
):
    halina = family["halina"]
    response = client_for(world.front_desk).post(
        url(world, "person_edit", person_id=halina.pk),
        form_data(world, pesel=KNOWN, birth_date="", sex=""),
        headers=ENGLISH,
    )
    assert response.status_code == 200
    message = services.MSG_PESEL_TAKEN % {"person": "Piotr Zieliński"}
    assert response.context["form"].errors == {"pesel": [message]}
    assert_field_error(response, "pesel", message)
    halina.refresh_from_db()
    assert halina.pesel == ""


def test_editing_with_a_bad_input_keeps_the_record(world, client_for, family):
    halina = family["halina"]
    response = client_for(world.front_desk).post(
        url(world, "person_edit", person_id=halina.pk),
        form_data(world, first_name="Helena", postal_code="66 400"),
        headers=ENGLISH,
    )
    assert response.context["form"].errors == {"postal_code": [str(MSG_BAD_POSTAL_CODE)]}
    halina.refresh_from_db()
    assert (halina.first_name, halina.postal_code) == ("Halina", "")


def test_editing_keeps_the_same_names_without_a_duplicate_warning(world, client_for, family):
    halina = family["halina"]
    response = client_for(world.front_desk).post(
        url(world, "person_edit", person_id=halina.pk), form_data(world), headers=ENGLISH
    )
    assert response.status_code == 302


# --- relations --------------------------------------------------------------------------------


def test_the_relation_page_searches_the_centres_people_other_than_the_person(
    world, client_for, family
):
    register(world.b, first_name="Ewa", last_name="Nowak z Bety")
    halina = family["halina"]
    client = client_for(world.front_desk)
    response = client.get(url(world, "relation_add", person_id=halina.pk), headers=ENGLISH)
    assert response.status_code == 200
    assertNotContains(response, 'name="other"')  # a search first
    response = client.get(
        url(world, "relation_add", person_id=halina.pk), {"q": "Nowak"}, headers=ENGLISH
    )
    assert list(response.context["form"].fields["other"].queryset) == [family["ewa"]]
    assertContains(response, f'value="{family["ewa"].pk}"')
    response = client.get(
        url(world, "relation_add", person_id=halina.pk), {"q": "Nieznany"}, headers=ENGLISH
    )
    assertContains(response, "Nobody found.")


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_adds_a_relation(world, client_for, family, role):
    ewa, stranger = family["ewa"], family["stranger"]
    response = client_for(getattr(world, role)).post(
        url(world, "relation_add", person_id=ewa.pk),
        {"other": stranger.pk, "kind": "legal_representative", "evidence": "III RNs 12/24"},
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "person_detail", person_id=ewa.pk))
    assert messages_of(response) == ["The relation was recorded."]
    relation = Relation.objects.get(person=ewa)
    assert (relation.other, relation.kind, relation.evidence, relation.started_on) == (
        stranger,
        "legal_representative",
        "III RNs 12/24",
        timezone.localdate(),
    )
    assertContains(response, "III RNs 12/24")


def test_a_relation_recorded_already_is_explained(world, client_for, family):
    halina, ewa = family["halina"], family["ewa"]
    response = client_for(world.front_desk).post(
        url(world, "relation_add", person_id=halina.pk),
        {"other": ewa.pk, "kind": "actual_carer"},
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"__all__": ["This relation is already recorded."]}
    assertContains(response, "This relation is already recorded.")
    assert Relation.objects.count() == 1


@pytest.mark.parametrize("bad", ["self", "other-centre", "unknown-kind", "no-one", "not-an-id"])
def test_a_bad_relation_is_explained_and_not_saved(world, client_for, family, bad):
    halina, ewa = family["halina"], family["ewa"]
    b_person = register(world.b)
    data, field, message = {
        "self": ({"other": halina.pk, "kind": "household"}, "other", invalid_model_choice()),
        "other-centre": (
            {"other": b_person.pk, "kind": "household"},
            "other",
            invalid_model_choice(),
        ),
        "unknown-kind": ({"other": ewa.pk, "kind": "friend"}, "kind", invalid_choice("friend")),
        "no-one": ({"kind": "household"}, "other", required()),
        "not-an-id": ({"other": "abc", "kind": "household"}, "other", invalid_model_choice()),
    }[bad]
    response = client_for(world.front_desk).post(
        url(world, "relation_add", person_id=halina.pk), data, headers=ENGLISH
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assertContains(response, escape(message))
    assert Relation.objects.count() == 1


def test_ending_a_relation_asks_first(world, client_for, family):
    relation = family["relation"]
    response = client_for(world.front_desk).get(
        url(world, "relation_end", relation_id=relation.pk), headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, "End a relation")
    assertContains(response, "Yes, end it")
    assert response.context["form"]["ended_on"].value() == timezone.localdate()
    relation.refresh_from_db()
    assert relation.ended_on is None


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_ends_a_relation(world, client_for, family, role):
    relation = family["relation"]
    response = client_for(getattr(world, role)).post(
        url(world, "relation_end", relation_id=relation.pk),
        {"ended_on": "2025-02-01"},
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "person_detail", person_id=family["halina"].pk))
    assert messages_of(response) == ["The relation has ended."]
    relation.refresh_from_db()
    assert relation.ended_on == dt.date(2025, 2, 1)
    assertNotContains(response, url(world, "relation_end", relation_id=relation.pk))


def test_a_relation_may_end_today(world, client_for, family):
    relation = family["relation"]
    response = client_for(world.front_desk).post(
        url(world, "relation_end", relation_id=relation.pk),
        {"ended_on": timezone.localdate().isoformat()},
        headers=ENGLISH,
    )
    assert response.status_code == 302
    relation.refresh_from_db()
    assert relation.ended_on == timezone.localdate()


@pytest.mark.parametrize(
    ("ended_on", "message"),
    [
        (1, lambda: str(services.MSG_END_IN_FUTURE)),
        ("2024-01-09", lambda: services.MSG_END_BEFORE_START % {"date": dt.date(2024, 1, 10)}),
        ("", required),
        ("2024-02-30", invalid_date),
    ],
    ids=["future", "before-start", "empty", "no-such-date"],
)
def test_a_bad_end_date_is_refused(world, client_for, family, ended_on, message):
    if ended_on == 1:  # tomorrow
        ended_on = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    message = message()
    relation = family["relation"]
    response = client_for(world.front_desk).post(
        url(world, "relation_end", relation_id=relation.pk),
        {"ended_on": ended_on},
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"ended_on": [message]}
    assert_field_error(response, "ended_on", message)
    relation.refresh_from_db()
    assert relation.ended_on is None


def test_a_relation_ended_already_cannot_end_again(world, client_for, family):
    relation = services.relation_end(
        relation=family["relation"], by=None, ended_on=dt.date(2025, 1, 1)
    )
    response = client_for(world.front_desk).post(
        url(world, "relation_end", relation_id=relation.pk),
        {"ended_on": timezone.localdate().isoformat()},
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"__all__": [str(services.MSG_ALREADY_ENDED)]}
    assertContains(response, str(services.MSG_ALREADY_ENDED))
    relation.refresh_from_db()
    assert relation.ended_on == dt.date(2025, 1, 1)


# --- consents ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_records_a_consent(world, client_for, family, role):
    user, halina = getattr(world, role), family["halina"]
    response = client_for(user).post(
        url(world, "consent_give", person_id=halina.pk),
        {"purpose": "share_with_provider", "form": "written", "note": "Podpisana w CUS"},
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "person_detail", person_id=halina.pk))
    assert messages_of(response) == ["The consent was recorded."]
    consent = Consent.objects.get()
    assert (consent.person, consent.purpose, consent.form, consent.note, consent.recorded_by) == (
        halina,
        "share_with_provider",
        "written",
        "Podpisana w CUS",
        user,
    )
    assert consent.is_active
    assertContains(response, url(world, "consent_withdraw", consent_id=consent.pk))


def test_giving_a_consent_is_post_only(world, client_for, family):
    halina = family["halina"]
    response = client_for(world.front_desk).get(
        url(world, "consent_give", person_id=halina.pk),
        {"purpose": "image", "form": "written"},
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "person_detail", person_id=halina.pk))
    assert not Consent.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{}, {"purpose": "marketing", "form": "written"}, {"purpose": "image", "form": "telepathy"}],
    ids=["nothing", "unknown-purpose", "unknown-form"],
)
def test_a_bad_consent_is_explained(world, client_for, family, data):
    halina = family["halina"]
    response = client_for(world.front_desk).post(
        url(world, "consent_give", person_id=halina.pk), data, follow=True, headers=ENGLISH
    )
    assertRedirects(response, url(world, "person_detail", person_id=halina.pk))
    assert messages_of(response) == ["Choose the purpose and the form of the consent."]
    assert not Consent.objects.exists()


def test_a_consent_given_already_is_explained(world, client_for, family):
    halina = family["halina"]
    services.consent_give(person=halina, by=None, purpose="image", form="oral")
    response = client_for(world.front_desk).post(
        url(world, "consent_give", person_id=halina.pk),
        {"purpose": "image", "form": "written"},
        follow=True,
        headers=ENGLISH,
    )
    assert messages_of(response) == ["This consent is already given."]
    assert Consent.objects.get().form == "oral"


def test_withdrawing_a_consent_asks_first(world, client_for, family):
    consent = services.consent_give(
        person=family["halina"], by=None, purpose="share_with_provider", form="written"
    )
    response = client_for(world.front_desk).get(
        url(world, "consent_withdraw", consent_id=consent.pk), headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, "Withdraw a consent")
    assertContains(response, "<strong>Halina Nowak</strong>")
    assertContains(response, "sharing data with a service provider")
    assertContains(response, "Yes, withdraw")
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_withdraws_a_consent(world, client_for, family, role):
    halina = family["halina"]
    consent = services.consent_give(person=halina, by=None, purpose="image", form="written")
    response = client_for(getattr(world, role)).post(
        url(world, "consent_withdraw", consent_id=consent.pk), follow=True, headers=ENGLISH
    )
    assertRedirects(response, url(world, "person_detail", person_id=halina.pk))
    assert messages_of(response) == ["The consent was withdrawn."]
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assertContains(response, f"withdrawn {timezone.localdate():%Y-%m-%d}")
    assertNotContains(response, url(world, "consent_withdraw", consent_id=consent.pk))


def test_a_consent_withdrawn_already_is_explained(world, client_for, family):
    consent = services.consent_give(person=family["halina"], by=None, purpose="image", form="oral")
    consent = services.consent_withdraw(consent=consent, by=None)
    withdrawn_at = consent.withdrawn_at
    response = client_for(world.front_desk).post(
        url(world, "consent_withdraw", consent_id=consent.pk), follow=True, headers=ENGLISH
    )
    assert messages_of(response) == [str(services.MSG_ALREADY_ENDED)]
    consent.refresh_from_db()
    assert consent.withdrawn_at == withdrawn_at


# --- certificates -----------------------------------------------------------------------------


CERTIFICATE = {
    "degree": "moderate",
    "symbol": "10-N",
    "valid_until": "2027-06-30",
    "legal_basis": "art9_2_b",
    "held_for": "Kwalifikacja do usług opiekuńczych",
}


@pytest.mark.parametrize("role", HEALTH)
def test_a_health_role_records_a_certificate(world, client_for, family, role):
    user, ewa = getattr(world, role), family["ewa"]
    client = client_for(user)
    form = client.get(url(world, "certificate_add", person_id=ewa.pk), headers=ENGLISH)
    assert form.status_code == 200
    assertContains(form, "Record a disability certificate")
    response = client.post(
        url(world, "certificate_add", person_id=ewa.pk), CERTIFICATE, follow=True, headers=ENGLISH
    )
    assertRedirects(response, url(world, "person_detail", person_id=ewa.pk))
    assert messages_of(response) == ["The certificate was recorded."]
    certificate = DisabilityCertificate.objects.get(person=ewa)
    assert (certificate.degree, certificate.valid_until, certificate.recorded_by) == (
        "moderate",
        dt.date(2027, 6, 30),
        user,
    )
    assertContains(response, "valid until 2027-06-30")
    assertContains(response, "Kwalifikacja do usług opiekuńczych")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("degree", "", required),
        ("degree", "total", lambda: invalid_choice("total")),
        ("legal_basis", "", required),
        ("legal_basis", "art6_1_e", lambda: invalid_choice("art6_1_e")),
        ("held_for", "", required),
        ("valid_until", "2027-02-30", invalid_date),
    ],
    ids=["degree-empty", "degree-unknown", "basis-empty", "basis-not-art9", "why-empty", "date"],
)
def test_a_bad_certificate_is_explained_and_not_saved(
    world, client_for, family, field, value, message
):
    message = message()  # read in English, not at import time
    ewa = family["ewa"]
    response = client_for(world.kipus).post(
        url(world, "certificate_add", person_id=ewa.pk),
        {**CERTIFICATE, field: value},
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assert_field_error(response, field, message)
    assert not DisabilityCertificate.objects.filter(person=ewa).exists()


def test_removing_a_certificate_asks_first(world, client_for, family):
    certificate = family["certificate"]
    response = client_for(world.ous).get(
        url(world, "certificate_remove", certificate_id=certificate.pk), headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, "Remove a certificate")
    assertContains(response, "Yes, remove")
    assertContains(response, url(world, "person_detail", person_id=family["halina"].pk))
    assert DisabilityCertificate.objects.filter(pk=certificate.pk).exists()


@pytest.mark.parametrize("role", HEALTH)
def test_a_health_role_removes_a_certificate(world, client_for, family, role):
    certificate = family["certificate"]
    response = client_for(getattr(world, role)).post(
        url(world, "certificate_remove", certificate_id=certificate.pk),
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "person_detail", person_id=family["halina"].pk))
    assert messages_of(response) == ["The certificate was removed."]
    assert not DisabilityCertificate.objects.filter(pk=certificate.pk).exists()
    assertContains(response, "No certificate recorded.")


def test_the_front_desk_may_not_touch_certificates(world, client_for, family):
    client = client_for(world.front_desk)
    add = url(world, "certificate_add", person_id=family["ewa"].pk)
    remove = url(world, "certificate_remove", certificate_id=family["certificate"].pk)
    assert client.get(add).status_code == 403
    assert client.post(add, CERTIFICATE).status_code == 403
    assert client.get(remove).status_code == 403
    assert client.post(remove).status_code == 403
    assert list(DisabilityCertificate.objects.all()) == [family["certificate"]]


# --- merging ----------------------------------------------------------------------------------


@pytest.fixture
def twins(world):
    """``keep`` (with PESEL) and ``duplicate`` (without) of the same man, and a namesake."""
    keep = register(world.a, first_name="Jan", last_name="Kowalski", pesel=KNOWN, phone="")
    duplicate = register(
        world.a,
        first_name="Jan",
        last_name="Kowalski",
        birth_date=BORN,
        phone="+48 600 111 222",
        confirm_new=True,
    )
    services.consent_give(person=duplicate, by=None, purpose="image", form="written")
    namesake = register(
        world.a, first_name="Adam", last_name="Kowalski", pesel=pesel_for(dt.date(1960, 1, 1))
    )
    return keep, duplicate, namesake


@pytest.mark.parametrize("role", MERGERS)
def test_the_merge_page_offers_records_with_the_same_last_name(world, client_for, twins, role):
    keep, duplicate, namesake = twins
    register(world.b, first_name="Jan", last_name="Kowalski")
    response = client_for(getattr(world, role)).get(
        url(world, "person_merge", person_id=duplicate.pk), headers=ENGLISH
    )
    assert response.status_code == 200
    assert list(response.context["form"].fields["keep"].queryset) == [namesake, keep]
    assertContains(response, f'value="{keep.pk}"')
    assertNotContains(response, f'value="{duplicate.pk}"')
    row = access_rows(duplicate)[0]
    assert (row.actor, row.centre, row.view_name) == (
        getattr(world, role),
        world.a,
        "centre:person_merge",
    )


def test_the_merge_page_searches_other_records(world, client_for, twins):
    keep, duplicate, _ = twins
    client = client_for(world.ous)
    response = client.get(
        url(world, "person_merge", person_id=duplicate.pk), {"q": KNOWN}, headers=ENGLISH
    )
    assert list(response.context["form"].fields["keep"].queryset) == [keep]
    response = client.get(
        url(world, "person_merge", person_id=duplicate.pk), {"q": "Nieznany"}, headers=ENGLISH
    )
    assertContains(response, "No other record found")


@pytest.mark.parametrize("role", MERGERS)
def test_a_merge_redirects_to_the_kept_record_and_the_merged_one_points_there(
    world, client_for, twins, role
):
    keep, duplicate, _ = twins
    client = client_for(getattr(world, role))
    response = client.post(
        url(world, "person_merge", person_id=duplicate.pk),
        {"keep": keep.pk},
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "person_detail", person_id=keep.pk))
    assert messages_of(response) == ["The records were merged into Jan Kowalski."]
    assertContains(response, "1 duplicate record was merged into this one.")
    duplicate.refresh_from_db()
    keep.refresh_from_db()
    assert duplicate.merged_into == keep
    assert keep.phone == "+48 600 111 222"
    assert keep.consents.get().purpose == "image"

    response = client.get(
        url(world, "person_detail", person_id=duplicate.pk), follow=True, headers=ENGLISH
    )
    assertRedirects(response, url(world, "person_detail", person_id=keep.pk))
    assert messages_of(response) == ["This record was merged into Jan Kowalski."]
    assert access_rows(duplicate) == []  # redirected before anything of it was shown
    assert [row.actor for row in access_rows(keep)] == [getattr(world, role)] * 2
    listing = client.get(url(world, "person_list"), {"q": "Jan Kowalski"}, headers=ENGLISH)
    assert list(listing.context["page"].object_list) == [keep]


def test_a_merged_record_cannot_be_changed_any_more(world, client_for, twins):
    keep, duplicate, _ = twins
    services.person_merge(keep=keep, duplicate=duplicate, by=None)
    client = client_for(world.director)
    for name in ("person_edit", "relation_add", "consent_give", "certificate_add", "person_merge"):
        address = url(world, name, person_id=duplicate.pk)
        assert client.get(address).status_code == 404, name
        assert client.post(address, {"keep": keep.pk}).status_code == 404, name


def test_a_merge_of_different_pesels_is_explained(world, client_for, twins):
    keep, _, namesake = twins
    response = client_for(world.ous).post(
        url(world, "person_merge", person_id=namesake.pk), {"keep": keep.pk}, headers=ENGLISH
    )
    assert response.status_code == 200
    message = str(services.MSG_MERGE_PESEL_CONFLICT)
    assert response.context["form"].errors == {"__all__": [message]}
    assertContains(response, message)
    namesake.refresh_from_db()
    assert namesake.merged_into is None


@pytest.mark.parametrize("keep", ["itself", "other-centre", "nothing"])
def test_a_merge_into_a_record_not_offered_is_refused(world, client_for, twins, keep):
    _, duplicate, _ = twins
    kept_id = {
        "itself": duplicate.pk,
        "other-centre": register(world.b, first_name="Jan", last_name="Kowalski").pk,
        "nothing": "",
    }[keep]
    response = client_for(world.ous).post(
        url(world, "person_merge", person_id=duplicate.pk), {"keep": kept_id}, headers=ENGLISH
    )
    assert response.status_code == 200
    message = required() if keep == "nothing" else invalid_model_choice()
    assert response.context["form"].errors == {"keep": [message]}
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


@pytest.mark.parametrize("role", NOT_MERGERS)
def test_only_the_ous_and_director_may_merge(world, client_for, twins, role):
    keep, duplicate, _ = twins
    client = client_for(getattr(world, role))
    address = url(world, "person_merge", person_id=duplicate.pk)
    assert client.get(address).status_code == 403
    assert client.post(address, {"keep": keep.pk}).status_code == 403
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    detail = client.get(url(world, "person_detail", person_id=duplicate.pk), headers=ENGLISH)
    assert detail.context["can_merge"] is False
    assertNotContains(detail, address)


@pytest.mark.parametrize("role", MERGERS)
def test_mergers_see_the_merge_button(world, client_for, twins, role):
    _, duplicate, _ = twins
    detail = client_for(getattr(world, role)).get(
        url(world, "person_detail", person_id=duplicate.pk), headers=ENGLISH
    )
    assertContains(detail, url(world, "person_merge", person_id=duplicate.pk))


# --- who may open what ------------------------------------------------------------------------


def _requests(world, centre=None, ids=None) -> list[tuple[str, str, dict]]:
    """(method, address, data) for every people URL, with ``ids`` (URL kwargs of people_of)."""
    address = lambda name, **kw: url(world, name, centre=centre, **kw)  # noqa: E731
    person = {"person_id": ids["person_id"]}
    return [
        ("get", address("person_list"), {}),
        ("get", address("person_create"), {}),
        ("post", address("person_create"), form_data(world)),
        ("get", address("person_detail", **person), {}),
        ("get", address("person_edit", **person), {}),
        ("post", address("person_edit", **person), form_data(world, first_name="Zmieniona")),
        ("get", address("relation_add", **person), {"q": "Nowak"}),
        ("post", address("relation_add", **person), {"kind": "household"}),
        ("post", address("consent_give", **person), {"purpose": "image", "form": "oral"}),
        ("get", address("certificate_add", **person), {}),
        ("post", address("certificate_add", **person), CERTIFICATE),
        ("get", address("person_merge", **person), {}),
        ("post", address("person_merge", **person), {"keep": ids["person_id"]}),
        ("get", address("relation_end", relation_id=ids["relation_id"]), {}),
        (
            "post",
            address("relation_end", relation_id=ids["relation_id"]),
            {"ended_on": "2025-01-01"},
        ),
        ("get", address("consent_withdraw", consent_id=ids["consent_id"]), {}),
        ("post", address("consent_withdraw", consent_id=ids["consent_id"]), {}),
        ("get", address("certificate_remove", certificate_id=ids["certificate_id"]), {}),
        ("post", address("certificate_remove", certificate_id=ids["certificate_id"]), {}),
    ]


def _unchanged(ids):
    """Nothing of people_of's data was changed, and nobody was registered."""
    assert Person.objects.filter(merged_into__isnull=False).count() == 0
    assert not Person.objects.filter(first_name__in=["Halina", "Zmieniona"], last_name="Nowak")
    assert Relation.objects.get(pk=ids["relation_id"]).ended_on is None
    assert Consent.objects.get(pk=ids["consent_id"]).withdrawn_at is None
    assert Consent.objects.count() == 1
    assert DisabilityCertificate.objects.filter(pk=ids["certificate_id"]).exists()
    assert DisabilityCertificate.objects.count() == 1


def test_the_osl_is_refused_on_every_people_url(world, client_for):
    ids = people_of(world.a)
    client = client_for(world.osl)
    for method, address, data in _requests(world, ids=ids):
        response = getattr(client, method)(address, data)
        assert response.status_code == 403, (method, address)
    _unchanged(ids)
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("role", ["b_kipus", "b_director"])
def test_staff_of_another_centre_get_404_in_its_context(world, client_for, role):
    ids = people_of(world.a)
    client = client_for(getattr(world, role))
    for method, address, data in _requests(world, ids=ids):
        response = getattr(client, method)(address, data)
        assert response.status_code == 404, (method, address)
    _unchanged(ids)
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("role", ["b_kipus", "b_director"])
def test_staff_of_another_centre_get_404_on_its_ids_in_their_own_context(world, client_for, role):
    ids = people_of(world.a)
    client = client_for(getattr(world, role))
    for method, address, data in _requests(world, centre=world.b, ids=ids):
        if address.endswith(("/people/", "/people/new/")):
            continue  # no id in these addresses: their own centre's pages
        response = getattr(client, method)(address, data)
        # The KIPUS may not merge anywhere: refused before any record is looked up.
        expected = 403 if role == "b_kipus" and "/merge/" in address else 404
        assert response.status_code == expected, (method, address)
    _unchanged(ids)
    assert not AccessLogEntry.objects.exists()


def test_a_signed_out_visitor_is_sent_to_sign_in(world, client):
    ids = people_of(world.a)
    for method, address, data in _requests(world, ids=ids):
        response = getattr(client, method)(address, data)
        assert response.status_code == 302, (method, address)
        assert reverse("accounts:login") in response["Location"]
    _unchanged(ids)


@pytest.mark.parametrize("role", HEALTH)
def test_health_roles_may_open_every_page(world, client_for, role):
    ids = people_of(world.a)
    client = client_for(getattr(world, role))
    for method, address, data in _requests(world, ids=ids):
        if method == "get" and (role in MERGERS or "/merge/" not in address):
            assert client.get(address, data).status_code == 200, address


# --- CSRF -------------------------------------------------------------------------------------


def test_a_post_without_the_csrf_token_is_refused(world):
    ids = people_of(world.a)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.director)
    for method, address, data in _requests(world, ids=ids):
        if method == "post":
            response = client.post(address, data, headers=ENGLISH)
            assert response.status_code == 403, address
            assert b'id="main"' in response.content  # the refusal in the app's layout
    _unchanged(ids)


def test_a_post_with_the_csrf_token_of_the_form_is_accepted(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.front_desk)
    page = client.get(url(world, "person_create"), headers=ENGLISH)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    response = client.post(
        url(world, "person_create"),
        {**form_data(world), "csrfmiddlewaretoken": token},
        headers=ENGLISH,
    )
    assert response.status_code == 302
    assert Person.objects.get().first_name == "Halina"
