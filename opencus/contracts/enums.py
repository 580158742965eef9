"""Choices of contracts (state machine H from the signature on), reports, complaints, surveys
and inspections."""

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from opencus.commissioning.enums import GRANT_MODES, Mode
from opencus.providers.enums import TaskForm

StrOrPromise = str | Promise


class ContractKind(models.TextChoices):
    """The legal form of the commission (DOMAIN.md §9)."""

    GRANT_ENTRUSTING = "entrusting", _("grant agreement: powierzenie (public benefit act)")
    GRANT_SUPPORTING = "supporting", _("grant agreement: wspieranie (public benefit act)")
    PROCUREMENT = "procurement", _("public procurement contract")
    IN_HOUSE = "in_house", _("in-house assignment to a gmina unit")
    PARTNERSHIP = "partnership", _("public–social partnership")


# Grant agreements may record the organisation's own contribution (wkład własny).
GRANT_KINDS = (ContractKind.GRANT_ENTRUSTING, ContractKind.GRANT_SUPPORTING)


def kind_for_call(mode: str, task_form: str) -> ContractKind:
    """The kind of contract an award in a commissioning procedure leads to: a grant agreement
    in the task's form (open competition, art. 19a), a procurement contract (Pzp), or an
    in-house assignment."""
    if mode in GRANT_MODES:
        if task_form == TaskForm.SUPPORTING:
            return ContractKind.GRANT_SUPPORTING
        return ContractKind.GRANT_ENTRUSTING
    if mode == Mode.PROCUREMENT:
        return ContractKind.PROCUREMENT
    return ContractKind.IN_HOUSE


class ContractStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("contract status", "draft")
    SIGNED = "signed", pgettext_lazy("contract status", "signed (in execution)")
    SETTLED = "settled", pgettext_lazy("contract status", "settled")
    CLOSED = "closed", pgettext_lazy("contract status", "closed")
    TERMINATED = "terminated", pgettext_lazy("contract status", "terminated")


# A contract in these statuses was signed: it binds its services to its organisation.
BINDING_STATUSES = (ContractStatus.SIGNED, ContractStatus.SETTLED, ContractStatus.CLOSED)

CONTRACT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ContractStatus.DRAFT: (ContractStatus.SIGNED, ContractStatus.TERMINATED),
    ContractStatus.SIGNED: (ContractStatus.SETTLED, ContractStatus.TERMINATED),
    ContractStatus.SETTLED: (ContractStatus.CLOSED,),
    ContractStatus.CLOSED: (),
    ContractStatus.TERMINATED: (),
}


class ReportFrequency(models.TextChoices):
    MONTHLY = "monthly", _("monthly")
    QUARTERLY = "quarterly", _("quarterly")
    FINAL = "final", _("at the end of the contract")


class ReportStatus(models.TextChoices):
    DUE = "due", pgettext_lazy("report status", "to be submitted")
    SUBMITTED = "submitted", pgettext_lazy("report status", "submitted")
    RETURNED = "returned", pgettext_lazy("report status", "returned for correction")
    ACCEPTED = "accepted", pgettext_lazy("report status", "accepted")


class ComplaintChannel(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    PHONE = "phone", _("by phone")
    EMAIL = "email", _("by e-mail")
    LETTER = "letter", _("by letter")
    EPUAP = "epuap", _("ePUAP")
    PROVIDER = "provider", _("passed on by the provider")


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("complaint status", "received")
    HANDLING = "handling", pgettext_lazy("complaint status", "being handled")
    ANSWERED = "answered", pgettext_lazy("complaint status", "answered")
    CLOSED = "closed", pgettext_lazy("complaint status", "closed")


# Waiting for the centre's answer: these count against the deadline.
OPEN_COMPLAINT_STATUSES = (ComplaintStatus.RECEIVED, ComplaintStatus.HANDLING)
ANSWERED_COMPLAINT_STATUSES = (ComplaintStatus.ANSWERED, ComplaintStatus.CLOSED)


class SurveyChannel(models.TextChoices):
    ONLINE = "online", _("online, in “my matters”")
    PAPER = "paper", _("on paper, recorded by the centre")


# The questions of the satisfaction survey, each answered on a scale of 1 (bad) to 5 (very good).
SURVEY_QUESTIONS: tuple[tuple[str, StrOrPromise], ...] = (
    ("helpful", _("The service helped me with what I needed.")),
    ("respectful", _("The staff were kind and treated me with respect.")),
    ("reliable", _("Visits took place as agreed and on time.")),
    ("overall", _("Overall, how do you rate the service?")),
)
SURVEY_FIELDS = tuple(name for name, _label in SURVEY_QUESTIONS)


class InspectionRating(models.TextChoices):
    POSITIVE = "positive", _("positive")
    WITH_REMARKS = "remarks", _("positive with remarks")
    NEGATIVE = "negative", _("negative")
