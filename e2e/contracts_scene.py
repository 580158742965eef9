"""The scene's contracts: one signed with the world's organisation for the partner's lunch
(delivered to Jan), a draft, reports at each step, complaints, a survey and an inspection."""

import datetime as dt
from decimal import Decimal


def add_contracts(world):
    """Needs ``add_enrolments`` and ``add_partners`` first (the partner's lunch, the verified
    partnership of ``world.organisation`` with centre a).

    - ``world.contract``: signed two months ago for ``world.partner_lunch``, monthly reports:
      ``world.report_submitted`` (waiting for the OUS), ``world.report_due`` (for the provider);
    - ``world.contract_draft``: a draft with a line and a duty, to sign;
    - ``world.complaint`` (open, Halina's) and ``world.complaint_answered``;
    - a paper survey of Jan's lunch and an inspection of the contract;
    - ``world.contract_from_offer``: a draft made from the organisation's awarded offer
      (``world.offer_own_result``, commissioning scene).
    """
    from django.utils import timezone

    from opencus.contracts import services
    from opencus.contracts.models import ProviderReport

    today = timezone.localdate()
    start = (today.replace(day=1) - dt.timedelta(days=40)).replace(day=1)
    world.contract = services.contract_create(
        centre=world.a,
        by=world.ous,
        organisation=world.organisation,
        title="Dowóz obiadów przez Stowarzyszenie",
        kind="entrusting",
        starts_on=start,
        ends_on=start.replace(year=start.year + 1) - dt.timedelta(days=1),
        social_clauses="Zatrudnienie dwóch osób z KIS przy dowozie.",
    )
    services.contract_line_add(
        contract=world.contract,
        by=world.ous,
        service=world.partner_lunch,
        units=Decimal(2400),
        unit_price=Decimal("24.50"),
    )
    services.reporting_duty_add(
        contract=world.contract,
        by=world.ous,
        what="Miesięczne zestawienie obiadów",
        frequency="monthly",
        due_days=10,
    )
    world.contract = services.contract_sign(
        contract=world.contract, by=world.director, signed_on=start
    )
    past = ProviderReport.objects.filter(contract=world.contract, period_end__lt=today).order_by(
        "period_start"
    )
    world.report_submitted = services.report_submit(
        report=past[0], by=world.provider, summary="Wydano 40 obiadów.", participants=2
    )
    world.report_due = past[1]

    world.contract_draft = services.contract_create(
        centre=world.a,
        by=world.ous,
        organisation=world.organisation,
        title="Klub seniora prowadzony przez Stowarzyszenie",
        kind="supporting",
        starts_on=today,
        ends_on=today + dt.timedelta(days=180),
        own_contribution=Decimal("500.00"),
    )
    services.contract_line_add(
        contract=world.contract_draft,
        by=world.ous,
        service=world.club,
        units=Decimal(50),
        unit_price=Decimal(30),
    )
    world.draft_line = world.contract_draft.lines.get()
    world.draft_duty = services.reporting_duty_add(
        contract=world.contract_draft,
        by=world.ous,
        what="Sprawozdanie końcowe",
        frequency="final",
        due_days=30,
    )

    world.complaint = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=today - dt.timedelta(days=3),
        channel="phone",
        contract=world.contract,
        person=world.halina,
        description="Obiad przyjechał zimny.",
    )
    world.complaint_answered = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=today - dt.timedelta(days=40),
        channel="letter",
        organisation=world.organisation,
        complainant="Sąsiadka pana Jana",
        description="Kierowca zostawił obiad pod drzwiami.",
    )
    services.complaint_explain(
        complaint=world.complaint_answered, by=world.provider, explanation="Nikt nie otwierał."
    )
    services.complaint_answer(
        complaint=world.complaint_answered,
        by=world.ous,
        answer="Ustalono, że obiad będzie zostawiany u sąsiadki.",
        answered_on=today - dt.timedelta(days=20),
        upheld=False,
    )
    services.survey_answer(
        enrolment=world.partner_enrolment,
        by=world.front_desk,
        channel="paper",
        helpful=5,
        respectful=4,
        reliable=4,
        overall=5,
        comment="Smaczne obiady.",
    )
    world.inspection = services.inspection_record(
        contract=world.contract,
        by=world.ous,
        inspected_on=today - dt.timedelta(days=5),
        inspector="Anna Kontrolna (OUS)",
        scope="Temperatura i punktualność dowozu.",
        findings="Bez zastrzeżeń.",
        rating="positive",
    )

    call = world.offer_own_result.call
    world.contract_from_offer = services.contract_create(
        centre=world.a,
        by=world.ous,
        organisation=world.organisation,
        title=call.title,
        kind="entrusting",
        starts_on=call.task_starts_on,
        ends_on=call.task_ends_on,
        offer=world.offer_own_result,
    )
