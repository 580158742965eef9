import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from opencus.cases import services
from opencus.cases.enums import ApplicationStatus, Outcome, WaitlistStatus
from opencus.cases.models import Application, ServiceLimit, WaitlistEntry
from opencus.cases.tests.fixtures import (
    assessed,
    grant,
    person_in,
    programme_service,
    received,
)
from opencus.catalogue.tests.fixtures import catalogue_of
from opencus.people import services as people

TODAY = timezone.localdate


def messages(exc: ValidationError) -> str:
    with translation.override("en"):
        return " ".join(str(m) for m in exc.messages)


def limit(service, places):
    return services.limit_create(
        service=service,
        by=None,
        starts_on=TODAY() - dt.timedelta(days=10),
        ends_on=TODAY() + dt.timedelta(days=200),
        places=places,
    )


# --- receiving and registering ---------------------------------------------------------


def test_a_desk_application_is_registered_with_a_case_number_of_its_year(world):
    application = received(world.a, world.front_desk)
    year = application.submitted_at.year
    assert application.case_number == f"W/{year}/00001"
    assert application.status == ApplicationStatus.REGISTERED
    assert received(world.a).case_number == f"W/{year}/00002"
    assert received(world.b).case_number == f"W/{year}/00001"  # numbered per centre


def test_the_history_tells_what_happened_and_who_did_it(world):
    application = received(world.a, world.front_desk)
    notes = [(e.note, e.by) for e in application.events.all()]
    assert notes[0] == ("received", world.front_desk)
    assert notes[1][0].startswith("registered as W/")


def test_the_submission_time_cannot_be_changed(world):
    application = received(world.a)
    application.submitted_at -= dt.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        application.save()
    assert "cannot be changed" in messages(exc.value)
    fresh = Application.objects.get(pk=application.pk)
    fresh.submitted_at += dt.timedelta(minutes=1)
    with pytest.raises(ValidationError):
        fresh.save()


def test_a_letter_received_yesterday_keeps_its_date_but_never_a_future_one(world):
    yesterday = timezone.now() - dt.timedelta(days=1)
    assert received(world.a, submitted_at=yesterday).submitted_at == yesterday
    with pytest.raises(ValidationError) as exc:
        received(world.a, submitted_at=timezone.now() + dt.timedelta(hours=1))
    assert "future" in messages(exc.value)


def test_an_application_needs_a_service_given_on_application(world):
    person = person_in(world.a)
    open_service = catalogue_of(world.a)["service_id"]
    from opencus.catalogue.models import Service

    kwargs = {
        "centre": world.a,
        "by": None,
        "person": person,
        "channel": "desk",
        "submitter_role": "person",
        "description": "x",
    }
    with pytest.raises(ValidationError) as exc:
        services.application_receive(services=[], **kwargs)
    assert "at least one service" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.application_receive(services=[Service.objects.get(pk=open_service)], **kwargs)
    assert "needs no application" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.application_receive(services=[programme_service(world.b)], **kwargs)
    assert "not a published service of this centre" in messages(exc.value)
    assert not Application.objects.exists()


def test_a_representative_or_carer_must_be_named(world):
    with pytest.raises(ValidationError) as exc:
        services.application_receive(
            centre=world.a,
            by=None,
            person=person_in(world.a),
            channel="phone",
            submitter_role="actual_carer",
            services=[programme_service(world.a)],
            description="x",
        )
    assert "on the person's behalf" in messages(exc.value)


def test_a_person_of_another_centre_cannot_be_the_subject(world):
    with pytest.raises(ValidationError) as exc:
        received(world.a, person=person_in(world.b))
    assert "another centre" in messages(exc.value)


def test_an_online_application_waits_for_the_desk_to_link_a_person(world, resident):
    application = services.application_submit_online(
        centre=world.a,
        account=resident,
        submitter_role="person",
        services=[programme_service(world.a)],
        description="Proszę o posiłki.",
        first_name="Halina",
        last_name="Nowak",
    )
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.case_number == ""
    assert application.declared_email == resident.email
    with pytest.raises(ValidationError) as exc:
        services.application_register(application=application, by=world.front_desk)
    assert "Link the application" in messages(exc.value)
    person = person_in(world.a)
    services.application_register(application=application, by=world.front_desk, person=person)
    application.refresh_from_db()
    assert application.person == person and application.case_number.startswith("W/")


# --- completion ------------------------------------------------------------------------


def test_a_completion_request_has_the_centres_deadline_and_returns_to_registered(world):
    application = received(world.a)
    request = services.completion_request(application=application, by=None, missing="Podpis")
    assert request.due_on == TODAY() + dt.timedelta(days=7)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_COMPLETION
    with pytest.raises(ValidationError):
        services.assessment_record(
            application=application,
            by=None,
            assessed_on=TODAY(),
            place="centre",
            findings={"health": ("some", "x")},
        )
    services.completion_done(request=request, by=None, note="Podpisany")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REGISTERED
    with pytest.raises(ValidationError):
        services.completion_done(request=request, by=None)


def test_a_completion_deadline_cannot_be_in_the_past(world):
    with pytest.raises(ValidationError) as exc:
        services.completion_request(
            application=received(world.a),
            by=None,
            missing="x",
            due_on=TODAY() - dt.timedelta(days=1),
        )
    assert "past" in messages(exc.value)


# --- needs recognition -----------------------------------------------------------------


def test_needs_are_recognised_by_life_area_at_the_place_of_the_person(world):
    application = received(world.a)
    services.assessment_schedule(
        application=application,
        by=world.kipus,
        scheduled_for=timezone.now() + dt.timedelta(days=2),
        place="home",
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSESSMENT_SCHEDULED
    assessment = services.assessment_record(
        application=application,
        by=world.kipus,
        assessed_on=TODAY(),
        place="home",
        findings={
            "mobility": ("substantial", "Nie wychodzi z domu."),
            "social": ("some", "Samotna."),
            "finances": ("none", ""),  # nothing to say: not recorded
        },
        ipus_required=True,
    )
    assert application.assessments.count() == 1  # the scheduled one was completed
    assert sorted(f.area for f in assessment.findings.all()) == ["mobility", "social"]
    assert assessment.ipus_required
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ASSESSED


def test_an_assessment_needs_a_finding_and_a_date_not_in_the_future(world):
    application = received(world.a)
    base = {"application": application, "by": None, "place": "centre"}
    with pytest.raises(ValidationError) as exc:
        services.assessment_record(assessed_on=TODAY(), findings={"health": ("none", "")}, **base)
    assert "at least one life area" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.assessment_record(
            assessed_on=TODAY() + dt.timedelta(days=1), findings={"health": ("some", "")}, **base
        )
    assert "future" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.assessment_record(
            assessed_on=TODAY() - dt.timedelta(days=3), findings={"health": ("some", "")}, **base
        )
    assert "before the application" in messages(exc.value)


# --- routing ---------------------------------------------------------------------------


def test_forwarding_needs_the_persons_consent(world):
    application = assessed(world.a)
    kwargs = {
        "application": application,
        "by": None,
        "target": "gmina_office",
        "unit_name": "Urząd Gminy",
        "regime": "b",
        "scope": "Dodatek mieszkaniowy",
    }
    with pytest.raises(ValidationError) as exc:
        services.route(**kwargs)
    assert "consent" in messages(exc.value)
    people.consent_give(
        person=application.person, by=None, purpose="forward_application", form="written"
    )
    line = application.requested.get()
    subcase = services.route(requested=[line], **kwargs)
    line.refresh_from_db()
    assert line.outcome == Outcome.FORWARDED
    assert subcase.consent.purpose == "forward_application"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED  # nothing left to qualify here
    services.subcase_update(subcase=subcase, by=None, status="handled", outcome_note="Przyznano")
    assert application.events.last().note == "Urząd Gminy: handled"


# --- qualification and fees ------------------------------------------------------------


def test_a_grant_sets_the_fee_from_the_service_and_a_notice_number(world):
    application = assessed(world.a)
    line = grant(application.requested.get(), world.kipus)
    assert line.outcome == Outcome.GRANTED
    assert line.fee_per_unit == Decimal("10.00")
    assert line.notice_number == f"{application.case_number}/P/1"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED


def test_exemptions_set_the_fee_and_need_a_reason(world):
    line = assessed(world.a).requested.get()
    base = {"requested": line, "by": None, "units_per_period": Decimal(2), "period": "week"}
    with pytest.raises(ValidationError) as exc:
        services.qualify(starts_on=TODAY(), exemption="full", **base)
    assert "reason for the exemption" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.qualify(
            starts_on=TODAY(),
            exemption="partial",
            exemption_reason="Niskie dochody",
            fee_per_unit=Decimal("10"),
            **base,
        )
    assert "less than 10" in messages(exc.value)
    line = services.qualify(
        starts_on=TODAY(),
        exemption="partial",
        exemption_reason="Niskie dochody",
        fee_per_unit=Decimal("4.50"),
        **base,
    )
    assert line.fee_per_unit == Decimal("4.50")


def test_a_full_exemption_makes_the_service_free_for_the_person(world):
    line = assessed(world.a).requested.get()
    line = services.qualify(
        requested=line,
        by=None,
        units_per_period=Decimal(2),
        period="week",
        starts_on=TODAY(),
        exemption="full",
        exemption_reason="Orzeczenie o znacznym stopniu",
    )
    assert line.fee_per_unit == Decimal("0.00")


def test_qualification_needs_recognised_needs_and_units(world):
    with pytest.raises(ValidationError) as exc:
        grant(received(world.a).requested.get())
    assert "registered" in messages(exc.value)
    with pytest.raises(ValidationError) as exc:
        grant(assessed(world.a).requested.get(), units="0")
    assert "greater than zero" in messages(exc.value)


def test_a_service_cannot_be_decided_twice(world):
    line = grant(assessed(world.a).requested.get())
    with pytest.raises(ValidationError) as exc:
        grant(line)
    assert "already been decided" in messages(exc.value)


def test_the_dates_of_a_grant_must_be_in_order(world):
    with pytest.raises(ValidationError) as exc:
        services.qualify(
            requested=assessed(world.a).requested.get(),
            by=None,
            units_per_period=Decimal(1),
            period="week",
            starts_on=TODAY(),
            ends_on=TODAY() - dt.timedelta(days=1),
        )
    assert "end cannot be earlier" in messages(exc.value)


# --- limits and the waiting list -------------------------------------------------------


def test_a_full_service_puts_people_on_the_waiting_list_in_submission_order(world):
    service = programme_service(world.a)
    limit(service, places=1)
    start = timezone.now() - dt.timedelta(hours=5)
    apps = [
        assessed(
            world.a,
            services_=[service],
            person=person_in(world.a, f"Osoba{i}"),
            submitted_at=start + dt.timedelta(hours=i),
        )
        for i in range(4)
    ]
    # qualified out of order: the first granted takes the place, the rest wait by submission
    for i in (2, 0, 3, 1):
        grant(apps[i].requested.get())
    lines = [a.requested.get() for a in apps]
    assert [line.outcome for line in lines] == [
        Outcome.WAITLISTED,
        Outcome.WAITLISTED,
        Outcome.GRANTED,
        Outcome.WAITLISTED,
    ]
    positions = [services.waitlist_position(lines[i].waitlist_entry) for i in (0, 1, 3)]
    assert positions == [1, 2, 3]


def test_nobody_overtakes_the_queue_when_a_place_frees(world):
    service = programme_service(world.a)
    the_limit = limit(service, places=1)
    first = grant(assessed(world.a, services_=[service]).requested.get())
    waiting = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Jan")).requested.get()
    )
    services.place_release(requested=first, by=None)
    waiting.refresh_from_db()
    assert waiting.outcome == Outcome.OFFERED
    entry = waiting.waitlist_entry
    assert entry.offer_due_on == TODAY() + dt.timedelta(days=7)
    late = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Ola")).requested.get()
    )
    assert late.outcome == Outcome.WAITLISTED  # the offered place is held for the head
    the_limit.refresh_from_db()
    assert the_limit.taken == 1
    granted = services.offer_accept(entry=entry, by=None)
    assert granted.outcome == Outcome.GRANTED and granted.starts_on == TODAY()


def test_a_declined_offer_goes_to_the_next_in_line(world):
    service = programme_service(world.a)
    limit(service, places=1)
    first = grant(assessed(world.a, services_=[service]).requested.get())
    second = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Jan")).requested.get()
    )
    third = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Ola")).requested.get()
    )
    services.place_release(requested=first, by=None)
    services.offer_decline(entry=second.waitlist_entry, by=None, reason="Wyjeżdża")
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.outcome == Outcome.DECLINED
    assert third.outcome == Outcome.OFFERED
    with pytest.raises(ValidationError) as exc:
        services.offer_decline(entry=second.waitlist_entry, by=None)
    assert "no open offer" in messages(exc.value)


def test_an_offer_without_reply_lapses_and_moves_on(world):
    service = programme_service(world.a)
    limit(service, places=1)
    first = grant(assessed(world.a, services_=[service]).requested.get())
    second = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Jan")).requested.get()
    )
    third = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Ola")).requested.get()
    )
    services.place_release(requested=first, by=None)
    assert services.expire_offers(TODAY() + dt.timedelta(days=7)) == 0  # the deadline day counts
    assert services.expire_offers(TODAY() + dt.timedelta(days=8)) == 1
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.outcome == Outcome.DECLINED
    assert second.waitlist_entry.left_reason == "no reply by the deadline"
    assert third.outcome == Outcome.OFFERED


def test_more_places_make_offers_at_once(world):
    service = programme_service(world.a)
    the_limit = limit(service, places=1)
    grant(assessed(world.a, services_=[service]).requested.get())
    waiting = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Jan")).requested.get()
    )
    services.limit_change(limit=the_limit, by=None, places=2)
    waiting.refresh_from_db()
    assert waiting.outcome == Outcome.OFFERED
    with pytest.raises(ValidationError) as exc:
        services.limit_change(limit=the_limit, by=None, places=1)
    assert "2 places are already taken" in messages(exc.value)


def test_limits_of_a_service_cannot_overlap(world):
    service = programme_service(world.a)
    limit(service, places=3)
    with pytest.raises(ValidationError) as exc:
        services.limit_create(
            service=service, by=None, starts_on=TODAY(), ends_on=TODAY(), places=1
        )
    assert "overlapping" in messages(exc.value)


def test_the_database_refuses_more_places_taken_than_the_limit_has(world):
    the_limit = limit(programme_service(world.a), places=1)
    ServiceLimit.objects.filter(pk=the_limit.pk).update(taken=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceLimit.objects.filter(pk=the_limit.pk).update(taken=2)


def test_a_withdrawn_application_gives_its_offered_place_to_the_next(world):
    service = programme_service(world.a)
    limit(service, places=1)
    first = grant(assessed(world.a, services_=[service]).requested.get())
    second = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Jan")).requested.get()
    )
    third = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Ola")).requested.get()
    )
    services.place_release(requested=first, by=None)
    with pytest.raises(ValidationError) as exc:
        services.application_withdraw(application=second.application, by=None, reason=" ")
    assert "reason" in messages(exc.value)
    services.application_withdraw(application=second.application, by=None, reason="Rezygnuje")
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.outcome == Outcome.WITHDRAWN
    assert second.waitlist_entry.status == WaitlistStatus.REMOVED
    assert third.outcome == Outcome.OFFERED
    with pytest.raises(ValidationError):
        services.application_withdraw(application=second.application, by=None, reason="again")


# --- refusal, decision, appeal ---------------------------------------------------------


def test_only_an_authorised_person_signs_a_refusal(world):
    line = assessed(world.a).requested.get()
    for user in (world.kipus, world.ous, world.front_desk, world.b_director):
        with pytest.raises(ValidationError) as exc:
            services.refuse(requested=line, by=user, reasons="Brak przesłanek.")
        assert "not authorised to sign" in messages(exc.value)
    line.refresh_from_db()
    assert line.outcome == Outcome.PENDING


def test_a_refusal_is_a_decision_with_reasons_and_the_appeal_route(world):
    application = assessed(world.a)
    line = application.requested.get()
    with pytest.raises(ValidationError) as exc:
        services.refuse(requested=line, by=world.director, reasons="  ")
    assert "reasons" in messages(exc.value)
    decision = services.refuse(requested=line, by=world.director, reasons="Nie spełnia kryteriów.")
    assert decision.number == f"{application.case_number}/D/1"
    assert decision.appeal_days == 14
    assert decision.appeal_body == "Samorządowe Kolegium Odwoławcze"
    assert decision.appeal_deadline is None  # runs from delivery
    services.decision_delivered(decision=decision, by=None, delivered_on=TODAY())
    decision.refresh_from_db()
    assert decision.appeal_deadline == TODAY() + dt.timedelta(days=14)
    line.refresh_from_db()
    assert line.outcome == Outcome.REFUSED


def test_a_refusal_takes_a_waiting_person_off_the_list(world):
    service = programme_service(world.a)
    limit(service, places=1)
    grant(assessed(world.a, services_=[service]).requested.get())
    waiting = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Jan")).requested.get()
    )
    services.refuse(requested=waiting, by=world.director, reasons="Nie jest mieszkańcem.")
    waiting.refresh_from_db()
    assert waiting.waitlist_entry.status == WaitlistStatus.REMOVED


def test_an_appeal_is_tracked_and_its_timeliness_judged(world):
    line = assessed(world.a).requested.get()
    decision = services.refuse(requested=line, by=world.director, reasons="Nie.")
    with pytest.raises(ValidationError) as exc:
        services.appeal_record(decision=decision, by=None, filed_on=TODAY() - dt.timedelta(days=1))
    assert "before the decision" in messages(exc.value)
    appeal = services.appeal_record(
        decision=decision, by=None, filed_on=TODAY(), content="Nie zgadzam się"
    )
    assert appeal.in_time
    with pytest.raises(ValidationError) as exc:
        services.appeal_record(decision=decision, by=None, filed_on=TODAY())
    assert "already recorded" in messages(exc.value)
    services.appeal_sent(appeal=appeal, by=None, sent_on=TODAY())
    services.appeal_outcome(appeal=appeal, by=None, outcome="annulled", outcome_on=TODAY())
    line.refresh_from_db()
    assert line.outcome == Outcome.PENDING  # back to qualification
    line.application.refresh_from_db()
    assert line.application.status == ApplicationStatus.ASSESSED
    with pytest.raises(ValidationError) as exc:
        services.appeal_outcome(appeal=appeal, by=None, outcome="upheld", outcome_on=TODAY())
    assert "already decided" in messages(exc.value)


def test_an_appeal_after_the_deadline_is_recorded_as_late(world):
    line = assessed(world.a).requested.get()
    decision = services.refuse(requested=line, by=world.director, reasons="Nie.")
    decision.issued_at -= dt.timedelta(days=30)
    decision.save()
    services.decision_delivered(
        decision=decision, by=None, delivered_on=TODAY() - dt.timedelta(days=20)
    )
    appeal = services.appeal_record(decision=decision, by=None, filed_on=TODAY())
    assert not appeal.in_time


def test_an_upheld_refusal_stays_refused(world):
    line = assessed(world.a).requested.get()
    decision = services.refuse(requested=line, by=world.director, reasons="Nie.")
    appeal = services.appeal_record(decision=decision, by=None, filed_on=TODAY())
    services.appeal_outcome(appeal=appeal, by=None, outcome="upheld", outcome_on=TODAY())
    line.refresh_from_db()
    assert line.outcome == Outcome.REFUSED


def test_closing_needs_every_service_decided(world):
    application = assessed(world.a)
    with pytest.raises(ValidationError):
        services.application_close(application=application, by=None)
    grant(application.requested.get())
    services.application_close(application=application, by=None, note="Usługi przyznane")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.CLOSED


def test_waiting_entries_are_ordered_by_submission_not_by_qualification(world):
    service = programme_service(world.a)
    limit(service, places=1)
    grant(assessed(world.a, services_=[service]).requested.get())
    early = assessed(
        world.a,
        services_=[service],
        person=person_in(world.a, "Wczesny"),
        submitted_at=timezone.now() - dt.timedelta(days=2),
    )
    late = assessed(world.a, services_=[service], person=person_in(world.a, "Późny"))
    grant(late.requested.get())
    grant(early.requested.get())
    order = list(
        WaitlistEntry.objects.filter(status="queued").values_list(
            "requested__application__person__first_name", flat=True
        )
    )
    assert order == ["Wczesny", "Późny"]


def test_the_daily_command_lapses_offers_past_their_deadline(world):
    import io

    from django.core.management import call_command

    service = programme_service(world.a)
    limit(service, places=1)
    first = grant(assessed(world.a, services_=[service]).requested.get())
    second = grant(
        assessed(world.a, services_=[service], person=person_in(world.a, "Jan")).requested.get()
    )
    services.place_release(requested=first, by=None)
    entry = second.waitlist_entry
    entry.offer_due_on = TODAY() - dt.timedelta(days=1)
    entry.save(update_fields=["offer_due_on"])
    out = io.StringIO()
    call_command("expire_offers", "--now", stdout=out)
    assert "1 offer(s) lapsed." in out.getvalue()
    call_command("expire_offers", stdout=io.StringIO())  # queued: runs at once in tests
    second.refresh_from_db()
    assert second.outcome == Outcome.DECLINED
