"""The demo's services given: delivered over the last two months, one seen by the demo provider."""

import io

import pytest
from django.core.management import call_command

from opencus.demo.enrolments_loader import ENROLMENTS
from opencus.enrolments import selectors
from opencus.enrolments.models import Delivery, Enrolment, EnrolmentStatusChange
from opencus.providers.models import Organisation


@pytest.mark.django_db
def test_every_demo_enrolment_is_granted(demo):
    # each listed one is there: loaded, or already granted through a demo application
    for listed in ENROLMENTS:
        assert Enrolment.objects.filter(
            person__last_name=listed.person[0],
            person__first_name=listed.person[1],
            service__name=listed.service,
        ).exists(), listed
    # granted through the demo applications (cases_loader) and Halina's plan (plans_loader)
    assert Enrolment.objects.filter(requested__isnull=False).count() == 3
    assert set(Enrolment.objects.values_list("status", flat=True)) == {
        "active",
        "suspended",
        "ended",
        "planned",
    }
    assert Enrolment.objects.filter(exemption="full").exists()
    assert Enrolment.objects.filter(exemption="partial").exists()


@pytest.mark.django_db
def test_deliveries_cover_the_last_two_months_with_a_missed_visit(demo):
    dates = Delivery.objects.values_list("delivered_on", flat=True)
    assert (max(dates) - min(dates)).days >= 55
    assert Delivery.objects.filter(status="missed").count() >= 1


@pytest.mark.django_db
def test_the_demo_provider_login_sees_its_enrolments(demo):
    konwent = Organisation.objects.get(slug="konwent-cis-kis")
    enrolments = selectors.provider_enrolment_list(organisation=konwent)
    # advocacy in Janów Lubelski, and the meals it delivers under the contract from its award
    # in Świebodzin (contracts_loader)
    assert sorted(e.person.last_name for e in enrolments) == ["Kowalska", "Wrona", "Wójcik"]
    for enrolment in enrolments:
        assert enrolment.deliveries.filter(by__email="lider.konwent@opencus.example").exists()


@pytest.mark.django_db
def test_rerun_creates_nothing_new(demo):
    models = (Enrolment, Delivery, EnrolmentStatusChange)
    before = [m.objects.count() for m in models]
    call_command("load_demo", stdout=io.StringIO())
    assert [m.objects.count() for m in models] == before
