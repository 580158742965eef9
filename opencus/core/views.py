from django.shortcuts import render


def csrf_failure(request, reason=""):
    """The CSRF refusal in the app's layout and language, instead of Django's technical page."""
    return render(request, "403_csrf.html", status=403)


def render_list(request, template: str, fragment: str, context: dict):
    """One URL, two answers: the whole page, or (for htmx) just the ``fragment`` partial."""
    name = f"{template}#{fragment}" if request.htmx else template
    return render(request, name, context)
