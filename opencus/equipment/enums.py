from django.db import models
from django.utils.translation import gettext_lazy as _


class EquipmentKind(models.TextChoices):
    """What a centre's rental typically lends (wypożyczalnia sprzętu rehabilitacyjnego)."""

    WHEELCHAIR = "wheelchair", _("wheelchair")
    REHABILITATION_BED = "rehabilitation_bed", _("rehabilitation bed")
    WALKER = "walker", _("walker or rollator")
    CRUTCHES = "crutches", _("crutches")
    OXYGEN_CONCENTRATOR = "oxygen_concentrator", _("oxygen concentrator")
    ANTI_BEDSORE_MATTRESS = "anti_bedsore_mattress", _("anti-bedsore mattress")
    COMMODE_CHAIR = "commode_chair", _("commode or shower chair")
    PATIENT_LIFT = "patient_lift", _("patient lift")
    OTHER = "other", _("other (name it)")


class Condition(models.TextChoices):
    NEW = "new", _("new")
    GOOD = "good", _("good")
    WORN = "worn", _("worn")
    DAMAGED = "damaged", _("damaged")
    OUT_OF_SERVICE = "out_of_service", _("out of service")


# A damaged item goes to repair, not to a resident.
LENDABLE_CONDITIONS = frozenset({Condition.NEW, Condition.GOOD, Condition.WORN})


class Availability(models.TextChoices):
    """What the inventory list can be filtered by (worked out from loans, condition, status)."""

    AVAILABLE = "available", _("available to lend")
    LENT = "lent", _("lent out")
    OVERDUE = "overdue", _("overdue")
    NOT_LENDABLE = "not_lendable", _("damaged or out of service")
    WITHDRAWN = "withdrawn", _("withdrawn")


class ReservationStatus(models.TextChoices):
    WAITING = "waiting", _("waiting")
    LENT = "lent", _("turned into a loan")
    CANCELLED = "cancelled", _("cancelled")


# The loan period the lend form suggests; staff change it per loan.
DEFAULT_LOAN_DAYS = 30
