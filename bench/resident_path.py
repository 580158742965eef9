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
import copy
import datetime as dt
import gc
import io
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencus.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("STATIC_MANIFEST", "false")

import django

django.setup()

from django.core.cache import caches  # noqa: E402
from django.core.cache.backends.locmem import LocMemCache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

BASE = 50  # people at 1x; each with an application, a service and DELIVERIES visits
DELIVERIES = 20
OWN_PLANS = 10  # the KIPUS's own bench plans (at both sizes); other plans go to a colleague
REPEAT = 31


class QueryCounter:
    """An execute wrapper counting the SQL statements of a request."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class QueryTimer:
    """An execute wrapper timing each SQL statement of a request."""

    def __init__(self):
        self.timed: list[tuple[float, str]] = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.timed.append((time.perf_counter() - start, sql))


@contextlib.contextmanager
def second_database():
    """A second, empty database beside the default one (a file, or a PostgreSQL database on
    the same server), registered as the connection alias ``big``; dropped afterwards."""
    settings = copy.deepcopy(connections.settings["default"])
    vendor = connection.vendor
    if vendor == "sqlite":
        settings["NAME"] = str(Path(settings["NAME"]).with_name("bench-big.sqlite3"))
    else:
        settings["NAME"] = f"{settings['NAME']}_big"
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(settings['NAME'])}")
    connections.settings["big"] = settings
    try:
        yield
    finally:
        connections["big"].close()
        if vendor != "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DROP DATABASE {connection.ops.quote_name(settings['NAME'])}")


def main():
    setup_test_environment()
    with second_database():
        run()


def run():
    """Both sizes live side by side, each in its own database (and cache): the requests to
    them alternate, so the machine's passing noise falls on both sizes alike."""
    sizes = {"1x": "default", "100x": "big"}
    own = {size: (connections[alias], LocMemCache(size, {})) for size, alias in sizes.items()}

    @contextlib.contextmanager
    def use(size):
        """Serve from the database and the cache of ``size`` (the thread's default ones)."""
        before = connections["default"], caches["default"]
        connections["default"], caches["default"] = own[size]
        try:
            yield
        finally:
            connections["default"], caches["default"] = before

    worlds = {}
    for size, people in (("1x", BASE), ("100x", BASE * 100)):
        with use(size):
            call_command("migrate", verbosity=0)
            call_command("load_demo", verbosity=0, stdout=io.StringIO())
            worlds[size] = build(people)

    names = list(worlds["1x"])
    result = {name: {} for name in names}
    for name in names:
        samples = {size: [] for size in sizes}
        for size in sizes:  # warm up, and count the statements once
            with use(size):
                client, url = worlds[size][name]
                client.get(url)
                counter = QueryCounter()
                with connection.execute_wrapper(counter):
                    response = client.get(url)
                assert response.status_code == 200, (size, url, response.status_code)
                result[name][size] = counter.count
        gc.collect()  # start each page's series with the same heap
        for _ in range(REPEAT):
            for size in sizes:
                with use(size):
                    client, url = worlds[size][name]
                    start = time.perf_counter()
                    client.get(url)
                    samples[size].append(time.perf_counter() - start)
        for size in sizes:
            result[name][size] = (statistics.median(samples[size]), result[name][size])
        if os.environ.get("BENCH_SQL"):  # where the time goes: the slowest statements at 100x
            with use("100x"):
                client, url = worlds["100x"][name]
                timer = QueryTimer()
                with connection.execute_wrapper(timer):
                    start = time.perf_counter()
                    client.get(url)
                total = time.perf_counter() - start
            sql = sum(t for t, _ in timer.timed)
            print(f"  {name} at 100x: {total * 1000:.1f} ms, of which SQL {sql * 1000:.1f} ms")
            for spent, statement in sorted(timer.timed, reverse=True)[:3]:
                print(f"    {spent * 1000:6.2f} ms {statement[:140]}")

    print(
        f"Resident path on {connection.vendor}: median of {REPEAT} requests, alternating; "
        f"{BASE} vs {BASE * 100} people, each with an application, a service, a plan and "
        f"{DELIVERIES} deliveries ({BASE * DELIVERIES} vs {BASE * 100 * DELIVERIES})"
    )
    print(f"{'page':28} {'1x (ms)':>9} {'100x (ms)':>10} {'ratio':>7} {'queries':>9}")
    for name in names:
        (t1, q1), (t100, q100) = result[name]["1x"], result[name]["100x"]
        print(f"{name:28} {t1 * 1000:9.1f} {t100 * 1000:10.1f} {t100 / t1:7.2f} {q1:>4}/{q100:<4}")


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
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics, as after any bulk load

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
