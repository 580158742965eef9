import pytest
from django.db import IntegrityError, transaction

from opencus.accounts.models import Membership
from opencus.accounts.roles import PERMISSIONS, ROLE_CONTEXT, ROLE_DESCRIPTIONS, Role
from opencus.accounts.tests.factories import MembershipFactory, UserFactory
from opencus.providers.tests.factories import OrganisationFactory
from opencus.territory.tests.factories import CentreFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_every_role_has_a_context_and_a_description():
    assert set(ROLE_CONTEXT) == set(Role.values) == set(ROLE_DESCRIPTIONS)


def test_every_permission_is_held_by_some_role():
    assert all(PERMISSIONS.values())


def test_a_centre_role_needs_a_centre():
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=UserFactory(), role=Role.KIPUS, organisation=OrganisationFactory()
        )


def test_a_membership_has_one_context_only():
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=UserFactory(),
            role=Role.ANALYST,
            network=NetworkFactory(),
            organisation=OrganisationFactory(),
        )


def test_an_active_role_is_held_once_per_centre():
    membership = MembershipFactory(role=Role.OUS)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=membership.user, centre=membership.centre, role=Role.OUS)


def test_an_ended_role_can_be_held_again():
    membership = MembershipFactory(role=Role.OUS)
    membership.ended_on = membership.started_on
    membership.save()
    Membership.objects.create(user=membership.user, centre=membership.centre, role=Role.OUS)


def test_a_role_cannot_end_before_it_starts():
    membership = MembershipFactory()
    membership.ended_on = membership.started_on.replace(year=membership.started_on.year - 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


def test_emails_are_unique_whatever_the_case():
    UserFactory(email="anna@opencus.example")
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(email="ANNA@opencus.example")


def test_permission_predicates_follow_roles():
    centre, other = CentreFactory(), CentreFactory()
    kipus = MembershipFactory(centre=centre, role=Role.KIPUS).user
    director = MembershipFactory(centre=centre, role=Role.DIRECTOR).user
    assert kipus.has_perm("centre.view_staff", centre)
    assert not kipus.has_perm("centre.manage_staff", centre)
    assert director.has_perm("centre.manage_staff", centre)
    assert not director.has_perm("centre.manage_staff", other)
    assert not director.has_perm("centre.manage_staff", None)
