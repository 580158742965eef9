"""Choices of services given to people (enrolments) and of their deliveries (state machine G)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from opencus.catalogue.enums import CapacityPeriod


class EnrolmentStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("enrolment status", "planned")
    ACTIVE = "active", pgettext_lazy("enrolment status", "active")
    SUSPENDED = "suspended", pgettext_lazy("enrolment status", "suspended")
    ENDED = "ended", pgettext_lazy("enrolment status", "ended")
    CLOSED = "closed", pgettext_lazy("enrolment status", "closed (fees settled)")


# Statuses in which the person still has the service (one at a time per person and service).
RUNNING_STATUSES = (EnrolmentStatus.PLANNED, EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED)


class EndReason(models.TextChoices):
    PERIOD_END = "period_end", _("the planned period ended")
    UNITS_EXHAUSTED = "units_exhausted", _("the granted units were used up")
    RESIGNATION = "resignation", _("the person resigned")
    LOSS_OF_ELIGIBILITY = "loss_of_eligibility", _("the person is no longer eligible")
    DEATH = "death", _("death of the person")
    MOVED_OUT = "moved_out", _("the person moved out")
    OTHER = "other", pgettext_lazy("end reason", "other")


class Exemption(models.TextChoices):
    """Exemption from the fee (zwolnienie z odpłatności), by the programme's fee rules."""

    NONE = "none", _("no exemption: the resident's price")
    PARTIAL = "partial", _("partial exemption")
    FULL = "full", _("full exemption: free of charge")


class Period(models.TextChoices):
    """How often the granted units renew: the catalogue's capacity periods, week or month."""

    WEEK = CapacityPeriod.WEEK.value, CapacityPeriod.WEEK.label
    MONTH = CapacityPeriod.MONTH.value, CapacityPeriod.MONTH.label


class DeliveryStatus(models.TextChoices):
    DELIVERED = "delivered", _("delivered")
    MISSED = "missed", _("missed visit")


class MissedReason(models.TextChoices):
    PERSON_ABSENT = "person_absent", _("the person was not at home or did not come")
    PERSON_IN_HOSPITAL = "person_in_hospital", _("the person is in hospital")
    PROVIDER_CANCELLED = "provider_cancelled", _("the provider cancelled")
    OTHER = "other", pgettext_lazy("missed reason", "other")


class DeliveryPlace(models.TextChoices):
    AT_HOME = "at_home", _("at home")
    AT_LOCATION = "at_location", _("at a place")
    REMOTE = "remote", _("remotely (phone, online)")
