"""Every URL declares who may use it, and no tenant sees another's objects.

The URL walk fails when a new view forgets its permission, or when a new URL kwarg
appears that this test does not know how to fill from the other tenant: an app fills its
kwargs with one entry in ``TENANT_OBJECTS`` (``opencus/core/tests/tenant_objects.py``).

The world and the other tenant's objects are built once per module (per xdist worker) and
every URL case reads them in its own savepoint: building them for each of the hundreds of
cases was most of the suite's time.
"""

from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from opencus.core.tests.tenant_objects import other_tenant, tenant_url_kwargs

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


@pytest.fixture(scope="module")
def walk(shared_world, django_db_blocker):
    """The module's ``world`` and the other tenant's URL kwargs, built once for the module's
    URL cases (inside ``shared_world``'s transaction, rolled back after the last one)."""
    with django_db_blocker.unblock():
        values = tenant_url_kwargs(other_tenant(shared_world.world))
    return SimpleNamespace(world=shared_world.world, values=values)


def _context_views():
    return [(n, v, kw) for n, v, kw in all_views() if getattr(v, "context_kind", None)]


# Stable test ids (view names, not function reprs) so that xdist workers agree.
_ids = [n for n, _v, _kw in _context_views()]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "view", "kwargs"), _context_views(), ids=_ids)
@pytest.mark.parametrize("method", ["get", "post"])
def test_other_tenant_gets_404_on_every_url(walk, client, name, view, kwargs, method):
    world, values = walk.world, walk.values
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


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "view", "kwargs"), _context_views(), ids=_ids)
def test_anonymous_is_sent_to_login(walk, client, name, view, kwargs):
    values = walk.values | {"centre_slug": walk.world.a.slug}
    response = client.get(reverse(name, kwargs={k: values[k] for k in kwargs}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "view", "kwargs"), _context_views(), ids=_ids)
def test_user_without_any_role_gets_404(walk, client, name, view, kwargs):
    world = walk.world
    values = walk.values | {
        "centre_slug": world.a.slug,
        "organisation_slug": world.organisation.slug,
        "network_slug": world.network.slug,
    }
    client.force_login(world.nobody)
    assert client.get(reverse(name, kwargs={k: values[k] for k in kwargs})).status_code == 404
