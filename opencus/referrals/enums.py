from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReceiverKind(models.TextChoices):
    PROVIDER = "provider", _("a provider organisation")
    UNIT = "unit", _("another unit (outside the system)")
    CENTRE = "centre", _("another centre (inter-municipal agreement)")


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("routine")
    SOON = "soon", _("soon (within a week)")
    URGENT = "urgent", _("urgent (within two days)")


class ReferralStatus(models.TextChoices):
    SENT = "sent", pgettext_lazy("referral", "sent")
    ACCEPTED = "accepted", pgettext_lazy("referral", "accepted")
    DECLINED = "declined", pgettext_lazy("referral", "declined")
    STARTED = "started", pgettext_lazy("referral", "service started")
    COMPLETED = "completed", pgettext_lazy("referral", "completed")
    DROPPED = "dropped", pgettext_lazy("referral", "dropped")
    WITHDRAWN = "withdrawn", pgettext_lazy("referral", "withdrawn")


class Action(models.TextChoices):
    """What a receiver (or the referrer, for a unit outside the system) records."""

    ACCEPT = "accept", pgettext_lazy("referral action", "accept")
    DECLINE = "decline", pgettext_lazy("referral action", "decline")
    START = "start", pgettext_lazy("referral action", "start")
    COMPLETE = "complete", pgettext_lazy("referral action", "complete")
    DROP = "drop", pgettext_lazy("referral action", "drop")


ACTION_STATUS: dict[str, str] = {
    Action.ACCEPT: ReferralStatus.ACCEPTED,
    Action.DECLINE: ReferralStatus.DECLINED,
    Action.START: ReferralStatus.STARTED,
    Action.COMPLETE: ReferralStatus.COMPLETED,
    Action.DROP: ReferralStatus.DROPPED,
}

# The loop: sent -> accepted | declined; accepted -> started -> completed | dropped. A person who
# never comes after being accepted is dropped too. The referrer may withdraw while nothing has
# started yet (sent, accepted).
TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralStatus.SENT: frozenset(
        {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.ACCEPTED: frozenset(
        {ReferralStatus.STARTED, ReferralStatus.DROPPED, ReferralStatus.WITHDRAWN}
    ),
    ReferralStatus.STARTED: frozenset({ReferralStatus.COMPLETED, ReferralStatus.DROPPED}),
    ReferralStatus.DECLINED: frozenset(),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.DROPPED: frozenset(),
    ReferralStatus.WITHDRAWN: frozenset(),
}

# The loop is closed when the receiver has said how it ended.
CLOSED_STATUSES = frozenset(
    {ReferralStatus.COMPLETED, ReferralStatus.DECLINED, ReferralStatus.DROPPED}
)
OPEN_STATUSES = frozenset({ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.STARTED})
ENDED_STATUSES = CLOSED_STATUSES | {ReferralStatus.WITHDRAWN}


class Loop(models.TextChoices):
    OPEN = "open", pgettext_lazy("referral loop", "open")
    CLOSED = "closed", pgettext_lazy("referral loop", "closed")
    WITHDRAWN = "withdrawn", pgettext_lazy("referral loop", "withdrawn")


class DeclineReason(models.TextChoices):
    NO_CAPACITY = "no_capacity", _("no capacity")
    NOT_ELIGIBLE = "not_eligible", _("not eligible")
    UNREACHABLE = "unreachable", _("the person could not be reached")
    DUPLICATE = "duplicate", _("duplicate referral")
    OTHER = "other", _("other (explain in the note)")


class DropReason(models.TextChoices):
    PERSON_RESIGNED = "resigned", _("the person gave up")
    UNREACHABLE = "unreachable", _("the person could not be reached")
    MOVED_AWAY = "moved_away", _("the person moved away")
    HEALTH = "health", _("health or hospital stay")
    DEATH = "death", _("death")
    OTHER = "other", _("other (explain in the note)")


class SharedField(models.TextChoices):
    """What the referrer may share besides the name (always shared)."""

    ADDRESS = "address", _("address")
    PHONE = "phone", _("phone")
    BIRTH_DATE = "birth_date", _("birth date")
    NEED = "need", _("description of the need")
    COMMUNICATION = "communication", _("communication needs")


class Stuck(models.TextChoices):
    """Filter of the referrer's list."""

    STUCK = "stuck", _("stuck")
    MOVING = "moving", _("not stuck")
