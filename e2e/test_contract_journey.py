"""A contract from the draft to the monitoring, keyboard only, with axe on every step (issue 5,
item 6).

The OUS makes a contract with the world's organisation for the centre's meal delivery and
signs it: the catalogue and the public service page show the new provider. A service given
after the signing is delivered by the organisation, which records a visit in its portal; the
monitoring shows it against what was contracted, and the organisation sees the contract and
the referral that came with it.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.keys import choose_option, follow, press_submit, tab_to, type_into
from opencus.contracts.models import Contract

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_contract_makes_the_provider_and_is_monitored(scene, page, live_server, login_as, axe):
    from opencus.catalogue.models import Service
    from opencus.enrolments import services as enrolments
    from opencus.people import services as people
    from opencus.referrals import services as referrals

    centre, organisation, meals = scene.a, scene.organisation, scene.meals
    today = timezone.localdate()
    base = f"{live_server.url}/c/{centre.slug}"

    # 1. The OUS drafts the contract: the organisation, the title, the kind and the period.
    login_as(scene.ous)
    page.goto(f"{base}/contracts/")
    axe("the centre's contracts")
    follow(page, f"main a[href='/c/{centre.slug}/contracts/new/']")
    axe("new contract")
    tab_to(page, "main select[name=organisation]")
    choose_option(page, str(organisation.pk))
    type_into(page, "title", "Dowóz posiłków dla seniorów")
    tab_to(page, "main select[name=kind]")
    choose_option(page, "entrusting")
    # (A date field takes its typing order from the browser's system locale, not the page's:
    # its value is set directly, everything else is typed.)
    page.fill("main [name=starts_on]", today.isoformat())
    page.fill("main [name=ends_on]", (today + dt.timedelta(days=180)).isoformat())
    press_submit(page)
    contract = Contract.objects.get(title="Dowóz posiłków dla seniorów")
    expect(page.locator("main h1")).to_contain_text(contract.number)
    axe("the draft")

    # 2. Its service: 900 meals at the service's real value (left empty).
    follow(page, f"main a[href$='/contracts/{contract.pk}/lines/new/']")
    axe("add a service")
    tab_to(page, "main select[name=service]")
    choose_option(page, str(meals.pk))
    type_into(page, "units", "900")
    press_submit(page)
    contract.refresh_from_db()
    assert contract.total_value == 900 * meals.market_value
    axe("the draft with its service")

    # 3. Signing it makes the organisation the provider of the meals.
    follow(page, f"main a[href$='/contracts/{contract.pk}/sign/']")
    axe("sign the contract")
    expect(page.locator("main")).to_contain_text(organisation.name)
    press_submit(page)
    contract.refresh_from_db()
    assert contract.status == "signed"
    expect(page.locator("main .messages")).to_be_visible()
    axe("the signed contract")
    page.goto(f"{base}/catalogue/{meals.pk}/")
    expect(page.locator("main")).to_contain_text(organisation.name)
    axe("the catalogue shows the provider")
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/services/{meals.pk}/")
    expect(page.locator("main")).to_contain_text(organisation.name)
    axe("the public service page shows the provider")

    # 4. A service given now goes to the organisation, which records a visit in its portal.
    person = people.person_create(
        centre=centre,
        by=scene.front_desk,
        confirm_new=True,
        first_name="Stefan",
        last_name="Obiadowy",
        birth_date=dt.date(1939, 4, 4),
    )
    enrolment = enrolments.enrolment_create(
        person=person,
        service=Service.objects.get(pk=meals.pk),
        by=scene.kipus,
        starts_on=today,
        units_per_period=Decimal(5),
        period="week",
    )
    assert enrolment.provider == organisation
    people.consent_give(
        person=person, by=scene.kipus, purpose="share_with_provider", form="written"
    )
    referral = referrals.referral_send(
        centre=centre,
        person=person,
        by=scene.kipus,
        receiver_kind="provider",
        organisation=organisation,
        service=Service.objects.get(pk=meals.pk),
        request="Obiady od przyszłego tygodnia.",
        reason="Prośba córki.",
        shared_fields=[],
    )
    login_as(scene.provider)
    page.goto(f"{live_server.url}/o/{organisation.slug}/enrolments/{enrolment.pk}/deliveries/new/")
    axe("the provider records a visit")
    type_into(page, "units", "1")
    press_submit(page)
    assert enrolment.deliveries.count() == 1

    # 5. The monitoring shows the visit against the contract.
    page.context.clear_cookies()
    login_as(scene.ous)
    page.goto(f"{base}/contracts/{contract.pk}/")
    follow(page, f"main a[href$='/contracts/{contract.pk}/monitoring/']")
    axe("monitoring")
    monitoring = page.locator("main")
    expect(monitoring).not_to_contain_text("Brak realizacji")
    row = page.locator(f"main section:has(h2:has-text('{meals.name}')) tbody tr").first
    expect(row).to_contain_text("1,00")

    # 6. The organisation sees its contract and the referral that came with it.
    page.context.clear_cookies()
    login_as(scene.provider)
    page.goto(f"{live_server.url}/o/{organisation.slug}/contracts/")
    axe("the organisation's contracts")
    follow(page, f"main a[href='/o/{organisation.slug}/contracts/{contract.pk}/']")
    axe("the organisation's contract")
    expect(page.locator("main")).to_contain_text("Obiadowy")
    expect(
        page.locator(f"main a[href='/o/{organisation.slug}/referrals/{referral.pk}/']")
    ).to_be_visible()
