"""Catalogue search at 1k and at 10k published services, next to minimal Django views.

Run: `make bench` (a throwaway SQLite database, then a throwaway PostgreSQL).

1. Server time and SQL queries per request of the public search page, with the result cache
   switched off (every request searches): p50 at 1k and at 10k and their ratio (goal <= 1.5).
2. Throughput with the cache on, as the site runs: the search page, the htmx result list the
   page fetches when a filter changes, and the HSDS JSON search — next to a minimal HTML page
   (the base layout, no content) and a minimal JSON view, through the same middleware, in the
   same run (goal >= 50%). The cache is keyed on the catalogue's version, so a cached answer
   is never stale; the throughput loop cycles through the bench's queries.
"""

import io
import statistics
import time

import _common  # noqa: F401  (sets Django up: first)
from django.core.management import call_command
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import include, path

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
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def minimal_page(request):
    return render(request, "base.html", {})


def minimal_json(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("bench-minimal/", minimal_page),
    path("bench-minimal.json", minimal_json),
    path("", include("opencus.urls")),
]


def p50_and_queries(client) -> tuple[float, float]:
    times, counts = [], []
    for query in QUERIES:
        client.get(f"/services/?{query}")  # warm the connection and the stemmer
        for _ in range(REPEAT):
            start = time.perf_counter()
            response = client.get(f"/services/?{query}")
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (query, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/services/?{query}")
        counts.append(len(captured))
    return statistics.median(times), statistics.mean(counts)


def throughput(client, urls: list[str], **headers) -> float:
    for url in urls:
        client.get(url, **headers)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < THROUGHPUT_SECONDS:
        client.get(urls[done % len(urls)], **headers)
        done += 1
    return done / (time.perf_counter() - start)


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    client = Client()
    results = {}
    with override_settings(ROOT_URLCONF=__name__, DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        from opencus.catalogue.models import Service

        for label, total in (("1k", 1_000), ("10k", 10_000)):
            missing = total - Service.objects.published().count()
            if missing > 0:
                call_command(
                    "generate_scale_data",
                    services=missing,
                    seed=total,
                    verbosity=0,
                    stdout=io.StringIO(),
                )
            with override_settings(CACHES=NO_CACHE):
                results[label] = (Service.objects.published().count(), *p50_and_queries(client))
        pages = [f"/services/?{q}" for q in QUERIES]
        api = [
            # 20 a page, as on the portal
            f"/hsds/services?per_page=20&search={q.split('&')[0][2:]}"
            for q in QUERIES
            if q.startswith("q=")
        ]
        rates = {
            "minimal HTML page": throughput(client, ["/bench-minimal/"]),
            "search page (HTML)": throughput(client, pages),
            "search list (htmx)": throughput(client, pages, HTTP_HX_REQUEST="true"),
            "minimal JSON view": throughput(client, ["/bench-minimal.json"]),
            "HSDS search (JSON)": throughput(client, api),
        }
    print(f"Catalogue search on {connection.vendor}")
    print(
        f"1. Without the result cache: p50 of {REPEAT} requests x {len(QUERIES)} queries per size"
    )
    print(f"   {'size':6} {'published':>10} {'p50 (ms)':>9} {'queries/request':>16}")
    for label, (published, p50, queries) in results.items():
        print(f"   {label:6} {published:10d} {p50 * 1000:9.1f} {queries:16.1f}")
    print(f"   ratio 10k / 1k p50: {results['10k'][1] / results['1k'][1]:.2f} (goal <= 1.5)")
    print("2. Throughput at 10k with the result cache (requests per second, one process)")
    for name, rate in rates.items():
        print(f"   {name:20} {rate:8.0f}")
    html = rates["search page (HTML)"] / rates["minimal HTML page"]
    htmx = rates["search list (htmx)"] / rates["minimal HTML page"]
    api_share = rates["HSDS search (JSON)"] / rates["minimal JSON view"]
    print(
        f"   search page at {100 * html:.0f}%, search list at {100 * htmx:.0f}% of the minimal page; "
        f"HSDS search at {100 * api_share:.0f}% of the minimal JSON view (goal >= 50%)"
    )


if __name__ == "__main__":
    main()
