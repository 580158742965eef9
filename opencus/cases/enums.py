from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    ONLINE = "online", _("online, on the portal")
    DESK = "desk", _("in person, at the desk")
    PHONE = "phone", _("by phone")
    EMAIL = "email", _("by e-mail")
    EPUAP = "epuap", _("ePUAP")
    MAIL = "mail", _("by post")
    INSTITUTION = "institution", _("from an institution")


class SubmitterRole(models.TextChoices):
    PERSON = "person", _("the person concerned")
    LEGAL_REPRESENTATIVE = "legal_representative", _("legal representative")
    ACTUAL_CARER = "actual_carer", _("actual carer")
    INSTITUTION = "institution", _("an institution (notice of a need)")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    REGISTERED = "registered", _("registered")
    AWAITING_COMPLETION = "awaiting_completion", _("awaiting completion")
    ASSESSMENT_SCHEDULED = "assessment_scheduled", _("needs recognition scheduled")
    ASSESSED = "assessed", _("needs recognised")
    DECIDED = "decided", _("decided")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")


OPEN_STATUSES = frozenset(
    {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.REGISTERED,
        ApplicationStatus.AWAITING_COMPLETION,
        ApplicationStatus.ASSESSMENT_SCHEDULED,
        ApplicationStatus.ASSESSED,
        ApplicationStatus.DECIDED,
    }
)


class Outcome(models.TextChoices):
    PENDING = "pending", _("waiting for qualification")
    GRANTED = "granted", _("granted")
    WAITLISTED = "waitlisted", _("on the waiting list")
    OFFERED = "offered", _("place offered")
    REFUSED = "refused", _("refused (decision)")
    DECLINED = "declined", _("offer declined")
    FORWARDED = "forwarded", _("forwarded to another unit")
    WITHDRAWN = "withdrawn", pgettext_lazy("requested service", "withdrawn")


class AssessmentPlace(models.TextChoices):
    CENTRE = "centre", _("at the centre")
    HOME = "home", _("at the person's home")
    OTHER = "other", _("where the person is staying (hospital, care home …)")


class LifeArea(models.TextChoices):
    HEALTH = "health", _("health and fitness")
    SELF_CARE = "self_care", _("self-care and everyday activities")
    MOBILITY = "mobility", _("getting around")
    HOUSING = "housing", _("housing and safety at home")
    FAMILY = "family", _("family and close relations")
    SOCIAL = "social", _("social contacts and loneliness")
    FINANCES = "finances", _("finances and official matters")
    WORK = "work", _("work, education, skills")
    LEISURE = "leisure", _("leisure, culture, participation")
    CARE = "care", _("care for others (children, dependants)")


class NeedLevel(models.TextChoices):
    NONE = "none", _("no support needed")
    SOME = "some", _("some support needed")
    SUBSTANTIAL = "substantial", _("substantial support needed")


class SubCaseTarget(models.TextChoices):
    SOCIAL_ASSISTANCE = "social_assistance", _("the centre's social-assistance team (u.p.s.)")
    OTHER_TEAM = "other_team", _("another team of the centre")
    GMINA_OFFICE = "gmina_office", _("the gmina office")
    GMINA_UNIT = "gmina_unit", _("a gmina organisational unit")


class Regime(models.TextChoices):
    A = "a", _("CUS Act programme service (no decision except refusal)")
    B = "b", _("social assistance or another sector act (decision)")


class SubCaseStatus(models.TextChoices):
    FORWARDED = "forwarded", _("forwarded")
    ACCEPTED = "accepted", _("accepted by the unit")
    HANDLED = "handled", _("handled")
    RETURNED = "returned", _("returned (not within the unit's scope)")


class WaitlistStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    OFFERED = "offered", _("place offered")
    ENROLLED = "enrolled", _("accepted the place")
    REMOVED = "removed", _("left the list")


class AppealOutcome(models.TextChoices):
    PENDING = "pending", _("waiting for the SKO")
    UPHELD = "upheld", _("SKO upheld the decision")
    ANNULLED = "annulled", _("SKO annulled it and returned the case")
    CHANGED = "changed", _("SKO changed it: service granted")
