import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.cases import services as cases
from opencus.cases.enums import ApplicationStatus, Outcome, WaitlistStatus
from opencus.cases.models import CasePolicy
from opencus.cases.tests.fixtures import grant, person_in, programme_service
from opencus.catalogue.tests.fixtures import catalogue_of
from opencus.plans import services
from opencus.plans.enums import PlanStatus
from opencus.plans.models import IndividualPlan, PlanItem
from opencus.plans.periods import add_months, latest_end
from opencus.plans.tests.fixtures import active_plan, agree, draft_plan, ipus_application

TODAY = timezone.localdate


def messages(exc: ValidationError) -> str:
    with translation.override("en"):
        return " ".join(str(m) for m in exc.messages)


def period(days):
    return {"period_from": TODAY(), "period_to": TODAY() + dt.timedelta(days=days)}


def create(application, coordinator, **kwargs):
    return services.plan_create(
        centre=kwargs.pop("centre", application.centre),
        application=application,
        by=coordinator,
        coordinator=coordinator,
        **(period(180) | kwargs),
    )


@pytest.fixture
def ous(world):
    """The OUS of centre a, and a second OUS without any authorisation."""
    return world.ous


def authorise(world, user, start=None, end=None):
    return services.authorisation_grant(
        centre=world.a,
        by=world.director,
        user=user,
        valid_from=start or TODAY() - dt.timedelta(days=10),
        valid_to=end or TODAY() + dt.timedelta(days=100),
    )


def pending(world, **kwargs):
    plan = draft_plan(world.a, world.kipus, **kwargs)
    agree(plan, world.kipus)
    return services.plan_submit(plan=plan, by=world.kipus)


# --- the calendar ----------------------------------------------------------------------


def test_months_are_calendar_months():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    assert latest_end(dt.date(2026, 3, 1)) == dt.date(2027, 2, 28)
    assert latest_end(dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)
    assert latest_end(dt.date(2026, 1, 1)) == dt.date(2026, 12, 31)


# --- creating a plan -------------------------------------------------------------------


def test_a_plan_starts_as_a_draft_with_the_30_day_deadline_from_the_application(world):
    submitted = timezone.now() - dt.timedelta(days=3)
    application = ipus_application(world.a, submitted_at=submitted)
    plan = create(application, world.kipus)
    assert plan.status == PlanStatus.DRAFT
    assert plan.deadline == timezone.localdate(submitted) + dt.timedelta(days=30)
    assert plan.person == application.person
    assert plan.assessment.ipus_required
    assert plan.number == f"{application.case_number}/IPUS"
    application.refresh_from_db()
    assert application.coordinator == world.kipus  # assigned to the coordinator
    assert plan.events.get().note == "plan drafted"


def test_the_deadline_follows_the_centres_setting(world):
    CasePolicy.objects.update_or_create(centre=world.a, defaults={"ipus_deadline_days": 21})
    application = ipus_application(world.a)
    plan = create(application, world.kipus)
    assert plan.deadline == timezone.localdate(application.submitted_at) + dt.timedelta(days=21)


def test_a_plan_is_refused_when_the_needs_recognition_does_not_call_for_one(world):
    application = ipus_application(world.a, ipus_required=False)
    with pytest.raises(ValidationError) as exc:
        create(application, world.kipus)
    assert "does not call for an individual plan" in messages(exc.value)
    assert not IndividualPlan.objects.exists()


def test_the_latest_needs_recognition_decides(world):
    application = ipus_application(world.a, ipus_required=False)
    # a later recognition (the person's situation got worse) calls for a plan
    assessment = application.assessments.get()
    assessment.pk = None
    assessment.id = None
    assessment._state.adding = True
    assessment.ipus_required = True
    assessment.save()
    assert create(application, world.kipus).assessment == assessment


def test_a_plan_needs_recognised_needs(world):
    application = cases.application_receive(
        centre=world.a,
        by=None,
        person=person_in(world.a),
        channel="desk",
        submitter_role="person",
        services=[programme_service(world.a)],
        description="Pomoc w domu.",
    )
    with pytest.raises(ValidationError) as exc:
        create(application, world.kipus)
    assert "needs are recognised" in messages(exc.value)


def test_a_withdrawn_application_gets_no_plan(world):
    application = ipus_application(world.a)
    cases.application_withdraw(application=application, by=None, reason="Rezygnacja.")
    application.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        create(application, world.kipus)
    assert "withdrawn" in messages(exc.value)


def test_the_coordinator_must_be_a_kipus_of_the_centre(world):
    application = ipus_application(world.a)
    for user in (world.ous, world.b_kipus):
        with pytest.raises(ValidationError) as exc:
            services.plan_create(
                centre=world.a,
                application=application,
                by=world.kipus,
                coordinator=user,
                **period(90),
            )
        assert "is not a coordinator of individual plans (KIPUS)" in messages(exc.value)


def test_a_plan_may_last_at_most_12_months(world):
    application = ipus_application(world.a)
    start = dt.date(2026, 3, 1)
    with pytest.raises(ValidationError) as exc:
        create(application, world.kipus, period_from=start, period_to=dt.date(2027, 3, 1))
    assert messages(exc.value) == "A plan may last at most 12 months (until 28.02.2027)."
    plan = create(application, world.kipus, period_from=start, period_to=dt.date(2027, 2, 28))
    assert plan.period_to == dt.date(2027, 2, 28)


def test_a_longer_plan_is_refused_when_its_period_is_changed_too(world):
    plan = draft_plan(world.a, world.kipus)
    with pytest.raises(ValidationError) as exc:
        services.plan_update(
            plan=plan, by=world.kipus, period_to=plan.period_from + dt.timedelta(days=400)
        )
    assert "at most 12 months" in messages(exc.value)


def test_the_database_refuses_a_plan_longer_than_a_year(world):
    plan = draft_plan(world.a, world.kipus)
    IndividualPlan.objects.filter(pk=plan.pk).update(
        period_to=plan.period_from + dt.timedelta(days=365)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        IndividualPlan.objects.filter(pk=plan.pk).update(
            period_to=plan.period_from + dt.timedelta(days=366)
        )


def test_a_plan_cannot_end_before_it_starts(world):
    application = ipus_application(world.a)
    with pytest.raises(ValidationError) as exc:
        create(application, world.kipus, period_to=TODAY() - dt.timedelta(days=1))
    assert "cannot end before it starts" in messages(exc.value)


def test_one_open_plan_per_person(world):
    plan = draft_plan(world.a, world.kipus)
    second = ipus_application(world.a, person=plan.person)
    with pytest.raises(ValidationError) as exc:
        create(second, world.kipus)
    assert f"already has an open plan ({plan.number})" in messages(exc.value)


def test_a_plan_of_another_centres_application_is_refused(world):
    application = ipus_application(world.b)
    with pytest.raises(ValidationError) as exc:
        create(application, world.kipus, centre=world.a)
    assert "another centre" in messages(exc.value)


# --- contents --------------------------------------------------------------------------


def test_an_item_is_a_catalogue_service_or_an_outside_one(world):
    plan = draft_plan(world.a, world.kipus)
    service = plan.items.filter(service__isnull=False).get().service
    cases_ = [
        {"starts_on": TODAY()},  # neither
        {
            "service": service,
            "units_per_period": Decimal(2),
            "period": "week",
            "external_kind": "ngo",
            "external_name": "Klub",
            "starts_on": TODAY(),
        },  # both
        {"external_name": "Klub seniora", "starts_on": TODAY()},  # outside without its kind
    ]
    for fields in cases_:
        with pytest.raises(ValidationError) as exc:
            services.item_add(plan=plan, by=world.kipus, **fields)
        assert "one of the two" in messages(exc.value)


def test_a_catalogue_item_needs_its_amount_and_a_service_of_this_centre(world):
    plan = draft_plan(world.a, world.kipus)
    service = plan.items.filter(service__isnull=False).get().service
    with pytest.raises(ValidationError) as exc:
        services.item_add(plan=plan, by=world.kipus, service=service, starts_on=TODAY())
    assert "units (more than 0) and a period" in messages(exc.value)
    other = programme_service(world.b, "Obcy")
    with pytest.raises(ValidationError) as exc:
        services.item_add(
            plan=plan,
            by=world.kipus,
            service=other,
            units_per_period=Decimal(1),
            period="month",
            starts_on=TODAY(),
        )
    assert "is not a published service of this centre" in messages(exc.value)


def test_an_item_shows_the_services_fee_and_provider(world):
    plan = draft_plan(world.a, world.kipus)
    item = plan.items.filter(service__isnull=False).get()
    assert item.provider == world.a.name  # the centre itself gives it
    assert item.service.resident_price == Decimal("10.00")
    outside = plan.items.filter(service__isnull=True).get()
    assert (outside.name, outside.provider) == (
        "Rehabilitacja w poradni NFZ",
        "Poradnia rehabilitacyjna",
    )


def test_a_change_after_the_agreement_needs_the_persons_agreement_again(world):
    plan = draft_plan(world.a, world.kipus)
    agree(plan, world.kipus)
    services.goal_add(
        plan=plan,
        by=world.kipus,
        goal="Wyjście do klubu",
        indicator="Raz w tygodniu w klubie",
        target_date=TODAY() + dt.timedelta(days=60),
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert plan.agreed_on is None
    assert "the person must agree again" in plan.events.last().note


def test_a_plan_waiting_for_approval_cannot_be_changed(world):
    plan = pending(world)
    with pytest.raises(ValidationError) as exc:
        services.plan_update(plan=plan, by=world.kipus, risk_notes="Nowe ryzyko")
    assert "can be changed only as a draft or under revision" in messages(exc.value)


# --- agreement and approval ------------------------------------------------------------


def test_an_oral_agreement_needs_a_witness(world):
    plan = draft_plan(world.a, world.kipus)
    with pytest.raises(ValidationError) as exc:
        services.plan_agree(
            plan=plan, by=world.kipus, agreed_on=TODAY(), form="oral", agreed_by_name="Zenon"
        )
    assert "in whose presence" in messages(exc.value)
    plan = services.plan_agree(
        plan=plan,
        by=world.kipus,
        agreed_on=TODAY(),
        form="oral",
        agreed_by_name="Zenon Planowy",
        witness="Ewa Nowak, pracownica socjalna",
    )
    assert plan.status == PlanStatus.AGREED
    assert plan.agreement_recorded_by == world.kipus


def test_the_agreement_cannot_be_dated_in_the_future_or_before_the_application(world):
    plan = draft_plan(world.a, world.kipus)
    for day, text in [
        (TODAY() + dt.timedelta(days=1), "cannot be in the future"),
        (TODAY() - dt.timedelta(days=40), "earlier than the application"),
    ]:
        with pytest.raises(ValidationError) as exc:
            services.plan_agree(
                plan=plan, by=world.kipus, agreed_on=day, form="signature", agreed_by_name="Z"
            )
        assert text in messages(exc.value)


def test_a_plan_without_goals_cannot_be_agreed(world):
    plan = create(ipus_application(world.a), world.kipus)
    with pytest.raises(ValidationError) as exc:
        agree(plan, world.kipus)
    assert "Add at least one goal." in messages(exc.value)
    assert "Add at least one service." in messages(exc.value)


def test_goals_and_services_must_fit_in_the_period(world):
    plan = draft_plan(world.a, world.kipus)
    services.goal_add(
        plan=plan,
        by=world.kipus,
        goal="Za późno",
        indicator="x",
        target_date=plan.period_to + dt.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as exc:
        agree(plan, world.kipus)
    assert "“Za późno” must be reached within the plan's period" in messages(exc.value)


def test_a_plan_without_agreement_sent_for_approval_is_refused(world):
    plan = draft_plan(world.a, world.kipus)
    with pytest.raises(ValidationError) as exc:
        services.plan_submit(plan=plan, by=world.kipus)
    assert messages(exc.value) == (
        "The plan has not been agreed with the person: record their agreement before sending it "
        "for approval."
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_the_director_approves_and_the_plan_comes_into_force_as_version_1(world):
    plan = services.plan_approve(plan=pending(world), by=world.director)
    assert plan.status == PlanStatus.ACTIVE
    assert (plan.version, plan.approved_by, plan.approved_under) == (1, world.director, None)
    assert plan.first_approved_on == TODAY()
    version = plan.versions.get()
    assert version.number == 1 and version.reason == "first version"
    assert version.content["goals"][0]["goal"] == "Samodzielne zakupy"
    assert version.content["agreement"]["form"] == "signature"
    assert version.content["approval"]["approved_by"] == str(world.director)


@pytest.mark.parametrize("who", ["kipus", "ous", "osl", "front_desk", "b_director"])
def test_approval_by_a_user_without_the_right_is_refused(world, who):
    plan = pending(world)
    with pytest.raises(ValidationError) as exc:
        services.plan_approve(plan=plan, by=getattr(world, who))
    assert messages(exc.value) == (
        "You may not approve plans of this centre: only the director, or an organiser of social "
        "services (OUS) holding the director's valid authorisation."
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PENDING_APPROVAL and plan.version == 0


def test_an_ous_with_a_valid_authorisation_approves(world, ous):
    authorisation = authorise(world, ous)
    plan = services.plan_approve(plan=pending(world), by=ous)
    assert plan.status == PlanStatus.ACTIVE
    assert plan.approved_under == authorisation
    assert "under the authorisation" in plan.events.filter(status="active").get().note


@pytest.mark.parametrize(
    ("start", "end"),
    [(-100, -1), (1, 100)],
    ids=["expired", "not-yet-valid"],
)
def test_an_ous_whose_authorisation_is_not_valid_today_is_refused(world, ous, start, end):
    authorise(world, ous, TODAY() + dt.timedelta(days=start), TODAY() + dt.timedelta(days=end))
    with pytest.raises(ValidationError) as exc:
        services.plan_approve(plan=pending(world), by=ous)
    assert "may not approve plans" in messages(exc.value)


def test_a_revoked_authorisation_gives_no_right(world, ous):
    authorisation = authorise(world, ous)
    services.authorisation_revoke(authorisation=authorisation, by=world.director)
    with pytest.raises(ValidationError):
        services.plan_approve(plan=pending(world), by=ous)
    with pytest.raises(ValidationError) as exc:
        services.authorisation_revoke(authorisation=authorisation, by=world.director)
    assert "already revoked" in messages(exc.value)


def test_an_authorisation_of_a_user_who_is_no_longer_ous_gives_no_right(world, ous):
    authorise(world, ous)
    ous.memberships.update(ended_on=TODAY())
    former = type(ous).objects.get(pk=ous.pk)  # a new request: roles are read afresh
    with pytest.raises(ValidationError):
        services.plan_approve(plan=pending(world), by=former)


def test_only_the_director_authorises_and_only_an_ous(world, ous):
    with pytest.raises(ValidationError) as exc:
        services.authorisation_grant(
            centre=world.a,
            by=world.ous,
            user=ous,
            valid_from=TODAY(),
            valid_to=TODAY(),
        )
    assert "Only the director" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        authorise(world, world.kipus)
    assert "is not an organiser of social services (OUS)" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        authorise(world, ous, TODAY(), TODAY() - dt.timedelta(days=1))
    assert "cannot come before the start date" in messages(exc.value)


def test_returning_for_changes_needs_a_reason_and_a_new_agreement(world):
    plan = pending(world)
    with pytest.raises(ValidationError) as exc:
        services.plan_return(plan=plan, by=world.director, reason=" ")
    assert "Give the reason." in messages(exc.value)
    with pytest.raises(ValidationError):
        services.plan_return(plan=plan, by=world.kipus, reason="Nie.")
    plan = services.plan_return(plan=plan, by=world.director, reason="Brak celu mierzalnego.")
    assert plan.status == PlanStatus.DRAFT
    assert plan.returned_reason == "Brak celu mierzalnego."
    assert plan.agreed_on is None
    with pytest.raises(ValidationError):
        services.plan_submit(plan=plan, by=world.kipus)


# --- approval turns the plan's services into qualification -----------------------------


def test_approval_grants_each_catalogue_service_with_the_plans_amounts(world):
    plan = services.plan_approve(plan=pending(world), by=world.director)
    item = plan.items.get(service__isnull=False)
    requested = item.requested
    assert requested.outcome == Outcome.GRANTED
    assert (requested.units_per_period, requested.period) == (Decimal("8.00"), "week")
    assert (requested.starts_on, requested.ends_on) == (item.starts_on, plan.period_to)
    assert requested.fee_per_unit == Decimal("10.00")
    assert requested.decided_by == world.director
    outside = plan.items.get(service__isnull=True)
    assert outside.requested is None  # nothing to qualify


def test_a_service_not_yet_asked_for_is_added_to_the_application(world):
    club = programme_service(world.a, "Klub seniora")
    plan = draft_plan(world.a, world.kipus, service=club)
    agree(plan, world.kipus)
    services.plan_submit(plan=plan, by=world.kipus)
    application = plan.application
    assert not application.requested.filter(service=club).exists()
    services.plan_approve(plan=plan, by=world.director)
    line = application.requested.get(service=club)
    assert line.outcome == Outcome.GRANTED
    assert line.note == f"from the plan {plan.number}"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSESSED  # the other service still waits


def test_a_full_limit_puts_the_person_on_the_waiting_list(world):
    service = programme_service(world.a, "Usługi opiekuńcze")
    cases.limit_create(
        service=service,
        by=None,
        starts_on=TODAY() - dt.timedelta(days=10),
        ends_on=TODAY() + dt.timedelta(days=300),
        places=1,
    )
    first = ipus_application(
        world.a, person=person_in(world.a, "Jan", "Pierwszy"), services_=[service]
    )
    grant(first.requested.get())
    application = ipus_application(world.a, services_=[service])
    plan = services.plan_approve(
        plan=pending(world, application=application, service=service), by=world.director
    )
    item = plan.items.get(service=service)
    assert item.requested.outcome == Outcome.WAITLISTED
    assert item.requested.waitlist_entry.status == WaitlistStatus.QUEUED


def test_a_service_granted_before_the_plan_is_not_qualified_twice(world):
    application = ipus_application(world.a)
    line = grant(application.requested.get(), units="4")
    plan = services.plan_approve(plan=pending(world, application=application), by=world.director)
    item = plan.items.get(service__isnull=False)
    assert item.requested == line
    assert item.qualification_note == "decided before the plan: granted"
    line.refresh_from_db()
    assert line.units_per_period == Decimal("4.00")


def test_an_open_access_service_needs_no_qualification(world):
    catalogue_of(world.a)
    club = programme_service(world.a, "Klub otwarty", fee_kind="free")
    club.access_mode = "open"
    club.save()
    plan = pending(world, service=club)
    plan = services.plan_approve(plan=plan, by=world.director)
    item = plan.items.get(service=club)
    assert item.requested is None
    assert item.qualification_note == "open to all: no qualification needed"


def test_approval_is_all_or_nothing(world):
    plan = pending(world)
    cases.application_withdraw(application=plan.application, by=None, reason="Wyjazd.")
    with pytest.raises(ValidationError) as exc:
        services.plan_approve(plan=plan, by=world.director)
    assert "the application is “withdrawn”" in messages(exc.value)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PENDING_APPROVAL
    assert not plan.versions.exists()


# --- revisions -------------------------------------------------------------------------


def test_a_revision_makes_a_new_version_with_its_differences(world):
    plan = active_plan(world.a, world.kipus, world.director)
    services.plan_revise(plan=plan, by=world.kipus, reason="Pogorszenie zdrowia")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.UNDER_REVISION
    goal = plan.goals.get()
    first_date = goal.target_date
    services.goal_update(
        plan_goal=goal, by=world.kipus, target_date=first_date + dt.timedelta(days=30)
    )
    services.support_remove(support=plan.support.get(), by=world.kipus)
    services.item_add(
        plan=plan,
        by=world.kipus,
        external_kind="ngo",
        external_name="Wolontariusz – spacery",
        starts_on=TODAY(),
    )
    from opencus.plans.selectors import pending_changes, version_history

    plan.refresh_from_db()
    pending_lines = pending_changes(plan)
    assert {(c.kind, str(c.section)) for c in pending_lines} == {
        ("changed", "Goal"),
        ("removed", "Own action or support"),
        ("added", "Service"),
    }
    with pytest.raises(ValidationError):  # re-agreement first
        services.plan_submit(plan=plan, by=world.kipus)
    agree(plan, world.kipus)
    services.plan_submit(plan=plan, by=world.kipus)
    plan = services.plan_approve(plan=plan, by=world.director)
    assert plan.status == PlanStatus.ACTIVE and plan.version == 2
    latest = plan.versions.get(number=2)
    assert latest.reason == "Pogorszenie zdrowia"
    history = version_history(plan)
    assert [v.version.number for v in history] == [2, 1]
    with translation.override("en"):
        lines = {
            (c.kind, c.label, tuple((str(f[0]), f[1], f[2]) for f in c.fields))
            for c in history[0].changes
        }
    old_date = first_date.strftime("%d.%m.%Y")
    new_date = (first_date + dt.timedelta(days=30)).strftime("%d.%m.%Y")
    assert ("changed", "Samodzielne zakupy", (("reached by", old_date, new_date),)) in lines
    assert ("added", "Wolontariusz – spacery", ()) in lines
    assert ("removed", "Pani Maria, sąsiadka: Zagląda codziennie wieczorem", ()) in lines
    assert history[1].changes == []  # the first version has nothing before it


def test_only_an_active_plan_is_revised_and_a_reason_is_needed(world):
    plan = draft_plan(world.a, world.kipus)
    with pytest.raises(ValidationError):
        services.plan_revise(plan=plan, by=world.kipus, reason="x")
    active = active_plan(world.b, world.b_kipus, world.b_director)
    with pytest.raises(ValidationError) as exc:
        services.plan_revise(plan=active, by=world.b_kipus, reason="")
    assert "Give the reason." in messages(exc.value)


def test_a_returned_revision_goes_back_under_revision(world):
    plan = active_plan(world.a, world.kipus, world.director)
    services.plan_revise(plan=plan, by=world.kipus, reason="Zmiana godzin")
    agree(plan, world.kipus)
    services.plan_submit(plan=plan, by=world.kipus)
    plan = services.plan_return(plan=plan, by=world.director, reason="Uzupełnić ryzyka")
    assert plan.status == PlanStatus.UNDER_REVISION
    assert plan.version == 1


def test_a_changed_service_in_a_revision_is_qualified_again(world):
    plan = active_plan(world.a, world.kipus, world.director)
    services.plan_revise(plan=plan, by=world.kipus, reason="Inna usługa")
    item = plan.items.get(service__isnull=False)
    other = programme_service(world.a, "Opieka wytchnieniowa")
    services.item_update(item=item, by=world.kipus, service=other)
    item.refresh_from_db()
    assert item.requested is None
    agree(plan, world.kipus)
    services.plan_submit(plan=plan, by=world.kipus)
    services.plan_approve(plan=plan, by=world.director)
    item.refresh_from_db()
    assert item.requested.service == other and item.requested.outcome == Outcome.GRANTED


# --- monitoring ------------------------------------------------------------------------


def test_monitoring_contacts_are_for_a_plan_in_force(world):
    plan = draft_plan(world.a, world.kipus)
    with pytest.raises(ValidationError) as exc:
        services.contact_record(
            plan=plan, by=world.kipus, contact_on=TODAY(), kind="visit", progress="x"
        )
    assert "while the plan is in force" in messages(exc.value)


def test_a_contact_is_not_in_the_future_nor_before_the_approval(world):
    plan = active_plan(world.a, world.kipus, world.director)
    for day, text in [
        (TODAY() + dt.timedelta(days=1), "cannot be in the future"),
        (TODAY() - dt.timedelta(days=1), "earlier than the plan's approval"),
    ]:
        with pytest.raises(ValidationError) as exc:
            services.contact_record(
                plan=plan, by=world.kipus, contact_on=day, kind="visit", progress="x"
            )
        assert text in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.contact_record(
            plan=plan,
            by=world.kipus,
            contact_on=TODAY(),
            kind="visit",
            progress="x",
            next_contact_on=TODAY(),
        )
    assert "must come after this one" in messages(exc.value)


def test_the_next_review_follows_the_monitoring_frequency(world):
    from opencus.plans.selectors import next_review

    plan = active_plan(world.a, world.kipus, world.director)
    assert next_review(plan) == add_months(TODAY(), 1)
    plan.monitoring_frequency = "quarterly"
    assert next_review(plan) == add_months(TODAY(), 3)
    services.contact_record(
        plan=plan,
        by=world.kipus,
        contact_on=TODAY(),
        kind="visit",
        progress="Dobrze.",
        next_contact_on=TODAY() + dt.timedelta(days=10),
    )
    assert next_review(plan) == TODAY() + dt.timedelta(days=10)


# --- ending and closing ----------------------------------------------------------------


def test_a_plan_ends_early_for_a_reason_and_closes_with_the_summary(world):
    plan = active_plan(world.a, world.kipus, world.director)
    with pytest.raises(ValidationError) as exc:
        services.plan_end(plan=plan, by=world.kipus, reason="period_end", ended_on=TODAY())
    assert "choose the reason for ending it early" in messages(exc.value)
    plan = services.plan_end(plan=plan, by=world.kipus, reason="moved_out", ended_on=TODAY())
    assert plan.status == PlanStatus.CLOSING
    goal = plan.goals.get()
    with pytest.raises(ValidationError) as exc:
        services.plan_close(
            plan=plan,
            by=world.kipus,
            summary_conversation_on=None,
            course_description="",
            results={},
        )
    text = messages(exc.value)
    assert "Record the date of the summary conversation" in text
    assert "Write the description of the course and results" in text
    assert "Give the result of the goal “Samodzielne zakupy” and describe it." in text
    with pytest.raises(ValidationError) as exc:
        services.plan_close(
            plan=plan,
            by=world.kipus,
            summary_conversation_on=TODAY(),
            course_description="Przebieg dobry.",
            results={goal.pk: ("partly", "")},
        )
    assert "Give the result of the goal" in messages(exc.value)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSING
    plan = services.plan_close(
        plan=plan,
        by=world.kipus,
        summary_conversation_on=TODAY(),
        course_description="Pan Zenon przeprowadził się do córki.",
        results={goal.pk: ("partly", "Robi zakupy z pomocą sąsiadki.")},
    )
    assert plan.status == PlanStatus.CLOSED and plan.closed_by == world.kipus
    goal.refresh_from_db()
    assert (goal.result, goal.result_description) == ("partly", "Robi zakupy z pomocą sąsiadki.")


def test_the_database_refuses_a_closed_plan_without_its_summary(world):
    plan = active_plan(world.a, world.kipus, world.director)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndividualPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.CLOSED)


def test_the_end_date_fits_the_plan(world):
    plan = active_plan(world.a, world.kipus, world.director)
    with pytest.raises(ValidationError) as exc:
        services.plan_end(
            plan=plan, by=world.kipus, reason="death", ended_on=TODAY() + dt.timedelta(days=1)
        )
    assert "cannot be in the future" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.plan_end(
            plan=plan, by=world.kipus, reason="death", ended_on=TODAY() - dt.timedelta(days=1)
        )
    assert "before its period starts" in messages(exc.value)


def test_a_new_plan_after_a_closed_one_links_to_it(world):
    plan = active_plan(world.a, world.kipus, world.director)
    services.plan_end(plan=plan, by=world.kipus, reason="goals_met", ended_on=TODAY())
    services.plan_close(
        plan=plan,
        by=world.kipus,
        summary_conversation_on=TODAY(),
        course_description="Cele osiągnięte.",
        results={g.pk: ("achieved", "Tak.") for g in plan.goals.all()},
    )
    again = ipus_application(world.a, person=plan.person)
    new = create(again, world.kipus)
    assert new.previous == plan
    assert new.status == PlanStatus.DRAFT


def test_the_history_records_who_did_what(world):
    plan = active_plan(world.a, world.kipus, world.director)
    notes = [(e.status, e.by) for e in plan.events.all()]
    assert notes[0] == (PlanStatus.DRAFT, world.kipus)
    assert (PlanStatus.AGREED, world.kipus) in notes
    assert (PlanStatus.PENDING_APPROVAL, world.kipus) in notes
    assert (PlanStatus.ACTIVE, world.director) in notes


def test_changes_are_in_the_audit_history(world):
    from auditlog.models import LogEntry

    plan = draft_plan(world.a, world.kipus)
    entries = LogEntry.objects.get_for_object(plan)
    assert entries.filter(actor=world.kipus).exists()
    assert entries.first().additional_data == {"centre": str(world.a.pk)}
    assert LogEntry.objects.get_for_objects(PlanItem.objects.filter(plan=plan)).count() == 2


def test_a_second_kipus_of_another_role_may_coordinate(world):
    other = MembershipFactory(centre=world.a, role=Role.KIPUS).user
    plan = draft_plan(world.a, world.kipus)
    plan = services.plan_update(plan=plan, by=world.kipus, coordinator=other)
    assert plan.coordinator == other
    plan.application.refresh_from_db()
    assert plan.application.coordinator == other


# --- two records of one person merged ---------------------------------------------------


def test_merging_two_records_moves_the_plans_to_the_kept_one(world):
    from opencus.people import services as people

    plan = draft_plan(world.a, world.kipus)
    keep = person_in(world.a, "Zenon", "Zachowany")
    people.person_merge(keep=keep, duplicate=plan.person, by=world.director)
    plan.refresh_from_db()
    assert plan.person == keep
    assert plan.events.last().note == f"moved to the kept record of {keep}"


def test_two_open_plans_stop_the_merge(world):
    from opencus.people import services as people

    first = draft_plan(world.a, world.kipus)
    second = draft_plan(
        world.a,
        world.kipus,
        application=ipus_application(world.a, person=person_in(world.a, "Zenon", "Drugi")),
    )
    with pytest.raises(ValidationError) as exc:
        people.person_merge(keep=first.person, duplicate=second.person, by=world.director)
    assert "Both records have an open individual plan" in messages(exc.value)
    second.refresh_from_db()
    assert second.person.merged_into is None
