"""Signing in as every role, switching context and language, as a person in a browser would.

The UI is Polish by default and its copy is still being translated, so these tests assert
addresses, roles, landmarks, counts and ``aria-current``, and names that are data.
"""

import re

import pytest
from playwright.sync_api import expect

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import PASSWORD, MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CENTRE_NAV = [
    "",
    "centre/",
    "people/",
    "applications/",
    "equipment/",
    "enrolments/",
    "referrals/",
    "partners/",
    "commissioning/calls/",
    "cooperation/",
    "cooperation/indicators/",
    "complaints/",
    "catalogue/",
    "locations/",
    "staff/",
]
# no personal files: no applications, no equipment loans, no services given, no referrals,
# no residents' complaints
PERSONAL = ("people/", "applications/", "equipment/", "enrolments/", "referrals/", "complaints/")
OSL_NAV = [p for p in CENTRE_NAV if p not in PERSONAL]
# OUS, KIPUS and the director: individual plans (IPUS) after the applications, finding
# partners after the calls, the contracts before the complaints
_CALLS = CENTRE_NAV.index("commissioning/calls/") + 1
_COMPLAINTS = CENTRE_NAV.index("complaints/")
PLANS_NAV = [
    *CENTRE_NAV[:4],
    "plans/",
    *CENTRE_NAV[4:_CALLS],
    "commissioning/partners/",
    *CENTRE_NAV[_CALLS:_COMPLAINTS],
    "contracts/",
    *CENTRE_NAV[_COMPLAINTS:],
]
DIRECTOR_NAV = [*PLANS_NAV, "audit/access/", "audit/changes/"]

# persona -> (context prefix, heading attribute, nav links after the prefix)
ROLES = {
    "front_desk": ("c", "a", CENTRE_NAV),
    "ous": ("c", "a", PLANS_NAV),
    "kipus": ("c", "a", PLANS_NAV),
    "osl": ("c", "a", OSL_NAV),
    "director": ("c", "a", DIRECTOR_NAV),
    "provider": (
        "o",
        "organisation",
        [
            "",
            "enrolments/",
            "referrals/",
            "contracts/",
            "profile/",
            "profile/leader/",
            "card/",
            "portfolio/",
            "calls/",
            "cooperation/",
        ],
    ),
    "analyst": ("n", "network", ["", "indicators/"]),
}


def nav_links(page):
    return page.locator("header nav.context-nav a")


def log_in(page, email, password=PASSWORD):
    page.locator("main input[name=username]").fill(email)
    page.locator("main input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


@pytest.mark.parametrize("persona", ROLES)
def test_each_role_logs_in_to_its_dashboard(persona, scene, page, live_server):
    prefix, context_attr, nav = ROLES[persona]
    context = getattr(scene, context_attr)
    home = f"/{prefix}/{context.slug}/"
    user = getattr(scene, persona)

    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    with page.expect_navigation():
        page.locator("header a[href='/accounts/login/']").click()
    log_in(page, user.email)

    # The login lands on "/", which sends a signed-in user to their (first) context.
    expect(page).to_have_url(live_server.url + home)
    expect(page.locator("main h1")).to_have_text(context.name)
    expect(page.locator("header details.context-switcher summary")).to_contain_text(context.name)
    expect(page.locator("header details.menu summary").last).to_have_text(user.get_full_name())
    # Landmarks: one banner, one main, one footer, a labelled navigation.
    expect(page.get_by_role("banner")).to_have_count(1)
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("contentinfo")).to_have_count(1)
    expect(page.locator("header nav.context-nav")).to_have_attribute(
        "aria-label", re.compile(r"\S")
    )
    # The navigation shows exactly what the role may do, and marks where the user is.
    hrefs = [a.get_attribute("href") for a in nav_links(page).all()]
    assert hrefs == [home + path for path in nav]
    current = page.locator("header nav.context-nav a[aria-current=page]")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("href", home)


def test_only_the_director_sees_the_logs(scene, page, live_server):
    """The same centre, two roles: the director's navigation has the logs, a KIPUS's not."""
    for user, has_logs in ((scene.director, True), (scene.kipus, False)):
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/accounts/login/")
        log_in(page, user.email)
        expect(page).to_have_url(f"{live_server.url}/c/{scene.a.slug}/")
        audit = page.locator("header nav.context-nav a[href*='/audit/']")
        expect(audit).to_have_count(2 if has_logs else 0)
        if has_logs:
            with page.expect_navigation():
                audit.first.click()
            expect(page).to_have_url(f"{live_server.url}/c/{scene.a.slug}/audit/access/")
            expect(audit.first).to_have_attribute("aria-current", "page")
        else:
            response = page.goto(f"{live_server.url}/c/{scene.a.slug}/audit/access/")
            assert response.status == 403


def test_log_out_from_the_user_menu(scene, page, live_server, login_as):
    login_as(scene.director)
    page.goto(f"{live_server.url}/c/{scene.a.slug}/")
    page.locator("header details.menu:not(.context-switcher) summary").click()
    with page.expect_navigation() as navigation:
        page.locator("header form[action='/accounts/logout/'] button").click()
    assert navigation.value.ok
    expect(page).to_have_url(live_server.url + "/")
    expect(page.locator("header a[href='/accounts/login/']")).to_be_visible()


def test_context_switcher_moves_to_the_other_centre(scene, page, live_server, login_as):
    MembershipFactory(user=scene.kipus, centre=scene.b, role=Role.KIPUS)
    login_as(scene.kipus)
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/c/{scene.a.slug}/")

    switcher = page.locator("header details.context-switcher")
    switcher.locator("summary").click()
    expect(switcher).to_have_attribute("open", "")
    links = switcher.locator("ul a")
    expect(links).to_have_count(3)  # two centres and "all my roles"
    expect(links.filter(has_text=scene.a.name)).to_have_attribute("aria-current", "true")
    with page.expect_navigation():
        links.filter(has_text=scene.b.name).click()

    expect(page).to_have_url(f"{live_server.url}/c/{scene.b.slug}/")
    expect(page.locator("main h1")).to_have_text(scene.b.name)
    expect(switcher.locator("summary")).to_contain_text(scene.b.name)
    expect(links.filter(has_text=scene.b.name)).to_have_attribute("aria-current", "true")
    expect(links.filter(has_text=scene.a.name)).not_to_have_attribute("aria-current", "true")
    # The other centre is remembered: the home page now leads there.
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/c/{scene.b.slug}/")


def test_language_switch(scene, page, live_server):
    page.goto(f"{live_server.url}/centres/{scene.a.slug}/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "pl")

    english = page.locator("header form[action='/i18n/setlang/'] button[name=language]")
    expect(english).to_have_attribute("value", "en")
    expect(english).to_have_attribute("lang", "en")
    expect(english).to_have_text("English")
    with page.expect_navigation():
        english.click()
    expect(page).to_have_url(f"{live_server.url}/centres/{scene.a.slug}/")
    expect(html).to_have_attribute("lang", "en")
    # The choice sticks on the next page (a cookie), and that page offers Polish back.
    page.goto(f"{live_server.url}/territory/")
    expect(html).to_have_attribute("lang", "en")

    polish = page.locator("header form[action='/i18n/setlang/'] button[name=language]")
    expect(polish).to_have_attribute("value", "pl")
    expect(polish).to_have_attribute("lang", "pl")
    expect(polish).to_have_text("Polski")
    with page.expect_navigation():
        polish.click()
    expect(page).to_have_url(f"{live_server.url}/territory/")
    expect(html).to_have_attribute("lang", "pl")
