"""The referral pages: who may do what, forms that explain refusals, receivers who see only
what is theirs (and only what was shared), the access log, lists with fixed query counts, CSV."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.audit.models import AccessLogEntry, AccessPurpose
from opencus.cases.tests.fixtures import received
from opencus.people import services as people
from opencus.referrals import services
from opencus.referrals.models import Referral, ReferralPolicy
from opencus.referrals.tests.conftest import ago
from opencus.referrals.tests.fixtures import (
    plan_for,
    published_service,
    referred_person,
    service_given,
    to_centre,
    to_provider,
    to_unit,
)

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
READERS = ["front_desk", "ous", "kipus", "director"]
SENDERS = ["ous", "kipus", "director"]


def url(world, name, centre=None, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": (centre or world.a).slug, **kwargs})


def org_url(world, name, organisation=None, **kwargs):
    slug = (organisation or world.organisation).slug
    return reverse(f"organisation:{name}", kwargs={"organisation_slug": slug, **kwargs})


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def logged(user, **filters) -> list[AccessLogEntry]:
    return list(AccessLogEntry.objects.filter(actor=user, **filters).order_by("occurred_at", "pk"))


@pytest.fixture
def sent(world, person):
    """Halina referred by the KIPUS to the world's provider; only her phone is shared."""
    return to_provider(
        world.a, world.organisation, person=person, by=world.kipus, shared_fields=["phone"]
    )


# --- who may open what ---------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_the_centres_staff_read_the_referrals(world, client_for, sent, role):
    client = client_for(getattr(world, role))
    assertContains(client.get(url(world, "referral_list"), headers=ENGLISH), "Halina Nowak alfa")
    detail = client.get(url(world, "referral_detail", referral_id=sent.pk), headers=ENGLISH)
    assertContains(detail, "Referral of Halina Nowak alfa to")


def test_the_osl_is_refused_everywhere(world, client_for, sent, person):
    client = client_for(world.osl)
    for address in (
        url(world, "referral_list"),
        url(world, "referral_csv"),
        url(world, "referral_create") + f"?person={person.pk}",
        url(world, "referral_detail", referral_id=sent.pk),
        url(world, "referral_withdraw", referral_id=sent.pk),
        url(world, "incoming_referral_list"),
    ):
        assert client.get(address).status_code == 403, address
        assert client.post(address, {"note": "x"}).status_code == 403, address
    assert sent.events.count() == 1


def test_the_desk_follows_referrals_but_does_not_refer(world, client_for, sent, person):
    client = client_for(world.front_desk)
    listing = client.get(url(world, "referral_list"), headers=ENGLISH)
    assertNotContains(listing, "Refer a person")
    detail = client.get(url(world, "referral_detail", referral_id=sent.pk), headers=ENGLISH)
    assertNotContains(detail, ">Withdraw<")
    assert client.get(url(world, "referral_create") + f"?person={person.pk}").status_code == 403
    response = client.post(url(world, "referral_withdraw", referral_id=sent.pk), {"note": "x"})
    assert response.status_code == 403
    assert client.get(url(world, "incoming_referral_list")).status_code == 403


def test_provider_staff_and_other_centres_do_not_reach_the_centres_pages(world, client_for, sent):
    for user in (world.provider, world.b_director):
        client = client_for(user)
        assert client.get(url(world, "referral_list")).status_code == 404
        assert client.get(url(world, "referral_detail", referral_id=sent.pk)).status_code == 404
    own = url(world, "referral_detail", centre=world.b, referral_id=sent.pk)
    assert client_for(world.b_director).get(own).status_code == 404


# --- the referrer's list -------------------------------------------------------------------


def test_the_list_shows_the_loop_the_age_and_stuck_first(world, client_for, person):
    closed = to_provider(world.a, world.organisation, person=person, sent_at=ago(days=30))
    services.referral_decline(
        referral=closed, by=None, acting_for=world.organisation, reason="no_capacity"
    )
    to_unit(world.a, person=referred_person(world.a, "Jan", "Lis"), sent_at=ago(days=9))
    response = client_for(world.kipus).get(url(world, "referral_list"), headers=ENGLISH)
    rows = response.context["page"].object_list
    assert [r.unit_name or r.organisation.name for r in rows] == [
        "PUP Świebodzin",
        world.organisation.name,
    ]
    assert [r.age for r in rows] == [9, 30]
    assertContains(response, "stuck: no answer")
    assertContains(response, "<td>closed</td>", html=True)
    assertContains(response, "<td>open</td>", html=True)


def test_the_list_filters_through_htmx(world, client_for, person, sent):
    to_unit(world.a, person=person)
    response = client_for(world.kipus).get(
        url(world, "referral_list") + "?receiver_kind=unit", headers=HTMX
    )
    assert b"<html" not in response.content
    assert [r.receiver_kind for r in response.context["page"].object_list] == ["unit"]


def test_a_bad_filter_is_explained_not_a_failure(world, client_for, sent):
    response = client_for(world.kipus).get(
        url(world, "referral_list") + "?status=zzz&stuck=yes&page=x", headers=ENGLISH
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"status", "stuck"}


def test_an_empty_list_says_so(world, client_for):
    response = client_for(world.kipus).get(url(world, "referral_list"), headers=ENGLISH)
    assertContains(response, "The centre has not referred anyone yet.")
    assert not logged(world.kipus)


def test_the_names_on_the_list_are_in_the_access_log(world, client_for, sent):
    client_for(world.kipus).get(url(world, "referral_list"))
    [entry] = logged(world.kipus)
    assert (entry.centre, entry.fields) == (world.a, "referrals sent: names (1)")


def _queries(client, address, headers=ENGLISH) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(address, headers=headers)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_lists_cost_the_same_queries_for_one_and_twenty(world, client_for, linked):
    def counts():
        return (
            _queries(client_for(world.kipus), url(world, "referral_list")),
            _queries(client_for(world.kipus), url(world, "referral_list"), headers=HTMX),
            _queries(client_for(world.provider), org_url(world, "referral_list")),
            _queries(client_for(world.b_kipus), url(world, "incoming_referral_list", world.b)),
        )

    def add():
        person = referred_person(world.a, "Jan", f"Lis {Referral.objects.count()}")
        to_provider(world.a, world.organisation, person=person, shared_fields=["phone"])
        to_centre(world.a, world.b, person=person)
        to_unit(world.a, person=person)

    add()
    small = counts()
    for _i in range(7):
        add()
    assert counts() == small
    assert max(small) <= 14


# --- sending -------------------------------------------------------------------------------


def _form(**fields):
    return {
        "receiver_kind": "provider",
        "urgency": "routine",
        "request": "Asystent osobisty.",
        "reason": "",
        **fields,
    }


def test_the_application_page_offers_a_referral_to_those_who_refer(world, client_for, person):
    application = received(world.a, person=person)
    address = url(world, "application_detail", application_id=application.pk)
    link = url(world, "referral_create") + f"?application={application.pk}"
    assertContains(client_for(world.kipus).get(address, headers=ENGLISH), link)
    assertNotContains(client_for(world.front_desk).get(address, headers=ENGLISH), link)


def test_the_form_from_an_application_starts_with_its_need(world, client_for, person):
    people.consent_withdraw(consent=person.consents.get(purpose="refer_elsewhere"), by=None)
    application = received(world.a, person=person)
    address = url(world, "referral_create") + f"?application={application.pk}"
    response = client_for(world.kipus).get(address, headers=ENGLISH)
    assert response.context["form"]["need_description"].value() == application.description
    assertContains(response, "Refer Halina Nowak alfa")
    assertContains(response, '<strong class="warning-text">not given</strong>', html=True)
    [entry] = logged(world.kipus, subject_id=str(person.pk))
    assert entry.fields == "referral form: name, consents"


def test_the_service_given_page_offers_a_referral(world, client_for, person):
    enrolment = service_given(person)
    address = url(world, "enrolment_detail", enrolment_id=enrolment.pk)
    link = url(world, "referral_create") + f"?enrolment={enrolment.pk}"
    assertContains(client_for(world.kipus).get(address, headers=ENGLISH), link)
    assertNotContains(client_for(world.front_desk).get(address, headers=ENGLISH), link)


def test_sending_from_a_service_given(world, client_for, person):
    enrolment = service_given(person)
    address = url(world, "referral_create") + f"?enrolment={enrolment.pk}"
    page = client_for(world.kipus).get(address, headers=ENGLISH)
    assertContains(page, f"From the service given: {enrolment.service.name}.")
    client_for(world.kipus).post(
        address, _form(receiver_kind="unit", unit_name="Poradnia dietetyczna", reason="")
    )
    referral = Referral.objects.get()
    assert (referral.enrolment, referral.application) == (enrolment, None)
    detail = client_for(world.kipus).get(
        url(world, "referral_detail", referral_id=referral.pk), headers=ENGLISH
    )
    assertContains(detail, url(world, "enrolment_detail", enrolment_id=enrolment.pk))


def test_the_plan_page_offers_a_referral(world, client_for, person):
    plan = plan_for(person, world.kipus)
    address = url(world, "plan_detail", plan_id=plan.pk)
    link = url(world, "referral_create") + f"?plan={plan.pk}"
    assertContains(client_for(world.kipus).get(address, headers=ENGLISH), link)


def test_sending_from_a_plan(world, client_for, person):
    plan = plan_for(person, world.kipus)
    address = url(world, "referral_create") + f"?plan={plan.pk}"
    page = client_for(world.kipus).get(address, headers=ENGLISH)
    assertContains(page, f"From the individual plan {plan.number}.")
    assert page.context["form"]["need_description"].value() == plan.application.description
    client_for(world.kipus).post(
        address, _form(receiver_kind="unit", unit_name="Klub Integracji Społecznej", reason="")
    )
    referral = Referral.objects.get()
    assert (referral.plan, referral.application) == (plan, None)
    detail = client_for(world.kipus).get(
        url(world, "referral_detail", referral_id=referral.pk), headers=ENGLISH
    )
    assertContains(detail, url(world, "plan_detail", plan_id=plan.pk))


def test_sending_from_an_application(world, client_for, person):
    application = received(world.a, person=person)
    address = url(world, "referral_create") + f"?application={application.pk}"
    response = client_for(world.kipus).post(
        address,
        _form(
            organisation=world.organisation.pk,
            unit_name="ignored for a provider",
            shared_fields=["phone", "need"],
            need_description="Potrzebuje pomocy w zakupach.",
        ),
        headers=ENGLISH,
        follow=True,
    )
    referral = Referral.objects.get()
    assertRedirects(response, url(world, "referral_detail", referral_id=referral.pk))
    assert messages_of(response) == [f"Halina Nowak alfa is referred to {world.organisation.name}."]
    assert (referral.application, referral.sent_by, referral.unit_name) == (
        application,
        world.kipus,
        "",
    )
    assert set(referral.shared_data) == {"first_name", "last_name", "phone", "need"}


def test_a_refusal_for_lack_of_consent_is_explained_on_the_form(world, client_for):
    person = referred_person(world.a, consents=[])
    response = client_for(world.kipus).post(
        url(world, "referral_create") + f"?person={person.pk}",
        _form(organisation=world.organisation.pk, reason="Telefon od sąsiadki."),
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assertContains(response, "has not given consent to sharing data with a service provider")
    assert not Referral.objects.exists()


def test_a_centre_without_an_agreement_is_explained_on_the_form(world, client_for, person):
    address = url(world, "referral_create") + f"?person={person.pk}"
    page = client_for(world.kipus).get(address, headers=ENGLISH)
    assertContains(page, "No inter-municipal agreement in force links this centre")
    response = client_for(world.kipus).post(
        address,
        _form(receiver_kind="centre", receiving_centre=world.b.pk, reason="Przeprowadzka."),
        headers=ENGLISH,
    )
    assertContains(
        response, "No inter-municipal agreement in force links this centre with CUS Beta"
    )
    assert not Referral.objects.exists()


def test_the_form_offers_the_centres_an_agreement_links(world, client_for, person, linked):
    theirs = published_service(world.b, name="Dzienny dom")
    response = client_for(world.kipus).get(
        url(world, "referral_create") + f"?person={person.pk}", headers=ENGLISH
    )
    assertContains(response, f'<option value="{world.b.pk}">CUS Beta</option>', html=True)
    assertContains(response, '<optgroup label="CUS Beta">')
    assertContains(response, theirs.name)
    response = client_for(world.kipus).post(
        url(world, "referral_create") + f"?person={person.pk}",
        _form(
            receiver_kind="centre",
            receiving_centre=world.b.pk,
            organisation=world.organisation.pk,
            service=theirs.pk,
            request="",
            reason="Przeprowadzka do córki.",
        ),
    )
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert (referral.receiving_centre, referral.organisation, referral.service) == (
        world.b,
        None,
        theirs,
    )


def test_without_an_application_the_reason_is_needed(world, client_for, person):
    response = client_for(world.kipus).post(
        url(world, "referral_create") + f"?person={person.pk}",
        _form(receiver_kind="unit", unit_name="Poradnia zdrowia psychicznego"),
        headers=ENGLISH,
    )
    assert response.context["form"].errors["reason"] == [
        "Refer from an application, a service given or a plan, or give the reason for the referral."
    ]


def test_an_empty_form_is_explained(world, client_for, person):
    response = client_for(world.kipus).post(
        url(world, "referral_create") + f"?person={person.pk}", {}, headers=ENGLISH
    )
    assert response.status_code == 200
    assert {"receiver_kind", "urgency"} <= set(response.context["form"].errors)


@pytest.mark.parametrize(
    "query",
    [
        "?application=zzz",
        "?person=123",
        "?enrolment=1",
        "?application={other}",
        "?enrolment={given}",
    ],
)
def test_a_bad_or_foreign_source_is_not_found(world, client_for, query):
    other = received(world.b)
    given = service_given(referred_person(world.b))
    plan = plan_for(referred_person(world.b, "Jan", "Lis"), world.b_kipus)
    address = url(world, "referral_create") + query.format(
        other=other.pk, given=given.pk, plan=plan.pk
    )
    assert client_for(world.kipus).get(address).status_code == 404


def test_the_person_is_found_first(world, client_for, person):
    response = client_for(world.kipus).get(
        url(world, "referral_create") + "?q=Nowak", headers=ENGLISH
    )
    assertContains(response, url(world, "referral_create") + f"?person={person.pk}")
    assert logged(world.kipus)[0].fields == "search results: names, birth dates (1)"
    nobody = client_for(world.kipus).get(url(world, "referral_create") + "?q=zzz", headers=ENGLISH)
    assertContains(nobody, "Nobody found")


# --- the referrer's detail, withdrawal, answers of units -----------------------------------


def test_the_detail_shows_what_was_shared_and_the_history(world, client_for, sent, person):
    people.person_update(person=person, by=None, phone="+48 700 000 000")
    response = client_for(world.kipus).get(
        url(world, "referral_detail", referral_id=sent.pk), headers=ENGLISH
    )
    assertContains(response, "+48 600 100 200")
    assertContains(response, "A copy made when the referral was sent")
    assertContains(response, url(world, "person_detail", person_id=person.pk))
    assertNotContains(response, "Record that the service started")
    [entry] = logged(world.kipus, subject_id=str(person.pk))
    assert (entry.centre, entry.purpose) == (world.a, AccessPurpose.CASE_HANDLING)
    assert entry.fields.startswith("referral: name, phone")


def test_the_referrer_records_a_units_answer(world, client_for, person):
    referral = to_unit(world.a, person=person)
    client = client_for(world.kipus)
    detail = client.get(url(world, "referral_detail", referral_id=referral.pk), headers=ENGLISH)
    decline = url(world, "referral_record", referral_id=referral.pk, action="decline")
    assertContains(detail, decline)
    assertContains(detail, "This unit works outside OpenCUS")
    assert client.get(decline, headers=ENGLISH).status_code == 200
    refused = client.post(decline, {"reason": "", "note": ""}, headers=ENGLISH)
    assert refused.context["form"].errors["reason"] == ["This field is required."]
    response = client.post(
        decline,
        {"reason": "no_capacity", "note": "Brak miejsc do września."},
        headers=ENGLISH,
        follow=True,
    )
    assert messages_of(response) == ["The referral is declined."]
    referral.refresh_from_db()
    assert (referral.status, referral.status_reason) == ("declined", "no_capacity")
    assert referral.events.last().recorded_for_receiver is True


def test_a_providers_answer_is_not_recorded_by_the_referrer(world, client_for, sent):
    response = client_for(world.kipus).post(
        url(world, "referral_record", referral_id=sent.pk, action="accept"),
        {},
        headers=ENGLISH,
        follow=True,
    )
    assert messages_of(response) == [f"{world.organisation.name} answers in OpenCUS itself."]
    sent.refresh_from_db()
    assert sent.status == "sent"


def test_a_step_not_possible_now_goes_back_with_why(world, client_for, person):
    referral = to_unit(world.a, person=person)
    response = client_for(world.kipus).get(
        url(world, "referral_record", referral_id=referral.pk, action="complete"),
        headers=ENGLISH,
        follow=True,
    )
    assert messages_of(response) == ["A referral that is “sent” cannot be moved this way."]


def test_an_unknown_step_is_not_found(world, client_for, person):
    referral = to_unit(world.a, person=person)
    address = url(world, "referral_record", referral_id=referral.pk, action="forget")
    assert client_for(world.kipus).get(address).status_code == 404


def test_withdrawal_asks_first_and_needs_a_reason(world, client_for, sent):
    client = client_for(world.kipus)
    address = url(world, "referral_withdraw", referral_id=sent.pk)
    assertContains(client.get(address, headers=ENGLISH), "Yes, withdraw it")
    refused = client.post(address, {"note": " "}, headers=ENGLISH)
    assert refused.context["form"].errors["note"] == ["This field is required."]
    response = client.post(address, {"note": "Osoba zrezygnowała."}, headers=ENGLISH, follow=True)
    assert messages_of(response) == ["The referral is withdrawn."]
    again = client.post(address, {"note": "Jeszcze raz."}, headers=ENGLISH)
    assertContains(again, "A referral that is “withdrawn” cannot become “withdrawn”.")


def test_the_director_sets_when_referrals_are_stuck(world, client_for):
    address = url(world, "referral_settings")
    assert client_for(world.kipus).get(address).status_code == 403
    client = client_for(world.director)
    bad = client.post(address, {"answer_days": "0", "completion_days": "x"}, headers=ENGLISH)
    assert set(bad.context["form"].errors) == {"answer_days", "completion_days"}
    response = client.post(address, {"answer_days": "3", "completion_days": "30"}, follow=True)
    assertRedirects(response, url(world, "referral_list"))
    assert ReferralPolicy.objects.get(centre=world.a).answer_days == 3


def test_the_export_lists_the_referrals_with_their_loop(world, client_for, person):
    to_unit(world.a, person=person, sent_at=ago(days=9))
    response = client_for(world.kipus).get(url(world, "referral_csv"), headers=ENGLISH)
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    header, row = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert header[:4] == ["Sent on", "Person", "Referred to", "Receiver"]
    assert row[1:4] == ["Halina Nowak alfa", "another unit (outside the system)", "PUP Świebodzin"]
    assert row[8:11] == ["open", "9", "yes"]
    [entry] = logged(world.kipus, purpose=AccessPurpose.EXPORT)
    assert entry.centre == world.a


# --- a provider organisation ---------------------------------------------------------------


def test_a_provider_sees_only_its_referrals(world, client_for, sent, person):
    elsewhere = to_provider(world.a, world.other_organisation, person=person)
    client = client_for(world.provider)
    response = client.get(org_url(world, "referral_list"), headers=ENGLISH)
    assert list(response.context["page"].object_list) == [sent]
    for name in ("referral_detail",):
        assert client.get(org_url(world, name, referral_id=elsewhere.pk)).status_code == 404
    answer = org_url(world, "referral_answer", referral_id=elsewhere.pk, action="accept")
    assert client.post(answer).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == "sent"


def test_a_provider_sees_only_what_was_shared_as_it_was(world, client_for, sent, person):
    people.person_update(person=person, by=None, phone="+48 700 000 000", street="ul. Nowa 1")
    response = client_for(world.provider).get(
        org_url(world, "referral_detail", referral_id=sent.pk), headers=ENGLISH
    )
    assertContains(response, "Referral of Halina Nowak alfa from CUS Alfa")
    assertContains(response, "+48 600 100 200")
    for hidden in (
        "+48 700 000 000",
        "ul. Nowa",
        "ul. Lipowa",
        "1944-03-02",
        "Słabo słyszy",
        "Zgłoszenie córki",
        str(person.pk),
    ):
        assertNotContains(response, hidden)
    [entry] = logged(world.provider)
    assert (entry.centre, entry.subject_id, entry.fields) == (
        world.a,
        str(person.pk),
        "referral: name, phone, history",
    )


def test_a_provider_accepts_then_records_the_outcome(world, client_for, sent):
    client = client_for(world.provider)
    detail = client.get(org_url(world, "referral_detail", referral_id=sent.pk), headers=ENGLISH)
    assertContains(detail, "Accept the referral")
    assertContains(detail, "Decline the referral")
    for action, status in (("accept", "accepted"), ("start", "started"), ("complete", "completed")):
        response = client.post(
            org_url(world, "referral_answer", referral_id=sent.pk, action=action),
            {"note": ""},
            follow=True,
        )
        assertRedirects(response, org_url(world, "referral_detail", referral_id=sent.pk))
        sent.refresh_from_db()
        assert sent.status == status
    assert list(sent.events.values_list("by", flat=True)) == [
        world.kipus.pk,
        world.provider.pk,
        world.provider.pk,
        world.provider.pk,
    ]


def test_a_provider_declines_with_a_reason(world, client_for, sent):
    address = org_url(world, "referral_answer", referral_id=sent.pk, action="decline")
    client = client_for(world.provider)
    refused = client.post(address, {"reason": "other", "note": ""}, headers=ENGLISH)
    assert refused.context["form"].errors["note"] == ["Explain the reason “other” in the note."]
    client.post(address, {"reason": "not_eligible", "note": ""})
    sent.refresh_from_db()
    assert (sent.status, sent.status_reason) == ("declined", "not_eligible")


def test_the_organisation_dashboard_links_to_referrals(world, client_for):
    response = client_for(world.provider).get(org_url(world, "dashboard"), headers=ENGLISH)
    assertContains(response, org_url(world, "referral_list"))


# --- a receiving centre --------------------------------------------------------------------


def test_the_receiving_centre_answers_what_it_received(world, client_for, person, linked):
    referral = to_centre(world.a, world.b, person=person, shared_fields=["address"])
    client = client_for(world.b_kipus)
    listing = client.get(url(world, "incoming_referral_list", world.b), headers=ENGLISH)
    assert list(listing.context["page"].object_list) == [referral]
    detail = url(world, "incoming_referral_detail", world.b, incoming_id=referral.pk)
    page = client.get(detail, headers=ENGLISH)
    assertContains(page, "ul. Lipowa 5, 66-200 Świebodzin")
    assertNotContains(page, "+48 600 100 200")
    client.post(
        url(world, "incoming_referral_answer", world.b, incoming_id=referral.pk, action="accept"),
        {"note": "Zapraszamy w poniedziałek."},
    )
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_the_referring_centre_cannot_answer_as_the_receiver(world, client_for, person, linked):
    referral = to_centre(world.a, world.b, person=person)
    client = client_for(world.director)
    detail = url(world, "incoming_referral_detail", incoming_id=referral.pk)
    answer = url(world, "incoming_referral_answer", incoming_id=referral.pk, action="accept")
    assert client.get(detail).status_code == 404
    assert client.post(answer).status_code == 404
    listing = client.get(url(world, "incoming_referral_list"), headers=ENGLISH)
    assertContains(listing, "No referral has been received yet.")


def test_the_person_page_shows_the_persons_referrals_with_their_loop(world, client_for, person):
    stuck = to_unit(world.a, person=person, sent_at=ago(days=9))
    done = to_provider(world.a, world.organisation, person=person, sent_at=ago(days=30))
    services.referral_decline(
        referral=done, by=world.provider, acting_for=world.organisation, reason="no_capacity"
    )
    other = to_provider(world.a, world.organisation, person=referred_person(world.a, "Jan", "Lis"))
    response = client_for(world.kipus).get(
        reverse("centre:person_detail", args=[world.a.slug, person.pk]), headers=ENGLISH
    )
    shown = [r.pk for r in response.context["referrals"]]
    assert shown == [stuck.pk, done.pk]  # stuck first; never another person's
    assert other.pk not in shown
    assertContains(response, "stuck: no answer")
    assertContains(response, "PUP Świebodzin")
    assertContains(response, f"?person={person.pk}")  # Refer this person
    entry = logged(world.kipus, subject_id=str(person.pk))[-1]
    assert "referrals" in entry.fields


def test_the_front_desk_sees_the_referrals_on_the_person_page_but_cannot_refer(
    world, client_for, person
):
    to_unit(world.a, person=person)
    response = client_for(world.front_desk).get(
        reverse("centre:person_detail", args=[world.a.slug, person.pk]), headers=ENGLISH
    )
    assertContains(response, "PUP Świebodzin")
    assertNotContains(response, "Refer this person")


def test_a_person_not_referred_yet_has_an_empty_section(world, client_for, person):
    response = client_for(world.ous).get(
        reverse("centre:person_detail", args=[world.a.slug, person.pk]), headers=ENGLISH
    )
    assertContains(response, "Not referred anywhere yet.")
    assertContains(response, "Refer this person")
