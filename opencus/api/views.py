"""The read-only Open Referral HSDS 3.0 API (/hsds/): open data, no login.

Views parse the query, call ``opencus.catalogue.hsds`` and return its dicts as UTF-8 JSON
with ``Access-Control-Allow-Origin: *``. Bad input is a JSON 400 naming the parameter, an
unknown id a JSON 404; only GET and HEAD are allowed.
"""

import hashlib
import json
import uuid
from functools import wraps

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt

from opencus.accounts.context import public_view
from opencus.catalogue import hsds
from opencus.catalogue.cache import get_or_set as cached

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
TRUE, FALSE = frozenset({"true", "1", "yes"}), frozenset({"false", "0", "no", ""})

MSG_NOT_AN_INTEGER = "{name} must be a whole number"
MSG_TOO_SMALL = "{name} must be at least {minimum}"
MSG_TOO_LARGE = "{name} can be at most {maximum}"
MSG_NOT_A_BOOLEAN = "{name} must be true or false"
MSG_NOT_A_UUID = "{name} must be a UUID"
MSG_NOT_A_DATETIME = "{name} must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z"
MSG_FORMAT = "format {value} is not supported: only json"
MSG_PROXIMITY = "proximity is not supported: filter by postcode"
MSG_POSTCODE = "postcode must be a Polish postal code, 00-000"
MSG_NOT_FOUND = "no published {kind} with id {id}"
MSG_METHOD = "the HSDS API is read-only: use GET"


class BadParameter(Exception):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter, self.message = parameter, message


def _json(data, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def _error(status: int, error: str, message: str, **extra) -> HttpResponse:
    return _json({"error": error, "message": message, **extra}, status=status)


def hsds_view(kind: str | None = None):
    """A public JSON endpoint; ``kind`` names what its ``id`` (if any) is, for a 404."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                response = _error(405, "method_not_allowed", MSG_METHOD)
                response["Allow"] = "GET, HEAD"
            else:

                def answer() -> tuple[int, str]:
                    try:
                        response = _json(view(request, *args, **kwargs))
                    except BadParameter as error:
                        response = _error(
                            400, "bad_request", error.message, parameter=error.parameter
                        )
                    except hsds.HsdsNotFound as error:
                        message = MSG_NOT_FOUND.format(kind=kind, id=error.args[0])
                        response = _error(404, "not_found", message)
                    return response.status_code, response.content.decode("utf-8")

                # Open data is read far more than it changes: one answer per catalogue version.
                key = hashlib.sha256(
                    f"hsds:{get_language()}:{request.get_full_path()}".encode()
                ).hexdigest()
                status, body = cached(key, answer)
                response = HttpResponse(
                    body, status=status, content_type="application/json; charset=utf-8"
                )
            response["Access-Control-Allow-Origin"] = "*"
            return response

        return public_view(csrf_exempt(wrapper))

    return decorator


# --- parameters ---------------------------------------------------------------------------


def _integer(request, name: str, *, default: int, minimum: int, maximum: int | None = None):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if not raw.lstrip("-").isdigit():
        raise BadParameter(name, MSG_NOT_AN_INTEGER.format(name=name))
    value = int(raw)
    if value < minimum:
        raise BadParameter(name, MSG_TOO_SMALL.format(name=name, minimum=minimum))
    if maximum is not None and value > maximum:
        raise BadParameter(name, MSG_TOO_LARGE.format(name=name, maximum=maximum))
    return value


def _boolean(request, name: str) -> bool:
    raw = request.GET.get(name, "").strip().lower()
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise BadParameter(name, MSG_NOT_A_BOOLEAN.format(name=name))


def _uuid(raw: str | None, name: str) -> uuid.UUID | None:
    if raw is None or not raw.strip():
        return None
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        raise BadParameter(name, MSG_NOT_A_UUID.format(name=name)) from None


def _query_uuid(request, name: str) -> uuid.UUID | None:
    return _uuid(request.GET.get(name), name)


def _datetime(request, name: str):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    # An unencoded "+01:00" arrives as " 01:00".
    if " " in raw and raw[-6:-5] == " ":
        raw = raw[:-6] + "+" + raw[-5:]
    try:
        return hsds.parse_timestamp(raw)
    except ValueError:
        raise BadParameter(name, MSG_NOT_A_DATETIME.format(name=name)) from None


def _paging(request) -> dict:
    fmt = request.GET.get("format", "").strip().lower()
    if fmt not in ("", "json"):
        raise BadParameter("format", MSG_FORMAT.format(value=fmt))
    return {
        "page": _integer(request, "page", default=1, minimum=1),
        "per_page": _integer(
            request, "per_page", default=DEFAULT_PER_PAGE, minimum=1, maximum=MAX_PER_PAGE
        ),
    }


def _service_filters(request) -> dict:
    return {
        "search": request.GET.get("search", ""),
        "taxonomy_term_id": _query_uuid(request, "taxonomy_term_id"),
        "taxonomy_id": _query_uuid(request, "taxonomy_id"),
        "organization_id": _query_uuid(request, "organization_id"),
        "modified_after": _datetime(request, "modified_after"),
    }


def _postcode(request) -> str:
    raw = request.GET.get("postcode", "").strip()
    if not raw:
        return ""
    digits = raw.replace("-", "").replace(" ", "")
    if len(digits) != 5 or not digits.isdigit():
        raise BadParameter("postcode", MSG_POSTCODE)
    return f"{digits[:2]}-{digits[2:]}"


# --- endpoints ----------------------------------------------------------------------------


@hsds_view()
def root(request):
    return hsds.api_root(openapi_url=request.build_absolute_uri(reverse("hsds:openapi")))


@hsds_view()
def openapi(request):
    return hsds.openapi_document(server_url=request.build_absolute_uri(reverse("hsds:root")))


@hsds_view("service")
def services(request, id=None):
    if id is not None:
        return hsds.service_detail(_uuid(id, "id"))
    return hsds.service_page(
        **_paging(request),
        **_service_filters(request),
        minimal=_boolean(request, "minimal"),
        full=_boolean(request, "full"),
    )


@hsds_view("organization")
def organizations(request, id=None):
    full_service = _boolean(request, "full_service")
    if id is not None:
        return hsds.organization_detail(_uuid(id, "id"), full_service=full_service)
    return hsds.organization_page(
        **_paging(request),
        search=request.GET.get("search", ""),
        full=_boolean(request, "full"),
        full_service=full_service,
    )


@hsds_view("service at location")
def service_at_locations(request, id=None):
    if id is not None:
        return hsds.service_location_detail(_uuid(id, "id"))
    if request.GET.get("proximity", "").strip():
        raise BadParameter("proximity", MSG_PROXIMITY)
    return hsds.service_location_page(
        **_paging(request),
        **_service_filters(request),
        full=_boolean(request, "full"),
        postcode=_postcode(request),
    )


@hsds_view("taxonomy")
def taxonomies(request, id=None):
    if id is not None:
        return hsds.taxonomy_detail(_uuid(id, "id"))
    return hsds.taxonomy_page(**_paging(request), search=request.GET.get("search", ""))


@hsds_view("taxonomy term")
def taxonomy_terms(request, id=None):
    if id is not None:
        return hsds.taxonomy_term_detail(_uuid(id, "id"))
    return hsds.taxonomy_term_page(
        **_paging(request),
        search=request.GET.get("search", ""),
        taxonomy_id=_query_uuid(request, "taxonomy_id"),
        parent_id=_query_uuid(request, "parent_id"),
        top_only=_boolean(request, "top_only"),
    )
