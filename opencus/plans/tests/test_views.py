import datetime as dt
import subprocess
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from opencus.audit.models import AccessLogEntry
from opencus.people import services as people
from opencus.plans import services
from opencus.plans.enums import PlanStatus
from opencus.plans.models import IndividualPlan, PlanApprovalAuthorisation
from opencus.plans.tests.fixtures import active_plan, agree, draft_plan, ipus_application

TODAY = timezone.localdate


def url(world, name, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": world.a.slug, **kwargs})


def page_messages(response) -> list[str]:
    with translation.override("en"):
        return [str(m) for m in response.context["messages"]]


@pytest.fixture(autouse=True)
def english(client, settings):
    """Pages and messages in English, where the tests read them."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def plan(world):
    return draft_plan(world.a, world.kipus)


# --- who may see what --------------------------------------------------------------------


@pytest.mark.parametrize("who", ["kipus", "ous", "director"])
def test_plan_pages_open_to_kipus_ous_and_director(world, client_for, plan, who):
    client = client_for(getattr(world, who))
    for name, kwargs in [
        ("plan_list", {}),
        ("plan_caseload", {}),
        ("plan_detail", {"plan_id": plan.pk}),
        ("plan_goal_add", {"plan_id": plan.pk}),
        ("plan_item_add", {"plan_id": plan.pk}),
        ("plan_agree", {"plan_id": plan.pk}),
    ]:
        assert client.get(url(world, name, **kwargs)).status_code == 200, name


@pytest.mark.parametrize("who", ["osl", "front_desk"])
def test_osl_and_front_desk_are_refused(world, client_for, plan, who):
    client = client_for(getattr(world, who))
    for name, kwargs in [
        ("plan_list", {}),
        ("plan_caseload", {}),
        ("plan_detail", {"plan_id": plan.pk}),
        ("plan_pdf", {"plan_id": plan.pk}),
        ("plan_create", {}),
    ]:
        assert client.get(url(world, name, **kwargs)).status_code == 403, name
    assert client.post(url(world, "plan_submit", plan_id=plan.pk)).status_code == 403


@pytest.mark.parametrize("who", ["kipus", "ous"])
def test_supervision_and_authorisations_are_the_directors(world, client_for, who):
    client = client_for(getattr(world, who))
    for name in ("plan_supervision", "plan_authorisations"):
        assert client.get(url(world, name)).status_code == 403
    assert client.get(url(world, "plan_caseload_of", user_id=world.kipus.pk)).status_code == 403


def test_another_centres_plan_is_not_found(world, client_for):
    other = draft_plan(world.b, world.b_kipus)
    client = client_for(world.kipus)
    assert client.get(url(world, "plan_detail", plan_id=other.pk)).status_code == 404
    assert client.get(url(world, "plan_pdf", plan_id=other.pk)).status_code == 404
    response = client.get(url(world, "plan_list"))
    assert other.number not in response.content.decode()


def test_reading_a_plan_is_in_the_access_log(world, client_for, plan):
    client = client_for(world.ous)
    client.get(url(world, "plan_detail", plan_id=plan.pk))
    client.get(url(world, "plan_pdf", plan_id=plan.pk))
    entries = AccessLogEntry.objects.filter(actor=world.ous, subject_id=str(plan.person.pk))
    assert entries.count() == 2
    assert all(plan.number in entry.fields for entry in entries)
    assert entries.filter(fields__contains="(PDF)").count() == 1


def test_plans_waiting_for_approval_shown_to_the_director_are_in_the_access_log(
    world, client_for, plan
):
    agree(plan, world.kipus)
    services.plan_submit(plan=plan, by=world.kipus)
    response = client_for(world.director).get(url(world, "plan_supervision"))
    assert url(world, "plan_approve", plan_id=plan.pk) in response.content.decode()
    entry = AccessLogEntry.objects.get(actor=world.director)
    assert entry.fields == "plans waiting for approval: names, plan numbers (1)"


def test_a_search_of_plans_is_in_the_access_log(world, client_for, plan):
    client = client_for(world.kipus)
    response = client.get(url(world, "plan_list"), {"q": "Zenon"})
    assert plan.number in response.content.decode()
    people.person_update(person=plan.person, by=world.kipus, last_name="Żółtowski")
    folded = client.get(url(world, "plan_list"), {"q": "zoltowski"})
    assert plan.number in folded.content.decode()  # found without Polish letters
    assert AccessLogEntry.objects.filter(actor=world.kipus, fields__startswith="search").exists()
    response = client.get(url(world, "plan_list"), {"status": "nonsense", "q": "zzz"})
    assert response.status_code == 200  # a bad filter is shown, not a 500
    assert "status" in response.context["form"].errors
    assert "No plan matches these filters." in response.content.decode()


# --- creating and editing ----------------------------------------------------------------


def test_a_plan_is_started_from_a_waiting_application(world, client_for):
    application = ipus_application(world.a)
    client = client_for(world.kipus)
    response = client.get(url(world, "plan_create"), {"application": application.pk})
    assert response.context["form"].initial["application"] == application.pk
    for mangled in ("nie-uuid", str(uuid.uuid4())):  # not an id, or nobody's
        response = client.get(url(world, "plan_create"), {"application": mangled})
        assert response.status_code == 200
        assert response.context["form"].initial["application"] is None
    data = {
        "application": application.pk,
        "coordinator": world.kipus.pk,
        "period_from": "2026-03-01",
        "period_to": "2027-03-01",
        "monitoring_frequency": "monthly",
    }
    response = client.post(url(world, "plan_create"), data)
    assert response.status_code == 200
    assert "A plan may last at most 12 months (until 28.02.2027)." in str(
        response.context["form"].errors
    )
    response = client.post(url(world, "plan_create"), data | {"period_to": "2027-02-28"})
    plan = IndividualPlan.objects.get()
    assert response.url == url(world, "plan_detail", plan_id=plan.pk)


def test_an_application_not_calling_for_a_plan_is_not_offered(world, client_for):
    application = ipus_application(world.a, ipus_required=False)
    client = client_for(world.kipus)
    response = client.get(url(world, "plan_create"))
    assert not response.context["has_applications"]
    response = client.post(
        url(world, "plan_create"),
        {
            "application": application.pk,
            "coordinator": world.kipus.pk,
            "period_from": TODAY().isoformat(),
            "period_to": TODAY().isoformat(),
            "monitoring_frequency": "monthly",
        },
    )
    assert response.status_code == 200
    assert not IndividualPlan.objects.exists()


def test_goals_services_and_support_are_added_changed_and_removed(world, client_for, plan):
    client = client_for(world.kipus)
    response = client.post(
        url(world, "plan_goal_add", plan_id=plan.pk),
        {
            "goal": "Spacer z wolontariuszem",
            "indicator": "Raz w tygodniu",
            "target_date": (TODAY() + dt.timedelta(days=30)).isoformat(),
            "persons_words": "Lubię park.",
        },
    )
    assert response.status_code == 302
    assert plan.goals.count() == 2
    goal = plan.goals.get(goal="Spacer z wolontariuszem")
    client.post(
        url(world, "plan_goal_edit", goal_id=goal.pk),
        {"goal": "Spacer", "indicator": "Raz", "target_date": TODAY().isoformat()},
    )
    goal.refresh_from_db()
    assert goal.goal == "Spacer"
    assert client.get(url(world, "plan_goal_remove", goal_id=goal.pk)).status_code == 200
    client.post(url(world, "plan_goal_remove", goal_id=goal.pk))
    assert not plan.goals.filter(pk=goal.pk).exists()
    response = client.post(
        url(world, "plan_item_add", plan_id=plan.pk),
        {"external_name": "Grupa wsparcia", "starts_on": TODAY().isoformat()},
    )
    assert response.status_code == 200  # no kind given
    with translation.override("en"):
        assert "one of the two" in str(response.context["form"].errors)
    response = client.post(
        url(world, "plan_support_add", plan_id=plan.pk),
        {"kind": "family", "who": "Córka", "what": "Zakupy w soboty"},
    )
    assert response.status_code == 302
    row = plan.support.get(who="Córka")
    client.post(url(world, "plan_support_remove", support_id=row.pk))
    assert not plan.support.filter(pk=row.pk).exists()


# --- agreement, approval -----------------------------------------------------------------


def test_a_plan_without_agreement_sent_for_approval_is_refused_with_a_message(
    world, client_for, plan
):
    client = client_for(world.kipus)
    response = client.post(url(world, "plan_submit", plan_id=plan.pk), follow=True)
    assert (
        "The plan has not been agreed with the person: record their agreement before sending it "
        "for approval." in page_messages(response)
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_the_agreement_form_asks_for_a_witness_of_an_oral_agreement(world, client_for, plan):
    client = client_for(world.kipus)
    response = client.post(
        url(world, "plan_agree", plan_id=plan.pk),
        {"agreed_on": TODAY().isoformat(), "form": "oral", "agreed_by_name": "Zenon"},
    )
    with translation.override("en"):
        assert "Say in whose presence" in str(response.context["form"].errors)
    response = client.post(
        url(world, "plan_agree", plan_id=plan.pk),
        {
            "agreed_on": TODAY().isoformat(),
            "form": "oral",
            "agreed_by_name": "Zenon",
            "witness": "Anna, pracownica",
        },
    )
    assert response.status_code == 302
    client.post(url(world, "plan_submit", plan_id=plan.pk))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PENDING_APPROVAL


def _pending(world, plan):
    agree(plan, world.kipus)
    return services.plan_submit(plan=plan, by=world.kipus)


def test_approval_by_a_user_without_the_right_is_refused_with_a_message(world, client_for, plan):
    _pending(world, plan)
    client = client_for(world.kipus)
    response = client.get(url(world, "plan_approve", plan_id=plan.pk))
    assert not response.context["may_approve"]
    assert b"You may not approve plans of this centre" in response.content
    response = client.post(url(world, "plan_approve", plan_id=plan.pk))
    assert (
        "You may not approve plans of this centre: only the director, or an organiser of social "
        "services (OUS) holding the director's valid authorisation." in page_messages(response)
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PENDING_APPROVAL


def test_the_director_approves_and_sees_each_services_outcome(world, client_for, plan):
    _pending(world, plan)
    client = client_for(world.director)
    response = client.get(url(world, "plan_approve", plan_id=plan.pk))
    assert response.context["may_approve"]
    assert "qualified on the application: 8 per week" in response.content.decode()
    response = client.post(url(world, "plan_approve", plan_id=plan.pk), follow=True)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    item = plan.items.get(service__isnull=False)
    assert item.requested.notice_number in response.content.decode()


def test_an_authorised_ous_approves_through_the_page(world, client_for, plan):
    services.authorisation_grant(
        centre=world.a,
        by=world.director,
        user=world.ous,
        valid_from=TODAY(),
        valid_to=TODAY() + dt.timedelta(days=30),
    )
    _pending(world, plan)
    client = client_for(world.ous)
    client.post(url(world, "plan_approve", plan_id=plan.pk))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and plan.approved_under is not None


def test_the_director_returns_a_plan_for_changes(world, client_for, plan):
    _pending(world, plan)
    client = client_for(world.director)
    response = client.post(url(world, "plan_return", plan_id=plan.pk), {"reason": ""})
    assert response.status_code == 200
    client.post(url(world, "plan_return", plan_id=plan.pk), {"reason": "Doprecyzuj cel."})
    plan.refresh_from_db()
    assert (plan.status, plan.returned_reason) == (PlanStatus.DRAFT, "Doprecyzuj cel.")
    assert (
        "Doprecyzuj cel." in client.get(url(world, "plan_detail", plan_id=plan.pk)).content.decode()
    )


# --- revision, monitoring, closing ---------------------------------------------------------


def test_the_plan_page_shows_the_differences_between_versions(world, client_for):
    plan = active_plan(world.a, world.kipus, world.director)
    client = client_for(world.kipus)
    client.post(url(world, "plan_revise", plan_id=plan.pk), {"reason": "Nowa potrzeba"})
    client.post(
        url(world, "plan_support_add", plan_id=plan.pk),
        {"kind": "volunteers", "who": "Wolontariusz Piotr", "what": "Spacery"},
    )
    page = client.get(url(world, "plan_detail", plan_id=plan.pk)).content.decode()
    assert "Wolontariusz Piotr: Spacery" in page
    assert 'class="change change--added"' in page
    agree(plan, world.kipus)
    services.plan_submit(plan=plan, by=world.kipus)
    services.plan_approve(plan=plan, by=world.director)
    page = client.get(url(world, "plan_detail", plan_id=plan.pk)).content.decode()
    assert "Nowa potrzeba" in page
    assert page.count('class="change change--added"') == 1


def test_a_monitoring_contact_is_recorded_from_the_plan_page(world, client_for):
    plan = active_plan(world.a, world.kipus, world.director)
    client = client_for(world.kipus)
    response = client.post(
        url(world, "plan_contact_add", plan_id=plan.pk),
        {
            "contact_on": TODAY().isoformat(),
            "kind": "visit",
            "progress": "Lepiej.",
            "next_contact_on": TODAY().isoformat(),
        },
    )
    assert response.status_code == 200  # the next contact must come after this one
    client.post(
        url(world, "plan_contact_add", plan_id=plan.pk),
        {"contact_on": TODAY().isoformat(), "kind": "visit", "progress": "Lepiej."},
    )
    assert plan.contacts.count() == 1


def test_closing_needs_the_summary_and_each_goals_result(world, client_for):
    plan = active_plan(world.a, world.kipus, world.director)
    client = client_for(world.kipus)
    client.post(
        url(world, "plan_end", plan_id=plan.pk),
        {"reason": "withdrew", "ended_on": TODAY().isoformat()},
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSING
    goal = plan.goals.get()
    response = client.post(url(world, "plan_close", plan_id=plan.pk), {})
    errors = response.context["form"].errors
    assert "Record the date of the summary conversation" in str(errors)
    assert f"goal_{goal.pk}" in errors
    client.post(
        url(world, "plan_close", plan_id=plan.pk),
        {
            "summary_conversation_on": TODAY().isoformat(),
            "course_description": "Pan zrezygnował po miesiącu.",
            f"goal_{goal.pk}": "not_achieved",
            f"goal_{goal.pk}_text": "Zrezygnował.",
        },
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED


def test_pages_of_a_plan_in_the_wrong_state_do_not_break(world, client_for, plan):
    client = client_for(world.director)
    for name in ("plan_close", "plan_approve", "plan_end", "plan_revise", "plan_contact_add"):
        response = client.get(url(world, name, plan_id=plan.pk))
        assert response.status_code == 200, name
    response = client.post(url(world, "plan_revise", plan_id=plan.pk), {"reason": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors


# --- authorisations ----------------------------------------------------------------------


def test_the_director_grants_and_revokes_an_authorisation(world, client_for):
    client = client_for(world.director)
    response = client.post(
        url(world, "plan_authorisations"),
        {
            "user": world.ous.pk,
            "number": "UP/1/2026",
            "valid_from": TODAY().isoformat(),
            "valid_to": (TODAY() - dt.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 200 and response.context["form"].errors
    client.post(
        url(world, "plan_authorisations"),
        {
            "user": world.ous.pk,
            "number": "UP/1/2026",
            "valid_from": TODAY().isoformat(),
            "valid_to": (TODAY() + dt.timedelta(days=90)).isoformat(),
        },
    )
    authorisation = PlanApprovalAuthorisation.objects.get()
    assert authorisation.granted_by == world.director
    revoke = url(world, "plan_authorisation_revoke", authorisation_id=authorisation.pk)
    assert client.get(revoke).status_code == 200
    client.post(revoke)
    authorisation.refresh_from_db()
    assert authorisation.revoked_by == world.director


def test_only_ous_of_the_centre_are_offered(world, client_for):
    response = client_for(world.director).get(url(world, "plan_authorisations"))
    offered = set(response.context["form"].fields["user"].queryset)
    assert offered == {world.ous}


# --- the document ------------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_pdf_has_the_whole_plan_in_polish(world, client_for):
    plan = active_plan(world.a, world.kipus, world.director)
    services.contact_record(
        plan=plan, by=world.kipus, contact_on=TODAY(), kind="phone", progress="Bez zmian."
    )
    response = client_for(world.kipus).get(url(world, "plan_pdf", plan_id=plan.pk))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    for expected in [
        "Indywidualny plan usług społecznych",
        plan.number,
        str(plan.person),
        plan.period_from.strftime("%d.%m.%Y"),
        "Samodzielne zakupy",
        "Chcę sam chodzić do sklepu.",
        "Rehabilitacja w poradni NFZ",
        "Pani Maria, sąsiadka",
        "Bez zmian.",
        "podpis na papierze",
        str(world.director),
        str(world.kipus),
    ]:
        assert expected in text, expected
