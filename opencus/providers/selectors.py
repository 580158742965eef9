"""Reads about organisations and partnerships. A centre reaches an organisation only through
its own partnership with it, so another centre's records are a 404."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from opencus.core.tenancy import scope_to_centre
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import (
    CooperationLeader,
    Organisation,
    OrganisationArea,
    OrganisationNetwork,
    Partnership,
)
from opencus.providers.services import OPEN_CENTRE_STATUSES
from opencus.territory.models import Centre, Gmina


def _current_leaders() -> Prefetch:
    return Prefetch(
        "organisation__leaders",
        queryset=CooperationLeader.objects.filter(ended_on__isnull=True),
        to_attr="current_leaders",
    )


def partner_list(
    *,
    centre,
    query: str = "",
    status: str = "",
    legal_form: str = "",
    area: str = "",
    social_enterprise: str = "",
) -> QuerySet[Partnership]:
    """The centre's partnerships, with what the list shows, filtered."""
    partnerships = scope_to_centre(
        Partnership.objects.select_related("organisation__seat_gmina").prefetch_related(
            Prefetch("organisation__areas", queryset=OrganisationArea.objects.order_by("area")),
            _current_leaders(),
        ),
        centre,
    )
    if status:
        partnerships = partnerships.filter(status=status)
    if legal_form:
        partnerships = partnerships.filter(organisation__legal_form=legal_form)
    if area:
        partnerships = partnerships.filter(
            organisation__in=OrganisationArea.objects.filter(area=area).values("organisation")
        )
    if social_enterprise == "yes":
        partnerships = partnerships.filter(organisation__is_social_enterprise=True)
    elif social_enterprise == "no":
        partnerships = partnerships.filter(organisation__is_social_enterprise=False)
    for word in query.split()[:4]:
        digits = word.replace("-", "")
        partnerships = partnerships.filter(
            Q(organisation__name__icontains=word)
            | Q(organisation__city__icontains=word)
            | Q(organisation__nip=digits)
            | Q(organisation__regon=digits)
            | Q(organisation__krs=digits)
        )
    return partnerships.order_by("organisation__name", "pk")


def pending_partnerships(*, centre, query: str = "") -> QuerySet[Partnership]:
    """The verification queue: the oldest request first."""
    return (
        partner_list(centre=centre, query=query, status=PartnershipStatus.PENDING)
        .select_related("registrant")
        .order_by("requested_at", "pk")
    )


def pending_count(*, centre) -> int:
    return (
        scope_to_centre(Partnership.objects.all(), centre)
        .filter(status=PartnershipStatus.PENDING)
        .count()
    )


def get_partnership(*, centre, partnership_id) -> Partnership:
    """One of the centre's partnerships with the whole organisation profile; else a 404."""
    return get_object_or_404(
        scope_to_centre(Partnership.objects.all(), centre)
        .select_related(
            "organisation__seat_gmina__powiat", "registrant", "requested_by", "decided_by"
        )
        .prefetch_related(
            "organisation__areas",
            "organisation__networks",
            Prefetch(
                "organisation__operating_gminas",
                queryset=Gmina.objects.order_by("name"),
            ),
        ),
        pk=partnership_id,
    )


def leader_history(*, organisation) -> list[CooperationLeader]:
    """Every leader the organisation has named, the current one first."""
    return list(
        CooperationLeader.objects.filter(organisation=organisation)
        .select_related("appointed_by")
        .order_by("ended_on", "-appointed_on", "-created_at")
    )


def current_leader(*, organisation) -> CooperationLeader | None:
    return CooperationLeader.objects.filter(
        organisation=organisation, ended_on__isnull=True
    ).first()


def organisation_profile(*, organisation_id) -> Organisation:
    return (
        Organisation.objects.select_related("seat_gmina__powiat")
        .prefetch_related("areas", "networks", "operating_gminas")
        .get(pk=organisation_id)
    )


def organisation_partnerships(*, organisation) -> list[Partnership]:
    """The centres the organisation works with or has asked to, for its own profile page."""
    return list(
        Partnership.objects.filter(organisation=organisation)
        .select_related("centre")
        .order_by("centre__name")
    )


def registrations_of(*, user) -> list[Partnership]:
    """What a person has asked of centres for organisations they registered."""
    return list(
        Partnership.objects.filter(registrant=user)
        .select_related("centre", "organisation")
        .order_by("-requested_at")
    )


def centres_open_to_partners() -> QuerySet[Centre]:
    return Centre.objects.filter(status__in=OPEN_CENTRE_STATUSES).order_by("name")


def networks() -> QuerySet[OrganisationNetwork]:
    return OrganisationNetwork.objects.order_by("name")
