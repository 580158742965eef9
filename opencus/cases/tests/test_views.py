"""Staff pages of applications: the desk, needs recognition, qualification, decisions."""

import datetime as dt
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from opencus.audit.models import AccessLogEntry
from opencus.cases import services
from opencus.cases.enums import ApplicationStatus, Outcome
from opencus.cases.models import Application, Decision
from opencus.cases.tests.fixtures import (
    assessed,
    grant,
    person_in,
    programme_service,
    received,
)

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def url(world, name, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": world.a.slug, **kwargs})


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


# --- the desk --------------------------------------------------------------------------


def test_the_desk_finds_the_person_first_then_registers_the_application(world, client_for):
    client = client_for(world.front_desk)
    person = person_in(world.a)
    service = programme_service(world.a)
    page = client.get(url(world, "application_create"), {"q": "Nowak"}, headers=ENGLISH)
    assertContains(page, f"?person={person.pk}")
    form = client.get(url(world, "application_create"), {"person": person.pk}, headers=ENGLISH)
    assertContains(form, service.name)
    response = client.post(
        url(world, "application_create"),
        {
            "person": person.pk,
            "channel": "desk",
            "submitter_role": "person",
            "services": [service.pk],
            "description": "Nie daję rady z zakupami.",
        },
        headers=ENGLISH,
        follow=True,
    )
    application = Application.objects.get()
    assert application.status == ApplicationStatus.REGISTERED
    assert application.received_by == world.front_desk
    assertContains(response, f"registered as {application.case_number}")


def test_a_bad_application_form_says_what_is_wrong_and_saves_nothing(world, client_for):
    client = client_for(world.front_desk)
    person = person_in(world.a)
    response = client.post(
        url(world, "application_create"),
        {
            "person": person.pk,
            "channel": "phone",
            "submitter_role": "actual_carer",
            "description": "x",
            "services": [programme_service(world.a).pk],
        },
        headers=ENGLISH,
    )
    assertContains(response, "on the person&#x27;s behalf")
    response = client.post(
        url(world, "application_create"),
        {"person": person.pk, "channel": "desk", "submitter_role": "person"},
        headers=ENGLISH,
    )
    assertContains(response, "This field is required.")
    assert not Application.objects.exists()


def test_a_person_of_another_centre_cannot_be_chosen(world, client_for):
    client = client_for(world.front_desk)
    other = person_in(world.b)
    assert client.get(url(world, "application_create"), {"person": other.pk}).status_code == 404
    assert client.get(url(world, "application_create"), {"person": "nonsense"}).status_code == 404


def test_reading_an_application_is_in_the_access_log(world, client_for):
    application = received(world.a)
    response = client_for(world.kipus).get(
        url(world, "application_detail", application_id=application.pk), headers=ENGLISH
    )
    assertContains(response, application.case_number)
    entry = AccessLogEntry.objects.get(actor=world.kipus, subject_id=str(application.pk))
    assert entry.centre == world.a


def test_the_list_filters_searches_and_exports(world, client_for):
    first = received(world.a, person=person_in(world.a, "Halina", "Nowak"))
    received(world.a, person=person_in(world.a, "Jan", "Lis"))
    client = client_for(world.front_desk)
    page = client.get(url(world, "application_list"), {"q": "Nowak"}, headers=ENGLISH)
    assertContains(page, first.case_number)
    assertNotContains(page, "Lis alfa")
    bare = received(world.a, person=person_in(world.a, "Łucja", "Wójcik"))
    page = client.get(url(world, "application_list"), {"q": "lucja wojcik"}, headers=ENGLISH)
    assertContains(page, bare.case_number)  # found without Polish letters
    assertNotContains(page, first.case_number)
    empty = client.get(url(world, "application_list"), {"status": "withdrawn"}, headers=ENGLISH)
    assertContains(empty, "No application matches these filters.")
    export = client.get(url(world, "application_list"), {"export": "csv"}, headers=ENGLISH)
    body = b"".join(export.streaming_content).decode()
    assert first.case_number in body and "Lis alfa" in body
    assert AccessLogEntry.objects.filter(actor=world.front_desk, purpose="export").exists()


def test_the_list_is_empty_with_a_way_to_start(world, client_for):
    page = client_for(world.front_desk).get(url(world, "application_list"), headers=ENGLISH)
    assertContains(page, "No application yet.")


@pytest.mark.parametrize("role", ["osl"])
def test_the_osl_sees_no_applications(world, client_for, role):
    application = received(world.a)
    client = client_for(getattr(world, role))
    assert client.get(url(world, "application_list")).status_code == 403
    assert (
        client.get(url(world, "application_detail", application_id=application.pk)).status_code
        == 403
    )


def test_the_front_desk_cannot_qualify_or_refuse(world, client_for):
    line = assessed(world.a).requested.get()
    client = client_for(world.front_desk)
    assert client.get(url(world, "qualify", requested_id=line.pk)).status_code == 403
    assert (
        client.post(url(world, "refuse", requested_id=line.pk), {"reasons": "x"}).status_code == 403
    )


def test_a_kipus_cannot_sign_a_refusal(world, client_for):
    line = assessed(world.a).requested.get()
    response = client_for(world.kipus).post(
        url(world, "refuse", requested_id=line.pk), {"reasons": "Brak."}
    )
    assert response.status_code == 403
    assert not Decision.objects.exists()


# --- needs recognition and qualification -----------------------------------------------


def test_the_kipus_records_needs_by_life_area(world, client_for):
    application = received(world.a)
    response = client_for(world.kipus).post(
        url(world, "assessment_record", application_id=application.pk),
        {
            "assessed_on": TODAY().isoformat(),
            "place": "home",
            "level_mobility": "substantial",
            "situation_mobility": "Nie wychodzi z domu od zimy.",
            **{
                f"level_{a}": "none"
                for a in (
                    "health",
                    "self_care",
                    "housing",
                    "family",
                    "social",
                    "finances",
                    "work",
                    "leisure",
                    "care",
                )
            },
            "persons_view": "Chcę zostać w domu.",
            "ipus_required": "on",
        },
        headers=ENGLISH,
        follow=True,
    )
    assertContains(response, "Nie wychodzi z domu od zimy.")
    assertContains(response, "IPUS deadline")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSESSED


def test_an_assessment_without_any_finding_is_refused_with_a_message(world, client_for):
    application = received(world.a)
    response = client_for(world.kipus).post(
        url(world, "assessment_record", application_id=application.pk),
        {"assessed_on": TODAY().isoformat(), "place": "centre"},
        headers=ENGLISH,
    )
    assertContains(response, "Describe the situation in at least one life area.")


def test_qualifying_grants_and_the_notice_pdf_has_the_fee(world, client_for, tmp_path):
    application = assessed(world.a)
    line = application.requested.get()
    client = client_for(world.kipus)
    response = client.post(
        url(world, "qualify", requested_id=line.pk),
        {
            "units_per_period": "6",
            "period": "week",
            "starts_on": TODAY().isoformat(),
            "exemption": "none",
        },
        headers=ENGLISH,
        follow=True,
    )
    assertContains(response, "Granted.")
    line.refresh_from_db()
    assert line.outcome == Outcome.GRANTED
    pdf = client.get(url(world, "notice_pdf", requested_id=line.pk))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content, tmp_path)
    assert "ZAKWALIFIKOWANIU" in text
    assert "10,00 zł" in text and "40,00 zł" in text
    assert "nie wymaga wydania decyzji administracyjnej" in text


def test_a_partial_exemption_without_fee_is_refused_with_a_message(world, client_for):
    line = assessed(world.a).requested.get()
    response = client_for(world.kipus).post(
        url(world, "qualify", requested_id=line.pk),
        {
            "units_per_period": "6",
            "period": "week",
            "starts_on": TODAY().isoformat(),
            "exemption": "partial",
            "exemption_reason": "Niskie dochody",
        },
        headers=ENGLISH,
    )
    assertContains(response, "With a partial exemption, give the person")
    line.refresh_from_db()
    assert line.outcome == Outcome.PENDING


def test_a_full_service_says_the_person_waits_and_shows_the_position(world, client_for):
    service = programme_service(world.a)
    services.limit_create(
        service=service,
        by=None,
        starts_on=TODAY(),
        ends_on=TODAY() + dt.timedelta(days=9),
        places=1,
    )
    grant(assessed(world.a, services_=[service]).requested.get())
    application = assessed(world.a, services_=[service], person=person_in(world.a, "Jan"))
    line = application.requested.get()
    client = client_for(world.kipus)
    response = client.post(
        url(world, "qualify", requested_id=line.pk),
        {
            "units_per_period": "2",
            "period": "week",
            "starts_on": TODAY().isoformat(),
            "exemption": "none",
        },
        headers=ENGLISH,
        follow=True,
    )
    assertContains(response, "on the waiting list")
    assertContains(response, "position 1 on the waiting list")


def test_the_director_refuses_and_the_decision_pdf_has_the_appeal_instruction(
    world, client_for, tmp_path
):
    line = assessed(world.a).requested.get()
    client = client_for(world.director)
    response = client.post(
        url(world, "refuse", requested_id=line.pk),
        {"reasons": "Osoba nie jest mieszkańcem gminy objętej programem."},
        headers=ENGLISH,
        follow=True,
    )
    decision = Decision.objects.get()
    assertContains(response, f"The decision {decision.number} is issued.")
    text = pdf_text(
        client.get(url(world, "decision_pdf", decision_id=decision.pk)).content, tmp_path
    )
    assert "DECYZJA" in text and "odmawiam zakwalifikowania" in text
    assert "Samorządowe Kolegium Odwoławcze" in text
    assert "14 dni od dnia jej doręczenia" in text
    assert "nie jest mieszkańcem" in text


def test_a_refusal_without_reasons_is_refused_with_a_message(world, client_for):
    line = assessed(world.a).requested.get()
    response = client_for(world.director).post(
        url(world, "refuse", requested_id=line.pk), {"reasons": ""}, headers=ENGLISH
    )
    assertContains(response, "This field is required.")
    assert not Decision.objects.exists()


def test_an_appeal_is_recorded_and_its_ruling_reopens_qualification(world, client_for):
    line = assessed(world.a).requested.get()
    decision = services.refuse(requested=line, by=world.director, reasons="Nie.")
    desk = client_for(world.front_desk)
    desk.post(
        url(world, "decision_delivered", decision_id=decision.pk),
        {"delivered_on": TODAY().isoformat()},
    )
    desk.post(
        url(world, "appeal_record", decision_id=decision.pk),
        {"filed_on": TODAY().isoformat(), "content": "Nie zgadzam się."},
    )
    page = desk.get(url(world, "decision_detail", decision_id=decision.pk), headers=ENGLISH)
    assertContains(page, "in time")
    assertContains(page, (TODAY() + dt.timedelta(days=14)).isoformat())
    appeal = Decision.objects.get(pk=decision.pk).appeal
    assert desk.post(url(world, "appeal_outcome", appeal_id=appeal.pk)).status_code == 403
    client_for(world.director).post(
        url(world, "appeal_outcome", appeal_id=appeal.pk),
        {"outcome": "annulled", "outcome_on": TODAY().isoformat()},
    )
    line.refresh_from_db()
    assert line.outcome == Outcome.PENDING


def test_a_delivery_date_in_the_future_is_refused(world, client_for):
    line = assessed(world.a).requested.get()
    decision = services.refuse(requested=line, by=world.director, reasons="Nie.")
    response = client_for(world.front_desk).post(
        url(world, "decision_delivered", decision_id=decision.pk),
        {"delivered_on": (TODAY() + dt.timedelta(days=2)).isoformat()},
        headers=ENGLISH,
    )
    assertContains(response, "cannot be in the future")


# --- limits, offers, withdrawal, settings ----------------------------------------------


def test_the_ous_sets_a_limit_and_the_kipus_may_not(world, client_for):
    service = programme_service(world.a)
    data = {
        "service": service.pk,
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + dt.timedelta(days=30)).isoformat(),
        "places": "20",
    }
    assert client_for(world.kipus).post(url(world, "limit_list"), data).status_code == 404
    response = client_for(world.ous).post(
        url(world, "limit_list"), data, follow=True, headers=ENGLISH
    )
    assertContains(response, "0 of 20 places taken")
    again = client_for(world.ous).post(url(world, "limit_list"), data, headers=ENGLISH)
    assertContains(again, "already has a limit overlapping these dates")


def test_an_offer_is_accepted_at_the_desk_of_the_kipus(world, client_for):
    service = programme_service(world.a)
    limit = services.limit_create(
        service=service,
        by=None,
        starts_on=TODAY(),
        ends_on=TODAY() + dt.timedelta(days=9),
        places=1,
    )
    first = grant(assessed(world.a, services_=[service]).requested.get())
    waiting = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Jan")).requested.get()
    )
    services.place_release(requested=first, by=None)
    client = client_for(world.kipus)
    page = client.get(url(world, "limit_detail", limit_id=limit.pk), headers=ENGLISH)
    assertContains(page, "Record the reply")
    client.post(url(world, "offer_reply", entry_id=waiting.waitlist_entry.pk), {"accept": "1"})
    waiting.refresh_from_db()
    assert waiting.outcome == Outcome.GRANTED


def test_withdrawal_needs_a_reason_and_is_confirmed(world, client_for):
    application = received(world.a)
    client = client_for(world.front_desk)
    page = client.get(
        url(world, "application_withdraw", application_id=application.pk), headers=ENGLISH
    )
    assertContains(page, "This cannot be undone.")
    client.post(
        url(world, "application_withdraw", application_id=application.pk), {"reason": "Rezygnacja"}
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


def test_only_the_director_changes_the_procedure_settings(world, client_for):
    assert client_for(world.ous).get(url(world, "case_policy")).status_code == 403
    client_for(world.director).post(
        url(world, "case_policy"),
        {
            "completion_days": "10",
            "offer_reply_days": "5",
            "ipus_deadline_days": "30",
            "appeal_days": "14",
            "appeal_body": "SKO w Zielonej Górze",
            "decision_legal_basis": "art. 104 k.p.a.",
        },
    )
    assert services.policy_of(world.a).completion_days == 10


def test_a_form_post_without_csrf_is_refused(world):
    application = received(world.a)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.front_desk)
    response = client.post(
        url(world, "application_withdraw", application_id=application.pk), {"reason": "x"}
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REGISTERED


def test_the_application_page_has_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    service = programme_service(world.a)
    application = received(world.a, services_=[service, programme_service(world.a, "Posiłki")])
    client = client_for(world.kipus)
    client.get(url(world, "application_detail", application_id=application.pk))
    with django_assert_max_num_queries(22) as small:
        client.get(url(world, "application_detail", application_id=application.pk))
    for i in range(5):
        services.completion_request(application=application, by=None, missing=f"{i}")
        request = application.completion_requests.get(completed_at__isnull=True)
        services.completion_done(request=request, by=None)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url(world, "application_detail", application_id=application.pk))
