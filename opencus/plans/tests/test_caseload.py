import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.cases import services as cases
from opencus.cases.tests.fixtures import grant, person_in, programme_service
from opencus.plans import selectors, services
from opencus.plans.enums import DueKind
from opencus.plans.models import CaseloadReminder, IndividualPlan
from opencus.plans.periods import add_months
from opencus.plans.tasks import send_caseload_reminders
from opencus.plans.tests.fixtures import active_plan, draft_plan, ipus_application

TODAY = timezone.localdate


def days_ago(days):
    return timezone.now() - dt.timedelta(days=days)


@pytest.fixture
def busy(world):
    """A KIPUS with one of everything that can be due, and a colleague with nothing due."""
    a, kipus = world.a, world.kipus
    # an application waiting for a plan, past its 30 days
    late = ipus_application(
        a, person=person_in(a, "Olga", "Późna"), submitted_at=days_ago(40), by=kipus
    )
    # a draft whose 30 days run out in 5
    draft = draft_plan(
        a,
        kipus,
        application=ipus_application(
            a, person=person_in(a, "Adam", "Szkic"), submitted_at=days_ago(25)
        ),
    )
    # an active plan whose monthly contact is overdue (approved 35 days ago, no contact since)
    overdue = active_plan(
        a,
        kipus,
        world.director,
        application=ipus_application(a, person=person_in(a, "Ewa", "Przegląd")),
    )
    IndividualPlan.objects.filter(pk=overdue.pk).update(
        first_approved_on=TODAY() - dt.timedelta(days=35)
    )
    # an active plan ending in 10 days, its next contact agreed in 20
    ending = active_plan(
        a,
        kipus,
        world.director,
        application=ipus_application(a, person=person_in(a, "Jan", "Koniec")),
    )
    IndividualPlan.objects.filter(pk=ending.pk).update(period_to=TODAY() + dt.timedelta(days=10))
    services.contact_record(
        plan=ending,
        by=kipus,
        contact_on=TODAY(),
        kind="phone",
        progress="Dobrze.",
        next_contact_on=TODAY() + dt.timedelta(days=20),
    )
    # a place offered to one of my people, reply within the centre's 7 days
    service = programme_service(a, "Opieka wytchnieniowa")
    limit = cases.limit_create(
        service=service,
        by=None,
        starts_on=TODAY() - dt.timedelta(days=5),
        ends_on=TODAY() + dt.timedelta(days=200),
        places=1,
    )
    first = ipus_application(
        a, person=person_in(a, "Inna", "Osoba"), services_=[service], ipus_required=False
    )
    taken = grant(first.requested.get())
    line = cases.requested_add(application=ending.application, service=service, by=None)
    grant(line)
    cases.place_release(requested=taken, by=None)
    assert limit.entries.get().status == "offered"
    return {"late": late, "draft": draft, "overdue": overdue, "ending": ending}


def test_the_caseload_lists_what_is_due_overdue_first(world, busy):
    caseload = selectors.caseload(centre=world.a, coordinator=world.kipus)
    kinds = [(a.kind, str(a.person).split()[1]) for a in caseload.actions]
    assert kinds == [
        (DueKind.PREPARE, "Późna"),  # 10 days overdue
        (DueKind.REVIEW, "Przegląd"),  # overdue since the month after the approval
        (DueKind.PREPARE, "Szkic"),  # 5 days left
        (DueKind.OFFER, "Koniec"),  # reply within 7 days
        (DueKind.ENDING, "Koniec"),  # 10 days
        (DueKind.REVIEW, "Koniec"),  # 20 days
    ]
    assert [a.overdue for a in caseload.actions] == [True, True, False, False, False, False]
    late = caseload.actions[0]
    assert late.application == busy["late"] and late.days_overdue == 10
    review = caseload.actions[1]
    assert review.due_on == add_months(TODAY() - dt.timedelta(days=35), 1)
    assert caseload.actions[3].detail.startswith("Opieka wytchnieniowa")
    assert {p.pk for p in caseload.plans} == {busy[k].pk for k in ("draft", "overdue", "ending")}
    assert [a.application for a in caseload.overdue if a.application] == [busy["late"]]


def test_another_coordinators_plans_are_not_in_my_caseload(world, busy):
    other = MembershipFactory(centre=world.a, role=Role.KIPUS).user
    assert selectors.caseload(centre=world.a, coordinator=other).actions == []
    assert selectors.caseload(centre=world.b, coordinator=world.kipus).actions == []


def test_reviews_and_ends_far_ahead_wait_outside_the_list(world):
    plan = active_plan(world.a, world.kipus, world.director)
    services.contact_record(
        plan=plan,
        by=world.kipus,
        contact_on=TODAY(),
        kind="visit",
        progress="x",
        next_contact_on=TODAY() + dt.timedelta(days=45),
    )
    caseload = selectors.caseload(centre=world.a, coordinator=world.kipus)
    assert caseload.actions == []
    assert caseload.plans[0].next_due.kind == DueKind.REVIEW  # still shown beside the plan


PAGES = ("plan_caseload", "plan_list", "plan_supervision")


def _queries(client, world, django_assert_max_num_queries) -> dict:
    counts = {}
    for name in PAGES:
        page = reverse(f"centre:{name}", kwargs={"centre_slug": world.a.slug})
        with django_assert_max_num_queries(14), CaptureQueriesContext(connection) as queries:
            response = client.get(page)
        assert response.status_code == 200
        counts[name] = len(queries)
    return counts


def test_plan_lists_cost_the_same_queries_for_1_and_20_plans(
    world, client_for, django_assert_max_num_queries
):
    """The caseload, the list of plans and the supervision (as the director)."""
    world.director.memberships.create(centre=world.a, role=Role.KIPUS)  # sees all three
    client = client_for(world.director)
    client.get(reverse("centre:plan_caseload", kwargs={"centre_slug": world.a.slug}))  # session
    coordinator = world.director
    active_plan(world.a, coordinator, world.director)
    one = _queries(client, world, django_assert_max_num_queries)
    for n in range(19):
        person = person_in(world.a, f"Osoba{n}", f"Plan{n}")
        if n % 2:
            draft_plan(world.a, coordinator, application=ipus_application(world.a, person=person))
        else:
            plan = active_plan(
                world.a,
                coordinator,
                world.director,
                application=ipus_application(world.a, person=person),
            )
            services.contact_record(
                plan=plan, by=coordinator, contact_on=TODAY(), kind="phone", progress="x"
            )
        ipus_application(world.a, person=person_in(world.a, f"Czeka{n}", "Wniosek"), by=coordinator)
    twenty = _queries(client, world, django_assert_max_num_queries)
    assert IndividualPlan.objects.count() == 20
    assert twenty == one


def test_the_caseload_page_shows_the_timers(world, client_for, busy):
    with translation.override("en"):
        client = client_for(world.kipus)
        client.cookies["django_language"] = "en"
        page = client.get(
            reverse("centre:plan_caseload", kwargs={"centre_slug": world.a.slug})
        ).content.decode()
    assert page.index("10 days overdue") < page.index("5 days left")
    assert "Start the plan (" in page  # the late application, one click from its plan


def test_supervision_counts_plans_by_coordinator(world, busy, client_for):
    other = MembershipFactory(centre=world.a, role=Role.KIPUS).user
    unassigned = ipus_application(world.a, person=person_in(world.a, "Bez", "Koordynatora"))
    assert unassigned.coordinator is None
    view = selectors.supervision(centre=world.a)
    rows = {row.user: row for row in view.rows}
    mine = rows[world.kipus]
    assert (mine.in_preparation, mine.in_force, mine.waiting) == (1, 2, 1)
    assert (mine.deadline_overdue, mine.reviews_overdue, mine.ending_soon) == (1, 1, 1)
    assert rows[other].in_force == 0
    assert view.unassigned == 1
    response = client_for(world.director).get(
        reverse("centre:plan_supervision", kwargs={"centre_slug": world.a.slug})
    )
    caseload_url = reverse(
        "centre:plan_caseload_of", kwargs={"centre_slug": world.a.slug, "user_id": world.kipus.pk}
    )
    assert caseload_url in response.content.decode()
    response = client_for(world.director).get(caseload_url)
    assert len(response.context["caseload"].actions) == 6


def test_supervision_costs_the_same_queries_whatever_the_plans(
    world, busy, client_for, django_assert_max_num_queries
):
    client = client_for(world.director)
    page = reverse("centre:plan_supervision", kwargs={"centre_slug": world.a.slug})
    with django_assert_max_num_queries(12):
        assert client.get(page).status_code == 200


# --- reminders -------------------------------------------------------------------------


def test_the_task_mails_each_kipus_their_caseload_once_a_day(world, busy):
    MembershipFactory(centre=world.a, role=Role.KIPUS)  # nothing due: no mail
    result = send_caseload_reminders.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world.kipus.email]
    assert world.a.name in message.subject
    body = message.body
    assert body.index("Późna") < body.index("Szkic") < body.index("Koniec")
    assert f"/c/{world.a.slug}/plans/caseload/" in body
    assert CaseloadReminder.objects.get().items == 6
    send_caseload_reminders.enqueue()  # again the same day
    assert len(mail.outbox) == 1
    assert services.caseload_reminders_send(today=TODAY() + dt.timedelta(days=1)) == 1
    assert len(mail.outbox) == 2


def test_the_reminder_is_in_the_coordinators_language(world, busy):
    world.kipus.preferred_language = "en"
    world.kipus.save()
    services.caseload_reminders_send()
    assert "IPUS caseload: 2 overdue" in mail.outbox[0].subject
    assert "prepare the plan" in mail.outbox[0].body


def test_a_failed_mail_is_sent_again_by_the_next_run(world, busy, monkeypatch):
    from opencus.plans import notifications

    def broken(**kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(notifications, "caseload_reminder", broken)
    with pytest.raises(OSError):
        services.caseload_reminders_send()
    assert not CaseloadReminder.objects.exists()
    monkeypatch.undo()
    assert services.caseload_reminders_send() == 1


def test_the_command_queues_the_reminders(world, busy, capsys):
    call_command("send_caseload_reminders")
    assert "Caseload reminders queued" in capsys.readouterr().out
    assert len(mail.outbox) == 1  # the test backend runs tasks at once
