"""Steps of a commissioning procedure in the browser, shared by the journeys that walk one
(test_commissioning_journey, test_issue5_journey). Each step starts where the one before
left the page, uses the keyboard where it can, and runs axe on every page it passes.
"""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from e2e.keys import choose_radio, follow, press_submit, tab_to, type_into


def find_respite_care_partner(page, axe, *, centre, gmina, organisation) -> None:
    """The OUS looks for a partner for respite care in ``gmina``: ``organisation`` is found
    with its reasons (its kind (a) specialisation, the gmina, a verified partnership)."""
    page.goto(
        f"/c/{centre.slug}/commissioning/partners/?service_type=respite_care&gmina={gmina.pk}"
    )
    card = page.locator("main li.service-card", has_text=organisation.name)
    expect(card).to_contain_text("rodzaj (a), gotowa teraz: usługa wytchnieniowa")
    expect(card).to_contain_text(f"gminie {gmina.name}")
    expect(card).to_contain_text("zweryfikowany partner tego centrum")
    axe("partner search")


def draft_small_grant_call(
    page, axe, *, gmina, title, budget, starts_on, ends_on, deadline, criteria
):
    """From the search results, a new art. 19a call (powierzenie) for respite care in the gmina
    searched, with ``criteria`` as (name, maximum points); returns the drafted call."""
    from opencus.commissioning.models import Call

    follow(page, "main a[href*='/commissioning/calls/new/?service_type=respite_care']")
    axe("call form")
    expect(page.locator(f"main input[name=gminas][value='{gmina.pk}']")).to_be_checked()
    type_into(page, "title", title)
    choose_radio(page, "mode", "small_grant")
    tab_to(page, "main select[name=task_form]")
    page.keyboard.press("ArrowDown")  # entrusting (powierzenie)
    type_into(page, "terms", "200 godzin opieki dziennej dla osób z niepełnosprawnościami.")
    type_into(page, "budget", str(budget))
    # (A date field takes its typing order from the browser's system locale: set directly.)
    page.fill("main [name=task_starts_on]", starts_on.isoformat())
    page.fill("main [name=task_ends_on]", ends_on.isoformat())
    page.fill("main [name=offers_deadline]", deadline.strftime("%Y-%m-%dT%H:%M"))
    for n, (name, points) in enumerate(criteria):
        type_into(page, f"criteria-{n}-name", name)
        type_into(page, f"criteria-{n}-max_points", str(points))
    press_submit(page)
    call = Call.objects.get(title=title)
    assert call.mode == "small_grant" and call.task_form == "entrusting"
    assert [c.name for c in call.criteria.all()] == [name for name, _points in criteria]
    axe("call drafted")
    return call


def publish(page, axe, call) -> None:
    follow(page, f"main a[href$='/calls/{call.pk}/publish/']")
    axe("publish confirmation")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Nabór został ogłoszony.")
    axe("call published")


def submit_offer(page, axe, *, call, organisation, summary, units, unit_price):
    """The organisation (logged in) finds the call in its portal, writes its offer and submits
    it; returns the offer."""
    from opencus.commissioning.models import Offer

    portal = f"/o/{organisation.slug}"
    page.goto(f"{portal}/calls/")
    row = page.locator("main tr", has_text=call.title)
    expect(row).to_contain_text("pasuje do naszego portfolio")
    axe("provider's calls")
    follow(page, f"main a[href$='/calls/{call.pk}/']")
    axe("provider reads the call")
    follow(page, f"main a[href$='/calls/{call.pk}/offer/']")
    axe("offer form")
    type_into(page, "summary", summary)
    type_into(page, "delivery", "Świetlica przy ul. Lipowej, dwie opiekunki, transport.")
    type_into(page, "units", str(units))
    type_into(page, "unit_price", str(unit_price))
    press_submit(page)
    offer = Offer.objects.get(call=call, organisation=organisation)
    axe("offer draft")
    follow(page, f"main a[href$='/offers/{offer.pk}/submit/']")
    axe("submit confirmation")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Oferta została złożona.")
    offer.refresh_from_db()
    assert offer.status == "submitted"
    axe("offer submitted")
    return offer


def late_offer_refused(page, axe, login_as, *, call, organisation) -> None:
    """Another organisation writes a draft; the deadline passes (moved in the database); its
    submission is refused with the message naming the deadline, and it stays a draft."""
    from opencus.accounts.roles import Role
    from opencus.accounts.tests.factories import MembershipFactory
    from opencus.commissioning.models import Call, Offer
    from opencus.commissioning.tests.fixtures import works_with

    late = MembershipFactory(organisation=organisation, centre=None, role=Role.PROVIDER_STAFF).user
    works_with(organisation, call.centre)
    page.context.clear_cookies()
    login_as(late)
    portal = f"/o/{organisation.slug}"
    page.goto(f"{portal}/calls/{call.pk}/offer/")
    type_into(page, "summary", "Opieka w domu, 4 godziny dziennie.")
    type_into(page, "delivery", "Opiekunki z naszego stowarzyszenia.")
    type_into(page, "amount", "9000")
    press_submit(page)
    late_offer = Offer.objects.get(call=call, organisation=organisation)
    passed = timezone.now() - dt.timedelta(minutes=5)
    Call.objects.filter(pk=call.pk).update(
        published_at=passed - dt.timedelta(days=10), offers_deadline=passed
    )
    page.goto(f"{portal}/offers/{late_offer.pk}/submit/")
    press_submit(page)
    shown = timezone.localtime(passed).strftime("%Y-%m-%d %H:%M")
    expect(page.locator("main .messages")).to_contain_text(
        f"Termin składania ofert upłynął {shown}; oferta nie została złożona."
    )
    late_offer.refresh_from_db()
    assert late_offer.status == "draft"
    axe("late offer refused")


def close_and_check(page, axe, *, call, offer) -> None:
    """The OUS (logged in) closes the offers after the deadline and accepts ``offer`` in the
    formal check."""
    page.goto(f"/c/{call.centre.slug}/commissioning/calls/{call.pk}/")
    follow(page, f"main a[href$='/calls/{call.pk}/close/']")
    press_submit(page)
    follow(page, f"main a[href$='/calls/{call.pk}/evaluation/']")
    axe("evaluation")
    follow(page, f"main a[href$='/offers/{offer.pk}/']")
    follow(page, f"main a[href$='/offers/{offer.pk}/check/']")
    axe("formal check")
    choose_radio(page, "result", "accept")
    press_submit(page)


def fill_scores(page, scores) -> None:
    """On the scoring form: ``scores`` as (criterion, points, reason)."""
    for criterion, points, reason in scores:
        type_into(page, f"points_{criterion.pk}", str(points))
        type_into(page, f"reason_{criterion.pk}", reason)


def score(page, axe, *, offer, scores) -> None:
    """From the offer's page: its points and reasons on every criterion, saved."""
    follow(page, f"main a[href$='/offers/{offer.pk}/score/']")
    axe("scoring")
    fill_scores(page, scores)
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Ocena została zapisana.")


def award(page, axe, *, call, offer, reason) -> None:
    """The award page: ``offer`` awarded (the amount it asked) with ``reason``."""
    page.goto(f"/c/{call.centre.slug}/commissioning/calls/{call.pk}/award/")
    axe("award form")
    choose_radio(page, f"decision_{offer.pk}", "award")
    type_into(page, f"reason_{offer.pk}", reason)
    press_submit(page)


def correct_grant_pool(page, axe, *, centre, amount: str, source: str) -> None:
    """From the award page's link: the grant pools, and this year's corrected."""
    year = timezone.localdate().year
    follow(page, f"main a[href$='/c/{centre.slug}/commissioning/grant-pools/']")
    axe("grant pools")
    follow(page, f"main a[href$='/grant-pools/set/?year={year}']")
    axe("grant pool form")
    type_into(page, "amount", amount)
    type_into(page, "source", source)
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text(
        f"Zapisano dotacje planowane na {year} r."
    )


def publish_results(page, axe, *, call) -> None:
    """From the call's page after the award: the results published."""
    follow(page, f"main a[href$='/calls/{call.pk}/results/']")
    press_submit(page)
    expect(page.locator("main .messages")).to_contain_text("Wyniki zostały ogłoszone.")
    expect(page.locator("main .timeline")).to_contain_text("Ogłoszono wyniki.")
    axe("results published")
