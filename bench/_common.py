"""What the benchmarks that compare two data sizes side by side share.

Importing this module sets Django up (a throwaway SQLite file unless DATABASE_URL is set), so
a script imports it before any model. ``compare`` then builds each size in its own database
(the default one and a second beside it, dropped afterwards), each with its own cache, and
measures every page alternately at both sizes: the machine's passing noise falls on both
alike. It reports, per page, the median server time of ``REPEAT`` requests and the number of
SQL statements at each size; with BENCH_SQL=1 it also prints each page's slowest statements
at the largest size.
"""

import contextlib
import copy
import gc
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
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

REPEAT = 31

# {page name: (a client logged in as the reader, the page's address)}
Pages = dict[str, tuple[Client, str]]
# {page name: {size: (median seconds, SQL statements)}}
Result = dict[str, dict[str, tuple[float, int]]]


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
def second_database() -> Iterator[None]:
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


def analyze() -> None:
    """Fresh planner statistics, as after any bulk load."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def compare(builders: dict[str, Callable[[], Pages]], repeat: int = REPEAT) -> Result:
    """Build two sizes, {label: build}, each in its own database on top of the demo region
    (``build`` grows it and returns the pages to measure, the same names at both sizes), then
    measure the pages alternately at both sizes."""
    small, large = builders
    setup_test_environment()
    with second_database():
        own = {
            size: (connections[alias], LocMemCache(size, {}))
            for size, alias in ((small, "default"), (large, "big"))
        }

        @contextlib.contextmanager
        def use(size: str) -> Iterator[None]:
            """Serve from the database and the cache of ``size`` (the thread's default ones)."""
            before = connections["default"], caches["default"]
            connections["default"], caches["default"] = own[size]
            try:
                yield
            finally:
                connections["default"], caches["default"] = before

        worlds: dict[str, Pages] = {}
        for size, build in builders.items():
            with use(size):
                call_command("migrate", verbosity=0)
                call_command("load_demo", verbosity=0, stdout=io.StringIO())
                worlds[size] = build()
        return _measure(worlds, use, repeat)


def _measure(worlds: dict[str, Pages], use, repeat: int) -> Result:
    sizes = list(worlds)
    names = list(worlds[sizes[0]])
    assert names == list(worlds[sizes[-1]]), "the same pages at both sizes"
    result: Result = {name: {} for name in names}
    for name in names:
        samples: dict[str, list[float]] = {size: [] for size in sizes}
        counts = {}
        for size in sizes:  # warm up, and count the statements once
            with use(size):
                client, url = worlds[size][name]
                client.get(url)
                counter = QueryCounter()
                with connection.execute_wrapper(counter):
                    response = client.get(url)
                assert response.status_code == 200, (size, url, response.status_code)
                counts[size] = counter.count
        gc.collect()  # start each page's series with the same heap
        for _ in range(repeat):
            for size in sizes:
                with use(size):
                    client, url = worlds[size][name]
                    start = time.perf_counter()
                    client.get(url)
                    samples[size].append(time.perf_counter() - start)
        for size in sizes:
            result[name][size] = (statistics.median(samples[size]), counts[size])
        if os.environ.get("BENCH_SQL"):  # where the time goes: the slowest statements
            slowest(worlds, use, name, sizes[-1])
    return result


def slowest(worlds: dict[str, Pages], use, name: str, size: str, top: int = 3) -> None:
    with use(size):
        client, url = worlds[size][name]
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            start = time.perf_counter()
            client.get(url)
        total = time.perf_counter() - start
    sql = sum(t for t, _ in timer.timed)
    print(f"  {name} at {size}: {total * 1000:.1f} ms, of which SQL {sql * 1000:.1f} ms")
    for spent, statement in sorted(timer.timed, key=lambda t: t[0], reverse=True)[:top]:
        print(f"    {spent * 1000:6.2f} ms {statement[:140]}")


def print_table(result: Result, width: int = 28) -> None:
    """Per page: the median at both sizes, their ratio, and the statements at both sizes."""
    names = list(result)
    small, large = list(result[names[0]]) if names else ("1x", "100x")
    print(
        f"{'page':{width}} {small + ' (ms)':>9} {large + ' (ms)':>10} {'ratio':>7} {'queries':>9}"
    )
    for name in names:
        (t1, q1), (t2, q2) = result[name][small], result[name][large]
        print(f"{name:{width}} {t1 * 1000:9.1f} {t2 * 1000:10.1f} {t2 / t1:7.2f} {q1:>4}/{q2:<4}")
