"""A resident signs up, applies online, and follows the matter in "my matters"."""

import datetime as dt
import json
import re
import subprocess

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from opencus.accounts.models import User
from opencus.audit.models import AccessLogEntry
from opencus.cases import services as cases
from opencus.cases.enums import Outcome
from opencus.cases.models import Application
from opencus.cases.tests.fixtures import assessed, grant, person_in, programme_service
from opencus.residents import services
from opencus.residents.models import Message, ResidentLink

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
PASSWORD = "Mieszkanka-2026!"
TODAY = timezone.localdate


def sign_up(client, email="halina@example.org"):
    return client.post(
        reverse("residents:sign_up"),
        {
            "first_name": "Halina",
            "last_name": "Nowak",
            "email": email,
            "password": PASSWORD,
            "password_again": PASSWORD,
            "agree": "on",
        },
        headers=ENGLISH,
        follow=True,
    )


def verification_link() -> str:
    return re.search(r"https?://\S+/my/verify/\S+/", mail.outbox[-1].body).group(0)


@pytest.fixture
def verified(db):
    user = User.objects.create_user(
        email="jan@example.org", password=PASSWORD, first_name="Jan", last_name="Lis"
    )
    return services.email_verify(user=user)


def online(world, user, service, role="person", **extra):
    return cases.application_submit_online(
        centre=world.a,
        account=user,
        submitter_role=role,
        services=[service],
        description="Proszę o pomoc.",
        first_name="Halina",
        last_name="Nowak",
        address="ul. Lipowa 7",
        **extra,
    )


def linked(world, user, role="person"):
    """An online application registered by the desk: the account is linked to the person."""
    service = programme_service(world.a)
    application = online(
        world, user, service, role=role, submitter_name="" if role == "person" else "Jan Lis"
    )
    person = person_in(world.a)
    application = cases.application_register(
        application=application, by=world.front_desk, person=person
    )
    return person, application


# --- signing up ------------------------------------------------------------------------


def test_signing_up_sends_a_link_that_verifies_the_address_once(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = sign_up(client)
    assertContains(page, "We have sent a link to halina@example.org")
    assertContains(page, "Confirm your e-mail address")
    user = User.objects.get(email="halina@example.org")
    assert user.email_verified_at is None
    link = verification_link()
    assertContains(
        client.get(link, follow=True, headers=ENGLISH), "your e-mail address is confirmed"
    )
    user.refresh_from_db()
    assert user.email_verified_at is not None
    assert client.get(link).status_code == 400  # spent


def test_a_wrong_verification_link_is_refused(client):
    sign_up(client)
    assert client.get(reverse("residents:verify", args=["xx", "1-abc"])).status_code == 400


def test_sign_up_refuses_a_taken_address_differing_passwords_and_weak_ones(client, world):
    page = client.post(
        reverse("residents:sign_up"),
        {
            "first_name": "A",
            "last_name": "B",
            "email": world.kipus.email.upper(),
            "password": PASSWORD,
            "password_again": PASSWORD,
            "agree": "on",
        },
        headers=ENGLISH,
    )
    assertContains(page, "already exists")
    page = client.post(
        reverse("residents:sign_up"),
        {
            "first_name": "A",
            "last_name": "B",
            "email": "a@example.org",
            "password": PASSWORD,
            "password_again": "other",
            "agree": "on",
        },
        headers=ENGLISH,
    )
    assertContains(page, "The two passwords differ.")
    page = client.post(
        reverse("residents:sign_up"),
        {
            "first_name": "A",
            "last_name": "B",
            "email": "a@example.org",
            "password": "123",
            "password_again": "123",
            "agree": "on",
        },
        headers=ENGLISH,
    )
    assertContains(page, "too short")
    assert not User.objects.filter(email="a@example.org").exists()


def test_a_resident_lands_on_my_matters_after_login(client, verified):
    client.force_login(verified)
    response = client.get("/", follow=True, headers=ENGLISH)
    assert response.redirect_chain[-1][0] == reverse("residents:home")
    assertContains(response, "not linked to a record of a centre yet")


# --- applying online -------------------------------------------------------------------


def test_an_unverified_account_cannot_apply(client, world):
    sign_up(client)
    service = programme_service(world.a)
    url = reverse("residents:apply", args=[world.a.slug])
    page = client.get(url, headers=ENGLISH)
    assertContains(page, "Confirm your e-mail address first")
    client.post(url, {"services": [service.pk], "submitter_role": "person"})
    assert not Application.objects.exists()


def test_a_verified_resident_applies_and_the_time_is_the_order(client, world, verified):
    service = programme_service(world.a)
    client.force_login(verified)
    url = reverse("residents:apply", args=[world.a.slug])
    assertContains(client.get(url, {"service": service.pk}), service.name)
    response = client.post(
        url,
        {
            "submitter_role": "person",
            "first_name": "Jan",
            "last_name": "Lis",
            "birth_date": "1950-01-02",
            "address": "ul. Polna 1, Alfowo",
            "services": [service.pk],
            "description": "Nie daję rady z obiadami.",
        },
        headers=ENGLISH,
        follow=True,
    )
    application = Application.objects.get()
    assert application.channel == "online" and application.account == verified
    assertContains(response, "That moment sets your place in the order")
    assertContains(response, "Sent, waiting for the centre to register")


def test_an_online_form_needs_identity_and_a_service(client, world, verified):
    programme_service(world.a)
    client.force_login(verified)
    response = client.post(
        reverse("residents:apply", args=[world.a.slug]),
        {
            "submitter_role": "person",
            "first_name": "Jan",
            "last_name": "Lis",
            "address": "x",
            "description": "x",
            "pesel": "12345678901",
        },
        headers=ENGLISH,
    )
    assertContains(response, "This field is required.")  # services
    assertContains(response, "This PESEL is not valid")  # wrong check digit
    assert not Application.objects.exists()


# --- my matters ------------------------------------------------------------------------


def test_registration_links_the_account_and_my_matters_shows_the_application(
    client, world, verified
):
    person, application = linked(world, verified)
    link = ResidentLink.objects.get(user=verified)
    assert link.person == person and link.role == "self"
    client.force_login(verified)
    page = client.get(reverse("residents:home"), headers=ENGLISH)
    assertContains(page, application.case_number)
    assertContains(page, "waiting for qualification")
    # reading one's own matters is logged as a data subject's access
    assert AccessLogEntry.objects.filter(actor=verified, purpose="dsr").exists()


def test_the_resident_sees_the_queue_position_and_accepts_an_offer(client, world, verified):
    service = programme_service(world.a, "Asystent")
    cases.limit_create(
        service=service,
        by=None,
        starts_on=TODAY(),
        ends_on=TODAY() + dt.timedelta(days=90),
        places=1,
    )
    first = grant(assessed(world.a, services_=[service]).requested.get())
    application = online(world, verified, service)
    person = person_in(world.a, "Jan", "Lis")
    cases.application_register(application=application, by=world.front_desk, person=person)
    cases.assessment_record(
        application=application,
        by=None,
        assessed_on=TODAY(),
        place="home",
        findings={"self_care": ("some", "x")},
    )
    line = grant(application.requested.get())
    client.force_login(verified)
    assertContains(
        client.get(reverse("residents:home"), headers=ENGLISH), "You are number 1 in the queue."
    )
    cases.place_release(requested=first, by=None)
    page = client.get(reverse("residents:home"), headers=ENGLISH)
    assertContains(page, "A place is offered to you")
    # the message, in the person's language (Polish by default)
    assertContains(page, "Jest dla Ciebie miejsce: Asystent alfa")
    entry = line.waitlist_entry
    client.post(reverse("residents:offer_reply", args=[entry.pk]), {"accept": "1"})
    line.refresh_from_db()
    assert line.outcome == Outcome.GRANTED
    page = client.get(reverse("residents:home"), headers=ENGLISH)
    assertContains(page, reverse("residents:notice_pdf", args=[line.pk]))


def test_a_resident_declines_an_offer(client, world, verified):
    service = programme_service(world.a, "Asystent")
    cases.limit_create(
        service=service,
        by=None,
        starts_on=TODAY(),
        ends_on=TODAY() + dt.timedelta(days=90),
        places=1,
    )
    first = grant(assessed(world.a, services_=[service]).requested.get())
    _person, application = linked(world, verified)
    application.requested.all().delete()
    from opencus.cases.models import RequestedService

    RequestedService.objects.create(application=application, service=service)
    cases.assessment_record(
        application=application,
        by=None,
        assessed_on=TODAY(),
        place="home",
        findings={"self_care": ("some", "x")},
    )
    line = grant(application.requested.get())
    cases.place_release(requested=first, by=None)
    client.force_login(verified)
    client.post(
        reverse("residents:offer_reply", args=[line.waitlist_entry.pk]),
        {"decline": "1", "reason": "Wyjeżdżam"},
    )
    line.refresh_from_db()
    assert line.outcome == Outcome.DECLINED


def test_documents_and_messages_of_others_are_404(client, world, verified):
    person, application = linked(world, verified)
    cases.assessment_record(
        application=application,
        by=None,
        assessed_on=TODAY(),
        place="home",
        findings={"self_care": ("some", "x")},
    )
    line = grant(application.requested.get())
    message = services.message_send(
        person=person, by=world.kipus, subject="Wizyta", body="Przyjdziemy we wtorek."
    )
    stranger = User.objects.create_user(
        email="obcy@example.org", password=PASSWORD, first_name="O", last_name="B"
    )
    client.force_login(stranger)
    for url in (
        reverse("residents:notice_pdf", args=[line.pk]),
        reverse("residents:message_detail", args=[message.pk]),
        reverse("residents:export_json", args=[person.pk]),
        reverse("residents:export_pdf", args=[person.pk]),
    ):
        assert client.get(url).status_code == 404, url
    client.force_login(verified)
    assert client.get(reverse("residents:notice_pdf", args=[line.pk])).status_code == 200
    page = client.get(reverse("residents:message_detail", args=[message.pk]), headers=ENGLISH)
    assertContains(page, "Przyjdziemy we wtorek.")
    message.refresh_from_db()
    assert message.read_at is not None


def test_an_ended_link_shows_nothing_more(client, world, verified):
    person, application = linked(world, verified)
    services.link_end(link=ResidentLink.objects.get(user=verified), by=world.director)
    client.force_login(verified)
    assertNotContains(client.get(reverse("residents:home")), application.case_number)
    assert client.get(reverse("residents:export_json", args=[person.pk])).status_code == 404


def test_an_actual_carer_follows_the_matters_but_cannot_take_the_data_copy(client, world, verified):
    person, application = linked(world, verified, role="actual_carer")
    client.force_login(verified)
    page = client.get(reverse("residents:home"), headers=ENGLISH)
    assertContains(page, application.case_number)
    assertContains(page, "actual carer")
    assertNotContains(page, "RODO art. 15")
    assert client.get(reverse("residents:export_json", args=[person.pk])).status_code == 404


def test_the_data_copy_has_the_record_the_applications_and_who_read_them(
    client, world, verified, tmp_path
):
    person, application = linked(world, verified)
    client_for_staff = client.__class__()
    client_for_staff.force_login(world.kipus)
    client_for_staff.get(reverse("centre:person_detail", args=[world.a.slug, person.pk]))
    client.force_login(verified)
    response = client.get(reverse("residents:export_json", args=[person.pk]))
    data = json.loads(response.content)
    assert data["person"]["first_name"] == "Halina"
    assert data["applications"][0]["case_number"] == application.case_number
    assert any(world.kipus.email in row["who"] for row in data["who_read_the_record"])
    pdf = client.get(reverse("residents:export_pdf", args=[person.pk]))
    path = tmp_path / "copy.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "RODO" in text and application.case_number in text


def test_staff_send_a_message_and_the_linked_accounts_are_told(
    client, world, verified, django_capture_on_commit_callbacks
):
    person, _application = linked(world, verified)
    mail.outbox.clear()
    client.force_login(world.kipus)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("centre:person_message", args=[world.a.slug, person.pk]),
            {"subject": "Termin wizyty", "body": "Odwiedzimy Panią w czwartek."},
        )
    assert Message.objects.get(subject="Termin wizyty").sent_by == world.kipus
    assert [m.to for m in mail.outbox] == [[verified.email]]


def test_the_osl_cannot_message_people_and_another_centre_gets_404(client, world, verified):
    person, _application = linked(world, verified)
    url = reverse("centre:person_message", args=[world.a.slug, person.pk])
    client.force_login(world.osl)
    assert client.get(url).status_code == 403
    client.force_login(world.b_kipus)
    assert client.get(url).status_code == 404


def test_my_matters_costs_the_same_queries_with_more_applications(
    client, world, verified, django_assert_max_num_queries
):
    person, _application = linked(world, verified)
    client.force_login(verified)
    client.get(reverse("residents:home"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("residents:home"))
    for i in range(6):
        cases.application_receive(
            centre=world.a,
            by=None,
            person=person,
            channel="desk",
            submitter_role="person",
            services=[programme_service(world.a, f"Usługa {i}")],
            description="x",
        )
        services.message_send(person=person, by=None, subject=f"{i}", body="x")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("residents:home"))


def test_merging_records_moves_applications_links_messages_and_loans(world, verified):
    from opencus.equipment import services as equipment
    from opencus.people import services as people

    person, application = linked(world, verified)
    services.message_send(person=person, by=None, subject="Wizyta", body="x")
    keep = people.person_create(
        centre=world.a,
        by=None,
        first_name="Halina",
        last_name=person.last_name,
        birth_date=person.birth_date,
        confirm_new=True,
    )
    item = equipment.item_create(
        centre=world.a,
        by=None,
        kind="wheelchair",
        name="Wózek",
        inventory_number="W-1",
        condition="good",
    )
    equipment.loan_create(item=item, person=person, by=None, due_on=TODAY() + dt.timedelta(days=30))
    people.person_merge(keep=keep, duplicate=person, by=world.director)
    application.refresh_from_db()
    assert application.person == keep
    assert ResidentLink.objects.get(user=verified, ended_at__isnull=True).person == keep
    assert Message.objects.get(subject="Wizyta").person == keep
    assert keep.equipment_loans.count() == 1


def test_my_matters_shows_the_granted_service_and_its_visits(client, world, verified):
    from opencus.enrolments import services as enrolments

    person, application = linked(world, verified)
    cases.assessment_record(
        application=application,
        by=None,
        assessed_on=TODAY(),
        place="home",
        findings={"self_care": ("some", "x")},
    )
    line = grant(application.requested.get())
    enrolments.delivery_record(
        enrolment=line.enrolment, by=world.kipus, delivered_on=TODAY(), units=2, duration_minutes=90
    )
    client.force_login(verified)
    page = client.get(reverse("residents:home"), headers=ENGLISH)
    assertContains(page, "Recent visits")
    assertContains(page, "90 min")
    data = json.loads(client.get(reverse("residents:export_json", args=[person.pk])).content)
    assert data["services"][0]["deliveries"][0]["minutes"] == 90


def test_the_person_sees_their_plan_and_a_carer_does_not(client, world, verified):
    from opencus.plans.tests.fixtures import active_plan

    plan = active_plan(world.a, world.kipus, world.director)
    ResidentLink.objects.create(user=verified, person=plan.person, role="self")
    carer = User.objects.create_user(
        email="opiekun@example.org", password=PASSWORD, first_name="O", last_name="P"
    )
    ResidentLink.objects.create(user=carer, person=plan.person, role="actual_carer")
    client.force_login(verified)
    page = client.get(reverse("residents:home"), headers=ENGLISH)
    assertContains(page, "My plan (IPUS)")
    assertContains(page, plan.goals.first().goal)
    pdf = client.get(reverse("residents:plan_pdf", args=[plan.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    client.force_login(carer)
    assertNotContains(client.get(reverse("residents:home"), headers=ENGLISH), "My plan (IPUS)")
    assert client.get(reverse("residents:plan_pdf", args=[plan.pk])).status_code == 404


def test_the_data_copy_holds_a_free_service_granted_on_an_application(world):
    """A fee of 0 zł is an amount like any other (it once broke the JSON copy)."""
    from opencus.residents.export import person_data

    free = programme_service(world.a, "Usługi opiekuńcze", fee_kind="free")
    application = assessed(world.a, services_=[free])
    grant(application.requested.get())
    data = json.loads(json.dumps(person_data(application.person)))
    line = data["applications"][0]["services"][0]
    assert line["fee_per_unit"] == "0.00"
    assert line["units_per_period"] == "8.00"
