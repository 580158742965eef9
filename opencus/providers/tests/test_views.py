"""The partner pages: public registration, the centre's list, queue, detail and decisions, and
the organisation's own profile and leader; who may do what; other tenants get 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.accounts.models import Membership, User
from opencus.audit.models import AccessLogEntry
from opencus.providers import services
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import CooperationLeader, Organisation, Partnership
from opencus.providers.tests.fixtures import BAD_NIP, GOOD_NIP, registered
from opencus.providers.validators import MSG_NIP_CHECKSUM

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
REGISTER = "/providers/register/"


def url(world, name, centre=None, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": (centre or world.a).slug, **kwargs})


def org_url(organisation, name):
    return reverse(f"organisation:{name}", kwargs={"organisation_slug": organisation.slug})


def _form(world, **overrides) -> dict:
    return {
        "account-first_name": "Anna",
        "account-last_name": "Prezes",
        "account-email": "anna@razem.example",
        "account-password": "Dluga-fraza-42!",
        "account-password_again": "Dluga-fraza-42!",
        "name": "Spółdzielnia Socjalna Razem",
        "legal_form": "social_coop",
        "nip": "123-456-32-18",
        "regon": "",
        "krs": "",
        "areas": ["social_assistance"],
        "centre": str(world.a.pk),
        "agree": "on",
    } | overrides


# --- registration -----------------------------------------------------------------------------


def test_the_registration_page_is_public(world, client):
    response = client.get(REGISTER, headers=ENGLISH)
    assertContains(response, "Register an organisation")
    assertContains(response, 'name="account-email"')
    assertContains(response, world.a.name)


def test_registration_with_a_bad_nip_shows_why_and_saves_nothing(world, client):
    response = client.post(REGISTER, _form(world, nip=BAD_NIP), headers=ENGLISH)
    assert response.status_code == 200
    assertContains(response, str(MSG_NIP_CHECKSUM))
    assertContains(response, 'value="Spółdzielnia Socjalna Razem"')  # what was typed stays
    assert not User.objects.filter(email="anna@razem.example").exists()
    assert not Organisation.objects.filter(name="Spółdzielnia Socjalna Razem").exists()


def test_registration_with_a_taken_email_shows_it_on_the_account(world, client):
    response = client.post(
        REGISTER, _form(world, **{"account-email": world.ous.email}), headers=ENGLISH
    )
    assertContains(response, str(services.MSG_EMAIL_TAKEN))
    assert not Organisation.objects.filter(name="Spółdzielnia Socjalna Razem").exists()


def test_registration_signs_in_and_shows_the_request(world, client):
    response = client.post(REGISTER, _form(world), headers=ENGLISH)
    assertRedirects(response, "/providers/registrations/")
    partnership = Partnership.objects.get(organisation__nip=GOOD_NIP)
    assert partnership.centre == world.a and partnership.status == PartnershipStatus.PENDING
    page = client.get("/providers/registrations/", headers=ENGLISH)
    assertContains(page, "Spółdzielnia Socjalna Razem")
    assertContains(page, "waiting for verification")


def test_a_signed_in_person_registers_without_the_account_part(world, client):
    client.force_login(world.nobody)
    assertNotContains(client.get(REGISTER), 'name="account-email"')
    client.post(REGISTER, _form(world))
    assert Partnership.objects.get(organisation__nip=GOOD_NIP).registrant == world.nobody


def test_registrations_need_a_sign_in(world, client):
    response = client.get("/providers/registrations/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_registrant_reads_the_reason_of_a_refusal(world, client):
    partnership = registered(world.a, user=world.nobody)
    services.partnership_refuse(partnership=partnership, by=world.director, reason="Brak statutu.")
    client.force_login(world.nobody)
    assertContains(client.get("/providers/registrations/", headers=ENGLISH), "Brak statutu.")


# --- the centre -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["front_desk", "ous", "kipus", "osl", "director"])
def test_every_centre_role_sees_the_partners(world, client, role):
    registered(world.a)
    client.force_login(getattr(world, role))
    assertContains(client.get(url(world, "partner_list"), headers=ENGLISH), "Razem")


def test_the_list_filters_and_searches(world, client):
    registered(world.a)
    registered(world.a, name="Fundacja Kultura", nip="", krs="", regon="", areas=["culture"])
    client.force_login(world.ous)
    page = client.get(url(world, "partner_list") + "?area=culture", headers=HTMX)
    assertContains(page, "Fundacja Kultura")
    assertNotContains(page, "Razem")
    page = client.get(url(world, "partner_list") + f"?q={GOOD_NIP}", headers=HTMX)
    assertContains(page, "Razem")
    assertNotContains(page, "Fundacja Kultura")
    page = client.get(url(world, "partner_list") + "?status=verified", headers=HTMX)
    assertContains(page, "No organisation matches these filters.")
    page = client.get(url(world, "partner_list") + "?legal_form=nonsense", headers=ENGLISH)
    assert page.status_code == 200  # a bad filter value is shown, never a 500


def test_the_list_is_empty_with_a_hint(world, client):
    client.force_login(world.ous)
    assertContains(
        client.get(url(world, "partner_list"), headers=ENGLISH), "No organisation has asked"
    )


def test_the_list_costs_the_same_queries_whatever_its_size(world, client):
    client.force_login(world.ous)
    registered(world.a)
    client.get(url(world, "partner_list"))  # the session and caches settle
    with CaptureQueriesContext(connection) as few:
        client.get(url(world, "partner_list"))
    for n in range(6):
        partnership = registered(world.a, name=f"Stowarzyszenie {n}", nip="", krs="", regon="")
        services.leader_appoint(
            organisation=partnership.organisation,
            by=None,
            first_name="L",
            last_name=str(n),
            role="prezes",
            phone="1",
            email=f"l{n}@x.example",
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url(world, "partner_list"))
    assert len(many) == len(few)


def test_the_csv_lists_the_partners(world, client):
    registered(world.a)
    client.force_login(world.ous)
    response = client.get(url(world, "partner_csv"), headers=ENGLISH)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Organisation;Legal form" in body.splitlines()[0]
    assert "Spółdzielnia Socjalna Razem" in body and GOOD_NIP in body


def test_the_queue_shows_pending_requests_only(world, client):
    pending = registered(world.a)
    done = registered(world.a, name="Fundacja Zrobiona", nip="", krs="", regon="")
    services.partnership_verify(partnership=done, by=world.ous)
    client.force_login(world.ous)
    page = client.get(url(world, "partner_pending"), headers=ENGLISH)
    assertContains(page, pending.organisation.name)
    assertNotContains(page, "Fundacja Zrobiona")
    assertContains(page, str(pending.registrant))


def test_the_detail_shows_the_current_leader_and_logs_the_read(world, client):
    partnership = registered(world.a)
    leader = services.leader_appoint(
        organisation=partnership.organisation,
        by=partnership.registrant,
        first_name="Jan",
        last_name="Lider",
        role="kierownik KIS",
        phone="+48 600 000 002",
        email="jan@razem.example",
    )
    client.force_login(world.kipus)
    page = client.get(url(world, "partner_detail", partnership_id=partnership.pk), headers=ENGLISH)
    assertContains(page, "Jan Lider")
    assertContains(page, "jan@razem.example")
    assert AccessLogEntry.objects.filter(
        actor=world.kipus, subject_id=str(leader.pk), centre=world.a
    ).exists()
    assert not AccessLogEntry.objects.filter(actor=world.kipus, centre=world.b).exists()


def test_the_ous_verifies_and_the_registrant_can_then_sign_in_to_the_portal(world, client):
    partnership = registered(world.a)
    client.force_login(world.ous)
    target = url(world, "partner_verify", partnership_id=partnership.pk)
    assertContains(client.get(target, headers=ENGLISH), "Yes, verify")
    response = client.post(target, headers=ENGLISH)
    assertRedirects(response, url(world, "partner_detail", partnership_id=partnership.pk))
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.VERIFIED
    client.force_login(partnership.registrant)
    slug = partnership.organisation.slug
    assert client.get(f"/o/{slug}/").status_code == 200
    assert client.get(f"/o/{slug}/profile/").status_code == 200


def test_the_director_refuses_with_a_reason(world, client):
    partnership = registered(world.a)
    client.force_login(world.director)
    target = url(world, "partner_refuse", partnership_id=partnership.pk)
    page = client.post(target, {"reason": ""}, headers=ENGLISH)
    assertContains(page, "This field is required.")
    client.post(target, {"reason": "Brak wpisu do KRS."})
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.REFUSED
    assert partnership.refusal_reason == "Brak wpisu do KRS."


def test_a_decided_request_sends_back_with_why(world, client):
    partnership = registered(world.a)
    services.partnership_verify(partnership=partnership, by=world.ous)
    client.force_login(world.director)
    response = client.post(
        url(world, "partner_refuse", partnership_id=partnership.pk), {"reason": "x"}
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.VERIFIED


@pytest.mark.parametrize("role", ["front_desk", "kipus", "osl"])
def test_other_roles_may_not_verify_or_refuse(world, client, role):
    partnership = registered(world.a)
    client.force_login(getattr(world, role))
    for name in ("partner_verify", "partner_refuse"):
        target = url(world, name, partnership_id=partnership.pk)
        assert client.get(target).status_code == 403
        assert client.post(target, {"reason": "x"}).status_code == 403
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.PENDING


def test_another_centre_gets_404_on_this_centres_partners(world, client):
    partnership = registered(world.a)
    client.force_login(world.b_director)
    for name in ("partner_detail", "partner_verify", "partner_refuse"):
        target = url(world, name, centre=world.b, partnership_id=partnership.pk)
        assert client.get(target).status_code == 404
        assert client.post(target, {"reason": "x"}).status_code == 404
    assert client.get(url(world, "partner_pending")).status_code == 404
    assertNotContains(client.get(url(world, "partner_pending", centre=world.b)), "Razem")
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.PENDING


# --- the organisation -------------------------------------------------------------------------


def test_the_organisation_edits_its_profile(world, client):
    client.force_login(world.provider)
    target = org_url(world.organisation, "profile_edit")
    assert client.get(target).status_code == 200
    data = {
        "name": "Stowarzyszenie Partner",
        "legal_form": "association",
        "is_social_enterprise": "on",
        "nip": BAD_NIP,
        "areas": ["culture"],
    }
    page = client.post(target, data, headers=ENGLISH)
    assertContains(page, str(MSG_NIP_CHECKSUM))
    response = client.post(target, data | {"nip": GOOD_NIP})
    assertRedirects(response, org_url(world.organisation, "profile"))
    world.organisation.refresh_from_db()
    assert world.organisation.is_social_enterprise and world.organisation.nip == GOOD_NIP
    assertContains(client.get(org_url(world.organisation, "profile"), headers=ENGLISH), "culture")


def test_the_organisation_asks_another_centre(world, client):
    client.force_login(world.provider)
    target = org_url(world.organisation, "partnership_request")
    response = client.post(target, {"centre": str(world.b.pk), "message": "Dzień dobry"})
    assertRedirects(response, org_url(world.organisation, "profile"))
    assert Partnership.objects.get(organisation=world.organisation, centre=world.b).message
    # the centre asked already is no longer offered
    assert client.post(target, {"centre": str(world.b.pk)}).status_code == 200


def test_the_organisation_names_and_changes_its_leader(world, client):
    client.force_login(world.provider)
    target = org_url(world.organisation, "leader")
    data = {
        "first_name": "Jan",
        "last_name": "Lider",
        "role": "prezes",
        "phone": "600000001",
        "email": "jan@partner.example",
    }
    assertRedirects(client.post(target, data), target)
    client.post(target, data | {"first_name": "Ewa"})
    page = client.get(target, headers=ENGLISH)
    assertContains(page, "Ewa Lider")
    assertContains(page, "Jan Lider")
    assert CooperationLeader.objects.filter(ended_on__isnull=True).count() == 1
    bad = client.post(
        target, data | {"email": "nie", "appointed_on": "2999-01-01"}, headers=ENGLISH
    )
    assertContains(bad, "Enter a valid email address.")


def test_a_future_appointment_is_refused_with_a_message(world, client):
    client.force_login(world.provider)
    data = {
        "first_name": "Jan",
        "last_name": "Lider",
        "role": "prezes",
        "phone": "600000001",
        "email": "jan@partner.example",
        "appointed_on": "2999-01-01",
    }
    page = client.post(org_url(world.organisation, "leader"), data, headers=ENGLISH)
    assertContains(page, str(services.MSG_LEADER_IN_FUTURE))


def test_another_organisations_staff_gets_404(world, client):
    client.force_login(world.provider)
    for name in ("profile", "profile_edit", "leader", "partnership_request"):
        assert client.get(org_url(world.other_organisation, name)).status_code == 404
        assert client.post(org_url(world.other_organisation, name), {}).status_code == 404


def test_centre_staff_have_no_organisation_pages(world, client):
    client.force_login(world.director)
    assert client.get(org_url(world.organisation, "profile")).status_code == 404
    assert not Membership.objects.filter(user=world.director, organisation__isnull=False).exists()
