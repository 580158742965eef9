"""Individual social services plans (*indywidualny plan usług społecznych*, IPUS).

DOMAIN.md §6 and state machine C. A plan is prepared by the coordinator (KIPUS) with the
person, agreed with them, approved by the director or an OUS authorised for it, monitored,
revised as new versions, and closed with a summary conversation and a description of the
course and results per goal.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencus.cases.models import Application, NeedsAssessment, RequestedService
from opencus.catalogue.models import Service
from opencus.people.models import Person
from opencus.plans.enums import (
    FREQUENCY_MONTHS,
    PREPARATION_STATUSES,
    AgreementForm,
    ContactKind,
    EndReason,
    ExternalKind,
    GoalResult,
    ItemPeriod,
    MonitoringFrequency,
    PlanStatus,
    SupportKind,
)
from opencus.territory.models import Centre

USER = settings.AUTH_USER_MODEL

# The database's backstop for "at most 12 months": no 12-month period is longer than 365 days
# between its first and last day. The services check the exact calendar rule (plans.rules).
MAX_PERIOD_DAYS = 365


class IndividualPlan(models.Model):
    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="plans", verbose_name=_("centre")
    )
    number = models.CharField(_("plan number"), max_length=60)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="plans", verbose_name=_("person")
    )
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="plans", verbose_name=_("application")
    )
    assessment = models.ForeignKey(
        NeedsAssessment,
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("needs recognition"),
    )
    coordinator = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="coordinated_plans",
        verbose_name=_("coordinator (KIPUS)"),
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_plans",
        verbose_name=_("previous plan"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    deadline = models.DateField(_("to be prepared by"))
    period_from = models.DateField(_("plan from"))
    period_to = models.DateField(_("plan until"))
    monitoring_frequency = models.CharField(
        _("monitoring contacts"),
        max_length=10,
        choices=MonitoringFrequency.choices,
        default=MonitoringFrequency.MONTHLY,
    )
    monitoring_how = models.TextField(
        _("how the plan is monitored"),
        blank=True,
        help_text=_("Who meets whom, where, and who else is asked (providers, family)."),
    )
    risk_notes = models.TextField(_("risks and what to do about them"), blank=True)
    # The person's agreement to the current version (agreed with the applicant: statutory)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    agreement_form = models.CharField(
        _("form of the agreement"), max_length=12, choices=AgreementForm.choices, blank=True
    )
    agreed_by_name = models.CharField(
        _("agreed by"),
        max_length=200,
        blank=True,
        help_text=_("The person, or their legal representative or actual carer."),
    )
    agreement_witness = models.CharField(_("in the presence of"), max_length=200, blank=True)
    agreement_recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Approval of the current version (director, or an OUS authorised for it)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_under = models.ForeignKey(
        "PlanApprovalAuthorisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("under the authorisation"),
    )
    first_approved_on = models.DateField(_("first approved on"), null=True, blank=True)
    # The number of the last approved version (0: never approved)
    version = models.PositiveIntegerField(_("version"), default=0)
    revision_reason = models.CharField(_("reason for the revision"), max_length=500, blank=True)
    returned_reason = models.TextField(_("returned for changes because"), blank=True)
    # Ending and closing
    end_reason = models.CharField(
        _("reason for ending"), max_length=20, choices=EndReason.choices, blank=True
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    summary_conversation_on = models.DateField(
        _("summary conversation held on"), null=True, blank=True
    )
    course_description = models.TextField(
        _("description of the course and results of the plan"), blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("individual plan (IPUS)")
        verbose_name_plural = _("individual plans (IPUS)")
        indexes = [
            models.Index(fields=["centre", "status", "deadline"]),
            models.Index(fields=["centre", "coordinator", "status"]),
            models.Index(fields=["centre", "period_to"]),
            models.Index(fields=["centre", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "number"],
                name="plan_number_unique",
                violation_error_message=_("A plan with this number already exists."),
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=~Q(status=PlanStatus.CLOSED),
                name="plan_one_open_per_person",
                violation_error_message=_(
                    "The person already has an open plan: revise it instead of starting another."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period_to__gte=F("period_from")),
                name="plan_period_ordered",
                violation_error_message=_("The plan cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(period_to__lte=F("period_from") + dt.timedelta(days=MAX_PERIOD_DAYS)),
                name="plan_period_at_most_a_year",
                violation_error_message=_("A plan may last at most 12 months."),
            ),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True, approved_by__isnull=True)
                | Q(approved_at__isnull=False, approved_by__isnull=False),
                name="plan_approved_with_approver",
            ),
            models.CheckConstraint(
                condition=Q(agreed_on__isnull=True, agreement_form="")
                | Q(agreed_on__isnull=False) & ~Q(agreement_form=""),
                name="plan_agreement_with_form",
            ),
            models.CheckConstraint(
                condition=~Q(status=PlanStatus.CLOSED)
                | Q(
                    closed_at__isnull=False,
                    summary_conversation_on__isnull=False,
                    ended_on__isnull=False,
                )
                & ~Q(course_description="")
                & ~Q(end_reason=""),
                name="plan_closed_with_summary",
                violation_error_message=_(
                    "A plan is closed only with the summary conversation and the description of "
                    "its course and results."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[PlanStatus.ACTIVE, PlanStatus.CLOSING, PlanStatus.CLOSED])
                | Q(version__gte=1),
                name="plan_in_force_was_approved",
            ),
        ]

    def __str__(self):
        return self.number

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def in_preparation(self) -> bool:
        return self.status in PREPARATION_STATUSES and self.version == 0

    @property
    def is_revision(self) -> bool:
        """Being changed after an approval (a new version is on its way)."""
        return self.version > 0 and self.status in {
            PlanStatus.UNDER_REVISION,
            PlanStatus.AGREED,
            PlanStatus.PENDING_APPROVAL,
        }

    @property
    def is_agreed(self) -> bool:
        return self.agreed_on is not None

    @property
    def frequency_months(self) -> int:
        return FREQUENCY_MONTHS[MonitoringFrequency(self.monitoring_frequency)]


class PlanEvent(models.Model):
    """The plan's history in plain words: status changes and what happened."""

    CENTRE_LOOKUP = "plan__centre"

    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.CharField(_("what happened"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["plan", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_status_display()}"


class PlanGoal(models.Model):
    """A measurable goal, with the person's own words and, at the end, its result."""

    CENTRE_LOOKUP = "plan__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    goal = models.CharField(_("goal"), max_length=300)
    indicator = models.CharField(
        _("how we will know it is reached"),
        max_length=300,
        help_text=_(
            "Something that can be counted or seen, e.g. “goes shopping alone twice a week”."
        ),
    )
    target_date = models.DateField(_("reached by"))
    persons_words = models.TextField(_("the goal in the person's own words"), blank=True)
    result = models.CharField(_("result"), max_length=12, choices=GoalResult.choices, blank=True)
    result_description = models.TextField(_("course and result"), blank=True)

    class Meta:
        ordering = ["position", "target_date", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.CheckConstraint(
                condition=Q(result="") | ~Q(result_description=""),
                name="goal_result_described",
                violation_error_message=_("Describe the course and result of the goal."),
            )
        ]

    def __str__(self):
        return self.goal

    def get_additional_data(self):
        return {"centre": str(self.plan.centre_id)}


class PlanItem(models.Model):
    """A service in the plan: one of the centre's catalogue, or an outside one described in text
    (social assistance, healthcare, an NGO outside the programme)."""

    CENTRE_LOOKUP = "plan__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("service of the centre's catalogue"),
    )
    external_kind = models.CharField(
        _("kind of outside service"), max_length=12, choices=ExternalKind.choices, blank=True
    )
    external_name = models.CharField(_("outside service"), max_length=300, blank=True)
    provider_name = models.CharField(
        _("provider"),
        max_length=200,
        blank=True,
        help_text=_("Empty for a catalogue service: its provider is shown."),
    )
    units_per_period = models.DecimalField(
        _("units per period"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    period = models.CharField(_("period"), max_length=8, choices=ItemPeriod.choices, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    fee_note = models.CharField(
        _("cost to the person (outside service)"), max_length=200, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    # What qualification made of it, when the plan was approved
    requested = models.ForeignKey(
        RequestedService,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("requested service"),
    )
    qualification_note = models.CharField(_("qualification"), max_length=300, blank=True)

    class Meta:
        ordering = ["position", "starts_on", "id"]
        verbose_name = _("service in the plan")
        verbose_name_plural = _("services in the plan")
        indexes = [models.Index(fields=["service"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False, external_kind="", external_name="")
                | Q(service__isnull=True) & ~Q(external_kind="") & ~Q(external_name=""),
                name="item_catalogue_or_outside",
                violation_error_message=_(
                    "Choose a service of the catalogue, or describe an outside service and its "
                    "kind: one of the two."
                ),
            ),
            models.CheckConstraint(
                condition=Q(service__isnull=True) | Q(units_per_period__gt=0) & ~Q(period=""),
                name="item_catalogue_has_amount",
                violation_error_message=_(
                    "A service of the catalogue needs its amount: units and a period."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="item_dates_ordered",
                violation_error_message=_("The end date cannot come before the start date."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"centre": str(self.plan.centre_id)}

    @property
    def name(self) -> str:
        service = self.service if self.service_id else None
        return service.name if service is not None else self.external_name

    @property
    def provider(self) -> str:
        if self.provider_name:
            return self.provider_name
        service = self.service if self.service_id else None
        return service.provider_name if service is not None else ""


class PlanSupport(models.Model):
    """The person's own actions and informal support: family, neighbours, volunteers."""

    CENTRE_LOOKUP = "plan__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="support")
    kind = models.CharField(_("kind"), max_length=12, choices=SupportKind.choices)
    who = models.CharField(_("who"), max_length=200)
    what = models.CharField(_("what they do"), max_length=500)
    how_often = models.CharField(_("how often"), max_length=100, blank=True)

    class Meta:
        ordering = ["kind", "who", "id"]
        verbose_name = _("own action or informal support")
        verbose_name_plural = _("own actions and informal support")

    def __str__(self):
        return f"{self.who}: {self.what}"

    def get_additional_data(self):
        return {"centre": str(self.plan.centre_id)}


class PlanVersion(models.Model):
    """An approved version of the plan: what it said, why it changed, who agreed and approved."""

    CENTRE_LOOKUP = "plan__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    reason = models.CharField(_("reason"), max_length=500)
    content = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("approved at"), auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["plan", "-number"]
        verbose_name = _("plan version")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_once"),
            models.CheckConstraint(condition=Q(number__gte=1), name="plan_version_from_one"),
        ]

    def __str__(self):
        return f"{self.plan} v{self.number}"

    def get_additional_data(self):
        return {"centre": str(self.plan.centre_id)}


class MonitoringContact(models.Model):
    """A monitoring contact (visit, call, meeting) and what it showed."""

    CENTRE_LOOKUP = "plan__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="contacts")
    contact_on = models.DateField(_("date"))
    kind = models.CharField(_("kind of contact"), max_length=10, choices=ContactKind.choices)
    progress = models.TextField(_("progress"))
    issues = models.TextField(_("problems and what was agreed"), blank=True)
    next_contact_on = models.DateField(_("next contact"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-contact_on", "-created_at"]
        verbose_name = _("monitoring contact")
        verbose_name_plural = _("monitoring contacts")
        indexes = [models.Index(fields=["plan", "contact_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_contact_on__isnull=True) | Q(next_contact_on__gt=F("contact_on")),
                name="contact_next_after_this",
                violation_error_message=_("The next contact must come after this one."),
            )
        ]

    def __str__(self):
        return f"{self.contact_on:%Y-%m-%d} {self.get_kind_display()}"

    def get_additional_data(self):
        return {"centre": str(self.plan.centre_id)}


class PlanApprovalAuthorisation(models.Model):
    """The director's authorisation for an OUS to approve plans (*upoważnienie*)."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre,
        on_delete=models.CASCADE,
        related_name="plan_authorisations",
        verbose_name=_("centre"),
    )
    user = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="plan_authorisations",
        verbose_name=_("authorised OUS"),
    )
    number = models.CharField(_("authorisation number"), max_length=60, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"))
    granted_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("granted by")
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-valid_to", "user__last_name"]
        verbose_name = _("authorisation to approve plans")
        verbose_name_plural = _("authorisations to approve plans")
        indexes = [models.Index(fields=["centre", "user", "valid_from", "valid_to"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=F("valid_from")),
                name="authorisation_dates_ordered",
                violation_error_message=_("The end date cannot come before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revoked_by__isnull=True)
                | Q(revoked_at__isnull=False),
                name="authorisation_revoked_with_date",
            ),
        ]

    def __str__(self):
        return _("%(user)s, %(start)s–%(end)s") % {
            "user": self.user,
            "start": self.valid_from.strftime("%d.%m.%Y"),
            "end": self.valid_to.strftime("%d.%m.%Y"),
        }

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    def is_valid_on(self, day: dt.date) -> bool:
        return self.revoked_at is None and self.valid_from <= day <= self.valid_to


class CaseloadReminder(models.Model):
    """A caseload reminder sent to a coordinator: at most one a day."""

    CENTRE_LOOKUP = "centre"

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(_("sent on"))
    items = models.PositiveIntegerField(_("actions listed"))
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "user", "sent_on"], name="caseload_reminder_once_a_day"
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.sent_on}"
