"""Reads of the public portal: only published services, shaped for residents."""

import functools
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from opencus.catalogue.enums import FeeKind, Need, TargetGroup
from opencus.catalogue.models import Service, Term, Vocabulary
from opencus.catalogue.search import RankedServices, match_services
from opencus.catalogue.selectors import public_services
from opencus.territory.models import Centre, Gmina, InterMunicipalAgreement


def money(amount) -> str:
    """An amount of PLN as the resident reads it: ``12,50`` in Polish, ``12.50`` in English."""
    return number_format(amount, decimal_pos=2, use_l10n=True)


DELIVERY_FIELDS = {
    "at_home": "at_home",
    "at_location": "at_location",
    "mobile": "mobile",
    "remote": "remote",
}


@dataclass
class SearchResult:
    services: QuerySet | RankedServices  # what the page paginates
    matched: bool
    area_counts: dict[str, int]


def area_terms() -> list[Term]:
    return list(Term.objects.filter(vocabulary=Vocabulary.AREA).order_by("position"))


def served_gminas() -> QuerySet[Gmina]:
    """The portal's gmina choices: every gmina a centre serves or an agreement binds.

    A service can be open only to such gminas (catalogue.services.allowed_resident_gminas);
    the list comes from the small territory tables and costs the same whatever the catalogue.
    """
    return (
        Gmina.objects.filter(
            Q(code__in=Centre.gminas.through.objects.values("gmina_id"))
            | Q(code__in=InterMunicipalAgreement.parties.through.objects.values("gmina_id"))
        )
        .select_related("powiat")
        .order_by("name", "code")
    )


@functools.cache
def _area_codes() -> dict:
    """Area term id -> code. Reference data with ids derived from the codes (catalogue.term_uuid):
    the same in every database, so it is read once per process."""
    return dict(Term.objects.filter(vocabulary=Vocabulary.AREA).values_list("pk", "code"))


def search_services(
    *,
    query: str = "",
    area: str = "",
    group: str = "",
    gmina: str = "",
    price: str = "",
    delivery: str = "",
    age: int | None = None,
) -> SearchResult:
    services = Service.objects.published()
    if group:
        services = services.filter(
            target_groups__code=group, target_groups__vocabulary=Vocabulary.TARGET_GROUP
        )
    if gmina:
        services = services.filter(residents_of__code=gmina)
    if price:
        services = services.filter(fee_kind=price)
    if delivery in DELIVERY_FIELDS:
        services = services.filter(**{DELIVERY_FIELDS[delivery]: True})
    if age is not None:
        services = services.filter(Q(min_age__isnull=True) | Q(min_age__lte=age)).filter(
            Q(max_age__isnull=True) | Q(max_age__gte=age)
        )
    services, quality, words, matched = match_services(services, query)
    # Counts by area for the result set before the area filter (so other areas show what they add).
    # One pass over the service-to-area links of the matching services, grouped by area.
    links = Service.areas.through.objects.filter(service_id__in=services.order_by().values("pk"))
    area_codes = _area_codes()
    counts = {
        area_codes[term_id]: n
        for term_id, n in links.order_by().values_list("term_id").annotate(n=Count("*"))
        if term_id in area_codes
    }
    if area:
        services = services.filter(areas__code=area, areas__vocabulary=Vocabulary.AREA)
    detail = Service.objects.select_related("provider", "centre").prefetch_related(
        "areas", "target_groups"
    )
    rows = (
        RankedServices(services, quality, detail)
        if words and matched
        else detail.filter(pk__in=services.values("pk")).order_by("name")
    )
    return SearchResult(services=rows, matched=matched, area_counts=counts)


def get_public_service(service_id) -> Service:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(public_services(), pk=service_id)


# --- find-help wizard ----------------------------------------------------------------------


@dataclass
class Answers:
    age: int
    needs: list[str]
    gmina: Gmina
    travel: str  # "yes", "with_help", "no"
    lives_alone: bool = False
    for_whom: str = "me"  # "me", "family", "cared" (someone the asker looks after), "child"


@dataclass
class Match:
    service: Service
    score: int
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    via_agreement: InterMunicipalAgreement | None = None


def groups_for_age(age: int) -> set[str]:
    groups: set[str] = {TargetGroup.ALL}
    if age >= 60:
        groups.add(TargetGroup.SENIORS)
    if age < 3:
        groups.add(TargetGroup.CHILDREN_0_3)
    if age < 18:
        groups.update({TargetGroup.CHILDREN, TargetGroup.FAMILIES})
    if 13 <= age <= 25:
        groups.add(TargetGroup.YOUTH)
    return groups


def wizard_matches(answers: Answers, limit: int = 20) -> list[Match]:
    """Services open to the person's gmina and age that help with what is hard now, ranked.

    Each match says why: what it helps with, who gives it (own centre or a neighbour through
    an agreement), how it reaches someone who cannot travel, and what it costs.
    """
    wanted = set(answers.needs)
    if answers.lives_alone:
        wanted |= {Need.LONELINESS, Need.SAFETY_AT_HOME}
    if answers.for_whom == "cared":
        # Someone who looks after another person needs a break too.
        wanted |= {Need.CARER_BREAK}
    candidates = (
        Service.objects.published()
        .filter(residents_of=answers.gmina)
        .filter(Q(min_age__isnull=True) | Q(min_age__lte=answers.age))
        .filter(Q(max_age__isnull=True) | Q(max_age__gte=answers.age))
        .filter(needs__code__in=wanted, needs__vocabulary=Vocabulary.NEED)
        .distinct()
        .select_related("centre", "provider")
        .prefetch_related("needs", "target_groups", "funding")
    )
    candidates = list(candidates)
    own_centres = set(Centre.objects.filter(gminas=answers.gmina).values_list("pk", flat=True))
    centre_gminas: dict = {}
    for centre_id, code in Centre.gminas.through.objects.filter(
        centre_id__in={s.centre_id for s in candidates}
    ).values_list("centre_id", "gmina_id"):
        centre_gminas.setdefault(centre_id, set()).add(code)
    agreements = list(
        InterMunicipalAgreement.objects.filter(parties=answers.gmina)
        .prefetch_related("parties")
        .select_related("centre")
    )
    age_groups = groups_for_age(answers.age)
    if answers.for_whom == "cared":
        age_groups.add(TargetGroup.CARERS)
    matches = []
    for service in candidates:
        match = Match(service=service, score=0)
        helped = [t for t in service.needs.all() if t.code in wanted]
        asked = [t for t in helped if t.code in answers.needs]
        match.score += 10 * len(asked) + 4 * (len(helped) - len(asked))
        match.reasons.append(
            _("Helps with: %(needs)s.") % {"needs": ", ".join(str(t.label) for t in helped)}
        )
        groups = {t.code for t in service.target_groups.all()}
        if groups & age_groups - {TargetGroup.ALL}:
            match.score += 3
            match.reasons.append(
                _("Meant for: %(groups)s.")
                % {
                    "groups": ", ".join(
                        str(t.label) for t in service.target_groups.all() if t.code in age_groups
                    )
                }
            )
        if service.centre_id in own_centres:
            match.score += 2
            match.reasons.append(
                _("Given by your centre: %(centre)s.") % {"centre": service.centre.name}
            )
        else:
            service_gminas = centre_gminas.get(service.centre_id, set())
            match.via_agreement = next(
                (a for a in agreements if service_gminas & {p.code for p in a.parties.all()}), None
            )
            match.reasons.append(
                _(
                    "Open to residents of %(gmina)s through an inter-municipal agreement with %(centre)s."
                )
                % {"gmina": answers.gmina.name, "centre": service.centre.name}
            )
        comes = [
            label
            for flag, label in (
                (service.at_home, _("comes to your home")),
                (service.remote, _("works by phone or online")),
                (service.mobile, _("comes to points near you")),
            )
            if flag
        ]
        if answers.travel != "yes":
            if comes:
                match.score += 3
                match.reasons.append(
                    _("No need to travel: it %(how)s.") % {"how": ", ".join(str(c) for c in comes)}
                )
            else:
                match.score -= 5
                match.warnings.append(_("You need to get to the place where it is given."))
        if service.fee_kind == FeeKind.FREE:
            match.score += 1
            match.reasons.append(
                _("Free: its real value of %(value)s zł is paid for you.")
                % {"value": money(service.market_value)}
            )
        else:
            match.reasons.append(
                _("You pay %(price)s zł of its real value of %(value)s zł.")
                % {"price": money(service.resident_price), "value": money(service.market_value)}
            )
        if service.access_mode == "ipus_only":
            match.warnings.append(_("Given only within an individual plan (IPUS): ask the centre."))
        matches.append(match)
    matches.sort(key=lambda m: (-m.score, m.service.name))
    return matches[:limit]
