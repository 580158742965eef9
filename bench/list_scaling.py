"""List pages at 1x and 10x data: the ratio of their latencies should stay near 1.

Run: `make bench` (uses a throwaway SQLite database in a temp dir, or DATABASE_URL if set).
Prints, per page, the median latency at 1x and 10x and their ratio. Pages are paginated and
their query counts are fixed, so the ratio measures what indexes leave to the database
(COUNT over the filtered rows grows; the page slice does not).
"""

import io
import statistics
import time

import _common  # noqa: F401  (sets Django up: first)
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment

BASE = 2_000
REPEAT = 15


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())

    from opencus.accounts.models import Membership, User
    from opencus.accounts.roles import Role
    from opencus.audit.models import AccessLogEntry
    from opencus.territory.models import Centre

    centre = Centre.objects.get(slug="swiebodzin")
    director = User.objects.get(email="dyrektor.swiebodzin@opencus.example")
    client = Client()
    client.force_login(director)
    user_type = ContentType.objects.get_for_model(User)
    pages = {
        "access log": f"/c/{centre.slug}/audit/access/",
        "access log, filtered": f"/c/{centre.slug}/audit/access/?subject=Osoba+7",
        "staff list": f"/c/{centre.slug}/staff/",
        "gmina list (public)": "/territory/08/",
        "centre list (public)": "/centres/",
    }

    def grow(total_log: int, total_staff: int):
        have = AccessLogEntry.objects.filter(centre=centre).count()
        AccessLogEntry.objects.bulk_create(
            [
                AccessLogEntry(
                    actor=director,
                    actor_label=str(director),
                    centre=centre,
                    subject_type=user_type,
                    subject_id=str(i),
                    subject_label=f"Osoba {i}",
                    purpose="staff_admin",
                    view_name="centre:staff_detail",
                    path="/bench/",
                )
                for i in range(have, total_log)
            ],
            batch_size=2000,
        )
        have = Membership.objects.filter(centre=centre).count()
        for i in range(have, total_staff):
            user = User.objects.create(
                email=f"bench{i}@opencus.example", first_name="B", last_name=f"Bench {i}"
            )
            Membership.objects.create(user=user, centre=centre, role=Role.KIPUS)

    def measure() -> dict[str, float]:
        result = {}
        for name, url in pages.items():
            client.get(url)  # warm caches
            times = []
            for _ in range(REPEAT):
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
                assert response.status_code == 200, (url, response.status_code)
            result[name] = statistics.median(times)
        return result

    grow(BASE, 50)
    one = measure()
    grow(BASE * 10, 500)
    ten = measure()
    engine = connection.vendor
    print(f"List pages on {engine}: median of {REPEAT} requests, 1x vs 10x rows")
    print(f"{'page':28} {'1x (ms)':>9} {'10x (ms)':>9} {'ratio':>7}")
    for name in pages:
        print(
            f"{name:28} {one[name] * 1000:9.1f} {ten[name] * 1000:9.1f} {ten[name] / one[name]:7.2f}"
        )


if __name__ == "__main__":
    main()
