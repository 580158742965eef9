from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PlanStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("plan", "draft")
    AGREED = "agreed", _("agreed with the person")
    PENDING_APPROVAL = "pending_approval", _("waiting for approval")
    ACTIVE = "active", pgettext_lazy("plan", "active")
    UNDER_REVISION = "under_revision", _("under revision")
    CLOSING = "closing", _("closing")
    CLOSED = "closed", pgettext_lazy("plan", "closed")


# Contents may change in these; a change after the agreement needs the person's agreement again.
EDITABLE_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.AGREED, PlanStatus.UNDER_REVISION})
# Not yet approved for the first time: the 30-day deadline runs.
PREPARATION_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.AGREED, PlanStatus.PENDING_APPROVAL})
OPEN_STATUSES = frozenset(set(PlanStatus) - {PlanStatus.CLOSED})


class AgreementForm(models.TextChoices):
    SIGNATURE = "signature", _("signature on paper")
    ORAL = "oral", _("oral, in the presence of a witness")
    ELECTRONIC = "electronic", _("electronic")


class ItemPeriod(models.TextChoices):
    """The same values as catalogue.CapacityPeriod, which qualification takes."""

    WEEK = "week", _("per week")
    MONTH = "month", _("per month")


class ExternalKind(models.TextChoices):
    SOCIAL_ASSISTANCE = "ups", _("social assistance (u.p.s.)")
    HEALTHCARE = "health", _("healthcare")
    EDUCATION = "education", _("education")
    NGO = "ngo", _("NGO outside the programme")
    OTHER = "other", _("other")


class SupportKind(models.TextChoices):
    OWN = "own", _("the person's own action")
    FAMILY = "family", _("family")
    NEIGHBOURS = "neighbours", _("neighbours")
    VOLUNTEERS = "volunteers", _("volunteers")
    OTHER = "other", _("other informal support")


class MonitoringFrequency(models.TextChoices):
    MONTHLY = "monthly", _("monthly")
    QUARTERLY = "quarterly", _("quarterly")


FREQUENCY_MONTHS = {MonitoringFrequency.MONTHLY: 1, MonitoringFrequency.QUARTERLY: 3}


class ContactKind(models.TextChoices):
    VISIT = "visit", _("home visit")
    PHONE = "phone", _("phone call")
    MEETING = "meeting", _("meeting at the centre")


class EndReason(models.TextChoices):
    PERIOD_END = "period_end", _("the plan's period has ended")
    GOALS_MET = "goals_met", _("goals met early")
    WITHDREW = "withdrew", _("the person withdrew")
    MOVED_OUT = "moved_out", _("the person moved out")
    DEATH = "death", _("death of the person")
    NON_COOPERATION = "non_cooperation", _("no cooperation")


class GoalResult(models.TextChoices):
    ACHIEVED = "achieved", _("achieved")
    PARTLY = "partly", _("partly achieved")
    NOT_ACHIEVED = "not_achieved", _("not achieved")


class DueKind(models.TextChoices):
    """What a coordinator must do next (the caseload and its reminders)."""

    PREPARE = "prepare", _("prepare the plan")
    APPROVAL = "approval", _("get the plan approved")
    REVIEW = "review", _("monitoring contact")
    ENDING = "ending", _("the plan ends")
    CLOSE = "close", _("close the plan")
    OFFER = "offer", _("reply to an offered place")
