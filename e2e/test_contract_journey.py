"""A contract from the draft to the monitoring, keyboard only, with axe on every step (issue 5,
item 6).

The OUS makes a contract with the world's organisation for the centre's meal delivery and
signs it: the catalogue and the public service page show the new provider. A service given
after the signing is delivered by the organisation, which records a visit in its portal; the
monitoring shows it against what was contracted, and the organisation sees the contract and
the referral that came with it.
"""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e import contract_steps as steps
from e2e.keys import choose_option, follow, press_submit, tab_to, type_into
from opencus.contracts.models import Contract

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_contract_makes_the_provider_and_is_monitored(scene, page, live_server, login_as, axe):
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
    steps.add_line(page, axe, contract=contract, service=meals, units=900)
    contract.refresh_from_db()
    assert contract.total_value == 900 * meals.market_value

    # 3. Signing it makes the organisation the provider of the meals.
    steps.sign(page, axe, contract=contract)
    steps.catalogue_shows_the_provider(page, axe, service=meals, organisation=organisation)

    # 4. A service given now goes to the organisation, which records a visit in its portal.
    person, enrolment, referral = steps.grant_and_refer(
        scene,
        service=meals,
        organisation=organisation,
        first_name="Stefan",
        last_name="Obiadowy",
        request="Obiady od przyszłego tygodnia.",
    )
    login_as(scene.provider)
    steps.record_visit(page, axe, organisation=organisation, enrolment=enrolment, units=1)

    # 5. The monitoring shows the visit against the contract.
    page.context.clear_cookies()
    login_as(scene.ous)
    steps.monitoring_shows(page, axe, contract=contract, service=meals, delivered="1,00")

    # 6. The organisation sees its contract and the referral that came with it.
    page.context.clear_cookies()
    login_as(scene.provider)
    steps.organisation_sees_the_contract(
        page, axe, contract=contract, referral=referral, person=person
    )
