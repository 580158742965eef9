"""Reads of contracts and their quality records: the centre's (scoped to it), the
organisation's (only its own, from every centre) and the resident's (only their own services).

The monitoring compares, month by month, what a contract bought with what was granted and
delivered: the enrolments and deliveries of its services by its organisation, summed in the
database (a fixed number of queries whatever the number of deliveries).
"""

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Avg,
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Least, TruncMonth
from django.shortcuts import get_object_or_404
from django.utils import timezone

from opencus.catalogue.enums import ServiceStatus
from opencus.catalogue.models import Service
from opencus.commissioning.models import Offer
from opencus.contracts.enums import (
    GRANT_KINDS,
    OPEN_COMPLAINT_STATUSES,
    ContractStatus,
    InspectionRating,
    ReportStatus,
    kind_for_call,
)
from opencus.contracts.models import (
    Complaint,
    Contract,
    ContractEvent,
    ContractLine,
    ContractsPolicy,
    Inspection,
    ProviderReport,
    ReportingDuty,
    SurveyResponse,
)
from opencus.core.tenancy import scope_to_centre
from opencus.core.text import fold
from opencus.enrolments.enums import DeliveryStatus, Period
from opencus.enrolments.models import Delivery, Enrolment
from opencus.enrolments.selectors import money
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Organisation, Partnership

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def _today() -> dt.date:
    return timezone.localdate()


def contracts_policy(centre) -> ContractsPolicy:
    """The centre's settings, or the defaults (30 days to answer) when it has saved none."""
    return ContractsPolicy.objects.filter(centre=centre).first() or ContractsPolicy(centre=centre)


# --- what a contract may name -----------------------------------------------------------------


def partner_organisations(centre) -> QuerySet[Organisation]:
    """Organisations the centre has verified as partners: who a contract may be signed with."""
    return Organisation.objects.filter(
        partnerships__centre=centre, partnerships__status=PartnershipStatus.VERIFIED
    ).order_by("name")


def contractable_services(centre) -> QuerySet[Service]:
    """The centre's catalogue services a contract may buy (not archived)."""
    return (
        Service.objects.filter(centre=centre)
        .exclude(status=ServiceStatus.ARCHIVED)
        .select_related("provider")
        .order_by("name")
    )


def complaint_organisations(centre) -> QuerySet[Organisation]:
    """Organisations a complaint may be about: the centre's partners and the providers of its
    services."""
    return (
        Organisation.objects.filter(
            Q(partnerships__centre=centre, partnerships__status=PartnershipStatus.VERIFIED)
            | Q(services__centre=centre)
        )
        .distinct()
        .order_by("name")
    )


# --- the centre's contracts ------------------------------------------------------------------


def _search(contracts: QuerySet[Contract], query: str) -> QuerySet[Contract]:
    for word in query.split()[:4]:
        condition = Q(title__icontains=word) | Q(organisation__search_name__contains=fold(word))
        number, _sep, year = word.partition("/")
        if number.isdigit():
            condition |= Q(sequence=int(number), **({"year": int(year)} if year.isdigit() else {}))
        contracts = contracts.filter(condition)
    return contracts


def contract_list(
    *, centre, query: str = "", status: str = "", kind: str = "", organisation=None
) -> QuerySet[Contract]:
    """The centre's contracts, newest number first."""
    contracts = scope_to_centre(Contract.objects.select_related("organisation"), centre)
    contracts = _search(contracts, query.strip())
    if status:
        contracts = contracts.filter(status=status)
    if kind:
        contracts = contracts.filter(kind=kind)
    if organisation is not None:
        contracts = contracts.filter(organisation=organisation)
    return contracts.order_by("-year", "-sequence", "id")


def _partnership_id(contract_ref="centre", organisation_ref="organisation") -> Subquery:
    return Subquery(
        Partnership.objects.filter(
            centre=OuterRef(contract_ref), organisation=OuterRef(organisation_ref)
        ).values("pk")[:1]
    )


def _detail(contracts: QuerySet[Contract]) -> QuerySet[Contract]:
    return (
        contracts.select_related("organisation", "centre", "created_by", "offer__call")
        .annotate(partnership_id=_partnership_id())
        .prefetch_related(
            Prefetch("lines", queryset=ContractLine.objects.select_related("service__provider")),
            Prefetch("duties", queryset=ReportingDuty.objects.order_by("frequency", "what")),
            Prefetch(
                "events", queryset=ContractEvent.objects.select_related("by").order_by("at", "id")
            ),
            Prefetch(
                "reports",
                queryset=ProviderReport.objects.select_related("duty").order_by(
                    "due_on", "duty__what"
                ),
            ),
            Prefetch(
                "inspections",
                queryset=Inspection.objects.select_related("recorded_by").order_by("-inspected_on"),
            ),
        )
    )


def get_contract(*, centre, contract_id) -> Contract:
    """One of the centre's contracts, with what its page shows; another centre's is a 404."""
    return get_object_or_404(
        _detail(scope_to_centre(Contract.objects.all(), centre)), pk=contract_id
    )


def get_inspection(*, centre, contract_id, inspection_id) -> Inspection:
    """One inspection of one of the centre's contracts; another centre's is a 404."""
    return get_object_or_404(
        scope_to_centre(Inspection.objects.select_related("contract"), centre).filter(
            contract_id=contract_id
        ),
        pk=inspection_id,
    )


# --- contracts from awarded offers (commissioning) ----------------------------------------------


def contracts_of_offers(offer_ids: Iterable) -> dict:
    """{offer id: the contract made from it} for those of ``offer_ids`` that have one, in one
    query (registered with ``commissioning.handover`` for the call's page)."""
    ids = list(offer_ids)
    if not ids:
        return {}
    return {c.offer_id: c for c in Contract.objects.filter(offer_id__in=ids).order_by()}


def contract_of_offer(offer: Offer) -> Contract | None:
    return Contract.objects.filter(offer=offer).first()


def initial_from_offer(offer: Offer) -> dict:
    """What the new contract's form starts with, from an awarded offer: its organisation, the
    call's title, the task period (the offer's, which lies within the call's and is the
    call's unless the offer narrowed it), the kind the procedure leads to, the call's social
    clauses and, for a grant, the own contribution the offer stated. (The amount awarded,
    ``offer.awarded_amount``, is what the lines should add up to: signing refuses more.)"""
    call = offer.call
    kind = kind_for_call(call.mode, call.task_form)
    initial = {
        "organisation": offer.organisation,
        "title": call.title,
        "kind": kind,
        "starts_on": offer.task_starts_on or call.task_starts_on,
        "ends_on": offer.task_ends_on or call.task_ends_on,
        "social_clauses": call.social_clauses,
    }
    if kind in GRANT_KINDS and offer.own_contribution:
        initial["own_contribution"] = offer.own_contribution
    return initial


def get_line(*, centre, line_id) -> ContractLine:
    return get_object_or_404(
        scope_to_centre(ContractLine.objects.select_related("contract", "service"), centre),
        pk=line_id,
    )


def get_duty(*, centre, duty_id) -> ReportingDuty:
    return get_object_or_404(
        scope_to_centre(ReportingDuty.objects.select_related("contract"), centre), pk=duty_id
    )


def get_report(*, centre, report_id) -> ProviderReport:
    return get_object_or_404(
        scope_to_centre(
            ProviderReport.objects.select_related("contract__organisation", "duty", "submitted_by"),
            centre,
        ),
        pk=report_id,
    )


def _line_deliveries(status: str) -> QuerySet[Delivery]:
    """Deliveries (of ``status``) of an outer contract line's service by its contract's
    organisation, within the days the contract ran (to its end, or its termination).

    Found through the enrolments of the service by the organisation (the centre named on the
    enrolment, not on the delivery): with the delivery's centre the database reads every
    delivery of the centre in the contract's period, once per line and figure."""
    last_day = Least(
        OuterRef("contract__ends_on"),
        Coalesce(OuterRef("contract__terminated_on"), OuterRef("contract__ends_on")),
    )
    return Delivery.objects.filter(
        enrolment__centre=OuterRef("contract__centre"),
        enrolment__service=OuterRef("service"),
        enrolment__provider=OuterRef("contract__organisation"),
        delivered_on__gte=OuterRef("contract__starts_on"),
        delivered_on__lte=last_day,
        status=status,
    )


def _line_sum(status: str, total) -> Subquery:
    return Subquery(_line_deliveries(status).values("status").annotate(n=total).values("n")[:1])


def lines_with_delivery(lines: QuerySet[ContractLine]) -> QuerySet[ContractLine]:
    """Lines annotated with the ``delivered`` units, delivered ``visits`` and ``missed``
    visits so far, in one query."""
    return lines.annotate(
        delivered=Coalesce(
            _line_sum(DeliveryStatus.DELIVERED, Sum("units")),
            Value(ZERO),
            output_field=DecimalField(max_digits=14, decimal_places=2),
        ),
        visits=Coalesce(_line_sum(DeliveryStatus.DELIVERED, Count("id")), Value(0)),
        missed=Coalesce(_line_sum(DeliveryStatus.MISSED, Count("id")), Value(0)),
    )


@dataclass
class ContractSummary:
    """A contract's money so far: value, spent (delivered units × unit price) and %."""

    contract: Contract
    spent: Decimal = ZERO

    @property
    def percent(self) -> Decimal:
        value = self.contract.total_value
        return (self.spent * HUNDRED / value).quantize(Decimal("0.1")) if value else Decimal(0)


def contract_summaries(contracts: Iterable[Contract]) -> list[ContractSummary]:
    """Money spent on each of these contracts: one query for all their lines."""
    contracts = list(contracts)
    summaries = {c.pk: ContractSummary(contract=c) for c in contracts}
    lines = lines_with_delivery(
        ContractLine.objects.filter(contract__in=[c.pk for c in contracts])
    ).values_list("contract_id", "delivered", "unit_price")  # type: ignore[misc]
    for contract_id, delivered, unit_price in lines:
        summaries[contract_id].spent += money(Decimal(delivered) * unit_price)
    return [summaries[c.pk] for c in contracts]


def contract_totals(contracts: QuerySet[Contract]) -> dict:
    """The count and value of a (filtered) list, one query."""
    totals = contracts.order_by().aggregate(count=Count("id"), value=Sum("total_value"))
    return {"count": totals["count"], "value": money(Decimal(totals["value"] or 0))}


# --- monitoring ------------------------------------------------------------------------------


def month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _overlap_days(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> int:
    return max(0, (min(a_end, b_end) - max(a_start, b_start)).days + 1)


def _spread(total: Decimal, weights: list[int]) -> list[Decimal]:
    """``total`` shared in proportion to ``weights``, to the hundredth, summing exactly."""
    whole = sum(weights)
    if not whole:
        return [ZERO for _w in weights]
    shares = [money(total * w / whole) for w in weights]
    if shares:
        shares[-1] += total - sum(shares)
    return shares


@dataclass
class MonthRow:
    month: dt.date
    contracted: Decimal = ZERO
    granted: Decimal = ZERO
    delivered: Decimal = ZERO
    missed: int = 0
    spent: Decimal = ZERO
    contracted_value: Decimal = ZERO
    cumulative: Decimal = ZERO  # delivered (lines) or spent (total) so far
    percent: Decimal = Decimal(0)  # of the whole contract so far


@dataclass
class LineMonitoring:
    line: ContractLine
    months: list[MonthRow]
    total: MonthRow


@dataclass
class Monitoring:
    contract: Contract
    lines: list[LineMonitoring]
    months: list[MonthRow]  # the contract in money: contracted value vs spent
    total: MonthRow
    has_deliveries: bool = False
    warnings: list[str] = field(default_factory=list)


def _enrolment_span(starts_on, ends_on, ended_on) -> tuple[dt.date, dt.date]:
    return starts_on, ended_on or ends_on or dt.date.max


def _granted_in(units: Decimal, period: str, days: int, month: dt.date) -> Decimal:
    """Units granted per week or month, over ``days`` days of ``month``."""
    if period == Period.WEEK:
        return units * days / 7
    return units * days / _month_end(month).day


def contract_monitoring(contract: Contract) -> Monitoring:
    """Month by month, per line and for the whole contract: units contracted (spread over the
    days of the period), granted (enrolments of the line's service delivered by the
    organisation, their units per week or month over the days they ran), delivered (and
    missed visits), money spent (delivered units × the line's unit price) and the cumulative
    share of the contract.

    Two queries besides the contract's lines, whatever the number of enrolments and
    deliveries: the enrolments' terms, and the deliveries summed by service, month and status.
    """
    start, end = contract.starts_on, contract.effective_end
    months = month_starts(start, end)
    lines = list(contract.lines.all())
    service_ids = [line.service_id for line in lines]
    # the days of the period in each month: the weights of the contracted units
    days = [_overlap_days(month, _month_end(month), start, end) for month in months]

    granted: dict = defaultdict(lambda: defaultdict(lambda: ZERO))
    still_running = (
        Q(ended_on__gte=start)
        | Q(ended_on__isnull=True, ends_on__isnull=True)
        | Q(ended_on__isnull=True, ends_on__gte=start)
    )
    enrolments = Enrolment.objects.filter(
        centre_id=contract.centre_id,
        service_id__in=service_ids,
        provider_id=contract.organisation_id,
        starts_on__lte=end,
    ).filter(still_running)
    terms = enrolments.values_list(
        "service_id", "units_per_period", "period", "starts_on", "ends_on", "ended_on"
    )
    for service_id, units, period, starts_on, ends_on, ended_on in terms:
        first, last = _enrolment_span(starts_on, ends_on, ended_on)
        for month in months:
            lo, hi = max(month, start, first), min(_month_end(month), end, last)
            if lo <= hi:
                granted[service_id][month] += _granted_in(units, period, (hi - lo).days + 1, month)

    delivered: dict = defaultdict(lambda: defaultdict(lambda: ZERO))
    missed: dict = defaultdict(lambda: defaultdict(int))
    # The deliveries of those enrolments (a delivery falls within its enrolment's days), not
    # of every enrolment the organisation ever had for the services: the database then reads
    # them through their enrolments, not the centre's deliveries of the period.
    rows = (
        Delivery.objects.filter(
            enrolment__in=enrolments.values("pk"),
            delivered_on__gte=start,
            delivered_on__lte=end,
        )
        .annotate(month=TruncMonth("delivered_on"))
        .values("enrolment__service_id", "month", "status")
        .annotate(units=Sum("units"), visits=Count("id"))
        .order_by()
    )
    has_deliveries = False
    for agg in rows:
        has_deliveries = True
        month = agg["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        if agg["status"] == DeliveryStatus.MISSED:
            missed[agg["enrolment__service_id"]][month] += agg["visits"]
        else:
            delivered[agg["enrolment__service_id"]][month] += money(Decimal(agg["units"]))

    line_rows: list[LineMonitoring] = []
    money_months = [MonthRow(month=m) for m in months]
    for line in lines:
        contracted = _spread(line.units, days)
        contracted_value = _spread(line.value, days)
        cumulative = ZERO
        rows_of_line = []
        for i, month in enumerate(months):
            units = delivered[line.service_id][month]
            cumulative += units
            row = MonthRow(
                month=month,
                contracted=contracted[i],
                granted=money(granted[line.service_id][month]),
                delivered=units,
                missed=missed[line.service_id][month],
                spent=money(units * line.unit_price),
                contracted_value=contracted_value[i],
                cumulative=cumulative,
                percent=(cumulative * HUNDRED / line.units).quantize(Decimal("0.1")),
            )
            rows_of_line.append(row)
            total_row = money_months[i]
            total_row.contracted_value += row.contracted_value
            total_row.spent += row.spent
            total_row.missed += row.missed
        line_rows.append(
            LineMonitoring(line=line, months=rows_of_line, total=_sum_rows(rows_of_line, line))
        )
    spent_so_far = ZERO
    value = contract.total_value
    for row in money_months:
        spent_so_far += row.spent
        row.cumulative = spent_so_far
        row.percent = (
            (spent_so_far * HUNDRED / value).quantize(Decimal("0.1")) if value else Decimal(0)
        )
    total = MonthRow(
        month=start,
        contracted_value=value,
        spent=spent_so_far,
        missed=sum(r.missed for r in money_months),
        cumulative=spent_so_far,
        percent=money_months[-1].percent if money_months else Decimal(0),
    )
    return Monitoring(
        contract=contract,
        lines=line_rows,
        months=money_months,
        total=total,
        has_deliveries=has_deliveries,
    )


def _sum_rows(rows: list[MonthRow], line: ContractLine) -> MonthRow:
    delivered = sum((r.delivered for r in rows), ZERO)
    return MonthRow(
        month=rows[0].month if rows else line.contract.starts_on,
        contracted=line.units,
        granted=sum((r.granted for r in rows), ZERO),
        delivered=delivered,
        missed=sum(r.missed for r in rows),
        spent=sum((r.spent for r in rows), ZERO),
        contracted_value=line.value,
        cumulative=delivered,
        percent=(delivered * HUNDRED / line.units).quantize(Decimal("0.1")),
    )


# --- the organisation's side -----------------------------------------------------------------


def organisation_contract_list(*, organisation, status: str = "") -> QuerySet[Contract]:
    """The organisation's contracts with every centre (drafts are the centres' own)."""
    contracts = (
        Contract.objects.filter(organisation=organisation)
        .exclude(status=ContractStatus.DRAFT)
        .select_related("centre")
    )
    if status:
        contracts = contracts.filter(status=status)
    return contracts.order_by("-starts_on", "centre__name", "-sequence", "id")


def get_organisation_contract(*, organisation, contract_id) -> Contract:
    """One of the organisation's signed contracts; any other id is a 404."""
    return get_object_or_404(
        _detail(
            Contract.objects.filter(organisation=organisation).exclude(status=ContractStatus.DRAFT)
        ),
        pk=contract_id,
    )


def get_organisation_report(*, organisation, report_id) -> ProviderReport:
    return get_object_or_404(
        ProviderReport.objects.filter(contract__organisation=organisation)
        .exclude(contract__status=ContractStatus.DRAFT)
        .select_related("contract__centre", "duty"),
        pk=report_id,
    )


def contract_referrals(contract: Contract, *, limit: int = 50) -> list:
    """Referrals the contract's centre sent to its organisation for its services since the
    contract started: what comes with the contract (the receiver sees only what was shared)."""
    from opencus.referrals.selectors import organisation_referral_list, set_ages

    service_ids = [line.service_id for line in contract.lines.all()]
    start = dt.datetime.combine(
        contract.starts_on, dt.time.min, tzinfo=timezone.get_current_timezone()
    )
    referrals = list(
        organisation_referral_list(organisation=contract.organisation).filter(
            centre_id=contract.centre_id, service_id__in=service_ids, sent_at__gte=start
        )[:limit]
    )
    set_ages(referrals, timezone.now())
    return referrals


# --- complaints ------------------------------------------------------------------------------


def _complaints(complaints: QuerySet[Complaint]) -> QuerySet[Complaint]:
    return complaints.select_related("organisation", "service", "contract", "person")


def _complaint_search(complaints: QuerySet[Complaint], query: str) -> QuerySet[Complaint]:
    for word in query.split()[:4]:
        complaints = complaints.filter(
            Q(description__icontains=word)
            | Q(organisation__search_name__contains=fold(word))
            | Q(service__name__icontains=word)
            | Q(person__search_name__contains=fold(word))
            | Q(complainant__icontains=word)
        )
    return complaints


def complaint_list(
    *,
    centre,
    query: str = "",
    status: str = "",
    overdue: bool = False,
    organisation=None,
    contract=None,
) -> QuerySet[Complaint]:
    """The centre's complaints: those waiting for an answer first, oldest deadline first."""
    complaints = _complaints(scope_to_centre(Complaint.objects.all(), centre))
    complaints = _complaint_search(complaints, query.strip())
    if status:
        complaints = complaints.filter(status=status)
    if overdue:
        complaints = complaints.filter(overdue_condition())
    if organisation is not None:
        complaints = complaints.filter(organisation=organisation)
    if contract is not None:
        complaints = complaints.filter(contract=contract)
    return complaints.order_by(
        F("answered_on").asc(nulls_first=True), "answer_due_on", "-received_on", "id"
    )


def overdue_condition(today: dt.date | None = None) -> Q:
    return Q(status__in=list(OPEN_COMPLAINT_STATUSES), answer_due_on__lt=today or _today())


def get_complaint(*, centre, complaint_id) -> Complaint:
    return get_object_or_404(
        _complaints(scope_to_centre(Complaint.objects.all(), centre)).select_related(
            "answered_by", "closed_by", "explained_by", "created_by"
        ),
        pk=complaint_id,
    )


def organisation_complaint_list(*, organisation, status: str = "") -> QuerySet[Complaint]:
    """Complaints about the organisation, from every centre (without who complained)."""
    complaints = Complaint.objects.filter(organisation=organisation).select_related(
        "centre", "service", "contract"
    )
    if status:
        complaints = complaints.filter(status=status)
    return complaints.order_by(
        F("answered_on").asc(nulls_first=True), "answer_due_on", "-received_on", "id"
    )


def get_organisation_complaint(*, organisation, complaint_id) -> Complaint:
    return get_object_or_404(
        Complaint.objects.filter(organisation=organisation).select_related(
            "centre", "service", "contract", "explained_by"
        ),
        pk=complaint_id,
    )


# --- surveys -----------------------------------------------------------------------------------


def survey_list(*, centre, service=None, organisation=None) -> QuerySet[SurveyResponse]:
    """The centre's survey answers (who answered is not shown), newest first."""
    answers = scope_to_centre(
        SurveyResponse.objects.select_related("service", "organisation"), centre
    )
    if service is not None:
        answers = answers.filter(service=service)
    if organisation is not None:
        answers = answers.filter(organisation=organisation)
    return answers.order_by("-answered_on", "-created_at", "id")


def survey_means(answers: QuerySet[SurveyResponse]) -> dict:
    """The number of answers and the mean of each question and overall, one query."""
    result = answers.order_by().aggregate(
        n=Count("id"),
        helpful=Avg("helpful"),
        respectful=Avg("respectful"),
        reliable=Avg("reliable"),
        overall=Avg("overall"),
    )
    means = {
        k: (Decimal(str(v)).quantize(Decimal("0.01")) if v is not None else None)
        for k, v in result.items()
        if k != "n"
    }
    present = [v for v in means.values() if v is not None]
    means["all"] = (
        (sum(present, Decimal(0)) / len(present)).quantize(Decimal("0.01")) if present else None
    )
    return {"n": result["n"], **means}


def _has_delivery() -> Exists:
    return Exists(
        Delivery.objects.filter(enrolment=OuterRef("pk"), status=DeliveryStatus.DELIVERED)
    )


def survey_candidates(*, centre, query: str) -> QuerySet[Enrolment]:
    """Services given to people found by name that have a delivered visit and no survey yet:
    what a paper survey may be recorded for."""
    enrolments = scope_to_centre(
        Enrolment.objects.select_related("person", "service", "provider"), centre
    )
    for word in query.split()[:4]:
        enrolments = enrolments.filter(person__search_name__contains=fold(word))
    return enrolments.filter(_has_delivery(), survey__isnull=True).order_by(
        "person__last_name", "person__first_name", "service__name", "id"
    )


def get_survey_enrolment(*, centre, enrolment_id) -> Enrolment:
    return get_object_or_404(
        scope_to_centre(Enrolment.objects.select_related("person", "service", "provider"), centre),
        pk=enrolment_id,
    )


def resident_enrolment(*, user, enrolment_id) -> Enrolment:
    """A service given to a person the resident's account is linked to; else a 404."""
    return get_object_or_404(
        Enrolment.objects.filter(
            person__resident_links__user=user, person__resident_links__ended_at__isnull=True
        )
        .select_related("person", "service", "provider", "centre")
        .distinct(),
        pk=enrolment_id,
    )


# --- the provider scorecard ------------------------------------------------------------------


@dataclass
class Scorecard:
    centre: object
    organisation: Organisation
    contracts: list[Contract]
    lines: list  # ContractLines with ``delivered``, ``visits`` and ``missed``
    value: Decimal
    spent: Decimal
    delivered_visits: int
    missed_visits: int
    complaints: dict
    surveys: dict
    inspections: list[Inspection]
    ratings: dict
    reports: dict

    @property
    def missed_percent(self) -> Decimal | None:
        visits = self.delivered_visits + self.missed_visits
        if not visits:
            return None
        return (Decimal(self.missed_visits) * HUNDRED / visits).quantize(Decimal("0.1"))

    @property
    def spent_percent(self) -> Decimal | None:
        if not self.value:
            return None
        return (self.spent * HUNDRED / self.value).quantize(Decimal("0.1"))


def scorecard(*, centre, organisation) -> Scorecard:
    """The organisation's record with the centre, over its signed contracts: units delivered
    against contracted, missed visits, complaints (and upheld), satisfaction, inspections and
    reports on time. A fixed number of queries."""
    today = _today()
    contracts = list(
        Contract.objects.filter(centre=centre, organisation=organisation)
        .exclude(status=ContractStatus.DRAFT)
        .order_by("-starts_on", "-sequence")
    )
    lines = list(
        lines_with_delivery(ContractLine.objects.filter(contract__in=[c.pk for c in contracts]))
        .select_related("service", "contract")
        .order_by("-contract__starts_on", "service__name")
    )
    service_ids = {line.service_id for line in lines}
    complaints = Complaint.objects.filter(centre=centre, organisation=organisation).aggregate(
        total=Count("id"),
        upheld=Count("id", filter=Q(upheld=True)),
        open=Count("id", filter=Q(status__in=list(OPEN_COMPLAINT_STATUSES))),
        overdue=Count("id", filter=overdue_condition(today)),
    )
    surveys = survey_means(
        SurveyResponse.objects.filter(
            centre=centre, organisation=organisation, service_id__in=service_ids
        )
    )
    inspections = list(
        Inspection.objects.filter(centre=centre, organisation=organisation)
        .select_related("contract")
        .order_by("-inspected_on")
    )
    ratings = dict.fromkeys(InspectionRating.values, 0)
    for inspection in inspections:
        ratings[inspection.rating] += 1
    reports = ProviderReport.objects.filter(contract__in=[c.pk for c in contracts]).aggregate(
        due=Count("id", filter=Q(due_on__lt=today) | Q(first_submitted_on__isnull=False)),
        on_time=Count("id", filter=Q(first_submitted_on__lte=F("due_on"))),
        late=Count("id", filter=Q(first_submitted_on__gt=F("due_on"))),
        missing=Count("id", filter=Q(first_submitted_on__isnull=True, due_on__lt=today)),
        accepted=Count("id", filter=Q(status=ReportStatus.ACCEPTED)),
    )
    return Scorecard(
        centre=centre,
        organisation=organisation,
        contracts=contracts,
        lines=lines,
        value=money(sum((c.total_value for c in contracts), ZERO)),
        spent=money(
            sum((Decimal(line.delivered) * line.unit_price for line in lines), ZERO)  # type: ignore[attr-defined]
        ),
        delivered_visits=sum(line.visits for line in lines),  # type: ignore[attr-defined]
        missed_visits=sum(line.missed for line in lines),  # type: ignore[attr-defined]
        complaints=complaints,
        surveys=surveys,
        inspections=inspections,
        ratings=ratings,
        reports=reports,
    )


def get_scorecard_partnership(*, centre, partnership_id) -> Partnership:
    return get_object_or_404(
        scope_to_centre(Partnership.objects.select_related("organisation", "centre"), centre),
        pk=partnership_id,
    )
