"""Ranking organisations for a service the centre must provide (the partner search).

One SQL query scores every organisation the centre may see; the score is a sum of parts,
each with a reason in words. The weights are here, in one table, and the search page shows
them. What counts:

- the portfolio: a specialisation in the organisation's latest final portfolio — of kind (a)
  "ready now" above kind (b) "if strengthened", the service type searched above another
  service of the same area. Only organisations the centre may see are ranked: they work
  with the centre or asked to (any partnership), or made their portfolio public;
- its statutory activity in the area;
- territory: its seat in the gmina searched, its territory of operation there, or nearby
  (the same powiat); without a gmina, the centre's own gminas;
- track record: experience items of the last three years in the portfolio (how many, and
  their value), and awards and offers in OpenCUS (an award for this very service counts
  more, and puts the organisation on the list on its own);
- the relation with the centre (a verified partner), and the social enterprise (PS) status.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from opencus.catalogue.enums import ServiceArea, ServiceType
from opencus.commissioning.enums import SENT_STATUSES, CallStatus, OfferStatus
from opencus.commissioning.models import Offer
from opencus.providers.enums import DocumentStatus, PartnershipStatus, SpecialisationKind
from opencus.providers.models import (
    Experience,
    Organisation,
    OrganisationArea,
    Portfolio,
    Specialisation,
)
from opencus.territory.models import Gmina

# Points of each part of the score (shown on the search page).
WEIGHTS = {
    "ready_type": 40,
    "support_type": 20,
    "ready_area": 10,
    "support_area": 5,
    "statutory_area": 5,
    "seat_here": 20,
    "operates_here": 15,
    "nearby": 5,
    "per_experience": 2,
    "max_experience": 10,
    "value_high": 10,
    "value_mid": 6,
    "value_low": 3,
    "per_award_here": 5,
    "max_award_here": 15,
    "per_award_elsewhere": 2,
    "max_award_elsewhere": 6,
    "per_offer_here": 1,
    "max_offer_here": 3,
    "per_service_award": 5,
    "max_service_award": 10,
    "verified": 10,
    "pending": 3,
    "social_enterprise": 5,
}
VALUE_HIGH, VALUE_MID = Decimal("100000"), Decimal("30000")
MONEY = DecimalField(max_digits=14, decimal_places=2)
TRACK_RECORD_YEARS = 3


@dataclass(frozen=True)
class Search:
    service_type: str
    area: str = ""
    gmina: Gmina | None = None
    centre_gminas: tuple[str, ...] = ()  # TERYT codes, used when no gmina is searched
    centre_powiats: tuple[str, ...] = ()


def years_ago(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _points(flag: str, points: int) -> Case:
    """``points`` where the boolean ``flag`` holds, else 0."""
    return Case(
        When(**{flag: True}, then=Value(points)), default=Value(0), output_field=IntegerField()
    )


# What a specialisation may be to the search, the best first (their points fall in this order).
MATCHES = ("ready_type", "support_type", "ready_area", "support_area")


def _matches(search: Search) -> list[tuple[Q, str]]:
    ready, support = SpecialisationKind.READY, SpecialisationKind.WITH_SUPPORT
    matches = [
        (Q(service_type=search.service_type, kind=ready), "ready_type"),
        (Q(service_type=search.service_type, kind=support), "support_type"),
    ]
    if search.area:
        matches += [
            (Q(area=search.area, kind=ready), "ready_area"),
            (Q(area=search.area, kind=support), "support_area"),
        ]
    return matches


def _best_specialisation(search: Search, what: str) -> Coalesce:
    """Of the portfolio's specialisations, the best match to the search (``what="match"``:
    its rank, 4 for the first of ``MATCHES`` to 1 for the last, 0 for none) or its points
    (``what="points"``: the best match has the most)."""
    value = Case(
        *[
            When(
                condition,
                then=Value(
                    len(MATCHES) - MATCHES.index(name) if what == "match" else WEIGHTS[name]
                ),
            )
            for condition, name in _matches(search)
        ],
        default=Value(0),
        output_field=IntegerField(),
    )
    best = (
        Specialisation.objects.filter(portfolio=OuterRef("portfolio_id"))
        .order_by()
        .values("portfolio")
        .annotate(best=Max(value))
        .values("best")[:1]
    )
    return Coalesce(Subquery(best, output_field=IntegerField()), 0)


def rank(organisations: QuerySet[Organisation], *, centre, search: Search, today: dt.date):
    """``organisations`` annotated with every part of the score and ``score``, the ones with
    nothing to offer for the search left out, best first.

    Made for a registry of thousands: a database computes a subquery again wherever an
    expression names it, so the centre's partnership and the latest final portfolio are
    joined (columns), only the organisations the centre may see are scored, and each part of
    the score is one subquery (the best specialisation, the experience, the record in
    OpenCUS) whatever the number of its reasons.
    """
    w = WEIGHTS
    latest = (
        Portfolio.objects.filter(organisation=OuterRef("pk"), status=DocumentStatus.FINAL)
        .order_by("-version")
        .values("pk")[:1]
    )
    qs = organisations.annotate(
        centre_partnership=FilteredRelation(
            "partnerships", condition=Q(partnerships__centre=centre)
        ),
        latest_final=FilteredRelation(
            "portfolios",
            condition=Q(portfolios__status=DocumentStatus.FINAL, portfolios__pk=Subquery(latest)),
        ),
    ).annotate(
        partnership_id=F("centre_partnership__id"),
        partnership_status=F("centre_partnership__status"),
        latest_portfolio=F("latest_final__id"),
        latest_public=F("latest_final__is_public"),
    )
    # Organisations the centre may see: they work with it or asked to (any partnership), or
    # made their portfolio public. Their portfolio is the latest final one.
    qs = qs.filter(Q(partnership_id__isnull=False) | Q(latest_public=True)).annotate(
        portfolio_id=F("latest_final__id")
    )

    area = search.area
    no = Value(False, output_field=BooleanField())
    operating = Organisation.operating_gminas.through.objects.filter(organisation=OuterRef("pk"))
    if search.gmina is not None:
        here, powiats = [search.gmina.pk], [search.gmina.powiat_id]
    else:
        here, powiats = list(search.centre_gminas), list(search.centre_powiats)
    experience = (
        Experience.objects.filter(
            specialisation__portfolio=OuterRef("portfolio_id"),
            ends_on__gte=years_ago(today, TRACK_RECORD_YEARS),
        )
        .order_by()
        .values("specialisation__portfolio")
        .annotate(n=Count("pk"), total=Sum("value"))
    )
    offers = Offer.objects.filter(organisation=OuterRef("pk")).order_by().values("organisation")
    awarded = Q(status=OfferStatus.AWARDED)
    published = Q(call__status=CallStatus.RESULTS_PUBLISHED)
    here_centre = Q(call__centre=centre)
    record = {
        "awards_here": awarded & here_centre,
        "offers_here": here_centre & Q(status__in=sorted(SENT_STATUSES - {OfferStatus.AWARDED})),
        "awards_elsewhere": awarded & published & ~here_centre,
        # awards for this very service: from this centre, or published by another
        "service_awards": awarded
        & Q(call__service_type=search.service_type)
        & (here_centre | published),
    }
    record_counts = offers.annotate(**{k: Count("pk", filter=q) for k, q in record.items()})
    caps = {
        "awards_here": ("per_award_here", "max_award_here"),
        "awards_elsewhere": ("per_award_elsewhere", "max_award_elsewhere"),
        "offers_here": ("per_offer_here", "max_offer_here"),
        "service_awards": ("per_service_award", "max_service_award"),
    }
    record_sum = sum(
        (Least(F(k) * w[per], Value(w[most])) for k, (per, most) in caps.items()),
        start=Value(0),
    )
    qs = qs.annotate(
        # the portfolio: its best specialisation for the search
        portfolio_match=_best_specialisation(search, "match"),
        portfolio_points=_best_specialisation(search, "points"),
        statutory_area=(
            Exists(OrganisationArea.objects.filter(organisation=OuterRef("pk"), area=area))
            if area
            else no
        ),
        seat_here=Case(
            When(seat_gmina__in=here, then=Value(True)), default=no, output_field=BooleanField()
        ),
        operates_here=Exists(operating.filter(gmina__in=here)),
        nearby=Case(
            When(seat_gmina__powiat__in=powiats, then=Value(True)),
            default=Exists(operating.filter(gmina__powiat__in=powiats)),
            output_field=BooleanField(),
        ),
        experience_count=Coalesce(
            Subquery(experience.values("n")[:1], output_field=IntegerField()), 0
        ),
        experience_value=Coalesce(
            Subquery(experience.values("total")[:1], output_field=MONEY),
            Value(Decimal("0")),
            output_field=MONEY,
        ),
        experience_points=Coalesce(
            Subquery(
                experience.annotate(
                    points=Least(F("n") * w["per_experience"], Value(w["max_experience"]))
                    + Case(
                        When(total__gte=VALUE_HIGH, then=Value(w["value_high"])),
                        When(total__gte=VALUE_MID, then=Value(w["value_mid"])),
                        When(total__gt=0, then=Value(w["value_low"])),
                        default=Value(0),
                        output_field=IntegerField(),
                    )
                ).values("points")[:1],
                output_field=IntegerField(),
            ),
            0,
        ),
        **{
            k: Coalesce(Subquery(record_counts.values(k)[:1], output_field=IntegerField()), 0)
            for k in record
        },
        record_points=Coalesce(
            Subquery(
                record_counts.annotate(points=record_sum).values("points")[:1],
                output_field=IntegerField(),
            ),
            0,
        ),
    )
    qs = qs.annotate(
        area_points=_points("statutory_area", w["statutory_area"]),
        territory_points=Case(
            When(seat_here=True, then=Value(w["seat_here"])),
            When(operates_here=True, then=Value(w["operates_here"])),
            When(nearby=True, then=Value(w["nearby"])),
            default=Value(0),
            output_field=IntegerField(),
        ),
        relation_points=Case(
            When(partnership_status=PartnershipStatus.VERIFIED, then=Value(w["verified"])),
            When(partnership_status=PartnershipStatus.PENDING, then=Value(w["pending"])),
            default=Value(0),
            output_field=IntegerField(),
        ),
        ps_points=_points("is_social_enterprise", w["social_enterprise"]),
    )
    qs = qs.annotate(
        score=F("portfolio_points")
        + F("area_points")
        + F("territory_points")
        + F("experience_points")
        + F("record_points")
        + F("relation_points")
        + F("ps_points")
    )
    # Something to offer for this service: the portfolio, the statute, or an award for it.
    offers_it = Q(portfolio_points__gt=0) | Q(statutory_area=True) | Q(service_awards__gt=0)
    return qs.filter(offers_it).order_by("-score", "-portfolio_points", "name", "pk")


def _zl(value: Decimal) -> str:
    return formats.number_format(value, 0, force_grouping=True)


def reasons(organisation: Any, search: Search) -> list[tuple[str, int]]:
    """Why ``organisation`` (annotated by ``rank``) is on the list: (words, points)."""
    o, w = organisation, WEIGHTS
    service = ServiceType(search.service_type).label
    area = ServiceArea(search.area).label if search.area else ""
    out: list[tuple[str, int]] = []
    match = MATCHES[len(MATCHES) - o.portfolio_match] if o.portfolio_match else ""
    if match == "ready_type":
        out.append(
            (str(_("kind (a), ready now: %(service)s") % {"service": service}), w["ready_type"])
        )
    elif match == "support_type":
        out.append(
            (
                str(_("kind (b), if strengthened: %(service)s") % {"service": service}),
                w["support_type"],
            )
        )
    elif match == "ready_area":
        out.append((str(_("kind (a) in the area: %(area)s") % {"area": area}), w["ready_area"]))
    elif match == "support_area":
        out.append(
            (
                str(_("kind (b) in the area, if strengthened: %(area)s") % {"area": area}),
                w["support_area"],
            )
        )
    if o.statutory_area:
        out.append(
            (
                str(_("statutory activity in the area: %(area)s") % {"area": area}),
                w["statutory_area"],
            )
        )
    out += _territory(o, search)
    if o.experience_count:
        text = ngettext(
            "%(count)s commission or project in %(years)s years worth %(value)s zł",
            "%(count)s commissions or projects in %(years)s years worth %(value)s zł",
            o.experience_count,
        ) % {
            "count": o.experience_count,
            "years": TRACK_RECORD_YEARS,
            "value": _zl(o.experience_value),
        }
        out.append((text, _experience_points(o)))
    if o.service_awards:
        text = ngettext(
            "%(count)s award for this service in OpenCUS",
            "%(count)s awards for this service in OpenCUS",
            o.service_awards,
        ) % {"count": o.service_awards}
        out.append((text, min(o.service_awards * w["per_service_award"], w["max_service_award"])))
    if o.awards_here:
        text = ngettext(
            "%(count)s award from this centre in OpenCUS",
            "%(count)s awards from this centre in OpenCUS",
            o.awards_here,
        ) % {"count": o.awards_here}
        out.append((text, min(o.awards_here * w["per_award_here"], w["max_award_here"])))
    if o.awards_elsewhere:
        text = ngettext(
            "%(count)s award from other centres (published results)",
            "%(count)s awards from other centres (published results)",
            o.awards_elsewhere,
        ) % {"count": o.awards_elsewhere}
        out.append(
            (text, min(o.awards_elsewhere * w["per_award_elsewhere"], w["max_award_elsewhere"]))
        )
    if o.offers_here:
        text = ngettext(
            "%(count)s other offer to this centre's calls",
            "%(count)s other offers to this centre's calls",
            o.offers_here,
        ) % {"count": o.offers_here}
        out.append((text, min(o.offers_here * w["per_offer_here"], w["max_offer_here"])))
    if o.partnership_status == PartnershipStatus.VERIFIED:
        out.append((str(_("verified partner of this centre")), w["verified"]))
    elif o.partnership_status == PartnershipStatus.PENDING:
        out.append(
            (str(_("asked to work with this centre (waiting for verification)")), w["pending"])
        )
    if o.is_social_enterprise:
        out.append((str(_("social enterprise (PS)")), w["social_enterprise"]))
    return out


def _territory(o: Any, search: Search) -> list[tuple[str, int]]:
    w = WEIGHTS
    if search.gmina is not None:
        name = search.gmina.name
        if o.seat_here:
            return [(str(_("seat in gmina %(gmina)s") % {"gmina": name}), w["seat_here"])]
        if o.operates_here:
            return [(str(_("operates in gmina %(gmina)s") % {"gmina": name}), w["operates_here"])]
        if o.nearby:
            return [
                (
                    str(_("operates near gmina %(gmina)s (same powiat)") % {"gmina": name}),
                    w["nearby"],
                )
            ]
        return []
    if o.seat_here:
        return [(str(_("seat in a gmina of the centre")), w["seat_here"])]
    if o.operates_here:
        return [(str(_("operates in the centre's gminas")), w["operates_here"])]
    if o.nearby:
        return [(str(_("operates near the centre (same powiat)")), w["nearby"])]
    return []


def _experience_points(o: Any) -> int:
    w = WEIGHTS
    points = min(o.experience_count * w["per_experience"], w["max_experience"])
    if o.experience_value >= VALUE_HIGH:
        points += w["value_high"]
    elif o.experience_value >= VALUE_MID:
        points += w["value_mid"]
    elif o.experience_value > 0:
        points += w["value_low"]
    return points
