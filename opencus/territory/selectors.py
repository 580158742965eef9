"""Reads of territory data, shaped for the pages that show them."""

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from opencus.core.tenancy import scope_to_centre
from opencus.territory.enums import CentreStatus
from opencus.territory.models import (
    Boundary,
    Centre,
    CentreStatusChange,
    Gmina,
    InterMunicipalAgreement,
    Powiat,
    Voivodeship,
)


def voivodeship_list() -> QuerySet[Voivodeship]:
    return Voivodeship.objects.annotate(
        n_powiats=Count("powiats", distinct=True),
        n_gminas=Count("powiats__gminas", distinct=True),
        n_centres=Count(
            "powiats__gminas__seated_centres",
            filter=Q(powiats__gminas__seated_centres__status=CentreStatus.OPERATING),
            distinct=True,
        ),
    ).order_by("code")


def gmina_list(
    *, query: str = "", voivodeship: str = "", powiat: str = "", kind: str = ""
) -> QuerySet[Gmina]:
    gminas = Gmina.objects.select_related("powiat", "powiat__voivodeship")
    if voivodeship:
        gminas = gminas.filter(code__startswith=voivodeship)
    if powiat:
        gminas = gminas.filter(powiat_id=powiat)
    if kind:
        gminas = gminas.filter(kind=kind)
    if query:
        query = query.strip()
        gminas = gminas.filter(Q(name__icontains=query) | Q(code__startswith=query))
    return gminas.order_by("name", "code")


def powiats_of(voivodeship: Voivodeship) -> QuerySet[Powiat]:
    return voivodeship.powiats.annotate(n_gminas=Count("gminas")).order_by("name")


def boundary_of(code: str) -> dict | None:
    return Boundary.objects.filter(code=code).values_list("geometry", flat=True).first()


def centres_serving(gmina: Gmina) -> QuerySet[Centre]:
    return gmina.centres.order_by("name")


def public_centre_list(
    *, query: str = "", voivodeship: str = "", status: str = ""
) -> QuerySet[Centre]:
    centres = Centre.objects.select_related(
        "seat_gmina", "seat_gmina__powiat__voivodeship"
    ).annotate(n_gminas=Count("gminas", distinct=True))
    if voivodeship:
        centres = centres.filter(seat_gmina__code__startswith=voivodeship)
    if status:
        centres = centres.filter(status=status)
    if query:
        centres = centres.filter(
            Q(name__icontains=query)
            | Q(seat_gmina__name__icontains=query)
            | Q(city__icontains=query)
        )
    return centres.order_by("name")


def centres_with_territory() -> QuerySet[Centre]:
    """Centres with their seat and the gminas they serve loaded for a centre page."""
    return Centre.objects.select_related("seat_gmina__powiat__voivodeship").prefetch_related(
        Prefetch("gminas", queryset=Gmina.objects.select_related("powiat").order_by("name"))
    )


def centre_with_territory(centre_id) -> Centre:
    return centres_with_territory().get(pk=centre_id)


def centre_status_history(*, centre) -> QuerySet[CentreStatusChange]:
    return scope_to_centre(CentreStatusChange.objects.all(), centre).order_by(
        "effective_on", "recorded_at"
    )


def centre_agreements(*, centre) -> QuerySet[InterMunicipalAgreement]:
    """Agreements the centre delivers, or that bind a gmina it serves."""
    gmina_ids = centre.gminas.values("code")
    return (
        InterMunicipalAgreement.objects.filter(Q(centre=centre) | Q(parties__in=gmina_ids))
        .select_related("lead_gmina")
        .prefetch_related(Prefetch("parties", queryset=Gmina.objects.order_by("name")))
        .distinct()
        .order_by("title")
    )


def population_served(centre) -> tuple[int, int]:
    """(inhabitants of the gminas with a known population, gminas without a figure)."""
    totals = centre.gminas.aggregate(
        people=Sum("population"), unknown=Count("code", filter=Q(population__isnull=True))
    )
    return totals["people"] or 0, totals["unknown"]
