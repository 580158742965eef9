"""Demo services given to the demo people, with deliveries over the last two months.

Granted, delivered, suspended and ended through the enrolments' services, so that their rules
and history apply. Dates are relative to the day of loading. Safe to run again: a person who
already has (or had) the service is left alone, whatever happened to it since; a service that
is no longer published is skipped.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from opencus.accounts.models import User
from opencus.catalogue.enums import ServiceStatus
from opencus.catalogue.models import Service
from opencus.enrolments import services
from opencus.enrolments.models import Enrolment
from opencus.people.models import Person


@dataclass(frozen=True)
class Visit:
    """Deliveries on some weekdays (0 = Monday) of each week, ``units`` each."""

    weekdays: tuple[int, ...]
    units: str
    minutes: int | None = None
    missed: tuple[int, ...] = ()  # days ago on which the visit was missed (person in hospital)


@dataclass(frozen=True)
class DemoEnrolment:
    centre: str
    person: tuple[str, str]  # last, first name
    service: str
    units_per_period: str
    period: str
    starts_days_ago: int  # negative: starts in the future
    visits: Visit | None = None
    recorded_by: str = ""  # a demo login's e-mail; empty: the system
    exemption: str = "none"
    exemption_reason: str = ""
    fee_per_unit: str | None = None
    # what happened after: ("suspend", days ago, reason) or ("end", days ago, end reason)
    then: tuple[str, int, str] | None = None
    note: str = ""


ENROLMENTS = [
    DemoEnrolment(
        centre="trzebiel",
        person=("Mazur", "Irena"),
        service="Dowóz posiłków",
        units_per_period="5",
        period="week",
        starts_days_ago=62,
        visits=Visit(weekdays=(0, 1, 2, 3, 4), units="1", missed=(23, 24)),
        note="Dieta lekkostrawna.",
    ),
    DemoEnrolment(
        centre="trzebiel",
        person=("Krawczyk", "Władysław"),
        service="Dowóz posiłków",
        units_per_period="5",
        period="week",
        starts_days_ago=45,
        visits=Visit(weekdays=(0, 1, 2, 3, 4), units="1"),
        exemption="full",
        exemption_reason="Dochód poniżej kryterium dochodowego z ustawy o pomocy społecznej.",
    ),
    DemoEnrolment(
        centre="trzebiel",
        person=("Krawczyk", "Władysław"),
        service="Asystent osoby starszej",
        units_per_period="6",
        period="week",
        starts_days_ago=58,
        visits=Visit(weekdays=(1, 3), units="3", minutes=180),
        then=("suspend", 4, "Pobyt w szpitalu powiatowym (zgłosił syn)."),
    ),
    DemoEnrolment(
        centre="swiebodzin",
        person=("Kowalski", "Janusz"),  # Halina's basket comes from her plan (plans_loader)
        service="Koszyk pomocowy: usługi sprzątające i złota rączka",
        units_per_period="8",
        period="month",
        starts_days_ago=60,
        visits=Visit(weekdays=(2,), units="2", minutes=120),
        recorded_by="ous.swiebodzin@opencus.example",
        exemption="partial",
        exemption_reason="Dochód do 150% kryterium: opłata obniżona uchwałą rady gminy.",
        fee_per_unit="7.50",
    ),
    DemoEnrolment(
        centre="swiebodzin",
        person=("Wójcik", "Stanisław"),
        service="Rehabilitacja w miejscu zamieszkania",
        units_per_period="2",
        period="week",
        starts_days_ago=61,
        visits=Visit(weekdays=(0, 3), units="1", minutes=60),
        recorded_by="ous.swiebodzin@opencus.example",
        then=("end", 6, "units_exhausted"),
    ),
    DemoEnrolment(
        centre="swiebodzin",
        person=("Zając", "Krystyna"),
        service="Rehabilitacja w miejscu zamieszkania",
        units_per_period="2",
        period="week",
        starts_days_ago=-7,
        note="Pierwsza wizyta do umówienia telefonicznie.",
    ),
    DemoEnrolment(
        centre="janow-lubelski",
        person=("Wrona", "Teresa"),
        service="Rzecznictwo – pomoc w dochodzeniu swoich praw",
        units_per_period="4",
        period="month",
        starts_days_ago=55,
        visits=Visit(weekdays=(1,), units="1.5", minutes=90),
        recorded_by="lider.konwent@opencus.example",
        note="Odwołanie od decyzji w sprawie orzeczenia o niepełnosprawności.",
    ),
]


# Given under the contract made from the award of the meals competition (contracts_loader
# grants them once the contract is signed, so the Konwent delivers them and records the
# visits in its portal).
CONTRACT_MEALS = "Gorący obiad dla seniorów"
CONTRACTED = [
    DemoEnrolment(
        centre="swiebodzin",
        person=("Kowalska", "Halina"),
        service=CONTRACT_MEALS,
        units_per_period="5",
        period="week",
        starts_days_ago=12,
        visits=Visit(weekdays=(0, 1, 2, 3, 4), units="1"),
        recorded_by="lider.konwent@opencus.example",
        exemption="partial",
        exemption_reason="Dochód do 150% kryterium: opłata obniżona uchwałą rady gminy.",
        fee_per_unit="4.00",
        note="Dieta lekkostrawna.",
    ),
    DemoEnrolment(
        centre="swiebodzin",
        person=("Wójcik", "Stanisław"),
        service=CONTRACT_MEALS,
        units_per_period="3",
        period="week",
        starts_days_ago=9,
        visits=Visit(weekdays=(0, 2, 4), units="1"),
        recorded_by="lider.konwent@opencus.example",
        note="Obiad w poniedziałki, środy i piątki; w pozostałe dni gotuje córka.",
    ),
]


def _visit_days(starts_on: dt.date, last: dt.date, visit: Visit) -> list[dt.date]:
    day, days = starts_on, []
    while day <= last:
        if day.weekday() in visit.weekdays:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _deliver(enrolment: Enrolment, demo: DemoEnrolment, by, until: dt.date) -> None:
    visit = demo.visits
    if visit is None:
        return
    today = timezone.localdate()
    missed = {today - dt.timedelta(days=n) for n in visit.missed}
    for day in _visit_days(enrolment.starts_on, until, visit):
        if day in missed:
            services.delivery_record(
                enrolment=enrolment,
                by=by,
                delivered_on=day,
                status="missed",
                missed_reason="person_in_hospital",
            )
        else:
            services.delivery_record(
                enrolment=enrolment,
                by=by,
                delivered_on=day,
                units=Decimal(visit.units),
                duration_minutes=visit.minutes,
            )


def _load_one(demo: DemoEnrolment) -> bool:
    last, first = demo.person
    person = Person.objects.filter(
        centre__slug=demo.centre, last_name=last, first_name=first, merged_into__isnull=True
    ).first()
    service = Service.objects.filter(centre__slug=demo.centre, name=demo.service).first()
    if person is None or service is None or service.status != ServiceStatus.PUBLISHED:
        return False
    if Enrolment.objects.filter(person=person, service=service).exists():
        return False
    by = User.objects.filter(email=demo.recorded_by).first() if demo.recorded_by else None
    today = timezone.localdate()
    enrolment = services.enrolment_create(
        person=person,
        service=service,
        by=by,
        starts_on=today - dt.timedelta(days=demo.starts_days_ago),
        units_per_period=Decimal(demo.units_per_period),
        period=demo.period,
        exemption=demo.exemption,
        exemption_reason=demo.exemption_reason,
        fee_per_unit=demo.fee_per_unit,
        note=demo.note,
    )
    if enrolment.status != "active":
        return True
    action, days_ago, what = demo.then or ("", 0, "")
    stop = today - dt.timedelta(days=days_ago + 1) if action else today - dt.timedelta(days=1)
    _deliver(enrolment, demo, by, stop)
    if action == "suspend":
        services.enrolment_suspend(enrolment=enrolment, by=by, reason=what)
    elif action == "end":
        services.enrolment_end(
            enrolment=enrolment,
            by=by,
            end_reason=what,
            ended_on=today - dt.timedelta(days=days_ago),
        )
    return True


def load_enrolments(demos: list[DemoEnrolment] = ENROLMENTS) -> int:
    """Grant the demo services that are not there yet; returns how many were granted."""
    return sum(_load_one(demo) for demo in demos)
