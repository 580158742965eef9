"""Reads of workshops, pilots and contributions. The centre reads through itself, the
organisation through its own records: another centre's or organisation's id is a 404."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from opencus.cooperation.enums import ResponseFilter
from opencus.cooperation.models import (
    Contribution,
    Pilot,
    PilotEvent,
    PilotMember,
    Workshop,
    WorkshopParticipant,
)
from opencus.core.tenancy import scope_to_centre
from opencus.core.text import fold
from opencus.providers.enums import DocumentStatus, PartnershipStatus
from opencus.providers.models import (
    AttributesCard,
    CooperationLeader,
    Organisation,
    Partnership,
    PortfolioSubmission,
)


def _search(queryset: QuerySet, query: str, prefix: str = "") -> QuerySet:
    for word in query.split()[:4]:
        queryset = queryset.filter(**{f"{prefix}organisation__search_name__contains": fold(word)})
    return queryset


# --- workshops ---------------------------------------------------------------------------


def _workshops() -> QuerySet[Workshop]:
    return Workshop.objects.select_related("organisation", "centre").annotate(
        n_participants=Count("participants", distinct=True)
    )


def workshop_list(*, centre, query: str = "", status: str = "") -> QuerySet[Workshop]:
    """The centre's workshops, the latest first, with their organisation and participants."""
    workshops = scope_to_centre(_workshops(), centre).select_related("pilot")
    if status:
        workshops = workshops.filter(status=status)
    return _search(workshops, query).order_by("-held_on", "-created_at", "pk")


def organisation_workshops(*, organisation) -> QuerySet[Workshop]:
    return (
        _workshops()
        .filter(organisation=organisation)
        .select_related("pilot")
        .order_by("-held_on", "-created_at", "pk")
    )


def _workshop_detail(queryset: QuerySet[Workshop]) -> QuerySet[Workshop]:
    return queryset.select_related(
        "organisation",
        "centre",
        "portfolio_submission__portfolio",
        "created_by",
        "outcomes_recorded_by",
        "cancelled_by",
        "confirmed_by",
    ).prefetch_related(
        Prefetch("participants", queryset=WorkshopParticipant.objects.order_by("side", "name"))
    )


def get_workshop(*, centre, workshop_id) -> Workshop:
    return get_object_or_404(
        _workshop_detail(scope_to_centre(Workshop.objects.all(), centre)), pk=workshop_id
    )


def get_organisation_workshop(*, organisation, workshop_id) -> Workshop:
    return get_object_or_404(
        _workshop_detail(Workshop.objects.filter(organisation=organisation)), pk=workshop_id
    )


def get_participant(*, workshop: Workshop, participant_id) -> WorkshopParticipant:
    return get_object_or_404(
        WorkshopParticipant.objects.filter(workshop=workshop), pk=participant_id
    )


def workshop_pilot(workshop: Workshop) -> Pilot | None:
    """The pilot started from the workshop, if any (select_related("pilot") made it free)."""
    try:
        return workshop.pilot
    except Pilot.DoesNotExist:
        return None


def partner_organisations(*, centre) -> QuerySet[Organisation]:
    """Organisations the centre may hold a workshop with: its verified partners."""
    return Organisation.objects.filter(
        partnerships__centre=centre, partnerships__status=PartnershipStatus.VERIFIED
    ).order_by("name")


def portfolio_submissions(*, centre) -> QuerySet[PortfolioSubmission]:
    """Final portfolios sent to the centre, to choose the one presented at a workshop."""
    return (
        scope_to_centre(PortfolioSubmission.objects.all(), centre)
        .filter(portfolio__status=DocumentStatus.FINAL)
        .select_related("portfolio__organisation")
        .order_by("portfolio__organisation__name", "-portfolio__version")
    )


# --- pilots ------------------------------------------------------------------------------


def _pilots() -> QuerySet[Pilot]:
    return Pilot.objects.select_related("organisation", "centre", "workshop").annotate(
        n_contributions=Count("contributions", distinct=True),
        n_waiting=Count("contributions", filter=Q(contributions__response=""), distinct=True),
    )


def pilot_list(*, centre, query: str = "", status: str = "") -> QuerySet[Pilot]:
    pilots = scope_to_centre(_pilots(), centre)
    if status:
        pilots = pilots.filter(status=status)
    return _search(pilots, query).order_by("-starts_on", "-created_at", "pk")


def organisation_pilots(*, organisation) -> QuerySet[Pilot]:
    return _pilots().filter(organisation=organisation).order_by("-starts_on", "-created_at", "pk")


def _pilot_detail(queryset: QuerySet[Pilot]) -> QuerySet[Pilot]:
    return queryset.select_related(
        "organisation", "centre", "workshop", "created_by"
    ).prefetch_related(
        Prefetch("members", queryset=PilotMember.objects.order_by("side", "name")),
        Prefetch("events", queryset=PilotEvent.objects.select_related("by").order_by("at")),
        Prefetch(
            "contributions",
            queryset=Contribution.objects.select_related("submitted_by", "responded_by").order_by(
                "-dated_on", "-submitted_at"
            ),
        ),
    )


def get_pilot(*, centre, pilot_id) -> Pilot:
    return get_object_or_404(
        _pilot_detail(scope_to_centre(Pilot.objects.all(), centre)), pk=pilot_id
    )


def get_organisation_pilot(*, organisation, pilot_id) -> Pilot:
    return get_object_or_404(
        _pilot_detail(Pilot.objects.filter(organisation=organisation)), pk=pilot_id
    )


def get_member(*, pilot: Pilot, member_id) -> PilotMember:
    return get_object_or_404(PilotMember.objects.filter(pilot=pilot), pk=member_id)


def get_contribution(*, centre, contribution_id) -> Contribution:
    return get_object_or_404(
        scope_to_centre(Contribution.objects.all(), centre).select_related(
            "pilot__organisation", "submitted_by", "responded_by"
        ),
        pk=contribution_id,
    )


def contribution_list(
    *, centre, query: str = "", kind: str = "", response: str = ""
) -> QuerySet[Contribution]:
    """Everything the partner organisations have done for the centre in pilots."""
    contributions = scope_to_centre(
        Contribution.objects.select_related("pilot__organisation", "responded_by"), centre
    )
    if kind:
        contributions = contributions.filter(kind=kind)
    if response == ResponseFilter.WAITING:
        contributions = contributions.filter(response="")
    elif response:
        contributions = contributions.filter(response=response)
    return _search(contributions, query, prefix="pilot__").order_by(
        "-dated_on", "-submitted_at", "pk"
    )


def partner_readiness(*, centre) -> QuerySet[Partnership]:
    """The centre's verified partners, and which of component 2's documents each has: the
    list behind the numbers of attribute cards, leaders and portfolios."""
    organisation = OuterRef("organisation")
    return (
        scope_to_centre(Partnership.objects.select_related("organisation"), centre)
        .filter(status=PartnershipStatus.VERIFIED)
        .annotate(
            has_card=Exists(
                AttributesCard.objects.filter(
                    organisation=organisation, status=DocumentStatus.FINAL
                )
            ),
            has_leader=Exists(
                CooperationLeader.objects.filter(organisation=organisation, ended_on__isnull=True)
            ),
            has_portfolio=Exists(
                PortfolioSubmission.objects.filter(
                    centre=centre,
                    portfolio__organisation=organisation,
                    portfolio__status=DocumentStatus.FINAL,
                )
            ),
        )
        .order_by("organisation__name", "pk")
    )
