"""Issue 5 end to end, across the apps that were built apart: from finding a partner to the
monitoring of the contract made from its award, with axe on every step.

The OUS of centre a finds a partner for respite care in a gmina and runs an art. 19a call for
it; the organisation answers in its portal, a late offer of another one is refused; after the
seven days of comments the OUS checks, scores, awards and publishes the results; "Prepare the
contract" on the call's page opens the contract form filled from the award; a line for the
centre's respite care and the signature make the organisation the service's provider in the
portal; a person is granted the service and referred, the organisation records a visit; the
monitoring shows it against the contract; the organisation sees the contract, the referral
and, from its offer, the contract. Another centre's director finds none of it (404).
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e import commissioning_steps as calls
from e2e import contract_steps as contracts
from e2e.catalogue_scene import new_service
from e2e.keys import follow, press_submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_partner_search_to_the_monitored_contract(scene, page, live_server, login_as, axe):
    from opencus.commissioning.tests.fixtures import end_comment_window
    from opencus.contracts.models import Contract

    centre, gmina, organisation = scene.a, scene.a.seat_gmina, scene.organisation
    today = timezone.localdate()
    respite = new_service(
        centre,
        name="Opieka wytchnieniowa w domu",
        summary="Opiekunka zastępuje opiekuna rodzinnego na kilka godzin.",
        at_home=True,
        unit="hour",
        market_value=Decimal("45.00"),
        areas=["disability"],
        groups=["carers"],
        needs=["carer_break"],
    )

    # 1. The OUS finds a partner for respite care in the gmina, and from the results drafts
    # an art. 19a call for it (the task runs from today) and publishes it.
    login_as(scene.ous)
    calls.find_respite_care_partner(
        page, axe, centre=centre, gmina=gmina, organisation=organisation
    )
    call = calls.draft_small_grant_call(
        page,
        axe,
        gmina=gmina,
        title="Wytchnienie dla opiekunów rodzinnych – art. 19a",
        budget=9500,
        starts_on=today,
        ends_on=today + dt.timedelta(days=60),
        deadline=timezone.localtime() + dt.timedelta(days=5),
        criteria=[("Jakość realizacji", 60), ("Koszt", 40)],
    )
    calls.publish(page, axe, call)

    # 2. The organisation submits its offer in the portal: 200 hours at 45 zł.
    page.context.clear_cookies()
    login_as(scene.provider)
    offer = calls.submit_offer(
        page,
        axe,
        call=call,
        organisation=organisation,
        summary="Opiekunka w domu rodziny, do 4 godzin dziennie.",
        units=200,
        unit_price=45,
    )

    # 3. Another organisation's offer after the deadline is refused, with the message.
    calls.late_offer_refused(page, axe, login_as, call=call, organisation=scene.other_organisation)

    # 4. After the seven days of comments, the OUS checks, scores and awards the offer, and
    # publishes the results.
    page.context.clear_cookies()
    login_as(scene.ous)
    calls.close_and_check(page, axe, call=call, offer=offer)
    quality, cost = call.criteria.order_by("position")
    calls.score(
        page,
        axe,
        offer=offer,
        scores=[(quality, 55, "Doświadczone opiekunki."), (cost, 35, "Cena rynkowa.")],
    )
    end_comment_window(offer)
    calls.award(page, axe, call=call, offer=offer, reason="Jedyna oferta, 90 punktów.")
    expect(page.locator("main .messages")).to_contain_text("Nabór został rozstrzygnięty.")
    axe("call awarded")
    calls.publish_results(page, axe, call=call)

    # 5. "Prepare the contract" on the call's page opens the form filled from the award.
    prepare = f"main a[href$='/contracts/new/?offer={offer.pk}']"
    follow(page, prepare)
    axe("the contract form from the award")
    expect(page.locator("main [name=title]")).to_have_value(call.title)
    expect(page.locator("main [name=organisation]")).to_be_disabled()
    expect(page.locator("main [name=kind]")).to_have_value("entrusting")
    expect(page.locator("main [name=starts_on]")).to_have_value(today.isoformat())
    expect(page.locator("main")).to_contain_text("9000,00 zł")  # the amount awarded
    press_submit(page)
    contract = Contract.objects.get(offer=offer)
    assert (contract.organisation, contract.kind, contract.starts_on, contract.ends_on) == (
        organisation,
        "entrusting",
        call.task_starts_on,
        call.task_ends_on,
    )
    expect(page.locator("main h1")).to_contain_text(contract.number)
    expect(page.locator("main")).to_contain_text(call.number)  # the procedure it came from
    axe("the draft from the award")

    # 6. A line for the centre's respite care, within the amount awarded, and the signature:
    # the portal names the organisation as the service's provider.
    contracts.add_line(page, axe, contract=contract, service=respite, units=200, unit_price=45)
    contracts.sign(page, axe, contract=contract)
    page.goto(f"/c/{centre.slug}/commissioning/calls/{call.pk}/")
    expect(
        page.locator(f"main a[href='/c/{centre.slug}/contracts/{contract.pk}/']")
    ).to_contain_text(contract.number)
    expect(page.locator(prepare)).to_have_count(0)
    axe("the call links its contract")
    contracts.catalogue_shows_the_provider(page, axe, service=respite, organisation=organisation)

    # 7. A person is granted the service and referred to the organisation, which records a
    # visit in its portal.
    person, enrolment, referral = contracts.grant_and_refer(
        scene,
        service=respite,
        organisation=organisation,
        first_name="Aniela",
        last_name="Wytchnieniowa",
        request="Cztery godziny we wtorki, gdy córka jest w pracy.",
    )
    login_as(scene.provider)
    contracts.record_visit(page, axe, organisation=organisation, enrolment=enrolment, units=4)

    # 8. The contract's monitoring shows the hours delivered against those contracted.
    page.context.clear_cookies()
    login_as(scene.ous)
    contracts.monitoring_shows(page, axe, contract=contract, service=respite, delivered="4,00")

    # 9. The organisation sees the contract with the referral that came with it, and reaches
    # it from its awarded offer too.
    page.context.clear_cookies()
    login_as(scene.provider)
    contracts.organisation_sees_the_contract(
        page, axe, contract=contract, referral=referral, person=person
    )
    page.goto(f"/o/{organisation.slug}/offers/{offer.pk}/")
    expect(
        page.locator(f"main a[href='/o/{organisation.slug}/contracts/{contract.pk}/']")
    ).to_be_visible()
    axe("the awarded offer links its contract")

    # 10. Another centre's director finds none of it: the call, the offer, the contract.
    page.context.clear_cookies()
    login_as(scene.b_director)
    b = f"/c/{scene.b.slug}"
    for address in (
        f"{b}/commissioning/calls/{call.pk}/",
        f"{b}/commissioning/calls/{call.pk}/offers/{offer.pk}/",
        f"{b}/contracts/new/?offer={offer.pk}",
        f"{b}/contracts/{contract.pk}/",
        f"{b}/contracts/{contract.pk}/monitoring/",
    ):
        response = page.goto(address)
        assert response is not None and response.status == 404, address
    axe("another centre's 404")
