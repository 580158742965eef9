"""The indicators of the partnership strategy (seed 003, part III), counted live from the data.

Each indicator is one small counting function: given the ids of some centres, it returns its
figures, each with a number per centre and a total over those centres (an organisation that
works with two of them counts once in the total). A centre's page asks for one centre, a
network's page for its member centres; either way each function costs a fixed number of
queries, however many centres and organisations there are.

Adding an indicator is one function and one line in ``INDICATORS``.

Component 1 (the education cycle and the Obserwatorium's advice) has no data in the system
yet, so it is not shown: the page shows only what the system holds.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import ServiceArea, ServiceType
from opencus.contracts.enums import BINDING_STATUSES, ContractStatus
from opencus.contracts.models import Contract, ContractLine
from opencus.cooperation.enums import ContributionKind, WorkshopStatus
from opencus.cooperation.models import Contribution, PilotMember, Workshop, WorkshopParticipant
from opencus.providers.enums import PES_LEGAL_FORMS, DocumentStatus, PartnershipStatus
from opencus.providers.models import (
    AttributesCard,
    CooperationLeader,
    Partnership,
    PortfolioSubmission,
)

# The names of seed 003, part III "Wskaźniki Strategii Partycypacji" (two typos of the seed
# corrected: "ds." and "interesariuszy"). They are the strategy's own names, shown in Polish
# whatever the language of the page.
SEED_CARDS = "Liczba Kart „Atrybuty PES/organizacji”"
SEED_LEADERS = "Liczba wybranych Liderów ds. Współpracy z CUS"
SEED_PORTFOLIOS = "Liczba Portfolio „Specjalizacja usług społecznych”"
SEED_STAKEHOLDERS = "Liczba interesariuszy Testu Strategii Partycypacji"
SEED_TASKS = (
    "Liczba i rodzaj wykonanych zadań przez PES/organizacje na rzecz CUS / lub na rzecz "
    "potencjalnych instytucji gotowych do utworzenia CUS"
)

COMPONENTS: dict[int, Promise] = {
    2: _("Component 2: the potential of the organisations for cooperation with the centre"),
    3: _("Component 3: advice, the test and its monitoring"),
}


@dataclass(frozen=True)
class Figure:
    """One number of an indicator: for each centre asked about, and in total."""

    label: str | Promise  # "" for the indicator itself, or the part it counts (a kind)
    per_centre: dict[Any, int]
    total: int
    query: str = ""  # the filter of the list behind it, e.g. "kind=diagnosis"

    def of(self, centre_id) -> int:
        return self.per_centre.get(centre_id, 0)


@dataclass(frozen=True)
class Indicator:
    key: str
    component: int
    name: str  # seed 003's name
    counted: str | Promise  # what the system counts for it
    count: Callable[[Sequence], list[Figure]]
    list_url: str = ""  # the centre's list behind the numbers (a URL name), if there is one
    list_permission: str = ""  # who may open that list, if not everyone who sees cooperation
    anchor: str = ""  # or a table on the indicators page itself


def _distinct(pairs: Iterable[tuple[Any, Any]]) -> tuple[dict[Any, int], int]:
    """Count distinct keys per centre, and distinct keys over all centres."""
    per_centre: dict[Any, set] = defaultdict(set)
    everything: set = set()
    for centre_id, key in pairs:
        per_centre[centre_id].add(key)
        everything.add(key)
    return {centre_id: len(keys) for centre_id, keys in per_centre.items()}, len(everything)


def _figure(pairs: Iterable[tuple[Any, Any]], label: str | Promise = "", query: str = "") -> Figure:
    per_centre, total = _distinct(pairs)
    return Figure(label=label, per_centre=per_centre, total=total, query=query)


def _counted(rows: QuerySet, key: str, centre_ids: Sequence) -> Figure:
    """Distinct ``key`` of ``rows`` (which have a ``centre``) for each centre and over all of
    them, counted by the database in one query: a network's partners run into thousands, and
    fetching them to count in Python cost more than the rest of the page."""
    counts = rows.order_by().aggregate(
        total=Count(key, distinct=True),
        **{
            f"centre_{n}": Count(key, distinct=True, filter=Q(centre_id=centre_id))
            for n, centre_id in enumerate(centre_ids)
        },
    )
    per_centre = {centre_id: counts[f"centre_{n}"] for n, centre_id in enumerate(centre_ids)}
    return Figure(label="", per_centre=per_centre, total=counts["total"])


def _partners(centre_ids: Sequence):
    return Partnership.objects.filter(
        centre_id__in=centre_ids, status=PartnershipStatus.VERIFIED
    ).order_by()


# --- component 2 -------------------------------------------------------------------------


def attribute_cards(centre_ids: Sequence) -> list[Figure]:
    """Partner organisations of the centre that have a final attributes card."""
    with_card = AttributesCard.objects.filter(
        organisation=OuterRef("organisation"), status=DocumentStatus.FINAL
    )
    return [_counted(_partners(centre_ids).filter(Exists(with_card)), "organisation", centre_ids)]


def cooperation_leaders(centre_ids: Sequence) -> list[Figure]:
    """Partner organisations of the centre that have named their cooperation leader."""
    with_leader = CooperationLeader.objects.filter(
        organisation=OuterRef("organisation"), ended_on__isnull=True
    )
    return [_counted(_partners(centre_ids).filter(Exists(with_leader)), "organisation", centre_ids)]


def portfolios(centre_ids: Sequence) -> list[Figure]:
    """Partner organisations that sent the centre a final portfolio (its versions count once)."""
    partner = Partnership.objects.filter(
        centre=OuterRef("centre"),
        organisation=OuterRef("portfolio__organisation"),
        status=PartnershipStatus.VERIFIED,
    )
    sent = PortfolioSubmission.objects.filter(
        Exists(partner), centre_id__in=centre_ids, portfolio__status=DocumentStatus.FINAL
    )
    return [_counted(sent, "portfolio__organisation", centre_ids)]


# --- component 3 -------------------------------------------------------------------------


def stakeholders(centre_ids: Sequence) -> list[Figure]:
    """Organisations in workshops (and so in pilots), and the people taking part in workshops
    and pilot teams (a name counts once per centre), cancelled workshops left out."""
    workshops = Workshop.objects.filter(centre_id__in=centre_ids).exclude(
        status=WorkshopStatus.CANCELLED
    )
    organisations = workshops.order_by().values_list("centre_id", "organisation_id")
    participants = (
        WorkshopParticipant.objects.filter(workshop__in=workshops.values("pk"))
        .order_by()
        .values_list("workshop__centre_id", Lower("name"))
    )
    members = (
        PilotMember.objects.filter(pilot__centre_id__in=centre_ids)
        .order_by()
        .values_list("pilot__centre_id", Lower("name"))
    )
    return [
        _figure(organisations, _("organisations")),
        _figure([*participants, *members], _("people taking part (workshops and pilot teams)")),
    ]


def pilot_contributions(centre_ids: Sequence) -> list[Figure]:
    """The organisations' contributions in pilots, all and by kind."""
    rows = (
        Contribution.objects.filter(pilot__centre_id__in=centre_ids)
        .order_by()
        .values_list("pilot__centre_id", "kind")
        .annotate(n=Count("pk"))
    )
    by_kind: dict[str, dict[Any, int]] = defaultdict(dict)
    everything: dict[Any, int] = defaultdict(int)
    for centre_id, kind, n in rows:
        by_kind[kind][centre_id] = n
        everything[centre_id] += n
    figures = [
        Figure(_("pilot contributions, all kinds"), dict(everything), sum(everything.values()))
    ]
    for kind in ContributionKind:
        counts = by_kind.get(kind.value, {})
        figures.append(Figure(kind.label, counts, sum(counts.values()), f"kind={kind.value}"))
    return figures


def pes_contracts() -> Q:
    """Contracts with a PES (``providers.enums.PES_LEGAL_FORMS``, or a recognised social
    enterprise of any form) that were carried out: signed, settled or closed, or terminated
    after they had started. Drafts, and contracts ended before their first day (a draft
    dropped, or a signed one terminated before it started), did no task."""
    pes = Q(organisation__legal_form__in=sorted(PES_LEGAL_FORMS)) | Q(
        organisation__is_social_enterprise=True
    )
    carried_out = Q(status__in=list(BINDING_STATUSES)) | Q(
        status=ContractStatus.TERMINATED,
        signed_on__isnull=False,
        terminated_on__gte=F("starts_on"),
    )
    return pes & carried_out


def contract_tasks(centre_ids: Sequence) -> list[Figure]:
    """Tasks done by PES for the centre under contracts, all and by kind.

    The kind of a contract made from an award is the service type of its procedure (a call
    for respite care); a contract made without a procedure counts under the statutory area(s)
    of its lines' catalogue services, once per area (one covering two areas shows under both,
    so the kinds may add up to more than the contracts). Only kinds that occur are listed.
    """
    contracts = Contract.objects.filter(pes_contracts(), centre_id__in=centre_ids).order_by()
    from_calls = list(
        contracts.filter(offer__isnull=False).values_list(
            "centre_id", "pk", "offer__call__service_type"
        )
    )
    without = list(
        ContractLine.objects.filter(contract__in=contracts.filter(offer__isnull=True).values("pk"))
        .order_by()
        .values_list("contract__centre_id", "contract_id", "service__areas__code")
        .distinct()
    )
    types: dict[str, list] = defaultdict(list)
    for centre_id, contract_id, service_type in from_calls:
        types[service_type].append((centre_id, contract_id))
    areas: dict[str, list] = defaultdict(list)
    for centre_id, contract_id, area in without:
        if area:
            areas[area].append((centre_id, contract_id))
    everything = [(c, k) for c, k, _t in from_calls] + [(c, k) for c, k, _a in without]
    figures = [_figure(everything, _("contracts carried out by PES, all kinds"))]
    for service_type in ServiceType:
        if service_type.value in types:
            label = format_lazy(_("from a call for: {}"), service_type.label)
            figures.append(_figure(types[service_type.value], label))
    for area in ServiceArea:
        if area.value in areas:
            label = format_lazy(_("without a call, in the area: {}"), area.label)
            figures.append(_figure(areas[area.value], label))
    return figures


INDICATORS: list[Indicator] = [
    Indicator(
        "attribute_cards",
        2,
        SEED_CARDS,
        _("partner organisations with a final attributes card"),
        attribute_cards,
        anchor="readiness",
    ),
    Indicator(
        "cooperation_leaders",
        2,
        SEED_LEADERS,
        _("partner organisations that have named their cooperation leader"),
        cooperation_leaders,
        anchor="readiness",
    ),
    Indicator(
        "portfolios",
        2,
        SEED_PORTFOLIOS,
        _("organisations that sent the centre a final portfolio"),
        portfolios,
        anchor="readiness",
    ),
    Indicator(
        "stakeholders",
        3,
        SEED_STAKEHOLDERS,
        _("organisations and people in the workshops and pilots (cancelled ones left out)"),
        stakeholders,
        list_url="centre:workshop_list",
    ),
    Indicator(
        "tasks_pilots",
        3,
        SEED_TASKS,
        _("contributions of the organisations in pilots, by kind"),
        pilot_contributions,
        list_url="centre:contribution_list",
    ),
    Indicator(
        "tasks_contracts",
        3,
        SEED_TASKS,
        _("contracts with PES carried out for the centre, by kind of service"),
        contract_tasks,
        list_url="centre:contract_list",
        list_permission="contracts.view_contract",
    ),
]


@dataclass
class Row:
    """A line of the indicators table: one figure of one indicator."""

    indicator: Indicator
    figure: Figure
    first: bool  # the indicator's first figure (where its name is shown)
    span: int  # how many figures the indicator has (the rows its name spans)
    value: int = 0  # the number of the centre the page is about
    href: str = ""  # the list behind the number


def indicator_rows(
    centre_ids: Sequence, indicators: Sequence[Indicator] | None = None
) -> list[Row]:
    """Every figure of every indicator for these centres, in the order of the seed."""
    rows = []
    for indicator in indicators if indicators is not None else INDICATORS:
        figures = indicator.count(list(centre_ids))
        for n, figure in enumerate(figures):
            rows.append(Row(indicator=indicator, figure=figure, first=n == 0, span=len(figures)))
    return rows
