"""Choices of commissioning: the legal routes (DOMAIN.md §9), the states of a call and of an
offer (state machine H), and the steps the history of a call records."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from opencus.catalogue.enums import ServiceArea, ServiceType


class Mode(models.TextChoices):
    """The legal route of a commissioning procedure."""

    OPEN_COMPETITION = "open_competition", _("open competition for offers (art. 11 u.d.p.p.w.)")
    SMALL_GRANT = "small_grant", _("small grant outside a competition (art. 19a u.d.p.p.w.)")
    PROCUREMENT = "procurement", _("public procurement (Pzp)")
    IN_HOUSE = "in_house", _("in-house by a gmina unit (no competition)")


# The routes of the public benefit act (u.d.p.p.w.): a grant, in one of the two forms of art. 11.
GRANT_MODES = frozenset({Mode.OPEN_COMPETITION, Mode.SMALL_GRANT})


class ProcurementKind(models.TextChoices):
    BELOW_THRESHOLD = "below_threshold", _("below the Pzp threshold (the gmina's own rules)")
    SOCIAL_SERVICES = "social_services", _("social services regime (art. 359 Pzp and following)")
    RESERVED = "reserved", _("reserved contract (art. 94 Pzp)")


class CallStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("call", "draft")
    PUBLISHED = "published", pgettext_lazy("call", "published, open for offers")
    EVALUATION = "evaluation", pgettext_lazy("call", "evaluation")
    AWARDED = "awarded", pgettext_lazy("call", "awarded")
    CANCELLED = "cancelled", pgettext_lazy("call", "cancelled")
    RESULTS_PUBLISHED = "results_published", pgettext_lazy("call", "results published")


# State machine H (DOMAIN.md): draft -> published -> evaluation -> awarded -> results
# published; a draft, a published call or one under evaluation may be cancelled (with a
# reason); an in-house assignment goes from the draft straight to awarded.
CALL_TRANSITIONS: dict[str, frozenset[str]] = {
    CallStatus.DRAFT: frozenset({CallStatus.PUBLISHED, CallStatus.AWARDED, CallStatus.CANCELLED}),
    CallStatus.PUBLISHED: frozenset({CallStatus.EVALUATION, CallStatus.CANCELLED}),
    CallStatus.EVALUATION: frozenset({CallStatus.AWARDED, CallStatus.CANCELLED}),
    CallStatus.AWARDED: frozenset({CallStatus.RESULTS_PUBLISHED}),
    CallStatus.CANCELLED: frozenset(),
    CallStatus.RESULTS_PUBLISHED: frozenset(),
}


class OfferStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("offer", "draft")
    SUBMITTED = "submitted", pgettext_lazy("offer", "submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("offer", "withdrawn")
    ACCEPTED = "accepted", pgettext_lazy("offer", "formally accepted")
    REJECTED = "rejected", pgettext_lazy("offer", "formally rejected")
    AWARDED = "awarded", pgettext_lazy("offer", "awarded")
    NOT_AWARDED = "not_awarded", pgettext_lazy("offer", "not awarded")


# What the organisation has sent and not taken back: the offers the centre evaluates.
SENT_STATUSES = frozenset(
    {
        OfferStatus.SUBMITTED,
        OfferStatus.ACCEPTED,
        OfferStatus.REJECTED,
        OfferStatus.AWARDED,
        OfferStatus.NOT_AWARDED,
    }
)
# The formal check may be corrected while the call is under evaluation.
CHECKABLE_STATUSES = frozenset({OfferStatus.SUBMITTED, OfferStatus.ACCEPTED, OfferStatus.REJECTED})


class FormalResult(models.TextChoices):
    ACCEPT = "accept", _("formally correct: accept for scoring")
    REJECT = "reject", _("formally incorrect: reject")


class Decision(models.TextChoices):
    AWARD = "award", _("award")
    NOT_AWARD = "not_award", _("do not award")


class CallAction(models.TextChoices):
    """A step in the history of a call (its sentence is in ``models.CallEvent.sentence``)."""

    CREATED = "created", _("drafted")
    UPDATED = "updated", _("draft edited")
    PUBLISHED = "published", pgettext_lazy("call action", "published")
    NOTICE = "notice", _("correction notice")
    INVITED = "invited", _("organisation invited")
    OFFER_SUBMITTED = "offer_submitted", _("offer submitted")
    OFFER_WITHDRAWN = "offer_withdrawn", _("offer withdrawn")
    OFFERS_CLOSED = "offers_closed", _("offers closed, evaluation started")
    OFFER_ACCEPTED = "offer_accepted", _("offer formally accepted")
    OFFER_REJECTED = "offer_rejected", _("offer formally rejected")
    OFFER_SCORED = "offer_scored", _("offer scored")
    AWARDED = "awarded", pgettext_lazy("call action", "awarded")
    ASSIGNED = "assigned", _("assigned in-house")
    CANCELLED = "cancelled", pgettext_lazy("call action", "cancelled")
    RESULTS_PUBLISHED = "results_published", _("results published")


# The area a kind of service usually belongs to (the search and the call form start from it;
# the person may choose another).
SERVICE_TYPE_AREA: dict[str, str] = {
    ServiceType.PERSONAL_ASSISTANCE: ServiceArea.DISABILITY,
    ServiceType.ADVOCACY: ServiceArea.SOCIAL_ASSISTANCE,
    ServiceType.CRISIS_INTERVENTION: ServiceArea.SOCIAL_ASSISTANCE,
    ServiceType.RESPITE_CARE: ServiceArea.DISABILITY,
    ServiceType.BEFRIENDING: ServiceArea.SOCIAL_ASSISTANCE,
    ServiceType.HOME_HELP: ServiceArea.SOCIAL_ASSISTANCE,
    ServiceType.SMALL_CHILDREN: ServiceArea.PRO_FAMILY,
    ServiceType.NURSERY: ServiceArea.EDUCATION,
    ServiceType.CARE: ServiceArea.SOCIAL_ASSISTANCE,
    ServiceType.REHABILITATION: ServiceArea.HEALTH,
    ServiceType.COMPANION: ServiceArea.SOCIAL_ASSISTANCE,
    ServiceType.AFTER_SCHOOL: ServiceArea.FAMILY_SUPPORT,
    ServiceType.EQUIPMENT: ServiceArea.DISABILITY,
    ServiceType.MEALS: ServiceArea.SOCIAL_ASSISTANCE,
    ServiceType.RENOVATION: ServiceArea.HOUSING,
    ServiceType.TRANSPORT: ServiceArea.DISABILITY,
    ServiceType.REINTEGRATION: ServiceArea.REINTEGRATION,
    ServiceType.SUPPORTING: ServiceArea.CIVIC_ACTIVITY,
}
