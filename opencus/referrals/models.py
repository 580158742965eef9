"""Closed-loop referrals: the centre refers a person to a provider, to another unit, or to
another centre, and the receiver's answer and the outcome come back.

A referral belongs to the referring centre (its tenant). The receiver sees only what the
referrer chose to share, frozen in ``shared_data`` when the referral was sent: later edits of
the person's record never reach the receiver.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.cases.models import Application
from opencus.catalogue.models import Service
from opencus.enrolments.models import Enrolment
from opencus.people.enums import Language
from opencus.people.models import Consent, Person
from opencus.plans.models import IndividualPlan
from opencus.providers.models import Organisation
from opencus.referrals.enums import (
    CLOSED_STATUSES,
    ENDED_STATUSES,
    DeclineReason,
    DropReason,
    Loop,
    ReceiverKind,
    ReferralStatus,
    SharedField,
    Urgency,
)
from opencus.territory.models import Centre, InterMunicipalAgreement

USER = settings.AUTH_USER_MODEL


class ReferralPolicy(models.Model):
    """When the centre calls a referral stuck ([U]: the centre's own setting)."""

    CENTRE_LOOKUP = "centre"

    centre = models.OneToOneField(
        Centre, on_delete=models.CASCADE, primary_key=True, related_name="referral_policy"
    )
    answer_days = models.PositiveSmallIntegerField(
        _("days to wait for an answer"),
        default=7,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A referral sent (or accepted) without a next step for longer than this is stuck."
        ),
    )
    completion_days = models.PositiveSmallIntegerField(
        _("days from the start to the completion"),
        default=60,
        validators=[MinValueValidator(1)],
        help_text=_("A started service without completion for longer than this is stuck."),
    )

    class Meta:
        verbose_name = _("referral settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_days__gte=1) & Q(completion_days__gte=1),
                name="referral_policy_days_positive",
                violation_error_message=_("Give at least one day."),
            )
        ]

    def __str__(self):
        return str(self.centre)

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}


class Referral(models.Model):
    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("referring centre"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("person")
    )
    # Where the referral comes from: an application, a service given (enrolment), an
    # individual plan (IPUS), or (without any) the reason in words.
    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("application"),
    )
    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("service given"),
    )
    plan = models.ForeignKey(
        IndividualPlan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("individual plan (IPUS)"),
    )
    reason = models.TextField(
        _("reason for the referral"),
        blank=True,
        help_text=_(
            "Needed when the referral does not come from an application, a service given or a "
            "plan. Not shared."
        ),
    )
    receiver_kind = models.CharField(_("referred to"), max_length=12, choices=ReceiverKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("provider organisation"),
    )
    receiving_centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_received",
        verbose_name=_("receiving centre"),
    )
    agreement = models.ForeignKey(
        InterMunicipalAgreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("inter-municipal agreement"),
    )
    unit_name = models.CharField(
        _("unit"),
        max_length=200,
        blank=True,
        help_text=_("E.g. PUP Świebodzin, a counselling centre, a hospital."),
    )
    unit_contact = models.CharField(
        _("contact at the unit"),
        max_length=300,
        blank=True,
        help_text=_("A person, phone or e-mail to reach the unit."),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("service of the receiver"),
    )
    request = models.TextField(_("what is asked"), blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=8, choices=Urgency.choices, default=Urgency.ROUTINE
    )
    consent = models.ForeignKey(
        Consent,
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("consent relied on"),
    )
    shared_fields = models.JSONField(_("data shared besides the name"), default=list, blank=True)
    shared_data = models.JSONField(
        _("data shared with the receiver"),
        default=dict,
        help_text=_("A copy made when the referral was sent: later changes are not shared."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    status_reason = models.CharField(
        _("reason"),
        max_length=16,
        blank=True,
        help_text=_("Why it was declined or dropped."),
    )
    status_note = models.TextField(_("note"), blank=True)
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    started_at = models.DateTimeField(_("service started at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["centre", "status", "sent_at"]),
            models.Index(fields=["centre", "receiver_kind", "sent_at"]),
            models.Index(fields=["centre", "sent_at"]),
            models.Index(fields=["organisation", "status", "sent_at"]),
            models.Index(fields=["receiving_centre", "status", "sent_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    receiver_kind=ReceiverKind.PROVIDER,
                    organisation__isnull=False,
                    receiving_centre__isnull=True,
                    agreement__isnull=True,
                    unit_name="",
                )
                | (
                    Q(
                        receiver_kind=ReceiverKind.UNIT,
                        organisation__isnull=True,
                        receiving_centre__isnull=True,
                        agreement__isnull=True,
                    )
                    & ~Q(unit_name="")
                )
                | Q(
                    receiver_kind=ReceiverKind.CENTRE,
                    organisation__isnull=True,
                    receiving_centre__isnull=False,
                    agreement__isnull=False,
                    unit_name="",
                ),
                name="referral_one_receiver_of_its_kind",
                violation_error_message=_("Name one receiver, of the kind chosen."),
            ),
            models.CheckConstraint(
                condition=Q(receiving_centre__isnull=True) | ~Q(receiving_centre=F("centre")),
                name="referral_not_to_own_centre",
                violation_error_message=_("A centre cannot refer a person to itself."),
            ),
            models.CheckConstraint(
                condition=Q(service__isnull=False) | ~Q(request=""),
                name="referral_asks_something",
                violation_error_message=_("Say what is asked: a service or in words."),
            ),
            models.CheckConstraint(
                condition=Q(application__isnull=False)
                | Q(enrolment__isnull=False)
                | Q(plan__isnull=False)
                | ~Q(reason=""),
                name="referral_has_a_source",
                violation_error_message=_(
                    "Refer from an application, a service given or a plan, or give the reason "
                    "for the referral."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[ReferralStatus.DECLINED, ReferralStatus.DROPPED])
                | ~Q(status_reason=""),
                name="referral_declined_or_dropped_with_reason",
                violation_error_message=_("Give the reason."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=sorted(ENDED_STATUSES), closed_at__isnull=False)
                | (~Q(status__in=sorted(ENDED_STATUSES)) & Q(closed_at__isnull=True)),
                name="referral_ended_with_time",
            ),
        ]

    def __str__(self):
        return _("referral of %(person)s to %(receiver)s") % {
            "person": self.shared_name,
            "receiver": self.receiver_name,
        }

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def shared_name(self) -> str:
        data = self.shared_data or {}
        return f"{data.get('first_name', '')} {data.get('last_name', '')}".strip()

    @property
    def receiver_name(self) -> str:
        if self.receiver_kind == ReceiverKind.PROVIDER and self.organisation is not None:
            return self.organisation.name
        if self.receiver_kind == ReceiverKind.CENTRE and self.receiving_centre is not None:
            return self.receiving_centre.name
        return self.unit_name

    @property
    def what_is_asked(self) -> str:
        parts = [self.service.name if self.service is not None else "", self.request]
        return " — ".join(p for p in parts if p)

    @property
    def loop(self) -> Loop:
        if self.status in CLOSED_STATUSES:
            return Loop.CLOSED
        if self.status == ReferralStatus.WITHDRAWN:
            return Loop.WITHDRAWN
        return Loop.OPEN

    @property
    def status_reason_label(self) -> str:
        if self.status == ReferralStatus.DECLINED and self.status_reason:
            return str(DeclineReason(self.status_reason).label)
        if self.status == ReferralStatus.DROPPED and self.status_reason:
            return str(DropReason(self.status_reason).label)
        return ""

    def age_days(self, now: dt.datetime | None = None) -> int:
        """Days from sending to now, or to the end of a referral that has ended."""
        end = self.closed_at or now or timezone.now()
        return (timezone.localdate(end) - timezone.localdate(self.sent_at)).days

    def waiting_since(self) -> dt.datetime | None:
        """When the clock of the current open step started (None once the referral ended)."""
        clocks: dict[str, dt.datetime | None] = {
            ReferralStatus.SENT: self.sent_at,
            ReferralStatus.ACCEPTED: self.answered_at,
            ReferralStatus.STARTED: self.started_at,
        }
        return clocks.get(self.status)

    def shared_items(self) -> list[tuple[str, str]]:
        """What the receiver sees of the person, as (label, value) in the current language."""
        data = self.shared_data or {}
        items = [(str(_("Name")), self.shared_name)]
        labels = dict(SharedField.choices)
        for field in SharedField.values:
            if field not in data:
                continue
            value = data[field]
            if field == SharedField.COMMUNICATION:
                value = _communication_text(value)
            items.append((str(labels[field]), value or "–"))
        return items


def _communication_text(needs: dict) -> str:
    parts = []
    language = needs.get("language")
    if language:
        label = dict(Language.choices).get(language, language)
        parts.append(str(_("preferred language: %(language)s") % {"language": label}))
    if needs.get("sign_language"):
        parts.append(str(_("needs a sign language interpreter")))
    if needs.get("easy_to_read"):
        parts.append(str(_("needs easy-to-read texts")))
    if needs.get("large_print"):
        parts.append(str(_("needs large print")))
    if needs.get("notes"):
        parts.append(needs["notes"])
    return "; ".join(parts)


class ReferralEvent(models.Model):
    """One step of a referral: who moved it to which status, when, and why."""

    CENTRE_LOOKUP = "referral__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=12, choices=ReferralStatus.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reason = models.CharField(_("reason"), max_length=16, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_for_receiver = models.BooleanField(
        _("recorded by the referrer for the receiver"),
        default=False,
        help_text=_("A unit outside the system answered; the referring centre wrote it down."),
    )

    class Meta:
        ordering = ["referral", "at"]
        verbose_name = _("referral step")
        verbose_name_plural = _("referral steps")
        indexes = [models.Index(fields=["referral", "at"])]

    def __str__(self):
        return f"{self.get_status_display()} ({self.at:%Y-%m-%d %H:%M})"

    def get_additional_data(self):
        return {"centre": str(self.referral.centre_id)}

    @property
    def reason_label(self) -> str:
        if not self.reason:
            return ""
        choices = DeclineReason if self.status == ReferralStatus.DECLINED else DropReason
        return str(dict(choices.choices).get(self.reason, self.reason))
