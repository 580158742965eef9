"""The demo's contracts: signed for services with deliveries, so the monitoring has numbers;
complaints answered and open, surveys, an inspection, the Konwent's contract with its referral."""

import io

import pytest
from django.core.management import call_command

from opencus.catalogue.models import Service
from opencus.contracts import selectors
from opencus.contracts.models import (
    Complaint,
    Contract,
    ContractEvent,
    Inspection,
    ProviderReport,
    SurveyResponse,
)
from opencus.providers.models import Organisation


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
def test_the_demo_organisation_sees_its_contract_and_its_referral(demo):
    konwent = Organisation.objects.get(slug="konwent-cis-kis")
    contract = selectors.organisation_contract_list(organisation=konwent).get()
    assert contract.centre.slug == "janow-lubelski"
    contract = selectors.get_organisation_contract(organisation=konwent, contract_id=contract.pk)
    (referral,) = selectors.contract_referrals(contract)
    assert referral.person.last_name == "Wrona"


@pytest.mark.django_db
def test_rerun_creates_nothing_new(demo):
    models = (Contract, ContractEvent, ProviderReport, Complaint, SurveyResponse, Inspection)
    before = [m.objects.count() for m in models]
    call_command("load_demo", stdout=io.StringIO())
    assert [m.objects.count() for m in models] == before
