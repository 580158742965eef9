"""Procedures 5 and 6 of seed 003, as records the centre and the organisation share.

A ``Workshop`` ("Komparatystyka oczekiwań CUS – PES/organizacja") brings the centre's
organising team, the organisation and the expert team (ZET) together to compare
expectations; it ends with the centre's feedback and an agreed pilot scenario. A ``Pilot``
("Pilotażowa próba włączenia PES/organizacji do wybranych zadań CUS") starts from a held
workshop, runs for some months, collects the organisation's ``Contribution``s (proposals to
the diagnosis and to the community organising plan, consultation reports) with the centre's
response to each, and closes with the report the ZET writes with the organisation for the
Obserwatorium CUS.

Both belong to the centre (its tenant); the organisation reaches them through its own
records only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.cooperation.enums import (
    RESPONSES_NEEDING_NOTE,
    ContributionKind,
    MeetingForm,
    PilotStatus,
    Response,
    Side,
    WorkshopStatus,
)
from opencus.providers.models import Organisation, PortfolioSubmission
from opencus.territory.models import Centre

USER = settings.AUTH_USER_MODEL


class Workshop(models.Model):
    """Procedure 5: the workshop comparing the expectations of the centre and the organisation."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        related_name="cooperation_workshops",
        verbose_name=_("centre"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="cooperation_workshops",
        verbose_name=_("organisation"),
    )
    topic = models.CharField(
        _("topic"),
        max_length=300,
        blank=True,
        help_text=_("E.g. the organisation's portfolio and what the centre expects of partners."),
    )
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300)
    meeting_form = models.CharField(
        _("form"), max_length=12, choices=MeetingForm.choices, default=MeetingForm.IN_PERSON
    )
    agenda = models.TextField(_("plan of the meeting"), blank=True)
    portfolio_submission = models.ForeignKey(
        PortfolioSubmission,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperation_workshops",
        verbose_name=_("portfolio presented"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=WorkshopStatus.choices,
        default=WorkshopStatus.PLANNED,
    )
    # The outcomes, recorded after the meeting (procedure 5, "Efekt procedury").
    feedback = models.TextField(
        _("the centre's feedback: how the future cooperation should look, and its scope"),
        blank=True,
    )
    mutual_benefits = models.TextField(_("mutual benefits"), blank=True)
    opinions = models.TextField(
        _("opinions, remarks and suggestions of the participants"), blank=True
    )
    visit_invited_on = models.DateField(
        _("the centre is invited to visit the organisation on"), null=True, blank=True
    )
    pilot_scenario = models.TextField(_("agreed pilot scenario"), blank=True)
    outcomes_recorded_at = models.DateTimeField(_("outcomes recorded on"), null=True, blank=True)
    outcomes_recorded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cancel_reason = models.TextField(_("reason for the cancellation"), blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The organisation's part, written in the provider portal.
    confirmed_at = models.DateTimeField(_("participation confirmed on"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation_remarks = models.TextField(_("the organisation's remarks"), blank=True)
    organisation_materials = models.TextField(
        _("materials the organisation brings"),
        blank=True,
        help_text=_("E.g. the portfolio folder, a multimedia presentation, leaflets."),
    )
    created_at = models.DateTimeField(_("planned on"), auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name = _("workshop comparing expectations")
        verbose_name_plural = _("workshops comparing expectations")
        indexes = [
            models.Index(fields=["centre", "status", "held_on"]),
            models.Index(fields=["centre", "held_on"]),
            models.Index(fields=["organisation", "held_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=WorkshopStatus.HELD)
                | (~Q(feedback="") & ~Q(pilot_scenario="") & Q(outcomes_recorded_at__isnull=False)),
                name="workshop_held_has_feedback_and_scenario",
                violation_error_message=_(
                    "A held workshop has the centre's feedback and the agreed pilot scenario."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status=WorkshopStatus.CANCELLED, cancelled_at__isnull=False)
                & ~Q(cancel_reason="")
                | ~Q(status=WorkshopStatus.CANCELLED) & Q(cancelled_at__isnull=True),
                name="workshop_cancelled_with_reason",
                violation_error_message=_("A cancellation has a date and a reason."),
            ),
        ]

    def __str__(self):
        return _("workshop of %(centre)s with %(organisation)s on %(date)s") % {
            "centre": self.centre,
            "organisation": self.organisation,
            "date": self.held_on.isoformat(),
        }

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def is_planned(self) -> bool:
        return self.status == WorkshopStatus.PLANNED

    @property
    def is_held(self) -> bool:
        return self.status == WorkshopStatus.HELD

    @property
    def is_cancelled(self) -> bool:
        return self.status == WorkshopStatus.CANCELLED


class _Person(models.Model):
    """Someone taking part: a name, a role, and the side they represent."""

    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"),
        max_length=200,
        help_text=_("E.g. OUS, cooperation leader, ZET expert, a councillor of the gmina."),
    )
    side = models.CharField(_("side"), max_length=14, choices=Side.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name} ({self.role})"


class WorkshopParticipant(_Person):
    CENTRE_LOOKUP = "workshop__centre"

    workshop = models.ForeignKey(
        Workshop,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("workshop"),
    )

    class Meta:
        ordering = ["workshop", "side", "name"]
        verbose_name = _("workshop participant")
        verbose_name_plural = _("workshop participants")
        indexes = [models.Index(fields=["workshop", "side"])]

    def get_additional_data(self):
        return {"centre": str(self.workshop.centre_id)}


class Pilot(models.Model):
    """Procedure 6: the organisation takes part in chosen tasks of the centre for a while."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        related_name="cooperation_pilots",
        verbose_name=_("centre"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="cooperation_pilots",
        verbose_name=_("organisation"),
    )
    # Procedure 6 depends on the results of procedure 5: one pilot per held workshop.
    workshop = models.OneToOneField(
        Workshop,
        on_delete=models.PROTECT,
        related_name="pilot",
        verbose_name=_("workshop it comes from"),
    )
    scope = models.TextField(
        _("scope"), help_text=_("Copied from the agreed pilot scenario of the workshop.")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    status = models.CharField(
        _("status"), max_length=10, choices=PilotStatus.choices, default=PilotStatus.PLANNED
    )
    # The closing report (procedure 6: "raport podsumowujący ZET, wspólnie przygotowany z
    # PES/organizacją i przekazany Obserwatorium CUS").
    report_summary = models.TextField(_("summary"), blank=True)
    report_benefits = models.TextField(_("mutual benefits"), blank=True)
    report_barriers = models.TextField(_("barriers"), blank=True)
    report_potential = models.TextField(
        _("assessment of the potential for cooperation"), blank=True
    )
    report_prepared_by = models.CharField(
        _("prepared by (the ZET with the organisation)"), max_length=300, blank=True
    )
    report_sent_on = models.DateField(_("sent to the Obserwatorium CUS on"), null=True, blank=True)
    created_at = models.DateTimeField(_("planned on"), auto_now_add=True)
    created_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-starts_on", "-created_at"]
        verbose_name = _("pilot inclusion")
        verbose_name_plural = _("pilot inclusions")
        indexes = [
            models.Index(fields=["centre", "status", "starts_on"]),
            models.Index(fields=["centre", "starts_on"]),
            models.Index(fields=["organisation", "starts_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="pilot_ends_after_start",
                violation_error_message=_("The pilot must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(status=PilotStatus.CLOSED)
                | (
                    ~Q(report_summary="")
                    & ~Q(report_benefits="")
                    & ~Q(report_barriers="")
                    & ~Q(report_potential="")
                    & ~Q(report_prepared_by="")
                    & Q(report_sent_on__isnull=False)
                ),
                name="pilot_closed_with_report",
                violation_error_message=_("A closed pilot has its closing report."),
            ),
        ]

    def __str__(self):
        return _("pilot of %(organisation)s in %(centre)s from %(date)s") % {
            "organisation": self.organisation,
            "centre": self.centre,
            "date": self.starts_on.isoformat(),
        }

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def is_planned(self) -> bool:
        return self.status == PilotStatus.PLANNED

    @property
    def is_running(self) -> bool:
        return self.status == PilotStatus.RUNNING

    @property
    def is_closed(self) -> bool:
        return self.status == PilotStatus.CLOSED


class PilotMember(_Person):
    """A member of the pilot's team: the ZET, the organisation, the centre's OUS, KIPUS, OSL."""

    CENTRE_LOOKUP = "pilot__centre"

    pilot = models.ForeignKey(
        Pilot, on_delete=models.CASCADE, related_name="members", verbose_name=_("pilot")
    )

    class Meta:
        ordering = ["pilot", "side", "name"]
        verbose_name = _("pilot team member")
        verbose_name_plural = _("pilot team members")
        indexes = [models.Index(fields=["pilot", "side"])]

    def get_additional_data(self):
        return {"centre": str(self.pilot.centre_id)}


class PilotEvent(models.Model):
    """One change of a pilot's status: who, when."""

    CENTRE_LOOKUP = "pilot__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=10, choices=PilotStatus.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["pilot", "at"]
        verbose_name = _("pilot status change")
        verbose_name_plural = _("pilot status changes")
        indexes = [models.Index(fields=["pilot", "at"])]

    def __str__(self):
        return f"{self.get_status_display()} ({self.at:%Y-%m-%d %H:%M})"


class Contribution(models.Model):
    """Something the organisation did for the centre during the pilot, and the centre's answer."""

    CENTRE_LOOKUP = "pilot__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pilot = models.ForeignKey(
        Pilot, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("pilot")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ContributionKind.choices)
    corrects_diagnosis = models.BooleanField(
        _("corrections to the existing diagnosis"),
        default=False,
        help_text=_("The proposals correct the diagnosis the centre has already made."),
    )
    title = models.CharField(_("title"), max_length=300)
    content = models.TextField(_("content"))
    dated_on = models.DateField(_("date"))
    submitted_at = models.DateTimeField(_("submitted on"), default=timezone.now)
    submitted_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    response = models.CharField(
        _("the centre's response"), max_length=10, choices=Response.choices, blank=True
    )
    response_note = models.TextField(_("note"), blank=True)
    responded_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    responded_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-dated_on", "-submitted_at"]
        verbose_name = _("contribution of the organisation")
        verbose_name_plural = _("contributions of the organisation")
        indexes = [
            models.Index(fields=["pilot", "dated_on"]),
            models.Index(fields=["kind", "pilot"]),
            models.Index(fields=["response", "pilot"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=ContributionKind.DIAGNOSIS) | Q(corrects_diagnosis=False),
                name="contribution_correction_is_of_the_diagnosis",
                violation_error_message=_("Only proposals to the diagnosis can correct it."),
            ),
            models.CheckConstraint(
                condition=Q(response="", responded_at__isnull=True)
                | ~Q(response="") & Q(responded_at__isnull=False),
                name="contribution_response_dated",
                violation_error_message=_("A response has the date it was given."),
            ),
            models.CheckConstraint(
                condition=~Q(response__in=RESPONSES_NEEDING_NOTE) | ~Q(response_note=""),
                name="contribution_refusal_explained",
                violation_error_message=_(
                    "Say why the contribution is taken on only in part, or not at all."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"centre": str(self.pilot.centre_id)}

    @property
    def is_answered(self) -> bool:
        return bool(self.response)
