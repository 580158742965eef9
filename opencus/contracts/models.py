"""Contracts and grant agreements of a centre with provider organisations, and their monitoring.

A contract lists catalogue services of the centre (its lines: units contracted and the unit
price) for a period, with reporting duties and social clauses. Signing it makes its
organisation the provider of those services in the catalogue (``services.contract_sign``).
Units granted and delivered are not stored here: they are read from the enrolments and
deliveries of those services by that organisation (``selectors.contract_monitoring``).

Quality: complaints of residents (personal data: reads are logged), satisfaction surveys after
a service (one per service given), and inspection notes.
"""

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import Unit
from opencus.catalogue.models import Service
from opencus.commissioning.models import Offer
from opencus.contracts.enums import (
    ANSWERED_COMPLAINT_STATUSES,
    BINDING_STATUSES,
    GRANT_KINDS,
    ComplaintChannel,
    ComplaintStatus,
    ContractKind,
    ContractStatus,
    InspectionRating,
    ReportFrequency,
    ReportStatus,
    SurveyChannel,
)
from opencus.enrolments.models import Enrolment
from opencus.people.models import Person
from opencus.providers.models import Organisation
from opencus.territory.models import Centre

USER = settings.AUTH_USER_MODEL


class ContractsPolicy(models.Model):
    """The centre's own settings of contracts and quality ([U]: not fixed by the Act)."""

    CENTRE_LOOKUP = "centre"

    centre = models.OneToOneField(
        Centre, on_delete=models.CASCADE, primary_key=True, related_name="contracts_policy"
    )
    complaint_answer_days = models.PositiveSmallIntegerField(
        _("days to answer a complaint"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("A complaint not answered within this many days of its receipt is overdue."),
    )

    class Meta:
        verbose_name = _("contracts and quality settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(complaint_answer_days__gte=1, complaint_answer_days__lte=365),
                name="contracts_policy_days_in_range",
                violation_error_message=_("Give between 1 and 365 days."),
            )
        ]

    def __str__(self):
        return str(self.centre)

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}


class Contract(models.Model):
    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="contracts", verbose_name=_("centre")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name=_("organisation"),
    )
    # The number: "<sequence>/<year>", counted per centre and year (contracts.services).
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number in the year"))
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=ContractKind.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    total_value = models.DecimalField(
        _("total value (PLN)"), default=Decimal("0.00"), max_digits=14, decimal_places=2
    )
    own_contribution = models.DecimalField(
        _("organisation's own contribution (PLN)"),
        null=True,
        blank=True,
        help_text=_("Grant agreements only (wkład własny)."),
        max_digits=14,
        decimal_places=2,
    )
    social_clauses = models.TextField(
        _("social clauses"),
        blank=True,
        help_text=_("E.g. employment of people at risk of exclusion, a reserved contract."),
    )
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ContractStatus.choices, default=ContractStatus.DRAFT
    )
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for the termination"), blank=True)
    # The awarded offer of the commissioning procedure the contract came from, if it did: at
    # most one contract per offer (a constraint below). Fixed when the draft is made.
    offer = models.ForeignKey(
        Offer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="contracts",
        verbose_name=_("awarded offer"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        indexes = [
            models.Index(fields=["centre", "status", "-starts_on"]),
            models.Index(fields=["centre", "organisation", "status"]),
            models.Index(fields=["organisation", "status", "-starts_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year", "sequence"],
                name="contract_number_once_per_centre_and_year",
                violation_error_message=_("This number is already taken in the centre."),
            ),
            models.UniqueConstraint(
                fields=["offer"],
                name="contract_once_per_offer",
                violation_error_message=_("A contract has already been made from this offer."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="contract_ends_after_start",
                violation_error_message=_("The contract cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(total_value__gte=0),
                name="contract_value_not_negative",
                violation_error_message=_("The value cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(own_contribution__isnull=True)
                | Q(own_contribution__gte=0, kind__in=list(GRANT_KINDS)),
                name="contract_own_contribution_of_grants",
                violation_error_message=_(
                    "Only a grant agreement records the organisation's own contribution, and it "
                    "cannot be negative."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=list(BINDING_STATUSES)) | Q(signed_on__isnull=False),
                name="contract_signed_with_date",
                violation_error_message=_("A signed contract has the date of signing."),
            ),
            models.CheckConstraint(
                condition=Q(status=ContractStatus.TERMINATED, terminated_on__isnull=False)
                & ~Q(termination_reason="")
                | ~Q(status=ContractStatus.TERMINATED) & Q(terminated_on__isnull=True),
                name="contract_terminated_with_date_and_reason",
                violation_error_message=_("A termination has its date and reason."),
            ),
            models.CheckConstraint(
                condition=Q(settled_on__isnull=True)
                | Q(status__in=[ContractStatus.SETTLED, ContractStatus.CLOSED]),
                name="contract_settled_on_only_when_settled",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def number(self) -> str:
        return f"{self.sequence}/{self.year}"

    @property
    def is_draft(self) -> bool:
        return self.status == ContractStatus.DRAFT

    @property
    def is_grant(self) -> bool:
        return self.kind in GRANT_KINDS

    @property
    def effective_end(self) -> dt.date:
        """The last day the contract ran: its end, or the day it was terminated if earlier."""
        if self.terminated_on is not None and self.terminated_on < self.ends_on:
            return max(self.terminated_on, self.starts_on)
        return self.ends_on


class ContractLine(models.Model):
    """A catalogue service of the centre bought under the contract."""

    CENTRE_LOOKUP = "contract__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="lines", verbose_name=_("contract")
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="contract_lines", verbose_name=_("service")
    )
    units = models.DecimalField(_("units contracted"), max_digits=10, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    unit_price = models.DecimalField(_("unit price (PLN)"), max_digits=10, decimal_places=2)
    value = models.DecimalField(_("value (PLN)"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["contract", "service__name", "id"]
        verbose_name = _("contract line")
        verbose_name_plural = _("contract lines")
        indexes = [models.Index(fields=["service", "contract"])]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "service"],
                name="contract_line_service_once",
                violation_error_message=_("This service is already on the contract."),
            ),
            models.CheckConstraint(
                condition=Q(units__gt=0, unit_price__gt=0, value__gt=0),
                name="contract_line_positive",
                violation_error_message=_("Units and the unit price must be above zero."),
            ),
        ]

    def __str__(self):
        return f"{self.service.name}: {self.units} × {self.unit_price}"

    def get_additional_data(self):
        return {"centre": str(self.contract.centre_id)}


class ReportingDuty(models.Model):
    """What the organisation reports, how often and how soon after each period."""

    CENTRE_LOOKUP = "contract__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="duties", verbose_name=_("contract")
    )
    what = models.CharField(
        _("what is reported"),
        max_length=200,
        help_text=_("E.g. a partial report on the task, attendance lists, a final report."),
    )
    frequency = models.CharField(_("how often"), max_length=10, choices=ReportFrequency.choices)
    due_days = models.PositiveSmallIntegerField(
        _("due days after the period"), validators=[MaxValueValidator(180)]
    )

    class Meta:
        ordering = ["contract", "frequency", "what"]
        verbose_name = _("reporting duty")
        verbose_name_plural = _("reporting duties")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_days__lte=180),
                name="reporting_duty_due_days_in_range",
                violation_error_message=_("Give between 0 and 180 days."),
            )
        ]

    def __str__(self):
        return f"{self.what} ({self.get_frequency_display()})"

    def get_additional_data(self):
        return {"centre": str(self.contract.centre_id)}


class ProviderReport(models.Model):
    """A report due under a duty for one period (sprawozdanie z realizacji zadania); made when
    the contract is signed, submitted by the organisation, accepted or returned by the centre."""

    CENTRE_LOOKUP = "contract__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="reports", verbose_name=_("contract")
    )
    duty = models.ForeignKey(
        ReportingDuty, on_delete=models.CASCADE, related_name="reports", verbose_name=_("duty")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DUE
    )
    summary = models.TextField(_("what was done"), blank=True)
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    amount_spent = models.DecimalField(
        _("amount spent (PLN)"), null=True, blank=True, max_digits=14, decimal_places=2
    )
    first_submitted_on = models.DateField(_("first submitted on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review_note = models.TextField(_("centre's note"), blank=True)

    class Meta:
        ordering = ["contract", "due_on", "duty__what"]
        verbose_name = _("provider report")
        verbose_name_plural = _("provider reports")
        indexes = [models.Index(fields=["contract", "status", "due_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["duty", "period_start"], name="provider_report_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start"), due_on__gte=F("period_end")),
                name="provider_report_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(status=ReportStatus.DUE, first_submitted_on__isnull=True)
                | ~Q(status=ReportStatus.DUE) & Q(first_submitted_on__isnull=False),
                name="provider_report_submitted_with_date",
            ),
        ]

    def __str__(self):
        return f"{self.duty.what} {self.period_start:%Y-%m-%d}–{self.period_end:%Y-%m-%d}"

    def get_additional_data(self):
        return {"centre": str(self.contract.centre_id)}

    @property
    def on_time(self) -> bool | None:
        """Submitted by its due day; None while not submitted."""
        if self.first_submitted_on is None:
            return None
        return self.first_submitted_on <= self.due_on


class ContractEvent(models.Model):
    """One step of the contract's life: who moved it to which status, when and why."""

    CENTRE_LOOKUP = "contract__centre"

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=12, choices=ContractStatus.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["contract", "at", "id"]
        verbose_name = _("contract step")
        verbose_name_plural = _("contract steps")

    def __str__(self):
        return f"{self.contract_id}: {self.get_status_display()}"


class Complaint(models.Model):
    """A resident's complaint about a provider, a contract or a service (skarga)."""

    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="complaints", verbose_name=_("centre")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("provider organisation"),
    )
    contract = models.ForeignKey(
        Contract,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("contract"),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("service"),
    )
    received_on = models.DateField(_("received on"))
    channel = models.CharField(_("how it came"), max_length=10, choices=ComplaintChannel.choices)
    # Who complains: a person of the centre's register, or in words (never shown to providers).
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("person"),
    )
    complainant = models.CharField(
        _("who complains (name, contact)"),
        max_length=300,
        blank=True,
        help_text=_("When the person is not in the register, or complains for someone."),
    )
    description = models.TextField(_("what the complaint is about"))
    handling_notes = models.TextField(_("handling notes"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ComplaintStatus.choices,
        default=ComplaintStatus.RECEIVED,
    )
    answer_due_on = models.DateField(_("answer due on"))
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    upheld = models.BooleanField(_("upheld"), null=True, blank=True)
    answered_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    provider_explanation = models.TextField(_("provider's explanation"), blank=True)
    explained_at = models.DateTimeField(_("explained at"), null=True, blank=True)
    explained_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_on", "-created_at"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        indexes = [
            models.Index(fields=["centre", "status", "answer_due_on"]),
            models.Index(fields=["centre", "-received_on"]),
            models.Index(fields=["organisation", "status", "-received_on"]),
            models.Index(fields=["contract", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(service__isnull=False),
                name="complaint_about_something",
                violation_error_message=_(
                    "Say what the complaint is about: a provider or a service."
                ),
            ),
            models.CheckConstraint(
                condition=Q(answer_due_on__gte=F("received_on")),
                name="complaint_due_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=list(ANSWERED_COMPLAINT_STATUSES),
                    answered_on__isnull=False,
                    upheld__isnull=False,
                )
                & ~Q(answer="")
                | ~Q(status__in=list(ANSWERED_COMPLAINT_STATUSES))
                & Q(answered_on__isnull=True, upheld__isnull=True),
                name="complaint_answered_with_text_date_and_verdict",
                violation_error_message=_(
                    "An answered complaint has the answer, its date and whether it was upheld."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status=ComplaintStatus.CLOSED, closed_at__isnull=False)
                | ~Q(status=ComplaintStatus.CLOSED) & Q(closed_at__isnull=True),
                name="complaint_closed_with_time",
            ),
        ]

    def __str__(self):
        return _("complaint of %(date)s about %(what)s") % {
            "date": f"{self.received_on:%Y-%m-%d}",
            "what": self.about,
        }

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def about(self) -> str:
        parts = [
            self.organisation.name if self.organisation_id and self.organisation else "",
            self.service.name if self.service_id and self.service else "",
        ]
        return " – ".join(p for p in parts if p)


class SurveyResponse(models.Model):
    """A resident's satisfaction with a service given to them: one answer per service given."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="survey_responses", verbose_name=_("centre")
    )
    enrolment = models.OneToOneField(
        Enrolment,
        on_delete=models.PROTECT,
        related_name="survey",
        verbose_name=_("service given"),
    )
    # Copied from the service given, for the scorecard's sums without a join.
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        related_name="survey_responses",
        verbose_name=_("service"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_responses",
        verbose_name=_("provider"),
    )
    answered_on = models.DateField(_("answered on"))
    channel = models.CharField(
        _("how it was answered"), max_length=8, choices=SurveyChannel.choices
    )
    helpful = models.PositiveSmallIntegerField(_("the service helped"))
    respectful = models.PositiveSmallIntegerField(_("kindness and respect"))
    reliable = models.PositiveSmallIntegerField(_("visits as agreed"))
    overall = models.PositiveSmallIntegerField(_("overall"))
    comment = models.TextField(_("comment"), blank=True)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-answered_on", "-created_at"]
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        indexes = [
            models.Index(fields=["centre", "-answered_on"]),
            models.Index(fields=["centre", "organisation", "service"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    helpful__gte=1,
                    helpful__lte=5,
                    respectful__gte=1,
                    respectful__lte=5,
                    reliable__gte=1,
                    reliable__lte=5,
                    overall__gte=1,
                    overall__lte=5,
                ),
                name="survey_scores_1_to_5",
                violation_error_message=_("Each answer is from 1 to 5."),
            )
        ]

    def __str__(self):
        return f"{self.service.name} {self.answered_on:%Y-%m-%d}: {self.overall}/5"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def mean(self) -> Decimal:
        total = self.helpful + self.respectful + self.reliable + self.overall
        return (Decimal(total) / 4).quantize(Decimal("0.01"))


class Inspection(models.Model):
    """The centre's inspection (kontrola) of a provider under a contract."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("centre")
    )
    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="inspections", verbose_name=_("contract")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="inspections",
        verbose_name=_("organisation"),
    )
    inspected_on = models.DateField(_("date of the inspection"))
    inspector = models.CharField(_("inspector"), max_length=200)
    scope = models.TextField(_("scope"))
    findings = models.TextField(_("findings"))
    recommendations = models.TextField(_("recommendations"), blank=True)
    rating = models.CharField(_("rating"), max_length=10, choices=InspectionRating.choices)
    follow_up_on = models.DateField(_("follow-up by"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-inspected_on", "-created_at"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        indexes = [
            models.Index(fields=["centre", "organisation", "-inspected_on"]),
            models.Index(fields=["contract", "-inspected_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_on__isnull=True) | Q(follow_up_on__gte=F("inspected_on")),
                name="inspection_follow_up_after_it",
                violation_error_message=_("The follow-up cannot come before the inspection."),
            )
        ]

    def __str__(self):
        return f"{self.inspected_on:%Y-%m-%d} {self.get_rating_display()}"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}
