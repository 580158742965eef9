"""Reads of applications, always within one centre (another centre's ids are a 404)."""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from opencus.cases.enums import WaitlistStatus
from opencus.cases.models import (
    Appeal,
    Application,
    CompletionRequest,
    Decision,
    RequestedService,
    ServiceLimit,
    SubCase,
    WaitlistEntry,
)
from opencus.catalogue.enums import AccessMode, ServiceStatus
from opencus.catalogue.models import Service
from opencus.core.text import fold


def application_list(
    *,
    centre,
    query: str = "",
    status: str = "",
    channel: str = "",
    service=None,
    coordinator=None,
) -> QuerySet[Application]:
    applications = Application.objects.filter(centre=centre).select_related("person", "coordinator")
    if query:
        words = query.split()
        for word in words:
            applications = applications.filter(
                Q(case_number__icontains=word)
                | Q(person__search_name__contains=fold(word))
                | Q(declared_last_name__icontains=word)
                | Q(declared_first_name__icontains=word)
            )
    if status:
        applications = applications.filter(status=status)
    if channel:
        applications = applications.filter(channel=channel)
    if service is not None:
        applications = applications.filter(requested__service=service)
    if coordinator is not None:
        applications = applications.filter(coordinator=coordinator)
    return applications.prefetch_related(
        Prefetch("requested", queryset=RequestedService.objects.select_related("service"))
    ).order_by("-submitted_at", "id")


def register_candidates(*, application) -> QuerySet:
    """Records that may be the person an online application names: the same PESEL, a last
    name starting with the declared one, or the same first name and birth date."""
    from opencus.people.models import Person

    match = Q(last_name__istartswith=application.declared_last_name.strip() or "\0")
    if application.declared_pesel:
        match |= Q(pesel=application.declared_pesel)
    if application.declared_birth_date:
        match |= Q(
            birth_date=application.declared_birth_date,
            first_name__iexact=application.declared_first_name.strip(),
        )
    return (
        Person.objects.current()
        .filter(match, centre=application.centre_id)
        .order_by("last_name", "first_name")
    )


def applicable_services(centre) -> QuerySet[Service]:
    """The centre's published services that are given on application or within an IPUS."""
    return Service.objects.filter(
        centre=centre,
        status=ServiceStatus.PUBLISHED,
        access_mode__in=[AccessMode.APPLICATION, AccessMode.IPUS_ONLY],
    ).order_by("name")


def _queue_position():
    """Position in the queue as a subquery: entries of the same limit queued earlier, plus one."""
    ahead = (
        WaitlistEntry.objects.filter(
            limit=OuterRef("limit"),
            status=WaitlistStatus.QUEUED,
            queued_at__lt=OuterRef("queued_at"),
        )
        .order_by()
        .values("limit")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ahead), 0)


def get_application(*, centre, application_id) -> Application:
    entries = WaitlistEntry.objects.select_related("limit").annotate(ahead=_queue_position())
    requested = RequestedService.objects.select_related(
        "service", "service__provider", "decision", "decision__appeal"
    ).prefetch_related(Prefetch("waitlist_entry", queryset=entries))
    return get_object_or_404(
        Application.objects.select_related(
            "person", "submitter", "coordinator", "received_by", "registered_by", "account"
        ).prefetch_related(
            Prefetch("requested", queryset=requested),
            "events__by",
            "completion_requests",
            "assessments__findings",
            "assessments__recommended",
            "assessments__assessor",
            "subcases__services__service",
            "plans",
        ),
        centre=centre,
        pk=application_id,
    )


def get_requested(*, centre, requested_id) -> RequestedService:
    return get_object_or_404(
        RequestedService.objects.select_related("application", "application__person", "service"),
        application__centre=centre,
        pk=requested_id,
    )


def get_completion_request(*, centre, request_id) -> CompletionRequest:
    return get_object_or_404(
        CompletionRequest.objects.select_related("application"),
        application__centre=centre,
        pk=request_id,
    )


def get_subcase(*, centre, subcase_id) -> SubCase:
    return get_object_or_404(
        SubCase.objects.select_related("application", "application__person"),
        application__centre=centre,
        pk=subcase_id,
    )


def get_decision(*, centre, decision_id) -> Decision:
    return get_object_or_404(
        Decision.objects.select_related(
            "requested",
            "requested__service",
            "requested__application",
            "requested__application__person",
            "requested__application__centre",
            "issued_by",
        ),
        requested__application__centre=centre,
        pk=decision_id,
    )


def get_appeal(*, centre, appeal_id) -> Appeal:
    return get_object_or_404(
        Appeal.objects.select_related("decision", "decision__requested__application"),
        decision__requested__application__centre=centre,
        pk=appeal_id,
    )


def limit_list(*, centre) -> QuerySet[ServiceLimit]:
    return (
        ServiceLimit.objects.filter(service__centre=centre)
        .select_related("service")
        .annotate(
            waiting=Count("entries", filter=Q(entries__status=WaitlistStatus.QUEUED)),
            offered=Count("entries", filter=Q(entries__status=WaitlistStatus.OFFERED)),
        )
        .order_by("service__name", "-starts_on")
    )


def get_limit(*, centre, limit_id) -> ServiceLimit:
    return get_object_or_404(
        ServiceLimit.objects.select_related("service"), service__centre=centre, pk=limit_id
    )


def waitlist(limit: ServiceLimit) -> QuerySet[WaitlistEntry]:
    """Who waits or has an offer, in the order of their applications."""
    return (
        limit.entries.filter(status__in=[WaitlistStatus.QUEUED, WaitlistStatus.OFFERED])
        .select_related("requested__application__person")
        .order_by("queued_at", "id")
    )


def get_entry(*, centre, entry_id) -> WaitlistEntry:
    return get_object_or_404(
        WaitlistEntry.objects.select_related(
            "limit", "limit__service", "requested", "requested__application__person"
        ),
        limit__service__centre=centre,
        pk=entry_id,
    )
