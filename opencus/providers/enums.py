from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


# Social and solidarity economy entities (PES) by their legal form, after seed 003's glossary:
# NGOs and the entities of art. 3 ust. 3 of the public benefit act (foundations, associations,
# church legal persons, non-profit companies), rural housewives' circles with legal personality,
# work and social cooperatives, sheltered workplaces and reintegration units (CIS, KIS, ZAZ,
# WTZ). A recognised social enterprise (``Organisation.is_social_enterprise``) is a PES whatever
# its form; gmina units, healthcare entities and private companies are not.
PES_LEGAL_FORMS = frozenset(
    {
        LegalForm.FOUNDATION,
        LegalForm.ASSOCIATION,
        LegalForm.CHURCH_ENTITY,
        LegalForm.NONPROFIT_COMPANY,
        LegalForm.RURAL_HOUSEWIVES_CIRCLE,
        LegalForm.WORK_COOPERATIVE,
        LegalForm.SOCIAL_COOPERATIVE,
        LegalForm.SHELTERED_WORKPLACE,
        LegalForm.CIS,
        LegalForm.KIS,
        LegalForm.ZAZ,
        LegalForm.WTZ,
    }
)


class PartnershipStatus(models.TextChoices):
    PENDING = "pending", _("waiting for verification")
    VERIFIED = "verified", _("verified")
    REFUSED = "refused", _("refused")


class DocumentStatus(models.TextChoices):
    """An organisation's own document (attributes card, portfolio): worked on, then fixed."""

    DRAFT = "draft", _("draft")
    FINAL = "final", _("final version")


class Sphere(models.TextChoices):
    """The five spheres of the simplified SWOT (seed 003, procedure 4, stage 1)."""

    MANAGEMENT = "management", _("management")
    STAFF = "staff", _("staff")
    RESOURCES = "resources", _("material and technical resources")
    FINANCE = "finance", _("finance")
    RELATIONS = "relations", _("relations with the environment")


class Quadrant(models.TextChoices):
    STRENGTHS = "strengths", _("strengths")
    WEAKNESSES = "weaknesses", _("weaknesses")
    OPPORTUNITIES = "opportunities", _("opportunities")
    THREATS = "threats", _("threats")


class SpecialisationKind(models.TextChoices):
    """Seed 003, procedure 4, stage 3: what it can do now (a), or once strengthened (b)."""

    READY = "ready", _("(a) can deliver now with its own means, at the required quality")
    WITH_SUPPORT = "with_support", _("(b) could deliver if strengthened")


class TaskForm(models.TextChoices):
    """The two forms of commissioning a public task to an NGO (art. 5 ust. 4 pkt 1 and art. 11
    ust. 1 of the public benefit act)."""

    ENTRUSTING = "entrusting", _("entrusting (powierzenie), with a grant financing the task")
    SUPPORTING = "supporting", _("supporting (wspieranie), with a grant co-financing the task")


class ExperienceKind(models.TextChoices):
    COMMISSION = "commission", _("public task commissioned by a local government")
    PROJECT = "project", _("project co-financed by the state or the EU")
    CONTRACT = "contract", _("contract (public procurement)")
    OTHER = "other", pgettext_lazy("experience kind", "other")


# What each sphere of the SWOT covers (seed 003, procedure 4, stage 1): shown next to the card.
SPHERE_HELP = {
    Sphere.MANAGEMENT: _(
        "Clarity of functions and roles, project management of tasks, internal rules of "
        "responsibility for duties while a commissioned task lasts, internal ethics, and how the "
        "statutory activity matches the statutory scope of social services."
    ),
    Sphere.STAFF: _(
        "Qualifications and experience, entitlements to particular kinds of services, the "
        "possibility of bringing in outside specialists and volunteers."
    ),
    Sphere.RESOURCES: _(
        "Own premises, devices and technical equipment, also for particular services, and what "
        "could be obtained (e.g. lent free of charge) if new commissioned tasks are taken on."
    ),
    Sphere.FINANCE: _(
        "Sources of funding (economic activity, local government and state grants, EU funds, "
        "etc.) and financial liquidity."
    ),
    Sphere.RELATIONS: _(
        "Number of partners, references obtained, recognition in the local community, trust of "
        "the public administration."
    ),
}
