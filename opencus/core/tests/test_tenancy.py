import pytest
from django.core import checks
from django.db import models
from django.test.utils import isolate_apps

from opencus.accounts.models import Membership, User
from opencus.core.checks import tenant_models_declare_centre_lookup
from opencus.core.tenancy import scope_to_centre

pytestmark = pytest.mark.django_db


def test_scope_to_centre_keeps_only_the_tenants_rows(world):
    assert set(
        scope_to_centre(Membership.objects.all(), world.a).values_list("centre", flat=True)
    ) == {world.a.pk}
    staff = scope_to_centre(User.objects.all(), world.a)
    assert world.director in staff
    assert world.b_director not in staff
    assert staff.count() == len(set(staff))  # no duplicate rows through memberships


def test_scope_to_centre_refuses_a_model_without_a_lookup(world):
    from opencus.territory.models import Gmina

    with pytest.raises(TypeError):
        scope_to_centre(Gmina.objects.all(), world.a)


def test_the_project_passes_its_tenancy_check():
    assert tenant_models_declare_centre_lookup() == []


@isolate_apps("opencus.core")
def test_the_check_flags_a_model_pointing_at_a_centre_without_lookup():
    class Leaky(models.Model):
        centre = models.ForeignKey("territory.Centre", on_delete=models.CASCADE)

    Leaky.__module__ = "opencus.core.tests.fake"
    errors = tenant_models_declare_centre_lookup(models=[Leaky])
    assert [e.id for e in errors] == ["opencus.E001"]
    assert isinstance(errors[0], checks.Error)
