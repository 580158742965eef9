from django.db import models
from django.utils.translation import gettext_lazy as _


class PowiatKind(models.TextChoices):
    POWIAT = "powiat", _("powiat")
    CITY = "city", _("city with powiat rights")
    CAPITAL = "capital", _("capital city with powiat rights")


class GminaKind(models.TextChoices):
    """Gmina type, the last digit (RODZ) of its TERC code."""

    URBAN = "1", _("urban gmina (gmina miejska)")
    RURAL = "2", _("rural gmina (gmina wiejska)")
    URBAN_RURAL = "3", _("urban-rural gmina (gmina miejsko-wiejska)")


class BoundaryLevel(models.TextChoices):
    VOIVODESHIP = "voivodeship", _("voivodeship")
    POWIAT = "powiat", _("powiat")
    GMINA = "gmina", _("gmina")


class CreationMode(models.TextChoices):
    """How a centre came to be (art. 9 of the CUS Act)."""

    OPS_TRANSFORMATION = "ops_transformation", _("transformation of the gmina's OPS")
    INTERMUNICIPAL_AGREEMENT = "intermunicipal", _("agreement between gminas")
    NEW_UNIT_CITY_OVER_100K = "new_unit_city", _("new unit alongside the OPS (city over 100,000)")


class CentreStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    BEING_CREATED = "being_created", _("being created")
    OPERATING = "operating", _("operating")
    CLOSED = "closed", _("closed")


# The lifecycle only moves forward; a centre may also close before it opens.
CENTRE_STATUS_TRANSITIONS: dict[str, frozenset[str]] = {
    CentreStatus.PLANNED: frozenset({CentreStatus.BEING_CREATED, CentreStatus.CLOSED}),
    CentreStatus.BEING_CREATED: frozenset({CentreStatus.OPERATING, CentreStatus.CLOSED}),
    CentreStatus.OPERATING: frozenset({CentreStatus.CLOSED}),
    CentreStatus.CLOSED: frozenset(),
}


class AgreementKind(models.TextChoices):
    GROUP = "group", _("group agreement (several gminas)")
    BILATERAL = "bilateral", _("bilateral agreement (two gminas)")


class NetworkKind(models.TextChoices):
    REGIONAL = "regional", _("regional network of centres (ROPS)")
    FORUM = "forum", _("forum or association of centres")
    OBSERVATORY = "observatory", _("observatory")
    PILOT = "pilot", _("pilot or partnership project")


class TerritoryCategory(models.TextChoices):
    """Categories of test territories in the partnership strategy (seed 003, §3.2)."""

    OPTIMAL = "optimal", _("optimal: a CUS and active PES/organisations")
    PARTLY_OPTIMAL = "partly_optimal", _("partly optimal: a CUS, no active PES/organisations")
    PROSPECTIVE_FULL = "prospective_full", _("prospective, full: ready to create a CUS, PES active")
    PROSPECTIVE_PARTIAL = (
        "prospective_partial",
        _("prospective, incomplete: ready to create a CUS, no PES yet"),
    )
