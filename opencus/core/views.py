from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def csrf_failure(request, reason=""):
    """The CSRF refusal in the app's layout and language, instead of Django's technical page."""
    return render(request, "403_csrf.html", status=403)


def render_list(request, template: str, fragment: str, context: dict):
    """One URL, two answers: the whole page, or (for an htmx swap) just the ``fragment`` partial.

    htmx restoring history (back button after a swap) needs the whole page, and caches must
    keep the two answers apart (Vary: HX-Request).
    """
    fragment_only = request.htmx and not request.htmx.history_restore_request
    response = render(request, f"{template}#{fragment}" if fragment_only else template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
