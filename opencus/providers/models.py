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

from opencus.catalogue.enums import ServiceArea, ServiceType
from opencus.core.text import fold
from opencus.providers.enums import (
    DocumentStatus,
    ExperienceKind,
    LegalForm,
    PartnershipStatus,
    Quadrant,
    SpecialisationKind,
    Sphere,
    TaskForm,
)
from opencus.providers.validators import validate_krs, validate_nip, validate_regon
from opencus.territory.models import Centre, Gmina, Voivodeship

__all__ = [
    "AttributesCard",
    "CooperationLeader",
    "Experience",
    "Organisation",
    "OrganisationArea",
    "OrganisationNetwork",
    "Partnership",
    "Portfolio",
    "PortfolioSubmission",
    "Reference",
    "Specialisation",
    "SwotEntry",
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
    # The name and city folded to lowercase ASCII (``save`` keeps it): "leczna" finds "Łęczna".
    search_name = models.CharField(max_length=402, editable=False, blank=True, default="")
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

    def save(self, *args, **kwargs):
        self.search_name = fold(f"{self.name} {self.city}")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "city"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

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


# --- the organisation's documents for the centres (seed 003, component 2) -------------------


class _VersionedDocument(models.Model):
    """A document the organisation writes for the centres, kept in numbered versions.

    One draft at a time; making it final fixes that version (the centres see final versions
    only) and the next change starts a new draft copied from it.
    """

    # A centre sees the documents of the organisations that work with it (or asked to).
    CENTRE_LOOKUP = "organisation__partnerships__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    created_at = models.DateTimeField(_("started on"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    finalised_at = models.DateTimeField(_("made final on"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made final by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        abstract = True

    @property
    def is_final(self) -> bool:
        return self.status == DocumentStatus.FINAL


def _document_constraints(prefix: str) -> list:
    return [
        models.UniqueConstraint(
            fields=["organisation", "version"],
            name=f"{prefix}_version_once",
            violation_error_message=_("This version already exists."),
        ),
        models.UniqueConstraint(
            fields=["organisation"],
            condition=Q(status=DocumentStatus.DRAFT),
            name=f"{prefix}_one_draft",
            violation_error_message=_("The organisation already has a draft of this document."),
        ),
        models.CheckConstraint(
            condition=Q(status=DocumentStatus.DRAFT, finalised_at__isnull=True)
            | Q(status=DocumentStatus.FINAL, finalised_at__isnull=False),
            name=f"{prefix}_final_has_date",
            violation_error_message=_("A final version has the date it was made final."),
        ),
    ]


class AttributesCard(_VersionedDocument):
    """ "Karta atrybutów organizacji – partnera CUS" (seed 003 §2.1, procedure 4 stage 1): a
    SWOT self-assessment in five spheres, and the answers to the four strategic questions."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="attribute_cards",
        verbose_name=_("organisation"),
    )
    # Procedure 4: the simplified SWOT is made with the territorial expert team (ZET).
    zet_coauthor = models.CharField(
        _("co-author from the expert team (ZET)"), max_length=200, blank=True
    )
    # The four questions that close the SWOT (procedure 4, stage 1).
    strengths_use_opportunities = models.TextField(
        _("Will the strengths let the organisation use the opportunities of cooperation?"),
        blank=True,
    )
    strengths_overcome_threats = models.TextField(
        _("Will the strengths overcome the threats (e.g. failing a commissioned service)?"),
        blank=True,
    )
    weaknesses_block_opportunities = models.TextField(
        _("Will the weaknesses stop the organisation from using the opportunities?"),
        blank=True,
    )
    weaknesses_strengthen_threats = models.TextField(
        _("Will the weaknesses strengthen the threats to the cooperation?"), blank=True
    )
    # Seed 003 §2.1: the hard-to-measure elements — ethics, and trust of the community.
    ethics = models.TextField(_("internal and external ethics"), blank=True)
    community_trust = models.TextField(
        _("trust and recognition of the local community"), blank=True
    )

    class Meta:
        ordering = ["organisation", "-version"]
        verbose_name = _("attributes card")
        verbose_name_plural = _("attributes cards")
        constraints = _document_constraints("attributes_card")
        indexes = [models.Index(fields=["organisation", "status", "-version"])]

    def __str__(self):
        return f"{self.organisation} – {_('attributes card')} v{self.version}"


class SwotEntry(models.Model):
    """What the card says of one sphere in one quadrant (one point per line)."""

    CENTRE_LOOKUP = "card__organisation__partnerships__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    card = models.ForeignKey(
        AttributesCard, on_delete=models.CASCADE, related_name="entries", verbose_name=_("card")
    )
    sphere = models.CharField(_("sphere"), max_length=12, choices=Sphere.choices)
    quadrant = models.CharField(_("quadrant"), max_length=14, choices=Quadrant.choices)
    text = models.TextField(_("points"), blank=True)

    class Meta:
        ordering = ["card", "sphere", "quadrant"]
        verbose_name = _("SWOT entry")
        verbose_name_plural = _("SWOT entries")
        constraints = [
            models.UniqueConstraint(
                fields=["card", "sphere", "quadrant"],
                name="swot_entry_once",
                violation_error_message=_("This sphere and quadrant are already filled in."),
            )
        ]

    def __str__(self):
        return f"{self.get_sphere_display()} – {self.get_quadrant_display()}"

    @property
    def points(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


class Portfolio(_VersionedDocument):
    """ "Specjalizacja w usługach społecznych – oferta dla CUS" (seed 003 §2.3, procedure 4
    stage 3): the services the organisation specialises in, addressed to a centre's OUS."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="portfolios",
        verbose_name=_("organisation"),
    )
    introduction = models.TextField(
        _("what the centre should notice"),
        blank=True,
        help_text=_("Not what the website says: why the centre can count on the organisation."),
    )
    guarantees = models.TextField(
        _("what the organisation guarantees"),
        blank=True,
        help_text=_("E.g. quality, an individual approach, listening to remarks."),
    )
    zet_coauthor = models.CharField(
        _("prepared with the expert team (ZET)"), max_length=200, blank=True
    )
    is_public = models.BooleanField(
        _("show on the public profile page"),
        default=False,
        help_text=_("The final version is shown on the organisation's page in the portal."),
    )

    class Meta:
        ordering = ["organisation", "-version"]
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")
        constraints = _document_constraints("portfolio")
        indexes = [models.Index(fields=["organisation", "status", "-version"])]

    def __str__(self):
        return f"{self.organisation} – {_('portfolio')} v{self.version}"


class Specialisation(models.Model):
    """One service the portfolio offers: of kind (a) ready now, or (b) if strengthened."""

    CENTRE_LOOKUP = "portfolio__organisation__partnerships__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    portfolio = models.ForeignKey(
        Portfolio,
        on_delete=models.CASCADE,
        related_name="specialisations",
        verbose_name=_("portfolio"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=SpecialisationKind.choices)
    service_type = models.CharField(_("service"), max_length=24, choices=ServiceType.choices)
    area = models.CharField(_("area"), max_length=30, choices=ServiceArea.choices)
    description = models.TextField(_("what the service is"), blank=True)
    recipients = models.TextField(
        _("recipients"), help_text=_("Who: persons, families, a group, an age group …")
    )
    guarantees = models.TextField(_("what the organisation guarantees"), blank=True)
    capacity = models.CharField(
        _("how much it can take on"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 20 families a month, 300 meals a day."),
    )
    # Kind (b) only: how the centre could strengthen the organisation, and what is missing.
    support_form = models.CharField(
        _("form of commissioning that would make it possible"),
        max_length=12,
        choices=TaskForm.choices,
        blank=True,
    )
    support_needed = models.TextField(_("what it needs to be strengthened with"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["portfolio", "kind", "position", "id"]
        verbose_name = _("specialisation")
        verbose_name_plural = _("specialisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=SpecialisationKind.READY, support_form="")
                | Q(kind=SpecialisationKind.WITH_SUPPORT) & ~Q(support_form=""),
                name="specialisation_support_form_for_kind_b",
                violation_error_message=_(
                    "A service it could deliver if strengthened names the form of "
                    "commissioning (entrusting or supporting); one it delivers now does not."
                ),
            )
        ]
        indexes = [models.Index(fields=["service_type", "kind"])]

    def __str__(self):
        return str(self.get_service_type_display())


class Experience(models.Model):
    """A commission or project of the last three years behind a specialisation."""

    CENTRE_LOOKUP = "specialisation__portfolio__organisation__partnerships__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    specialisation = models.ForeignKey(
        Specialisation,
        on_delete=models.CASCADE,
        related_name="experience",
        verbose_name=_("specialisation"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ExperienceKind.choices)
    title = models.CharField(_("title"), max_length=300)
    funder = models.CharField(_("commissioned or funded by"), max_length=300)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    value = models.DecimalField(
        _("value (PLN)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    description = models.TextField(_("what was done"), blank=True)

    class Meta:
        ordering = ["specialisation", "-ends_on", "title"]
        verbose_name = _("experience")
        verbose_name_plural = _("experience")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="experience_ends_after_start",
                violation_error_message=_("The end cannot come before the start."),
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0),
                name="experience_value_not_negative",
                violation_error_message=_("The value cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.title


class Reference(models.Model):
    """A reference or letter of intent from an institution the organisation worked for."""

    CENTRE_LOOKUP = "specialisation__portfolio__organisation__partnerships__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    specialisation = models.ForeignKey(
        Specialisation,
        on_delete=models.CASCADE,
        related_name="references",
        verbose_name=_("specialisation"),
    )
    issued_by = models.CharField(_("issued by"), max_length=300)
    issued_on = models.DateField(_("date"), null=True, blank=True)
    summary = models.TextField(_("what it says"))
    contact = models.CharField(_("contact for questions"), max_length=200, blank=True)

    class Meta:
        ordering = ["specialisation", "-issued_on", "issued_by"]
        verbose_name = _("reference")
        verbose_name_plural = _("references")

    def __str__(self):
        return self.issued_by


class PortfolioSubmission(models.Model):
    """A final portfolio sent to a centre's OUS, who acknowledges receiving it."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    portfolio = models.ForeignKey(
        Portfolio,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("portfolio"),
    )
    centre = models.ForeignKey(
        Centre,
        on_delete=models.CASCADE,
        related_name="portfolio_submissions",
        verbose_name=_("centre"),
    )
    sent_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged on"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    note = models.TextField(_("the centre's note"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("portfolio sent to a centre")
        verbose_name_plural = _("portfolios sent to centres")
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "centre"],
                name="portfolio_sent_once_per_centre",
                violation_error_message=_("This version has already been sent to the centre."),
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True) | Q(acknowledged_by__isnull=False),
                name="portfolio_acknowledged_by_someone",
                violation_error_message=_("An acknowledgement names who made it."),
            ),
        ]
        indexes = [models.Index(fields=["centre", "acknowledged_at", "-sent_at"])]

    def __str__(self):
        return f"{self.portfolio} → {self.centre}"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}
