"""The portfolio: versions like the card's, specialisations of kind (a) and (b), experience of
the last 3 years only, sending a final version to centres the organisation works with, and
the OUS's acknowledgement."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from opencus.catalogue.enums import ServiceType
from opencus.providers import services
from opencus.providers.enums import DocumentStatus, SpecialisationKind, TaskForm
from opencus.providers.models import Experience, PortfolioSubmission, Specialisation
from opencus.providers.tests.fixtures import (
    draft_portfolio,
    final_portfolio,
    respite_care,
    transport_b,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _errors(exc) -> dict:
    return {field: [str(m) for m in msgs] for field, msgs in exc.value.message_dict.items()}


def _experience(specialisation, **fields):
    data = {
        "kind": "project",
        "title": "Wytchnienie dla opiekuna",
        "funder": "Urząd Wojewódzki",
        "starts_on": TODAY() - dt.timedelta(days=200),
        "ends_on": TODAY() - dt.timedelta(days=10),
        "value": Decimal("50000"),
    }
    return services.experience_create(specialisation=specialisation, by=None, **(data | fields))


def _partner(world, centre, *, verify=True):
    partnership = services.partnership_request(
        organisation=world.organisation, centre=centre, by=world.provider
    )
    if verify:
        services.partnership_verify(partnership=partnership, by=None)
    return partnership


# --- versions ---------------------------------------------------------------------------------


def test_a_portfolio_starts_empty_and_once(world):
    portfolio = services.portfolio_start(organisation=world.organisation, by=world.provider)
    assert portfolio.version == 1 and portfolio.status == DocumentStatus.DRAFT
    with pytest.raises(ValidationError) as exc:
        services.portfolio_start(organisation=world.organisation, by=world.provider)
    assert "already has a draft (version 1)" in exc.value.messages[0]


def test_a_new_version_copies_specialisations_experience_and_references(world):
    first = final_portfolio(world.organisation)
    second = services.portfolio_start(organisation=world.organisation, by=world.provider)
    assert second.version == 2
    assert second.introduction == first.introduction and second.is_public
    (copy,) = second.specialisations.all()
    (original,) = first.specialisations.all()
    assert copy.pk != original.pk
    assert (copy.kind, copy.service_type, copy.recipients) == (
        original.kind,
        original.service_type,
        original.recipients,
    )
    assert [e.title for e in copy.experience.all()] == ["Opieka wytchnieniowa 2025"]
    assert [r.issued_by for r in copy.references.all()] == ["OPS w Świebodzinie"]
    # changing the copy leaves the final version as it was
    services.specialisation_update(specialisation=copy, by=None, capacity="30 rodzin")
    services.experience_delete(experience=copy.experience.get(), by=None)
    original.refresh_from_db()
    assert original.capacity == "12 rodzin miesięcznie"
    assert original.experience.count() == 1


def test_a_portfolio_without_specialisations_cannot_be_made_final(world):
    portfolio = services.portfolio_start(organisation=world.organisation, by=None)
    with pytest.raises(ValidationError) as exc:
        services.portfolio_finalise(portfolio=portfolio, by=None)
    assert exc.value.messages == [str(services.MSG_NO_SPECIALISATION)]
    portfolio.refresh_from_db()
    assert portfolio.status == DocumentStatus.DRAFT


def test_a_portfolio_is_made_final_by_whom_and_when(world):
    portfolio = services.portfolio_finalise(
        portfolio=draft_portfolio(world.organisation), by=world.provider
    )
    assert portfolio.status == DocumentStatus.FINAL
    assert portfolio.finalised_by == world.provider and portfolio.finalised_at


def test_a_final_portfolio_cannot_be_changed(world):
    portfolio = final_portfolio(world.organisation)
    specialisation = portfolio.specialisations.get()
    experience = specialisation.experience.get()
    reference = specialisation.references.get()
    attempts = [
        lambda: services.portfolio_save(portfolio=portfolio, by=None, guarantees="x"),
        lambda: services.specialisation_create(
            portfolio=portfolio,
            by=None,
            kind="ready",
            service_type="meals",
            area="social_assistance",
            recipients="Seniorzy",
        ),
        lambda: services.specialisation_update(
            specialisation=specialisation, by=None, capacity="x"
        ),
        lambda: services.specialisation_delete(specialisation=specialisation, by=None),
        lambda: _experience(specialisation),
        lambda: services.experience_update(experience=experience, by=None, title="x"),
        lambda: services.experience_delete(experience=experience, by=None),
        lambda: services.reference_create(
            specialisation=specialisation, by=None, issued_by="x", summary="y"
        ),
        lambda: services.reference_update(reference=reference, by=None, summary="x"),
        lambda: services.reference_delete(reference=reference, by=None),
        lambda: services.portfolio_finalise(portfolio=portfolio, by=None),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as exc:
            attempt()
        assert exc.value.messages == [str(services.MSG_FINAL_IS_FIXED % {"version": 1})]
    assert Specialisation.objects.filter(portfolio=portfolio).count() == 1
    assert Experience.objects.get(pk=experience.pk).title == "Opieka wytchnieniowa 2025"


# --- specialisations ----------------------------------------------------------------------------


def test_kind_b_names_the_form_of_commissioning_and_the_support_it_needs(world):
    portfolio = services.portfolio_start(organisation=world.organisation, by=None)
    with pytest.raises(ValidationError) as exc:
        services.specialisation_create(
            portfolio=portfolio,
            by=None,
            kind=SpecialisationKind.WITH_SUPPORT,
            service_type=ServiceType.RESPITE_CARE,
            area="social_assistance",
            recipients="Opiekunowie",
        )
    assert _errors(exc) == {
        "support_form": [str(services.MSG_SUPPORT_FORM_REQUIRED)],
        "support_needed": [str(services.MSG_SUPPORT_NEEDED_REQUIRED)],
    }
    assert not Specialisation.objects.exists()
    specialisation = transport_b(portfolio)
    assert specialisation.support_form == TaskForm.ENTRUSTING


def test_kind_a_keeps_no_form_of_commissioning(world):
    portfolio = services.portfolio_start(organisation=world.organisation, by=None)
    specialisation = transport_b(portfolio)
    specialisation = services.specialisation_update(
        specialisation=specialisation, by=None, kind=SpecialisationKind.READY
    )
    assert specialisation.support_form == "" and specialisation.support_needed == ""


def test_a_specialisation_needs_a_known_service_area_and_recipients(world):
    portfolio = services.portfolio_start(organisation=world.organisation, by=None)
    with pytest.raises(ValidationError) as exc:
        services.specialisation_create(
            portfolio=portfolio, by=None, kind="ready", service_type="magic", area="", recipients=""
        )
    assert {"service_type", "area", "recipients"} <= set(exc.value.message_dict)


def test_specialisations_are_numbered_in_the_order_they_are_added(world):
    portfolio = services.portfolio_start(organisation=world.organisation, by=None)
    first = respite_care(portfolio)
    second = transport_b(portfolio)
    assert (first.position, second.position) == (1, 2)


def test_removing_a_specialisation_removes_its_experience_and_references(world):
    portfolio = draft_portfolio(world.organisation)
    specialisation = portfolio.specialisations.get()
    services.specialisation_delete(specialisation=specialisation, by=None)
    assert not Experience.objects.exists()


# --- experience and references --------------------------------------------------------------------


def test_experience_that_ended_more_than_3_years_ago_is_refused_naming_the_earliest_date(world):
    specialisation = draft_portfolio(world.organisation).specialisations.get()
    earliest = services.experience_earliest_end()
    with pytest.raises(ValidationError) as exc:
        _experience(
            specialisation,
            starts_on=earliest - dt.timedelta(days=300),
            ends_on=earliest - dt.timedelta(days=1),
        )
    assert _errors(exc) == {
        "ends_on": [
            "Only experience of the last 3 years counts: it must have ended on "
            f"{earliest:%d.%m.%Y} or later."
        ]
    }
    # the very day three years ago still counts
    _experience(specialisation, starts_on=earliest - dt.timedelta(days=30), ends_on=earliest)


def test_the_earliest_end_is_three_years_back_also_from_29_february():
    assert services.experience_earliest_end(dt.date(2028, 2, 29)) == dt.date(2025, 2, 28)
    assert services.experience_earliest_end(dt.date(2026, 5, 10)) == dt.date(2023, 5, 10)


def test_experience_cannot_end_before_it_starts_or_cost_less_than_nothing(world):
    specialisation = draft_portfolio(world.organisation).specialisations.get()
    with pytest.raises(ValidationError) as exc:
        _experience(specialisation, starts_on=TODAY(), ends_on=TODAY() - dt.timedelta(days=1))
    assert _errors(exc)["ends_on"] == [str(services.MSG_EXPERIENCE_ENDS_BEFORE_START)]
    with pytest.raises(ValidationError) as exc:
        _experience(specialisation, value=Decimal("-1"))
    assert _errors(exc)["value"] == [str(services.MSG_VALUE_NEGATIVE)]


def test_experience_going_on_counts(world):
    specialisation = draft_portfolio(world.organisation).specialisations.get()
    experience = _experience(specialisation, ends_on=TODAY() + dt.timedelta(days=300))
    assert experience.pk


def test_an_edit_that_makes_experience_too_old_is_refused(world):
    specialisation = draft_portfolio(world.organisation).specialisations.get()
    experience = specialisation.experience.get()
    with pytest.raises(ValidationError):
        services.experience_update(
            experience=experience,
            by=None,
            starts_on=dt.date(2015, 1, 1),
            ends_on=dt.date(2016, 1, 1),
        )
    experience.refresh_from_db()
    assert experience.title == "Opieka wytchnieniowa 2025"


def test_experience_copied_into_a_new_version_that_has_grown_old_blocks_making_it_final(world):
    portfolio = final_portfolio(world.organisation)
    Experience.objects.filter(specialisation__portfolio=portfolio).update(
        starts_on=dt.date(2018, 1, 1), ends_on=dt.date(2019, 6, 30)
    )
    draft = services.portfolio_start(organisation=world.organisation, by=None)
    with pytest.raises(ValidationError) as exc:
        services.portfolio_finalise(portfolio=draft, by=None)
    (message,) = exc.value.messages
    assert message.startswith("“Opieka wytchnieniowa 2025” (respite care (short breaks")
    assert "more than 3 years ago" in message


def test_a_reference_cannot_be_dated_in_the_future(world):
    specialisation = draft_portfolio(world.organisation).specialisations.get()
    with pytest.raises(ValidationError) as exc:
        services.reference_create(
            specialisation=specialisation,
            by=None,
            issued_by="Gmina",
            summary="Polecamy.",
            issued_on=TODAY() + dt.timedelta(days=1),
        )
    assert _errors(exc) == {"issued_on": [str(services.MSG_REFERENCE_IN_FUTURE)]}


# --- sending and acknowledging ------------------------------------------------------------------


def test_a_final_portfolio_goes_to_the_centres_the_organisation_works_with(world):
    _partner(world, world.a)
    _partner(world, world.b, verify=False)  # waiting for verification is enough
    portfolio = final_portfolio(world.organisation)
    sent = services.portfolio_send(
        portfolio=portfolio, by=world.provider, centres=[world.a, world.b]
    )
    assert {s.centre for s in sent} == {world.a, world.b}
    assert all(s.sent_by == world.provider and s.acknowledged_at is None for s in sent)


def test_a_draft_cannot_be_sent(world):
    _partner(world, world.a)
    portfolio = draft_portfolio(world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.portfolio_send(portfolio=portfolio, by=None, centres=[world.a])
    assert exc.value.messages == [str(services.MSG_SEND_FINAL_ONLY)]


def test_sending_needs_a_centre(world):
    portfolio = final_portfolio(world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.portfolio_send(portfolio=portfolio, by=None, centres=[])
    assert _errors(exc) == {"centres": [str(services.MSG_NO_CENTRE)]}


def test_a_centre_never_asked_or_that_refused_gets_nothing(world):
    refused = _partner(world, world.a, verify=False)
    services.partnership_refuse(partnership=refused, by=world.director, reason="Poza terenem.")
    portfolio = final_portfolio(world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.portfolio_send(portfolio=portfolio, by=None, centres=[world.a, world.b])
    assert _errors(exc)["centres"] == [
        "CUS Alfa refused to work with the organisation: the portfolio cannot be sent there.",
        "CUS Beta does not work with the organisation: ask it to first (Profile, Centres).",
    ]
    assert not PortfolioSubmission.objects.exists()


def test_the_same_version_goes_to_a_centre_once(world):
    _partner(world, world.a)
    _partner(world, world.b)
    portfolio = final_portfolio(world.organisation)
    services.portfolio_send(portfolio=portfolio, by=None, centres=[world.a])
    with pytest.raises(ValidationError) as exc:
        services.portfolio_send(portfolio=portfolio, by=None, centres=[world.b, world.a])
    assert _errors(exc)["centres"] == [
        f"Version 1 was already sent to CUS Alfa on {TODAY():%d.%m.%Y}."
    ]
    # all or nothing: centre b did not get it either
    assert PortfolioSubmission.objects.filter(portfolio=portfolio).count() == 1
    # a new version may go to the same centre again
    draft = services.portfolio_start(organisation=world.organisation, by=None)
    second = services.portfolio_finalise(portfolio=draft, by=None)
    services.portfolio_send(portfolio=second, by=None, centres=[world.a])


def _sent(world) -> PortfolioSubmission:
    _partner(world, world.a)
    portfolio = final_portfolio(world.organisation)
    (submission,) = services.portfolio_send(portfolio=portfolio, by=None, centres=[world.a])
    return submission


@pytest.mark.parametrize("role", ["ous", "director"])
def test_the_ous_or_the_director_acknowledges_with_a_note(world, role):
    submission = services.submission_acknowledge(
        submission=_sent(world), by=getattr(world, role), note="  Zapraszamy na spotkanie.  "
    )
    assert submission.acknowledged_by == getattr(world, role)
    assert submission.acknowledged_at is not None
    assert submission.note == "Zapraszamy na spotkanie."


def test_acknowledging_twice_is_refused_with_a_message(world):
    submission = services.submission_acknowledge(submission=_sent(world), by=world.ous, note="")
    with pytest.raises(ValidationError) as exc:
        services.submission_acknowledge(submission=submission, by=world.director, note="x")
    assert exc.value.messages == [
        f"This portfolio was already acknowledged on {TODAY():%d.%m.%Y} by {world.ous}."
    ]
    submission.refresh_from_db()
    assert submission.acknowledged_by == world.ous and submission.note == ""


@pytest.mark.parametrize("who", ["kipus", "front_desk", "osl", "b_director", "provider"])
def test_nobody_else_acknowledges(world, who):
    submission = _sent(world)
    with pytest.raises(PermissionDenied):
        services.submission_acknowledge(submission=submission, by=getattr(world, who))
    submission.refresh_from_db()
    assert submission.acknowledged_at is None


# --- differences between versions -------------------------------------------------------------


def _second_version(world):
    """Version 1 final; version 2 with a new introduction, a larger capacity, this year's
    experience instead of last year's, and transport (b) added; made final."""
    first = final_portfolio(world.organisation)
    second = services.portfolio_start(organisation=world.organisation, by=None)
    services.portfolio_save(portfolio=second, by=None, introduction="Opieka i transport.")
    (respite,) = second.specialisations.all()
    services.specialisation_update(specialisation=respite, by=None, capacity="30 rodzin")
    services.experience_delete(experience=respite.experience.get(), by=None)
    _experience(respite, title="Opieka wytchnieniowa 2026", value=Decimal("120000"))
    transport_b(second)
    return first, services.portfolio_finalise(portfolio=second, by=None)


def test_the_differences_between_portfolio_versions_are_readable(world):
    from opencus.providers import selectors, versions

    first, second = _second_version(world)
    second = selectors.get_portfolio(organisation=world.organisation, portfolio_id=second.pk)
    previous = selectors.previous_portfolio(portfolio=second)
    assert previous.pk == first.pk
    with translation.override("en"):
        changes = {c.section: c for c in versions.portfolio_changes(previous, second)}
    respite = "respite care (short breaks for carers) (a)"
    assert set(changes) == {
        "what the centre should notice",
        f"{respite}: how much it can take on",
        f"{respite}: experience of the last 3 years",
        "transport (b)",
    }
    intro = changes["what the centre should notice"]
    assert (intro.old, intro.new) == (
        "Specjalizujemy się w opiece wytchnieniowej.",
        "Opieka i transport.",
    )
    capacity = changes[f"{respite}: how much it can take on"]
    assert (capacity.old, capacity.new) == ("12 rodzin miesięcznie", "30 rodzin")
    experience = changes[f"{respite}: experience of the last 3 years"]
    assert [line.split(" — ")[0] for line in experience.added] == ["Opieka wytchnieniowa 2026"]
    assert "120,000.00 zł" in experience.added[0]
    assert [line.split(" — ")[0] for line in experience.removed] == ["Opieka wytchnieniowa 2025"]
    assert changes["transport (b)"].added == [
        f"{Specialisation._meta.get_field('recipients').verbose_name}: "
        "Osoby starsze bez własnego transportu"
    ]
    assert versions.portfolio_changes(None, first) == []
    assert versions.portfolio_changes(first, first) == []
