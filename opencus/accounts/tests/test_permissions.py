"""Every URL declares who may use it, and no tenant sees another's objects.

The URL walk fails when a new view forgets its permission, or when a new URL kwarg
appears that this test does not know how to fill from the other tenant.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from opencus.accounts.models import Membership
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

EXCLUDED_NAMESPACES = {"admin"}  # Django admin has its own staff checks


def _walk(patterns, namespace="", kwargs=()):
    for entry in patterns:
        converters = tuple(getattr(entry.pattern, "converters", {}).keys())
        if isinstance(entry, URLResolver):
            if entry.namespace in EXCLUDED_NAMESPACES:
                continue
            ns = ":".join(filter(None, [namespace, entry.namespace]))
            yield from _walk(entry.url_patterns, ns, kwargs + converters)
        elif isinstance(entry, URLPattern):
            yield namespace, entry, kwargs + converters


def all_views():
    return [
        (f"{ns}:{p.name}" if ns else p.name, p.callback, kw)
        for ns, p, kw in _walk(get_resolver().url_patterns)
    ]


@pytest.mark.parametrize(("name", "view", "kwargs"), all_views(), ids=[v[0] for v in all_views()])
def test_every_view_declares_a_permission(name, view, kwargs):
    assert hasattr(view, "permission_required"), f"{name} declares no permission"
    if view.permission_required is None:
        assert getattr(view, "is_public", False), f"{name}: permission None without @public_view"


def _other_tenant_kwargs(world):
    b_membership = Membership.objects.get(user=world.b_kipus, centre=world.b)
    return (
        catalogue_of(world.b)
        | people_of(world.b)
        | cases_of(world.b, world.b_director)
        | equipment_of(world.b)
        # delivered by another provider: world.provider's organisation must not reach it
        | enrolments_of(world.b, provider=world.other_organisation)
        | plans_of(world.b)
        # addressed to another provider: world.provider's organisation must not reach it
        | referrals_of(world.b, organisation=world.other_organisation)
        # a request to centre b: centre a's staff must not reach it
        | partners_of(world.b)
        | calls_of(world.b, organisation=world.other_organisation)
        # with another organisation: world.provider's organisation must not reach it
        | cooperation_of(world.b, organisation=world.other_organisation)
        # with another provider: world.provider's organisation must not reach it
        | contracts_of(world.b, organisation=world.other_organisation)
        | {
            "centre_slug": world.b.slug,
            "organisation_slug": world.other_organisation.slug,
            "network_slug": world.other_network.slug,
            "user_id": world.b_kipus.pk,
            "membership_id": b_membership.pk,
        }
    )


def _context_views():
    return [(n, v, kw) for n, v, kw in all_views() if getattr(v, "context_kind", None)]


# Stable test ids (view names, not function reprs) so that xdist workers agree.
_ids = [n for n, _v, _kw in _context_views()]


@pytest.mark.parametrize(("name", "view", "kwargs"), _context_views(), ids=_ids)
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_tenant_gets_404_on_every_url(world, client, name, view, kwargs, method):
    values = _other_tenant_kwargs(world)
    unknown = set(kwargs) - set(values)
    assert not unknown, f"{name}: teach this test how to fill {unknown} from the other tenant"
    own_context = {
        "centre": ("centre_slug", world.a.slug, world.director),
        "organisation": ("organisation_slug", world.organisation.slug, world.provider),
        "network": ("network_slug", world.network.slug, world.analyst),
    }[view.context_kind]
    context_kwarg, own_slug, user = own_context
    client.force_login(user)

    # 1. Another tenant's context: it does not exist for this user.
    url = reverse(name, kwargs={k: values[k] for k in kwargs})
    assert getattr(client, method)(url).status_code == 404, url

    # 2. Own context, another tenant's object in the URL: not found either.
    object_kwargs = [k for k in kwargs if k != context_kwarg]
    if object_kwargs:
        url = reverse(
            name, kwargs={k: values[k] for k in object_kwargs} | {context_kwarg: own_slug}
        )
        assert getattr(client, method)(url).status_code == 404, url


@pytest.mark.parametrize(("name", "view", "kwargs"), _context_views(), ids=_ids)
def test_anonymous_is_sent_to_login(world, client, name, view, kwargs):
    values = _other_tenant_kwargs(world) | {"centre_slug": world.a.slug}
    response = client.get(reverse(name, kwargs={k: values[k] for k in kwargs}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "view", "kwargs"), _context_views(), ids=_ids)
def test_user_without_any_role_gets_404(world, client, name, view, kwargs):
    values = _other_tenant_kwargs(world) | {
        "centre_slug": world.a.slug,
        "organisation_slug": world.organisation.slug,
        "network_slug": world.network.slug,
    }
    client.force_login(world.nobody)
    assert client.get(reverse(name, kwargs={k: values[k] for k in kwargs})).status_code == 404
