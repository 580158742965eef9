from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    """Legal and organisational forms of the entities a centre works with (seed 003, DOMAIN.md)."""

    FOUNDATION = "foundation", _("foundation")
    ASSOCIATION = "association", _("association")
    SOCIAL_COOPERATIVE = "social_coop", _("social cooperative")
    WORK_COOPERATIVE = "work_coop", _("work cooperative")
    RURAL_HOUSEWIVES_CIRCLE = "kgw", _("rural housewives' circle with legal personality (KGW)")
    NONPROFIT_COMPANY = "nonprofit_company", _("non-profit company")
    CHURCH_ENTITY = "church", _("church legal person")
    CIS = "cis", _("social integration centre (CIS)")
    KIS = "kis", _("social integration club (KIS)")
    ZAZ = "zaz", _("vocational activity establishment (ZAZ)")
    WTZ = "wtz", _("occupational therapy workshop (WTZ)")
    SHELTERED_WORKPLACE = "sheltered", _("sheltered workplace")
    GMINA_UNIT = "gmina_unit", _("gmina unit")
    HEALTHCARE = "healthcare", _("healthcare entity")
    COMPANY = "company", _("private company")
    OTHER = "other", _("other")


class PartnershipStatus(models.TextChoices):
    PENDING = "pending", _("waiting for verification")
    VERIFIED = "verified", _("verified")
    REFUSED = "refused", _("refused")
