"""Workshops and pilots of a centre, for the app's tests and for the tests that walk every URL
(tenancy, query budget)."""

import datetime as dt

from django.utils import timezone

from opencus.cooperation import services
from opencus.providers import services as providers
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Partnership
from opencus.providers.tests.factories import OrganisationFactory


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def verified_partner(centre, organisation) -> Partnership:
    """The organisation's partnership with the centre, verified (asked for and verified if
    there is none yet, verified if it is waiting)."""
    partnership = Partnership.objects.filter(centre=centre, organisation=organisation).first()
    if partnership is None:
        partnership = providers.partnership_request(
            organisation=organisation, centre=centre, by=None
        )
    if partnership.status == PartnershipStatus.PENDING:
        partnership = providers.partnership_verify(partnership=partnership, by=None)
    return partnership


def planned_workshop(centre, organisation, *, by=None, **fields):
    verified_partner(centre, organisation)
    data = {
        "held_on": days_ago(-7),
        "place": "Sala konferencyjna CUS, ul. Ogrodowa 1",
        "meeting_form": "in_person",
        "topic": "Portfolio organizacji i oczekiwania centrum",
    }
    return services.workshop_plan(
        centre=centre, organisation=organisation, by=by, **(data | fields)
    )


TEAM = [
    ("Anna Ekspert", "ekspertka ZET", "zet"),
    ("Jan Lider", "Lider ds. współpracy z CUS", "organisation"),
    ("Ewa Organizatorka", "OSL", "centre"),
    ("Piotr Obserwator", "Obserwatorium CUS", "observatory"),
]


def held_workshop(centre, organisation, *, by=None, participants=TEAM, **fields):
    """A workshop a week ago, with participants of every side of a pilot's team, its
    outcomes recorded."""
    workshop = planned_workshop(centre, organisation, by=by, held_on=days_ago(7), **fields)
    for name, role, side in participants:
        services.participant_add(workshop=workshop, by=by, name=name, role=role, side=side)
    return services.workshop_record_outcomes(
        workshop=workshop,
        by=by,
        feedback="Centrum oczekuje propozycji do diagnozy potrzeb i planu OSL.",
        pilot_scenario="Organizacja zgłasza propozycje do diagnozy i do planu organizowania "
        "społeczności lokalnej.",
        mutual_benefits="Lepsza diagnoza; doświadczenie organizacji.",
        visit_invited_on=days_ago(1),
    )


def running_pilot(centre, organisation, *, by=None, starts_days_ago: int = 20):
    """A pilot from a held workshop, started ``starts_days_ago`` days ago, running."""
    workshop = held_workshop(centre, organisation, by=by)
    starts_on = days_ago(starts_days_ago)
    pilot = services.pilot_create(
        workshop=workshop,
        by=by,
        starts_on=starts_on,
        ends_on=services.pilot_earliest_end(starts_on),
    )
    return services.pilot_start(pilot=pilot, by=by)


def contribution(pilot, *, by=None, kind="diagnosis", title="Propozycje do diagnozy", **fields):
    data = {"content": "Brakuje opieki wytchnieniowej w gminie.", "dated_on": pilot.starts_on}
    return services.contribution_submit(
        pilot=pilot, by=by, kind=kind, title=title, **(data | fields)
    )


CLOSING_REPORT = {
    "report_summary": "Organizacja przygotowała propozycje do diagnozy i planu OSL.",
    "report_benefits": "Centrum zyskało wiedzę o potrzebach; organizacja doświadczenie.",
    "report_barriers": "Krótki czas pilotażu.",
    "report_potential": "Wysoki potencjał współpracy w usługach opiekuńczych.",
    "report_prepared_by": "Anna Ekspert (ZET) z Janem Liderem",
}


def cooperation_of(centre, organisation=None) -> dict:
    """URL kwargs of ``centre``'s cooperation with ``organisation`` (a new one if None): a held
    workshop with participants (``workshop_id``, ``participant_id``), the running pilot from it
    with its team (``pilot_id``, ``member_id``) and a contribution (``contribution_id``)."""
    organisation = organisation or OrganisationFactory()
    pilot = running_pilot(centre, organisation)
    submitted = contribution(pilot)
    return {
        "workshop_id": pilot.workshop_id,
        "participant_id": pilot.workshop.participants.order_by("name").first().pk,
        "pilot_id": pilot.pk,
        "member_id": pilot.members.order_by("name").first().pk,
        "contribution_id": submitted.pk,
    }
