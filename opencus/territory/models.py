"""Territory (TERYT units) and the centres that serve it.

TERYT units are keyed by their TERC codes; objects that leave the system
(centres, networks, agreements) have UUIDs.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencus.territory.enums import (
    AgreementKind,
    BoundaryLevel,
    CentreStatus,
    CreationMode,
    GminaKind,
    NetworkKind,
    PowiatKind,
    TerritoryCategory,
)
from opencus.territory.validators import (
    validate_gmina_code,
    validate_nip,
    validate_postal_code,
    validate_regon,
)


class Voivodeship(models.Model):
    code = models.CharField(_("TERYT code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=64)
    register_date = models.DateField(_("register state as of"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("voivodeship")
        verbose_name_plural = _("voivodeships")

    def __str__(self):
        return self.name


class Powiat(models.Model):
    code = models.CharField(_("TERYT code"), max_length=4, primary_key=True)
    voivodeship = models.ForeignKey(
        Voivodeship, on_delete=models.PROTECT, related_name="powiats", verbose_name=_("voivodeship")
    )
    name = models.CharField(_("name"), max_length=64)
    kind = models.CharField(_("kind"), max_length=16, choices=PowiatKind.choices)
    register_date = models.DateField(_("register state as of"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("powiat")
        verbose_name_plural = _("powiats")

    def __str__(self):
        if self.kind == PowiatKind.POWIAT:
            return _("powiat %(name)s") % {"name": self.name}
        return self.name

    @property
    def has_powiat_rights(self) -> bool:
        return self.kind != PowiatKind.POWIAT


class Gmina(models.Model):
    code = models.CharField(
        _("TERYT code"), max_length=7, primary_key=True, validators=[validate_gmina_code]
    )
    powiat = models.ForeignKey(
        Powiat, on_delete=models.PROTECT, related_name="gminas", verbose_name=_("powiat")
    )
    name = models.CharField(_("name"), max_length=64, db_index=True)
    kind = models.CharField(_("type"), max_length=1, choices=GminaKind.choices)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("population as of year"), null=True, blank=True
    )
    population_source = models.CharField(_("population source"), max_length=200, blank=True)
    register_date = models.DateField(_("register state as of"), null=True, blank=True)

    class Meta:
        ordering = ["name", "code"]
        verbose_name = _("gmina")
        verbose_name_plural = _("gminas")
        indexes = [models.Index(fields=["powiat", "name"])]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    @property
    def voivodeship_code(self) -> str:
        return self.code[:2]

    @property
    def has_powiat_rights(self) -> bool:
        """A city with powiat rights is the one gmina of a city-powiat."""
        return self.powiat.has_powiat_rights


class Boundary(models.Model):
    """A unit's boundary as a GeoJSON geometry (WGS84), kept apart from the unit.

    Lists of gminas never load these kilobytes; only maps and unit pages ask for them.
    """

    code = models.CharField(_("TERYT code"), max_length=7, primary_key=True)
    level = models.CharField(_("level"), max_length=16, choices=BoundaryLevel.choices)
    geometry = models.JSONField(_("GeoJSON geometry"))
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("boundary")
        verbose_name_plural = _("boundaries")
        indexes = [models.Index(fields=["level"])]

    def __str__(self):
        return f"{self.get_level_display()} {self.code}"


class Centre(models.Model):
    """A social services centre (centrum usług społecznych, CUS): the tenant."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    seat_gmina = models.ForeignKey(
        Gmina, on_delete=models.PROTECT, related_name="seated_centres", verbose_name=_("seat gmina")
    )
    gminas = models.ManyToManyField(
        Gmina, related_name="centres", verbose_name=_("gminas served"), blank=True
    )
    creation_mode = models.CharField(
        _("how it was created"), max_length=20, choices=CreationMode.choices
    )
    predecessor_ops = models.CharField(_("predecessor OPS"), max_length=200, blank=True)
    performs_social_assistance = models.BooleanField(
        _("also carries out social assistance tasks"), default=True
    )
    # Denormalised from the latest CentreStatusChange by centre_change_status().
    status = models.CharField(
        _("status"), max_length=20, choices=CentreStatus.choices, default=CentreStatus.PLANNED
    )
    status_since = models.DateField(_("status since"), null=True, blank=True)
    planned_opening_on = models.DateField(_("planned opening"), null=True, blank=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    nip = models.CharField(_("NIP"), max_length=10, blank=True, validators=[validate_nip])
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"), max_length=6, blank=True, validators=[validate_postal_code]
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Invented for the demo region; not a real centre."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("centre (CUS)")
        verbose_name_plural = _("centres (CUS)")
        indexes = [models.Index(fields=["status"]), models.Index(fields=["seat_gmina", "status"])]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"centre": str(self.pk)}


class CentreStatusChange(models.Model):
    """One step of a centre's lifecycle, with the date it took effect."""

    CENTRE_LOOKUP = "centre"

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("centre")
    )
    status = models.CharField(_("status"), max_length=20, choices=CentreStatus.choices)
    effective_on = models.DateField(_("effective on"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["centre", "effective_on", "recorded_at"]
        verbose_name = _("centre status change")
        verbose_name_plural = _("centre status changes")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "status"],
                name="centre_status_once",
                violation_error_message=_("The centre has already had this status."),
            ),
        ]

    def __str__(self):
        return f"{self.centre}: {self.get_status_display()} ({self.effective_on})"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}


class InterMunicipalAgreement(models.Model):
    """Porozumienie międzygminne: gminas that share services or a centre."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=AgreementKind.choices)
    lead_gmina = models.ForeignKey(
        Gmina, on_delete=models.PROTECT, related_name="led_agreements", verbose_name=_("lead gmina")
    )
    parties = models.ManyToManyField(Gmina, related_name="agreements", verbose_name=_("parties"))
    centre = models.ForeignKey(
        Centre,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("centre delivering the services"),
    )
    scope = models.TextField(_("scope of services"), blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("inter-municipal agreement")
        verbose_name_plural = _("inter-municipal agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="agreement_valid_to_after_from",
                violation_error_message=_("An agreement cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"centre": str(self.centre_id)} if self.centre_id else None


class Network(models.Model):
    """A network of centres: a regional network, a forum, an observatory or a pilot."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=NetworkKind.choices)
    voivodeship = models.ForeignKey(
        Voivodeship,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="networks",
        verbose_name=_("voivodeship"),
    )
    description = models.TextField(_("description"), blank=True)
    centres = models.ManyToManyField(
        Centre, related_name="networks", blank=True, verbose_name=_("member centres")
    )
    gminas = models.ManyToManyField(
        Gmina,
        through="NetworkTerritory",
        related_name="networks",
        blank=True,
        verbose_name=_("territories"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name


class NetworkTerritory(models.Model):
    """A gmina the network follows, e.g. a test territory of a pilot, with its category."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="territories")
    gmina = models.ForeignKey(Gmina, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(
        _("category"), max_length=24, choices=TerritoryCategory.choices, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["network", "gmina__name"]
        verbose_name = _("network territory")
        verbose_name_plural = _("network territories")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "gmina"],
                name="network_gmina_once",
                violation_error_message=_("The network already follows this gmina."),
            )
        ]

    def __str__(self):
        return f"{self.network}: {self.gmina}"
