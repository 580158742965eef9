"""Every page costs a bounded number of SQL queries, whoever opens it."""

import pytest
from django.urls import reverse

from opencus.accounts.tests.test_permissions import all_views
from opencus.core.tests.tenant_objects import own_tenant, tenant_url_kwargs

RESIDENT_PAGES_FOR_ANYONE = {"residents:home", "residents:sign_up", "residents:apply"}
BUDGET = 25  # per page; list pages also have size-independence tests next to their app


def _page_urls(world):
    # every app's objects of centre a (core/tests/tenant_objects.py), and the public pages'
    values = tenant_url_kwargs(own_tenant(world)) | {
        "slug": world.a.slug,
        "code": world.a.seat_gmina.code,
    }
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
