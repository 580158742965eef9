from django.shortcuts import render


def csrf_failure(request, reason=""):
    """The CSRF refusal in the app's layout and language, instead of Django's technical page."""
    return render(request, "403_csrf.html", status=403)
