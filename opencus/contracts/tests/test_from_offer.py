"""A contract made from an awarded offer of a commissioning procedure: the form it starts
with, the rules of the one contract per offer, the amount awarded as the ceiling, and the
procedure shown on both sides."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.commissioning import services as commissioning
from opencus.commissioning.enums import Decision, Mode
from opencus.commissioning.tests.fixtures import (
    accept_and_score,
    awarded_call,
    end_comment_window,
    in_evaluation,
    published_call,
    submitted_offer,
)
from opencus.contracts import services
from opencus.contracts.enums import ContractKind, ContractStatus, kind_for_call
from opencus.contracts.models import Contract
from opencus.contracts.tests.fixtures import verified_partner
from opencus.providers.tests.factories import OrganisationFactory

ENGLISH = {"Accept-Language": "en"}


def url(world, name, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": world.a.slug, **kwargs})


def messages(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.messages)


@pytest.fixture
def awarded(world):
    """Centre a's art. 19a call for respite care awarded to world.organisation: 8000 zł."""
    _call, offer = awarded_call(world.a, world.organisation, by=world.ous)
    return offer


def award(call, organisation, **offer_fields):
    """``organisation``'s offer to the published ``call``, accepted, scored and awarded."""
    offer = submitted_offer(call, organisation, **offer_fields)
    in_evaluation(call)
    offer = end_comment_window(accept_and_score(offer))
    commissioning.call_award(
        call=call,
        by=None,
        decisions={offer.pk: {"decision": Decision.AWARD, "amount": None, "reason": "Jedyna."}},
    )
    offer.refresh_from_db()
    return offer


def from_offer(world, offer, **overrides):
    call = offer.call
    data = {
        "centre": world.a,
        "by": world.ous,
        "organisation": offer.organisation,
        "title": call.title,
        "kind": kind_for_call(call.mode, call.task_form),
        "starts_on": call.task_starts_on,
        "ends_on": call.task_ends_on,
        "offer": offer,
    }
    return services.contract_create(**(data | overrides))


# --- the kind a procedure leads to -------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "task_form", "kind"),
    [
        (Mode.OPEN_COMPETITION, "entrusting", ContractKind.GRANT_ENTRUSTING),
        (Mode.OPEN_COMPETITION, "supporting", ContractKind.GRANT_SUPPORTING),
        (Mode.SMALL_GRANT, "entrusting", ContractKind.GRANT_ENTRUSTING),
        (Mode.SMALL_GRANT, "supporting", ContractKind.GRANT_SUPPORTING),
        (Mode.PROCUREMENT, "", ContractKind.PROCUREMENT),
        (Mode.IN_HOUSE, "", ContractKind.IN_HOUSE),
    ],
)
def test_the_kind_of_contract_follows_the_procedure(mode, task_form, kind):
    assert kind_for_call(mode, task_form) == kind


# --- the form it starts with -------------------------------------------------------------------


@pytest.mark.django_db
def test_prepare_the_contract_starts_from_the_award(world, client_for, awarded):
    call = awarded.call
    response = client_for(world.ous).get(
        url(world, "contract_create"), {"offer": awarded.pk}, headers=ENGLISH
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form["organisation"].value() == world.organisation.pk
    assert form["title"].value() == call.title
    assert form["kind"].value() == ContractKind.GRANT_ENTRUSTING
    assert (form["starts_on"].value(), form["ends_on"].value()) == (
        call.task_starts_on,
        call.task_ends_on,
    )
    assert form.fields["organisation"].disabled and form.fields["kind"].disabled
    assertContains(response, "8000.00 zł")  # the amount awarded, not what the offer asked
    assertContains(response, call.number)
    assertContains(response, reverse("centre:call_detail", args=[world.a.slug, call.pk]))


@pytest.mark.django_db
def test_the_form_takes_the_awarded_amount_and_the_own_contribution_of_a_supporting_grant(
    world, client_for
):
    call = published_call(
        world.a, mode=Mode.OPEN_COMPETITION, task_form="supporting", title="Asystencja osobista"
    )
    offer = submitted_offer(call, world.organisation, own_contribution=Decimal("1200"))
    in_evaluation(call)
    offer = accept_and_score(offer)
    commissioning.call_award(
        call=call,
        by=None,
        decisions={
            offer.pk: {"decision": Decision.AWARD, "amount": Decimal("7000"), "reason": "Ok."}
        },
    )
    response = client_for(world.ous).get(
        url(world, "contract_create"), {"offer": offer.pk}, headers=ENGLISH
    )
    form = response.context["form"]
    assert form["kind"].value() == ContractKind.GRANT_SUPPORTING
    assert form["own_contribution"].value() == Decimal("1200.00")
    assertContains(response, "7000.00 zł")
    assertNotContains(response, "8000.00 zł")  # what the offer asked (200 × 40)


@pytest.mark.django_db
def test_saving_makes_the_draft_from_the_offer_whatever_is_posted_for_the_fixed_fields(
    world, client_for, awarded
):
    other = OrganisationFactory()
    verified_partner(world.a, other)
    response = client_for(world.ous).post(
        url(world, "contract_create") + f"?offer={awarded.pk}",
        {
            "organisation": other.pk,  # disabled fields: the offer's values stand
            "kind": "procurement",
            "title": "Opieka wytchnieniowa – umowa",
            "starts_on": awarded.call.task_starts_on.isoformat(),
            "ends_on": awarded.call.task_ends_on.isoformat(),
        },
    )
    contract = Contract.objects.get()
    assertRedirects(response, url(world, "contract_detail", contract_id=contract.pk))
    assert (contract.offer, contract.organisation, contract.kind) == (
        awarded,
        world.organisation,
        ContractKind.GRANT_ENTRUSTING,
    )


@pytest.mark.django_db
def test_an_offer_not_of_the_centre_or_not_awarded_is_not_found(world, client_for, awarded):
    client = client_for(world.ous)
    _foreign_call, foreign = awarded_call(world.b, world.organisation)
    not_awarded = submitted_offer(published_call(world.a), world.organisation)
    for value in (foreign.pk, not_awarded.pk, "nie-uuid", "0b7d2f1c-3a4e-4f5a-9b6c-7d8e9f0a1b2c"):
        response = client.get(url(world, "contract_create"), {"offer": value})
        assert response.status_code == 404, value
        response = client.post(url(world, "contract_create") + f"?offer={value}", {})
        assert response.status_code == 404, value
    assert not Contract.objects.exists()


@pytest.mark.django_db
def test_an_offer_whose_contract_is_made_leads_to_it(world, client_for, awarded):
    contract = from_offer(world, awarded)
    response = client_for(world.ous).get(
        url(world, "contract_create"), {"offer": awarded.pk}, headers=ENGLISH
    )
    assertRedirects(
        response,
        url(world, "contract_detail", contract_id=contract.pk),
        fetch_redirect_response=False,
    )
    response = client_for(world.ous).get(response.url, headers=ENGLISH)
    assertContains(response, f"Contract {contract.number} has already been made from this offer.")


# --- the rules of the service ------------------------------------------------------------------


@pytest.mark.django_db
def test_one_contract_per_offer(world, awarded):
    first = from_offer(world, awarded)
    with pytest.raises(ValidationError) as exc:
        from_offer(world, awarded, title="Drugi raz")
    assert f"Contract {first.number} has already been made from the offer" in messages(exc)
    # a terminated draft still holds the offer: one contract per offer, ever
    services.contract_terminate(
        contract=first, by=world.ous, reason="Pomyłka.", terminated_on=timezone.localdate()
    )
    with pytest.raises(ValidationError):
        from_offer(world, awarded, title="Trzeci raz")
    assert Contract.objects.count() == 1


@pytest.mark.django_db
def test_the_database_keeps_one_contract_per_offer(world, awarded, partner):
    from_offer(world, awarded)
    other = services.contract_create(
        centre=world.a,
        by=None,
        organisation=world.organisation,
        title="Bez naboru",
        kind="entrusting",
        starts_on=awarded.call.task_starts_on,
        ends_on=awarded.call.task_ends_on,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Contract.objects.filter(pk=other.pk).update(offer=awarded)


@pytest.mark.django_db
def test_the_contract_is_with_the_offers_organisation_in_the_procedures_kind(world, awarded):
    other = OrganisationFactory(name="Fundacja Obok")
    verified_partner(world.a, other)
    with pytest.raises(ValidationError) as exc:
        from_offer(world, awarded, organisation=other, kind="procurement")
    errors = exc.value.message_dict
    assert errors["organisation"] == [
        f"Call {awarded.call.number} was awarded to {world.organisation.name}: the contract is "
        "with that organisation."
    ]
    assert errors["kind"][0].startswith(f"Call {awarded.call.number} was small grant")
    assert errors["kind"][0].endswith(
        "the contract is “grant agreement: powierzenie (public benefit act)”."
    )
    contract = from_offer(world, awarded)
    with pytest.raises(ValidationError) as exc:
        services.contract_update(contract=contract, by=world.ous, organisation=other)
    assert "organisation" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.contract_update(contract=contract, by=world.ous, kind="supporting")
    assert "kind" in exc.value.message_dict
    contract = services.contract_update(contract=contract, by=world.ous, title="Nowy tytuł")
    assert contract.title == "Nowy tytuł" and contract.offer == awarded


@pytest.mark.django_db
def test_an_offer_of_another_centre_or_not_awarded_is_refused(world, awarded):
    _call, foreign = awarded_call(world.b, world.organisation)
    with pytest.raises(ValidationError) as exc:
        from_offer(world, foreign)
    assert messages(exc) == str(services.MSG_OFFER_OTHER_CENTRE)
    not_awarded = submitted_offer(published_call(world.a), world.organisation)
    with pytest.raises(ValidationError) as exc:
        from_offer(world, not_awarded)
    assert "is not awarded: a contract is made from an awarded offer" in messages(exc)
    assert not Contract.objects.exists()


@pytest.mark.django_db
def test_signing_refuses_more_than_the_amount_awarded(world, awarded, meals):
    contract = from_offer(world, awarded, starts_on=timezone.localdate())
    line = services.contract_line_add(
        contract=contract, by=world.ous, service=meals, units=Decimal(201), unit_price=Decimal(40)
    )
    with pytest.raises(ValidationError) as exc:
        services.contract_sign(contract=contract, by=world.director, signed_on=timezone.localdate())
    assert messages(exc) == (
        f"The services add up to 8040.00 zł, more than the 8000.00 zł awarded in call "
        f"{awarded.call.number}: lower the units or the prices."
    )
    services.contract_line_update(
        line=line, by=world.ous, units=Decimal(200), unit_price=Decimal(40)
    )
    contract = services.contract_sign(
        contract=contract, by=world.director, signed_on=timezone.localdate()
    )
    assert contract.status == ContractStatus.SIGNED


# --- the procedure on both sides ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_contract_shows_the_procedure_it_came_from(world, client_for, awarded, meals):
    contract = from_offer(world, awarded, starts_on=timezone.localdate())
    services.contract_line_add(
        contract=contract, by=world.ous, service=meals, units=Decimal(100), unit_price=Decimal(40)
    )
    call = awarded.call
    response = client_for(world.kipus).get(
        url(world, "contract_detail", contract_id=contract.pk), headers=ENGLISH
    )
    assertContains(response, f"call {call.number}</a>")
    assertContains(response, reverse("centre:call_detail", args=[world.a.slug, call.pk]))
    assertContains(response, call.procedure_label)
    assertContains(response, "the services add up to 4000.00 zł")  # a draft below the award
    services.contract_sign(contract=contract, by=world.director, signed_on=timezone.localdate())
    response = client_for(world.provider).get(
        reverse(
            "organisation:contract_detail",
            kwargs={"organisation_slug": world.organisation.slug, "contract_id": contract.pk},
        ),
        headers=ENGLISH,
    )
    assertContains(
        response,
        reverse(
            "organisation:offer_detail",
            kwargs={"organisation_slug": world.organisation.slug, "offer_id": awarded.pk},
        ),
    )
    assertContains(response, call.procedure_label)


@pytest.mark.django_db
def test_a_contract_without_a_procedure_says_none(world, client_for, partner):
    contract = services.contract_create(
        centre=world.a,
        by=world.ous,
        organisation=world.organisation,
        title="Bez naboru",
        kind="partnership",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + dt.timedelta(days=30),
    )
    response = client_for(world.ous).get(
        url(world, "contract_detail", contract_id=contract.pk), headers=ENGLISH
    )
    assertNotContains(response, "Amount awarded")
