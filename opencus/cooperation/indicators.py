"""The indicators of the partnership strategy (seed 003, part III), counted live from the data.

Each indicator is one small counting function: given the ids of some centres, it returns its
figures, each with a number per centre and a total over those centres (an organisation that
works with two of them counts once in the total). A centre's page asks for one centre, a
network's page for its member centres; either way each function costs a fixed number of
queries, however many centres and organisations there are.

Adding an indicator is one function and one line in ``INDICATORS``. The contracts app adds
the tasks done under contracts by service type (component 3) that way, e.g.::

    def contracts_by_service_type(centre_ids) -> list[Figure]: ...
    Indicator("tasks_contracts", 3, SEED_TASKS, _("contracts, by service type"),
              contracts_by_service_type, list_url="centre:contract_list")

Component 1 (the education cycle and the Obserwatorium's advice) has no data in the system
yet, so it is not shown: the page shows only what the system holds.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opencus.cooperation.enums import ContributionKind, WorkshopStatus
from opencus.cooperation.models import Contribution, PilotMember, Workshop, WorkshopParticipant
from opencus.providers.enums import DocumentStatus, PartnershipStatus
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
    # The contracts app adds "tasks_contracts" (contracts by service type) here.
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
