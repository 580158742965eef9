"""Reads of the catalogue, shaped for the pages that show them."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from rapidfuzz import fuzz

from opencus.catalogue.models import (
    Location,
    Schedule,
    Service,
    ServiceLocation,
    ServiceStatusChange,
    Term,
    Vocabulary,
)
from opencus.catalogue.search import apply_search, fold
from opencus.core.tenancy import scope_to_centre
from opencus.territory.models import Gmina

DUPLICATE_SIMILARITY = 85


def terms_of(vocabulary: str) -> QuerySet[Term]:
    return Term.objects.filter(vocabulary=vocabulary).order_by("position")


def staff_service_list(
    *, centre, query: str = "", status: str = "", area: str = ""
) -> QuerySet[Service]:
    services = scope_to_centre(Service.objects.select_related("provider"), centre).prefetch_related(
        "areas"
    )
    if status:
        services = services.filter(status=status)
    if area:
        services = services.filter(areas__code=area, areas__vocabulary=Vocabulary.AREA)
    if query:
        services, _words, _matched = apply_search(services, query)
        return services
    return services.order_by("name")


def _with_details(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("provider", "centre", "centre__seat_gmina").prefetch_related(
        "areas",
        "target_groups",
        "needs",
        "funding",
        "documents",
        Prefetch("residents_of", queryset=Gmina.objects.order_by("name")),
        Prefetch(
            "service_locations",
            queryset=ServiceLocation.objects.select_related("location__gmina").prefetch_related(
                Prefetch("schedules", queryset=Schedule.objects.order_by("weekday", "opens_at"))
            ),
        ),
        Prefetch(
            "schedules",
            queryset=Schedule.objects.filter(service_location__isnull=True).order_by(
                "weekday", "opens_at"
            ),
        ),
    )


def get_service(*, centre, service_id) -> Service:
    return get_object_or_404(
        _with_details(scope_to_centre(Service.objects.all(), centre)), pk=service_id
    )


def service_history(*, service) -> QuerySet[ServiceStatusChange]:
    return service.status_changes.select_related("by").order_by("-at", "-id")


def similar_services(*, centre, name: str, exclude_id=None) -> list[Service]:
    """Services of the centre whose names look like ``name`` (a duplicates warning, not a rule)."""
    folded = fold(name)
    candidates = scope_to_centre(Service.objects.only("id", "name", "status"), centre)
    if exclude_id:
        candidates = candidates.exclude(pk=exclude_id)
    return [
        s for s in candidates if fuzz.token_set_ratio(folded, fold(s.name)) >= DUPLICATE_SIMILARITY
    ]


def location_list(*, centre, query: str = "") -> QuerySet[Location]:
    locations = scope_to_centre(Location.objects.select_related("gmina"), centre)
    if query:
        locations = locations.filter(
            Q(name__icontains=query) | Q(street__icontains=query) | Q(city__icontains=query)
        )
    return locations.order_by("name")


def get_location(*, centre, location_id) -> Location:
    return get_object_or_404(
        scope_to_centre(Location.objects.select_related("gmina"), centre), pk=location_id
    )


def get_service_location(*, centre, link_id) -> ServiceLocation:
    return get_object_or_404(
        scope_to_centre(ServiceLocation.objects.select_related("service", "location"), centre),
        pk=link_id,
    )


def get_schedule(*, centre, schedule_id) -> Schedule:
    return get_object_or_404(
        scope_to_centre(Schedule.objects.select_related("service"), centre), pk=schedule_id
    )


def public_services() -> QuerySet[Service]:
    """Published services with what a public page shows (the portal, the API)."""
    return _with_details(Service.objects.published())
