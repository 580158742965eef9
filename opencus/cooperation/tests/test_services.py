"""The rules of procedures 5 and 6: one test per rule and per refusal."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from opencus.cooperation import services
from opencus.cooperation.models import Contribution, Pilot, PilotEvent, Workshop
from opencus.cooperation.tests.fixtures import (
    CLOSING_REPORT,
    contribution,
    days_ago,
    held_workshop,
    planned_workshop,
    running_pilot,
    verified_partner,
)
from opencus.providers import services as providers
from opencus.providers.enums import DocumentStatus
from opencus.providers.models import Portfolio, PortfolioSubmission
from opencus.providers.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def messages_of(exc: ValidationError, field: str) -> list[str]:
    return exc.value.message_dict[field]


def final_portfolio(organisation, centre, version=1) -> PortfolioSubmission:
    portfolio = Portfolio.objects.create(
        organisation=organisation,
        version=version,
        status=DocumentStatus.FINAL,
        finalised_at=timezone.now(),
    )
    return PortfolioSubmission.objects.create(portfolio=portfolio, centre=centre)


# --- procedure 5: planning ---------------------------------------------------------------


def test_the_centre_plans_a_workshop_with_a_verified_partner(world):
    workshop = planned_workshop(world.a, world.organisation, by=world.osl, starts_at=dt.time(10))
    assert (workshop.status, workshop.created_by, workshop.place) == (
        "planned",
        world.osl,
        "Sala konferencyjna CUS, ul. Ogrodowa 1",
    )
    assert workshop.starts_at == dt.time(10)


@pytest.mark.parametrize("asked", [False, True], ids=["never-asked", "waiting"])
def test_a_workshop_needs_a_verified_partner(world, asked):
    if asked:
        providers.partnership_request(organisation=world.organisation, centre=world.a, by=None)
    with pytest.raises(ValidationError) as exc:
        services.workshop_plan(
            centre=world.a,
            organisation=world.organisation,
            by=world.ous,
            held_on=days_ago(-3),
            place="CUS",
        )
    assert messages_of(exc, "organisation") == [
        services.MSG_NOT_PARTNER % {"organisation": world.organisation.name}
    ]
    assert not Workshop.objects.exists()


def test_a_partner_of_another_centre_is_not_a_partner_here(world):
    verified_partner(world.b, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.workshop_plan(
            centre=world.a, organisation=world.organisation, by=None, held_on=days_ago(0), place="X"
        )
    assert "organisation" in exc.value.message_dict


def test_a_workshop_needs_a_place_and_a_known_form(world):
    verified_partner(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.workshop_plan(
            centre=world.a,
            organisation=world.organisation,
            by=None,
            held_on=days_ago(0),
            place="  ",
            meeting_form="smoke-signals",
        )
    assert messages_of(exc, "place") == [services.MSG_PLACE_REQUIRED]
    assert messages_of(exc, "meeting_form") == [services.MSG_UNKNOWN_FORM]


def test_the_portfolio_presented_is_one_the_organisation_sent_to_this_centre(world):
    own = final_portfolio(world.organisation, world.a)
    workshop = planned_workshop(world.a, world.organisation, portfolio_submission=own)
    assert workshop.portfolio_submission == own
    for other in (
        final_portfolio(world.other_organisation, world.a),  # another organisation's
        final_portfolio(world.organisation, world.b, version=2),  # sent to another centre
    ):
        with pytest.raises(ValidationError) as exc:
            planned_workshop(world.a, world.organisation, portfolio_submission=other)
        assert messages_of(exc, "portfolio_submission") == [
            services.MSG_PORTFOLIO_NOT_THEIRS % {"organisation": world.organisation.name}
        ]


def test_only_a_planned_workshop_changes_its_plan(world):
    workshop = planned_workshop(world.a, world.organisation)
    changed = services.workshop_update(
        workshop=workshop,
        by=world.ous,
        held_on=days_ago(-10),
        place="Online",
        meeting_form="online",
    )
    assert (changed.place, changed.meeting_form) == ("Online", "online")
    held = held_workshop(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.workshop_update(
            workshop=held, by=world.ous, held_on=days_ago(1), place="X", meeting_form="online"
        )
    assert exc.value.messages == [services.MSG_WORKSHOP_NOT_PLANNED % {"status": "held"}]


def test_a_participant_has_a_name_a_role_and_a_side(world):
    workshop = planned_workshop(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.participant_add(workshop=workshop, by=None, name=" ", role="", side="press")
    assert exc.value.message_dict == {
        "name": [services.MSG_NAME_REQUIRED],
        "role": [services.MSG_ROLE_REQUIRED],
        "side": [services.MSG_UNKNOWN_SIDE],
    }
    added = services.participant_add(
        workshop=workshop, by=None, name=" Anna Nowak ", role="OUS", side="centre"
    )
    assert added.name == "Anna Nowak"


# --- procedure 5: the organisation's part ------------------------------------------------


def test_the_organisation_confirms_once_while_the_workshop_is_planned(world):
    workshop = planned_workshop(world.a, world.organisation)
    confirmed = services.workshop_confirm(workshop=workshop, by=world.provider)
    assert confirmed.confirmed_by == world.provider
    with pytest.raises(ValidationError) as exc:
        services.workshop_confirm(workshop=workshop, by=world.provider)
    assert exc.value.messages == [
        services.MSG_ALREADY_CONFIRMED % {"date": timezone.localdate().isoformat()}
    ]
    held = held_workshop(world.a, world.organisation)
    with pytest.raises(ValidationError):
        services.workshop_confirm(workshop=held, by=world.provider)


def test_the_organisation_adds_remarks_before_and_after(world):
    workshop = planned_workshop(world.a, world.organisation)
    services.workshop_remarks_save(
        workshop=workshop, by=world.provider, remarks="Przyjdziemy we troje.", materials="Teczka"
    )
    held = held_workshop(world.a, world.organisation)
    saved = services.workshop_remarks_save(
        workshop=held, by=world.provider, remarks="Dziękujemy.", materials=""
    )
    assert (saved.organisation_remarks, saved.organisation_materials) == ("Dziękujemy.", "")


# --- procedure 5: outcomes and cancellation ----------------------------------------------


def test_outcomes_need_the_feedback_and_the_scenario(world):
    workshop = planned_workshop(world.a, world.organisation, held_on=days_ago(1))
    with pytest.raises(ValidationError) as exc:
        services.workshop_record_outcomes(
            workshop=workshop, by=world.ous, feedback=" ", pilot_scenario=""
        )
    assert exc.value.message_dict == {
        "feedback": [services.MSG_FEEDBACK_REQUIRED],
        "pilot_scenario": [services.MSG_SCENARIO_REQUIRED],
    }
    workshop.refresh_from_db()
    assert workshop.status == "planned"


def test_recording_the_outcomes_makes_the_workshop_held(world):
    workshop = planned_workshop(world.a, world.organisation, held_on=days_ago(1))
    held = services.workshop_record_outcomes(
        workshop=workshop,
        by=world.ous,
        feedback="Zakres: diagnoza.",
        pilot_scenario="Scenariusz.",
        opinions="Dobra atmosfera.",
        visit_invited_on=days_ago(-14),
    )
    assert (held.status, held.outcomes_recorded_by, held.visit_invited_on) == (
        "held",
        world.ous,
        days_ago(-14),
    )
    corrected = services.workshop_record_outcomes(
        workshop=held, by=world.osl, feedback="Zakres: diagnoza i plan.", pilot_scenario="Nowy."
    )
    assert (corrected.status, corrected.pilot_scenario) == ("held", "Nowy.")


def test_outcomes_wait_for_the_day_of_the_workshop(world):
    workshop = planned_workshop(world.a, world.organisation, held_on=days_ago(-2))
    with pytest.raises(ValidationError) as exc:
        services.workshop_record_outcomes(
            workshop=workshop, by=world.ous, feedback="a", pilot_scenario="b"
        )
    assert messages_of(exc, "__all__") == [
        services.MSG_OUTCOMES_IN_FUTURE % {"date": days_ago(-2).isoformat()}
    ]


def test_the_visit_comes_after_the_workshop(world):
    workshop = planned_workshop(world.a, world.organisation, held_on=days_ago(1))
    with pytest.raises(ValidationError) as exc:
        services.workshop_record_outcomes(
            workshop=workshop,
            by=world.ous,
            feedback="a",
            pilot_scenario="b",
            visit_invited_on=days_ago(5),
        )
    assert messages_of(exc, "visit_invited_on") == [
        services.MSG_VISIT_BEFORE_WORKSHOP % {"date": days_ago(1).isoformat()}
    ]


def test_a_cancellation_needs_a_reason_and_a_planned_workshop(world):
    workshop = planned_workshop(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.workshop_cancel(workshop=workshop, by=world.ous, reason="  ")
    assert messages_of(exc, "reason") == [services.MSG_CANCEL_REASON]
    cancelled = services.workshop_cancel(workshop=workshop, by=world.ous, reason="Choroba lidera.")
    assert (cancelled.status, cancelled.cancelled_by) == ("cancelled", world.ous)
    with pytest.raises(ValidationError):
        services.workshop_cancel(workshop=cancelled, by=world.ous, reason="Znowu.")


def test_nothing_is_added_to_a_cancelled_workshop(world):
    workshop = planned_workshop(world.a, world.organisation, held_on=days_ago(1))
    services.workshop_cancel(workshop=workshop, by=world.ous, reason="Odwołane.")
    for write in (
        lambda: services.workshop_record_outcomes(
            workshop=workshop, by=world.ous, feedback="a", pilot_scenario="b"
        ),
        lambda: services.participant_add(
            workshop=workshop, by=None, name="A", role="B", side="zet"
        ),
        lambda: services.workshop_remarks_save(
            workshop=workshop, by=world.provider, remarks="a", materials=""
        ),
    ):
        with pytest.raises(ValidationError) as exc:
            write()
        assert exc.value.messages == [services.MSG_WORKSHOP_CANCELLED]


def test_the_database_refuses_a_held_workshop_without_its_scenario(world):
    workshop = held_workshop(world.a, world.organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Workshop.objects.filter(pk=workshop.pk).update(pilot_scenario="")


def test_the_database_refuses_a_cancellation_without_a_reason(world):
    workshop = planned_workshop(world.a, world.organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Workshop.objects.filter(pk=workshop.pk).update(
            status="cancelled", cancelled_at=timezone.now()
        )


# --- procedure 6: the pilot --------------------------------------------------------------


def test_a_pilot_starts_from_a_held_workshop_with_its_scenario_and_team(world):
    workshop = held_workshop(world.a, world.organisation)
    pilot = services.pilot_create(
        workshop=workshop, by=world.ous, starts_on=days_ago(0), ends_on=days_ago(-92)
    )
    assert (pilot.centre, pilot.organisation, pilot.status) == (
        world.a,
        world.organisation,
        "planned",
    )
    assert pilot.scope == workshop.pilot_scenario
    # The ZET, the organisation and the centre join the team; the Obserwatorium does not.
    assert sorted(pilot.members.values_list("side", flat=True)) == [
        "centre",
        "organisation",
        "zet",
    ]
    assert list(pilot.events.values_list("status", "by")) == [("planned", world.ous.pk)]


@pytest.mark.parametrize("status", ["planned", "cancelled"])
def test_a_pilot_does_not_start_from_a_workshop_not_held(world, status):
    workshop = planned_workshop(world.a, world.organisation)
    if status == "cancelled":
        workshop = services.workshop_cancel(workshop=workshop, by=None, reason="Odwołane.")
    with pytest.raises(ValidationError) as exc:
        services.pilot_create(
            workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
        )
    assert exc.value.messages == [
        services.MSG_WORKSHOP_NOT_HELD % {"status": workshop.get_status_display()}
    ]
    assert not Pilot.objects.exists()


def test_one_pilot_per_workshop(world):
    pilot = running_pilot(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.pilot_create(
            workshop=pilot.workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
        )
    assert exc.value.messages == [services.MSG_PILOT_EXISTS]
    with pytest.raises(IntegrityError), transaction.atomic():
        Pilot.objects.create(
            centre=world.a,
            organisation=world.organisation,
            workshop=pilot.workshop,
            scope="x",
            starts_on=days_ago(0),
            ends_on=days_ago(-100),
        )


def test_a_pilot_lasts_at_least_three_months(world):
    workshop = held_workshop(world.a, world.organisation)
    start = dt.date(2026, 1, 31)
    with pytest.raises(ValidationError) as exc:
        services.pilot_create(
            workshop=workshop, by=None, starts_on=start, ends_on=dt.date(2026, 4, 29)
        )
    [message] = messages_of(exc, "ends_on")
    assert message == (
        "The pilot lasts at least 3 months (seed 003, procedure 6): end it on 2026-04-30 or later."
    )
    pilot = services.pilot_create(
        workshop=workshop, by=None, starts_on=start, ends_on=dt.date(2026, 4, 30)
    )
    assert pilot.ends_on == dt.date(2026, 4, 30)


def test_the_minimum_length_of_a_pilot_is_a_setting(world, settings):
    settings.COOPERATION_PILOT_MIN_MONTHS = 6
    workshop = held_workshop(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.pilot_create(
            workshop=workshop, by=None, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 4, 1)
        )
    assert "at least 6 months" in messages_of(exc, "ends_on")[0]
    assert "2026-07-01" in messages_of(exc, "ends_on")[0]


def test_a_pilot_ends_after_it_starts_and_has_a_scope(world):
    workshop = held_workshop(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.pilot_create(
            workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(1), scope=" "
        )
    assert exc.value.message_dict == {
        "ends_on": [services.MSG_ENDS_BEFORE_START],
        "scope": [services.MSG_SCOPE_REQUIRED],
    }


def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    assert services.add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert services.add_months(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)
    assert services.add_months(dt.date(2026, 3, 15), 12) == dt.date(2027, 3, 15)


def test_only_a_planned_pilot_changes_its_scope_and_period(world):
    workshop = held_workshop(world.a, world.organisation)
    pilot = services.pilot_create(
        workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
    )
    changed = services.pilot_update(
        pilot=pilot, by=world.osl, starts_on=days_ago(0), ends_on=days_ago(-120), scope="Diagnoza."
    )
    assert (changed.scope, changed.ends_on) == ("Diagnoza.", days_ago(-120))
    with pytest.raises(ValidationError) as exc:
        services.pilot_update(
            pilot=pilot, by=world.osl, starts_on=days_ago(0), ends_on=days_ago(-10), scope="x"
        )
    assert "ends_on" in exc.value.message_dict
    services.pilot_start(pilot=pilot, by=world.osl)
    with pytest.raises(ValidationError) as exc:
        services.pilot_update(
            pilot=pilot, by=world.osl, starts_on=days_ago(0), ends_on=days_ago(-120), scope="y"
        )
    assert exc.value.messages == [services.MSG_PILOT_NOT_PLANNED % {"status": "running"}]


def test_a_pilot_starts_with_a_team_of_the_zet_the_organisation_and_the_centre(world):
    workshop = held_workshop(world.a, world.organisation, participants=[("Anna", "ZET", "zet")])
    pilot = services.pilot_create(
        workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
    )
    with pytest.raises(ValidationError) as exc:
        services.pilot_start(pilot=pilot, by=world.ous)
    assert exc.value.messages == [
        services.MSG_TEAM_INCOMPLETE
        % {
            "missing": "the organisation (its cooperation leader, staff); "
            "the centre (OUS, KIPUS, OSL, director)"
        }
    ]
    services.member_add(pilot=pilot, by=None, name="Jan", role="lider", side="organisation")
    services.member_add(pilot=pilot, by=None, name="Ewa", role="OSL", side="centre")
    started = services.pilot_start(pilot=pilot, by=world.ous)
    assert started.status == "running"
    assert list(started.events.values_list("status", flat=True)) == ["planned", "running"]


def test_a_pilot_starts_on_its_first_day(world):
    workshop = held_workshop(world.a, world.organisation)
    pilot = services.pilot_create(
        workshop=workshop, by=None, starts_on=days_ago(-5), ends_on=days_ago(-100)
    )
    with pytest.raises(ValidationError) as exc:
        services.pilot_start(pilot=pilot, by=None)
    assert exc.value.messages == [services.MSG_START_TOO_EARLY % {"date": days_ago(-5).isoformat()}]


def test_a_pilot_goes_only_forward(world):
    pilot = running_pilot(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.pilot_start(pilot=pilot, by=None)
    assert exc.value.messages == [
        services.MSG_ILLEGAL_STEP % {"status": "running", "to": "running"}
    ]
    workshop = held_workshop(world.a, world.other_organisation)
    planned = services.pilot_create(
        workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
    )
    with pytest.raises(ValidationError) as exc:
        services.pilot_close(pilot=planned, by=None, report_sent_on=days_ago(0), **CLOSING_REPORT)
    assert exc.value.messages == [services.MSG_ILLEGAL_STEP % {"status": "planned", "to": "closed"}]


def test_closing_is_refused_without_the_report(world):
    pilot = running_pilot(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.pilot_close(
            pilot=pilot,
            by=world.ous,
            report_summary="",
            report_benefits=" ",
            report_barriers="",
            report_potential="",
            report_prepared_by="",
            report_sent_on=None,
        )
    assert exc.value.message_dict == {
        "report_summary": [services.MSG_REPORT_SUMMARY],
        "report_benefits": [services.MSG_REPORT_BENEFITS],
        "report_barriers": [services.MSG_REPORT_BARRIERS],
        "report_potential": [services.MSG_REPORT_POTENTIAL],
        "report_prepared_by": [services.MSG_REPORT_PREPARED_BY],
        "report_sent_on": [services.MSG_REPORT_SENT_ON],
    }
    pilot.refresh_from_db()
    assert pilot.status == "running"


def test_each_missing_part_of_the_report_refuses_the_closing(world):
    pilot = running_pilot(world.a, world.organisation)
    for name, message in services.REPORT_FIELDS.items():
        with pytest.raises(ValidationError) as exc:
            services.pilot_close(
                pilot=pilot, by=None, report_sent_on=days_ago(0), **(CLOSING_REPORT | {name: ""})
            )
        assert exc.value.message_dict == {name: [message]}


def test_the_report_is_sent_between_the_start_and_today(world):
    pilot = running_pilot(world.a, world.organisation, starts_days_ago=10)
    for sent_on, message in (
        (days_ago(-1), services.MSG_REPORT_SENT_IN_FUTURE),
        (days_ago(11), services.MSG_REPORT_SENT_BEFORE_START % {"date": days_ago(10).isoformat()}),
    ):
        with pytest.raises(ValidationError) as exc:
            services.pilot_close(pilot=pilot, by=None, report_sent_on=sent_on, **CLOSING_REPORT)
        assert exc.value.message_dict == {"report_sent_on": [message]}


def test_closing_with_the_report_keeps_the_history(world):
    pilot = running_pilot(world.a, world.organisation, by=world.ous)
    closed = services.pilot_close(
        pilot=pilot, by=world.director, report_sent_on=days_ago(0), **CLOSING_REPORT
    )
    assert closed.status == "closed"
    assert closed.report_summary == CLOSING_REPORT["report_summary"]
    events = PilotEvent.objects.filter(pilot=pilot).order_by("at")
    assert [(e.status, e.by) for e in events] == [
        ("planned", world.ous),
        ("running", world.ous),
        ("closed", world.director),
    ]
    with pytest.raises(ValidationError) as exc:
        services.member_add(pilot=closed, by=None, name="A", role="B", side="zet")
    assert exc.value.messages == [services.MSG_PILOT_CLOSED]


def test_the_database_refuses_a_closed_pilot_without_its_report(world):
    pilot = running_pilot(world.a, world.organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pilot.objects.filter(pk=pilot.pk).update(status="closed")


# --- procedure 6: contributions ----------------------------------------------------------


def test_the_organisation_contributes_while_the_pilot_runs(world):
    pilot = running_pilot(world.a, world.organisation)
    submitted = contribution(pilot, by=world.provider, corrects_diagnosis=True)
    assert (submitted.kind, submitted.corrects_diagnosis, submitted.submitted_by) == (
        "diagnosis",
        True,
        world.provider,
    )
    assert submitted.response == ""


def test_no_contribution_before_the_start_or_after_the_closing(world):
    workshop = held_workshop(world.a, world.organisation)
    planned = services.pilot_create(
        workshop=workshop, by=None, starts_on=days_ago(0), ends_on=days_ago(-100)
    )
    with pytest.raises(ValidationError) as exc:
        contribution(planned)
    assert exc.value.messages == [services.MSG_PILOT_NOT_RUNNING % {"status": "planned"}]
    running = running_pilot(world.a, world.other_organisation)
    services.pilot_close(pilot=running, by=None, report_sent_on=days_ago(0), **CLOSING_REPORT)
    with pytest.raises(ValidationError) as exc:
        contribution(running)
    assert exc.value.messages == [services.MSG_PILOT_NOT_RUNNING % {"status": "closed"}]


def test_a_contribution_has_a_kind_a_title_a_content_and_a_date_within_the_pilot(world):
    pilot = running_pilot(world.a, world.organisation, starts_days_ago=5)
    with pytest.raises(ValidationError) as exc:
        services.contribution_submit(
            pilot=pilot, by=None, kind="gossip", title=" ", content="", dated_on=days_ago(-1)
        )
    assert exc.value.message_dict == {
        "kind": [services.MSG_UNKNOWN_KIND],
        "title": [services.MSG_TITLE_REQUIRED],
        "content": [services.MSG_CONTENT_REQUIRED],
        "dated_on": [services.MSG_DATED_IN_FUTURE],
    }
    with pytest.raises(ValidationError) as exc:
        contribution(pilot, dated_on=days_ago(6))
    assert exc.value.message_dict == {
        "dated_on": [services.MSG_DATED_BEFORE_START % {"date": days_ago(5).isoformat()}]
    }
    assert contribution(pilot, dated_on=None).dated_on == timezone.localdate()


def test_only_proposals_to_the_diagnosis_correct_it(world):
    pilot = running_pilot(world.a, world.organisation)
    with pytest.raises(ValidationError) as exc:
        contribution(pilot, kind="community_plan", corrects_diagnosis=True)
    assert exc.value.message_dict == {"corrects_diagnosis": [services.MSG_CORRECTION_NOT_DIAGNOSIS]}
    submitted = contribution(pilot, kind="community_plan")
    with pytest.raises(IntegrityError), transaction.atomic():
        Contribution.objects.filter(pk=submitted.pk).update(corrects_diagnosis=True)


def test_the_centre_responds_and_says_why_when_not_taking_it_on(world):
    pilot = running_pilot(world.a, world.organisation)
    submitted = contribution(pilot)
    with pytest.raises(ValidationError) as exc:
        services.contribution_respond(contribution=submitted, by=world.osl, response="maybe")
    assert exc.value.message_dict == {"response": [services.MSG_CHOOSE_RESPONSE]}
    for response in ("partly", "not_taken"):
        with pytest.raises(ValidationError) as exc:
            services.contribution_respond(contribution=submitted, by=world.osl, response=response)
        assert exc.value.message_dict == {"note": [services.MSG_RESPONSE_NOTE]}
    taken = services.contribution_respond(contribution=submitted, by=world.osl, response="taken_on")
    assert (taken.response, taken.responded_by) == ("taken_on", world.osl)
    changed = services.contribution_respond(
        contribution=submitted, by=world.ous, response="partly", note="Część już jest w diagnozie."
    )
    assert (changed.response, changed.response_note, changed.responded_by) == (
        "partly",
        "Część już jest w diagnozie.",
        world.ous,
    )


def test_the_database_refuses_a_refusal_without_a_note(world):
    submitted = contribution(running_pilot(world.a, world.organisation))
    with pytest.raises(IntegrityError), transaction.atomic():
        Contribution.objects.filter(pk=submitted.pk).update(
            response="not_taken", responded_at=timezone.now()
        )


def test_changes_are_in_the_centres_history(world):
    workshop = planned_workshop(world.a, world.organisation, by=world.osl)
    entry = LogEntry.objects.get_for_object(workshop).get()
    assert (entry.actor, entry.additional_data) == (world.osl, {"centre": str(world.a.pk)})
    pilot = running_pilot(world.a, OrganisationFactory(), by=world.ous)
    submitted = contribution(pilot, by=world.provider)
    services.contribution_respond(contribution=submitted, by=world.osl, response="taken_on")
    actors = set(LogEntry.objects.get_for_object(submitted).values_list("actor", flat=True))
    assert actors == {world.provider.pk, world.osl.pk}
