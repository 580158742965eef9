"""Writes of contracts, their reports and the quality records. One transaction each, the
history attributed to ``by``.

A contract is edited only as a draft. Signing it (``contract_sign``) fixes it, makes its
organisation the provider of its services in the catalogue (in the same transaction) and
schedules the reports its duties call for. It ends settled (every report accepted, the period
over) and closed, or terminated with a reason; a service keeps its provider after that until
the OUS changes it in the catalogue.
"""

import calendar
import datetime as dt
from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.models import Service
from opencus.catalogue.services import service_set_provider
from opencus.commissioning.enums import OfferStatus
from opencus.commissioning.models import Offer
from opencus.contracts.enums import (
    BINDING_STATUSES,
    CONTRACT_TRANSITIONS,
    GRANT_KINDS,
    OPEN_COMPLAINT_STATUSES,
    SURVEY_FIELDS,
    ComplaintChannel,
    ComplaintStatus,
    ContractKind,
    ContractStatus,
    InspectionRating,
    ReportFrequency,
    ReportStatus,
    SurveyChannel,
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
from opencus.enrolments.enums import DeliveryStatus
from opencus.enrolments.models import Enrolment
from opencus.enrolments.selectors import money
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Partnership
from opencus.territory.models import Centre

MSG_TITLE = _("Give the contract a title.")
MSG_BAD_KIND = _("Choose the kind of contract.")
MSG_ENDS_BEFORE_START = _("The contract cannot end before it starts.")
MSG_NOT_A_PARTNER = _(
    "%(organisation)s is not a verified partner of the centre: verify its request on the "
    "partners' page first."
)
MSG_CONTRIBUTION_NOT_GRANT = _(
    "Only a grant agreement (powierzenie or wspieranie) records the organisation's own "
    "contribution."
)
MSG_CONTRIBUTION_NEGATIVE = _("The own contribution cannot be negative.")
MSG_NOT_DRAFT = _("The contract is %(status)s: only a draft can be changed.")
MSG_SERVICE_OTHER_CENTRE = _("This service is not in the centre's catalogue.")
MSG_UNITS_POSITIVE = _("The number of units must be above zero.")
MSG_PRICE_POSITIVE = _("The unit price must be above zero.")
MSG_LINE_TWICE = _("This service is already on the contract: change its line instead.")
MSG_DUTY_WHAT = _("Say what is reported.")
MSG_BAD_FREQUENCY = _("Choose how often it is reported.")
MSG_DUE_DAYS = _("Give between 0 and 180 days.")

MSG_OFFER_OTHER_CENTRE = _("This offer was made to another centre's call.")
MSG_OFFER_NOT_AWARDED = _(
    "The offer of %(organisation)s in call %(call)s is not awarded: a contract is made from an "
    "awarded offer."
)
MSG_OFFER_HAS_CONTRACT = _(
    "Contract %(number)s has already been made from the offer of %(organisation)s in call "
    "%(call)s: one contract per awarded offer."
)
MSG_OFFER_ORGANISATION = _(
    "Call %(call)s was awarded to %(organisation)s: the contract is with that organisation."
)
MSG_OFFER_KIND = _("Call %(call)s was %(procedure)s: the contract is “%(kind)s”.")

MSG_STATUS_NOT_ALLOWED = _("A contract cannot go from “%(current)s” to “%(new)s”.")
MSG_SIGN_NO_LINES = _("Add at least one service to the contract before signing it.")
MSG_SIGNED_ON_NEEDED = _("Give the date of signing.")
MSG_SIGNED_IN_FUTURE = _("The date of signing cannot be in the future.")
MSG_SIGN_AFTER_END = _("The contract's period ended on %(date)s: it cannot be signed after it.")
MSG_SIGN_ABOVE_AWARD = _(
    "The services add up to %(total)s zł, more than the %(awarded)s zł awarded in call "
    "%(call)s: lower the units or the prices."
)
MSG_SIGN_OVERLAP = _(
    "%(service)s is already contracted to %(organisation)s under contract %(number)s "
    "(%(start)s – %(end)s), which overlaps this period."
)
MSG_SETTLE_PERIOD = _("The contract runs until %(date)s: it can be settled after its period.")
MSG_SETTLE_REPORTS = _(
    "Every report must be accepted before the contract is settled; %(count)s is not yet: "
    "%(reports)s."
)
MSG_SETTLED_IN_FUTURE = _("The date of settling cannot be in the future.")
MSG_SETTLED_BEFORE_SIGNING = _("The contract cannot be settled before it was signed (%(date)s).")
MSG_TERMINATION_REASON = _("Give the reason for the termination.")
MSG_TERMINATION_DATE = _("Give the date of the termination.")
MSG_TERMINATED_IN_FUTURE = _("The date of the termination cannot be in the future.")
MSG_TERMINATED_BEFORE_SIGNING = _(
    "The contract cannot be terminated before it was signed (%(date)s)."
)

MSG_REPORT_NOT_OPEN = _("This report is %(status)s: it cannot be submitted now.")
MSG_REPORT_CONTRACT = _("The contract is %(status)s: its reports can no longer change.")
MSG_REPORT_PERIOD_NOT_OVER = _("The period ends on %(date)s: report on it after that day.")
MSG_REPORT_SUMMARY = _("Describe what was done in the period.")
MSG_REPORT_AMOUNT = _("The amount cannot be negative.")
MSG_REPORT_NOT_SUBMITTED = _("Only a submitted report can be accepted or returned.")
MSG_RETURN_NOTE = _("Say what is to be corrected.")

MSG_COMPLAINT_ABOUT = _("Say what the complaint is about: a provider or a service.")
MSG_COMPLAINT_DESCRIPTION = _("Describe what the complaint is about.")
MSG_COMPLAINT_FUTURE = _("The date of receipt cannot be in the future.")
MSG_BAD_CHANNEL = _("Choose how the complaint came.")
MSG_COMPLAINT_OTHER_CENTRE = _("This belongs to another centre.")
MSG_COMPLAINT_OTHER_ORGANISATION = _("The contract is with another organisation.")
MSG_COMPLAINT_SERVICE_NOT_ON_CONTRACT = _("This service is not on the contract.")
MSG_PERSON_MERGED = _("This person's record was merged into another: use the kept record.")
MSG_COMPLAINT_CLOSED = _("The complaint is closed: it can no longer change.")
MSG_COMPLAINT_NOTE = _("Write the note.")
MSG_COMPLAINT_ALREADY_ANSWERED = _("The complaint is %(status)s: it has already been answered.")
MSG_ANSWER_TEXT = _("Write the answer.")
MSG_ANSWER_DATE = _("Give the date of the answer.")
MSG_ANSWER_FUTURE = _("The date of the answer cannot be in the future.")
MSG_ANSWER_BEFORE_RECEIPT = _("The answer cannot be earlier than the receipt (%(date)s).")
MSG_ANSWER_UPHELD = _("Say whether the complaint was upheld.")
MSG_CLOSE_NOT_ANSWERED = _("Only an answered complaint can be closed.")
MSG_EXPLANATION = _("Write the explanation.")

MSG_SURVEY_NO_DELIVERY = _("The service can be rated after its first delivered visit.")
MSG_SURVEY_ONCE = _("This service has already been rated: one answer per service given.")
MSG_SCORE_RANGE = _("Choose from 1 to 5.")
MSG_BAD_SURVEY_CHANNEL = _("Choose how the survey was answered.")
MSG_SURVEY_FUTURE = _("The date cannot be in the future.")
MSG_SURVEY_BEFORE_START = _("The service started on %(date)s: the answer cannot be earlier.")

MSG_INSPECTION_DRAFT = _("A draft contract is not in execution: there is nothing to inspect yet.")
MSG_INSPECTION_FUTURE = _("The date of the inspection cannot be in the future.")
MSG_FOLLOW_UP_BEFORE = _("The follow-up cannot come before the inspection.")
MSG_REQUIRED = _("This field is required.")
MSG_BAD_RATING = _("Choose the rating.")
MSG_POLICY_DAYS = _("Give between 1 and 365 days.")

CONTRACT_FIELDS = frozenset(
    {
        "organisation",
        "title",
        "kind",
        "starts_on",
        "ends_on",
        "own_contribution",
        "social_clauses",
        "notes",
    }
)


def _today() -> dt.date:
    return timezone.localdate()


def _raise(errors: dict[str, list]) -> None:
    if errors:
        raise ValidationError(errors)


def _status_label(status: str) -> str:
    return str(ContractStatus(status).label)


def _event(contract: Contract, status: str, by, note: str = "") -> None:
    ContractEvent.objects.create(contract=contract, status=status, by=by, note=note.strip())


def _locked(contract: Contract) -> Contract:
    return Contract.objects.select_for_update().get(pk=contract.pk)


def _refuse_unless_draft(contract: Contract) -> None:
    if contract.status != ContractStatus.DRAFT:
        raise ValidationError(MSG_NOT_DRAFT, params={"status": _status_label(contract.status)})


def is_verified_partner(*, centre, organisation) -> bool:
    return Partnership.objects.filter(
        centre=centre, organisation=organisation, status=PartnershipStatus.VERIFIED
    ).exists()


def _contract_errors(*, centre, fields: dict) -> dict[str, list]:
    errors: dict[str, list] = {}
    if not (fields.get("title") or "").strip():
        errors["title"] = [MSG_TITLE]
    kind = fields.get("kind")
    if kind not in ContractKind.values:
        errors["kind"] = [MSG_BAD_KIND]
    starts_on, ends_on = fields.get("starts_on"), fields.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [MSG_ENDS_BEFORE_START]
    contribution = fields.get("own_contribution")
    if contribution is not None:
        if kind not in GRANT_KINDS:
            errors["own_contribution"] = [MSG_CONTRIBUTION_NOT_GRANT]
        elif contribution < 0:
            errors["own_contribution"] = [MSG_CONTRIBUTION_NEGATIVE]
    organisation = fields.get("organisation")
    if organisation is not None and not is_verified_partner(
        centre=centre, organisation=organisation
    ):
        errors["organisation"] = [
            ValidationError(MSG_NOT_A_PARTNER, params={"organisation": organisation.name})
        ]
    return errors


def _offer_errors(
    *, centre, offer: Offer, fields: dict, contract: Contract | None = None
) -> dict[str, list]:
    """A contract from an awarded offer: of the centre's call, awarded, not yet contracted,
    with the offer's organisation and in the kind the procedure leads to."""
    call = offer.call
    if call.centre_id != centre.pk:
        return {"__all__": [MSG_OFFER_OTHER_CENTRE]}
    names = {"organisation": offer.organisation.name, "call": call.number}
    if offer.status != OfferStatus.AWARDED:
        return {"__all__": [ValidationError(MSG_OFFER_NOT_AWARDED, params=names)]}
    errors: dict[str, list] = {}
    made_before = Contract.objects.filter(offer=offer)
    if contract is not None:
        made_before = made_before.exclude(pk=contract.pk)
    made = made_before.first()
    if made is not None:
        errors["__all__"] = [
            ValidationError(MSG_OFFER_HAS_CONTRACT, params={**names, "number": made.number})
        ]
    organisation = fields.get("organisation")
    if organisation is not None and organisation.pk != offer.organisation_id:
        errors["organisation"] = [ValidationError(MSG_OFFER_ORGANISATION, params=names)]
    kind = kind_for_call(call.mode, call.task_form)
    if fields.get("kind") in ContractKind.values and fields["kind"] != kind:
        errors["kind"] = [
            ValidationError(
                MSG_OFFER_KIND,
                params={"call": call.number, "procedure": call.procedure_label, "kind": kind.label},
            )
        ]
    return errors


# --- the contract as a draft ---------------------------------------------------------------


@transaction.atomic
def contract_create(
    *,
    centre,
    by,
    organisation,
    title: str,
    kind: str,
    starts_on: dt.date,
    ends_on: dt.date,
    own_contribution: Decimal | None = None,
    social_clauses: str = "",
    notes: str = "",
    offer: Offer | None = None,
    is_demo: bool = False,
) -> Contract:
    """A draft contract with the centre's next number of the year (counted under a lock on the
    centre's row, so two drafts made at once never share a number).

    Made from an awarded ``offer`` of one of the centre's calls, it is with the offer's
    organisation, in the kind its procedure leads to, and the only contract of that offer
    (the offer's row is locked first, so two people preparing it at once get one contract).
    """
    fields = {
        "organisation": organisation,
        "title": title,
        "kind": kind,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "own_contribution": own_contribution,
    }
    errors = _contract_errors(centre=centre, fields=fields)
    if offer is not None:
        offer = (
            Offer.objects.select_for_update(of=("self",))
            .select_related("call", "organisation")
            .get(pk=offer.pk)
        )
        offer_errors = _offer_errors(centre=centre, offer=offer, fields=fields)
        if "organisation" in offer_errors:
            errors.pop("organisation", None)  # not the offer's: whether a partner is beside it
        for name, found in offer_errors.items():
            errors.setdefault(name, []).extend(found)
    _raise(errors)
    Centre.objects.select_for_update().only("pk").get(pk=centre.pk)
    year = _today().year
    last = Contract.objects.filter(centre=centre, year=year).aggregate(last=Max("sequence"))
    with set_actor(by):
        contract = Contract(
            centre=centre,
            year=year,
            sequence=(last["last"] or 0) + 1,
            title=title.strip(),
            kind=kind,
            organisation=organisation,
            starts_on=starts_on,
            ends_on=ends_on,
            own_contribution=own_contribution,
            social_clauses=social_clauses.strip(),
            notes=notes.strip(),
            offer=offer,
            is_demo=is_demo,
            created_by=by,
        )
        contract.full_clean()
        contract.save()
        _event(contract, ContractStatus.DRAFT, by)
    return contract


@transaction.atomic
def contract_update(*, contract: Contract, by, **fields) -> Contract:
    unknown = set(fields) - CONTRACT_FIELDS
    if unknown:
        raise ValueError(f"unknown contract fields {sorted(unknown)}")
    contract = _locked(contract)
    _refuse_unless_draft(contract)
    current = {name: getattr(contract, name) for name in CONTRACT_FIELDS}
    merged = {**current, **fields}
    errors = _contract_errors(centre=contract.centre, fields=merged)
    if "organisation" not in fields:
        errors.pop("organisation", None)  # an unchanged organisation is not re-judged here
    if contract.offer_id is not None:
        offer = Offer.objects.select_related("call", "organisation").get(pk=contract.offer_id)
        errors |= _offer_errors(
            centre=contract.centre, offer=offer, fields=merged, contract=contract
        )
    _raise(errors)
    with set_actor(by):
        for name, value in fields.items():
            setattr(contract, name, value.strip() if isinstance(value, str) else value)
        contract.full_clean()
        contract.save()
    return contract


def _line_errors(*, units, unit_price) -> dict[str, list]:
    errors: dict[str, list] = {}
    if units is None or units <= 0:
        errors["units"] = [MSG_UNITS_POSITIVE]
    if unit_price is None or unit_price <= 0:
        errors["unit_price"] = [MSG_PRICE_POSITIVE]
    return errors


def _recount_total(contract: Contract) -> None:
    total = contract.lines.aggregate(total=Sum("value"))["total"] or Decimal("0.00")
    contract.total_value = money(Decimal(total))
    contract.save(update_fields=["total_value", "updated_at"])


@transaction.atomic
def contract_line_add(
    *, contract: Contract, by, service: Service, units: Decimal | None, unit_price: Decimal | None
) -> ContractLine:
    """A catalogue service of the contract's centre, with its units and unit price."""
    contract = _locked(contract)
    _refuse_unless_draft(contract)
    errors = _line_errors(units=units, unit_price=unit_price)
    if service.centre_id != contract.centre_id:
        errors["service"] = [MSG_SERVICE_OTHER_CENTRE]
    elif contract.lines.filter(service=service).exists():
        errors["service"] = [MSG_LINE_TWICE]
    _raise(errors)
    assert units is not None and unit_price is not None
    with set_actor(by):
        line = ContractLine(
            contract=contract,
            service=service,
            units=units,
            unit=service.unit,
            unit_price=unit_price,
            value=money(units * unit_price),
        )
        line.full_clean()
        line.save()
        _recount_total(contract)
    return line


@transaction.atomic
def contract_line_update(
    *, line: ContractLine, by, units: Decimal | None, unit_price: Decimal | None
) -> ContractLine:
    contract = _locked(line.contract)
    _refuse_unless_draft(contract)
    _raise(_line_errors(units=units, unit_price=unit_price))
    assert units is not None and unit_price is not None
    with set_actor(by):
        line.units, line.unit_price = units, unit_price
        line.value = money(units * unit_price)
        line.full_clean()
        line.save(update_fields=["units", "unit_price", "value"])
        _recount_total(contract)
    return line


@transaction.atomic
def contract_line_remove(*, line: ContractLine, by) -> None:
    contract = _locked(line.contract)
    _refuse_unless_draft(contract)
    with set_actor(by):
        line.delete()
        _recount_total(contract)


@transaction.atomic
def reporting_duty_add(
    *, contract: Contract, by, what: str, frequency: str, due_days: int | None
) -> ReportingDuty:
    contract = _locked(contract)
    _refuse_unless_draft(contract)
    errors: dict[str, list] = {}
    if not what.strip():
        errors["what"] = [MSG_DUTY_WHAT]
    if frequency not in ReportFrequency.values:
        errors["frequency"] = [MSG_BAD_FREQUENCY]
    if due_days is None or not 0 <= due_days <= 180:
        errors["due_days"] = [MSG_DUE_DAYS]
    _raise(errors)
    assert due_days is not None
    with set_actor(by):
        return ReportingDuty.objects.create(
            contract=contract, what=what.strip(), frequency=frequency, due_days=due_days
        )


@transaction.atomic
def reporting_duty_remove(*, duty: ReportingDuty, by) -> None:
    contract = _locked(duty.contract)
    _refuse_unless_draft(contract)
    with set_actor(by):
        duty.delete()


# --- reports the duties call for ------------------------------------------------------------


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _quarter_end(day: dt.date) -> dt.date:
    last_month = ((day.month - 1) // 3) * 3 + 3
    return _month_end(day.replace(month=last_month, day=1))


def report_periods(frequency: str, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The periods reported on: calendar months or quarters cut to the contract's period, or
    the whole period for a final report."""
    if frequency == ReportFrequency.FINAL:
        return [(start, end)]
    step = _month_end if frequency == ReportFrequency.MONTHLY else _quarter_end
    periods, first = [], start
    while first <= end:
        last = min(step(first), end)
        periods.append((first, last))
        first = last + dt.timedelta(days=1)
    return periods


def _schedule_reports(contract: Contract) -> None:
    ProviderReport.objects.bulk_create(
        [
            ProviderReport(
                contract=contract,
                duty=duty,
                period_start=first,
                period_end=last,
                due_on=last + dt.timedelta(days=duty.due_days),
            )
            for duty in contract.duties.all()
            for first, last in report_periods(duty.frequency, contract.starts_on, contract.ends_on)
        ]
    )


# --- the contract's life (state machine H, from the signature) -----------------------------


def _refuse_transition(contract: Contract, new: str) -> None:
    if new not in CONTRACT_TRANSITIONS[contract.status]:
        raise ValidationError(
            MSG_STATUS_NOT_ALLOWED,
            params={"current": _status_label(contract.status), "new": _status_label(new)},
        )


def overlapping_lines(contract: Contract, service_ids: list) -> list[ContractLine]:
    """Lines of other signed contracts for these services whose period overlaps the
    contract's (a terminated one counts until the day it was terminated)."""
    start, end = contract.starts_on, contract.ends_on
    binding = Q(contract__status__in=list(BINDING_STATUSES), contract__ends_on__gte=start)
    terminated = Q(
        contract__status=ContractStatus.TERMINATED,
        contract__signed_on__isnull=False,
        contract__terminated_on__gte=start,
    )
    return list(
        ContractLine.objects.filter(service_id__in=service_ids, contract__starts_on__lte=end)
        .filter(binding | terminated)
        .exclude(contract=contract)
        .select_related("service", "contract__organisation")
        .order_by("service__name", "contract__starts_on")
    )


@transaction.atomic
def contract_sign(*, contract: Contract, by, signed_on: dt.date | None) -> Contract:
    """Sign a draft: its lines' services get the contract's organisation as their provider in
    the catalogue, and its reports are scheduled.

    Refused when a line's service is already bound by another signed contract for an
    overlapping period (the services' rows are locked, so two signings cannot both pass).
    """
    contract = _locked(contract)
    _refuse_transition(contract, ContractStatus.SIGNED)
    lines = list(contract.lines.select_related("service").order_by("service_id"))
    errors: dict[str, list] = {}
    if signed_on is None:
        errors["signed_on"] = [MSG_SIGNED_ON_NEEDED]
    elif signed_on > _today():
        errors["signed_on"] = [MSG_SIGNED_IN_FUTURE]
    elif signed_on > contract.ends_on:
        errors["signed_on"] = [
            ValidationError(MSG_SIGN_AFTER_END, params={"date": contract.ends_on})
        ]
    if not lines:
        errors.setdefault("__all__", []).append(MSG_SIGN_NO_LINES)
    offer = contract.offer
    awarded = offer.awarded_amount if offer is not None else None
    if offer is not None and awarded is not None and contract.total_value > awarded:
        errors.setdefault("__all__", []).append(
            ValidationError(
                MSG_SIGN_ABOVE_AWARD,
                params={
                    "total": contract.total_value,
                    "awarded": awarded,
                    "call": offer.call.number,
                },
            )
        )
    if not is_verified_partner(centre=contract.centre, organisation=contract.organisation):
        errors.setdefault("__all__", []).append(
            ValidationError(MSG_NOT_A_PARTNER, params={"organisation": contract.organisation.name})
        )
    service_ids = [line.service_id for line in lines]
    # The services are locked in a fixed order: a concurrent signing waits here.
    list(Service.objects.select_for_update().filter(pk__in=service_ids).order_by("pk"))
    for other in overlapping_lines(contract, service_ids):
        errors.setdefault("__all__", []).append(
            ValidationError(
                MSG_SIGN_OVERLAP,
                params={
                    "service": other.service.name,
                    "organisation": other.contract.organisation.name,
                    "number": other.contract.number,
                    "start": f"{other.contract.starts_on:%Y-%m-%d}",
                    "end": f"{other.contract.effective_end:%Y-%m-%d}",
                },
            )
        )
    _raise(errors)
    with set_actor(by):
        contract.status, contract.signed_on = ContractStatus.SIGNED, signed_on
        contract.save(update_fields=["status", "signed_on", "updated_at"])
        _event(contract, ContractStatus.SIGNED, by)
        _schedule_reports(contract)
    for line in lines:
        service_set_provider(service=line.service, provider=contract.organisation, by=by)
    return contract


@transaction.atomic
def contract_settle(
    *, contract: Contract, by, settled_on: dt.date | None = None, note: str = ""
) -> Contract:
    """Settle a signed contract once its period is over and every report is accepted."""
    contract = _locked(contract)
    _refuse_transition(contract, ContractStatus.SETTLED)
    settled_on = settled_on or _today()
    errors: dict[str, list] = {}
    if _today() <= contract.ends_on:
        errors.setdefault("__all__", []).append(
            ValidationError(MSG_SETTLE_PERIOD, params={"date": contract.ends_on})
        )
    pending = list(
        contract.reports.exclude(status=ReportStatus.ACCEPTED)
        .select_related("duty")
        .order_by("due_on")
    )
    if pending:
        errors.setdefault("__all__", []).append(
            ValidationError(
                MSG_SETTLE_REPORTS,
                params={"count": len(pending), "reports": "; ".join(str(r) for r in pending[:5])},
            )
        )
    if settled_on > _today():
        errors["settled_on"] = [MSG_SETTLED_IN_FUTURE]
    elif contract.signed_on and settled_on < contract.signed_on:
        errors["settled_on"] = [
            ValidationError(MSG_SETTLED_BEFORE_SIGNING, params={"date": contract.signed_on})
        ]
    _raise(errors)
    with set_actor(by):
        contract.status, contract.settled_on = ContractStatus.SETTLED, settled_on
        contract.save(update_fields=["status", "settled_on", "updated_at"])
        _event(contract, ContractStatus.SETTLED, by, note)
    return contract


@transaction.atomic
def contract_close(*, contract: Contract, by, note: str = "") -> Contract:
    contract = _locked(contract)
    _refuse_transition(contract, ContractStatus.CLOSED)
    with set_actor(by):
        contract.status = ContractStatus.CLOSED
        contract.save(update_fields=["status", "updated_at"])
        _event(contract, ContractStatus.CLOSED, by, note)
    return contract


@transaction.atomic
def contract_terminate(
    *, contract: Contract, by, reason: str, terminated_on: dt.date | None = None
) -> Contract:
    """End a draft or a signed contract early, with the reason; reports of periods that start
    after the termination are no longer due."""
    contract = _locked(contract)
    _refuse_transition(contract, ContractStatus.TERMINATED)
    errors: dict[str, list] = {}
    if not reason.strip():
        errors["reason"] = [MSG_TERMINATION_REASON]
    if terminated_on is None:
        errors["terminated_on"] = [MSG_TERMINATION_DATE]
    elif terminated_on > _today():
        errors["terminated_on"] = [MSG_TERMINATED_IN_FUTURE]
    elif contract.signed_on and terminated_on < contract.signed_on:
        errors["terminated_on"] = [
            ValidationError(MSG_TERMINATED_BEFORE_SIGNING, params={"date": contract.signed_on})
        ]
    _raise(errors)
    assert terminated_on is not None
    with set_actor(by):
        contract.status = ContractStatus.TERMINATED
        contract.terminated_on, contract.termination_reason = terminated_on, reason.strip()
        contract.save(update_fields=["status", "terminated_on", "termination_reason", "updated_at"])
        _event(contract, ContractStatus.TERMINATED, by, reason)
        contract.reports.filter(status=ReportStatus.DUE, period_start__gt=terminated_on).delete()
    return contract


# --- reports -------------------------------------------------------------------------------


@transaction.atomic
def report_submit(
    *,
    report: ProviderReport,
    by,
    summary: str,
    participants: int | None = None,
    amount_spent: Decimal | None = None,
) -> ProviderReport:
    """The organisation submits (or, once returned, submits again) a report whose period is
    over; whether it came on time is judged by its first submission."""
    report = ProviderReport.objects.select_for_update().select_related("contract").get(pk=report.pk)
    if report.contract.status != ContractStatus.SIGNED:
        raise ValidationError(
            MSG_REPORT_CONTRACT, params={"status": _status_label(report.contract.status)}
        )
    if report.status not in (ReportStatus.DUE, ReportStatus.RETURNED):
        raise ValidationError(
            MSG_REPORT_NOT_OPEN, params={"status": ReportStatus(report.status).label}
        )
    errors: dict[str, list] = {}
    if _today() < report.period_end:
        errors["__all__"] = [
            ValidationError(MSG_REPORT_PERIOD_NOT_OVER, params={"date": report.period_end})
        ]
    if not summary.strip():
        errors["summary"] = [MSG_REPORT_SUMMARY]
    if amount_spent is not None and amount_spent < 0:
        errors["amount_spent"] = [MSG_REPORT_AMOUNT]
    _raise(errors)
    with set_actor(by):
        report.summary, report.participants, report.amount_spent = (
            summary.strip(),
            participants,
            amount_spent,
        )
        report.status = ReportStatus.SUBMITTED
        report.first_submitted_on = report.first_submitted_on or _today()
        report.submitted_at, report.submitted_by = timezone.now(), by
        report.save()
    return report


@transaction.atomic
def report_review(*, report: ProviderReport, by, accept: bool, note: str = "") -> ProviderReport:
    """The centre accepts a submitted report, or returns it with what to correct."""
    report = ProviderReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(MSG_REPORT_NOT_SUBMITTED)
    if not accept and not note.strip():
        raise ValidationError({"note": MSG_RETURN_NOTE})
    with set_actor(by):
        report.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
        report.review_note = note.strip()
        report.reviewed_at, report.reviewed_by = timezone.now(), by
        report.save(update_fields=["status", "review_note", "reviewed_at", "reviewed_by"])
    return report


# --- complaints ----------------------------------------------------------------------------


def complaints_policy(centre) -> ContractsPolicy:
    return ContractsPolicy.objects.filter(centre=centre).first() or ContractsPolicy(centre=centre)


@transaction.atomic
def contracts_policy_save(*, centre, by, complaint_answer_days: int | None) -> ContractsPolicy:
    if complaint_answer_days is None or not 1 <= complaint_answer_days <= 365:
        raise ValidationError({"complaint_answer_days": MSG_POLICY_DAYS})
    with set_actor(by):
        policy, _created = ContractsPolicy.objects.update_or_create(
            centre=centre, defaults={"complaint_answer_days": complaint_answer_days}
        )
    return policy


@transaction.atomic
def complaint_record(
    *,
    centre,
    by,
    received_on: dt.date,
    channel: str,
    description: str,
    organisation=None,
    contract: Contract | None = None,
    service: Service | None = None,
    person=None,
    complainant: str = "",
    is_demo: bool = False,
) -> Complaint:
    """A complaint received by the centre; its answer is due after the centre's days."""
    errors: dict[str, list] = {}
    if received_on > _today():
        errors["received_on"] = [MSG_COMPLAINT_FUTURE]
    if channel not in ComplaintChannel.values:
        errors["channel"] = [MSG_BAD_CHANNEL]
    if not description.strip():
        errors["description"] = [MSG_COMPLAINT_DESCRIPTION]
    if person is not None:
        if person.centre_id != centre.pk:
            errors["person"] = [MSG_COMPLAINT_OTHER_CENTRE]
        elif person.merged_into_id is not None:
            errors["person"] = [MSG_PERSON_MERGED]
    if service is not None and service.centre_id != centre.pk:
        errors["service"] = [MSG_COMPLAINT_OTHER_CENTRE]
    if contract is not None:
        if contract.centre_id != centre.pk:
            errors["contract"] = [MSG_COMPLAINT_OTHER_CENTRE]
        elif organisation is not None and organisation.pk != contract.organisation_id:
            errors["organisation"] = [MSG_COMPLAINT_OTHER_ORGANISATION]
        elif service is not None and not contract.lines.filter(service=service).exists():
            errors["service"] = [MSG_COMPLAINT_SERVICE_NOT_ON_CONTRACT]
        organisation = organisation or contract.organisation
    if organisation is None and service is not None:
        organisation = service.provider
    if organisation is None and service is None and not errors.get("service"):
        errors["__all__"] = [MSG_COMPLAINT_ABOUT]
    _raise(errors)
    days = complaints_policy(centre).complaint_answer_days
    with set_actor(by):
        complaint = Complaint(
            centre=centre,
            organisation=organisation,
            contract=contract,
            service=service,
            received_on=received_on,
            channel=channel,
            person=person,
            complainant=complainant.strip(),
            description=description.strip(),
            answer_due_on=received_on + dt.timedelta(days=days),
            is_demo=is_demo,
            created_by=by,
        )
        complaint.full_clean()
        complaint.save()
    return complaint


def _locked_complaint(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


@transaction.atomic
def complaint_note(*, complaint: Complaint, by, note: str) -> Complaint:
    """Add a handling note (dated, signed); a received complaint is then being handled."""
    complaint = _locked_complaint(complaint)
    if complaint.status == ComplaintStatus.CLOSED:
        raise ValidationError(MSG_COMPLAINT_CLOSED)
    if not note.strip():
        raise ValidationError({"note": MSG_COMPLAINT_NOTE})
    who = (by.get_full_name() or by.email) if by is not None else ""
    entry = f"{_today():%Y-%m-%d} {who}: {note.strip()}"
    with set_actor(by):
        complaint.handling_notes = "\n".join(p for p in (complaint.handling_notes, entry) if p)
        if complaint.status == ComplaintStatus.RECEIVED:
            complaint.status = ComplaintStatus.HANDLING
        complaint.save(update_fields=["handling_notes", "status", "updated_at"])
    return complaint


@transaction.atomic
def complaint_answer(
    *,
    complaint: Complaint,
    by,
    answer: str,
    answered_on: dt.date | None,
    upheld: bool | None,
) -> Complaint:
    complaint = _locked_complaint(complaint)
    if complaint.status not in OPEN_COMPLAINT_STATUSES:
        raise ValidationError(
            MSG_COMPLAINT_ALREADY_ANSWERED,
            params={"status": ComplaintStatus(complaint.status).label},
        )
    errors: dict[str, list] = {}
    if not answer.strip():
        errors["answer"] = [MSG_ANSWER_TEXT]
    if answered_on is None:
        errors["answered_on"] = [MSG_ANSWER_DATE]
    elif answered_on > _today():
        errors["answered_on"] = [MSG_ANSWER_FUTURE]
    elif answered_on < complaint.received_on:
        errors["answered_on"] = [
            ValidationError(MSG_ANSWER_BEFORE_RECEIPT, params={"date": complaint.received_on})
        ]
    if upheld is None:
        errors["upheld"] = [MSG_ANSWER_UPHELD]
    _raise(errors)
    with set_actor(by):
        complaint.status = ComplaintStatus.ANSWERED
        complaint.answer, complaint.answered_on, complaint.upheld = (
            answer.strip(),
            answered_on,
            upheld,
        )
        complaint.answered_by = by
        complaint.save()
    return complaint


@transaction.atomic
def complaint_close(*, complaint: Complaint, by) -> Complaint:
    complaint = _locked_complaint(complaint)
    if complaint.status != ComplaintStatus.ANSWERED:
        raise ValidationError(MSG_CLOSE_NOT_ANSWERED)
    with set_actor(by):
        complaint.status = ComplaintStatus.CLOSED
        complaint.closed_at, complaint.closed_by = timezone.now(), by
        complaint.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    return complaint


@transaction.atomic
def complaint_explain(*, complaint: Complaint, by, explanation: str) -> Complaint:
    """The provider's explanation, through its portal; it may be rewritten until the
    complaint is closed."""
    complaint = _locked_complaint(complaint)
    if complaint.status == ComplaintStatus.CLOSED:
        raise ValidationError(MSG_COMPLAINT_CLOSED)
    if not explanation.strip():
        raise ValidationError({"explanation": MSG_EXPLANATION})
    with set_actor(by):
        complaint.provider_explanation = explanation.strip()
        complaint.explained_at, complaint.explained_by = timezone.now(), by
        complaint.save(
            update_fields=["provider_explanation", "explained_at", "explained_by", "updated_at"]
        )
    return complaint


# --- satisfaction surveys ------------------------------------------------------------------


@transaction.atomic
def survey_answer(
    *,
    enrolment: Enrolment,
    by,
    channel: str,
    comment: str = "",
    answered_on: dt.date | None = None,
    is_demo: bool = False,
    **scores: int | None,
) -> SurveyResponse:
    """The person's rating of a service given to them, after a delivered visit: once per
    service given (the database decides between two answers sent at once)."""
    unknown = set(scores) - set(SURVEY_FIELDS)
    if unknown:
        raise ValueError(f"unknown survey questions {sorted(unknown)}")
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    answered_on = answered_on or _today()
    errors: dict[str, list] = {}
    for name in SURVEY_FIELDS:
        value = scores.get(name)
        if value is None or not 1 <= value <= 5:
            errors[name] = [MSG_SCORE_RANGE]
    if channel not in SurveyChannel.values:
        errors["channel"] = [MSG_BAD_SURVEY_CHANNEL]
    if answered_on > _today():
        errors["answered_on"] = [MSG_SURVEY_FUTURE]
    elif answered_on < enrolment.starts_on:
        errors["answered_on"] = [
            ValidationError(MSG_SURVEY_BEFORE_START, params={"date": enrolment.starts_on})
        ]
    if not enrolment.deliveries.filter(status=DeliveryStatus.DELIVERED).exists():
        errors.setdefault("__all__", []).append(MSG_SURVEY_NO_DELIVERY)
    if SurveyResponse.objects.filter(enrolment=enrolment).exists():
        errors.setdefault("__all__", []).append(MSG_SURVEY_ONCE)
    _raise(errors)
    with set_actor(by):
        response = SurveyResponse(
            centre_id=enrolment.centre_id,
            enrolment=enrolment,
            service_id=enrolment.service_id,
            organisation_id=enrolment.provider_id,
            answered_on=answered_on,
            channel=channel,
            comment=comment.strip(),
            recorded_by=by,
            is_demo=is_demo,
            **scores,
        )
        response.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                response.save()
        except IntegrityError:
            raise ValidationError(MSG_SURVEY_ONCE) from None
    return response


# --- inspections ---------------------------------------------------------------------------


def _inspection_values(
    contract: Contract,
    *,
    inspected_on: dt.date | None,
    inspector: str,
    scope: str,
    findings: str,
    rating: str,
    recommendations: str = "",
    follow_up_on: dt.date | None = None,
) -> dict:
    """What an inspection note of ``contract`` says, checked and trimmed; else the errors."""
    errors: dict[str, list] = {}
    if contract.status == ContractStatus.DRAFT:
        errors["__all__"] = [MSG_INSPECTION_DRAFT]
    if inspected_on is None:
        errors["inspected_on"] = [MSG_REQUIRED]
    elif inspected_on > _today():
        errors["inspected_on"] = [MSG_INSPECTION_FUTURE]
    elif follow_up_on is not None and follow_up_on < inspected_on:
        errors["follow_up_on"] = [MSG_FOLLOW_UP_BEFORE]
    for name, value in (("inspector", inspector), ("scope", scope), ("findings", findings)):
        if not value.strip():
            errors[name] = [MSG_REQUIRED]
    if rating not in InspectionRating.values:
        errors["rating"] = [MSG_BAD_RATING]
    _raise(errors)
    return {
        "inspected_on": inspected_on,
        "inspector": inspector.strip(),
        "scope": scope.strip(),
        "findings": findings.strip(),
        "recommendations": recommendations.strip(),
        "rating": rating,
        "follow_up_on": follow_up_on,
    }


@transaction.atomic
def inspection_record(*, contract: Contract, by, is_demo: bool = False, **note) -> Inspection:
    """An inspection of a signed contract (``note``: the fields of ``_inspection_values``)."""
    values = _inspection_values(contract, **note)
    with set_actor(by):
        inspection = Inspection(
            centre_id=contract.centre_id,
            contract=contract,
            organisation_id=contract.organisation_id,
            recorded_by=by,
            is_demo=is_demo,
            **values,
        )
        inspection.full_clean()
        inspection.save()
    return inspection


@transaction.atomic
def inspection_update(*, inspection: Inspection, by, **note) -> Inspection:
    """Correct what an inspection's note says (a typo, a date, the follow-up); the note's
    history keeps what it said before and who changed it."""
    inspection = (
        Inspection.objects.select_for_update().select_related("contract").get(pk=inspection.pk)
    )
    values = _inspection_values(inspection.contract, **note)
    with set_actor(by):
        for name, value in values.items():
            setattr(inspection, name, value)
        inspection.full_clean()
        inspection.save()
    return inspection


# --- people merged ---------------------------------------------------------------------------


@transaction.atomic
def person_records_move(*, keep, duplicate, by) -> None:
    """Move the complaints of ``duplicate`` to ``keep`` (for people.person_merge). Surveys
    belong to services given, which move with the enrolments."""
    if keep.centre_id != duplicate.centre_id:
        raise ValidationError({"person": MSG_COMPLAINT_OTHER_CENTRE})
    with set_actor(by):
        for complaint in Complaint.objects.select_for_update().filter(person=duplicate):
            complaint.person = keep
            complaint.save(update_fields=["person", "updated_at"])
