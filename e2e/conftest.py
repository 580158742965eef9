"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every module here sets ``pytestmark = pytest.mark.browser``: `make test-browser` runs them,
the database suites skip them. The ``scene`` fixture is the root ``world`` plus what the
public, audit, catalogue, portal and people pages need to show something (a boundary,
agreements, log entries, a small catalogue, a family registered in centre a). It is built
once per worker; before each test an SQLite snapshot puts its rows back (``scene_snapshot``)
and the test gets its own copy of the objects.
"""

import datetime as dt
import sqlite3
from copy import deepcopy
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from e2e.cases_scene import add_cases
from e2e.catalogue_scene import add_catalogue
from e2e.commissioning_scene import add_commissioning
from e2e.contracts_scene import add_contracts
from e2e.cooperation_scene import add_cooperation
from e2e.enrolments_scene import add_enrolments
from e2e.equipment_scene import add_equipment
from e2e.partners_scene import add_partners
from e2e.people_scene import add_people
from e2e.plans_scene import add_plans
from e2e.referrals_scene import add_referrals

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-quic",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Pages open relative addresses on the live server: ``page.goto("/centres/")``.

    This also replaces pytest-playwright's own fallback ``base_url``, an instance-method
    session fixture that pytest 9 deprecates (PytestRemovedIn10Warning, an error here).
    """
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "pl-PL"}


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (or `make test-browser`)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def axe(page, axe_source):
    """``axe()``: run axe-core on the current page and fail on any WCAG 2.1 A/AA violation.

    axe-core is an init script of the browser context: every page loads it as it opens,
    instead of Playwright sending its 650 kB again for each page checked (a quarter of a
    screen's time in the accessibility sweep).
    """
    page.context.add_init_script(script=axe_source)

    def check(context: str = ""):
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "async (tags) => await axe.run(document,"
            " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS,
        )
        violations = result["violations"]
        assert violations == [], describe_violations(context or page.url, violations)

    return check


def describe_violations(where: str, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} violation(s) on {where}"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            target = " ".join(" > ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    {target}: {node['html'][:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend(f"      {line}" for line in summary.splitlines())
    return "\n".join(lines)


@pytest.fixture
def login_as(page, live_server):
    """``login_as(user)``: put a session cookie for ``user`` in the browser (no login form)."""

    def login(user):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return login


def build_scene():
    """``world`` plus data that makes every page render its tables, lists and map."""
    from django.contrib.contenttypes.models import ContentType

    from opencus.accounts.models import Membership, User
    from opencus.audit.models import AccessLogEntry, AccessPurpose
    from opencus.core.tests.world import build_world
    from opencus.territory.enums import CentreStatus, TerritoryCategory
    from opencus.territory.models import NetworkTerritory
    from opencus.territory.tests.factories import (
        AgreementFactory,
        BoundaryFactory,
        CentreFactory,
        GminaFactory,
    )

    world = build_world()
    gmina = world.a.seat_gmina
    neighbour = GminaFactory(powiat=gmina.powiat, name="Sąsiednia", population=None)
    world.a.gminas.add(neighbour)
    BoundaryFactory(code=gmina.code)
    AgreementFactory(
        title="Porozumienie o wspólnym CUS",
        lead_gmina=gmina,
        parties=[gmina, neighbour],
        centre=world.a,
        valid_from=dt.date(2025, 1, 1),
    )
    planned = CentreFactory(
        name="CUS Gamma",
        slug="gamma",
        status=CentreStatus.BEING_CREATED,
        planned_opening_on=dt.date(2027, 1, 1),
    )
    world.network.centres.add(planned)
    NetworkTerritory.objects.create(
        network=world.network,
        gmina=neighbour,
        category=TerritoryCategory.OPTIMAL,
        note="Teren testowy",
    )
    user_type = ContentType.objects.get_for_model(User)
    for member in (world.kipus, world.ous):
        AccessLogEntry.objects.create(
            actor=world.director,
            actor_label=str(world.director),
            centre=world.a,
            subject_type=user_type,
            subject_id=str(member.pk),
            subject_label=str(member),
            fields="name, e-mail",
            purpose=AccessPurpose.STAFF_ADMINISTRATION,
            view_name="centre:staff_detail",
            path=f"/c/{world.a.slug}/staff/{member.pk}/",
        )
    world.kipus_membership = Membership.objects.get(user=world.kipus, centre=world.a)
    world.gmina = gmina
    world.neighbour = neighbour
    world.planned = planned
    add_catalogue(world)
    add_people(world)
    add_cases(world)
    add_equipment(world)
    add_enrolments(world)
    add_plans(world)
    add_referrals(world)
    add_partners(world)
    add_commissioning(world)
    add_cooperation(world)
    add_contracts(world)
    return world


@pytest.fixture(scope="session")
def scene_snapshot(django_db_setup, django_db_blocker):
    """The scene, built once per worker, and a copy of the database that holds it.

    Building the scene through the services takes seconds; every browser test needs it and
    flushes the database after itself (``transactional_db``: the live server must see
    committed rows). On SQLite (``make test-browser``) the test database is in memory, so
    a copy made with SQLite's backup API puts the scene back in milliseconds. None on
    another engine: there ``scene`` builds the scene for each test.
    """
    from django.db import connection

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield None
        return
    with django_db_blocker.unblock():
        scene = build_scene()
        copy = sqlite3.connect(":memory:")
        connection.ensure_connection()
        connection.connection.backup(copy)
    yield scene, copy
    copy.close()


@pytest.fixture
def scene(transactional_db, scene_snapshot):
    """``build_scene()``'s data in the database, and a fresh copy of its namespace.

    The database gets the snapshot back (whatever the previous test left was flushed), the
    content-type cache forgets the ids that the flush's re-created rows had, and the test
    gets its own deep copy of the objects, free to change them.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    if scene_snapshot is None:
        return build_scene()
    scene, copy = scene_snapshot
    connection.ensure_connection()
    copy.backup(connection.connection)
    ContentType.objects.clear_cache()
    return deepcopy(scene)
