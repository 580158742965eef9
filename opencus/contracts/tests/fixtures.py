"""Contracts of a centre, for the app's tests and for the tests that walk every URL (tenancy,
query budget)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from opencus.contracts import services
from opencus.contracts.models import Contract
from opencus.enrolments.tests.fixtures import meals_service
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Partnership
from opencus.providers.tests.factories import OrganisationFactory


def verified_partner(centre, organisation) -> Partnership:
    """``organisation`` verified as a partner of ``centre`` (made so, if it is not yet)."""
    partnership, _created = Partnership.objects.update_or_create(
        centre=centre,
        organisation=organisation,
        defaults={"status": PartnershipStatus.VERIFIED, "decided_at": timezone.now()},
    )
    return partnership


def draft_contract(
    centre,
    organisation,
    *,
    by=None,
    lines=(),
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    duties=(),
    **fields,
) -> Contract:
    """A draft contract of ``centre`` with ``organisation`` (made a verified partner), its
    ``lines`` as (service, units, unit price) and ``duties`` as (what, frequency, due days).
    The period is this year by default."""
    verified_partner(centre, organisation)
    today = timezone.localdate()
    contract = services.contract_create(
        centre=centre,
        by=by,
        organisation=organisation,
        title=fields.pop("title", "Dowóz posiłków dla seniorów"),
        kind=fields.pop("kind", "entrusting"),
        starts_on=starts_on or today.replace(month=1, day=1),
        ends_on=ends_on or today.replace(month=12, day=31),
        **fields,
    )
    for service, units, price in lines:
        services.contract_line_add(
            contract=contract,
            by=by,
            service=service,
            units=Decimal(str(units)),
            unit_price=Decimal(str(price)),
        )
    for what, frequency, due_days in duties:
        services.reporting_duty_add(
            contract=contract, by=by, what=what, frequency=frequency, due_days=due_days
        )
    return contract


def signed_contract(centre, organisation, *, by=None, signed_on=None, **kwargs) -> Contract:
    contract = draft_contract(centre, organisation, by=by, **kwargs)
    return services.contract_sign(
        contract=contract,
        by=by,
        signed_on=signed_on or min(timezone.localdate(), contract.ends_on),
    )


def contracts_of(centre, organisation=None) -> dict:
    """URL kwargs of ``centre``'s contract with ``organisation`` (a new one if None), signed,
    with a line, a monthly reporting duty and its reports, a complaint about it and an
    inspection: ``contract_id``, ``line_id``, ``duty_id``, ``report_id``, ``complaint_id``,
    ``inspection_id``."""
    organisation = organisation or OrganisationFactory()
    today = timezone.localdate()
    service = meals_service(centre, name=f"Obiady w ramach umowy {centre.slug}")
    contract = signed_contract(
        centre,
        organisation,
        lines=[(service, 1200, "27.50")],
        duties=[("Sprawozdanie częściowe", "monthly", 10)],
        starts_on=today.replace(day=1) - dt.timedelta(days=62),
        ends_on=today + dt.timedelta(days=200),
    )
    complaint = services.complaint_record(
        centre=centre,
        by=None,
        received_on=today,
        channel="phone",
        contract=contract,
        description="Obiad przyjechał zimny.",
        complainant="Syn klientki, tel. 600 000 000",
    )
    inspection = services.inspection_record(
        contract=contract,
        by=None,
        inspected_on=today,
        inspector="Anna Kontrolna, OUS",
        scope="Jakość i temperatura posiłków.",
        findings="Bez zastrzeżeń.",
        rating="positive",
    )
    return {
        "contract_id": contract.pk,
        "line_id": contract.lines.get().pk,
        "duty_id": contract.duties.get().pk,
        "report_id": contract.reports.order_by("due_on").first().pk,
        "complaint_id": complaint.pk,
        "inspection_id": inspection.pk,
    }
