"""The staff pages of the catalogue: forms that keep what was typed, the workflow, access."""

import datetime as dt
import re
import uuid

import pytest
from django import forms
from django.core import validators
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.catalogue import services
from opencus.catalogue.enums import ServiceStatus
from opencus.catalogue.models import Location, Schedule, Service, ServiceLocation, Vocabulary
from opencus.catalogue.tests.conftest import term
from opencus.catalogue.tests.fixtures import catalogue_of

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
STAFF_ROLES = ["front_desk", "ous", "kipus", "osl", "director"]
MANAGERS = ["ous", "director"]
NOT_MANAGERS = ["front_desk", "kipus", "osl"]

# Queries of the staff list and of a service's page, whatever the size of the catalogue.
MAX_QUERIES_SERVICE_LIST = 9
MAX_QUERIES_SERVICE_DETAIL = 20


@pytest.fixture(autouse=True)
def english():
    """Pages are asked for in English; expected messages are read in English too."""
    with translation.override("en"):
        yield


def url(world, name, centre=None, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": (centre or world.a).slug, **kwargs})


def form_data(centre, **overrides) -> dict:
    """What the OUS types into the service form for a valid service (``None`` leaves a box out)."""
    data = {
        "name": "Wypożyczalnia sprzętu",
        "summary": "Wózki, balkoniki i łóżka na czas rehabilitacji.",
        "description": "Wypożyczamy sprzęt rehabilitacyjny mieszkańcom gminy.",
        "provider": "",
        "at_home": "on",
        "access_mode": "application",
        "min_age": "",
        "max_age": "",
        "eligibility_notes": "",
        "fee_kind": "cofinanced",
        "unit": "loan",
        "market_value": "80.00",
        "resident_price": "20.00",
        "fee_notes": "",
        "capacity": "",
        "capacity_period": "",
        "how_to_apply": "Zadzwoń do CUS.",
        "phone": "+48 68 000 00 00",
        "email": "",
        "website": "",
        "areas": [str(term(Vocabulary.AREA, "health").pk)],
        "target_groups": [str(term(Vocabulary.TARGET_GROUP, "disability").pk)],
        "needs": [str(term(Vocabulary.NEED, "equipment").pk)],
        "funding": [],
        "residents_of": [g.code for g in centre.gminas.all()],
        "documents": [],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def required():
    return str(forms.Field.default_error_messages["required"])


# --- creating a service ---------------------------------------------------------------------


@pytest.mark.parametrize("role", MANAGERS)
def test_a_manager_creates_a_draft(world, client_for, role):
    client = client_for(getattr(world, role))
    response = client.post(
        url(world, "service_create"), form_data(world.a, min_age="18"), follow=True, headers=ENGLISH
    )
    service = Service.objects.get()
    assertRedirects(response, url(world, "service_detail", service_id=service.pk))
    assert (service.name, service.status, service.centre) == (
        "Wypożyczalnia sprzętu",
        ServiceStatus.DRAFT,
        world.a,
    )
    assert service.min_age == 18
    assert [t.code for t in service.needs.all()] == ["equipment"]
    assert service.status_changes.get().by == getattr(world, role)
    assert [str(m) for m in response.context["messages"]] == [
        "The service was saved as a draft. Add its places and hours, then publish it."
    ]


def test_the_new_service_form_offers_the_centres_gminas(world, client_for):
    response = client_for(world.ous).get(url(world, "service_create"), headers=ENGLISH)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["residents_of"] == [world.a.seat_gmina]
    assert list(form.fields["residents_of"].queryset) == [world.a.seat_gmina]
    checkbox = re.search(
        r'<input type="checkbox" name="residents_of"[^>]*>', response.content.decode()
    )
    assert f'value="{world.a.seat_gmina.code}"' in checkbox[0]
    assert " checked" in checkbox[0]


def _bad_inputs(world):
    """(field, typed value, the message next to the field) for each kind of field."""
    b_code = world.b.seat_gmina.code
    unknown_term = str(uuid.uuid4())
    return [
        ("name", "", required()),
        (
            "name",
            "x" * 201,
            validators.MaxLengthValidator.message % {"limit_value": 200, "show_value": 201},
        ),
        ("summary", "", required()),
        ("min_age", "sześćdziesiąt", str(forms.IntegerField.default_error_messages["invalid"])),
        ("min_age", "-1", validators.MinValueValidator.message % {"limit_value": 0}),
        ("capacity", "2.5", str(forms.IntegerField.default_error_messages["invalid"])),
        (
            "market_value",
            "80.125",
            validators.DecimalValidator.messages["max_decimal_places"] % {"max": 2},
        ),
        ("market_value", "80 zł", str(forms.DecimalField.default_error_messages["invalid"])),
        ("resident_price", "", required()),
        (
            "fee_kind",
            "gratis",
            forms.ChoiceField.default_error_messages["invalid_choice"] % {"value": "gratis"},
        ),
        ("access_mode", "", required()),
        (
            "capacity_period",
            "daily",
            forms.ChoiceField.default_error_messages["invalid_choice"] % {"value": "daily"},
        ),
        (
            "documents",
            ["passport"],
            forms.MultipleChoiceField.default_error_messages["invalid_choice"]
            % {"value": "passport"},
        ),
        (
            "areas",
            [unknown_term],
            forms.ModelMultipleChoiceField.default_error_messages["invalid_choice"]
            % {"value": unknown_term},
        ),
        (
            "needs",
            ["not-a-uuid"],
            forms.ModelMultipleChoiceField.default_error_messages["invalid_pk_value"]
            % {"pk": "not-a-uuid"},
        ),
        (
            "residents_of",
            [b_code],
            forms.ModelMultipleChoiceField.default_error_messages["invalid_choice"]
            % {"value": b_code},
        ),
        ("email", "anna@", str(validators.EmailValidator.message)),
        ("website", "strona cus", str(forms.URLField.default_error_messages["invalid"])),
    ]


BAD_INPUT_IDS = [
    "name-empty",
    "name-too-long",
    "summary-empty",
    "age-not-a-number",
    "age-negative",
    "capacity-not-whole",
    "value-three-decimals",
    "value-letters",
    "price-empty",
    "fee-kind-unknown",
    "access-mode-empty",
    "period-unknown",
    "document-unknown",
    "area-unknown",
    "need-not-an-id",
    "gmina-of-another-centre",
    "email",
    "url",
]


@pytest.mark.parametrize("case", range(len(BAD_INPUT_IDS)), ids=BAD_INPUT_IDS)
def test_a_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(world, client_for, case):
    field, value, message = _bad_inputs(world)[case]
    typed_name = "Wypożyczalnia w Alfie" if field != "name" else value
    before = Service.objects.count()
    response = client_for(world.ous).post(
        url(world, "service_create"),
        form_data(world.a, **{"name": typed_name, field: value}),
        headers=ENGLISH,
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {field: [message]}
    assertContains(response, f'id="id_{field}_error"><li>{escape(message)}</li>')
    assert Service.objects.count() == before
    # What was typed is still there, the bad value included.
    assert form[field].value() == value
    if typed_name:
        assertContains(response, f'value="{escape(typed_name)}"')
    assertContains(response, "Zadzwoń do CUS.</textarea>")


SERVICE_RULES = [
    ("fee", {"resident_price": "90.00"}, "resident_price", services.MSG_COFINANCED_PRICE),
    ("free", {"fee_kind": "free"}, "resident_price", services.MSG_FREE_PRICE),
    (
        "paid-zero",
        {"fee_kind": "paid", "market_value": "0", "resident_price": "0"},
        "market_value",
        services.MSG_PAID_VALUE,
    ),
    ("ages", {"min_age": "70", "max_age": "60"}, "max_age", services.MSG_AGE_RANGE),
    ("delivery", {"at_home": None}, "at_home", services.MSG_NO_DELIVERY),
    ("capacity", {"capacity": "30"}, "capacity_period", services.MSG_CAPACITY_PERIOD),
    ("areas", {"areas": []}, "areas", services.MSG_NEED_AREA),
    ("groups", {"target_groups": []}, "target_groups", services.MSG_NEED_GROUP),
    ("residents", {"residents_of": []}, "residents_of", services.MSG_NEED_RESIDENTS),
]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [r[1:] for r in SERVICE_RULES],
    ids=[r[0] for r in SERVICE_RULES],
)
def test_a_broken_service_rule_is_shown_next_to_its_field(
    world, client_for, overrides, field, message
):
    response = client_for(world.ous).post(
        url(world, "service_create"), form_data(world.a, **overrides), headers=ENGLISH
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {field: [str(message)]}
    assertContains(response, f'id="id_{field}_error"><li>{escape(str(message))}</li>')
    assert not Service.objects.exists()
    assertContains(response, 'value="Wypożyczalnia sprzętu"')
    for name, value in overrides.items():
        if value is not None:
            assert form[name].value() == value


def test_editing_a_service_saves_it(world, client_for, make_service):
    service = make_service(world.a, name="Dowóz posiłków")
    response = client_for(world.ous).post(
        url(world, "service_edit", service_id=service.pk),
        form_data(
            world.a, name="Dowóz obiadów", unit="meal", market_value="28", resident_price="14"
        ),
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "service_detail", service_id=service.pk))
    service.refresh_from_db()
    assert (service.name, str(service.resident_price)) == ("Dowóz obiadów", "14.00")


def test_editing_a_service_with_a_broken_rule_keeps_it_as_it_was(world, client_for, make_service):
    service = make_service(world.a, name="Dowóz posiłków")
    response = client_for(world.ous).post(
        url(world, "service_edit", service_id=service.pk),
        form_data(world.a, name="Dowóz obiadów", min_age="70", max_age="65"),
        headers=ENGLISH,
    )
    assert response.context["form"].errors == {"max_age": [str(services.MSG_AGE_RANGE)]}
    service.refresh_from_db()
    assert service.name == "Dowóz posiłków"


def test_the_edit_form_shows_the_saved_values(world, client_for, make_service):
    service = make_service(world.a, documents=["id_document"])
    response = client_for(world.ous).get(
        url(world, "service_edit", service_id=service.pk), headers=ENGLISH
    )
    form = response.context["form"]
    assert form.initial["documents"] == ["id_document"]
    assert [t.code for t in form.initial["areas"]] == ["social_assistance"]
    assertContains(response, 'value="Dowóz posiłków"')


# --- the duplicates warning -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["Dowóz posiłków", "Dowoz posilkow", "dowóz POSIŁKÓW"])
def test_a_similar_name_is_shown_and_not_saved_until_confirmed(
    world, client_for, make_service, name
):
    existing = make_service(world.a, name="Dowóz posiłków")
    client = client_for(world.ous)
    response = client.post(
        url(world, "service_create"), form_data(world.a, name=name), headers=ENGLISH
    )
    assert response.status_code == 200
    assert response.context["form"].similar == [existing]
    assert list(response.context["form"].errors) == ["confirm_duplicate"]
    assertContains(response, url(world, "service_detail", service_id=existing.pk))
    assertContains(response, 'name="confirm_duplicate"')
    assert Service.objects.count() == 1

    response = client.post(
        url(world, "service_create"),
        form_data(world.a, name=name, confirm_duplicate="on"),
        headers=ENGLISH,
    )
    assert response.status_code == 302
    assert Service.objects.count() == 2


def test_a_different_name_gets_no_duplicates_warning(world, client_for, make_service):
    make_service(world.a, name="Dowóz posiłków")
    response = client_for(world.ous).post(
        url(world, "service_create"), form_data(world.a, name="Klub seniora"), headers=ENGLISH
    )
    assert response.status_code == 302


def test_another_centres_service_is_not_a_duplicate(world, client_for, make_service):
    make_service(world.b, name="Wypożyczalnia sprzętu")
    response = client_for(world.ous).post(
        url(world, "service_create"), form_data(world.a), headers=ENGLISH
    )
    assert response.status_code == 302


def test_a_service_is_not_a_duplicate_of_itself(world, client_for, make_service):
    service = make_service(world.a, name="Wypożyczalnia sprzętu")
    response = client_for(world.ous).post(
        url(world, "service_edit", service_id=service.pk), form_data(world.a), headers=ENGLISH
    )
    assert response.status_code == 302


# --- status -----------------------------------------------------------------------------------


def test_publish_and_suspend_through_the_confirmation(world, client, client_for, make_service):
    service = make_service(world.a, name="Dowóz posiłków")
    staff = client_for(world.ous)
    status_url = url(world, "service_status", service_id=service.pk)
    portal_page = reverse("portal:service", kwargs={"service_id": service.pk})

    response = staff.get(status_url, {"status": "published"}, headers=ENGLISH)
    assert response.status_code == 200
    assert response.context["target"] == ServiceStatus.PUBLISHED
    assertContains(response, 'name="status" value="published"')
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT  # a GET only asks

    response = staff.post(status_url, {"status": "published", "note": "Uchwała"}, headers=ENGLISH)
    assertRedirects(response, url(world, "service_detail", service_id=service.pk))
    service.refresh_from_db()
    assert service.status == ServiceStatus.PUBLISHED
    assert service.status_changes.last().note == "Uchwała"
    client.logout()
    assertContains(client.get(reverse("portal:search"), headers=ENGLISH), "Dowóz posiłków")
    assert client.get(portal_page).status_code == 200

    staff = client_for(world.ous)
    staff.post(status_url, {"status": "suspended"}, headers=ENGLISH)
    service.refresh_from_db()
    assert service.status == ServiceStatus.SUSPENDED
    client.logout()
    assertNotContains(client.get(reverse("portal:search"), headers=ENGLISH), "Dowóz posiłków")
    assert client.get(portal_page).status_code == 404


def test_the_success_message_names_the_new_status(world, client_for, make_service):
    service = make_service(world.a)
    response = client_for(world.ous).post(
        url(world, "service_status", service_id=service.pk),
        {"status": "published"},
        follow=True,
        headers=ENGLISH,
    )
    assert [str(m) for m in response.context["messages"]] == ["The service is now: published."]


def test_a_refused_status_change_is_explained(world, client_for, make_service):
    service = make_service(world.a)
    response = client_for(world.ous).post(
        url(world, "service_status", service_id=service.pk),
        {"status": "suspended"},
        follow=True,
        headers=ENGLISH,
    )
    message = services.MSG_STATUS_NOT_ALLOWED % {
        "current": ServiceStatus.DRAFT.label,
        "new": ServiceStatus.SUSPENDED.label,
    }
    assert [str(m) for m in response.context["messages"]] == [message]
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT


def test_publishing_without_a_place_is_explained(world, client_for, make_service):
    service = make_service(world.a, at_home=False, at_location=True)
    client = client_for(world.ous)
    detail = client.get(url(world, "service_detail", service_id=service.pk), headers=ENGLISH)
    assertContains(detail, escape(str(services.MSG_PUBLISH_NO_LOCATION)))
    response = client.post(
        url(world, "service_status", service_id=service.pk),
        {"status": "published"},
        follow=True,
        headers=ENGLISH,
    )
    assert [str(m) for m in response.context["messages"]] == [str(services.MSG_PUBLISH_NO_LOCATION)]
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT


@pytest.mark.parametrize("query", [{}, {"status": "deleted"}], ids=["none", "unknown"])
def test_a_status_page_without_a_valid_status_goes_back_to_the_service(
    world, client_for, make_service, query
):
    service = make_service(world.a)
    response = client_for(world.ous).get(
        url(world, "service_status", service_id=service.pk), query, headers=ENGLISH
    )
    assertRedirects(response, url(world, "service_detail", service_id=service.pk))


def test_the_detail_offers_only_the_allowed_next_statuses(world, client_for, make_service):
    service = make_service(world.a, publish=True)
    response = client_for(world.ous).get(
        url(world, "service_detail", service_id=service.pk), headers=ENGLISH
    )
    assert set(response.context["next_statuses"]) == {
        ServiceStatus.SUSPENDED,
        ServiceStatus.ARCHIVED,
    }
    assertContains(response, "?status=suspended")
    assertNotContains(response, "?status=draft")


# --- places and hours -----------------------------------------------------------------------


def _location(centre, name="Dzienny Dom Senior+"):
    return services.location_save(
        centre=centre,
        by=None,
        name=name,
        street="ul. Parkowa 3",
        postal_code="66-200",
        city="Świebodzin",
        gmina=centre.seat_gmina,
    )


def test_a_manager_adds_a_place_and_hours(world, client_for, make_service):
    service = make_service(world.a)
    location = _location(world.a)
    client = client_for(world.ous)
    response = client.post(
        url(world, "service_location_add", service_id=service.pk),
        {"location": location.pk, "description": "wejście od podwórza"},
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "service_detail", service_id=service.pk))
    link = ServiceLocation.objects.get()
    assert (link.service, link.location, link.description) == (
        service,
        location,
        "wejście od podwórza",
    )
    response = client.post(
        url(world, "schedule_add", service_id=service.pk),
        {"weekday": "WE", "opens_at": "09:00", "closes_at": "13:30", "service_location": link.pk},
        follow=True,
        headers=ENGLISH,
    )
    schedule = Schedule.objects.get()
    assert (schedule.weekday, schedule.service_location) == ("WE", link)
    assertContains(response, "Wednesday 09:00–13:30")
    assertContains(response, "Dzienny Dom Senior+")


def test_another_centres_location_cannot_be_added(world, client_for, make_service):
    service = make_service(world.a)
    response = client_for(world.ous).post(
        url(world, "service_location_add", service_id=service.pk),
        {"location": _location(world.b).pk},
        follow=True,
        headers=ENGLISH,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Choose one of the centre's locations."
    ]
    assert not ServiceLocation.objects.exists()


def test_hours_that_close_before_they_open_are_explained(world, client_for, make_service):
    service = make_service(world.a)
    response = client_for(world.ous).post(
        url(world, "schedule_add", service_id=service.pk),
        {"weekday": "MO", "opens_at": "15:00", "closes_at": "08:00"},
        follow=True,
        headers=ENGLISH,
    )
    assert [str(m) for m in response.context["messages"]] == [str(services.MSG_SCHEDULE_ORDER)]
    assert not Schedule.objects.exists()


def test_hours_with_a_bad_time_are_explained(world, client_for, make_service):
    service = make_service(world.a)
    response = client_for(world.ous).post(
        url(world, "schedule_add", service_id=service.pk),
        {"weekday": "MO", "opens_at": "25:00", "closes_at": "08:00"},
        follow=True,
        headers=ENGLISH,
    )
    assert [str(m) for m in response.context["messages"]] == [
        str(forms.TimeField.default_error_messages["invalid"])
    ]
    assert not Schedule.objects.exists()


def test_hours_at_a_place_of_another_service_are_refused(world, client_for, make_service):
    service = make_service(world.a)
    other = make_service(world.a, name="Klub seniora")
    link = services.service_location_add(service=other, location=_location(world.a), by=None)
    response = client_for(world.ous).post(
        url(world, "schedule_add", service_id=service.pk),
        {"weekday": "MO", "opens_at": "08:00", "closes_at": "15:00", "service_location": link.pk},
        follow=True,
        headers=ENGLISH,
    )
    assert len(response.context["messages"]) == 1
    assert not Schedule.objects.exists()


@pytest.mark.parametrize("name", ["service_location_add", "schedule_add"])
def test_a_get_on_a_post_only_action_goes_back_to_the_service(
    world, client_for, make_service, name
):
    service = make_service(world.a)
    response = client_for(world.ous).get(url(world, name, service_id=service.pk))
    assertRedirects(response, url(world, "service_detail", service_id=service.pk))


def test_removing_a_place_asks_first(world, client_for, make_service):
    service = make_service(world.a, publish=True, at_location=True)
    link = service.service_locations.get()
    client = client_for(world.ous)
    remove = url(world, "service_location_remove", link_id=link.pk)
    response = client.get(remove, headers=ENGLISH)
    assertContains(response, "Yes, remove")
    assert ServiceLocation.objects.exists()
    response = client.post(remove, headers=ENGLISH)
    assertRedirects(response, url(world, "service_detail", service_id=service.pk))
    assert not ServiceLocation.objects.exists()


def test_removing_hours_asks_first(world, client_for, make_service):
    service = make_service(world.a, publish=True, at_location=True)
    schedule = Schedule.objects.get(service=service)
    client = client_for(world.ous)
    remove = url(world, "schedule_delete", schedule_id=schedule.pk)
    assertContains(client.get(remove, headers=ENGLISH), "Yes, remove")
    assert Schedule.objects.exists()
    response = client.post(remove, headers=ENGLISH)
    assertRedirects(response, url(world, "service_detail", service_id=service.pk))
    assert not Schedule.objects.exists()


# --- locations ------------------------------------------------------------------------------


def _location_form(centre, **overrides):
    data = {
        "name": "Klub Seniora „Pod Lipą”",
        "street": "ul. Lipowa 1",
        "postal_code": "66-200",
        "city": "Świebodzin",
        "gmina": centre.seat_gmina.code,
        "latitude": "",
        "longitude": "",
        "wheelchair_access": "on",
        "accessibility_notes": "",
        "transport_notes": "",
    }
    return data | overrides


def test_a_manager_creates_and_edits_a_location(world, client_for):
    client = client_for(world.ous)
    response = client.post(url(world, "location_create"), _location_form(world.a), headers=ENGLISH)
    assertRedirects(response, url(world, "location_list"))
    location = Location.objects.get()
    assert (location.centre, location.wheelchair_access) == (world.a, True)
    response = client.post(
        url(world, "location_edit", location_id=location.pk),
        _location_form(world.a, city="Lubrza"),
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "location_list"))
    location.refresh_from_db()
    assert location.city == "Lubrza"
    assertContains(client.get(url(world, "location_list"), headers=ENGLISH), "Pod Lipą")


def test_a_location_with_a_bad_postal_code_is_not_saved(world, client_for):
    response = client_for(world.ous).post(
        url(world, "location_create"), _location_form(world.a, postal_code="66200"), headers=ENGLISH
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["postal_code"]
    assertContains(response, 'value="66200"')
    assert not Location.objects.exists()


def test_a_location_in_another_centres_gmina_is_refused(world, client_for):
    response = client_for(world.ous).post(
        url(world, "location_create"),
        _location_form(world.a, gmina=world.b.seat_gmina.code),
        headers=ENGLISH,
    )
    assert list(response.context["form"].errors) == ["gmina"]
    assert not Location.objects.exists()


def test_another_centres_location_is_not_found(world, client_for):
    location = _location(world.b)
    response = client_for(world.ous).get(url(world, "location_edit", location_id=location.pk))
    assert response.status_code == 404


# --- who may do what ------------------------------------------------------------------------


def _manage_requests(world):
    """(method, url, data) of every action that changes the catalogue."""
    ids = catalogue_of(world.a)
    service_id = ids["service_id"]
    return [
        ("get", url(world, "service_create"), {}),
        ("post", url(world, "service_create"), form_data(world.a, name="Zakazana")),
        ("get", url(world, "service_edit", service_id=service_id), {}),
        ("post", url(world, "service_edit", service_id=service_id), form_data(world.a)),
        ("get", url(world, "service_status", service_id=service_id), {"status": "suspended"}),
        ("post", url(world, "service_status", service_id=service_id), {"status": "suspended"}),
        (
            "post",
            url(world, "service_location_add", service_id=service_id),
            {"location": ids["location_id"]},
        ),
        (
            "post",
            url(world, "schedule_add", service_id=service_id),
            {"weekday": "MO", "opens_at": "08:00", "closes_at": "09:00"},
        ),
        ("post", url(world, "service_location_remove", link_id=ids["link_id"]), {}),
        ("post", url(world, "schedule_delete", schedule_id=ids["schedule_id"]), {}),
        ("get", url(world, "service_import"), {}),
        ("post", url(world, "service_import"), {}),
        ("get", url(world, "location_create"), {}),
        ("post", url(world, "location_create"), _location_form(world.a)),
        ("get", url(world, "location_edit", location_id=ids["location_id"]), {}),
    ]


@pytest.mark.parametrize("role", NOT_MANAGERS)
def test_other_roles_may_not_change_the_catalogue(world, client_for, role):
    client = client_for(getattr(world, role))
    for method, address, data in _manage_requests(world):
        response = getattr(client, method)(address, data)
        assert response.status_code == 403, (method, address)
    service = Service.objects.get()
    assert service.status == ServiceStatus.PUBLISHED
    assert (Location.objects.count(), ServiceLocation.objects.count()) == (1, 1)
    assert Schedule.objects.count() == 1


@pytest.mark.parametrize("role", MANAGERS)
def test_managers_may_open_every_form(world, client_for, role):
    client = client_for(getattr(world, role))
    for method, address, data in _manage_requests(world):
        if method == "get":
            assert client.get(address, data).status_code == 200, address


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_every_centre_role_may_read_the_catalogue(world, client_for, role):
    ids = catalogue_of(world.a)
    client = client_for(getattr(world, role))
    for address in (
        url(world, "service_list"),
        url(world, "service_detail", service_id=ids["service_id"]),
        url(world, "location_list"),
        url(world, "service_export") + "?format=csv",
        url(world, "service_export") + "?format=xlsx",
    ):
        assert client.get(address).status_code == 200, address


@pytest.mark.parametrize("role", NOT_MANAGERS)
def test_readers_see_no_buttons_that_would_be_refused(world, client_for, role):
    ids = catalogue_of(world.a)
    client = client_for(getattr(world, role))
    detail = client.get(url(world, "service_detail", service_id=ids["service_id"]))
    assert detail.context["can_manage"] is False
    assertNotContains(detail, url(world, "service_edit", service_id=ids["service_id"]))
    listing = client.get(url(world, "service_list"))
    assertNotContains(listing, url(world, "service_create"))
    assertNotContains(listing, url(world, "service_import"))


def test_another_centres_service_is_not_found(world, client_for):
    ids = catalogue_of(world.b)
    client = client_for(world.director)
    for name in ("service_detail", "service_edit", "service_status"):
        assert client.get(url(world, name, service_id=ids["service_id"])).status_code == 404


# --- the list ------------------------------------------------------------------------------


@pytest.fixture
def listed(world, make_service):
    """Four services of world.a in several statuses and areas, and one of world.b."""
    make_service(world.a, name="Dowóz posiłków", publish=True)
    make_service(
        world.a,
        name="Opieka wytchnieniowa",
        areas=[term(Vocabulary.AREA, "disability")],
        description="Zastępstwo dla opiekuna.",
    )
    make_service(
        world.a,
        name="Klub seniora",
        areas=[term(Vocabulary.AREA, "culture")],
        description="Spotkania.",
        publish=True,
    )
    archived = make_service(world.a, name="Kurs komputerowy", description="Nauka obsługi.")
    services.service_change_status(service=archived, by=None, status="archived")
    make_service(world.b, name="Dowóz posiłków w Becie")


def _names(response):
    return [s.name for s in response.context["page"].object_list]


def test_the_list_shows_the_centres_services_by_name(world, client_for, listed):
    response = client_for(world.kipus).get(url(world, "service_list"), headers=ENGLISH)
    assert _names(response) == [
        "Dowóz posiłków",
        "Klub seniora",
        "Kurs komputerowy",
        "Opieka wytchnieniowa",
    ]
    assertNotContains(response, "w Becie")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "dowoz"}, ["Dowóz posiłków"]),
        ({"status": "published"}, ["Dowóz posiłków", "Klub seniora"]),
        ({"status": "archived"}, ["Kurs komputerowy"]),
        ({"area": "disability"}, ["Opieka wytchnieniowa"]),
        ({"area": "social_assistance", "status": "draft"}, []),
        ({"q": "klub", "status": "published", "area": "culture"}, ["Klub seniora"]),
        (
            {"status": "nonsense"},
            ["Dowóz posiłków", "Klub seniora", "Kurs komputerowy", "Opieka wytchnieniowa"],
        ),
    ],
    ids=["q", "status", "archived", "area", "none", "all-three", "bad-status-ignored"],
)
def test_the_list_filters(world, client_for, listed, query, expected):
    response = client_for(world.kipus).get(url(world, "service_list"), query, headers=ENGLISH)
    assert response.status_code == 200
    assert _names(response) == expected


def test_an_htmx_request_gets_only_the_table(world, client_for, listed):
    response = client_for(world.kipus).get(
        url(world, "service_list"), {"status": "published"}, headers=HTMX
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="service-table"')
    assert "<html" not in content
    assert "Klub seniora" in content
    assert "Opieka wytchnieniowa" not in content
    assert "HX-Request" in response["Vary"]


def test_an_empty_filter_result_says_so(world, client_for, listed):
    response = client_for(world.kipus).get(
        url(world, "service_list"), {"q": "xyzzyq"}, headers=ENGLISH
    )
    assertContains(response, "No service matches these filters.")


def _catalogue(world, make_service, size):
    """``size`` services of world.a (every third at a place with hours), and one of world.b."""
    for i in range(size):
        make_service(
            world.a,
            name=f"Usługa {i:02d}",
            publish=i % 2 == 0,
            at_location=i % 3 == 0,
            documents=["id_document"],
        )
    make_service(world.b, name="Usługa Bety")


@pytest.mark.parametrize("size", [5, 40])
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_the_list_queries_are_bounded(
    world, client_for, make_service, django_assert_max_num_queries, size, htmx
):
    _catalogue(world, make_service, size)
    client = client_for(world.ous)
    headers = HTMX if htmx else ENGLISH
    with django_assert_max_num_queries(MAX_QUERIES_SERVICE_LIST):
        response = client.get(url(world, "service_list"), headers=headers)
    assert len(_names(response)) == min(size, 25)
    with django_assert_max_num_queries(MAX_QUERIES_SERVICE_LIST):
        response = client.get(url(world, "service_list"), {"q": "usługa"}, headers=headers)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 40])
def test_the_detail_queries_are_bounded(
    world, client_for, make_service, django_assert_max_num_queries, size
):
    _catalogue(world, make_service, size)
    service = Service.objects.get(name="Usługa 00")
    location = _location(world.a, name="Drugie miejsce")
    link = services.service_location_add(service=service, location=location, by=None)
    for day in ["MO", "TU", "WE", "TH", "FR"][: 1 + size // 10]:
        services.schedule_add(
            service=service,
            by=None,
            weekday=day,
            opens_at=dt.time(8),
            closes_at=dt.time(12),
            service_location=link,
        )
    client = client_for(world.ous)
    with django_assert_max_num_queries(MAX_QUERIES_SERVICE_DETAIL):
        response = client.get(url(world, "service_detail", service_id=service.pk), headers=ENGLISH)
    assert response.status_code == 200
