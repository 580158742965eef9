"""Reads about organisations, partnerships and the organisations' documents. A centre reaches
an organisation only through its own partnership with it, so another centre's records are a
404; it reads the final versions of the documents of the organisations that work with it or
have asked to (not of those it refused)."""

from django.db.models import F, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from opencus.core.tenancy import scope_to_centre
from opencus.core.text import fold
from opencus.providers.enums import DocumentStatus, PartnershipStatus
from opencus.providers.models import (
    AttributesCard,
    CooperationLeader,
    Experience,
    Organisation,
    OrganisationArea,
    OrganisationNetwork,
    Partnership,
    Portfolio,
    PortfolioSubmission,
    Reference,
    Specialisation,
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
    network: OrganisationNetwork | None = None,
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
    if network is not None:
        partnerships = partnerships.filter(organisation__networks=network)
    for word in query.split()[:4]:
        digits = word.replace("-", "")
        partnerships = partnerships.filter(
            Q(organisation__search_name__contains=fold(word))
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


# --- the attributes card and the portfolio ---------------------------------------------------

# The partnerships through which a centre reads an organisation's documents.
READING_STATUSES = (PartnershipStatus.PENDING, PartnershipStatus.VERIFIED)


def _cards() -> QuerySet[AttributesCard]:
    return AttributesCard.objects.select_related(
        "organisation", "created_by", "finalised_by"
    ).prefetch_related("entries")


def card_versions(*, organisation) -> list[AttributesCard]:
    """Every version of the organisation's card, the newest first."""
    return list(
        AttributesCard.objects.filter(organisation=organisation)
        .select_related("created_by", "finalised_by")
        .order_by("-version")
    )


def draft_card(*, organisation) -> AttributesCard | None:
    return _cards().filter(organisation=organisation, status=DocumentStatus.DRAFT).first()


def get_card(*, organisation, card_id) -> AttributesCard:
    """One version of the organisation's own card (a draft too); else a 404."""
    return get_object_or_404(_cards().filter(organisation=organisation), pk=card_id)


def previous_card(*, card: AttributesCard) -> AttributesCard | None:
    """The version before ``card`` (always a final one: a draft is the newest version)."""
    return (
        _cards()
        .filter(organisation_id=card.organisation_id, version__lt=card.version)
        .order_by("-version")
        .first()
    )


def latest_final_card(*, organisation) -> AttributesCard | None:
    return (
        _cards()
        .filter(organisation=organisation, status=DocumentStatus.FINAL)
        .order_by("-version")
        .first()
    )


def _full_portfolios() -> QuerySet[Portfolio]:
    """Portfolios with everything a page or the folder shows: the strongest specialisations
    (kind a) first, each with its experience and references."""
    return Portfolio.objects.select_related(
        "organisation", "created_by", "finalised_by"
    ).prefetch_related(
        Prefetch(
            "specialisations",
            queryset=Specialisation.objects.order_by("kind", "position", "id").prefetch_related(
                Prefetch("experience", queryset=Experience.objects.order_by("-ends_on", "title")),
                Prefetch(
                    "references",
                    queryset=Reference.objects.order_by(F("issued_on").desc(nulls_last=True)),
                ),
            ),
        )
    )


def previous_portfolio(*, portfolio: Portfolio) -> Portfolio | None:
    """The version before ``portfolio`` (a final one), with everything its page shows."""
    return (
        _full_portfolios()
        .filter(organisation_id=portfolio.organisation_id, version__lt=portfolio.version)
        .order_by("-version")
        .first()
    )


def portfolio_versions(*, organisation) -> list[Portfolio]:
    """Every version of the organisation's portfolio, the newest first, with the centres it
    was sent to and what their OUS said."""
    return list(
        Portfolio.objects.filter(organisation=organisation)
        .select_related("created_by", "finalised_by")
        .prefetch_related(
            Prefetch(
                "submissions",
                queryset=PortfolioSubmission.objects.select_related(
                    "centre", "acknowledged_by", "sent_by"
                ).order_by("centre__name"),
            )
        )
        .order_by("-version")
    )


def draft_portfolio(*, organisation) -> Portfolio | None:
    return _full_portfolios().filter(organisation=organisation, status=DocumentStatus.DRAFT).first()


def get_portfolio(*, organisation, portfolio_id) -> Portfolio:
    """One version of the organisation's own portfolio (a draft too); else a 404."""
    return get_object_or_404(_full_portfolios().filter(organisation=organisation), pk=portfolio_id)


def latest_final_portfolio(*, organisation) -> Portfolio | None:
    return (
        _full_portfolios()
        .filter(organisation=organisation, status=DocumentStatus.FINAL)
        .order_by("-version")
        .first()
    )


def get_draft_specialisation(*, organisation, specialisation_id) -> Specialisation:
    """A specialisation of the organisation's draft (a final version offers none to edit)."""
    return get_object_or_404(
        Specialisation.objects.select_related("portfolio").filter(
            portfolio__organisation=organisation, portfolio__status=DocumentStatus.DRAFT
        ),
        pk=specialisation_id,
    )


def get_draft_experience(*, organisation, experience_id) -> Experience:
    return get_object_or_404(
        Experience.objects.select_related("specialisation__portfolio").filter(
            specialisation__portfolio__organisation=organisation,
            specialisation__portfolio__status=DocumentStatus.DRAFT,
        ),
        pk=experience_id,
    )


def get_draft_reference(*, organisation, reference_id) -> Reference:
    return get_object_or_404(
        Reference.objects.select_related("specialisation__portfolio").filter(
            specialisation__portfolio__organisation=organisation,
            specialisation__portfolio__status=DocumentStatus.DRAFT,
        ),
        pk=reference_id,
    )


def submissions_of(*, portfolio, centre=None) -> list[PortfolioSubmission]:
    """Where a version was sent and what the OUS answered (only ``centre``'s, for a centre)."""
    submissions = PortfolioSubmission.objects.filter(portfolio=portfolio)
    if centre is not None:
        submissions = scope_to_centre(submissions, centre)
    return list(
        submissions.select_related("centre", "sent_by", "acknowledged_by").order_by("centre__name")
    )


def sendable_partnerships(*, organisation) -> list[Partnership]:
    """The centres a final portfolio may be sent to: those that did not refuse the organisation."""
    return list(
        Partnership.objects.filter(organisation=organisation, status__in=READING_STATUSES)
        .select_related("centre")
        .order_by("centre__name")
    )


def has_public_profile(*, organisation) -> bool:
    return Partnership.objects.filter(
        organisation=organisation, status=PartnershipStatus.VERIFIED
    ).exists()


# The centre's side: final versions only, of organisations that work with it (or asked to).


def _readers(centre) -> QuerySet[Partnership]:
    return scope_to_centre(Partnership.objects.all(), centre).filter(status__in=READING_STATUSES)


def partner_card(*, centre, card_id) -> AttributesCard:
    return get_object_or_404(
        _cards().filter(
            status=DocumentStatus.FINAL,
            organisation__in=_readers(centre).values("organisation"),
        ),
        pk=card_id,
    )


def partner_portfolio(*, centre, portfolio_id) -> Portfolio:
    return get_object_or_404(
        _full_portfolios().filter(
            status=DocumentStatus.FINAL,
            organisation__in=_readers(centre).values("organisation"),
        ),
        pk=portfolio_id,
    )


def partnership_for(*, centre, organisation) -> Partnership | None:
    """The centre's partnership with the organisation (for links back to the partner page)."""
    return (
        scope_to_centre(Partnership.objects.all(), centre).filter(organisation=organisation).first()
    )


def partner_documents(*, centre, partnership: Partnership) -> dict:
    """The final versions of the card and the portfolio the partner page lists, and whether
    the latest portfolio was sent to this centre. Nothing for a partnership it refused."""
    if partnership.status not in READING_STATUSES:
        return {"cards": [], "portfolios": [], "latest_submission": None}
    organisation = partnership.organisation_id
    cards = list(
        AttributesCard.objects.filter(organisation_id=organisation, status=DocumentStatus.FINAL)
        .select_related("finalised_by")
        .order_by("-version")
    )
    portfolios = list(
        Portfolio.objects.filter(organisation_id=organisation, status=DocumentStatus.FINAL)
        .select_related("finalised_by")
        .prefetch_related("specialisations")
        .order_by("-version")
    )
    latest_submission = None
    if portfolios:
        latest_submission = (
            scope_to_centre(PortfolioSubmission.objects.all(), centre)
            .filter(portfolio=portfolios[0])
            .first()
        )
    return {"cards": cards, "portfolios": portfolios, "latest_submission": latest_submission}


def received_portfolios(
    *, centre, query: str = "", service_type: str = "", acknowledged: str = ""
) -> QuerySet[PortfolioSubmission]:
    """The portfolios sent to the centre: those waiting for the OUS first, then the newest."""
    submissions = scope_to_centre(
        PortfolioSubmission.objects.select_related(
            "portfolio__organisation", "sent_by", "acknowledged_by"
        ).prefetch_related(
            Prefetch(
                "portfolio__specialisations",
                queryset=Specialisation.objects.order_by("kind", "position", "id"),
            )
        ),
        centre,
    )
    if acknowledged == "yes":
        submissions = submissions.filter(acknowledged_at__isnull=False)
    elif acknowledged == "no":
        submissions = submissions.filter(acknowledged_at__isnull=True)
    if service_type:
        submissions = submissions.filter(
            portfolio__in=Specialisation.objects.filter(service_type=service_type).values(
                "portfolio"
            )
        )
    for word in query.split()[:4]:
        submissions = submissions.filter(portfolio__organisation__search_name__contains=fold(word))
    return submissions.order_by(F("acknowledged_at").desc(nulls_first=True), "-sent_at", "pk")


def unacknowledged_count(*, centre) -> int:
    return (
        scope_to_centre(PortfolioSubmission.objects.all(), centre)
        .filter(acknowledged_at__isnull=True)
        .count()
    )


def get_submission(*, centre, submission_id) -> PortfolioSubmission:
    return get_object_or_404(
        scope_to_centre(PortfolioSubmission.objects.all(), centre).select_related(
            "portfolio__organisation", "sent_by", "acknowledged_by", "centre"
        ),
        pk=submission_id,
    )


# The public profile page: an organisation verified by at least one centre.


def public_profile(*, slug: str) -> tuple[Organisation, list[Partnership]]:
    organisation = get_object_or_404(
        Organisation.objects.select_related("seat_gmina__powiat").prefetch_related(
            Prefetch("areas", queryset=OrganisationArea.objects.order_by("area")),
            Prefetch("networks", queryset=OrganisationNetwork.objects.order_by("name")),
            Prefetch("operating_gminas", queryset=Gmina.objects.order_by("name")),
        ),
        slug=slug,
    )
    verified = list(
        Partnership.objects.filter(organisation=organisation, status=PartnershipStatus.VERIFIED)
        .select_related("centre")
        .order_by("centre__name")
    )
    if not verified:
        raise Http404
    return organisation, verified


def public_portfolio(*, organisation) -> Portfolio | None:
    """The latest final portfolio, if the organisation chose to show it on its public page."""
    latest = latest_final_portfolio(organisation=organisation)
    return latest if latest is not None and latest.is_public else None
