"""axe-core finds no WCAG 2.1 A/AA violation on any page, in any state we can put it in.

A new page is one line in SCREENS: who looks at it (an attribute of ``scene``, or None for
an anonymous visitor), its address, and optionally what to do before axe runs (submit a
form with invalid data, filter a list through htmx, open a menu).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass(frozen=True)
class Screen:
    id: str
    user: str | None
    url: Callable
    then: Callable | None = None
    settings: dict = field(default_factory=dict)
    status: int = 200


def submit(page):
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    assert page.locator(".error-summary, .errorlist").count() > 0, "no error shown"


def clear_and_submit(field):
    def act(page):
        page.fill(f"main [name={field}]", "")
        submit(page)

    return act


def fill_and_submit(**values):
    def act(page):
        for name, value in values.items():
            page.fill(f"main [name={name}]", value)
        submit(page)

    return act


def filter_list(name, text, table, expect_text=None):
    """Type into a filter box, commit it (Tab fires "change"), wait for the htmx swap.

    ``expect_text`` must then be in the swapped table; None means "nothing matches".
    """

    def act(page):
        with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true") as r:
            page.fill(f"form[role=search] [name={name}]", text)
            page.keyboard.press("Tab")
        assert r.value.ok
        swapped = page.locator(f"#{table}")
        if expect_text is None:
            expect(swapped.locator(".empty")).to_be_visible()
        else:
            expect(swapped.locator("table")).to_contain_text(expect_text)
        page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-settling')")
        assert f"{name}={text}" in unquote_plus(page.url), "htmx did not push the filtered address"

    return act


def save_valid(page):
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator(".messages [class*=message--success]")).to_be_visible()


def switch_to_english(page):
    with page.expect_navigation():
        page.locator("header button[name=language][value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def lock_out(page):
    """Fail the login until django-axes locks the account (AXES_FAILURE_LIMIT attempts)."""
    from django.conf import settings

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        page.fill("main [name=username]", "zablokowany@opencus.example")
        page.fill("main [name=password]", "zle-haslo")
        with page.expect_navigation():
            page.locator("main button[type=submit]").click()
        if page.locator("main form").count() == 0:
            break
    assert page.locator("main form").count() == 0, "the account was not locked"


def open_menus(page):
    for summary in page.locator("header details summary").all():
        summary.click()
    assert page.locator("header details[open]").count() == 2


def c(path=""):
    return lambda s: f"/c/{s.a.slug}/{path}"


SCREENS = [
    # public pages
    Screen("home", None, lambda s: "/"),
    Screen("home-english", None, lambda s: "/", switch_to_english),
    Screen("centre-list", None, lambda s: "/centres/"),
    Screen(
        "centre-list-filtered",
        None,
        lambda s: "/centres/",
        filter_list("q", "Alfa", "centre-table", "CUS Alfa"),
    ),
    Screen(
        "centre-list-empty", None, lambda s: "/centres/", filter_list("q", "zzz", "centre-table")
    ),
    Screen("centre-public", None, lambda s: f"/centres/{s.a.slug}/"),
    Screen("centre-public-planned", None, lambda s: f"/centres/{s.planned.slug}/"),
    Screen("territory", None, lambda s: "/territory/"),
    Screen("voivodeship", None, lambda s: f"/territory/{s.gmina.powiat.voivodeship.code}/"),
    Screen(
        "voivodeship-filtered",
        None,
        lambda s: f"/territory/{s.gmina.powiat.voivodeship.code}/",
        filter_list("q", "Sąsiednia", "gmina-table", "Sąsiednia"),
    ),
    Screen("gmina-with-map", None, lambda s: f"/gminas/{s.gmina.code}/"),
    Screen("gmina-without-map", None, lambda s: f"/gminas/{s.neighbour.code}/"),
    Screen("login", None, lambda s: "/accounts/login/"),
    Screen(
        "login-invalid",
        None,
        lambda s: "/accounts/login/",
        fill_and_submit(username="nikt@opencus.example", password="zle-haslo"),
    ),
    Screen("locked-out", None, lambda s: "/accounts/login/", lock_out),
    Screen("password-reset", None, lambda s: "/accounts/password/reset/"),
    Screen(
        "password-reset-invalid",
        None,
        lambda s: "/accounts/password/reset/",
        clear_and_submit("email"),
    ),
    Screen("password-reset-sent", None, lambda s: "/accounts/password/reset/sent/"),
    Screen(
        "password-reset-confirm-invalid", None, lambda s: "/accounts/password/reset/MQ/bad-token/"
    ),
    Screen("password-reset-complete", None, lambda s: "/accounts/password/reset/complete/"),
    # every signed-in user
    Screen("not-found", None, lambda s: "/nie-ma-takiej-strony/", status=404),
    Screen("no-access", "kipus", c("audit/access/"), status=403),
    Screen("contexts", "kipus", lambda s: "/contexts/"),
    Screen("contexts-empty", "nobody", lambda s: "/contexts/"),
    Screen("profile", "kipus", lambda s: "/accounts/profile/"),
    Screen("profile-saved", "kipus", lambda s: "/accounts/profile/", save_valid),
    Screen(
        "profile-invalid", "kipus", lambda s: "/accounts/profile/", clear_and_submit("first_name")
    ),
    Screen("password-change", "kipus", lambda s: "/accounts/password/change/"),
    Screen(
        "password-change-invalid",
        "kipus",
        lambda s: "/accounts/password/change/",
        fill_and_submit(old_password="zle", new_password1="krotkie", new_password2="inne"),
    ),
    Screen("password-change-done", "kipus", lambda s: "/accounts/password/change/done/"),
    Screen("header-menus-open", "director", c(), open_menus),
    # centre staff
    Screen("centre-dashboard-director", "director", c()),
    Screen("centre-dashboard-front-desk", "front_desk", c()),
    Screen("centre-detail", "director", c("centre/")),
    Screen("centre-edit", "director", c("centre/edit/")),
    Screen(
        "centre-edit-invalid", "director", c("centre/edit/"), fill_and_submit(nip="123", name="")
    ),
    Screen("centre-status", "director", c("centre/status/")),
    Screen("centre-status-invalid", "director", c("centre/status/"), submit),
    Screen("staff-list", "director", c("staff/")),
    Screen(
        "staff-list-filtered",
        "director",
        c("staff/"),
        filter_list("q", "A-kipus", "staff-table", "A-kipus"),
    ),
    Screen("staff-list-empty", "kipus", c("staff/"), filter_list("q", "zzz", "staff-table")),
    Screen(
        "staff-list-page-2",
        "director",
        c("staff/?page=2"),
        lambda page: expect(page.locator("nav.pagination a[rel=next]")).to_be_visible(),
        settings={"PAGE_SIZE": 2},
    ),
    Screen("staff-add", "director", c("staff/add/")),
    Screen("staff-add-invalid", "director", c("staff/add/"), fill_and_submit(email="nie-e-mail")),
    Screen("staff-detail", "director", lambda s: f"/c/{s.a.slug}/staff/{s.kipus.pk}/"),
    Screen("staff-edit", "director", lambda s: f"/c/{s.a.slug}/staff/{s.kipus.pk}/edit/"),
    Screen(
        "staff-edit-invalid",
        "director",
        lambda s: f"/c/{s.a.slug}/staff/{s.kipus.pk}/edit/",
        clear_and_submit("last_name"),
    ),
    Screen(
        "membership-end", "director", lambda s: f"/c/{s.a.slug}/roles/{s.kipus_membership.pk}/end/"
    ),
    Screen(
        "membership-end-invalid",
        "director",
        lambda s: f"/c/{s.a.slug}/roles/{s.kipus_membership.pk}/end/",
        clear_and_submit("ended_on"),
    ),
    Screen("access-log", "director", c("audit/access/")),
    Screen(
        "access-log-filtered",
        "director",
        c("audit/access/"),
        filter_list("subject", "A-kipus", "log-table", "A-kipus"),
    ),
    Screen(
        "access-log-invalid-dates",
        "director",
        c("audit/access/?date_from=2025-02-01&date_to=2025-01-01"),
    ),
    Screen("change-history", "director", c("audit/changes/")),
    # organisation and network
    Screen("organisation-dashboard", "provider", lambda s: f"/o/{s.organisation.slug}/"),
    Screen("network-dashboard", "analyst", lambda s: f"/n/{s.network.slug}/"),
]


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.id)
def test_no_axe_violations(screen, scene, page, live_server, login_as, axe, settings):
    for name, value in screen.settings.items():
        setattr(settings, name, value)
    if screen.user:
        login_as(getattr(scene, screen.user))
    response = page.goto(live_server.url + screen.url(scene))
    assert response.status == screen.status, f"{response.status} on {page.url}"
    if screen.user:
        assert "/accounts/login/" not in page.url, "the session cookie was not accepted"
    if screen.then:
        screen.then(page)
    axe(screen.id)


def test_every_page_has_a_screen(scene):
    """A new URL fails here until it gets a line in SCREENS (or is declared not a page)."""
    from urllib.parse import urlsplit

    from django.urls import resolve

    from opencus.accounts.tests.test_permissions import all_views

    not_pages = {
        "set_language",  # POST only, redirects
        "accounts:logout",  # POST only, redirects
        "centre:access_log_csv",
        "centre:change_history_csv",
    }
    checked = {
        resolve(urlsplit(screen.url(scene)).path).view_name
        for screen in SCREENS
        if screen.status != 404
    }
    missing = {name for name, _view, _kwargs in all_views()} - not_pages - checked
    assert missing == set(), "add a Screen for each new page"
