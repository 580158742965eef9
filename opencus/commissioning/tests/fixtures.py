"""Calls, offers and evaluations of a centre, for the app's tests and for the tests that walk
every URL (tenancy, query budget)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from opencus.commissioning import services
from opencus.commissioning.enums import Decision, FormalResult, Mode
from opencus.commissioning.models import Call, GrantPool, Offer
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Partnership
from opencus.providers.tests.factories import OrganisationFactory

CRITERIA = [
    {"name": "Jakość i sposób realizacji", "description": "Opis działań, kadra.", "max_points": 40},
    {"name": "Koszt", "description": "Cena w stosunku do zakresu.", "max_points": 30},
]


def today() -> dt.date:
    return timezone.localdate()


def works_with(organisation, centre, status=PartnershipStatus.VERIFIED) -> Partnership:
    """A partnership of ``organisation`` with ``centre`` (verified unless said otherwise)."""
    partnership = Partnership.objects.filter(organisation=organisation, centre=centre).first()
    if partnership is None:
        decided = None if status == PartnershipStatus.PENDING else timezone.now()
        reason = "Brak danych." if status == PartnershipStatus.REFUSED else ""
        partnership = Partnership.objects.create(
            organisation=organisation,
            centre=centre,
            status=status,
            decided_at=decided,
            refusal_reason=reason,
        )
    return partnership


def call_fields(mode=Mode.SMALL_GRANT, **overrides) -> dict:
    """A valid call of ``mode`` (an art. 19a small grant for respite care by default)."""
    start = today() + dt.timedelta(days=40)
    fields = {
        "title": "Opieka wytchnieniowa dla opiekunów osób z niepełnosprawnościami",
        "mode": mode,
        "task_form": "entrusting" if mode in (Mode.SMALL_GRANT, Mode.OPEN_COMPETITION) else "",
        "procurement_kind": "social_services" if mode == Mode.PROCUREMENT else "",
        "service_type": "respite_care",
        "area": "disability",
        "terms": "Opieka wytchnieniowa w formie pobytu dziennego, 200 godzin.",
        "eligibility": "Organizacje pozarządowe i podmioty z art. 3 ust. 3.",
        "social_clauses": "",
        "budget": Decimal("9000") if mode == Mode.SMALL_GRANT else Decimal("120000"),
        "task_starts_on": start,
        "task_ends_on": start + dt.timedelta(days=59 if mode == Mode.SMALL_GRANT else 364),
        "offers_deadline": timezone.now()
        + dt.timedelta(days=30 if mode == Mode.OPEN_COMPETITION else 10),
    }
    return fields | overrides


def grant_pool(centre, amount=Decimal("1000000"), year=None) -> GrantPool:
    """The grants planned for the year (this one by default): art. 19a awards need one."""
    pool, _created = GrantPool.objects.get_or_create(
        centre=centre, year=year or timezone.localdate().year, defaults={"amount": amount}
    )
    return pool


def draft_call(centre, *, by=None, mode=Mode.SMALL_GRANT, criteria=None, gminas=None, **overrides):
    """A draft call; a small-grant call's centre gets a grant pool for the year, if it has
    none, so that the call can be awarded."""
    if mode == Mode.SMALL_GRANT:
        grant_pool(centre)
    return services.call_create(
        centre=centre,
        by=by,
        gminas=gminas if gminas is not None else [centre.seat_gmina],
        criteria=CRITERIA if criteria is None else criteria,
        **call_fields(mode, **overrides),
    )


def published_call(centre, *, by=None, mode=Mode.SMALL_GRANT, **overrides) -> Call:
    return services.call_publish(call=draft_call(centre, by=by, mode=mode, **overrides), by=by)


def offer_fields(**overrides) -> dict:
    return {
        "summary": "Pobyt dzienny dla 10 osób, opiekunowie mają wolne dwa dni w tygodniu.",
        "delivery": "Świetlica przy ul. Lipowej, dwie opiekunki, transport.",
        "unit": "hour",
        "units": Decimal("200"),
        "unit_price": Decimal("40"),
        "staff": "Dwie opiekunki z kursem opiekuna osoby zależnej.",
        "schedule": "Poniedziałki i czwartki, 8–16.",
    } | overrides


def draft_offer(call, organisation, *, by=None, **overrides) -> Offer:
    works_with(organisation, call.centre)
    return services.offer_save(
        call=call, organisation=organisation, by=by, **offer_fields(**overrides)
    )


def submitted_offer(call, organisation, *, by=None, **overrides) -> Offer:
    return services.offer_submit(offer=draft_offer(call, organisation, by=by, **overrides), by=by)


def pass_deadline(call) -> Call:
    """Move the call's offers deadline (and publication) into the past."""
    now = timezone.now()
    Call.objects.filter(pk=call.pk).update(
        published_at=now - dt.timedelta(days=40), offers_deadline=now - dt.timedelta(minutes=1)
    )
    call.refresh_from_db()
    return call


def end_comment_window(offer) -> Offer:
    past = timezone.now() - dt.timedelta(minutes=1)
    Offer.objects.filter(pk=offer.pk).update(
        comments_from=past - dt.timedelta(days=7), comments_until=past
    )
    offer.refresh_from_db()
    return offer


def in_evaluation(call) -> Call:
    return services.call_close_offers(call=pass_deadline(call), by=None)


def accept_and_score(offer, points=(Decimal("30"), Decimal("20"))) -> Offer:
    offer = services.offer_check(offer=offer, by=None, result=FormalResult.ACCEPT)
    scores = {
        criterion.pk: (p, "Uzasadnienie oceny.")
        for criterion, p in zip(offer.call.criteria.order_by("position"), points, strict=False)
    }
    return services.offer_score(offer=offer, by=None, scores=scores)


def ready_to_award(centre, organisation=None, *, by=None, **offer) -> tuple[Call, Offer]:
    """An art. 19a call in evaluation with one accepted offer of ``organisation`` (a new one
    if None; 8 000 zł unless ``offer`` says otherwise), its comment window over."""
    call = published_call(centre, by=by)
    submitted = submitted_offer(call, organisation or OrganisationFactory(), **offer)
    call = in_evaluation(call)
    return call, end_comment_window(accept_and_score(submitted))


def award_offer(call, offer, *, by=None) -> Call:
    """Award ``offer`` what it asks."""
    return services.call_award(
        call=call,
        by=by,
        decisions={offer.pk: {"decision": Decision.AWARD, "amount": None, "reason": "Najlepsza."}},
    )


def awarded_call(centre, organisation, *, by=None) -> tuple[Call, Offer]:
    """An art. 19a call awarded to ``organisation`` (its comment window over)."""
    call, offer = ready_to_award(centre, organisation, by=by)
    call = award_offer(call, offer, by=by)
    offer.refresh_from_db()
    return call, offer


def calls_of(centre, organisation=None) -> dict:
    """URL kwargs: ``call_id`` (a published call of ``centre``) and ``offer_id`` (the offer
    of ``organisation`` — a new one if None — submitted to it)."""
    organisation = organisation or OrganisationFactory()
    call = published_call(centre)
    offer = submitted_offer(call, organisation)
    return {"call_id": call.pk, "offer_id": offer.pk}


def portfolio_of(organisation, *specialisations, public=False, version=1, final=True):
    """A portfolio of ``organisation`` with specialisations given as dicts: ``kind`` ("ready"
    or "with_support"), ``service_type``, ``area`` and ``experience`` [(value, ends_on)]."""
    from opencus.providers.enums import DocumentStatus
    from opencus.providers.models import Experience, Portfolio, Specialisation

    portfolio = Portfolio.objects.create(
        organisation=organisation,
        version=version,
        status=DocumentStatus.FINAL if final else DocumentStatus.DRAFT,
        finalised_at=timezone.now() if final else None,
        is_public=public,
    )
    for position, spec in enumerate(specialisations):
        spec = dict(spec)
        experience = spec.pop("experience", [])
        kind = spec.pop("kind", "ready")
        specialisation = Specialisation.objects.create(
            portfolio=portfolio,
            kind=kind,
            support_form="" if kind == "ready" else "entrusting",
            recipients="Opiekunowie osób zależnych.",
            position=position,
            **({"service_type": "respite_care", "area": "disability"} | spec),
        )
        for i, (value, ends_on) in enumerate(experience):
            Experience.objects.create(
                specialisation=specialisation,
                kind="commission",
                title=f"Zlecenie {i + 1}",
                funder="Gmina",
                starts_on=ends_on - dt.timedelta(days=90),
                ends_on=ends_on,
                value=value,
            )
    return portfolio
