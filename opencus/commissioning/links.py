"""Links to pages of apps that may not be there yet (built in parallel, merged later)."""

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse


def url_or_none(name: str, *, query: dict | None = None, **kwargs) -> str | None:
    """The address of the URL ``name`` (with ``?query``), or None when no such URL exists."""
    try:
        url = reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode(query)}" if query else url
