"""The demo's contracts: signed for services with deliveries, so the monitoring has numbers;
complaints answered and open, surveys, an inspection, the Konwent's contracts with their
referrals, one made from its award in the meals competition; and issue 5's "Must show"
walked with the demo logins (sharing the package's one ``load_demo``)."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from opencus.accounts.models import User
from opencus.catalogue.models import Service
from opencus.commissioning.models import Call
from opencus.contracts import selectors
from opencus.contracts.models import (
    Complaint,
    Contract,
    ContractEvent,
    Inspection,
    ProviderReport,
    SurveyResponse,
)
from opencus.demo.commissioning_loader import MEALS, RESPITE
from opencus.enrolments.models import Delivery
from opencus.providers.models import AttributesCard, Organisation, Partnership, Portfolio
from opencus.territory.models import Centre


@pytest.mark.django_db
def test_the_signed_demo_contracts_show_deliveries(demo):
    signed = Contract.objects.filter(status="signed", is_demo=True)
    assert set(signed.values_list("centre__slug", flat=True)) == {"swiebodzin", "janow-lubelski"}
    for contract in signed:
        monitoring = selectors.contract_monitoring(
            selectors.get_contract(centre=contract.centre, contract_id=contract.pk)
        )
        assert monitoring.has_deliveries, contract
        assert monitoring.total.spent > 0
        line = contract.lines.get()
        assert Service.objects.get(pk=line.service_id).provider == contract.organisation
    assert Contract.objects.filter(status="draft", organisation__slug="konwent-cis-kis").exists()


@pytest.mark.django_db
def test_the_demo_has_quality_records(demo):
    complaints = Complaint.objects.filter(is_demo=True)
    assert set(complaints.values_list("status", flat=True)) == {"closed", "handling"}
    assert SurveyResponse.objects.filter(is_demo=True).count() >= 2
    assert Inspection.objects.filter(is_demo=True).count() == 1
    reports = ProviderReport.objects.filter(contract__is_demo=True)
    assert reports.filter(status="accepted").exists()
    assert reports.filter(status="submitted").exists()


@pytest.mark.django_db
def test_the_demo_organisation_sees_its_contracts_and_their_referrals(demo):
    konwent = Organisation.objects.get(slug="konwent-cis-kis")
    contracts = selectors.organisation_contract_list(organisation=konwent)
    assert sorted(c.centre.slug for c in contracts) == ["janow-lubelski", "swiebodzin"]
    referred = {}
    for found in contracts:
        contract = selectors.get_organisation_contract(organisation=konwent, contract_id=found.pk)
        referred[contract.centre.slug] = [
            r.person.last_name for r in selectors.contract_referrals(contract)
        ]
    assert referred == {"janow-lubelski": ["Wrona"], "swiebodzin": ["Wójcik"]}


@pytest.mark.django_db
def test_a_contract_comes_from_the_award_of_the_meals_competition(demo):
    """Signed after the award for the amount awarded (less than asked), its meals granted
    after the signing and delivered by the Konwent: the monitoring has real numbers."""
    contract = Contract.objects.get(centre__slug="swiebodzin", offer__isnull=False)
    offer = contract.offer
    assert (offer.call.title, offer.organisation.slug, offer.status) == (
        MEALS,
        "konwent-cis-kis",
        "awarded",
    )
    assert offer.awarded_amount == contract.total_value == Decimal("180000.00")
    assert offer.amount > offer.awarded_amount
    assert (contract.kind, contract.status) == ("entrusting", "signed")
    assert offer.decided_at.date() < contract.signed_on <= contract.starts_on
    monitoring = selectors.contract_monitoring(
        selectors.get_contract(centre=contract.centre, contract_id=contract.pk)
    )
    [line] = monitoring.lines
    assert line.total.contracted == 10000
    assert line.total.granted > line.total.delivered > 0
    deliveries = Delivery.objects.filter(enrolment__service=line.line.service)
    assert deliveries.exists()
    assert not deliveries.filter(delivered_on__lt=contract.signed_on).exists()
    assert set(deliveries.values_list("by__email", flat=True)) == {PROVIDER}


# --- issue 5's "Must show", walked with the demo logins ---------------------------------------

OUS = "ous.swiebodzin@opencus.example"
PROVIDER = "lider.konwent@opencus.example"


def _as(client, email):
    client.force_login(User.objects.get(email=email))
    return client


@pytest.mark.django_db
def test_the_ous_finds_a_partner_for_respite_care_in_swiebodzin(demo, client):
    centre = Centre.objects.get(slug="swiebodzin")
    response = _as(client, OUS).get(
        reverse("centre:partner_search", args=[centre.slug]),
        {"service_type": "respite_care", "gmina": centre.seat_gmina.pk},
    )
    assert response.status_code == 200
    found = list(response.context["page"].object_list)
    assert len(found) >= 3
    assert all(o.reasons for o in found)
    assert "konwent-cis-kis" in [o.slug for o in found]


@pytest.mark.django_db
def test_the_ous_walks_calls_offers_contracts_monitoring_and_the_scorecard(demo, client):
    client = _as(client, OUS)
    slug = "swiebodzin"
    calls = client.get(reverse("centre:call_list", args=[slug]))
    titles = {c.title for c in calls.context["page"].object_list}
    assert {RESPITE, MEALS} <= titles
    respite = Call.objects.get(centre__slug=slug, title=RESPITE)
    evaluation = client.get(reverse("centre:call_evaluation", args=[slug, respite.pk]))
    assert evaluation.status_code == 200 and len(evaluation.context["offers"]) == 2
    contract = Contract.objects.get(centre__slug=slug, offer__isnull=False)
    meals = contract.offer.call
    call_page = client.get(reverse("centre:call_detail", args=[slug, meals.pk]))
    assertContains(call_page, reverse("centre:contract_detail", args=[slug, contract.pk]))
    assertNotContains(call_page, "?offer=")  # its contract is made
    listed = client.get(reverse("centre:contract_list", args=[slug]))
    assert contract in listed.context["page"].object_list
    detail = client.get(reverse("centre:contract_detail", args=[slug, contract.pk]))
    assertContains(detail, reverse("centre:call_detail", args=[slug, meals.pk]))
    monitoring = client.get(reverse("centre:contract_monitoring", args=[slug, contract.pk]))
    assert monitoring.context["monitoring"].has_deliveries
    partnership = Partnership.objects.get(centre__slug=slug, organisation=contract.organisation)
    card = client.get(reverse("centre:partner_scorecard", args=[slug, partnership.pk]))
    assert contract in card.context["card"].contracts


@pytest.mark.django_db
def test_the_konwent_walks_its_documents_calls_offers_contracts_and_referrals(demo, client):
    client = _as(client, PROVIDER)
    konwent = Organisation.objects.get(slug="konwent-cis-kis")

    def page(name, **kwargs):
        response = client.get(
            reverse(f"organisation:{name}", args=[konwent.slug, *kwargs.values()])
        )
        assert response.status_code == 200, name
        return response

    card = AttributesCard.objects.get(organisation=konwent, status="final")
    portfolio = Portfolio.objects.filter(organisation=konwent, status="final").latest("version")
    page("card")
    page("portfolio")
    for name, pk in (("card_pdf", card.pk), ("portfolio_pdf", portfolio.pk)):
        pdf = page(name, pk=pk)
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert {c.title for c in page("call_list").context["page"].object_list} >= {RESPITE, MEALS}
    offers = page("offer_list").context["page"].object_list
    awarded = next(o for o in offers if o.status == "awarded")
    contract = Contract.objects.get(offer=awarded)
    assertContains(
        page("offer_detail", pk=awarded.pk),
        reverse("organisation:contract_detail", args=[konwent.slug, contract.pk]),
    )
    assert contract in page("contract_list").context["page"].object_list
    detail = page("contract_detail", pk=contract.pk)
    assert [r.person.last_name for r in detail.context["referrals"]] == ["Wójcik"]


@pytest.mark.django_db
def test_the_indicators_count_what_the_demo_holds(demo, client):
    centre = Centre.objects.get(slug="swiebodzin")
    response = _as(client, OUS).get(reverse("centre:cooperation_indicators", args=[centre.slug]))
    numbers = {}
    for component in response.context["components"]:
        for row in component["rows"]:
            numbers.setdefault(row.indicator.key, []).append(row.value)
    partners = Partnership.objects.filter(centre=centre, status="verified")
    with_card = (
        partners.filter(organisation__attribute_cards__status="final")
        .values("organisation")
        .distinct()
    )
    assert numbers["attribute_cards"] == [with_card.count()] and with_card.exists()
    carried_out = Contract.objects.filter(
        centre=centre, status__in=["signed", "settled", "closed"]
    )  # all with PES in the demo: the Konwent (a foundation) and a social cooperative
    assert numbers["tasks_contracts"][0] == carried_out.count() == 2
    assert 1 in numbers["tasks_contracts"][1:]  # the meals, from the call


@pytest.mark.django_db
def test_rerun_creates_nothing_new(demo):
    models = (Contract, ContractEvent, ProviderReport, Complaint, SurveyResponse, Inspection)
    before = [m.objects.count() for m in models]
    call_command("load_demo", stdout=io.StringIO())
    assert [m.objects.count() for m in models] == before
