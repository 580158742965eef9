"""The cooperation pages: who may do what, forms that explain refusals, the organisation that
sees only its own records, the access log, lists with fixed query counts, CSV and the PDF."""

import csv
import io
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.audit.models import AccessLogEntry
from opencus.cooperation import services
from opencus.cooperation.models import Contribution, Pilot, Workshop, WorkshopParticipant
from opencus.cooperation.tests.fixtures import (
    CLOSING_REPORT,
    contribution,
    days_ago,
    held_workshop,
    planned_workshop,
    running_pilot,
    verified_partner,
)
from opencus.providers.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
READERS = ["front_desk", "ous", "kipus", "osl", "director"]
MANAGERS = ["ous", "kipus", "osl", "director"]


def url(world, name, centre=None, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": (centre or world.a).slug, **kwargs})


def org_url(world, name, organisation=None, **kwargs):
    slug = (organisation or world.organisation).slug
    return reverse(f"organisation:{name}", kwargs={"organisation_slug": slug, **kwargs})


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def workshop(world):
    return planned_workshop(world.a, world.organisation, by=world.osl)


@pytest.fixture
def pilot(world):
    return running_pilot(world.a, world.organisation, by=world.ous)


def _manage_urls(world, workshop, pilot) -> list[str]:
    submitted = contribution(pilot)
    participant = pilot.workshop.participants.first()
    member = pilot.members.first()
    return [
        url(world, "workshop_create"),
        url(world, "workshop_edit", workshop_id=workshop.pk),
        url(world, "workshop_participant_add", workshop_id=workshop.pk),
        url(
            world,
            "workshop_participant_remove",
            workshop_id=pilot.workshop_id,
            participant_id=participant.pk,
        ),
        url(world, "workshop_outcomes", workshop_id=workshop.pk),
        url(world, "workshop_cancel", workshop_id=workshop.pk),
        url(world, "pilot_create", workshop_id=pilot.workshop_id),
        url(world, "pilot_edit", pilot_id=pilot.pk),
        url(world, "pilot_member_add", pilot_id=pilot.pk),
        url(world, "pilot_member_remove", pilot_id=pilot.pk, member_id=member.pk),
        url(world, "pilot_start", pilot_id=pilot.pk),
        url(world, "pilot_close", pilot_id=pilot.pk),
        url(world, "contribution_respond", contribution_id=submitted.pk),
    ]


# --- who may open what ---------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_every_role_of_the_centre_reads_the_cooperation(world, client_for, workshop, pilot, role):
    client = client_for(getattr(world, role))
    for address, text in (
        (url(world, "workshop_list"), world.organisation.name),
        (url(world, "workshop_detail", workshop_id=workshop.pk), "Workshop with"),
        (url(world, "pilot_list"), world.organisation.name),
        (url(world, "pilot_detail", pilot_id=pilot.pk), "Pilot inclusion of"),
        (url(world, "contribution_list"), "No partner organisation has submitted"),
        (url(world, "cooperation_indicators"), "Liczba Kart „Atrybuty PES/organizacji”"),
    ):
        assertContains(client.get(address, headers=ENGLISH), text)


def test_the_front_desk_reads_but_does_not_manage(world, client_for, workshop, pilot):
    client = client_for(world.front_desk)
    detail = client.get(url(world, "workshop_detail", workshop_id=workshop.pk), headers=ENGLISH)
    assertNotContains(detail, "Record the outcomes")
    assertNotContains(client.get(url(world, "workshop_list"), headers=ENGLISH), "Plan a workshop")
    for address in _manage_urls(world, workshop, pilot):
        assert client.get(address).status_code == 403, address
        assert client.post(address).status_code == 403, address
    assert Workshop.objects.filter(status="cancelled").count() == 0


@pytest.mark.parametrize("role", MANAGERS)
def test_the_organising_team_manages(world, client_for, workshop, pilot, role):
    client = client_for(getattr(world, role))
    for address in _manage_urls(world, workshop, pilot):
        assert client.get(address).status_code in (200, 302), address


def test_another_centre_sees_nothing_of_this_centres_cooperation(
    world, client_for, workshop, pilot
):
    client = client_for(world.b_director)
    with_ids = [a for a in _manage_urls(world, workshop, pilot) if not a.endswith("/new/")]
    for address in [
        *with_ids,
        url(world, "workshop_detail", workshop_id=workshop.pk),
        url(world, "pilot_detail", pilot_id=pilot.pk),
        url(world, "pilot_report_pdf", pilot_id=pilot.pk),
    ]:
        own_centre = address.replace(f"/c/{world.a.slug}/", f"/c/{world.b.slug}/")
        assert client.get(own_centre).status_code == 404, own_centre
        assert client.post(own_centre).status_code == 404, own_centre
    listed = client.get(url(world, "workshop_list", world.b), headers=ENGLISH)
    assertNotContains(listed, world.organisation.name)


def test_another_organisation_sees_nothing_of_this_ones(world, client, workshop, pilot):
    other_staff = MembershipFactory(
        organisation=world.other_organisation, centre=None, role=Role.PROVIDER_STAFF
    ).user
    client.force_login(other_staff)
    other = world.other_organisation
    for address in (
        org_url(world, "cooperation_workshop_detail", other, workshop_id=workshop.pk),
        org_url(world, "cooperation_workshop_confirm", other, workshop_id=workshop.pk),
        org_url(world, "cooperation_workshop_remarks", other, workshop_id=workshop.pk),
        org_url(world, "cooperation_pilot_detail", other, pilot_id=pilot.pk),
        org_url(world, "cooperation_contribution_create", other, pilot_id=pilot.pk),
        org_url(world, "cooperation_pilot_report_pdf", other, pilot_id=pilot.pk),
    ):
        assert client.get(address).status_code == 404, address
        assert client.post(address).status_code == 404, address
    # ... and its lists are empty; the other organisation's address is not its context.
    assertNotContains(
        client.get(org_url(world, "cooperation_workshop_list", other), headers=ENGLISH),
        world.a.name,
    )
    assert client.get(org_url(world, "cooperation_workshop_list")).status_code == 404


def test_the_network_indicators_are_for_the_networks_analyst(world, client_for):
    address = reverse("network:cooperation_indicators", args=[world.network.slug])
    assert client_for(world.analyst).get(address).status_code == 200
    other = MembershipFactory(network=world.other_network, centre=None, role=Role.ANALYST).user
    assert client_for(other).get(address).status_code == 404
    assert client_for(world.director).get(address).status_code == 404


# --- planning a workshop -------------------------------------------------------------------


def _plan(**fields):
    return {
        "held_on": days_ago(-7).isoformat(),
        "place": "Sala CUS",
        "meeting_form": "in_person",
        **fields,
    }


def test_the_osl_plans_a_workshop_with_a_partner(world, client_for):
    verified_partner(world.a, world.organisation)
    client = client_for(world.osl)
    form = client.get(url(world, "workshop_create"), headers=ENGLISH).context["form"]
    assert list(form.fields["organisation"].queryset) == [world.organisation]
    response = client.post(
        url(world, "workshop_create"),
        _plan(organisation=world.organisation.pk, starts_at="10:00"),
        headers=ENGLISH,
    )
    workshop = Workshop.objects.get()
    assertRedirects(response, url(world, "workshop_detail", workshop_id=workshop.pk))
    assert (workshop.centre, workshop.created_by, str(workshop.starts_at)) == (
        world.a,
        world.osl,
        "10:00:00",
    )


def test_a_bad_plan_says_why_and_saves_nothing(world, client_for):
    verified_partner(world.a, world.organisation)
    response = client_for(world.ous).post(
        url(world, "workshop_create"),
        _plan(organisation=world.organisation.pk, place=" "),
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"place": [str(services.MSG_PLACE_REQUIRED)]}
    # An organisation that is not a partner of the centre cannot be chosen at all.
    response = client_for(world.ous).post(
        url(world, "workshop_create"),
        _plan(organisation=world.other_organisation.pk),
        headers=ENGLISH,
    )
    assert "organisation" in response.context["form"].errors
    assert not Workshop.objects.exists()


def test_the_plan_changes_only_while_planned(world, client_for, workshop):
    client = client_for(world.kipus)
    response = client.post(
        url(world, "workshop_edit", workshop_id=workshop.pk),
        _plan(place="Online", meeting_form="online"),
    )
    assertRedirects(response, url(world, "workshop_detail", workshop_id=workshop.pk))
    workshop.refresh_from_db()
    assert workshop.place == "Online"
    held = held_workshop(world.a, world.other_organisation)
    response = client.get(
        url(world, "workshop_edit", workshop_id=held.pk), follow=True, headers=ENGLISH
    )
    assert response.redirect_chain == [(url(world, "workshop_detail", workshop_id=held.pk), 302)]
    assert messages_of(response) == ["Only a planned workshop can be changed (this one is held)."]


def test_participants_are_added_and_removed_with_a_confirmation(world, client_for, workshop):
    client = client_for(world.osl)
    detail = url(world, "workshop_detail", workshop_id=workshop.pk)
    response = client.post(
        url(world, "workshop_participant_add", workshop_id=workshop.pk),
        {"name": "", "role": "", "side": ""},
        headers=ENGLISH,
    )
    assert response.context["form"].errors == {
        "name": [str(services.MSG_NAME_REQUIRED)],
        "role": [str(services.MSG_ROLE_REQUIRED)],
        "side": [str(services.MSG_UNKNOWN_SIDE)],
    }
    response = client.post(
        url(world, "workshop_participant_add", workshop_id=workshop.pk),
        {"name": "Anna Ekspert", "role": "ZET", "side": "zet"},
    )
    assertRedirects(response, detail)
    participant = WorkshopParticipant.objects.get(workshop=workshop)
    remove = url(
        world,
        "workshop_participant_remove",
        workshop_id=workshop.pk,
        participant_id=participant.pk,
    )
    assertContains(client.get(remove, headers=ENGLISH), "Yes, remove")
    assert WorkshopParticipant.objects.filter(pk=participant.pk).exists()
    assertRedirects(client.post(remove), detail)
    assert not WorkshopParticipant.objects.filter(pk=participant.pk).exists()


def test_the_names_of_participants_are_in_the_access_log(world, client_for):
    workshop = held_workshop(world.a, world.organisation)
    client_for(world.front_desk).get(url(world, "workshop_detail", workshop_id=workshop.pk))
    [entry] = AccessLogEntry.objects.filter(actor=world.front_desk)
    assert (entry.centre, entry.fields) == (world.a, "workshop participants: names, roles (4)")


# --- outcomes, cancellation ----------------------------------------------------------------


def test_the_outcomes_make_the_workshop_held(world, client_for):
    workshop = planned_workshop(world.a, world.organisation, held_on=days_ago(0))
    client = client_for(world.ous)
    address = url(world, "workshop_outcomes", workshop_id=workshop.pk)
    response = client.post(address, {"feedback": "Zakres: diagnoza."}, headers=ENGLISH)
    assert response.context["form"].errors == {
        "pilot_scenario": [str(services.MSG_SCENARIO_REQUIRED)]
    }
    page = client.post(
        address,
        {"feedback": "Zakres: diagnoza.", "pilot_scenario": "Propozycje do diagnozy."},
        follow=True,
        headers=ENGLISH,
    )
    assert page.redirect_chain == [(url(world, "workshop_detail", workshop_id=workshop.pk), 302)]
    assertContains(page, "The outcomes are recorded: the workshop is held.")
    assertContains(page, "Propozycje do diagnozy.")
    assertContains(page, "Start a pilot")


def test_outcomes_of_a_future_workshop_are_refused_with_a_message(world, client_for, workshop):
    response = client_for(world.ous).post(
        url(world, "workshop_outcomes", workshop_id=workshop.pk),
        {"feedback": "a", "pilot_scenario": "b"},
        headers=ENGLISH,
    )
    assert response.context["form"].non_field_errors() == [
        services.MSG_OUTCOMES_IN_FUTURE % {"date": workshop.held_on.isoformat()}
    ]


def test_a_workshop_is_cancelled_with_a_reason(world, client_for, workshop):
    client = client_for(world.director)
    address = url(world, "workshop_cancel", workshop_id=workshop.pk)
    assertContains(client.get(address, headers=ENGLISH), "Yes, cancel it")
    response = client.post(address, {"reason": ""}, headers=ENGLISH)
    assert response.context["form"].errors == {"reason": [str(services.MSG_CANCEL_REASON)]}
    assertRedirects(
        client.post(address, {"reason": "Lider zachorował."}),
        url(world, "workshop_detail", workshop_id=workshop.pk),
    )
    workshop.refresh_from_db()
    assert (workshop.status, workshop.cancel_reason) == ("cancelled", "Lider zachorował.")
    for name in ("workshop_outcomes", "workshop_participant_add", "workshop_cancel"):
        response = client.get(url(world, name, workshop_id=workshop.pk))
        assert response.status_code == 302, name


# --- pilots --------------------------------------------------------------------------------


def test_a_pilot_is_planned_from_the_held_workshop(world, client_for):
    workshop = held_workshop(world.a, world.organisation)
    client = client_for(world.osl)
    address = url(world, "pilot_create", workshop_id=workshop.pk)
    form = client.get(address, headers=ENGLISH).context["form"]
    assert form.initial["scope"] == workshop.pilot_scenario
    response = client.post(
        address,
        {
            "scope": workshop.pilot_scenario,
            "starts_on": days_ago(0).isoformat(),
            "ends_on": days_ago(-30).isoformat(),
        },
        headers=ENGLISH,
    )
    [message] = response.context["form"].errors["ends_on"]
    assert message.startswith("The pilot lasts at least 3 months")
    response = client.post(
        address,
        {
            "scope": workshop.pilot_scenario,
            "starts_on": days_ago(0).isoformat(),
            "ends_on": services.pilot_earliest_end(days_ago(0)).isoformat(),
        },
    )
    pilot = Pilot.objects.get()
    assertRedirects(response, url(world, "pilot_detail", pilot_id=pilot.pk))
    # A second pilot from the same workshop is not offered.
    assertRedirects(client.get(address), url(world, "pilot_detail", pilot_id=pilot.pk))


def test_no_pilot_from_a_planned_workshop(world, client_for, workshop):
    response = client_for(world.osl).get(
        url(world, "pilot_create", workshop_id=workshop.pk), follow=True, headers=ENGLISH
    )
    assert messages_of(response) == [
        "A pilot starts from a held workshop with an agreed scenario (this one is planned)."
    ]


def test_a_pilot_without_its_team_does_not_start(world, client_for):
    workshop = held_workshop(world.a, world.organisation, participants=[])
    pilot = services.pilot_create(
        workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
    )
    client = client_for(world.ous)
    response = client.post(url(world, "pilot_start", pilot_id=pilot.pk), headers=ENGLISH)
    assert response.status_code == 200
    assertContains(response, "Before the pilot starts, its team needs")
    pilot.refresh_from_db()
    assert pilot.status == "planned"
    for name, role, side in (
        ("A", "ZET", "zet"),
        ("B", "lider", "organisation"),
        ("C", "OSL", "centre"),
    ):
        client.post(
            url(world, "pilot_member_add", pilot_id=pilot.pk),
            {"name": name, "role": role, "side": side},
        )
    assertRedirects(
        client.post(url(world, "pilot_start", pilot_id=pilot.pk)),
        url(world, "pilot_detail", pilot_id=pilot.pk),
    )
    pilot.refresh_from_db()
    assert pilot.status == "running"


def test_closing_without_the_report_is_refused_field_by_field(world, client_for, pilot):
    client = client_for(world.ous)
    address = url(world, "pilot_close", pilot_id=pilot.pk)
    response = client.post(address, {}, headers=ENGLISH)
    assert set(response.context["form"].errors) == set(services.REPORT_FIELDS) | {"report_sent_on"}
    pilot.refresh_from_db()
    assert pilot.status == "running"
    page = client.post(
        address,
        {**CLOSING_REPORT, "report_sent_on": days_ago(0).isoformat()},
        follow=True,
        headers=ENGLISH,
    )
    assert page.redirect_chain == [(url(world, "pilot_detail", pilot_id=pilot.pk), 302)]
    assert messages_of(page) == ["The pilot is closed with its report."]
    pilot.refresh_from_db()
    assert pilot.status == "closed"
    assertContains(page, CLOSING_REPORT["report_barriers"])
    assertContains(page, "Closing report (PDF)")
    assertNotContains(page, "Add a member")


def test_the_centre_responds_to_a_contribution(world, client_for, pilot):
    submitted = contribution(pilot, by=world.provider)
    client = client_for(world.osl)
    address = url(world, "contribution_respond", contribution_id=submitted.pk)
    response = client.post(address, {"response": "not_taken"}, headers=ENGLISH)
    assert response.context["form"].errors == {"note": [str(services.MSG_RESPONSE_NOTE)]}
    response = client.post(address, {"response": "taken_on", "note": ""})
    assertRedirects(response, url(world, "pilot_detail", pilot_id=pilot.pk))
    submitted.refresh_from_db()
    assert (submitted.response, submitted.responded_by) == ("taken_on", world.osl)


# --- the organisation ----------------------------------------------------------------------


def test_the_organisation_sees_its_workshops_with_each_centre(world, client_for, workshop):
    verified_partner(world.b, world.organisation)
    with_b = planned_workshop(world.b, world.organisation)
    planned_workshop(world.a, world.other_organisation)
    response = client_for(world.provider).get(
        org_url(world, "cooperation_workshop_list"), headers=ENGLISH
    )
    assert {w.pk for w in response.context["page"].object_list} == {workshop.pk, with_b.pk}


def test_the_organisation_confirms_and_adds_its_remarks(world, client_for, workshop):
    client = client_for(world.provider)
    detail = org_url(world, "cooperation_workshop_detail", workshop_id=workshop.pk)
    assertContains(client.get(detail, headers=ENGLISH), "Confirm the participation")
    confirm = org_url(world, "cooperation_workshop_confirm", workshop_id=workshop.pk)
    assertContains(client.get(confirm, headers=ENGLISH), "Yes, we take part")
    assertRedirects(client.post(confirm), detail)
    remarks = org_url(world, "cooperation_workshop_remarks", workshop_id=workshop.pk)
    assertRedirects(
        client.post(remarks, {"remarks": "Prosimy o rzutnik.", "materials": "Teczka portfolio"}),
        detail,
    )
    workshop.refresh_from_db()
    assert workshop.confirmed_by == world.provider
    assert (workshop.organisation_remarks, workshop.organisation_materials) == (
        "Prosimy o rzutnik.",
        "Teczka portfolio",
    )
    # The centre sees what the organisation wrote.
    page = client_for(world.ous).get(url(world, "workshop_detail", workshop_id=workshop.pk))
    assertContains(page, "Prosimy o rzutnik.")


def test_the_organisation_submits_a_contribution_while_the_pilot_runs(world, client_for, pilot):
    client = client_for(world.provider)
    address = org_url(world, "cooperation_contribution_create", pilot_id=pilot.pk)
    response = client.post(
        address, {"kind": "community_plan", "corrects_diagnosis": "on"}, headers=ENGLISH
    )
    assert response.context["form"].errors == {
        "corrects_diagnosis": [str(services.MSG_CORRECTION_NOT_DIAGNOSIS)],
        "title": [str(services.MSG_TITLE_REQUIRED)],
        "content": [str(services.MSG_CONTENT_REQUIRED)],
    }
    response = client.post(
        address,
        {
            "kind": "diagnosis",
            "corrects_diagnosis": "on",
            "title": "Korekta diagnozy: opieka wytchnieniowa",
            "content": "W diagnozie brakuje rodzin opiekujących się osobami starszymi.",
        },
    )
    assertRedirects(response, org_url(world, "cooperation_pilot_detail", pilot_id=pilot.pk))
    submitted = Contribution.objects.get()
    assert (submitted.submitted_by, submitted.corrects_diagnosis) == (world.provider, True)


def test_no_contribution_to_a_pilot_not_running(world, client_for):
    workshop = held_workshop(world.a, world.organisation)
    pilot = services.pilot_create(
        workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
    )
    response = client_for(world.provider).get(
        org_url(world, "cooperation_contribution_create", pilot_id=pilot.pk),
        follow=True,
        headers=ENGLISH,
    )
    assert messages_of(response) == [
        "Contributions are submitted while the pilot runs (this one is planned)."
    ]


# --- the closing report as PDF -------------------------------------------------------------


def _pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_closing_report_is_a_real_polish_pdf(world, client_for, pilot, tmp_path):
    contribution(pilot, title="Propozycje do diagnozy potrzeb")
    services.pilot_close(pilot=pilot, by=world.ous, report_sent_on=days_ago(0), **CLOSING_REPORT)
    response = client_for(world.provider).get(
        org_url(world, "cooperation_pilot_report_pdf", pilot_id=pilot.pk)
    )
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(response.content).split())
    for expected in (
        "RAPORT PODSUMOWUJĄCY PILOTAŻ",
        world.organisation.name,
        world.a.name,
        "Anna Ekspert",
        "Propozycje do diagnozy potrzeb",
        "propozycje do diagnozy potrzeb i potencjału",
        CLOSING_REPORT["report_barriers"],
        CLOSING_REPORT["report_potential"],
        "Przekazano Obserwatorium CUS",
    ):
        assert expected in text, expected
    pdf = tmp_path / "raport.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    [png] = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        width, height = image.size
        assert abs(height / width - 297 / 210) < 0.02  # an A4 page
        grey = image.convert("L")
        assert grey.getextrema()[0] < 128  # something is printed on it
        dark = sum(grey.histogram()[:200])  # pixels darker than light grey
        assert dark > width * height * 0.01


def test_the_report_exists_only_once_the_pilot_is_closed(world, client_for, pilot):
    response = client_for(world.ous).get(
        url(world, "pilot_report_pdf", pilot_id=pilot.pk), follow=True, headers=ENGLISH
    )
    assert messages_of(response) == ["The closing report exists once the pilot is closed."]


# --- lists: filters, htmx, CSV, queries ----------------------------------------------------


def test_the_workshops_are_filtered_by_organisation_and_status(world, client_for, workshop):
    held = held_workshop(world.a, world.other_organisation)
    client = client_for(world.ous)

    def listed(query: str, headers=ENGLISH) -> set:
        response = client.get(url(world, "workshop_list") + query, headers=headers)
        return {w.pk for w in response.context["page"].object_list}

    assert listed("") == {workshop.pk, held.pk}
    assert listed("?status=held") == {held.pk}
    assert listed(f"?q={world.organisation.name}") == {workshop.pk}
    assert listed("?status=held", headers=HTMX) == {held.pk}
    fragment = client.get(url(world, "workshop_list") + "?status=zzz&page=x", headers=HTMX)
    assert fragment.status_code == 200
    assert not fragment.content.decode().lstrip().startswith("<!doctype")
    assert fragment.context["form"].errors.keys() == {"status"}


def test_empty_lists_say_so(world, client_for):
    client = client_for(world.ous)
    assertContains(
        client.get(url(world, "workshop_list"), headers=ENGLISH),
        "The centre has not planned a workshop with a partner organisation yet.",
    )
    assertContains(client.get(url(world, "pilot_list"), headers=ENGLISH), "No pilot yet")
    assertContains(
        client.get(url(world, "workshop_list") + "?q=zzz", headers=ENGLISH),
        "No workshop matches these filters.",
    )


def test_pilots_and_contributions_are_filtered(world, client_for, pilot):
    diagnosis = contribution(pilot)
    plan = contribution(pilot, kind="community_plan", title="Plan OSL")
    services.contribution_respond(contribution=plan, by=world.osl, response="taken_on")
    client = client_for(world.osl)

    def listed(name, query) -> set:
        response = client.get(url(world, name) + query, headers=ENGLISH)
        return {o.pk for o in response.context["page"].object_list}

    assert listed("pilot_list", "?status=running") == {pilot.pk}
    assert listed("pilot_list", "?status=closed") == set()
    assert listed("contribution_list", "?kind=diagnosis") == {diagnosis.pk}
    assert listed("contribution_list", "?response=waiting") == {diagnosis.pk}
    assert listed("contribution_list", "?response=taken_on") == {plan.pk}
    assert listed("contribution_list", "?q=zzz") == set()


def _csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


def test_the_workshops_and_pilots_export_to_csv_without_names(world, client_for, pilot):
    client = client_for(world.front_desk)
    header, *rows = _csv(client.get(url(world, "workshop_csv"), headers=ENGLISH))
    assert header[:3] == ["Date", "Organisation", "Topic"]
    assert [row[1] for row in rows] == [world.organisation.name]
    assert rows[0][5:7] == ["held", "4"]
    assert rows[0][-1] == "yes"
    header, *rows = _csv(client.get(url(world, "pilot_csv") + "?status=running", headers=ENGLISH))
    assert header[2] == "Organisation"
    assert rows == [
        [
            pilot.starts_on.isoformat(),
            pilot.ends_on.isoformat(),
            world.organisation.name,
            "running",
            "0",
            "0",
            "",
        ]
    ]
    everything = str(_csv(client.get(url(world, "workshop_csv"))))
    assert "Anna Ekspert" not in everything


def _queries(client, address, headers=ENGLISH) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(address, headers=headers)
    assert response.status_code == 200, address
    return len(context.captured_queries)


def test_the_lists_cost_the_same_queries_for_one_and_many(world, client_for):
    def counts():
        return (
            _queries(client_for(world.ous), url(world, "workshop_list")),
            _queries(client_for(world.ous), url(world, "workshop_list"), headers=HTMX),
            _queries(client_for(world.ous), url(world, "pilot_list")),
            _queries(client_for(world.ous), url(world, "contribution_list")),
            _queries(client_for(world.provider), org_url(world, "cooperation_workshop_list")),
            _queries(client_for(world.provider), org_url(world, "cooperation_pilot_list")),
        )

    def add(organisation):
        pilot = running_pilot(world.a, organisation)
        contribution(pilot)
        contribution(pilot, kind="consultation_report", title="Raport z konsultacji")
        planned_workshop(world.a, organisation)

    add(world.organisation)
    small = counts()
    for _i in range(6):
        add(OrganisationFactory())
    add(world.organisation)
    assert counts() == small
    assert max(small) <= 14


def test_the_pages_of_one_record_cost_the_same_queries_however_big(world, client_for):
    pilot = running_pilot(world.a, world.organisation)
    contribution(pilot)

    def counts():
        return (
            _queries(
                client_for(world.ous), url(world, "workshop_detail", workshop_id=pilot.workshop_id)
            ),
            _queries(client_for(world.ous), url(world, "pilot_detail", pilot_id=pilot.pk)),
            _queries(
                client_for(world.provider),
                org_url(world, "cooperation_pilot_detail", pilot_id=pilot.pk),
            ),
        )

    small = counts()
    for n in range(8):
        contribution(pilot, title=f"Propozycja {n}")
        services.member_add(pilot=pilot, by=None, name=f"Osoba {n}", role="OSL", side="centre")
        services.participant_add(
            workshop=pilot.workshop, by=None, name=f"Osoba {n}", role="OSL", side="centre"
        )
    assert counts() == small


def test_a_closed_pilots_team_and_a_cancelled_workshops_list_stay_as_they_are(world, client_for):
    pilot = running_pilot(world.a, world.organisation)
    services.pilot_close(pilot=pilot, by=None, report_sent_on=days_ago(0), **CLOSING_REPORT)
    member = pilot.members.first()
    client = client_for(world.ous)
    remove = url(world, "pilot_member_remove", pilot_id=pilot.pk, member_id=member.pk)
    response = client.post(remove, follow=True, headers=ENGLISH)
    assert messages_of(response) == [str(services.MSG_PILOT_CLOSED)]
    assert pilot.members.filter(pk=member.pk).exists()
    workshop = planned_workshop(world.a, world.other_organisation)
    participant = services.participant_add(
        workshop=workshop, by=None, name="Zofia", role="JST", side="jst"
    )
    services.workshop_cancel(workshop=workshop, by=None, reason="Odwołane.")
    remove = url(
        world,
        "workshop_participant_remove",
        workshop_id=workshop.pk,
        participant_id=participant.pk,
    )
    assert client.get(remove).status_code == 302
    client.post(remove)
    assert WorkshopParticipant.objects.filter(pk=participant.pk).exists()
