"""Commissioning services to providers (DOMAIN.md §9, state machine H).

A ``Call`` is a centre's procedure in one legal route (open competition, art. 19a small
grant, public procurement, in-house assignment) with its published ``Criterion`` list; an
organisation answers it with one ``Offer`` through the provider portal; the centre checks
each offer formally, gives a ``Score`` per criterion, awards and publishes the results. Every
step is a ``CallEvent`` (who, when). Art. 19a offers are published for comments
(``OfferComment``, from anyone, no login).
"""

import datetime as dt
import uuid
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import ServiceArea, ServiceType, Unit
from opencus.commissioning import limits
from opencus.commissioning.enums import (
    GRANT_MODES,
    SENT_STATUSES,
    CallAction,
    CallStatus,
    Mode,
    OfferStatus,
    ProcurementKind,
)
from opencus.providers.enums import TaskForm
from opencus.providers.models import Organisation
from opencus.territory.models import Centre, Gmina

USER = settings.AUTH_USER_MODEL

# Statuses in which a call has been published (it may since have been cancelled).
_OPEN_OR_LATER = [
    CallStatus.PUBLISHED,
    CallStatus.EVALUATION,
    CallStatus.AWARDED,
    CallStatus.RESULTS_PUBLISHED,
]


class CallNumberCounter(models.Model):
    """The last number a centre gave a call in a year (calls are numbered "3/2026")."""

    CENTRE_LOOKUP = "centre"

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["centre", "year"], name="call_counter_once_a_year")
        ]

    def __str__(self):
        return f"{self.centre_id} {self.year}: {self.last}"


class Call(models.Model):
    """A commissioning procedure of a centre: the announcement, its terms and its outcome."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="calls", verbose_name=_("centre")
    )
    number = models.CharField(_("number"), max_length=20)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number in the year"))
    title = models.CharField(_("title"), max_length=300)
    mode = models.CharField(_("procedure"), max_length=20, choices=Mode.choices)
    task_form = models.CharField(
        _("form of the task"),
        max_length=12,
        choices=TaskForm.choices,
        blank=True,
        help_text=_("For a grant (open competition or art. 19a): entrusting or supporting."),
    )
    procurement_kind = models.CharField(
        _("kind of procurement"),
        max_length=20,
        choices=ProcurementKind.choices,
        blank=True,
        help_text=_("For public procurement only."),
    )
    service_type = models.CharField(_("service"), max_length=24, choices=ServiceType.choices)
    area = models.CharField(_("area"), max_length=30, choices=ServiceArea.choices)
    gminas = models.ManyToManyField(
        Gmina, related_name="commissioning_calls", verbose_name=_("gminas where it is delivered")
    )
    terms = models.TextField(
        _("terms of the call"),
        help_text=_("The task, its recipients and extent, the conditions of delivery."),
    )
    eligibility = models.TextField(
        _("who may apply"),
        blank=True,
        help_text=_("Eligibility of the offerors, the documents required."),
    )
    social_clauses = models.TextField(
        _("social clauses"),
        blank=True,
        help_text=_("Public procurement: social aspects required of the contractor (art. 96 Pzp)."),
    )
    budget = models.DecimalField(_("budget (PLN)"), max_digits=12, decimal_places=2)
    task_starts_on = models.DateField(_("task starts on"))
    task_ends_on = models.DateField(_("task ends on"))
    offers_deadline = models.DateTimeField(_("offers deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for the cancellation"), blank=True)
    results_published_at = models.DateTimeField(_("results published on"), null=True, blank=True)
    created_at = models.DateTimeField(_("drafted on"), auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year", "sequence"], name="call_number_once_per_centre"
            ),
            models.CheckConstraint(
                condition=Q(budget__gt=0),
                name="call_budget_positive",
                violation_error_message=_("The budget must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(task_ends_on__gte=F("task_starts_on")),
                name="call_task_ends_after_start",
                violation_error_message=_("The task cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(mode__in=sorted(GRANT_MODES)) & ~Q(task_form="")
                | ~Q(mode__in=sorted(GRANT_MODES)) & Q(task_form=""),
                name="call_task_form_for_grants",
                violation_error_message=_(
                    "A grant names its form (entrusting or supporting); other procedures not."
                ),
            ),
            models.CheckConstraint(
                condition=Q(mode=Mode.PROCUREMENT) & ~Q(procurement_kind="")
                | ~Q(mode=Mode.PROCUREMENT) & Q(procurement_kind=""),
                name="call_procurement_kind_for_procurement",
                violation_error_message=_("Public procurement names its kind; other modes not."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[CallStatus.PUBLISHED, CallStatus.EVALUATION])
                | Q(published_at__isnull=False, offers_deadline__isnull=False),
                name="call_published_with_deadline",
                violation_error_message=_("A published call has its date and offers deadline."),
            ),
            models.CheckConstraint(
                condition=Q(offers_deadline__isnull=True)
                | Q(published_at__isnull=True)
                | Q(offers_deadline__gt=F("published_at")),
                name="call_deadline_after_publication",
                violation_error_message=_("The offers deadline comes after the publication."),
            ),
            models.CheckConstraint(
                condition=~Q(status=CallStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="call_cancelled_with_reason",
                violation_error_message=_("A cancellation needs a reason."),
            ),
            models.CheckConstraint(
                condition=Q(status=CallStatus.RESULTS_PUBLISHED, results_published_at__isnull=False)
                | ~Q(status=CallStatus.RESULTS_PUBLISHED) & Q(results_published_at__isnull=True),
                name="call_results_published_with_date",
            ),
        ]
        indexes = [
            models.Index(fields=["centre", "status", "-created_at"]),
            models.Index(fields=["centre", "-year", "-sequence"]),
            models.Index(fields=["status", "offers_deadline"]),
            models.Index(fields=["service_type", "status"]),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def is_grant(self) -> bool:
        return self.mode in GRANT_MODES

    @property
    def is_small_grant(self) -> bool:
        return self.mode == Mode.SMALL_GRANT

    @property
    def is_reserved(self) -> bool:
        return self.procurement_kind == ProcurementKind.RESERVED

    @property
    def is_supporting(self) -> bool:
        return self.task_form == TaskForm.SUPPORTING

    # The [U] limits of art. 19a, for the pages that state them.
    @property
    def comment_days(self) -> int:
        return limits.get("SMALL_GRANT_COMMENT_DAYS")

    @property
    def small_grant_max_value(self) -> Decimal:
        return limits.get("SMALL_GRANT_MAX_VALUE")

    @property
    def small_grant_max_days(self) -> int:
        return limits.get("SMALL_GRANT_MAX_DAYS")

    @property
    def small_grant_year_limit(self) -> Decimal:
        return limits.get("SMALL_GRANT_MAX_PER_ORGANISATION_YEAR")

    @property
    def is_public(self) -> bool:
        """Published once (a later cancellation is published too), or an in-house result."""
        return self.published_at is not None or self.results_published_at is not None

    def deadline_passed(self, now: dt.datetime | None = None) -> bool:
        return self.offers_deadline is not None and (now or timezone.now()) > self.offers_deadline

    def accepts_offers(self, now: dt.datetime | None = None) -> bool:
        return self.status == CallStatus.PUBLISHED and not self.deadline_passed(now)

    @property
    def task_days(self) -> int:
        return (self.task_ends_on - self.task_starts_on).days + 1

    @property
    def max_points(self) -> int:
        return sum(c.max_points for c in self.criteria.all())

    @property
    def procedure_label(self) -> str:
        """The route in words, with its form or kind: "open competition … – entrusting"."""
        detail = self.get_task_form_display() or self.get_procurement_kind_display()
        return f"{self.get_mode_display()} – {detail}" if detail else str(self.get_mode_display())


def public_calls_q() -> Q:
    """Calls anyone may see: published (and what followed), or an in-house result published."""
    return Q(published_at__isnull=False) | Q(results_published_at__isnull=False)


class Criterion(models.Model):
    """A published evaluation criterion of a call, scored 0..max_points."""

    CENTRE_LOOKUP = "call__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call")
    )
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("how it is judged"), blank=True)
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["call", "position", "name"]
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "name"],
                name="criterion_name_once_per_call",
                violation_error_message=_("Two criteria of a call cannot have the same name."),
            ),
            models.CheckConstraint(
                condition=Q(max_points__gte=1) & Q(max_points__lte=100),
                name="criterion_max_points_1_to_100",
                violation_error_message=_("A criterion gives between 1 and 100 points."),
            ),
        ]

    def __str__(self):
        return self.name


class Invitation(models.Model):
    """The centre asked an organisation (found in the partner search) to answer a call."""

    CENTRE_LOOKUP = "call__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="call_invitations"
    )
    message = models.TextField(_("message to the organisation"), blank=True)
    invited_at = models.DateTimeField(_("invited on"), default=timezone.now)
    invited_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["call", "invited_at"]
        verbose_name = _("invitation to a call")
        verbose_name_plural = _("invitations to calls")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"],
                name="invitation_once_per_call",
                violation_error_message=_("This organisation is already invited to the call."),
            )
        ]
        indexes = [models.Index(fields=["organisation", "call"])]

    def __str__(self):
        return f"{self.organisation} → {self.call}"


class Offer(models.Model):
    """An organisation's answer to a call (one per organisation and call).

    The amount is what the organisation asks of the centre (the grant, or the price); with
    units and a unit price it is their product. Under supporting (wspieranie) the offer
    states its own contribution on top.
    """

    CENTRE_LOOKUP = "call__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="offers", verbose_name=_("call")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    summary = models.TextField(
        _("summary of the offer"),
        blank=True,
        help_text=_(
            "A few sentences anyone may read (an art. 19a offer is published for comments)."
        ),
    )
    delivery = models.TextField(
        _("how the organisation will deliver the task"),
        blank=True,
        help_text=_("Activities, place, recipients reached, how quality is assured."),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, blank=True)
    units = models.DecimalField(
        _("number of units"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    unit_price = models.DecimalField(
        _("price per unit (PLN)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    amount = models.DecimalField(
        _("amount asked of the centre (PLN)"),
        null=True,
        blank=True,
        help_text=_("Left empty, it is the number of units times the price per unit."),
        max_digits=12,
        decimal_places=2,
    )
    own_contribution = models.DecimalField(
        _("own contribution (PLN)"),
        default=Decimal("0"),
        help_text=_("Supporting (wspieranie): what the organisation adds, money or its value."),
        max_digits=12,
        decimal_places=2,
    )
    own_contribution_description = models.TextField(_("what the own contribution is"), blank=True)
    task_starts_on = models.DateField(_("task from"), null=True, blank=True)
    task_ends_on = models.DateField(_("task until"), null=True, blank=True)
    schedule = models.TextField(_("schedule"), blank=True)
    staff = models.TextField(
        _("staff delivering the task"),
        blank=True,
        help_text=_("Who will deliver it: roles, qualifications, hours."),
    )
    declares_reserved_eligibility = models.BooleanField(
        _(
            "At least 30 percent of our staff are persons with disabilities or socially marginalised "
            "(art. 94 ust. 1 Pzp)"
        ),
        default=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    # Art. 19a: the offer is published for comments once the centre finds it formally correct.
    comments_from = models.DateTimeField(_("published for comments on"), null=True, blank=True)
    comments_until = models.DateTimeField(_("comments until"), null=True, blank=True)
    checked_at = models.DateTimeField(_("formal check on"), null=True, blank=True)
    checked_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rejection_reason = models.TextField(_("reason for the formal rejection"), blank=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    awarded_amount = models.DecimalField(
        _("amount awarded (PLN)"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["call", "submitted_at", "created_at"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organisation"],
                name="offer_once_per_organisation",
                violation_error_message=_("The organisation has already written an offer."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=sorted(SENT_STATUSES)) | Q(submitted_at__isnull=False),
                name="offer_sent_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=OfferStatus.REJECTED) | ~Q(rejection_reason=""),
                name="offer_rejected_with_reason",
                violation_error_message=_("A formal rejection needs a reason."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[OfferStatus.AWARDED, OfferStatus.NOT_AWARDED])
                | Q(decided_at__isnull=False) & ~Q(decision_reason=""),
                name="offer_decided_with_reason",
                violation_error_message=_("An award or a refusal needs its reason."),
            ),
            models.CheckConstraint(
                condition=Q(status=OfferStatus.AWARDED, awarded_amount__gt=0)
                | ~Q(status=OfferStatus.AWARDED) & Q(awarded_amount__isnull=True),
                name="offer_awarded_with_amount",
                violation_error_message=_("An awarded offer has the amount awarded."),
            ),
            models.CheckConstraint(
                condition=(Q(amount__isnull=True) | Q(amount__gte=0))
                & Q(own_contribution__gte=0)
                & (Q(units__isnull=True) | Q(units__gt=0))
                & (Q(unit_price__isnull=True) | Q(unit_price__gte=0)),
                name="offer_amounts_not_negative",
                violation_error_message=_("Amounts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(task_starts_on__isnull=True)
                | Q(task_ends_on__isnull=True)
                | Q(task_ends_on__gte=F("task_starts_on")),
                name="offer_task_ends_after_start",
                violation_error_message=_("The task cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["call", "status"]),
            models.Index(fields=["status", "decided_at"]),
        ]

    def __str__(self):
        return _("offer of %(organisation)s") % {"organisation": self.organisation}

    def get_additional_data(self):
        return {"centre": str(self.call.centre_id)}

    @property
    def is_sent(self) -> bool:
        return self.status in SENT_STATUSES

    @property
    def service_type(self) -> str:
        return self.call.service_type

    @property
    def task_days(self) -> int | None:
        if self.task_starts_on is None or self.task_ends_on is None:
            return None
        return (self.task_ends_on - self.task_starts_on).days + 1

    @property
    def total_cost(self) -> Decimal:
        return (self.amount or Decimal("0")) + self.own_contribution

    def comments_open(self, now: dt.datetime | None = None) -> bool:
        if self.comments_from is None or self.comments_until is None:
            return False
        return self.comments_from <= (now or timezone.now()) <= self.comments_until


class Score(models.Model):
    """The points an offer gets on one criterion, with the reason."""

    CENTRE_LOOKUP = "offer__call__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=2)
    reason = models.TextField(_("reason"))
    scored_at = models.DateTimeField(_("scored on"), default=timezone.now)
    scored_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["offer", "criterion__position"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["offer", "criterion"], name="score_once_per_criterion"),
            models.CheckConstraint(
                condition=Q(points__gte=0),
                name="score_not_negative",
                violation_error_message=_("Points cannot be negative."),
            ),
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="score_has_reason",
                violation_error_message=_("Give the reason for the points."),
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.points}"

    def get_additional_data(self):
        return {"centre": str(self.offer.call.centre_id)}


class CallEvent(models.Model):
    """One step of a call: what happened, to which offer, who did it and when."""

    CENTRE_LOOKUP = "call__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="events")
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    action = models.CharField(_("step"), max_length=20, choices=CallAction.choices)
    status = models.CharField(_("status after"), max_length=20, choices=CallStatus.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.TextField(_("note"), blank=True)
    # What the sentence names (an organisation, a deadline, points), as text.
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["call", "at"]
        verbose_name = _("step of a call")
        verbose_name_plural = _("steps of calls")
        indexes = [models.Index(fields=["call", "action", "at"])]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def sentence(self) -> str:
        """The step in words, in the reader's language."""
        template = EVENT_SENTENCES.get(self.action)
        if template is None:
            return str(self.get_action_display())
        params = {"organisation": "", "deadline": "", "count": "", "points": "", "awards": ""}
        params |= {"until": "", "amount": "", "number": ""} | (self.data or {})
        text = str(template) % params
        if self.action == CallAction.OFFER_ACCEPTED and self.data.get("until"):
            text += " " + str(_("Published for comments until %(until)s.") % params)
        return text


EVENT_SENTENCES: dict[str, Promise] = {
    CallAction.CREATED: _("Call %(number)s drafted."),
    CallAction.UPDATED: _("Draft edited."),
    CallAction.PUBLISHED: _("Published; offers until %(deadline)s."),
    CallAction.NOTICE: _("Correction notice published."),
    CallAction.INVITED: _("%(organisation)s invited to answer the call."),
    CallAction.OFFER_SUBMITTED: _("Offer of %(organisation)s submitted."),
    CallAction.OFFER_WITHDRAWN: _("Offer of %(organisation)s withdrawn."),
    CallAction.OFFERS_CLOSED: _("Offers closed (%(count)s submitted); the evaluation started."),
    CallAction.OFFER_ACCEPTED: _("Offer of %(organisation)s formally accepted."),
    CallAction.OFFER_REJECTED: _("Offer of %(organisation)s formally rejected."),
    CallAction.OFFER_SCORED: _("Offer of %(organisation)s scored: %(points)s points."),
    CallAction.AWARDED: _("Awarded: %(awards)s."),
    CallAction.ASSIGNED: _("Assigned in-house to %(organisation)s (%(amount)s zł)."),
    CallAction.CANCELLED: _("Cancelled."),
    CallAction.RESULTS_PUBLISHED: _("Results published."),
}


class OfferComment(models.Model):
    """A comment on an art. 19a offer during its publication (anyone, without an account)."""

    CENTRE_LOOKUP = "offer__call__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("name"), max_length=100)
    comment = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("sent on"), default=timezone.now)

    class Meta:
        ordering = ["offer", "created_at"]
        verbose_name = _("comment on an offer")
        verbose_name_plural = _("comments on offers")
        indexes = [models.Index(fields=["offer", "created_at"])]

    def __str__(self):
        return f"{self.name} ({self.created_at:%Y-%m-%d})"


class GrantPool(models.Model):
    """The grants the centre's gmina plans in a budget year for public tasks carried out by
    NGOs (its programme of cooperation, art. 5a u.d.p.p.w.). Art. 19a small grants of the
    year may take at most a share of it (``limits.SMALL_GRANT_MAX_POOL_SHARE``)."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(Centre, on_delete=models.PROTECT, related_name="grant_pools")
    year = models.PositiveSmallIntegerField(_("budget year"))
    amount = models.DecimalField(
        _("grants planned for public tasks (PLN)"),
        max_digits=14,
        decimal_places=2,
        help_text=_(
            "The grants the gmina's budget plans in the year for public tasks of NGOs, as in "
            "its programme of cooperation."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("E.g. the resolution adopting the programme of cooperation or the budget."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["centre", "-year"]
        verbose_name = _("grant pool of a year")
        verbose_name_plural = _("grant pools")
        constraints = [
            models.UniqueConstraint(fields=["centre", "year"], name="grant_pool_once_per_year"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_pool_amount_positive"),
        ]

    def __str__(self):
        return f"{self.centre_id} {self.year}: {self.amount}"

    @property
    def small_grant_cap(self) -> Decimal:
        """The most art. 19a small grants may take of the pool."""
        share = Decimal(str(limits.get("SMALL_GRANT_MAX_POOL_SHARE")))
        return (self.amount * share).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
