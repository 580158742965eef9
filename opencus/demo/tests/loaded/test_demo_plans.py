"""The demo's individual plans (Świebodzin): one in force, one draft close to its deadline."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from opencus.cases.enums import Outcome
from opencus.plans.enums import PlanStatus
from opencus.plans.models import IndividualPlan


@pytest.mark.django_db
def test_an_active_plan_with_goals_services_support_and_monitoring(demo):
    plan = IndividualPlan.objects.get(person__first_name="Halina", is_demo=True)
    assert plan.status == PlanStatus.ACTIVE and plan.version == 1
    assert plan.centre.slug == "swiebodzin"
    assert plan.coordinator.email == "kipus.swiebodzin@opencus.example"
    assert plan.approved_by.email == "dyrektor.swiebodzin@opencus.example"
    assert plan.goals.count() == 2 and plan.support.count() == 3
    assert plan.contacts.count() == 1
    granted = plan.items.filter(requested__outcome=Outcome.GRANTED)
    assert granted.count() == 1  # the catalogue service was qualified on approval
    assert plan.items.filter(service__isnull=True).count() == 2


@pytest.mark.django_db
def test_a_draft_near_its_30_day_deadline(demo):
    plan = IndividualPlan.objects.get(person__first_name="Stanisław", is_demo=True)
    assert plan.status == PlanStatus.DRAFT
    assert 0 < (plan.deadline - timezone.localdate()).days <= 5


@pytest.mark.django_db
def test_rerun_adds_no_plan(demo):
    before = IndividualPlan.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert IndividualPlan.objects.count() == before == 2
