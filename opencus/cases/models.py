"""Applications (*wnioski*) and their path: registration, completion, needs recognition,
routing to other units, qualification within limits, waiting lists, decisions and appeals.

DOMAIN.md §5 and state machines A and F. The submission time is the FIFO key and never
changes after the application is created.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencus.cases.enums import (
    AppealOutcome,
    ApplicationStatus,
    AssessmentPlace,
    Channel,
    LifeArea,
    NeedLevel,
    Outcome,
    Regime,
    SubCaseStatus,
    SubCaseTarget,
    SubmitterRole,
    WaitlistStatus,
)
from opencus.catalogue.enums import CapacityPeriod
from opencus.catalogue.models import Service
from opencus.people.models import Consent, Person
from opencus.territory.models import Centre

MSG_SUBMITTED_AT_FIXED = _("The submission time cannot be changed: it decides the order.")

USER = settings.AUTH_USER_MODEL


class CasePolicy(models.Model):
    """A centre's settings for its procedures ([U] in DOMAIN.md: not constants of the law)."""

    CENTRE_LOOKUP = "centre"

    centre = models.OneToOneField(
        Centre, on_delete=models.CASCADE, primary_key=True, related_name="case_policy"
    )
    completion_days = models.PositiveSmallIntegerField(
        _("days to complete an application"), default=7
    )
    offer_reply_days = models.PositiveSmallIntegerField(
        _("days to reply to an offered place"), default=7
    )
    ipus_deadline_days = models.PositiveSmallIntegerField(
        _("days to prepare an IPUS from the application"), default=30
    )
    appeal_days = models.PositiveSmallIntegerField(_("days to appeal a decision"), default=14)
    appeal_body = models.CharField(
        _("appeal body"), max_length=200, default="Samorządowe Kolegium Odwoławcze"
    )
    decision_legal_basis = models.TextField(
        _("legal basis quoted in refusal decisions"),
        default=(
            "art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego "
            "oraz przepisy ustawy z dnia 19 lipca 2019 r. o realizowaniu usług społecznych przez "
            "centrum usług społecznych i programu usług społecznych"
        ),
    )

    class Meta:
        verbose_name = _("procedure settings")

    def __str__(self):
        return str(self.centre)

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}


class CaseNumberCounter(models.Model):
    """The last case number of a centre in a year; taken under a row lock."""

    CENTRE_LOOKUP = "centre"

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["centre", "year"], name="case_counter_per_year")
        ]

    def __str__(self):
        return f"{self.centre_id} {self.year}: {self.last}"


class Application(models.Model):
    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="applications", verbose_name=_("centre")
    )
    # The person concerned; an online application names them in the declared fields until
    # the desk registers it and links (or creates) their record.
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("person concerned"),
    )
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    submitter_role = models.CharField(
        _("submitted by"), max_length=24, choices=SubmitterRole.choices
    )
    submitter = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications_submitted",
        verbose_name=_("submitter (representative or carer)"),
    )
    submitter_name = models.CharField(
        _("submitter's name or institution"), max_length=200, blank=True
    )
    account = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("resident account"),
    )
    declared_first_name = models.CharField(_("first name"), max_length=100, blank=True)
    declared_last_name = models.CharField(_("last name"), max_length=100, blank=True)
    declared_pesel = models.CharField(_("PESEL"), max_length=11, blank=True)
    declared_birth_date = models.DateField(_("birth date"), null=True, blank=True)
    declared_address = models.CharField(_("address"), max_length=300, blank=True)
    declared_phone = models.CharField(_("phone"), max_length=40, blank=True)
    declared_email = models.EmailField(_("e-mail"), blank=True)
    description = models.TextField(
        _("the need, in the applicant's words"),
        help_text=_("What is difficult, what would help, since when."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), db_index=True)
    received_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    registered_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    registered_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    coordinator = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_applications",
        verbose_name=_("coordinator"),
    )
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            models.Index(fields=["centre", "status", "submitted_at"]),
            models.Index(fields=["centre", "submitted_at"]),
            models.Index(fields=["centre", "coordinator", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "case_number"],
                condition=~Q(case_number=""),
                name="application_case_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(declared_last_name=""),
                name="application_names_someone",
                violation_error_message=_("Say who the application is for."),
            ),
        ]

    def __str__(self):
        return self.case_number or _("application of %(date)s") % {
            "date": self.submitted_at.date().isoformat()
        }

    _stored_submitted_at: dt.datetime | None = None

    def save(self, *args, **kwargs):
        stored = self._stored_submitted_at
        if stored is not None and stored != self.submitted_at:
            raise ValidationError(MSG_SUBMITTED_AT_FIXED)
        super().save(*args, **kwargs)
        self._stored_submitted_at = self.submitted_at

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._stored_submitted_at = instance.__dict__.get("submitted_at")
        return instance

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def display_name(self) -> str:
        if self.person is not None:
            return f"{self.person.first_name} {self.person.last_name}"
        return f"{self.declared_first_name} {self.declared_last_name}".strip()

    @property
    def is_open(self) -> bool:
        return self.status not in {ApplicationStatus.CLOSED, ApplicationStatus.WITHDRAWN}

    def ipus_deadline(self, days: int = 30) -> dt.date:
        return (self.submitted_at + dt.timedelta(days=days)).date()


class ApplicationEvent(models.Model):
    """The application's history in plain words: status changes and what happened."""

    CENTRE_LOOKUP = "application__centre"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=24, choices=ApplicationStatus.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.CharField(_("what happened"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["application", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_status_display()}"


class RequestedService(models.Model):
    """One service asked for in an application, and what became of it."""

    CENTRE_LOOKUP = "application__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="requested")
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="requests", verbose_name=_("service")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.PENDING
    )
    # What was granted (a written notice, not an administrative decision)
    units_per_period = models.DecimalField(
        _("units per period"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    period = models.CharField(_("period"), max_length=8, choices=CapacityPeriod.choices, blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    exemption = models.CharField(_("fee exemption"), max_length=8, blank=True)
    exemption_reason = models.CharField(_("reason for the exemption"), max_length=300, blank=True)
    fee_per_unit = models.DecimalField(
        _("the person's fee per unit (PLN)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    notice_number = models.CharField(_("notice number"), max_length=50, blank=True)
    enrolment = models.OneToOneField(
        "enrolments.Enrolment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requested",
        verbose_name=_("service given"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["service__name"]
        verbose_name = _("requested service")
        verbose_name_plural = _("requested services")
        indexes = [models.Index(fields=["service", "outcome"])]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "service"], name="requested_service_once"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="requested_service_dates_ordered",
                violation_error_message=_("The end cannot be earlier than the start."),
            ),
        ]

    def __str__(self):
        return str(self.service)

    def get_additional_data(self):
        return {"centre": str(self.application.centre_id)}


class CompletionRequest(models.Model):
    """A request to complete the application (*wezwanie do uzupełnienia*), with a deadline."""

    CENTRE_LOOKUP = "application__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="completion_requests"
    )
    missing = models.TextField(_("what is missing"))
    due_on = models.DateField(_("complete by"))
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    requested_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completion_note = models.CharField(_("what was brought"), max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(completed_at__isnull=True),
                name="one_open_completion_request",
            )
        ]

    def __str__(self):
        return f"{self.application} → {self.due_on:%d.%m.%Y}"

    def get_additional_data(self):
        return {"centre": str(self.application.centre_id)}


class NeedsAssessment(models.Model):
    """*Rozpoznanie indywidualnych potrzeb*: not a community interview, no income test."""

    CENTRE_LOOKUP = "application__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assessments"
    )
    scheduled_for = models.DateTimeField(_("planned for"), null=True, blank=True)
    assessed_on = models.DateField(_("date of the conversation"), null=True, blank=True)
    place = models.CharField(_("where"), max_length=8, choices=AssessmentPlace.choices)
    place_note = models.CharField(_("address or place"), max_length=300, blank=True)
    assessor = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.TextField(_("summary"), blank=True)
    persons_view = models.TextField(_("what the person wants, in their own words"), blank=True)
    recommended = models.ManyToManyField(
        Service, blank=True, related_name="+", verbose_name=_("recommended services")
    )
    ipus_required = models.BooleanField(
        _("services need coordinating for at least 3 months (IPUS)"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("needs recognition")

    def __str__(self):
        return f"{self.application} ({self.get_place_display()})"

    def get_additional_data(self):
        return {"centre": str(self.application.centre_id)}

    @property
    def is_done(self) -> bool:
        return self.assessed_on is not None


class AssessmentFinding(models.Model):
    CENTRE_LOOKUP = "assessment__application__centre"
    PERSONAL_DATA = True

    assessment = models.ForeignKey(
        NeedsAssessment, on_delete=models.CASCADE, related_name="findings"
    )
    area = models.CharField(_("life area"), max_length=12, choices=LifeArea.choices)
    level = models.CharField(_("support needed"), max_length=12, choices=NeedLevel.choices)
    situation = models.TextField(_("situation"), blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "area"], name="finding_once_per_area")
        ]

    def __str__(self):
        return f"{self.get_area_display()}: {self.get_level_display()}"


class SubCase(models.Model):
    """A part of the application forwarded, with consent, to a unit that handles it."""

    CENTRE_LOOKUP = "application__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="subcases")
    target = models.CharField(_("forwarded to"), max_length=20, choices=SubCaseTarget.choices)
    unit_name = models.CharField(_("unit"), max_length=200)
    regime = models.CharField(_("procedure"), max_length=2, choices=Regime.choices)
    scope = models.TextField(_("what is forwarded"))
    services = models.ManyToManyField(
        RequestedService, blank=True, related_name="subcases", verbose_name=_("services")
    )
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, related_name="+", verbose_name=_("consent")
    )
    forwarded_at = models.DateTimeField(_("forwarded at"), auto_now_add=True)
    forwarded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SubCaseStatus.choices, default=SubCaseStatus.FORWARDED
    )
    outcome_note = models.TextField(_("outcome"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["forwarded_at"]
        indexes = [models.Index(fields=["application", "status"])]

    def __str__(self):
        return f"{self.application} → {self.unit_name}"

    def get_additional_data(self):
        return {"centre": str(self.application.centre_id)}


class Decision(models.Model):
    """An administrative decision refusing qualification (*decyzja odmowna*, KPA)."""

    CENTRE_LOOKUP = "requested__application__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested = models.OneToOneField(
        RequestedService, on_delete=models.PROTECT, related_name="decision"
    )
    number = models.CharField(_("decision number"), max_length=50)
    legal_basis = models.TextField(_("legal basis"))
    reasons = models.TextField(_("reasons (uzasadnienie)"))
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("signed by"), max_length=200)
    signer_function = models.CharField(_("function"), max_length=200)
    appeal_days = models.PositiveSmallIntegerField(_("days to appeal"))
    appeal_body = models.CharField(_("appeal body"), max_length=200)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("administrative decision")

    def __str__(self):
        return self.number

    def get_additional_data(self):
        return {"centre": str(self.requested.application.centre_id)}

    @property
    def appeal_deadline(self) -> dt.date | None:
        if self.delivered_on is None:
            return None
        return self.delivered_on + dt.timedelta(days=self.appeal_days)


class Appeal(models.Model):
    """An appeal (*odwołanie*) to the SKO, filed through the centre."""

    CENTRE_LOOKUP = "decision__requested__application__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="appeal")
    filed_on = models.DateField(_("filed on"))
    in_time = models.BooleanField(_("filed within the deadline"))
    content = models.TextField(_("what the appellant says"), blank=True)
    sent_to_body_on = models.DateField(_("sent to the SKO on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=10,
        choices=AppealOutcome.choices,
        default=AppealOutcome.PENDING,
    )
    outcome_on = models.DateField(_("outcome date"), null=True, blank=True)
    outcome_note = models.TextField(_("note on the outcome"), blank=True)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("appeal")

    def __str__(self):
        return f"{self.decision} ({self.get_outcome_display()})"

    def get_additional_data(self):
        return {"centre": str(self.decision.requested.application.centre_id)}


class ServiceLimit(models.Model):
    """How many people a programme service may take in a period (*limit miejsc*).

    ``taken`` counts granted places and places held by an open offer; the database refuses
    ``taken > places``, and grants take the row lock first, so concurrent qualifications can
    never over-grant.
    """

    CENTRE_LOOKUP = "service__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="limits", verbose_name=_("service")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    places = models.PositiveIntegerField(_("places"))
    taken = models.PositiveIntegerField(_("taken"), default=0)
    note = models.CharField(_("note (programme, resolution)"), max_length=300, blank=True)

    class Meta:
        ordering = ["service__name", "starts_on"]
        verbose_name = _("limit of places")
        indexes = [models.Index(fields=["service", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=F("places")),
                name="limit_never_over_granted",
                violation_error_message=_("No place left: the limit is reached."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="limit_dates_ordered",
                violation_error_message=_("The end cannot be earlier than the start."),
            ),
            models.CheckConstraint(
                condition=Q(places__gt=0),
                name="limit_has_places",
                violation_error_message=_("A limit needs at least one place."),
            ),
        ]

    def __str__(self):
        return f"{self.service} {self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"

    def get_additional_data(self):
        return {"centre": str(self.service.centre_id)}

    @property
    def free(self) -> int:
        return self.places - self.taken


class WaitlistEntry(models.Model):
    """A place in the queue for a service; ordered by the application's submission time."""

    CENTRE_LOOKUP = "limit__service__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    limit = models.ForeignKey(ServiceLimit, on_delete=models.PROTECT, related_name="entries")
    requested = models.OneToOneField(
        RequestedService, on_delete=models.CASCADE, related_name="waitlist_entry"
    )
    queued_at = models.DateTimeField(_("in the queue since (submission)"))
    status = models.CharField(
        _("status"), max_length=10, choices=WaitlistStatus.choices, default=WaitlistStatus.QUEUED
    )
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True)
    offer_due_on = models.DateField(_("reply by"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)
    left_reason = models.CharField(_("why"), max_length=300, blank=True)

    class Meta:
        ordering = ["queued_at", "id"]
        verbose_name = _("waiting-list entry")
        indexes = [
            models.Index(fields=["limit", "status", "queued_at"]),
            models.Index(fields=["status", "offer_due_on"]),
        ]

    def __str__(self):
        return f"{self.requested} ({self.get_status_display()})"

    def get_additional_data(self):
        return {"centre": str(self.limit.service.centre_id)}
