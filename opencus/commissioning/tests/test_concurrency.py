"""Offers at the deadline, a call closed while offers come in, two awards at once: the row
locks decide, never the timing.

Needs PostgreSQL (real row locks and parallel connections); skipped on SQLite, whose single
writer serialises the requests anyway.
"""

import datetime as dt
import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone, translation

from opencus.commissioning import services
from opencus.commissioning.enums import CallAction, OfferStatus
from opencus.commissioning.models import Call, CallEvent, Offer
from opencus.commissioning.tests.fixtures import (
    award_offer,
    awarded_call,
    draft_offer,
    grant_pool,
    offer_fields,
    published_call,
    ready_to_award,
    works_with,
)
from opencus.providers.tests.factories import OrganisationFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

OFFERORS = 8


def _run(jobs) -> list[str]:
    """Run the callables at once, each in its thread; what each said ("ok" or the message)."""
    start = threading.Barrier(len(jobs))
    outcomes: list[str] = []

    def run(job):
        try:
            start.wait()
            with translation.override("en"):
                job()
            outcomes.append("ok")
        except ValidationError as exc:
            with translation.override("en"):
                outcomes.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _drafts(call, n):
    return [draft_offer(call, OrganisationFactory(name=f"Oferent {i}")) for i in range(n)]


def test_offers_at_the_deadline_are_in_time_or_refused_never_late(world):
    call = published_call(world.a)
    offers = _drafts(call, OFFERORS)
    deadline = timezone.now() + dt.timedelta(seconds=2)
    Call.objects.filter(pk=call.pk).update(offers_deadline=deadline)

    def submit(offer, wait):
        def job():
            time.sleep(wait)
            services.offer_submit(offer=offer, by=None)

        return job

    # half try at once, half after the deadline
    outcomes = _run([submit(o, 0 if i % 2 else 3) for i, o in enumerate(offers)])
    assert len(outcomes) == OFFERORS
    submitted = Offer.objects.filter(call=call, status=OfferStatus.SUBMITTED)
    assert all(o.submitted_at <= deadline for o in submitted)
    refused = [o for o in outcomes if o != "ok"]
    assert len(refused) >= OFFERORS // 2
    shown = timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M")
    assert set(refused) == {
        f"The deadline for offers passed on {shown}; the offer has not been submitted."
    }
    assert Offer.objects.filter(call=call, status=OfferStatus.DRAFT).count() == len(refused)


def test_no_offer_is_submitted_after_the_call_is_cancelled(world):
    call = published_call(world.a)
    offers = _drafts(call, OFFERORS)
    jobs = [lambda o=o: services.offer_submit(offer=o, by=None) for o in offers]
    jobs.insert(
        OFFERORS // 2, lambda: services.call_cancel(call=call, by=world.ous, reason="Błąd.")
    )
    outcomes = _run(jobs)
    assert outcomes.count("ok") >= 1  # the cancellation at least
    cancelled = CallEvent.objects.get(call=call, action=CallAction.CANCELLED)
    submissions = CallEvent.objects.filter(call=call, action=CallAction.OFFER_SUBMITTED)
    assert all(event.at < cancelled.at for event in submissions)
    assert Offer.objects.filter(call=call, status=OfferStatus.SUBMITTED).count() == (
        submissions.count()
    )
    refused = {o for o in outcomes if o != "ok"}
    assert refused <= {"This call does not take offers (it is “cancelled”)."}


def test_two_tabs_of_one_organisation_make_one_offer(world):
    call = published_call(world.a)
    works_with(world.organisation, world.a)
    outcomes = _run(
        [
            lambda: services.offer_save(
                call=call, organisation=world.organisation, by=None, **offer_fields()
            )
            for _i in range(6)
        ]
    )
    assert Offer.objects.filter(call=call, organisation=world.organisation).count() == 1
    assert set(outcomes) <= {"ok", "The organisation has already written an offer for this call."}


def _awards_at_once(world, organisations) -> list[str]:
    """One art. 19a call of centre a ready to award per organisation; the OUS awards them all
    at once. What each award said."""
    ready = [ready_to_award(world.a, organisation) for organisation in organisations]
    return _run([lambda c=c, o=o: award_offer(c, o, by=world.ous) for c, o in ready])


def test_two_small_grants_at_once_keep_the_yearly_limit(world):
    awarded_call(world.a, world.organisation)  # 8 000 zł this year
    outcomes = _awards_at_once(world, [world.organisation, world.organisation])
    assert outcomes.count("ok") == 1
    (refusal,) = [o for o in outcomes if o != "ok"]
    assert "it would exceed 20,000.00 zł a year (art. 19a)" in refusal
    total = sum(
        Offer.objects.filter(
            organisation=world.organisation, status=OfferStatus.AWARDED
        ).values_list("awarded_amount", flat=True),
        Decimal("0"),
    )
    assert total == Decimal("16000")


def test_small_grants_of_two_organisations_at_once_keep_the_pool_share(world):
    """Each award fits the pool's share alone; together they would not. The pool's row lock
    lets one through."""
    grant_pool(world.a, amount=Decimal("60000"))  # 12 000 zł for small grants
    organisations = [OrganisationFactory(name=f"Fundacja {n}") for n in ("Pierwsza", "Druga")]
    outcomes = _awards_at_once(world, organisations)
    assert outcomes.count("ok") == 1
    (refusal,) = [o for o in outcomes if o != "ok"]
    assert "would reach 16,000.00 zł, more than 20% of the 60,000.00 zł" in refusal
    assert services.small_grants_awarded(world.a, timezone.localdate().year) == Decimal("8000")
