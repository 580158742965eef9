"""Resolving the request's context (centre, organisation or network) and declaring permissions.

Every view declares what it needs: ``@public_view``, ``@login_view(permission)`` or
``@context_view(kind, permission)``. A test walks all URLs and fails on a view that
declares nothing (accounts/tests/test_permissions.py).
"""

from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from opencus.accounts.roles import ContextKind
from opencus.accounts.rules import can
from opencus.accounts.selectors import user_active_memberships
from opencus.providers.models import Organisation
from opencus.territory.models import Centre, Network

ContextObject = Centre | Organisation | Network

SESSION_KEY = "opencus_context"
URL_KWARG: dict[str, str] = {
    ContextKind.CENTRE: "centre_slug",
    ContextKind.ORGANISATION: "organisation_slug",
    ContextKind.NETWORK: "network_slug",
}
HOME_URL: dict[str, str] = {
    ContextKind.CENTRE: "centre:dashboard",
    ContextKind.ORGANISATION: "organisation:dashboard",
    ContextKind.NETWORK: "network:dashboard",
}


@dataclass(frozen=True)
class ActiveContext:
    kind: str
    obj: ContextObject
    roles: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.obj.slug}"

    @property
    def home_url(self) -> str:
        return reverse(HOME_URL[self.kind], kwargs={URL_KWARG[self.kind]: self.obj.slug})

    @property
    def kind_label(self) -> str:
        return str(ContextKind(self.kind).label)


def user_contexts(user) -> list[ActiveContext]:
    """Every context the user may work in, with their roles there, in a stable order."""
    grouped: dict[tuple[str, object], list[str]] = {}
    objects: dict[tuple[str, object], ContextObject] = {}
    for membership in user_active_memberships(user):
        key = (membership.context_kind, membership.context.pk)
        grouped.setdefault(key, []).append(membership.role)
        objects[key] = membership.context
    return [
        ActiveContext(kind=kind, obj=objects[(kind, pk)], roles=tuple(sorted(roles)))
        for (kind, pk), roles in grouped.items()
    ]


def resolve_context(user, kind: str, slug: str) -> ActiveContext:
    for context in user_contexts(user):
        if context.kind == kind and context.obj.slug == slug:
            return context
    # Not "forbidden": a context the user does not belong to does not exist for them.
    raise Http404


def last_context(request) -> ActiveContext | None:
    contexts = user_contexts(request.user)
    remembered = request.session.get(SESSION_KEY)
    for context in contexts:
        if context.key == remembered:
            return context
    return contexts[0] if contexts else None


def context_view(kind: str, permission: str):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            context = resolve_context(request.user, kind, kwargs.pop(URL_KWARG[kind]))
            if not can(request.user, permission, context.obj):
                raise PermissionDenied
            request.opencus_context = context
            if request.session.get(SESSION_KEY) != context.key:
                request.session[SESSION_KEY] = context.key
            return view(request, context.obj, *args, **kwargs)

        return _declare(wrapper, permission_required=permission, context_kind=kind)

    return decorator


def centre_view(permission: str):
    return context_view(ContextKind.CENTRE, permission)


def organisation_view(permission: str):
    return context_view(ContextKind.ORGANISATION, permission)


def network_view(permission: str):
    return context_view(ContextKind.NETWORK, permission)


def login_view(permission: str):
    """A view for any signed-in user who holds ``permission`` (checked without a context)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return _declare(wrapper, permission_required=permission)

    return decorator


def public_view(view):
    """Mark a view as open to everyone, on purpose."""
    return _declare(view, permission_required=None, is_public=True)


def _declare(view: Any, **declarations) -> Any:
    """Attach what a view requires to the view itself, where the URL walk test reads it."""
    for name, value in declarations.items():
        setattr(view, name, value)
    return view
