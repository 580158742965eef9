"""Every page costs a bounded number of SQL queries, whoever opens it."""

import pytest
from django.urls import reverse

from opencus.accounts.models import Membership
from opencus.accounts.tests.test_permissions import all_views
from opencus.cases.tests.fixtures import cases_of
from opencus.catalogue.tests.fixtures import catalogue_of
from opencus.commissioning.tests.fixtures import calls_of
from opencus.contracts.tests.fixtures import contracts_of
from opencus.cooperation.tests.fixtures import cooperation_of
from opencus.enrolments.tests.fixtures import enrolments_of
from opencus.equipment.tests.fixtures import equipment_of
from opencus.people.tests.fixtures import people_of
from opencus.plans.tests.fixtures import plans_of
from opencus.providers.tests.fixtures import partners_of
from opencus.referrals.tests.fixtures import referrals_of

RESIDENT_PAGES_FOR_ANYONE = {"residents:home", "residents:sign_up", "residents:apply"}
BUDGET = 25  # per page; list pages also have size-independence tests next to their app


def _page_urls(world):
    membership = Membership.objects.get(user=world.osl, centre=world.a)
    values = (
        catalogue_of(world.a)
        | people_of(world.a)
        | cases_of(world.a, world.director)
        | equipment_of(world.a)
        | enrolments_of(world.a, provider=world.organisation)
        | plans_of(world.a)
        | referrals_of(world.a, organisation=world.organisation)
        | partners_of(world.a, organisation=world.organisation)
        | cooperation_of(world.a, organisation=world.organisation)
        | calls_of(world.a, organisation=world.organisation)
        | contracts_of(world.a, organisation=world.organisation)
        | {
            "centre_slug": world.a.slug,
            "organisation_slug": world.organisation.slug,
            "network_slug": world.network.slug,
            "user_id": world.osl.pk,
            "membership_id": membership.pk,
            "slug": world.a.slug,
            "code": world.a.seat_gmina.code,
        }
    )
    users = {"centre": world.director, "organisation": world.provider, "network": world.analyst}
    for name, view, kwargs in all_views():
        if (
            name.endswith("_csv")
            or name in {"accounts:logout", "set_language"}
            or "password_reset_confirm" in name
            # a resident's own documents: residents/tests/test_my_matters.py budgets them
            or (name.startswith("residents:") and name not in RESIDENT_PAGES_FOR_ANYONE)
            or name == "contracts:survey_answer"  # a resident's own: contracts/tests budget it
        ):
            continue
        if name == "territory:voivodeship_detail":
            values_here = {**values, "code": world.a.seat_gmina.code[:2]}
        else:
            values_here = values
        user = users.get(getattr(view, "context_kind", None), world.director)
        yield name, reverse(name, kwargs={k: values_here[k] for k in kwargs}), user


@pytest.mark.django_db
def test_every_page_stays_within_the_query_budget(world, client, django_assert_max_num_queries):
    for name, url, user in _page_urls(world):
        client.force_login(user)
        with django_assert_max_num_queries(BUDGET, info=name):
            response = client.get(url)
        assert response.status_code in (200, 302), (name, url, response.status_code)
