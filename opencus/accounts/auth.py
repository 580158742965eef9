def axes_username(request, credentials) -> str | None:
    """The login name as axes counts failures: case-folded, so ``ANNA@x`` and ``anna@x`` share a count."""
    value = (credentials or {}).get("username") or request.POST.get("username")
    return value.strip().lower() if value else None
