"""The keyboard alone is enough: the skip link comes first, and the login form works."""

import pytest
from playwright.sync_api import expect

from opencus.accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = "() => document.activeElement"


@pytest.mark.parametrize(
    ("user", "path"),
    [
        (None, "/"),
        (None, "/centres/"),
        (None, "/territory/"),
        ("director", "/c/alfa/"),
        ("director", "/c/alfa/staff/"),
        ("provider", "/o/partner/"),
        ("analyst", "/n/siec/"),
    ],
    ids=lambda v: v or "anonymous",
)
def test_skip_link_is_the_first_tab_stop(user, path, scene, page, live_server, login_as):
    if user:
        login_as(getattr(scene, user))
    page.goto(live_server.url + path)
    expect(page).to_have_url(live_server.url + path)

    page.keyboard.press("Tab")
    focused = page.evaluate_handle(FOCUSED).as_element()
    assert focused.evaluate("e => e.tagName + '.' + e.className") == "A.skip-link"
    assert focused.get_attribute("href") == "#main"
    box = focused.bounding_box()
    assert box and box["y"] >= 0, "the focused skip link must be on screen"

    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + path + "#main")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_login_form_with_the_keyboard_alone(scene, page, live_server):
    staff = f"/c/{scene.a.slug}/staff/"
    page.goto(live_server.url + staff)
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next={staff}")

    # The e-mail field has the focus when the page opens.
    assert page.evaluate("() => document.activeElement.name") == "username"
    page.keyboard.type(scene.director.email)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    focused = page.evaluate_handle(FOCUSED).as_element()
    assert focused.get_attribute("type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page).to_have_url(live_server.url + staff)
    current = page.locator("header nav.context-nav a[aria-current=page]")
    expect(current).to_have_attribute("href", staff)


def test_wrong_password_keeps_the_keyboard_user_in_the_form(scene, page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.keyboard.type(scene.director.email)
    page.keyboard.press("Tab")
    page.keyboard.type("zle-haslo")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("main .error-summary")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.locator("input[name=username]")).to_have_value(scene.director.email)
