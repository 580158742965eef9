from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")


class Language(models.TextChoices):
    PL = "pl", _("Polish")
    EN = "en", _("English")
    UK = "uk", _("Ukrainian")
    RU = "ru", _("Russian")
    DE = "de", _("German")
    PJM = "pjm", _("Polish Sign Language (PJM)")


class LegalBasis(models.TextChoices):
    """Why the centre may process the person's data (RODO art. 6)."""

    PUBLIC_TASK = "art6_1_e", _("public task (RODO art. 6(1)(e)) — the CUS Act")
    LEGAL_OBLIGATION = (
        "art6_1_c",
        _("legal obligation (RODO art. 6(1)(c)) — e.g. the social assistance act"),
    )
    CONSENT = "art6_1_a", _("consent (RODO art. 6(1)(a)) — a service outside the statutory tasks")


class SpecialCategoryBasis(models.TextChoices):
    """Why the centre may hold health data (RODO art. 9)."""

    SOCIAL_PROTECTION = "art9_2_b", _("social protection law (RODO art. 9(2)(b))")
    PUBLIC_INTEREST = "art9_2_g", _("substantial public interest (RODO art. 9(2)(g))")
    HEALTH_OR_SOCIAL_CARE = "art9_2_h", _("health or social care (RODO art. 9(2)(h))")
    EXPLICIT_CONSENT = "art9_2_a", _("explicit consent (RODO art. 9(2)(a))")


class RelationKind(models.TextChoices):
    LEGAL_REPRESENTATIVE = (
        "legal_representative",
        _("legal representative (przedstawiciel ustawowy)"),
    )
    ACTUAL_CARER = "actual_carer", _("actual carer (opiekun faktyczny)")
    HOUSEHOLD = "household", _("household member")


class ConsentPurpose(models.TextChoices):
    FORWARD_APPLICATION = "forward_application", _("forwarding the application to another unit")
    SHARE_WITH_PROVIDER = "share_with_provider", _("sharing data with a service provider")
    REFER_ELSEWHERE = "refer_elsewhere", _("referral to another centre or institution")
    IMAGE = "image", _("use of image (photos)")
    NON_STATUTORY = "non_statutory", _("processing for a service outside the statutory tasks")


class ConsentForm(models.TextChoices):
    WRITTEN = "written", _("in writing (signed)")
    ELECTRONIC = "electronic", _("electronically")
    ORAL_RECORDED = "oral", _("orally, recorded by staff")


class DisabilityDegree(models.TextChoices):
    MILD = "mild", _("mild (lekki)")
    MODERATE = "moderate", _("moderate (umiarkowany)")
    SEVERE = "severe", _("severe (znaczny)")
    CHILD = "child", _("certificate of disability (under 16)")
    INCAPACITY = "incapacity", _("incapacity for work or independent living (ZUS)")
