"""The resident's path at 1x and 100x data: people, applications, services, deliveries.

Run: `make bench` (throwaway SQLite files, or DATABASE_URL's server with a second database
beside it; BENCH_SQL=1 also prints each page's slowest statements). The two sizes live in two
databases and the requests alternate between them, so passing noise falls on both alike. For
each page it prints the median server time at 1x and at 100x and their ratio (goal ≤ 1.2), and
the number of SQL queries at both sizes (they must be equal: the pages are designed for a
fixed count).

The measured pages show one person (or one KIPUS's work) while the centre around them grows
a hundredfold: the person page, "my matters" of the person's account, the application list
(first page), and the KIPUS caseload (the KIPUS's own plans stay the same; every bench person
has a plan in preparation, the rest coordinated by a colleague).
"""

import contextlib
import datetime as dt
from decimal import Decimal

import _common  # sets Django up: first
from django.db import connection
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

BASE = 50  # people at 1x; each with an application, a service and DELIVERIES visits
DELIVERIES = 20
OWN_PLANS = 10  # the KIPUS's own bench plans (at both sizes); other plans go to a colleague


def main():
    result = _common.compare({"1x": lambda: build(BASE), "100x": lambda: build(BASE * 100)})
    print(
        f"Resident path on {connection.vendor}: median of {_common.REPEAT} requests, "
        f"alternating; {BASE} vs {BASE * 100} people, each with an application, a service, a "
        f"plan and {DELIVERIES} deliveries ({BASE * DELIVERIES} vs {BASE * 100 * DELIVERIES})"
    )
    _common.print_table(result)


def build(people: int) -> dict[str, tuple[Client, str]]:
    """The demo region grown to ``people`` bench people in Świebodzin; the measured pages as
    {name: (a client logged in as the reader, the page's address)}."""
    from opencus.accounts.models import User
    from opencus.cases.models import Application, NeedsAssessment, RequestedService
    from opencus.catalogue.models import Service
    from opencus.enrolments.models import Delivery, Enrolment
    from opencus.people.models import Person
    from opencus.plans.models import IndividualPlan
    from opencus.residents.models import ResidentLink
    from opencus.territory.models import Centre

    centre = Centre.objects.get(slug="swiebodzin")
    kipus = User.objects.get(email="kipus.swiebodzin@opencus.example")
    colleague = User.objects.get(email="ous.swiebodzin@opencus.example")
    resident = User.objects.get(email="mieszkanka@opencus.example")
    person = ResidentLink.objects.get(user=resident).person
    service = Service.objects.filter(centre=centre, status="published").first()
    today = timezone.localdate()

    def grow(people: int):
        have = Person.objects.filter(centre=centre, last_name__startswith="Bench").count()
        new = [
            Person(
                centre=centre,
                first_name="Osoba",
                last_name=f"Bench {i:06d}",
                birth_date=dt.date(1940 + i % 60, 1 + i % 12, 1 + i % 28),
                is_demo=True,
            )
            for i in range(have, people)
        ]
        Person.objects.bulk_create(new, batch_size=1000)
        applications = [
            Application(
                centre=centre,
                person=p,
                channel="desk",
                submitter_role="person",
                description="x",
                submitted_at=timezone.now() - dt.timedelta(minutes=i),
                case_number=f"B/{p.last_name[-6:]}",
                status="decided",
                is_demo=True,
            )
            for i, p in enumerate(new)
        ]
        Application.objects.bulk_create(applications, batch_size=1000)
        enrolments = [
            Enrolment(
                centre=centre,
                person=p,
                service=service,
                provider=service.provider,
                units_per_period=Decimal(2),
                period="week",
                starts_on=today - dt.timedelta(days=60),
                unit=service.unit,
                market_value_per_unit=service.market_value,
                fee_per_unit=service.resident_price,
                status="active",
            )
            for p in new
        ]
        Enrolment.objects.bulk_create(enrolments, batch_size=1000)
        RequestedService.objects.bulk_create(
            [
                RequestedService(application=a, service=service, outcome="granted", enrolment=e)
                for a, e in zip(applications, enrolments, strict=True)
            ],
            batch_size=1000,
        )
        Delivery.objects.bulk_create(
            [
                Delivery(
                    centre=centre,
                    enrolment=e,
                    delivered_on=today - dt.timedelta(days=d + 1),
                    units=Decimal(1),
                    where="at_home",
                )
                for e in enrolments
                for d in range(DELIVERIES)
            ],
            batch_size=2000,
        )
        # Each person has a plan in preparation: the first OWN_PLANS are the measured KIPUS's,
        # the rest a colleague's, so the caseload stays the same while the centre's plans grow.
        assessments = NeedsAssessment.objects.bulk_create(
            [
                NeedsAssessment(
                    application=a, place="centre", assessed_on=today, ipus_required=True
                )
                for a in applications
            ],
            batch_size=1000,
        )
        IndividualPlan.objects.bulk_create(
            [
                IndividualPlan(
                    centre=centre,
                    number=f"IPUS/B/{a.case_number[2:]}",
                    person=a.person,
                    application=a,
                    assessment=s,
                    coordinator=kipus if have + i < OWN_PLANS else colleague,
                    deadline=today + dt.timedelta(days=(have + i) % 40 - 10),
                    period_from=today,
                    period_to=today + dt.timedelta(days=180),
                    is_demo=True,
                )
                for i, (a, s) in enumerate(zip(applications, assessments, strict=True))
            ],
            batch_size=1000,
        )
        _common.analyze()  # the planner's statistics, as after any bulk load

    pages = {
        "person page (KIPUS)": (kipus, f"/c/{centre.slug}/people/{person.pk}/"),
        "application list (KIPUS)": (kipus, f"/c/{centre.slug}/applications/"),
        "my matters (resident)": (resident, "/my/"),
    }
    with contextlib.suppress(NoReverseMatch):  # the plans app may not be installed
        pages["KIPUS caseload"] = (kipus, reverse("centre:plan_caseload", args=[centre.slug]))
    clients = {}
    for user in {kipus, resident}:
        clients[user.pk] = Client()
        clients[user.pk].force_login(user)
    grow(people)
    return {name: (clients[user.pk], url) for name, (user, url) in pages.items()}


if __name__ == "__main__":
    main()
