"""Steps of a contract in the browser, shared by the journeys that walk one
(test_contract_journey, test_issue5_journey): its service, the signature and the new
provider in the catalogue, a service given and delivered, the monitoring, the organisation's
view. The keyboard where it can, axe on every page passed.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect

from e2e.keys import choose_option, follow, press_submit, tab_to, type_into


def add_line(page, axe, *, contract, service, units, unit_price=None) -> None:
    """From the draft's page: ``units`` of the catalogue ``service`` (at its real value when
    no ``unit_price`` is given)."""
    follow(page, f"main a[href$='/contracts/{contract.pk}/lines/new/']")
    axe("add a service")
    tab_to(page, "main select[name=service]")
    choose_option(page, str(service.pk))
    type_into(page, "units", str(units))
    if unit_price is not None:
        type_into(page, "unit_price", str(unit_price))
    press_submit(page)
    axe("the draft with its service")


def sign(page, axe, *, contract) -> None:
    """From the draft's page: signed today, after the confirmation naming the organisation."""
    follow(page, f"main a[href$='/contracts/{contract.pk}/sign/']")
    axe("sign the contract")
    expect(page.locator("main")).to_contain_text(contract.organisation.name)
    press_submit(page)
    contract.refresh_from_db()
    assert contract.status == "signed"
    expect(page.locator("main .messages")).to_be_visible()
    axe("the signed contract")


def catalogue_shows_the_provider(page, axe, *, service, organisation) -> None:
    """The centre's catalogue page of ``service`` (staff logged in), then its public page in
    the portal (logged out), name ``organisation`` as the provider."""
    page.goto(f"/c/{service.centre.slug}/catalogue/{service.pk}/")
    expect(page.locator("main")).to_contain_text(organisation.name)
    axe("the catalogue shows the provider")
    page.context.clear_cookies()
    page.goto(f"/services/{service.pk}/")
    expect(page.locator("main")).to_contain_text(organisation.name)
    axe("the public service page shows the provider")


def grant_and_refer(scene, *, service, organisation, first_name, last_name, request):
    """A new person of the centre is granted ``service`` from today (its provider delivers it)
    and referred to ``organisation`` for it; returns (person, enrolment, referral)."""
    from opencus.catalogue.models import Service
    from opencus.enrolments import services as enrolments
    from opencus.people import services as people
    from opencus.referrals import services as referrals

    centre = service.centre
    person = people.person_create(
        centre=centre,
        by=scene.front_desk,
        confirm_new=True,
        first_name=first_name,
        last_name=last_name,
        birth_date=dt.date(1939, 4, 4),
    )
    enrolment = enrolments.enrolment_create(
        person=person,
        service=Service.objects.get(pk=service.pk),
        by=scene.kipus,
        starts_on=timezone.localdate(),
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
        service=Service.objects.get(pk=service.pk),
        request=request,
        reason="Prośba córki.",
        shared_fields=[],
    )
    return person, enrolment, referral


def record_visit(page, axe, *, organisation, enrolment, units) -> None:
    """The organisation's staff (logged in) record a delivered visit in its portal."""
    page.goto(f"/o/{organisation.slug}/enrolments/{enrolment.pk}/deliveries/new/")
    axe("the provider records a visit")
    type_into(page, "units", str(units))
    press_submit(page)
    assert enrolment.deliveries.count() == 1


def monitoring_shows(page, axe, *, contract, service, delivered: str) -> None:
    """From the contract's page (staff logged in), its monitoring: the line of ``service``
    shows ``delivered`` units this month against what was contracted."""
    page.goto(f"/c/{contract.centre.slug}/contracts/{contract.pk}/")
    follow(page, f"main a[href$='/contracts/{contract.pk}/monitoring/']")
    axe("monitoring")
    expect(page.locator("main")).not_to_contain_text("Brak realizacji")
    row = page.locator(f"main section:has(h2:has-text('{service.name}')) tbody tr").first
    expect(row).to_contain_text(delivered)


def organisation_sees_the_contract(page, axe, *, contract, referral, person) -> None:
    """The organisation's staff (logged in) find the contract in their list, and on its page
    the person referred with it and the link to the referral."""
    organisation = contract.organisation
    page.goto(f"/o/{organisation.slug}/contracts/")
    axe("the organisation's contracts")
    follow(page, f"main a[href='/o/{organisation.slug}/contracts/{contract.pk}/']")
    axe("the organisation's contract")
    expect(page.locator("main")).to_contain_text(person.last_name)
    expect(
        page.locator(f"main a[href='/o/{organisation.slug}/referrals/{referral.pk}/']")
    ).to_be_visible()
