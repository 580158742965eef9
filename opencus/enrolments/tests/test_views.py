"""The pages of services given: the centre's, the provider's, exports, access log and queries."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.audit.models import AccessLogEntry, AccessPurpose
from opencus.enrolments import services
from opencus.enrolments.models import Delivery, Enrolment
from opencus.enrolments.tests.conftest import days, last_month, person
from opencus.people.models import Person

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
VIEWERS = ["front_desk", "ous", "kipus", "director"]
MANAGERS = ["ous", "kipus", "director"]

MAX_QUERIES_LIST = 12
MAX_QUERIES_DETAIL = 16
MAX_QUERIES_PROVIDER_LIST = 12
MAX_QUERIES_FEE_LIST = 14


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def c(world, name, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": world.a.slug, **kwargs})


def o(organisation, name, **kwargs):
    return reverse(
        f"organisation:{name}", kwargs={"organisation_slug": organisation.slug, **kwargs}
    )


def on(day: int) -> dt.date:
    return last_month().replace(day=day)


@pytest.fixture
def other_provider(world):
    """Staff of another provider organisation (``world.other_organisation``)."""
    return MembershipFactory(
        organisation=world.other_organisation, centre=None, role=Role.PROVIDER_STAFF
    ).user


@pytest.fixture
def partner(world, enrol, partner_meals):
    """Halina's meals delivered by ``world.organisation``, with one meal last month."""
    enrolment = enrol(service=partner_meals)
    services.delivery_record(enrolment=enrolment, by=world.provider, delivered_on=on(2), units=1)
    return enrolment


def logged(user, **filters):
    return AccessLogEntry.objects.filter(actor=user, **filters)


# --- the centre's list -----------------------------------------------------------------------


@pytest.mark.parametrize("role", VIEWERS)
def test_centre_staff_who_may_see_the_list(world, client_for, enrol, role):
    enrol()
    response = client_for(getattr(world, role)).get(c(world, "enrolment_list"), headers=ENGLISH)
    assertContains(response, "Nowak Halina")


def test_the_osl_may_not_see_the_list(world, client_for):
    assert client_for(world.osl).get(c(world, "enrolment_list")).status_code == 403


def test_the_list_is_in_the_navigation(world, client_for):
    response = client_for(world.front_desk).get(c(world, "dashboard"), headers=ENGLISH)
    assertContains(response, f'href="{c(world, "enrolment_list")}"')


def test_an_empty_list_says_so(world, client_for):
    response = client_for(world.kipus).get(c(world, "enrolment_list"), headers=ENGLISH)
    assertContains(response, "No service has been given yet.")


def test_the_list_searches_and_filters(world, client_for, enrol, partner_meals):
    enrol()
    jan = person(world.a, "Jan", "Kowal")
    enrol(person=jan, service=partner_meals)
    client = client_for(world.kipus)
    response = client.get(c(world, "enrolment_list"), {"q": "kowal"}, headers=ENGLISH)
    assertContains(response, "Kowal Jan")
    assertNotContains(response, "Nowak Halina")
    enrol(person=person(world.a, "Łucja", "Wójcik"), service=partner_meals)
    response = client.get(c(world, "enrolment_list"), {"q": "WOJCIK"}, headers=ENGLISH)
    assertContains(response, "Wójcik Łucja")  # found without Polish letters
    assertNotContains(response, "Kowal Jan")
    response = client.get(
        c(world, "enrolment_list"), {"provider": str(world.organisation.pk)}, headers=ENGLISH
    )
    assertContains(response, "Kowal Jan")
    assertNotContains(response, "Nowak Halina")
    response = client.get(c(world, "enrolment_list"), {"status": "ended"}, headers=ENGLISH)
    assertContains(response, "No service given matches these filters.")


def test_a_bad_filter_keeps_the_others(world, client_for, enrol):
    enrol()
    response = client_for(world.kipus).get(
        c(world, "enrolment_list"), {"q": "halina", "service": "nonsense"}, headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, "Nowak Halina")
    assertContains(response, "Select a valid choice")


def test_an_htmx_request_gets_only_the_table(world, client_for, enrol):
    enrol()
    response = client_for(world.kipus).get(c(world, "enrolment_list"), {"q": "x"}, headers=HTMX)
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="enrolment-table"')
    assert "<html" not in content


def test_a_search_is_in_the_access_log_and_a_plain_list_is_not(world, client_for, enrol):
    enrol()
    client = client_for(world.kipus)
    client.get(c(world, "enrolment_list"))
    assert not logged(world.kipus).exists()
    client.get(c(world, "enrolment_list"), {"q": "nowak"})
    entry = logged(world.kipus).get()
    assert (entry.centre, entry.purpose) == (world.a, AccessPurpose.CASE_HANDLING)


def test_the_list_paginates(world, client_for, enrol, settings):
    settings.PAGE_SIZE = 2
    for i in range(3):
        enrol(person=person(world.a, "Osoba", f"Numer{i}"))
    client = client_for(world.kipus)
    assertContains(client.get(c(world, "enrolment_list"), headers=ENGLISH), "Page 1 of 2")
    response = client.get(c(world, "enrolment_list"), {"page": "x9"}, headers=ENGLISH)
    assert response.status_code == 200


def test_the_csv_export_has_the_filtered_list_and_is_logged(
    world, client_for, enrol, partner_meals
):
    enrol()
    enrol(person=person(world.a, "Jan", "Kowal"), service=partner_meals)
    response = client_for(world.director).get(
        c(world, "enrolment_list_csv"), {"q": "nowak"}, headers=ENGLISH
    )
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = content.strip().splitlines()
    assert lines[0].startswith("Last name;First name;Birth date;Service;Provider")
    assert len(lines) == 2
    assert lines[1].startswith("Nowak;Halina;1944-03-02;Dowóz posiłków;the centre itself;5.00")
    assert logged(world.director, purpose=AccessPurpose.EXPORT).count() == 1


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize("htmx", [False, True])
def test_the_list_queries_are_bounded(
    world, client_for, enrol, meals, partner_meals, django_assert_max_num_queries, size, htmx
):
    for i in range(size):
        enrol(
            person=person(world.a, "Osoba", f"Numer{i}"),
            service=partner_meals if i % 2 else meals,
        )
    client = client_for(world.ous)
    with django_assert_max_num_queries(MAX_QUERIES_LIST):
        response = client.get(
            c(world, "enrolment_list"), {"q": "osoba"}, headers=HTMX if htmx else ENGLISH
        )
    assert response.status_code == 200


# --- the centre's detail and status changes --------------------------------------------------


def test_the_detail_shows_the_grant_and_is_logged(world, client_for, enrol):
    enrolment = enrol(exemption="partial", exemption_reason="Niski dochód.", fee_per_unit="5.55")
    response = client_for(world.front_desk).get(
        c(world, "enrolment_detail", enrolment_id=enrolment.pk), headers=ENGLISH
    )
    assertContains(response, "5.55 zł")
    assertContains(response, "Niski dochód.")
    assertNotContains(response, "Record a delivery")  # the front desk does not record
    assertNotContains(response, "/suspend/")
    entry = logged(world.front_desk).get()
    assert (entry.subject_id, entry.centre) == (str(enrolment.person.pk), world.a)


def test_a_manager_sees_the_actions_the_status_allows(world, client_for, enrol):
    enrolment = enrol()
    response = client_for(world.kipus).get(
        c(world, "enrolment_detail", enrolment_id=enrolment.pk), headers=ENGLISH
    )
    assertContains(response, c(world, "enrolment_suspend", enrolment_id=enrolment.pk))
    assertContains(response, c(world, "enrolment_end", enrolment_id=enrolment.pk))
    assertNotContains(response, c(world, "enrolment_resume", enrolment_id=enrolment.pk))
    assertContains(response, c(world, "delivery_create", enrolment_id=enrolment.pk))


@pytest.mark.parametrize("deliveries", [1, 30])
def test_the_detail_queries_are_bounded(
    world, client_for, enrol, django_assert_max_num_queries, deliveries
):
    enrolment = enrol()
    for i in range(deliveries):
        services.delivery_record(
            enrolment=enrolment, by=world.kipus, delivered_on=days(-i), units=1
        )
    services.enrolment_suspend(enrolment=enrolment, by=world.kipus, reason="Szpital")
    client = client_for(world.kipus)
    with django_assert_max_num_queries(MAX_QUERIES_DETAIL):
        response = client.get(c(world, "enrolment_detail", enrolment_id=enrolment.pk))
    assert response.status_code == 200


def test_a_status_change_is_confirmed_first(world, client_for, enrol):
    enrolment = enrol()
    url = c(world, "enrolment_suspend", enrolment_id=enrolment.pk)
    client = client_for(world.kipus)
    response = client.get(url, headers=ENGLISH)
    assertContains(response, "Yes, suspend it")
    enrolment.refresh_from_db()
    assert enrolment.status == "active"
    response = client.post(url, {"reason": "Pobyt w szpitalu"}, headers=ENGLISH)
    assertRedirects(response, c(world, "enrolment_detail", enrolment_id=enrolment.pk))
    enrolment.refresh_from_db()
    assert enrolment.status == "suspended"


def test_a_suspension_without_reason_stays_on_the_form(world, client_for, enrol):
    enrolment = enrol()
    response = client_for(world.kipus).post(
        c(world, "enrolment_suspend", enrolment_id=enrolment.pk), {"reason": ""}, headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, "This field is required.")


def test_a_transition_the_status_does_not_allow_shows_why(world, client_for, enrol):
    enrolment = enrol()
    response = client_for(world.kipus).post(
        c(world, "enrolment_resume", enrolment_id=enrolment.pk), {}, headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, "Only a suspended service can be resumed; this one is active.")


def test_ending_through_the_page(world, client_for, enrol):
    enrolment = enrol()
    client = client_for(world.director)
    url = c(world, "enrolment_end", enrolment_id=enrolment.pk)
    response = client.get(url, headers=ENGLISH)
    assertContains(response, f'value="{days(0):%Y-%m-%d}"')
    response = client.post(url, {"end_reason": "other", "ended_on": days(0)}, headers=ENGLISH)
    assertContains(response, "Describe the reason for ending in the note.")
    client.post(
        url, {"end_reason": "moved_out", "ended_on": days(0), "note": "Do córki w Poznaniu."}
    )
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.end_reason) == ("ended", "moved_out")
    client.post(c(world, "enrolment_close", enrolment_id=enrolment.pk), {"reason": ""})
    enrolment.refresh_from_db()
    assert enrolment.status == "closed"


@pytest.mark.parametrize("action", ["start", "suspend", "resume", "end", "close"])
def test_the_front_desk_may_not_change_the_status(world, client_for, enrol, action):
    enrolment = enrol()
    url = c(world, f"enrolment_{action}", enrolment_id=enrolment.pk)
    assert client_for(world.front_desk).post(url, {"reason": "x"}).status_code == 403


# --- deliveries at the centre ----------------------------------------------------------------


def delivery_data(**overrides):
    data = {
        "delivered_on": days(0).isoformat(),
        "status": "delivered",
        "units": "1",
        "duration_minutes": "",
        "where": "at_home",
        "missed_reason": "",
        "note": "",
    }
    data.update(overrides)
    return data


def test_the_ous_records_a_delivery(world, client_for, enrol):
    enrolment = enrol()
    client = client_for(world.ous)
    url = c(world, "delivery_create", enrolment_id=enrolment.pk)
    assertContains(client.get(url, headers=ENGLISH), "Units delivered (meal)")
    response = client.post(url, delivery_data(duration_minutes="20"))
    assertRedirects(response, c(world, "enrolment_detail", enrolment_id=enrolment.pk))
    delivery = Delivery.objects.get()
    assert (delivery.by, delivery.units, delivery.duration_minutes) == (
        world.ous,
        Decimal("1.00"),
        20,
    )


def test_a_bad_delivery_keeps_what_was_typed(world, client_for, enrol):
    enrolment = enrol()
    response = client_for(world.kipus).post(
        c(world, "delivery_create", enrolment_id=enrolment.pk),
        delivery_data(delivered_on=days(3).isoformat(), note="Przywiezione"),
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assertContains(response, "A delivery cannot be recorded for a day that has not come yet.")
    assertContains(response, "Przywiezione")
    assert not Delivery.objects.exists()


def test_a_missed_visit_through_the_form(world, client_for, enrol):
    enrolment = enrol()
    client = client_for(world.kipus)
    url = c(world, "delivery_create", enrolment_id=enrolment.pk)
    response = client.post(url, delivery_data(status="missed", units=""), headers=ENGLISH)
    assertContains(response, "Say why the visit was missed.")
    client.post(url, delivery_data(status="missed", units="", missed_reason="person_absent"))
    assert Delivery.objects.get().units == 0


@pytest.mark.parametrize("bad", [{"units": "abc"}, {"delivered_on": "wczoraj"}, {"where": "x"}])
def test_nonsense_in_the_form_is_never_a_500(world, client_for, enrol, bad):
    enrolment = enrol()
    response = client_for(world.kipus).post(
        c(world, "delivery_create", enrolment_id=enrolment.pk), delivery_data(**bad)
    )
    assert response.status_code == 200
    assert not Delivery.objects.exists()


def test_the_form_of_a_suspended_service_says_why_there_is_none(world, client_for, enrol):
    enrolment = enrol()
    services.enrolment_suspend(enrolment=enrolment, by=world.kipus, reason="Szpital")
    response = client_for(world.kipus).get(
        c(world, "delivery_create", enrolment_id=enrolment.pk), headers=ENGLISH
    )
    assertContains(response, "deliveries are recorded only while it is active")
    assertNotContains(response, 'name="units"')


@pytest.mark.parametrize("role", ["front_desk", "osl"])
def test_who_may_not_record_deliveries(world, client_for, enrol, role):
    enrolment = enrol()
    url = c(world, "delivery_create", enrolment_id=enrolment.pk)
    assert client_for(getattr(world, role)).post(url, delivery_data()).status_code == 403
    assert not Delivery.objects.exists()


def test_a_correction_shows_the_history(world, client_for, enrol):
    enrolment = enrol()
    delivery = services.delivery_record(
        enrolment=enrolment, by=world.provider, delivered_on=days(-1), units=1
    )
    client = client_for(world.kipus)
    url = c(world, "delivery_edit", delivery_id=delivery.pk)
    response = client.get(url, headers=ENGLISH)
    assertContains(response, f'value="{days(-1):%Y-%m-%d}"')
    response = client.post(url, delivery_data(delivered_on=days(-1).isoformat(), units="2"))
    assertRedirects(response, c(world, "enrolment_detail", enrolment_id=enrolment.pk))
    delivery.refresh_from_db()
    assert delivery.units == Decimal("2.00")
    response = client.get(url, headers=ENGLISH)
    assertContains(response, "History of this delivery")
    assertContains(response, "1.00 → 2.00")


def test_a_delete_is_confirmed_first(world, client_for, enrol):
    enrolment = enrol()
    delivery = services.delivery_record(
        enrolment=enrolment, by=world.kipus, delivered_on=days(0), units=1
    )
    client = client_for(world.kipus)
    url = c(world, "delivery_delete", delivery_id=delivery.pk)
    assertContains(client.get(url, headers=ENGLISH), "Yes, delete it")
    assert Delivery.objects.exists()
    assertRedirects(client.post(url), c(world, "enrolment_detail", enrolment_id=enrolment.pk))
    assert not Delivery.objects.exists()


def test_a_delete_refused_for_a_closed_service_is_explained(world, client_for, enrol):
    enrolment = enrol()
    delivery = services.delivery_record(
        enrolment=enrolment, by=world.kipus, delivered_on=days(0), units=1
    )
    services.enrolment_end(enrolment=enrolment, by=world.kipus, end_reason="resignation")
    services.enrolment_close(enrolment=enrolment, by=world.kipus)
    response = client_for(world.kipus).post(
        c(world, "delivery_delete", delivery_id=delivery.pk), follow=True, headers=ENGLISH
    )
    assertContains(response, "its deliveries can no longer change")
    assert Delivery.objects.exists()


# --- the provider ----------------------------------------------------------------------------


def test_the_provider_sees_only_its_own_services(world, client_for, enrol, partner):
    enrol(person=person(world.a, "Jan", "Własny"))  # the centre's own
    response = client_for(world.provider).get(
        o(world.organisation, "enrolment_list"), headers=ENGLISH
    )
    assertContains(response, "Nowak Halina")
    assertNotContains(response, "Własny")


def test_the_provider_list_is_in_its_navigation(world, client_for):
    response = client_for(world.provider).get(o(world.organisation, "dashboard"), headers=ENGLISH)
    assertContains(response, f'href="{o(world.organisation, "enrolment_list")}"')


def test_the_provider_sees_the_minimum_to_deliver(world, client_for, enrol, partner):
    Person.objects.filter(pk=partner.person_id).update(pesel="44030202461", email="h@example.org")
    Enrolment.objects.filter(pk=partner.pk).update(note="Notatka wewnętrzna CUS")
    response = client_for(world.provider).get(
        o(world.organisation, "enrolment_detail", enrolment_id=partner.pk), headers=ENGLISH
    )
    assertContains(response, "ul. Lipowa 7, 66-200 Alfowo")
    assertContains(response, "+48 600 100 200")
    for hidden in ("44030202461", "h@example.org", "Notatka wewnętrzna", "12.00 zł", "1944"):
        assertNotContains(response, hidden)
    entry = logged(world.provider).get()
    assert (entry.centre, entry.subject_id) == (world.a, str(partner.person_id))
    assert world.organisation.name in entry.fields


def test_the_provider_records_and_corrects_a_delivery(world, client_for, partner):
    client = client_for(world.provider)
    url = o(world.organisation, "delivery_create", enrolment_id=partner.pk)
    response = client.post(url, delivery_data(note="Dieta cukrzycowa"))
    assertRedirects(response, o(world.organisation, "enrolment_detail", enrolment_id=partner.pk))
    delivery = Delivery.objects.get(note="Dieta cukrzycowa")
    assert delivery.by == world.provider
    edit = o(world.organisation, "delivery_edit", delivery_id=delivery.pk)
    client.post(edit, delivery_data(units="2", note="Dieta cukrzycowa"))
    delivery.refresh_from_db()
    assert delivery.units == Decimal("2.00")
    client.post(o(world.organisation, "delivery_delete", delivery_id=delivery.pk))
    assert not Delivery.objects.filter(pk=delivery.pk).exists()


def test_another_provider_gets_404_on_every_url(world, client_for, partner, other_provider):
    delivery = partner.deliveries.get()
    client = client_for(other_provider)
    own = world.other_organisation
    for name, kwargs in [
        ("enrolment_detail", {"enrolment_id": partner.pk}),
        ("delivery_create", {"enrolment_id": partner.pk}),
        ("delivery_edit", {"delivery_id": delivery.pk}),
        ("delivery_delete", {"delivery_id": delivery.pk}),
    ]:
        for method in ("get", "post"):
            # in their own organisation's address: the object is not theirs
            url = o(own, name, **kwargs)
            assert getattr(client, method)(url).status_code == 404, url
            # in the other organisation's address: not their context
            url = o(world.organisation, name, **kwargs)
            assert getattr(client, method)(url).status_code == 404, url
    assert client.get(o(world.organisation, "enrolment_list")).status_code == 404
    response = client.get(o(own, "enrolment_list"), headers=ENGLISH)
    assertContains(response, "No centre has entrusted a service to your organisation yet.")
    assert partner.deliveries.count() == 1


def test_the_provider_cannot_reach_the_centres_own_services(world, client_for, enrol):
    own = enrol()
    client = client_for(world.provider)
    assert (
        client.get(o(world.organisation, "enrolment_detail", enrolment_id=own.pk)).status_code
        == 404
    )
    assert client.get(c(world, "enrolment_detail", enrolment_id=own.pk)).status_code == 404


def test_a_provider_search_is_logged_for_the_centre(world, client_for, partner):
    client_for(world.provider).get(o(world.organisation, "enrolment_list"), {"q": "nowak"})
    entry = logged(world.provider).get()
    assert entry.centre == world.a


@pytest.mark.parametrize("size", [2, 20])
def test_the_provider_list_queries_are_bounded(
    world, client_for, enrol, partner_meals, django_assert_max_num_queries, size
):
    for i in range(size):
        enrol(person=person(world.a, "Osoba", f"Numer{i}"), service=partner_meals)
    client = client_for(world.provider)
    with django_assert_max_num_queries(MAX_QUERIES_PROVIDER_LIST):
        response = client.get(o(world.organisation, "enrolment_list"), {"q": "osoba"})
    assert response.status_code == 200


# --- statement and fee list ------------------------------------------------------------------


@pytest.fixture
def month_of_meals(world, enrol):
    enrolment = enrol()
    for day in (3, 4, 5):
        services.delivery_record(enrolment=enrolment, by=world.kipus, delivered_on=on(day), units=1)
    services.delivery_record(enrolment=enrolment, by=world.kipus, delivered_on=on(6), units="0.5")
    services.delivery_record(
        enrolment=enrolment,
        by=world.kipus,
        delivered_on=on(7),
        status="missed",
        missed_reason="person_in_hospital",
    )
    return enrolment


def test_the_statement_shows_the_month_and_is_logged(world, client_for, month_of_meals):
    url = c(world, "enrolment_statement", enrolment_id=month_of_meals.pk)
    response = client_for(world.front_desk).get(
        url, {"month": f"{last_month():%Y-%m}"}, headers=ENGLISH
    )
    for figure in ("3.50", "98.00 zł", "42.00 zł", "56.00 zł", "the person is in hospital"):
        assertContains(response, figure)
    entry = logged(world.front_desk).get()
    assert entry.subject_id == str(month_of_meals.person_id)


def test_the_statement_of_a_bad_month_shows_this_month(world, client_for, month_of_meals):
    response = client_for(world.kipus).get(
        c(world, "enrolment_statement", enrolment_id=month_of_meals.pk),
        {"month": "2025-13"},
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assertContains(response, "That is not a month: the current month is shown.")
    assertContains(response, f"Monthly statement {days(0):%Y-%m}")


def test_the_statement_csv(world, client_for, month_of_meals):
    response = client_for(world.kipus).get(
        c(world, "enrolment_statement_csv", enrolment_id=month_of_meals.pk),
        {"month": f"{last_month():%Y-%m}"},
        headers=ENGLISH,
    )
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert content.count("\r\n" + on(3).isoformat()) == 1
    assert "Person's fee (PLN);42.00" in content
    assert "Missed visits;1" in content
    assert logged(world.kipus, purpose=AccessPurpose.EXPORT).count() == 1


def test_the_fee_list_page(world, client_for, month_of_meals):
    response = client_for(world.director).get(
        c(world, "fee_list"), {"month": f"{last_month():%Y-%m}"}, headers=ENGLISH
    )
    assertContains(response, "Nowak Halina")
    assertContains(response, "1 service with a fee, 42.00 zł in all")
    assert logged(world.director).count() == 1


def test_the_fee_list_of_an_empty_month(world, client_for, month_of_meals):
    response = client_for(world.director).get(c(world, "fee_list"), headers=ENGLISH)
    assertContains(response, "No fee for this month")
    assert not logged(world.director).exists()


def test_the_fee_list_csv(world, client_for, month_of_meals):
    response = client_for(world.director).get(
        c(world, "fee_list_csv"), {"month": f"{last_month():%Y-%m}"}, headers=ENGLISH
    )
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = content.strip().splitlines()
    assert lines[0] == (
        "Last name;First name;Birth date;Address;Service;Units delivered;Unit;"
        "Fee per unit (PLN);Fee exemption;Fee (PLN)"
    )
    assert lines[1] == (
        "Nowak;Halina;1944-03-02;ul. Lipowa 7, 66-200 Alfowo;Dowóz posiłków;3.50;meal;12.00;"
        "no exemption: the resident's price;42.00"
    )
    assert logged(world.director, purpose=AccessPurpose.EXPORT).count() == 1


def test_the_fee_list_xlsx_has_numbers_and_a_total(world, client_for, month_of_meals, enrol):
    jan = person(world.a, "Jan", "=Kowal")
    other = enrol(person=jan, exemption="partial", exemption_reason="Dochód.", fee_per_unit="5.55")
    services.delivery_record(enrolment=other, by=world.kipus, delivered_on=on(9), units="1.5")
    response = client_for(world.director).get(
        c(world, "fee_list_xlsx"), {"month": f"{last_month():%Y-%m}"}, headers=ENGLISH
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Last name"
    assert [r[0] for r in rows[1:3]] == ["=Kowal", "Nowak"]  # text, not a formula
    assert rows[1][9] == pytest.approx(8.33)  # 1.5 × 5.55 = 8.325
    assert rows[2][9] == pytest.approx(42.0)
    assert rows[3][0] == "Total"
    assert rows[3][9] == pytest.approx(50.33)


@pytest.mark.parametrize("size", [2, 20])
def test_the_fee_list_queries_are_bounded(
    world, client_for, enrol, django_assert_max_num_queries, size
):
    for i in range(size):
        enrolment = enrol(person=person(world.a, "Osoba", f"Numer{i}"))
        services.delivery_record(enrolment=enrolment, by=world.kipus, delivered_on=on(1), units=1)
    client = client_for(world.director)
    with django_assert_max_num_queries(MAX_QUERIES_FEE_LIST):
        response = client.get(c(world, "fee_list"), {"month": f"{last_month():%Y-%m}"})
    assert response.status_code == 200


# --- the person page -------------------------------------------------------------------------


def test_the_person_page_lists_the_services(world, client_for, enrol, halina, partner_meals):
    enrolment = enrol(service=partner_meals)
    response = client_for(world.front_desk).get(
        c(world, "person_detail", person_id=halina.pk), headers=ENGLISH
    )
    assertContains(response, c(world, "enrolment_detail", enrolment_id=enrolment.pk))
    assertContains(response, world.organisation.name)


def test_the_person_page_costs_the_same_with_many_services(
    world, client_for, enrol, halina, free_care, partner_meals, django_assert_num_queries
):
    client = client_for(world.kipus)
    url = c(world, "person_detail", person_id=halina.pk)
    client.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    baseline = len(captured.captured_queries)
    enrol()
    enrol(service=free_care)
    enrol(service=partner_meals)
    with django_assert_num_queries(baseline):
        response = client.get(url)
    assertContains(response, "Asystent osoby starszej")
