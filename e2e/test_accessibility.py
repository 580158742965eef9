"""axe-core finds no WCAG 2.1 A/AA violation on any page, in any state we can put it in.

A new page is one line in SCREENS: who looks at it (an attribute of ``scene``, or None for
an anonymous visitor), its address, and optionally what to do before axe runs (submit a
form with invalid data, filter a list through htmx, open a menu).

The sweep runs one test per user: the scene is built and the user logged in once, and each
screen is a subtest on the same page (``-k ous`` runs the OUS's screens; a failure names the
screen). Between screens the cookies go back to the logged-in ones, so a screen that switches
the language or logs out does not leak into the next.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

import pytest
from django.test import override_settings
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
        expect(swapped).to_have_count(1)  # the fragment replaced the content, not nested in it
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


def fill_service(page, **values):
    """Fill the service form: text and numbers, selects (by value), checkboxes (True/False:
    the first of the group ticked or not)."""
    for name, value in values.items():
        target = page.locator(f"main [name={name}]")
        if isinstance(value, bool):
            target.first.set_checked(value)
        elif target.first.evaluate("e => e.tagName") == "SELECT":
            target.select_option(value)
        else:
            target.fill(value)


def submit_service(**values):
    """The service form with ``values`` filled in, submitted, and back with errors."""

    def act(page):
        fill_service(page, **values)
        submit(page)

    return act


VALID_SERVICE = {
    "summary": "Ciepły obiad w domu.",
    "description": "Przywozimy obiad do domu.",
    "areas": True,
    "target_groups": True,
    "at_home": True,
    "access_mode": "application",
    "fee_kind": "free",
    "unit": "meal",
    "market_value": "20",
    "resident_price": "0",
}


def duplicate_warning(page):
    submit_service(name="Dowóz posiłków", **VALID_SERVICE)(page)
    expect(page.locator("main .warning [name=confirm_duplicate]")).to_be_visible()


BAD_CSV = (
    "name;summary;description;delivery;access_mode;fee_kind;unit;market_value;resident_price\n"
    ";Opis;Opis;at_home;open;free;visit;10;0\n"
    "Dowóz;Opis;Opis;teleport;open;free;visit;dziesięć;0\n"
).encode()


def upload_bad_csv(page):
    page.set_input_files(
        "main input[name=file]",
        files=[{"name": "uslugi.csv", "mimeType": "text/csv", "buffer": BAD_CSV}],
    )
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("main table tbody tr").first).to_be_visible()


def choose_filter(name, value, target, expect_text=None):
    """Choose a value in a filter select: "change" fires, htmx swaps ``#target``."""

    def act(page):
        with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true") as r:
            page.select_option(f"main form[role=search] select[name={name}]", value)
        assert r.value.ok
        expect(page.locator(f"#{target}")).to_have_count(1)
        if expect_text:
            expect(page.locator(f"#{target}")).to_contain_text(expect_text)
        page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-settling')")
        assert f"{name}={value}" in page.url, "htmx did not push the filtered address"

    return act


def service(attr, path=""):
    return lambda s: f"/c/{s.a.slug}/catalogue/{getattr(s, attr).pk}/{path}"


def portal(path):
    return lambda s: path.format(s=s)


def person(attr, path=""):
    return lambda s: f"/c/{s.a.slug}/people/{getattr(s, attr).pk}/{path}"


def row(kind, attr, path):
    """A relation, consent or certificate of the scene: ``/c/<centre>/<kind>/<id>/<path>``."""
    return lambda s: f"/c/{s.a.slug}/{kind}/{getattr(s, attr).pk}/{path}"


def equipment(attr, path=""):
    return lambda s: f"/c/{s.a.slug}/equipment/{getattr(s, attr).pk}/{path}"


def send_reminders(page):
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator(".messages .message").first).to_be_visible()


def enrolment(attr, path=""):
    return lambda s: f"/c/{s.a.slug}/enrolments/{getattr(s, attr).pk}/{path}"


def provider(path=""):
    return lambda s: f"/o/{s.organisation.slug}/{path.format(s=s)}"


def register_twin(page):
    """Halina Nowak again, born the same day, without PESEL: "already registered?"."""
    fill_and_submit(first_name="Halina", last_name="Nowak", birth_date="1944-03-02")(page)
    warning = page.locator("main .warning")
    expect(warning.locator("[name=confirm_new]")).to_be_visible()
    expect(warning.locator("a[href*='/people/']")).to_have_count(2)


def referral(attr, path=""):
    """A page of one of the scene's referrals: ``/c/<centre a>/referrals/<id>/<path>``."""
    return lambda s: f"/c/{s.a.slug}/referrals/{getattr(s, attr).pk}/{path}"


def workshop(attr, path=""):
    """A page of one of the scene's workshops: ``/c/<centre a>/cooperation/workshops/<id>/``."""
    return lambda s: f"/c/{s.a.slug}/cooperation/workshops/{getattr(s, attr).pk}/{path}"


def pilot(attr, path=""):
    """A page of one of the scene's pilots: ``/c/<centre a>/cooperation/pilots/<id>/``."""
    return lambda s: f"/c/{s.a.slug}/cooperation/pilots/{getattr(s, attr).pk}/{path}"


def partner(attr, path=""):
    """A page of one of the scene's partnerships: ``/c/<centre a>/partners/<id>/<path>``."""
    return lambda s: f"/c/{s.a.slug}/partners/{getattr(s, attr).pk}/{path}"


def contract(attr, path=""):
    """A page of one of the scene's contracts: ``/c/<centre a>/contracts/<id>/<path>``."""
    return lambda s: f"/c/{s.a.slug}/contracts/{getattr(s, attr).pk}/{path}"


def complaint(attr, path=""):
    return lambda s: f"/c/{s.a.slug}/complaints/{getattr(s, attr).pk}/{path}"


def refer_without_consent(page):
    """Jan has no consent to sharing with a provider: the form says so, keeping what was typed."""
    page.check("main input[name=receiver_kind][value=provider]")
    page.select_option("main select[name=organisation]", index=1)
    page.fill("main [name=request]", "Asystent osobisty.")
    page.fill("main [name=reason]", "Telefon od sąsiadki.")
    submit(page)
    expect(page.locator(".error-summary")).to_contain_text("Jan")


def case(kind, key, path=""):
    """A page of the scene's applications: ``/c/<centre>/<kind>/<id>/<path>``."""
    return lambda s: f"/c/{s.a.slug}/{kind}/{s.cases[key]}/{path}"


def plan(attr, path=""):
    return lambda s: f"/c/{s.a.slug}/plans/{getattr(s, attr).pk}/{path}"


def plan_row(kind, attr, path):
    """A goal, service or support line of a plan: ``/c/<centre>/plan-<kind>/<id>/<path>``."""
    return lambda s: f"/c/{s.a.slug}/plan-{kind}/{getattr(s, attr).pk}/{path}"


def call(attr, path=""):
    """A page of one of the scene's calls: ``/c/<centre a>/commissioning/calls/<id>/<path>``."""
    return lambda s: f"/c/{s.a.slug}/commissioning/calls/{getattr(s, attr).pk}/{path}"


def offer(call_attr, offer_attr, path=""):
    return lambda s: (
        f"/c/{s.a.slug}/commissioning/calls/{getattr(s, call_attr).pk}/offers/"
        f"{getattr(s, offer_attr).pk}/{path}"
    )


def choose_and_submit(**values):
    """Choose radios (by value) and fill fields, then submit and expect an error."""

    def act(page):
        for name, value in values.items():
            radio = page.locator(f'main input[type=radio][name={name}][value="{value}"]')
            if radio.count():
                radio.check()
            else:
                page.fill(f"main [name={name}]", value)
        submit(page)

    return act


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
    # the catalogue, as the OUS who keeps it
    Screen("catalogue", "ous", c("catalogue/")),
    Screen(
        "catalogue-filtered",
        "ous",
        c("catalogue/"),
        filter_list("q", "posiłki", "service-table", "Dowóz posiłków"),
    ),
    Screen(
        "catalogue-by-status",
        "ous",
        c("catalogue/"),
        choose_filter("status", "draft", "service-table", "Kurs komputerowy"),
    ),
    Screen("catalogue-empty", "ous", c("catalogue/"), filter_list("q", "zzz", "service-table")),
    Screen("service-new", "ous", c("catalogue/new/")),
    Screen("service-new-invalid", "ous", c("catalogue/new/"), submit),
    Screen(
        "service-new-rules",
        "ous",
        c("catalogue/new/"),
        submit_service(
            name="Nowa usługa",
            **VALID_SERVICE | {"areas": False, "at_home": False, "fee_kind": "cofinanced"},
        ),
    ),
    Screen("service-new-duplicate", "ous", c("catalogue/new/"), duplicate_warning),
    Screen("service-detail", "ous", service("club")),
    Screen("service-detail-draft", "ous", service("draft")),
    Screen("service-detail-read-only", "kipus", service("meals")),
    Screen("service-edit", "ous", service("club", "edit/")),
    Screen("service-edit-invalid", "ous", service("club", "edit/"), clear_and_submit("name")),
    Screen("service-publish", "ous", service("draft", "status/?status=published")),
    Screen("service-suspend", "ous", service("club", "status/?status=suspended")),
    Screen("service-archive", "ous", service("meals", "status/?status=archived")),
    Screen(
        "place-remove",
        "ous",
        lambda s: f"/c/{s.a.slug}/catalogue/places/{s.club_link.pk}/remove/",
    ),
    Screen(
        "hours-remove",
        "ous",
        lambda s: f"/c/{s.a.slug}/catalogue/hours/{s.club_hours.pk}/remove/",
    ),
    Screen("service-import", "ous", c("catalogue/import/")),
    Screen("service-import-invalid", "ous", c("catalogue/import/"), submit),
    Screen("service-import-report", "ous", c("catalogue/import/"), upload_bad_csv),
    Screen("locations", "ous", c("locations/")),
    Screen("location-new", "ous", c("locations/new/")),
    Screen("location-new-invalid", "ous", c("locations/new/"), fill_and_submit(postal_code="1")),
    Screen("location-edit", "ous", lambda s: f"/c/{s.a.slug}/locations/{s.place.pk}/edit/"),
    # people, as the KIPUS (who may see health data); the merge as the director
    Screen("people", "kipus", c("people/")),
    Screen(
        "people-found",
        "kipus",
        c("people/"),
        filter_list("q", "Nowak", "person-table", "Nowak"),
    ),
    Screen("people-none-found", "kipus", c("people/"), filter_list("q", "zzz", "person-table")),
    Screen("people-none-found-address", "kipus", c("people/?q=zzz")),
    Screen("person-new", "kipus", c("people/new/")),
    Screen("person-new-invalid", "kipus", c("people/new/"), submit),
    Screen(
        "person-new-rules",
        "kipus",
        c("people/new/"),
        fill_and_submit(
            first_name="Stanisław",
            last_name="Kowalczyk",
            pesel="44051401359",
            birth_date="1950-01-01",
        ),
    ),
    Screen("person-new-duplicate", "kipus", c("people/new/"), register_twin),
    Screen("person-detail", "kipus", person("halina")),
    Screen("person-detail-front-desk", "front_desk", person("halina")),
    Screen("person-edit", "kipus", person("halina", "edit/")),
    Screen(
        "person-edit-invalid", "kipus", person("halina", "edit/"), clear_and_submit("last_name")
    ),
    Screen("relation-add", "kipus", person("halina", "relations/new/")),
    Screen("relation-add-candidates", "kipus", person("halina", "relations/new/?q=Nowak")),
    Screen("relation-add-invalid", "kipus", person("halina", "relations/new/?q=Nowak"), submit),
    Screen("relation-end", "kipus", row("relations", "carer", "end/")),
    Screen(
        "relation-end-future",
        "kipus",
        row("relations", "carer", "end/"),
        fill_and_submit(ended_on="2099-01-01"),
    ),
    Screen("consent-withdraw", "kipus", row("consents", "consent", "withdraw/")),
    Screen("certificate-new", "kipus", person("halina", "certificates/new/")),
    Screen("certificate-new-invalid", "kipus", person("halina", "certificates/new/"), submit),
    Screen("certificate-remove", "kipus", row("certificates", "certificate", "remove/")),
    Screen("person-merge", "director", person("halina_twin", "merge/")),
    Screen("person-merge-invalid", "director", person("halina_twin", "merge/"), submit),
    # services given and their deliveries, as the KIPUS; the fee list as the director
    Screen("enrolments", "kipus", c("enrolments/")),
    Screen(
        "enrolments-found",
        "kipus",
        c("enrolments/"),
        filter_list("q", "Nowak", "enrolment-table", "Nowak"),
    ),
    Screen(
        "enrolments-by-status",
        "kipus",
        c("enrolments/"),
        choose_filter("status", "suspended", "enrolment-table", "Kowalak"),
    ),
    Screen(
        "enrolments-none-found",
        "kipus",
        c("enrolments/"),
        filter_list("q", "zzz", "enrolment-table"),
    ),
    Screen(
        "enrolments-page-2",
        "kipus",
        c("enrolments/?page=2"),
        lambda page: expect(page.locator("nav.pagination a[rel=prev]")).to_be_visible(),
        settings={"PAGE_SIZE": 2},
    ),
    Screen("enrolment-detail", "kipus", enrolment("meals_enrolment")),
    Screen("enrolment-detail-front-desk", "front_desk", enrolment("meals_enrolment")),
    Screen("enrolment-detail-planned", "kipus", enrolment("planned_enrolment")),
    Screen("enrolment-detail-ended", "kipus", enrolment("ended_enrolment")),
    Screen("enrolment-start", "kipus", enrolment("planned_enrolment", "start/")),
    Screen("enrolment-start-refused", "kipus", enrolment("planned_enrolment", "start/"), submit),
    Screen("enrolment-suspend", "kipus", enrolment("meals_enrolment", "suspend/")),
    Screen("enrolment-suspend-invalid", "kipus", enrolment("meals_enrolment", "suspend/"), submit),
    Screen("enrolment-resume", "kipus", enrolment("suspended_enrolment", "resume/")),
    Screen("enrolment-end", "kipus", enrolment("meals_enrolment", "end/")),
    Screen(
        "enrolment-end-invalid",
        "kipus",
        enrolment("meals_enrolment", "end/"),
        fill_and_submit(ended_on="2099-01-01"),
    ),
    Screen("enrolment-close", "kipus", enrolment("ended_enrolment", "close/")),
    Screen("delivery-new", "kipus", enrolment("meals_enrolment", "deliveries/new/")),
    Screen(
        "delivery-new-invalid",
        "kipus",
        enrolment("meals_enrolment", "deliveries/new/"),
        fill_and_submit(delivered_on="2099-01-01", units=""),
    ),
    Screen("delivery-new-suspended", "kipus", enrolment("suspended_enrolment", "deliveries/new/")),
    Screen("delivery-edit", "kipus", row("deliveries", "delivery", "edit/")),
    Screen(
        "delivery-edit-invalid",
        "kipus",
        row("deliveries", "delivery", "edit/"),
        clear_and_submit("delivered_on"),
    ),
    Screen("delivery-delete", "kipus", row("deliveries", "delivery", "delete/")),
    Screen(
        "statement",
        "kipus",
        lambda s: (
            f"/c/{s.a.slug}/enrolments/{s.meals_enrolment.pk}/statement/?month={s.last_month}"
        ),
    ),
    Screen("statement-bad-month", "kipus", enrolment("meals_enrolment", "statement/?month=zzz")),
    Screen(
        "fee-list", "director", lambda s: f"/c/{s.a.slug}/enrolments/fees/?month={s.last_month}"
    ),
    Screen("fee-list-empty", "director", c("enrolments/fees/?month=2001-01")),
    # the provider's side: only its own services, the minimum about the person
    Screen("provider-enrolments", "provider", provider("enrolments/")),
    Screen(
        "provider-enrolments-found",
        "provider",
        provider("enrolments/"),
        filter_list("q", "Nowak", "enrolment-table", "Nowak"),
    ),
    Screen("provider-enrolment", "provider", provider("enrolments/{s.partner_enrolment.pk}/")),
    Screen(
        "provider-delivery-new",
        "provider",
        provider("enrolments/{s.partner_enrolment.pk}/deliveries/new/"),
    ),
    Screen(
        "provider-delivery-new-invalid",
        "provider",
        provider("enrolments/{s.partner_enrolment.pk}/deliveries/new/"),
        fill_and_submit(units="0"),
    ),
    Screen(
        "provider-delivery-edit", "provider", provider("deliveries/{s.partner_delivery.pk}/edit/")
    ),
    Screen(
        "provider-delivery-delete",
        "provider",
        provider("deliveries/{s.partner_delivery.pk}/delete/"),
    ),
    # applications: the desk, the KIPUS, the director
    Screen("applications", "front_desk", c("applications/")),
    Screen(
        "applications-filtered",
        "front_desk",
        c("applications/"),
        choose_filter("status", "withdrawn", "application-table"),
    ),
    Screen("application-new", "front_desk", c("applications/new/?q=Nowak")),
    Screen("application-new-nobody", "front_desk", c("applications/new/?q=zzz")),
    Screen(
        "application-new-form",
        "front_desk",
        lambda s: f"/c/{s.a.slug}/applications/new/?person={s.halina.pk}",
    ),
    Screen(
        "application-new-invalid",
        "front_desk",
        lambda s: f"/c/{s.a.slug}/applications/new/?person={s.halina.pk}",
        submit,
    ),
    Screen("application", "kipus", case("applications", "application_id")),
    Screen(
        "application-online", "front_desk", lambda s: f"/c/{s.a.slug}/applications/{s.online.pk}/"
    ),
    Screen(
        "application-register",
        "front_desk",
        lambda s: f"/c/{s.a.slug}/applications/{s.online.pk}/register/",
    ),
    Screen(
        "application-assign", "front_desk", case("applications", "application_id", "coordinator/")
    ),
    Screen(
        "application-completion",
        "front_desk",
        lambda s: f"/c/{s.a.slug}/applications/{s.online.pk}/completion/",
    ),
    Screen("completion-done", "front_desk", case("completion-requests", "request_id", "done/")),
    Screen(
        "assessment-plan",
        "kipus",
        lambda s: f"/c/{s.a.slug}/applications/{s.online.pk}/assessment/plan/",
    ),
    Screen(
        "assessment", "kipus", lambda s: f"/c/{s.a.slug}/applications/{s.online.pk}/assessment/"
    ),
    Screen(
        "assessment-invalid",
        "kipus",
        lambda s: f"/c/{s.a.slug}/applications/{s.online.pk}/assessment/",
        submit,
    ),
    Screen("forward", "kipus", case("applications", "application_id", "forward/")),
    Screen("forward-invalid", "kipus", case("applications", "application_id", "forward/"), submit),
    Screen("subcase", "kipus", case("subcases", "subcase_id")),
    Screen("qualify", "kipus", case("requested", "requested_id", "qualify/")),
    Screen("qualify-invalid", "kipus", case("requested", "requested_id", "qualify/"), submit),
    Screen("refuse", "director", case("requested", "requested_id", "refuse/")),
    Screen("refuse-invalid", "director", case("requested", "requested_id", "refuse/"), submit),
    Screen("decision", "director", case("decisions", "decision_id")),
    Screen("decision-delivered", "front_desk", case("decisions", "decision_id", "delivered/")),
    Screen("appeal", "front_desk", case("decisions", "decision_id", "appeal/")),
    Screen("appeal-sent", "front_desk", case("appeals", "appeal_id", "sent/")),
    Screen("appeal-outcome", "director", case("appeals", "appeal_id", "outcome/")),
    Screen(
        "application-withdraw", "front_desk", case("applications", "application_id", "withdraw/")
    ),
    Screen("application-close", "kipus", case("applications", "application_id", "close/")),
    Screen("limits", "ous", c("limits/")),
    Screen("limits-invalid", "ous", c("limits/"), clear_and_submit("places")),
    Screen("limit", "ous", case("limits", "limit_id")),
    Screen("offer-reply", "kipus", case("waiting-list", "entry_id", "reply/")),
    Screen("case-settings", "director", c("applications/settings/")),
    # the resident's side
    Screen("sign-up", None, lambda s: "/my/signup/"),
    Screen("sign-up-invalid", None, lambda s: "/my/signup/", submit),
    Screen("verify-failed", None, lambda s: "/my/verify/xx/1-abc/", status=400),
    Screen("my-matters", "resident", lambda s: "/my/"),
    Screen("my-apply", "resident", lambda s: f"/my/apply/{s.a.slug}/"),
    Screen("my-apply-invalid", "resident", lambda s: f"/my/apply/{s.a.slug}/", submit),
    Screen("my-offer", "resident", lambda s: f"/my/offers/{s.cases['entry_id']}/"),
    Screen("my-message", "resident", lambda s: f"/my/messages/{s.message.pk}/"),
    Screen("person-message", "kipus", person("halina", "message/")),
    Screen("person-message-invalid", "kipus", person("halina", "message/"), submit),
    # the equipment rental, as the front desk who lends; the KIPUS only reads it
    Screen("equipment", "front_desk", c("equipment/")),
    Screen(
        "equipment-filtered",
        "front_desk",
        c("equipment/"),
        filter_list("q", "Vermeiren", "item-table", "Vermeiren"),
    ),
    Screen(
        "equipment-by-availability",
        "front_desk",
        c("equipment/"),
        choose_filter("availability", "not_lendable", "item-table", "Elbur"),
    ),
    Screen("equipment-empty", "front_desk", c("equipment/"), filter_list("q", "zzz", "item-table")),
    Screen("equipment-read-only", "kipus", c("equipment/")),
    Screen("equipment-new", "front_desk", c("equipment/new/")),
    Screen("equipment-new-invalid", "front_desk", c("equipment/new/"), submit),
    Screen("equipment-detail", "front_desk", equipment("wheelchair")),
    Screen("equipment-detail-reserved", "front_desk", equipment("walker")),
    Screen("equipment-detail-damaged", "front_desk", equipment("bed")),
    Screen("equipment-detail-read-only", "kipus", equipment("wheelchair")),
    Screen("equipment-edit", "front_desk", equipment("wheelchair", "edit/")),
    Screen(
        "equipment-edit-invalid",
        "front_desk",
        equipment("wheelchair", "edit/"),
        clear_and_submit("name"),
    ),
    Screen("equipment-lend", "front_desk", equipment("walker", "lend/")),
    Screen("equipment-lend-candidates", "front_desk", equipment("walker", "lend/?q=Nowak")),
    Screen("equipment-lend-invalid", "front_desk", equipment("walker", "lend/?q=Nowak"), submit),
    Screen("equipment-lend-nobody", "front_desk", equipment("walker", "lend/"), submit),
    Screen("equipment-reserve", "front_desk", equipment("bed", "reserve/?q=Nowak")),
    Screen("equipment-reserve-invalid", "front_desk", equipment("bed", "reserve/?q=Nowak"), submit),
    Screen("equipment-return", "front_desk", row("equipment/loans", "equipment_loan", "return/")),
    Screen(
        "equipment-return-invalid",
        "front_desk",
        row("equipment/loans", "equipment_loan", "return/"),
        submit,
    ),
    Screen("equipment-reservations", "front_desk", c("equipment/reservations/")),
    Screen(
        "equipment-reservations-by-kind",
        "front_desk",
        c("equipment/reservations/"),
        choose_filter("kind", "walker", "reservation-table", "Balkonik"),
    ),
    Screen("equipment-reservations-read-only", "kipus", c("equipment/reservations/")),
    Screen("equipment-reservation-new", "front_desk", c("equipment/reservations/new/?q=Nowak")),
    Screen(
        "equipment-reservation-new-invalid",
        "front_desk",
        c("equipment/reservations/new/?q=Nowak"),
        submit,
    ),
    Screen(
        "equipment-reservation-cancel",
        "front_desk",
        row("equipment/reservations", "walker_reservation", "cancel/"),
    ),
    Screen(
        "equipment-reservation-lend",
        "front_desk",
        row("equipment/reservations", "walker_reservation", "lend/"),
    ),
    Screen(
        "equipment-reservation-lend-invalid",
        "front_desk",
        row("equipment/reservations", "walker_reservation", "lend/"),
        clear_and_submit("due_on"),
    ),
    Screen(
        "equipment-reservation-lend-none-free",
        "front_desk",
        row("equipment/reservations", "type_reservation", "lend/"),
    ),
    Screen("equipment-overdue", "front_desk", c("equipment/overdue/")),
    Screen("equipment-reminders-sent", "front_desk", c("equipment/overdue/"), send_reminders),
    Screen("equipment-overdue-read-only", "kipus", c("equipment/overdue/")),
    # individual plans (IPUS): the KIPUS prepares, the director approves and supervises
    Screen("plans", "kipus", c("plans/")),
    Screen("plans-found", "kipus", c("plans/"), filter_list("q", "Nowak", "plan-table", "Nowak")),
    Screen("plans-none-found", "kipus", c("plans/"), filter_list("q", "zzz", "plan-table")),
    Screen("plans-caseload", "kipus", c("plans/caseload/")),
    Screen("plan-new", "kipus", c("plans/new/")),
    Screen("plan-new-invalid", "kipus", c("plans/new/"), submit),
    Screen("plan-draft", "kipus", plan("plan_draft")),
    Screen("plan-pending", "kipus", plan("plan_pending")),
    Screen("plan-active", "kipus", plan("plan_active")),
    Screen("plan-revising", "kipus", plan("plan_revising")),
    Screen("plan-closing", "kipus", plan("plan_closing")),
    Screen("plan-closed", "kipus", plan("plan_closed")),
    Screen("plan-edit", "kipus", plan("plan_draft", "edit/")),
    Screen(
        "plan-edit-invalid", "kipus", plan("plan_draft", "edit/"), clear_and_submit("period_to")
    ),
    Screen("plan-goal-new", "kipus", plan("plan_draft", "goals/new/")),
    Screen("plan-goal-new-invalid", "kipus", plan("plan_draft", "goals/new/"), submit),
    Screen("plan-goal-edit", "kipus", plan_row("goals", "plan_goal", "edit/")),
    Screen("plan-goal-remove", "kipus", plan_row("goals", "plan_goal", "remove/")),
    Screen("plan-item-new", "kipus", plan("plan_draft", "services/new/")),
    Screen("plan-item-new-invalid", "kipus", plan("plan_draft", "services/new/"), submit),
    Screen("plan-item-edit", "kipus", plan_row("services", "plan_item", "edit/")),
    Screen("plan-item-remove", "kipus", plan_row("services", "plan_item", "remove/")),
    Screen("plan-support-new", "kipus", plan("plan_draft", "support/new/")),
    Screen("plan-support-new-invalid", "kipus", plan("plan_draft", "support/new/"), submit),
    Screen("plan-support-edit", "kipus", plan_row("support", "plan_support", "edit/")),
    Screen("plan-support-remove", "kipus", plan_row("support", "plan_support", "remove/")),
    Screen("plan-agree", "kipus", plan("plan_draft", "agreement/")),
    Screen("plan-agree-invalid", "kipus", plan("plan_draft", "agreement/"), submit),
    Screen("plan-approve-refused", "kipus", plan("plan_pending", "approve/")),
    Screen("plan-revise", "kipus", plan("plan_active", "revise/")),
    Screen("plan-revise-invalid", "kipus", plan("plan_active", "revise/"), submit),
    Screen("plan-contact-new", "kipus", plan("plan_active", "contacts/new/")),
    Screen("plan-contact-new-invalid", "kipus", plan("plan_active", "contacts/new/"), submit),
    Screen("plan-end", "kipus", plan("plan_active", "end/")),
    Screen("plan-end-invalid", "kipus", plan("plan_active", "end/"), submit),
    Screen("plan-close", "kipus", plan("plan_closing", "close/")),
    Screen("plan-close-invalid", "kipus", plan("plan_closing", "close/"), submit),
    Screen("plan-approve", "director", plan("plan_pending", "approve/")),
    Screen("plan-return", "director", plan("plan_pending", "return/")),
    Screen("plan-return-invalid", "director", plan("plan_pending", "return/"), submit),
    Screen("plans-supervision", "director", c("plans/supervision/")),
    Screen(
        "plans-caseload-of", "director", lambda s: f"/c/{s.a.slug}/plans/caseload/{s.kipus.pk}/"
    ),
    Screen("plan-authorisations", "director", c("plans/authorisations/")),
    Screen("plan-authorisations-invalid", "director", c("plans/authorisations/"), submit),
    Screen(
        "plan-authorisation-revoke",
        "director",
        lambda s: f"/c/{s.a.slug}/plans/authorisations/{s.authorisation.pk}/revoke/",
    ),
    # referrals: the KIPUS refers and follows the loop; receivers answer (centre b, the provider)
    Screen("referrals", "kipus", c("referrals/")),
    Screen(
        "referrals-stuck",
        "kipus",
        c("referrals/"),
        choose_filter("stuck", "stuck", "referral-table", "Halina"),
    ),
    Screen(
        "referrals-none-found", "kipus", c("referrals/"), filter_list("q", "zzz", "referral-table")
    ),
    Screen("referrals-read-only", "front_desk", c("referrals/")),
    Screen("referral-new-search", "kipus", c("referrals/new/?q=Nowak")),
    Screen("referral-new-nobody", "kipus", c("referrals/new/?q=zzz")),
    Screen("referral-new", "kipus", lambda s: f"/c/{s.a.slug}/referrals/new/?person={s.halina.pk}"),
    Screen(
        "referral-new-invalid",
        "kipus",
        lambda s: f"/c/{s.a.slug}/referrals/new/?person={s.halina.pk}",
        submit,
    ),
    Screen(
        "referral-new-no-consent",
        "kipus",
        lambda s: f"/c/{s.a.slug}/referrals/new/?person={s.jan.pk}",
        refer_without_consent,
    ),
    Screen(
        "referral-from-application",
        "kipus",
        lambda s: f"/c/{s.a.slug}/referrals/new/?application={s.cases['application_id']}",
    ),
    Screen(
        "referral-from-enrolment",
        "kipus",
        lambda s: f"/c/{s.a.slug}/referrals/new/?enrolment={s.meals_enrolment.pk}",
    ),
    Screen(
        "referral-from-plan",
        "kipus",
        lambda s: f"/c/{s.a.slug}/referrals/new/?plan={s.plan_active.pk}",
    ),
    Screen("referral", "kipus", referral("referral")),
    Screen("referral-unit", "kipus", referral("unit_referral")),
    Screen("referral-read-only", "front_desk", referral("referral")),
    Screen("referral-withdraw", "kipus", referral("referral", "withdraw/")),
    Screen("referral-withdraw-invalid", "kipus", referral("referral", "withdraw/"), submit),
    Screen("referral-record", "kipus", referral("unit_referral", "record/drop/")),
    Screen("referral-record-invalid", "kipus", referral("unit_referral", "record/drop/"), submit),
    Screen("referral-settings", "director", c("referrals/settings/")),
    Screen(
        "referral-settings-invalid",
        "director",
        c("referrals/settings/"),
        clear_and_submit("answer_days"),
    ),
    Screen("referrals-incoming-empty", "kipus", c("referrals/incoming/")),
    Screen("referrals-incoming", "b_kipus", lambda s: f"/c/{s.b.slug}/referrals/incoming/"),
    Screen(
        "referral-incoming",
        "b_kipus",
        lambda s: f"/c/{s.b.slug}/referrals/incoming/{s.centre_referral.pk}/",
    ),
    Screen(
        "referral-incoming-accept",
        "b_kipus",
        lambda s: f"/c/{s.b.slug}/referrals/incoming/{s.centre_referral.pk}/accept/",
    ),
    Screen("organisation-referrals", "provider", lambda s: f"/o/{s.organisation.slug}/referrals/"),
    Screen(
        "organisation-referral",
        "provider",
        lambda s: f"/o/{s.organisation.slug}/referrals/{s.referral.pk}/",
    ),
    Screen(
        "organisation-referral-decline",
        "provider",
        lambda s: f"/o/{s.organisation.slug}/referrals/{s.referral.pk}/decline/",
    ),
    Screen(
        "organisation-referral-decline-invalid",
        "provider",
        lambda s: f"/o/{s.organisation.slug}/referrals/{s.referral.pk}/decline/",
        submit,
    ),
    # partners: an organisation registers itself; the centre verifies; the organisation keeps
    # its profile and names its cooperation leader
    Screen("provider-register", None, portal("/providers/register/")),
    Screen(
        "provider-register-bad-nip",
        None,
        portal("/providers/register/"),
        fill_and_submit(name="Fundacja Próbna", nip="123-456-32-19"),
    ),
    Screen("provider-register-signed-in", "nobody", portal("/providers/register/")),
    Screen("provider-registrations", "nobody", portal("/providers/registrations/")),
    Screen("partners", "ous", c("partners/")),
    Screen(
        "partners-filtered",
        "ous",
        c("partners/"),
        choose_filter("status", "verified", "partner-table", "Stowarzyszenie"),
    ),
    Screen("partners-none-found", "ous", c("partners/"), filter_list("q", "zzz", "partner-table")),
    Screen("partners-pending", "ous", c("partners/pending/")),
    Screen("partners-pending-read-only", "kipus", c("partners/pending/")),
    Screen("partner", "ous", partner("partner_pending")),
    Screen("partner-verified", "kipus", partner("partner_verified")),
    Screen("partner-verify", "ous", partner("partner_pending", "verify/")),
    Screen("partner-refuse", "director", partner("partner_pending", "refuse/")),
    Screen("partner-refuse-invalid", "director", partner("partner_pending", "refuse/"), submit),
    Screen("organisation-profile", "provider", provider("profile/")),
    Screen("organisation-profile-edit", "provider", provider("profile/edit/")),
    Screen(
        "organisation-profile-edit-invalid",
        "provider",
        provider("profile/edit/"),
        fill_and_submit(nip="123-456-32-19"),
    ),
    Screen("organisation-ask-centre", "provider", provider("profile/centres/")),
    Screen("organisation-leader", "provider", provider("profile/leader/")),
    Screen(
        "organisation-leader-invalid",
        "provider",
        provider("profile/leader/"),
        fill_and_submit(email="nie-email"),
    ),
    # cooperation (seed 003, procedures 5 and 6): the centre's organising team plans and
    # records workshops and pilots; the organisation confirms and contributes; indicators
    Screen("cooperation-workshops", "ous", c("cooperation/")),
    Screen(
        "cooperation-workshops-filtered",
        "ous",
        c("cooperation/"),
        choose_filter("status", "held", "workshop-table", "Stowarzyszenie"),
    ),
    Screen(
        "cooperation-workshops-none-found",
        "ous",
        c("cooperation/"),
        filter_list("q", "zzz", "workshop-table"),
    ),
    Screen("cooperation-workshops-read-only", "front_desk", c("cooperation/")),
    Screen("cooperation-workshop-new", "osl", c("cooperation/workshops/new/")),
    Screen("cooperation-workshop-new-invalid", "osl", c("cooperation/workshops/new/"), submit),
    Screen("cooperation-workshop", "ous", workshop("coop_workshop")),
    Screen("cooperation-workshop-held", "front_desk", workshop("coop_held")),
    Screen("cooperation-workshop-edit", "ous", workshop("coop_workshop", "edit/")),
    Screen(
        "cooperation-workshop-edit-invalid",
        "ous",
        workshop("coop_workshop", "edit/"),
        clear_and_submit("place"),
    ),
    Screen("cooperation-participant-add", "ous", workshop("coop_workshop", "participants/new/")),
    Screen(
        "cooperation-participant-add-invalid",
        "ous",
        workshop("coop_workshop", "participants/new/"),
        submit,
    ),
    Screen(
        "cooperation-participant-remove",
        "ous",
        lambda s: (
            f"/c/{s.a.slug}/cooperation/workshops/{s.coop_workshop.pk}/participants/"
            f"{s.coop_workshop.participants.first().pk}/remove/"
        ),
    ),
    Screen("cooperation-workshop-outcomes", "ous", workshop("coop_held", "outcomes/")),
    Screen(
        "cooperation-workshop-outcomes-invalid",
        "ous",
        workshop("coop_held", "outcomes/"),
        clear_and_submit("pilot_scenario"),
    ),
    Screen("cooperation-workshop-cancel", "director", workshop("coop_workshop", "cancel/")),
    Screen(
        "cooperation-workshop-cancel-invalid",
        "director",
        workshop("coop_workshop", "cancel/"),
        submit,
    ),
    Screen("cooperation-pilot-new", "osl", workshop("coop_held", "pilot/")),
    Screen(
        "cooperation-pilot-new-invalid",
        "osl",
        workshop("coop_held", "pilot/"),
        clear_and_submit("scope"),
    ),
    Screen("cooperation-pilots", "ous", c("cooperation/pilots/")),
    Screen(
        "cooperation-pilots-filtered",
        "ous",
        c("cooperation/pilots/"),
        choose_filter("status", "closed", "pilot-table", "Zamknięta"),
    ),
    Screen("cooperation-pilot", "ous", pilot("coop_pilot")),
    Screen("cooperation-pilot-planned", "ous", pilot("coop_planned_pilot")),
    Screen("cooperation-pilot-closed", "front_desk", pilot("coop_closed")),
    Screen("cooperation-pilot-edit", "ous", pilot("coop_planned_pilot", "edit/")),
    Screen("cooperation-pilot-start", "ous", pilot("coop_planned_pilot", "start/")),
    Screen("cooperation-member-add", "ous", pilot("coop_pilot", "team/new/")),
    Screen("cooperation-member-add-invalid", "ous", pilot("coop_pilot", "team/new/"), submit),
    Screen(
        "cooperation-member-remove",
        "ous",
        lambda s: (
            f"/c/{s.a.slug}/cooperation/pilots/{s.coop_pilot.pk}/team/"
            f"{s.coop_pilot.members.first().pk}/remove/"
        ),
    ),
    Screen("cooperation-pilot-close", "ous", pilot("coop_pilot", "close/")),
    Screen("cooperation-pilot-close-invalid", "ous", pilot("coop_pilot", "close/"), submit),
    Screen("cooperation-contributions", "osl", c("cooperation/contributions/")),
    Screen(
        "cooperation-contributions-filtered",
        "osl",
        c("cooperation/contributions/"),
        choose_filter("response", "waiting", "contribution-table", "Propozycje do diagnozy"),
    ),
    Screen(
        "cooperation-contribution-respond",
        "osl",
        lambda s: f"/c/{s.a.slug}/cooperation/contributions/{s.coop_contribution.pk}/respond/",
    ),
    Screen(
        "cooperation-contribution-respond-invalid",
        "osl",
        lambda s: f"/c/{s.a.slug}/cooperation/contributions/{s.coop_contribution.pk}/respond/",
        submit,
    ),
    Screen("cooperation-indicators", "front_desk", c("cooperation/indicators/")),
    Screen("network-indicators", "analyst", lambda s: f"/n/{s.network.slug}/indicators/"),
    Screen("organisation-cooperation", "provider", provider("cooperation/")),
    Screen("organisation-cooperation-pilots", "provider", provider("cooperation/pilots/")),
    Screen(
        "organisation-cooperation-workshop",
        "provider",
        provider("cooperation/workshops/{s.coop_workshop.pk}/"),
    ),
    Screen(
        "organisation-cooperation-confirm",
        "provider",
        provider("cooperation/workshops/{s.coop_workshop.pk}/confirm/"),
    ),
    Screen(
        "organisation-cooperation-remarks",
        "provider",
        provider("cooperation/workshops/{s.coop_workshop.pk}/remarks/"),
    ),
    Screen(
        "organisation-cooperation-pilot",
        "provider",
        provider("cooperation/pilots/{s.coop_pilot.pk}/"),
    ),
    Screen(
        "organisation-cooperation-contribution",
        "provider",
        provider("cooperation/pilots/{s.coop_pilot.pk}/contributions/new/"),
    ),
    Screen(
        "organisation-cooperation-contribution-invalid",
        "provider",
        provider("cooperation/pilots/{s.coop_pilot.pk}/contributions/new/"),
        submit,
    ),
    # the attributes card and the portfolio (seed 003, procedure 4), on both sides
    Screen("organisation-card", "provider", provider("card/")),
    Screen("organisation-card-start", "provider", provider("card/start/")),  # to the draft
    Screen("organisation-card-edit", "provider", provider("card/edit/")),
    Screen("organisation-card-finalise-gaps", "provider", provider("card/finalise/")),
    Screen("organisation-card-version", "provider", provider("card/{s.card_draft.pk}/")),
    Screen("organisation-portfolio", "provider", provider("portfolio/")),
    Screen("organisation-portfolio-start", "provider", provider("portfolio/start/")),
    Screen("organisation-portfolio-edit", "provider", provider("portfolio/edit/")),
    Screen("organisation-portfolio-finalise", "provider", provider("portfolio/finalise/")),
    Screen(
        "organisation-specialisation-new",
        "provider",
        provider("portfolio/specialisations/new/"),
    ),
    Screen(
        "organisation-specialisation-new-invalid",
        "provider",
        provider("portfolio/specialisations/new/"),
        submit,
    ),
    Screen(
        "organisation-specialisation-edit",
        "provider",
        provider("portfolio/specialisations/{s.draft_specialisation.pk}/"),
    ),
    Screen(
        "organisation-specialisation-delete",
        "provider",
        provider("portfolio/specialisations/{s.draft_specialisation.pk}/delete/"),
    ),
    Screen(
        "organisation-experience-new",
        "provider",
        provider("portfolio/specialisations/{s.draft_specialisation.pk}/experience/new/"),
    ),
    Screen(
        "organisation-experience-too-old",
        "provider",
        provider("portfolio/specialisations/{s.draft_specialisation.pk}/experience/new/"),
        fill_and_submit(
            title="Opieka 2019", funder="Gmina", starts_on="2019-01-01", ends_on="2019-12-31"
        ),
    ),
    Screen(
        "organisation-experience-edit",
        "provider",
        provider("portfolio/experience/{s.draft_experience.pk}/"),
    ),
    Screen(
        "organisation-experience-delete",
        "provider",
        provider("portfolio/experience/{s.draft_experience.pk}/delete/"),
    ),
    Screen(
        "organisation-reference-new",
        "provider",
        provider("portfolio/specialisations/{s.draft_specialisation.pk}/references/new/"),
    ),
    Screen(
        "organisation-reference-edit",
        "provider",
        provider("portfolio/references/{s.draft_reference.pk}/"),
    ),
    Screen(
        "organisation-reference-delete",
        "provider",
        provider("portfolio/references/{s.draft_reference.pk}/delete/"),
    ),
    Screen(
        "organisation-portfolio-version",
        "provider",
        provider("portfolio/{s.portfolio_final.pk}/"),
    ),
    Screen(
        "organisation-portfolio-send",
        "provider",
        provider("portfolio/{s.portfolio_final.pk}/send/"),
    ),
    Screen(
        "organisation-portfolio-send-invalid",
        "provider",
        provider("portfolio/{s.portfolio_final.pk}/send/"),
        submit,
    ),
    Screen("partner-card", "kipus", lambda s: f"/c/{s.a.slug}/partners/cards/{s.card_final.pk}/"),
    Screen(
        "partner-portfolio",
        "ous",
        lambda s: f"/c/{s.a.slug}/partners/portfolios/{s.portfolio_final.pk}/",
    ),
    Screen("portfolios-received", "ous", c("partners/portfolios/")),
    Screen(
        "portfolios-received-filtered",
        "ous",
        c("partners/portfolios/"),
        choose_filter("acknowledged", "no", "received-table", "Stowarzyszenie"),
    ),
    Screen(
        "portfolios-received-none-found",
        "ous",
        c("partners/portfolios/"),
        filter_list("q", "zzz", "received-table"),
    ),
    Screen("portfolios-received-read-only", "front_desk", c("partners/portfolios/")),
    Screen(
        "portfolio-acknowledge",
        "ous",
        lambda s: f"/c/{s.a.slug}/partners/submissions/{s.submission.pk}/acknowledge/",
    ),
    Screen(
        "portfolio-acknowledged",
        "director",
        lambda s: f"/c/{s.a.slug}/partners/submissions/{s.submission_acknowledged.pk}/acknowledge/",
    ),
    Screen("organisation-public", None, portal("/organisations/{s.organisation.slug}/")),
    Screen(
        "organisation-public-not-verified",
        None,
        portal("/organisations/{s.partner_pending.organisation.slug}/"),
        status=404,
    ),
    # contracts: the OUS makes and signs them, the KIPUS reads, the desk records complaints and
    # surveys; the organisation sees its own; the resident rates a service
    Screen("contracts", "ous", c("contracts/")),
    Screen(
        "contracts-filtered",
        "ous",
        c("contracts/"),
        choose_filter("status", "draft", "contract-table", "Klub seniora"),
    ),
    Screen(
        "contracts-none-found", "ous", c("contracts/"), filter_list("q", "zzz", "contract-table")
    ),
    Screen("contract-new", "ous", c("contracts/new/")),
    Screen("contract-new-invalid", "ous", c("contracts/new/"), submit),
    # from an award: the form filled from the offer, the draft naming its procedure
    Screen(
        "contract-new-from-offer",
        "ous",
        lambda s: f"/c/{s.a.slug}/contracts/new/?offer={s.offer_awarded.pk}",
    ),
    Screen("contract-from-offer", "ous", contract("contract_from_offer")),
    Screen("contract", "ous", contract("contract")),
    Screen("contract-read-only", "kipus", contract("contract")),
    Screen("contract-draft", "ous", contract("contract_draft")),
    Screen("contract-edit", "ous", contract("contract_draft", "edit/")),
    Screen("contract-line-new", "ous", contract("contract_draft", "lines/new/")),
    Screen(
        "contract-line-new-invalid",
        "ous",
        contract("contract_draft", "lines/new/"),
        fill_and_submit(units="0"),
    ),
    Screen(
        "contract-line-edit",
        "ous",
        lambda s: f"/c/{s.a.slug}/contracts/lines/{s.draft_line.pk}/edit/",
    ),
    Screen(
        "contract-line-remove",
        "ous",
        lambda s: f"/c/{s.a.slug}/contracts/lines/{s.draft_line.pk}/remove/",
    ),
    Screen("contract-duty-new", "ous", contract("contract_draft", "duties/new/")),
    Screen(
        "contract-duty-remove",
        "ous",
        lambda s: f"/c/{s.a.slug}/contracts/duties/{s.draft_duty.pk}/remove/",
    ),
    Screen("contract-sign", "director", contract("contract_draft", "sign/")),
    Screen(
        "contract-sign-invalid",
        "director",
        contract("contract_draft", "sign/"),
        clear_and_submit("signed_on"),
    ),
    Screen("contract-settle", "director", contract("contract", "settle/")),
    Screen("contract-close", "director", contract("contract", "close/")),  # not now: back to it
    Screen("contract-terminate", "director", contract("contract", "terminate/")),
    Screen("contract-terminate-invalid", "director", contract("contract", "terminate/"), submit),
    Screen("contract-monitoring", "kipus", contract("contract", "monitoring/")),
    Screen("contract-monitoring-empty", "ous", contract("contract_draft", "monitoring/")),
    Screen(
        "contract-report",
        "ous",
        lambda s: f"/c/{s.a.slug}/contracts/reports/{s.report_submitted.pk}/",
    ),
    Screen(
        "contract-report-invalid",
        "ous",
        lambda s: f"/c/{s.a.slug}/contracts/reports/{s.report_submitted.pk}/",
        submit,
    ),
    Screen("inspection-new", "ous", contract("contract", "inspections/new/")),
    Screen("inspection-new-invalid", "ous", contract("contract", "inspections/new/"), submit),
    Screen(
        "inspection-edit-invalid",
        "kipus",
        lambda s: f"/c/{s.a.slug}/contracts/{s.contract.pk}/inspections/{s.inspection.pk}/edit/",
        lambda page: (page.locator("main [name=findings]").fill(""), submit(page)),
    ),
    Screen("contracts-settings", "director", c("contracts/settings/")),
    Screen(
        "contracts-settings-invalid",
        "director",
        c("contracts/settings/"),
        fill_and_submit(complaint_answer_days="0"),
    ),
    Screen("scorecard", "ous", partner("partner_verified", "scorecard/")),
    Screen("complaints", "front_desk", c("complaints/")),
    Screen(
        "complaints-overdue-none",
        "ous",
        c("complaints/"),
        filter_list("q", "zzz", "complaint-table"),
    ),
    Screen("complaint-new", "front_desk", c("complaints/new/")),
    Screen("complaint-new-search", "front_desk", c("complaints/new/?q=Nowak")),
    Screen("complaint-new-invalid", "ous", c("complaints/new/"), clear_and_submit("received_on")),
    Screen("complaint", "ous", complaint("complaint")),
    Screen("complaint-answered", "front_desk", complaint("complaint_answered")),
    Screen("complaint-note", "ous", complaint("complaint", "note/")),
    Screen("complaint-answer", "ous", complaint("complaint", "answer/")),
    Screen("complaint-answer-invalid", "ous", complaint("complaint", "answer/"), submit),
    Screen("complaint-close", "ous", complaint("complaint_answered", "close/")),
    Screen("surveys", "front_desk", c("surveys/")),
    Screen("survey-search", "front_desk", c("surveys/new/?q=Nowak")),
    Screen("survey-search-nobody", "front_desk", c("surveys/new/?q=zzz")),
    Screen(
        "survey-record",
        "front_desk",
        lambda s: f"/c/{s.a.slug}/surveys/new/{s.meals_enrolment.pk}/",
    ),
    Screen(
        "survey-record-invalid",
        "front_desk",
        lambda s: f"/c/{s.a.slug}/surveys/new/{s.meals_enrolment.pk}/",
        submit,
    ),
    Screen("my-survey", "resident", lambda s: f"/my/services/{s.meals_enrolment.pk}/survey/"),
    Screen(
        "my-survey-invalid",
        "resident",
        lambda s: f"/my/services/{s.meals_enrolment.pk}/survey/",
        submit,
    ),
    Screen("organisation-contracts", "provider", provider("contracts/")),
    Screen("organisation-contract", "provider", provider("contracts/{s.contract.pk}/")),
    Screen(
        "organisation-contract-monitoring",
        "provider",
        provider("contracts/{s.contract.pk}/monitoring/"),
    ),
    Screen("organisation-report", "provider", provider("contracts/reports/{s.report_due.pk}/")),
    Screen(
        "organisation-report-invalid",
        "provider",
        provider("contracts/reports/{s.report_due.pk}/"),
        submit,
    ),
    Screen("organisation-complaints", "provider", provider("complaints/")),
    Screen("organisation-complaint", "provider", provider("complaints/{s.complaint.pk}/")),
    Screen(
        "organisation-complaint-invalid",
        "provider",
        provider("complaints/{s.complaint.pk}/"),
        submit,
    ),
    # the public portal (its home is the site's home, "home" above)
    Screen("portal-search", None, portal("/services/")),
    Screen("portal-search-results", None, portal("/services/?q=dowoz+posilkow")),
    Screen(
        "portal-search-filters",
        None,
        portal("/services/?group=seniors&price=free&gmina={s.rural.code}&age=82"),
    ),
    Screen(
        "portal-search-swapped",
        None,
        portal("/services/"),
        choose_filter("group", "seniors", "results", "Teleopieka"),
    ),
    Screen("portal-search-no-word", None, portal("/services/?q=zzzqqx")),
    Screen("portal-search-nothing-fits", None, portal("/services/?q=teleopieka&price=paid")),
    Screen("portal-service", None, portal("/services/{s.club.pk}/")),
    Screen("portal-service-at-home", None, portal("/services/{s.meals.pk}/")),
    Screen("portal-service-draft", None, portal("/services/{s.draft.pk}/"), status=404),
    Screen("find-help", None, portal("/find-help/")),
    Screen("find-help-invalid", None, portal("/find-help/?age=200")),
    Screen(
        "find-help-results",
        None,
        portal(
            "/find-help/?for_whom=family&age=82&needs=getting_around&needs=meals"
            "&needs=daily_care&lives_alone=on&gmina={s.rural.code}&travel=no"
        ),
        lambda page: expect(page.locator("main .reasons").first).to_be_visible(),
    ),
    # commissioning: the OUS finds partners and runs calls; the organisation answers them in
    # the provider portal; anyone reads published calls and comments art. 19a offers
    Screen("commissioning-partners", "ous", c("commissioning/partners/")),
    Screen(
        "commissioning-partners-found",
        "ous",
        lambda s: (
            f"/c/{s.a.slug}/commissioning/partners/?service_type=respite_care"
            f"&gmina={s.a.seat_gmina.pk}"
        ),
    ),
    Screen(
        "commissioning-partners-swapped",
        "kipus",
        c("commissioning/partners/"),
        choose_filter("service_type", "respite_care", "partner-results", "Stowarzyszenie"),
    ),
    Screen(
        "commissioning-partners-none",
        "ous",
        c("commissioning/partners/?service_type=renovation&area="),
    ),
    Screen(
        "commissioning-invite",
        "ous",
        lambda s: f"/c/{s.a.slug}/commissioning/partners/invite/?organisation={s.organisation.pk}",
    ),
    Screen("commissioning-calls", "ous", c("commissioning/calls/")),
    Screen(
        "commissioning-calls-filtered",
        "front_desk",
        c("commissioning/calls/"),
        choose_filter("status", "evaluation", "call-table", "ocena"),
    ),
    Screen("commissioning-call-new", "ous", c("commissioning/calls/new/")),
    Screen(
        "commissioning-call-new-invalid",
        "ous",
        c("commissioning/calls/new/"),
        choose_and_submit(mode="open_competition", title="Nabór bez formy"),
    ),
    Screen("commissioning-call-draft", "ous", call("call_draft")),
    Screen("commissioning-call-edit", "ous", call("call_draft", "edit/")),
    Screen("commissioning-call-publish", "director", call("call_draft", "publish/")),
    Screen("commissioning-call-open", "kipus", call("call_open")),
    Screen("commissioning-call-notice", "ous", call("call_open", "notice/")),
    Screen("commissioning-call-notice-invalid", "ous", call("call_open", "notice/"), submit),
    Screen("commissioning-call-cancel", "director", call("call_open", "cancel/")),
    Screen("commissioning-call-cancel-invalid", "director", call("call_open", "cancel/"), submit),
    Screen("commissioning-call-close", "ous", call("call_closing", "close/")),
    Screen("commissioning-call-in-house", "ous", call("call_in_house")),
    Screen("commissioning-call-assign", "ous", call("call_in_house", "assign/")),
    Screen("commissioning-call-assign-invalid", "ous", call("call_in_house", "assign/"), submit),
    Screen("commissioning-call-evaluated", "ous", call("call_evaluation")),
    Screen("commissioning-evaluation", "ous", call("call_evaluation", "evaluation/")),
    Screen("commissioning-evaluation-open", "osl", call("call_open", "evaluation/")),
    Screen("commissioning-offer", "ous", offer("call_evaluation", "offer_evaluated")),
    Screen(
        "commissioning-offer-check",
        "ous",
        offer("call_evaluation", "offer_unchecked", "check/"),
    ),
    Screen(
        "commissioning-offer-check-invalid",
        "ous",
        offer("call_evaluation", "offer_unchecked", "check/"),
        choose_and_submit(result="reject"),
    ),
    Screen(
        "commissioning-offer-score",
        "ous",
        offer("call_evaluation", "offer_evaluated", "score/"),
    ),
    Screen(
        "commissioning-offer-score-invalid",
        "ous",
        offer("call_evaluation", "offer_evaluated", "score/"),
        lambda page: (
            page.locator("main input[name^=points_]").first.fill("999"),
            submit(page),
        ),
    ),
    Screen("commissioning-award", "director", call("call_evaluation", "award/")),
    Screen("commissioning-award-invalid", "director", call("call_evaluation", "award/"), submit),
    Screen("commissioning-call-awarded", "ous", call("call_awarded")),
    Screen("commissioning-grant-pools", "ous", c("commissioning/grant-pools/")),
    Screen("commissioning-grant-pools-read", "kipus", c("commissioning/grant-pools/")),
    Screen(
        "commissioning-grant-pool-invalid",
        "director",
        c("commissioning/grant-pools/set/"),
        lambda page: (page.locator("main input[name=amount]").fill("-1"), submit(page)),
    ),
    Screen("commissioning-call-results", "director", call("call_awarded", "results/")),
    Screen("commissioning-call-results-published", "ous", call("call_results")),
    Screen("commissioning-call-with-contract", "ous", call("call_own_results")),
    Screen("provider-calls", "provider", provider("calls/")),
    Screen("provider-call", "provider", provider("calls/{s.call_open.pk}/")),
    Screen("provider-call-results", "provider", provider("calls/{s.call_own_results.pk}/")),
    Screen("provider-offer-edit", "provider", provider("calls/{s.call_writing.pk}/offer/")),
    Screen(
        "provider-offer-edit-invalid",
        "provider",
        provider("calls/{s.call_writing.pk}/offer/"),
        fill_and_submit(amount="1"),
    ),
    Screen("provider-offers", "provider", provider("offers/")),
    Screen("provider-offer-draft", "provider", provider("offers/{s.offer_draft.pk}/")),
    Screen("provider-offer-submit", "provider", provider("offers/{s.offer_draft.pk}/submit/")),
    Screen(
        "provider-offer-withdraw", "provider", provider("offers/{s.offer_submitted.pk}/withdraw/")
    ),
    Screen("provider-offer-result", "provider", provider("offers/{s.offer_own_result.pk}/")),
    Screen("public-calls", None, portal("/calls/")),
    Screen(
        "public-calls-filtered",
        None,
        portal("/calls/"),
        choose_filter("status", "results_published", "call-table", "Opieka"),
    ),
    Screen("public-call", None, portal("/calls/{s.call_open.pk}/")),
    Screen("public-call-comments", None, portal("/calls/{s.call_evaluation.pk}/")),
    Screen(
        "public-call-comment-invalid",
        None,
        portal("/calls/{s.call_evaluation.pk}/"),
        submit,
    ),
    Screen("public-call-results", None, portal("/calls/{s.call_results.pk}/")),
    Screen("public-call-draft", None, portal("/calls/{s.call_draft.pk}/"), status=404),
]


# The biggest groups first, so that xdist workers share them out evenly.
USERS = sorted(
    {s.user for s in SCREENS}, key=lambda u: (-sum(s.user == u for s in SCREENS), u or "")
)


@pytest.mark.parametrize("user", USERS, ids=lambda u: u or "anonymous")
def test_no_axe_violations(user, scene, page, live_server, login_as, axe, subtests):
    """Every screen of ``user``, one subtest each, in one logged-in page."""
    if user:
        login_as(getattr(scene, user))
    cookies = page.context.cookies()
    for screen in SCREENS:
        if screen.user != user:
            continue
        with subtests.test(msg=screen.id), override_settings(**screen.settings):
            page.context.clear_cookies()
            page.context.add_cookies(cookies)
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
        "centre:service_export",  # a download (XLSX or CSV)
        "centre:service_location_add",  # POST only, redirects
        "centre:schedule_add",  # POST only, redirects
        "centre:consent_give",  # POST only (from the person page), redirects
        "centre:enrolment_list_csv",  # downloads
        "centre:enrolment_statement_csv",
        "centre:fee_list_csv",
        "centre:fee_list_xlsx",
        "centre:notice_pdf",  # a PDF
        "centre:decision_pdf",  # a PDF
        "residents:verify_resend",  # POST only, redirects
        "residents:notice_pdf",  # a PDF
        "residents:decision_pdf",  # a PDF
        "residents:export_json",  # a download
        "residents:export_pdf",  # a download
        "residents:plan_pdf",  # a PDF
        "centre:equipment_csv",  # a download
        "centre:equipment_remind",  # POST only (from the overdue list), redirects
        "centre:plan_submit",  # POST only (from the plan page), redirects
        "centre:plan_pdf",  # a download (PDF)
        "centre:referral_csv",  # a download
        "centre:partner_csv",  # a download
        "centre:call_csv",  # a download
        "centre:call_evaluation_csv",  # a download
        "commissioning:call_comment",  # POST from the call's public page
        "centre:workshop_csv",  # downloads
        "centre:pilot_csv",
        "centre:cooperation_indicators_csv",
        "network:cooperation_indicators_csv",
        "centre:pilot_report_pdf",  # a PDF
        "organisation:cooperation_pilot_report_pdf",  # a PDF
        "centre:portfolio_received_csv",  # a download
        "centre:partner_card_pdf",  # a PDF
        "centre:partner_portfolio_pdf",  # a PDF
        "organisation:card_pdf",  # a PDF
        "organisation:portfolio_pdf",  # a PDF
        "centre:contract_list_xlsx",  # downloads
        "centre:contract_monitoring_xlsx",
        "centre:partner_scorecard_pdf",  # a PDF
    }
    checked = {
        resolve(urlsplit(screen.url(scene)).path).view_name
        for screen in SCREENS
        if screen.status != 404
    }
    pages = {name for name, _view, _kwargs in all_views() if not name.startswith("hsds:")}
    missing = pages - not_pages - checked  # (the HSDS API answers JSON, not pages)
    assert missing == set(), "add a Screen for each new page"
