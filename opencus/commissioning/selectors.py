"""Reads of commissioning, each scoped to who asks.

- A centre reaches only its own calls, offers and scores (``scope_to_centre``): another
  centre's id is a 404.
- An organisation sees published calls of the centres it works with or has asked to (a
  partnership not refused), calls it was invited to, and calls it has answered; and only its
  own offers.
- Anyone sees the published calls (``models.public_calls_q``), their results once published,
  and art. 19a offers published for comments.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DecimalField,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone

from opencus.commissioning import ranking
from opencus.commissioning.enums import (
    SENT_STATUSES,
    CallAction,
    CallStatus,
    Mode,
    OfferStatus,
)
from opencus.commissioning.models import (
    Call,
    CallEvent,
    Criterion,
    GrantPool,
    Invitation,
    Offer,
    OfferComment,
    Score,
    public_calls_q,
)
from opencus.core.tenancy import scope_to_centre
from opencus.core.text import fold
from opencus.providers.enums import DocumentStatus, PartnershipStatus
from opencus.providers.models import Organisation, Partnership, Portfolio, Specialisation
from opencus.territory.models import Gmina

POINTS = DecimalField(max_digits=7, decimal_places=2)


# --- who may see and answer what --------------------------------------------------------------


def visible_organisations(*, centre) -> QuerySet[Organisation]:
    """Organisations whose portfolio the centre may see: they work with it or asked to, or
    made their latest final portfolio public."""
    latest = Portfolio.objects.filter(
        organisation=OuterRef("pk"), status=DocumentStatus.FINAL
    ).order_by("-version")
    return Organisation.objects.annotate(
        latest_public=Subquery(latest.values("is_public")[:1], output_field=BooleanField())
    ).filter(
        Q(latest_public=True)
        | Exists(Partnership.objects.filter(centre=centre, organisation=OuterRef("pk")))
    )


def _answerable_q(organisation) -> Q:
    """Calls ``organisation`` may answer (among the published ones)."""
    return (
        Q(
            centre__in=Partnership.objects.filter(organisation=organisation)
            .exclude(status=PartnershipStatus.REFUSED)
            .values("centre")
        )
        | Q(pk__in=Invitation.objects.filter(organisation=organisation).values("call"))
        | Q(pk__in=Offer.objects.filter(organisation=organisation).values("call"))
    )


def organisation_may_answer(*, call: Call, organisation) -> bool:
    return Call.objects.filter(_answerable_q(organisation), pk=call.pk).exists()


# --- the partner search ---------------------------------------------------------------------


def partner_search(
    *,
    centre,
    service_type: str,
    area: str = "",
    gmina: Gmina | None = None,
    query: str = "",
    partners_only: bool = False,
    social_enterprise_only: bool = False,
    reserved_only: bool = False,
    today: dt.date | None = None,
) -> tuple[QuerySet[Organisation], ranking.Search]:
    """Organisations ranked for ``service_type`` (best first), and the search they answer."""
    from opencus.commissioning import limits

    gminas = list(centre.gminas.values_list("code", "powiat_id"))
    search = ranking.Search(
        service_type=service_type,
        area=area,
        gmina=gmina,
        centre_gminas=tuple(code for code, _p in gminas),
        centre_powiats=tuple(sorted({powiat for _c, powiat in gminas})),
    )
    organisations = Organisation.objects.select_related("seat_gmina")
    for word in query.split()[:4]:
        organisations = organisations.filter(search_name__contains=fold(word))
    if social_enterprise_only:
        organisations = organisations.filter(is_social_enterprise=True)
    if reserved_only:
        organisations = organisations.filter(legal_form__in=limits.get("RESERVED_LEGAL_FORMS"))
    ranked = ranking.rank(
        organisations, centre=centre, search=search, today=today or timezone.localdate()
    )
    if partners_only:
        ranked = ranked.filter(partnership_status=PartnershipStatus.VERIFIED)
    return ranked, search


def matched_specialisations(organisations, search: ranking.Search) -> dict:
    """The specialisations behind each listed organisation's rank: {portfolio id: [...]}."""
    ids = [o.portfolio_id for o in organisations if o.portfolio_id]
    if not ids:
        return {}
    match = Q(service_type=search.service_type)
    if search.area:
        match |= Q(area=search.area)
    found: dict = {}
    for specialisation in Specialisation.objects.filter(match, portfolio_id__in=ids).order_by(
        "kind", "position", "pk"
    ):
        found.setdefault(specialisation.portfolio_id, []).append(specialisation)
    return found


def calls_to_invite_to(*, centre, service_type: str = "") -> QuerySet[Call]:
    """The centre's calls an organisation can still be invited to: drafts and open calls."""
    calls = (
        scope_to_centre(Call.objects.all(), centre)
        .filter(
            Q(status=CallStatus.DRAFT)
            | Q(status=CallStatus.PUBLISHED, offers_deadline__gt=timezone.now())
        )
        .exclude(mode=Mode.IN_HOUSE)
    )
    if service_type:
        # the calls for the service searched first
        first = Case(When(service_type=service_type, then=Value(0)), default=Value(1))
        calls = calls.order_by(first, "-year", "-sequence")
    return calls


def get_visible_organisation(*, centre, organisation_id) -> Organisation:
    return get_object_or_404(visible_organisations(centre=centre), pk=organisation_id)


# --- the centre's calls ---------------------------------------------------------------------


def _offer_count() -> Coalesce:
    """The offers sent to the outer call. A subquery, not a join with GROUP BY: a list of
    hundreds of calls then counts the offers of its page only."""
    sent = Offer.objects.filter(call=OuterRef("pk"), status__in=sorted(SENT_STATUSES))
    return Coalesce(
        Subquery(
            sent.order_by().values("call").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def _with_counts(calls: QuerySet[Call]) -> QuerySet[Call]:
    awarded = Offer.objects.filter(call=OuterRef("pk")).order_by().values("call")
    return calls.annotate(
        offer_count=_offer_count(),
        awarded_total=Subquery(
            awarded.annotate(total=Sum("awarded_amount")).values("total"),
            output_field=DecimalField(max_digits=14, decimal_places=2),
        ),
    )


def call_list(
    *,
    centre,
    query: str = "",
    status: str = "",
    mode: str = "",
    service_type: str = "",
    year: int | None = None,
) -> QuerySet[Call]:
    calls = scope_to_centre(Call.objects.all(), centre)
    if status:
        calls = calls.filter(status=status)
    if mode:
        calls = calls.filter(mode=mode)
    if service_type:
        calls = calls.filter(service_type=service_type)
    if year:
        calls = calls.filter(year=year)
    for word in query.split()[:4]:
        calls = calls.filter(Q(title__icontains=word) | Q(number__icontains=word))
    return _with_counts(calls).order_by("-year", "-sequence")


def get_call(*, centre, call_id) -> Call:
    """One of the centre's calls with what its page shows; another centre's is a 404."""
    return get_object_or_404(
        scope_to_centre(Call.objects.all(), centre)
        .select_related("centre", "created_by")
        .prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("position", "name")),
            Prefetch("gminas", queryset=Gmina.objects.order_by("name")),
        ),
        pk=call_id,
    )


def call_history(*, call: Call) -> list[CallEvent]:
    return list(call.events.select_related("by").order_by("at", "pk"))


def call_invitations(*, call: Call) -> list[Invitation]:
    return list(
        call.invitations.select_related("organisation", "invited_by").order_by("invited_at")
    )


def ranked_offers(*, call: Call) -> list[Offer]:
    """The offers sent (not withdrawn), with their scores and total points: the formally
    accepted ones by points, then the others."""
    offers = (
        call.offers.filter(status__in=sorted(SENT_STATUSES))
        .select_related("organisation")
        .annotate(
            # subqueries, not joins: scores and comments would multiply each other's rows
            total_points=Coalesce(
                Subquery(
                    Score.objects.filter(offer=OuterRef("pk"))
                    .order_by()
                    .values("offer")
                    .annotate(total=Sum("points"))
                    .values("total")[:1],
                    output_field=POINTS,
                ),
                Value(Decimal("0")),
                output_field=POINTS,
            ),
            comment_count=Coalesce(
                Subquery(
                    OfferComment.objects.filter(offer=OuterRef("pk"))
                    .order_by()
                    .values("offer")
                    .annotate(n=Count("pk"))
                    .values("n")[:1],
                    output_field=IntegerField(),
                ),
                0,
            ),
        )
        .prefetch_related(
            Prefetch(
                "scores",
                queryset=Score.objects.select_related("criterion").order_by("criterion__position"),
            )
        )
    )
    ranked: list[Any] = sorted(
        offers,
        key=lambda o: (
            o.status not in (OfferStatus.ACCEPTED, OfferStatus.AWARDED, OfferStatus.NOT_AWARDED),
            -o.total_points,
            o.organisation.name,
        ),
    )
    place = 0
    for offer in ranked:
        if offer.status in (OfferStatus.ACCEPTED, OfferStatus.AWARDED, OfferStatus.NOT_AWARDED):
            place += 1
            offer.place = place
        else:
            offer.place = None
    return ranked


def offer_comments(*, call: Call) -> list[OfferComment]:
    return list(
        OfferComment.objects.filter(offer__call=call)
        .select_related("offer__organisation")
        .order_by("offer__organisation__name", "created_at")
    )


def get_offer(*, centre, call: Call, offer_id) -> Offer:
    """An offer sent to one of the centre's calls (drafts are the organisation's own)."""
    return get_object_or_404(
        scope_to_centre(Offer.objects.all(), centre)
        .filter(call=call, status__in=sorted(SENT_STATUSES))
        .select_related("organisation__seat_gmina", "call", "submitted_by", "checked_by")
        .prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("criterion", "scored_by")),
            Prefetch("comments", queryset=OfferComment.objects.order_by("created_at")),
        ),
        pk=offer_id,
    )


def awarded_offer_for_contract(*, centre, offer_id) -> Offer:
    """An awarded offer of one of the centre's calls, for the contract made from it (another
    centre's offer, or one not awarded: 404). The contract takes the call's title, task
    period, mode and form, the offer's organisation and ``awarded_amount`` (what the offer
    asked is ``amount``)."""
    return get_object_or_404(
        scope_to_centre(Offer.objects.all(), centre)
        .filter(status=OfferStatus.AWARDED)
        .select_related("call__centre", "organisation"),
        pk=offer_id,
    )


def small_grant_year_totals(*, call: Call, organisations) -> dict:
    """What each organisation already got from the centre outside competitions this year."""
    rows = (
        Offer.objects.filter(
            organisation__in=organisations,
            call__centre_id=call.centre_id,
            call__mode=Mode.SMALL_GRANT,
            status=OfferStatus.AWARDED,
            decided_at__year=timezone.localdate().year,
        )
        .values("organisation")
        .annotate(total=Sum("awarded_amount"))
    )
    return {row["organisation"]: row["total"] for row in rows}


def pool_years() -> tuple[int, int]:
    """The budget years a pool may be recorded for: the last five and the next."""
    this_year = timezone.localdate().year
    return this_year - 5, this_year + 1


def grant_pools(*, centre) -> list[dict]:
    """Each year with a grant pool or small grants, newest first, and this year always: the
    pool, the share small grants may take (art. 19a ust. 8), what they took, what is left.
    Two queries."""
    pools = {
        p.year: p for p in GrantPool.objects.filter(centre=centre).select_related("updated_by")
    }
    awarded = dict(
        Offer.objects.filter(
            call__centre=centre, call__mode=Mode.SMALL_GRANT, status=OfferStatus.AWARDED
        )
        .annotate(year=ExtractYear("decided_at"))
        .order_by()
        .values("year")
        .annotate(total=Sum("awarded_amount"))
        .values_list("year", "total")
    )
    first, last = pool_years()
    rows = []
    for year in sorted({*pools, *awarded, timezone.localdate().year}, reverse=True):
        pool, used = pools.get(year), awarded.get(year) or Decimal("0")
        cap = pool.small_grant_cap if pool else None
        rows.append(
            {
                "year": year,
                "pool": pool,
                "cap": cap,
                "awarded": used,
                "left": None if cap is None else cap - used,
                "editable": first <= year <= last,
            }
        )
    return rows


def grant_pool(*, centre, year: int) -> GrantPool | None:
    return GrantPool.objects.filter(centre=centre, year=year).first()


def grant_pool_of_year(*, centre, year: int) -> dict:
    """The row of ``grant_pools`` for one year (the award page of a small-grant call)."""
    return next(row for row in grant_pools(centre=centre) if row["year"] == year)


# --- the provider portal --------------------------------------------------------------------


def organisation_calls(
    *, organisation, query: str = "", service_type: str = "", only_open: bool = False
) -> QuerySet[Call]:
    """Published calls the organisation may answer, with its own offer and whether the call
    matches its portfolio and territory (``matches_portfolio``, ``matches_territory``)."""
    latest = (
        Portfolio.objects.filter(organisation=organisation, status=DocumentStatus.FINAL)
        .order_by("-version")
        .values("pk")[:1]
    )
    own = Offer.objects.filter(call=OuterRef("pk"), organisation=organisation)
    calls = (
        Call.objects.filter(public_calls_q())
        .filter(_answerable_q(organisation))
        .select_related("centre")
        .annotate(
            matches_portfolio=Exists(
                Specialisation.objects.filter(
                    portfolio__in=Subquery(latest), service_type=OuterRef("service_type")
                )
            ),
            matches_territory=Exists(
                Call.gminas.through.objects.filter(call=OuterRef("pk")).filter(
                    Q(gmina__organisations_operating=organisation)
                    | Q(gmina__organisations=organisation)
                )
            ),
            invited=Exists(
                Invitation.objects.filter(call=OuterRef("pk"), organisation=organisation)
            ),
            own_offer_id=Subquery(own.values("pk")[:1]),
            own_offer_status=Subquery(own.values("status")[:1]),
        )
    )
    if service_type:
        calls = calls.filter(service_type=service_type)
    if only_open:
        calls = calls.filter(status=CallStatus.PUBLISHED, offers_deadline__gt=timezone.now())
    for word in query.split()[:4]:
        calls = calls.filter(
            Q(title__icontains=word) | Q(number__icontains=word) | Q(centre__name__icontains=word)
        )
    return calls.order_by("-published_at", "-pk")


def get_organisation_call(*, organisation, call_id) -> Call:
    return get_object_or_404(
        organisation_calls(organisation=organisation).prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("position", "name")),
            Prefetch("gminas", queryset=Gmina.objects.order_by("name")),
        ),
        pk=call_id,
    )


def own_offer(*, organisation, call: Call) -> Offer | None:
    return Offer.objects.filter(organisation=organisation, call=call).first()


def organisation_offers(*, organisation, status: str = "") -> QuerySet[Offer]:
    offers = (
        Offer.objects.filter(organisation=organisation)
        .select_related("call__centre")
        .order_by("-created_at", "pk")
    )
    if status:
        offers = offers.filter(status=status)
    return offers


def get_organisation_offer(*, organisation, offer_id) -> Offer:
    """One of the organisation's own offers; another organisation's is a 404."""
    return get_object_or_404(
        Offer.objects.filter(organisation=organisation).select_related("call__centre"),
        pk=offer_id,
    )


def own_scores(*, offer: Offer) -> list[Score]:
    """The organisation sees its points once the results are published."""
    if offer.call.status != CallStatus.RESULTS_PUBLISHED:
        return []
    return list(offer.scores.select_related("criterion").order_by("criterion__position"))


# --- public pages ---------------------------------------------------------------------------


def public_calls(*, query: str = "", service_type: str = "", status: str = "") -> QuerySet[Call]:
    calls = Call.objects.filter(public_calls_q()).select_related("centre")
    if service_type:
        calls = calls.filter(service_type=service_type)
    if status:
        calls = calls.filter(status=status)
    for word in query.split()[:4]:
        calls = calls.filter(
            Q(title__icontains=word) | Q(number__icontains=word) | Q(centre__name__icontains=word)
        )
    return calls.annotate(offer_count=_offer_count()).order_by(
        "-published_at", "-results_published_at", "-pk"
    )


def get_public_call(*, call_id) -> Call:
    return get_object_or_404(
        Call.objects.filter(public_calls_q())
        .select_related("centre")
        .prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("position", "name")),
            Prefetch("gminas", queryset=Gmina.objects.order_by("name")),
        ),
        pk=call_id,
    )


def public_notices(*, call: Call) -> list[CallEvent]:
    return list(call.events.filter(action=CallAction.NOTICE).order_by("at"))


def offers_for_comments(*, call: Call) -> list[Offer]:
    """Art. 19a offers published for comments (during and after their seven days)."""
    if not call.is_small_grant:
        return []
    return list(
        call.offers.filter(comments_from__isnull=False)
        .select_related("organisation")
        .annotate(comment_count=Count("comments"))
        .order_by("comments_from", "pk")
    )


def public_results(*, call: Call) -> list[Offer]:
    """Once published: the offers evaluated, their points and the amounts awarded."""
    if call.status != CallStatus.RESULTS_PUBLISHED:
        return []
    return [o for o in ranked_offers(call=call) if o.status != OfferStatus.SUBMITTED]
