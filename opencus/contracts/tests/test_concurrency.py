"""Done at the same moment, decided by row locks: contract numbers, signing two contracts
that bind the same service for the same time, and preparing the contract of one offer twice."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from opencus.contracts import services
from opencus.contracts.enums import ContractStatus
from opencus.contracts.models import Contract
from opencus.contracts.tests.conftest import days
from opencus.contracts.tests.fixtures import draft_contract, verified_partner
from opencus.providers.tests.factories import OrganisationFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


@pytest.fixture
def terms():
    """A transactional test that ran before this one flushed the reference terms, which a
    data migration made: put them back (the catalogue's service needs them)."""
    from opencus.catalogue.models import Term
    from opencus.catalogue.terms import sync_terms

    sync_terms(Term)


@pytest.fixture
def meals(terms, meals):
    return meals


def _at_once(work, count: int) -> list[str]:
    start = threading.Barrier(count)
    outcomes: list[str] = []

    def run(n):
        try:
            start.wait()
            work(n)
            outcomes.append("done")
        except ValidationError as exc:
            outcomes.append("refused: " + " ".join(exc.messages))
        except Exception as exc:  # an IntegrityError or a deadlock is the failure shown below
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_drafts_made_at_once_get_different_numbers(world, partner):
    def create(n):
        services.contract_create(
            centre=world.a,
            by=world.ous,
            organisation=world.organisation,
            title=f"Umowa {n}",
            kind="procurement",
            starts_on=days(0),
            ends_on=days(30),
        )

    assert _at_once(create, 4) == ["done"] * 4
    numbers = sorted(Contract.objects.values_list("sequence", flat=True))
    assert numbers == [1, 2, 3, 4]


def test_two_overlapping_contracts_signed_at_once_give_one(world, partner, meals):
    other = OrganisationFactory(name="Spółdzielnia Smak")
    verified_partner(world.a, other)
    drafts = [
        draft_contract(world.a, organisation, lines=[(meals, 100, 25)])
        for organisation in (world.organisation, other)
    ]

    def sign(n):
        services.contract_sign(
            contract=drafts[n], by=world.director, signed_on=timezone.localdate()
        )

    outcomes = _at_once(sign, 2)
    assert sorted(o.split(":")[0] for o in outcomes) == ["done", "refused"], outcomes
    assert Contract.objects.filter(status=ContractStatus.SIGNED).count() == 1


def test_two_people_preparing_the_contract_of_one_offer_at_once_make_one(world, terms):
    from opencus.commissioning.tests.fixtures import awarded_call

    call, offer = awarded_call(world.a, world.organisation)

    def create(n):
        services.contract_create(
            centre=world.a,
            by=world.ous if n else world.director,
            organisation=world.organisation,
            title=call.title,
            kind="entrusting",
            starts_on=call.task_starts_on,
            ends_on=call.task_ends_on,
            offer=offer,
        )

    outcomes = _at_once(create, 3)
    assert sorted(o.split(":")[0] for o in outcomes) == ["done", "refused", "refused"], outcomes
    assert Contract.objects.filter(offer=offer).count() == 1
