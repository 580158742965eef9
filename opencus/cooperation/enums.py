from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingForm(models.TextChoices):
    """How the workshop of procedure 5 meets."""

    IN_PERSON = "in_person", _("workshop in person")
    ONLINE = "online", _("online meeting")
    HYBRID = "hybrid", _("hybrid (in person and online)")


class WorkshopStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("workshop", "planned")
    HELD = "held", pgettext_lazy("workshop", "held")
    CANCELLED = "cancelled", pgettext_lazy("workshop", "cancelled")


class Side(models.TextChoices):
    """Whom a participant of a workshop or a member of a pilot team represents (seed 003,
    procedures 5 and 6: the centre's organising team, the organisation with its cooperation
    leader, the territorial expert team, the Obserwatorium CUS, the local government)."""

    CENTRE = "centre", _("the centre (OUS, KIPUS, OSL, director)")
    ORGANISATION = "organisation", _("the organisation (its cooperation leader, staff)")
    ZET = "zet", _("the expert team (ZET)")
    OBSERVATORY = "observatory", _("Obserwatorium CUS")
    JST = "jst", _("the local government (JST)")


class PilotStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("pilot", "planned")
    RUNNING = "running", pgettext_lazy("pilot", "running")
    CLOSED = "closed", pgettext_lazy("pilot", "closed")


# planned -> running -> closed; nothing goes back.
PILOT_TRANSITIONS: dict[str, frozenset[str]] = {
    PilotStatus.PLANNED: frozenset({PilotStatus.RUNNING}),
    PilotStatus.RUNNING: frozenset({PilotStatus.CLOSED}),
    PilotStatus.CLOSED: frozenset(),
}


class ContributionKind(models.TextChoices):
    """What the organisation does for the centre during the pilot (seed 003, procedure 6 a–b,
    and its tools: consultation reports)."""

    DIAGNOSIS = (
        "diagnosis",
        _("proposals to the diagnosis of needs and potential (art. 22 ust. 2 of the CUS Act)"),
    )
    COMMUNITY_PLAN = (
        "community_plan",
        _("proposals to the community organising plan (plan organizowania społeczności lokalnej)"),
    )
    SUPPORTING_ACTIVITY = "supporting_activity", _("proposals of supporting activities")
    CONSULTATION_REPORT = "consultation_report", _("consultation report")


class Response(models.TextChoices):
    """What the centre made of a contribution."""

    TAKEN_ON = "taken_on", _("taken on")
    PARTLY = "partly", _("partly taken on")
    NOT_TAKEN = "not_taken", _("not taken on")


# A response other than "taken on" says why.
RESPONSES_NEEDING_NOTE = (Response.PARTLY, Response.NOT_TAKEN)


class ResponseFilter(models.TextChoices):
    """The contributions list's filter: waiting for the centre, or answered one way."""

    WAITING = "waiting", _("waiting for the centre's response")
    TAKEN_ON = Response.TAKEN_ON.value, Response.TAKEN_ON.label
    PARTLY = Response.PARTLY.value, Response.PARTLY.label
    NOT_TAKEN = Response.NOT_TAKEN.value, Response.NOT_TAKEN.label
