"""The registry of organisations that provide services, and their partnerships with centres.

An organisation (an NGO, a social cooperative, a CIS or KIS, a gmina unit, a company ...) is
not a tenant's data: it registers once and may work with several centres. Each centre's
relation with it is a ``Partnership`` that the centre verifies; the organisation names one
``CooperationLeader`` ("Lider ds. współpracy z CUS", seed 003 §2.2) whom the centres see.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import ServiceArea
from opencus.providers.enums import LegalForm, PartnershipStatus
from opencus.providers.validators import validate_krs, validate_nip, validate_regon
from opencus.territory.models import Centre, Gmina, Voivodeship

__all__ = [
    "CooperationLeader",
    "Organisation",
    "OrganisationArea",
    "OrganisationNetwork",
    "Partnership",
    "validate_krs",
]


class OrganisationNetwork(models.Model):
    """A named network of organisations, e.g. a regional Konwent of CIS and KIS."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    voivodeship = models.ForeignKey(
        Voivodeship,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voivodeship"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network of organisations")
        verbose_name_plural = _("networks of organisations")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    is_social_enterprise = models.BooleanField(
        _("recognised social enterprise (PS)"),
        default=False,
        help_text=_("Status granted by the voivode under the social economy act."),
    )
    nip = models.CharField(_("NIP"), max_length=10, blank=True, validators=[validate_nip])
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    krs = models.CharField(_("KRS"), max_length=10, blank=True, validators=[validate_krs])
    seat_gmina = models.ForeignKey(
        Gmina,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("seat gmina"),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    statutory_activity = models.TextField(
        _("statutory activity"),
        blank=True,
        help_text=_("What the statute (or the founding act) says the organisation does."),
    )
    operating_gminas = models.ManyToManyField(
        Gmina,
        blank=True,
        related_name="organisations_operating",
        verbose_name=_("territory of operation (gminas)"),
    )
    networks = models.ManyToManyField(
        OrganisationNetwork,
        blank=True,
        related_name="members",
        verbose_name=_("networks it belongs to"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["nip"],
                condition=~Q(nip=""),
                name="organisation_nip_once",
                violation_error_message=_("An organisation with this NIP is already registered."),
            ),
            models.UniqueConstraint(
                fields=["krs"],
                condition=~Q(krs=""),
                name="organisation_krs_once",
                violation_error_message=_("An organisation with this KRS is already registered."),
            ),
        ]
        indexes = [
            models.Index(fields=["legal_form"]),
            models.Index(fields=["is_social_enterprise"]),
        ]

    def __str__(self):
        return self.name

    @property
    def area_codes(self) -> list[str]:
        """The statutory areas, in the Act's order (from a prefetch of ``areas`` if there is one)."""
        codes = {a.area for a in self.areas.all()}
        return [code for code in ServiceArea.values if code in codes]

    @property
    def area_labels(self) -> list[str]:
        return [str(ServiceArea(code).label) for code in self.area_codes]


class OrganisationArea(models.Model):
    """One of the 14 statutory areas (CUS Act art. 2) its statutory activity covers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="areas", verbose_name=_("organisation")
    )
    area = models.CharField(_("area"), max_length=30, choices=ServiceArea.choices)

    class Meta:
        ordering = ["organisation", "area"]
        verbose_name = _("area of statutory activity")
        verbose_name_plural = _("areas of statutory activity")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "area"],
                name="organisation_area_once",
                violation_error_message=_("This area is already listed."),
            )
        ]
        indexes = [models.Index(fields=["area", "organisation"])]

    def __str__(self):
        return str(self.get_area_display())


class Partnership(models.Model):
    """An organisation's cooperation with one centre: asked for, then verified or refused."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("centre")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="partnerships",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.PENDING,
    )
    message = models.TextField(_("message to the centre"), blank=True)
    requested_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asked by"),
    )
    # The person who registered the organisation becomes its staff once a centre verifies it.
    registrant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    refusal_reason = models.TextField(_("reason for the refusal"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "organisation"],
                name="partnership_once_per_centre",
                violation_error_message=_(
                    "This organisation has already asked this centre to work with it."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status=PartnershipStatus.PENDING, decided_at__isnull=True)
                | (~Q(status=PartnershipStatus.PENDING) & Q(decided_at__isnull=False)),
                name="partnership_decided_when_not_pending",
                violation_error_message=_("A verification or refusal has a date; a request not."),
            ),
            models.CheckConstraint(
                condition=~Q(status=PartnershipStatus.REFUSED) | ~Q(refusal_reason=""),
                name="partnership_refusal_has_reason",
                violation_error_message=_("A refusal needs a reason."),
            ),
        ]
        indexes = [
            models.Index(fields=["centre", "status", "requested_at"]),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.centre}"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}


class CooperationLeader(models.Model):
    """The organisation's one contact person for the centres ("Lider ds. współpracy z CUS").

    Appointing a new leader ends the previous one on the same day: the rows are the dated
    history of who it was.
    """

    # A centre sees the leaders of the organisations it works with.
    CENTRE_LOOKUP = "organisation__partnerships__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="leaders",
        verbose_name=_("organisation"),
    )
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    role = models.CharField(
        _("role in the organisation"),
        max_length=150,
        help_text=_("E.g. board member, CIS manager, project coordinator."),
    )
    phone = models.CharField(_("phone"), max_length=40)
    email = models.EmailField(_("e-mail"))
    appointed_on = models.DateField(_("appointed on"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-appointed_on", "-created_at"]
        verbose_name = _("cooperation leader")
        verbose_name_plural = _("cooperation leaders")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(ended_on__isnull=True),
                name="leader_one_current",
                violation_error_message=_("The organisation already has a current leader."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("appointed_on")),
                name="leader_ends_after_appointment",
                violation_error_message=_("A leader cannot end before being appointed."),
            ),
        ]
        indexes = [models.Index(fields=["organisation", "ended_on"])]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None
