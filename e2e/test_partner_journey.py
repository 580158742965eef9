"""An organisation prepares for cooperation with a centre (seed 003, procedure 4), with axe on
every step (issue 5, items 1, 3 and 4):

it registers with a mistyped NIP and reads why, registers properly and the centre verifies
it; it fills the attributes card with the keyboard alone, makes it final and downloads its
PDF; it writes the portfolio with a respite-care specialisation, makes it final and sends it
to the centre's OUS; the OUS finds it among the portfolios received and acknowledges it with a
note; the organisation sees the acknowledgement.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.keys import choose_option, choose_radio, follow, press_submit, tab_to, tick, type_into
from opencus.providers import services
from opencus.providers.enums import DocumentStatus
from opencus.providers.models import AttributesCard, Partnership, Portfolio, PortfolioSubmission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPHERES = ("management", "staff", "resources", "finance", "relations")
QUESTIONS = (
    "strengths_use_opportunities",
    "strengths_overcome_threats",
    "weaknesses_block_opportunities",
    "weaknesses_strengthen_threats",
)


def register(page, nip):
    form = page.locator("main form[method=post]")
    for name, value in {
        "account-first_name": "Anna",
        "account-last_name": "Wytchnieniowa",
        "account-email": "anna@opiekun.example",
        "account-password": "Dluga-fraza-42!",
        "account-password_again": "Dluga-fraza-42!",
        "name": "Spółdzielnia Socjalna Opiekun",
        "nip": nip,
    }.items():
        form.locator(f"[name='{name}']").fill(value)
    form.locator("[name=legal_form]").select_option("social_coop")
    form.locator("input[name=areas][value=social_assistance]").check()
    form.locator("input[name=agree]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_an_organisation_prepares_its_card_and_portfolio_for_the_ous(
    world, page, live_server, login_as, axe
):
    centre = world.a

    # 1. Registration with a mistyped NIP says why, and registers nothing.
    page.goto(f"{live_server.url}/providers/register/")
    axe("registration")
    page.locator("main [name=centre]").select_option(str(centre.pk))
    register(page, "123-456-32-19")
    expect(page.locator("main .errorlist").first).to_contain_text("sumą kontrolną")
    assert not Partnership.objects.exists()
    axe("registration with a bad NIP")

    # 2. With the right NIP it is registered; the centre verifies it.
    page.locator("main [name=centre]").select_option(str(centre.pk))
    register(page, "123-456-32-18")
    expect(page.locator("main")).to_contain_text("Spółdzielnia Socjalna Opiekun")
    axe("registrations")
    partnership = Partnership.objects.get()
    services.partnership_verify(partnership=partnership, by=world.ous)
    organisation, user = partnership.organisation, partnership.registrant
    base = f"{live_server.url}/o/{organisation.slug}"

    # 3. The attributes card, with the keyboard alone.
    page.context.clear_cookies()
    login_as(user)
    page.goto(f"{base}/card/")
    axe("the card, none yet")
    follow(page, f"main a[href='/o/{organisation.slug}/card/start/']")
    axe("start the card")
    press_submit(page)
    expect(page.locator("main h1")).to_contain_text("wersja 1")
    axe("the card's draft")
    for sphere in SPHERES:
        type_into(page, f"{sphere}_strengths", f"Mocna strona ({sphere})\nDruga mocna strona")
        type_into(page, f"{sphere}_threats", f"Zagrożenie ({sphere})")
    for question in QUESTIONS:
        type_into(page, question, "Tak, po wzmocnieniu kadry.")
    type_into(page, "zet_coauthor", "dr Anna Ekspert (ZET)")
    press_submit(page, "main button[name=then][value=finalise]")
    expect(page.locator("main h1")).to_contain_text("Zatwierdzić wersję 1")
    axe("make the card final")
    press_submit(page)
    card = AttributesCard.objects.get(organisation=organisation)
    assert card.status == DocumentStatus.FINAL and card.finalised_by == user
    assert card.entries.get(sphere="staff", quadrant="strengths").points == [
        "Mocna strona (staff)",
        "Druga mocna strona",
    ]
    expect(page.locator("main .messages")).to_contain_text("Wersja 1 jest ostateczna")
    axe("the final card")

    # 4. Its PDF.
    href = page.locator(f"main a[href$='/card/{card.pk}/pdf/']").get_attribute("href")
    pdf = page.request.get(f"{live_server.url}{href}")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # 5. The portfolio with a respite-care specialisation of kind (a) and its experience.
    page.goto(f"{base}/portfolio/")
    axe("the portfolio, none yet")
    follow(page, f"main a[href='/o/{organisation.slug}/portfolio/start/']")
    press_submit(page)
    axe("the portfolio's draft")
    type_into(page, "introduction", "Opieka wytchnieniowa w domu, z własnymi opiekunkami.")
    tick(page, "main input[name=is_public]")
    press_submit(page)
    follow(page, f"main a[href='/o/{organisation.slug}/portfolio/specialisations/new/']")
    axe("a new specialisation")
    choose_radio(page, "kind", "ready")
    tab_to(page, "main select[name=service_type]")
    choose_option(page, "respite_care")
    tab_to(page, "main select[name=area]")
    choose_option(page, "social_assistance")
    type_into(page, "recipients", "Opiekunowie osób z niepełnosprawnościami")
    type_into(page, "capacity", "12 rodzin miesięcznie")
    press_submit(page)
    portfolio = Portfolio.objects.get(organisation=organisation)
    specialisation = portfolio.specialisations.get()
    follow(
        page,
        f"main a[href='/o/{organisation.slug}/portfolio/specialisations/"
        f"{specialisation.pk}/experience/new/']",
    )
    today = timezone.localdate()
    form = page.locator("main form[method=post]")
    form.locator("[name=kind]").select_option("commission")
    form.locator("[name=title]").fill("Opieka wytchnieniowa 2025")
    form.locator("[name=funder]").fill("Gmina Alfa")
    form.locator("[name=starts_on]").fill((today - dt.timedelta(days=300)).isoformat())
    form.locator("[name=ends_on]").fill((today - dt.timedelta(days=30)).isoformat())
    form.locator("[name=value]").fill("84000")
    press_submit(page)
    expect(page.locator("main")).to_contain_text("Opieka wytchnieniowa 2025")
    axe("the draft with its specialisation")
    follow(page, f"main a[href='/o/{organisation.slug}/portfolio/finalise/']")
    axe("make the portfolio final")
    press_submit(page)
    portfolio.refresh_from_db()
    assert portfolio.status == DocumentStatus.FINAL

    # 6. Sent to the centre's OUS.
    follow(page, f"main a[href='/o/{organisation.slug}/portfolio/{portfolio.pk}/send/']")
    axe("send the portfolio")
    tick(page, f"main input[name=centres][value='{centre.pk}']")
    press_submit(page)
    submission = PortfolioSubmission.objects.get(portfolio=portfolio)
    assert submission.centre == centre and submission.acknowledged_at is None
    expect(page.locator("main .messages")).to_contain_text(centre.name)
    axe("the portfolio sent")

    # 7. The OUS finds it among the portfolios received and acknowledges it.
    page.context.clear_cookies()
    login_as(world.ous)
    page.goto(f"{live_server.url}/c/{centre.slug}/partners/portfolios/")
    expect(page.locator("main table")).to_contain_text("Spółdzielnia Socjalna Opiekun")
    axe("portfolios received")
    follow(
        page,
        f"main a[href='/c/{centre.slug}/partners/submissions/{submission.pk}/acknowledge/']",
    )
    axe("acknowledge the portfolio")
    type_into(page, "note", "Zapraszamy na warsztat porównania oczekiwań.")
    press_submit(page)
    submission.refresh_from_db()
    assert submission.acknowledged_by == world.ous
    axe("portfolio acknowledged")

    # 8. The organisation sees the acknowledgement and the note.
    page.context.clear_cookies()
    login_as(user)
    page.goto(f"{base}/portfolio/")
    sent = page.locator("main section[aria-labelledby=sent]")
    expect(sent).to_contain_text("potwierdzono")
    expect(sent).to_contain_text("Zapraszamy na warsztat porównania oczekiwań.")
    axe("the organisation sees the acknowledgement")
