"""Figures for the dashboards: real counts of what exists, a fixed number of queries each."""

import datetime as dt
from collections import Counter

from django.db.models import Count, Q, Sum
from django.utils import timezone

from opencus.accounts.models import Membership
from opencus.accounts.roles import CENTRE_ROLES, Role
from opencus.accounts.selectors import staff_counts_by_role
from opencus.audit.models import AccessLogEntry
from opencus.audit.selectors import change_history_list
from opencus.territory.enums import CentreStatus
from opencus.territory.models import CentreStatusChange, Gmina, NetworkTerritory
from opencus.territory.selectors import centre_agreements, population_served


def centre_figures(*, centre) -> dict:
    counts = staff_counts_by_role(centre=centre)
    people, unknown = population_served(centre)
    since = timezone.now() - dt.timedelta(days=30)
    today = timezone.localdate()
    return {
        "gminas": list(centre.gminas.select_related("powiat").order_by("name")),
        "population": people,
        "population_unknown": unknown,
        "staff_total": Membership.objects.active()
        .filter(centre=centre)
        .values("user")
        .distinct()
        .count(),
        "staff_by_role": [
            (Role(role).label, counts.get(role, 0)) for role in Role.values if role in CENTRE_ROLES
        ],
        "days_operating": (today - centre.status_since).days
        if centre.status == CentreStatus.OPERATING and centre.status_since
        else None,
        "agreements": centre_agreements(centre=centre).count(),
        "networks": list(centre.networks.order_by("name")),
        "reads_30d": AccessLogEntry.objects.filter(centre=centre, occurred_at__gte=since).count(),
        "changes_30d": change_history_list(
            centre=centre, date_from=timezone.localdate() - dt.timedelta(days=30)
        ).count(),
    }


def organisation_figures(*, organisation) -> dict:
    staff = (
        Membership.objects.active()
        .filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    return {"staff": list(staff)}


def network_figures(*, network) -> dict:
    """Aggregates only: no names of people, counts of centres and territory."""
    centres = network.centres.select_related("seat_gmina")
    by_status = Counter(centres.values_list("status", flat=True))
    gmina_codes = set(
        Gmina.objects.filter(centres__networks=network).values_list("code", flat=True)
    )
    population = Gmina.objects.filter(code__in=gmina_codes).aggregate(
        people=Sum("population"), unknown=Count("code", filter=Q(population__isnull=True))
    )
    # Centres operating at the end of each year, from the dated status history: opened by
    # then and not closed by then.
    lifecycle = CentreStatusChange.objects.filter(
        centre__networks=network, status__in=[CentreStatus.OPERATING, CentreStatus.CLOSED]
    ).values_list("centre_id", "status", "effective_on")
    opened: dict = {}
    closed: dict = {}
    for centre_id, status, effective_on in lifecycle:
        (opened if status == CentreStatus.OPERATING else closed)[centre_id] = effective_on
    openings = list(opened.values())
    planned = list(
        centres.filter(status__in=[CentreStatus.PLANNED, CentreStatus.BEING_CREATED])
        .exclude(planned_opening_on__isnull=True)
        .values_list("planned_opening_on", flat=True)
    )
    years = sorted({d.year for d in openings + planned} | {timezone.localdate().year})
    timeline = []
    if years:
        for year in range(min(years) - 1, max(years) + 1):
            end = dt.date(year, 12, 31)
            operating = sum(
                1
                for centre_id, d in opened.items()
                if d <= end and not (centre_id in closed and closed[centre_id] <= end)
            )
            expected = operating + sum(1 for d in planned if d <= dt.date(year + 1, 1, 31))
            timeline.append({"year": year, "operating": operating, "expected": expected})
    peak = max((row["expected"] for row in timeline), default=0) or 1
    for row in timeline:
        row["operating_pct"] = round(100 * row["operating"] / peak)
        row["expected_pct"] = round(100 * row["expected"] / peak)
    territories = (
        NetworkTerritory.objects.filter(network=network)
        .select_related("gmina__powiat")
        .annotate(n_centres=Count("gmina__centres", distinct=True))
        .order_by("gmina__name")
    )
    return {
        "centres_total": sum(by_status.values()),
        "by_status": [(CentreStatus(s).label, s, by_status.get(s, 0)) for s in CentreStatus.values],
        "gminas_covered": len(gmina_codes),
        "population": population["people"] or 0,
        "population_unknown": population["unknown"],
        "timeline": timeline,
        "territories": list(territories),
        "centres": list(centres.order_by("name")),
    }
