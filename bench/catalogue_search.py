"""Catalogue search at 1k and at 10k published services, next to a minimal Django page.

Run: `make bench` (a throwaway SQLite database, then a throwaway PostgreSQL).
Reports, for the public search page at each size: p50 server time and SQL queries per
request, and the 10k/1k ratio (goal <= 1.5); then throughput of the search page next to a
minimal page measured in the same run (goal >= 50%).

"Minimal page" = a view that renders the site's base layout with no content through the same
middleware (sessions, auth, CSRF, locale, htmx): the floor every page of the app pays. The
search page is that plus the search, the filters and twenty result cards.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencus.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("STATIC_MANIFEST", "false")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import include, path  # noqa: E402

QUERIES = [
    "q=dowoz+posilkow",
    "q=opieka",
    "q=asystent+seniora",
    "q=wytchnieniwa",
    "q=rehabilitacja&price=free",
    "q=transport&group=seniors",
    "area=family_support",
    "group=seniors&price=cofinanced&age=70",
]
REPEAT = 12
THROUGHPUT_SECONDS = 4.0


def minimal_page(request):
    return render(request, "base.html", {})


urlpatterns = [path("bench-minimal/", minimal_page), path("", include("opencus.urls"))]


def p50_and_queries(client) -> tuple[float, float]:
    times, counts = [], []
    for query in QUERIES:
        client.get(f"/services/?{query}")  # warm caches
        for _ in range(REPEAT):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(f"/services/?{query}")
                times.append(time.perf_counter() - start)
            assert response.status_code == 200, (query, response.status_code)
            counts.append(len(captured))
    return statistics.median(times), statistics.mean(counts)


def throughput(client, url: str) -> float:
    client.get(url)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < THROUGHPUT_SECONDS:
        client.get(url)
        done += 1
    return done / (time.perf_counter() - start)


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    client = Client()
    results = {}
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
        for label, total in (("1k", 1_000), ("10k", 10_000)):
            from opencus.catalogue.models import Service

            missing = total - Service.objects.published().count()
            if missing > 0:
                call_command(
                    "generate_scale_data",
                    services=missing,
                    seed=total,
                    verbosity=0,
                    stdout=io.StringIO(),
                )
            published = Service.objects.published().count()
            results[label] = (published, *p50_and_queries(client))
        search_rps = throughput(client, "/services/?q=opieka+domowa&group=seniors")
        minimal_rps = throughput(client, "/bench-minimal/")
    print(
        f"Catalogue search on {connection.vendor}: p50 of {REPEAT} x {len(QUERIES)} queries per size"
    )
    print(f"{'size':6} {'published':>10} {'p50 (ms)':>9} {'queries/request':>16}")
    for label, (published, p50, queries) in results.items():
        print(f"{label:6} {published:10d} {p50 * 1000:9.1f} {queries:16.1f}")
    ratio = results["10k"][2] / results["1k"][2]
    print(f"ratio 10k / 1k p50: {ratio:.2f} (goal <= 1.5)")
    print(
        f"throughput: search {search_rps:.0f} req/s, minimal page {minimal_rps:.0f} req/s, "
        f"search at {100 * search_rps / minimal_rps:.0f}% of the minimal page (goal >= 50%)"
    )


if __name__ == "__main__":
    main()
