"""The service catalogue: what is on offer, by whom, where, when, for whom and at what cost.

Shaped so that it maps onto Open Referral HSDS 3 without loss: a service belongs to an
organisation (the centre itself or a provider), is offered at locations (service at
location) on schedules, and is classified by taxonomy terms (the 14 statutory areas, target
groups, needs, funding sources).
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencus.catalogue.enums import (
    AccessMode,
    CapacityPeriod,
    DeliveryMode,
    FeeKind,
    FundingSource,
    Need,
    RequiredDocument,
    ServiceArea,
    ServiceStatus,
    TargetGroup,
    Unit,
    Weekday,
)
from opencus.providers.models import Organisation
from opencus.territory.models import Centre, Gmina
from opencus.territory.validators import validate_postal_code

TERM_NAMESPACE = uuid.UUID("9c1e6c0a-3f7b-4d39-9a51-5a0d7b0c2f11")


class Vocabulary(models.TextChoices):
    """The taxonomies of the catalogue (published as HSDS taxonomies)."""

    AREA = "area", _("areas of social services (CUS Act, art. 2)")
    TARGET_GROUP = "target_group", _("target groups")
    NEED = "need", _("needs")
    FUNDING = "funding", _("funding sources")


VOCABULARY_CHOICES: dict[str, type[models.TextChoices]] = {
    Vocabulary.AREA: ServiceArea,
    Vocabulary.TARGET_GROUP: TargetGroup,
    Vocabulary.NEED: Need,
    Vocabulary.FUNDING: FundingSource,
}


def term_uuid(vocabulary: str, code: str) -> uuid.UUID:
    """Stable across installations and exports: derived from the vocabulary and the code."""
    return uuid.uuid5(TERM_NAMESPACE, f"{vocabulary}:{code}")


class Term(models.Model):
    """A fixed reference term (an area, a target group, a need, a funding source)."""

    id = models.UUIDField(primary_key=True, editable=False)
    vocabulary = models.CharField(_("vocabulary"), max_length=20, choices=Vocabulary.choices)
    code = models.CharField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        ordering = ["vocabulary", "position"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "code"], name="term_code_once")
        ]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return VOCABULARY_CHOICES[self.vocabulary](self.code).label


class Location(models.Model):
    """A place where services are given; kept by a centre, may serve several services."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="locations", verbose_name=_("centre")
    )
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(
        _("postal code"), max_length=6, validators=[validate_postal_code]
    )
    city = models.CharField(_("city"), max_length=100)
    gmina = models.ForeignKey(
        Gmina, on_delete=models.PROTECT, related_name="+", verbose_name=_("gmina")
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    wheelchair_access = models.BooleanField(_("step-free entrance for wheelchairs"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("induction loop"), default=False)
    parking = models.BooleanField(_("parking for people with disabilities"), default=False)
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    transport_notes = models.TextField(_("how to get there"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="location_coordinates_valid",
                violation_error_message=_("Give both coordinates, within −90…90 and −180…180."),
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.street}, {self.city}"

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def accessibility_features(self) -> list[str]:
        fields = ("wheelchair_access", "accessible_toilet", "hearing_loop", "parking")
        return [str(self._meta.get_field(f).verbose_name) for f in fields if getattr(self, f)]  # type: ignore[union-attr]


class ServiceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ServiceStatus.PUBLISHED)


class Service(models.Model):
    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="services", verbose_name=_("centre")
    )
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(
        _("easy-to-read summary"),
        max_length=400,
        help_text=_("One or two short sentences in plain words."),
    )
    description = models.TextField(
        _("description"), help_text=_("What the service is, in plain language.")
    )
    areas = models.ManyToManyField(
        Term,
        related_name="services_in_area",
        verbose_name=_("areas"),
        limit_choices_to={"vocabulary": Vocabulary.AREA},
    )
    target_groups = models.ManyToManyField(
        Term,
        related_name="services_for_group",
        verbose_name=_("target groups"),
        limit_choices_to={"vocabulary": Vocabulary.TARGET_GROUP},
    )
    needs = models.ManyToManyField(
        Term,
        related_name="services_for_need",
        verbose_name=_("helps with"),
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.NEED},
    )
    # Who gives the service: the centre itself when empty, otherwise a provider organisation
    # (an NGO, a social cooperative, a gmina unit, a company ...).
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("provider"),
    )
    at_home = models.BooleanField(_("at home"), default=False)
    at_location = models.BooleanField(_("at a place"), default=False)
    mobile = models.BooleanField(_("mobile, at several points"), default=False)
    remote = models.BooleanField(_("remotely"), default=False)
    access_mode = models.CharField(_("how to get it"), max_length=20, choices=AccessMode.choices)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    eligibility_notes = models.TextField(_("who may use it (details)"), blank=True)
    residents_of = models.ManyToManyField(
        Gmina,
        related_name="open_services",
        verbose_name=_("open to residents of"),
        help_text=_(
            "The centre's own gminas, and gminas bound to it by an inter-municipal agreement."
        ),
    )
    fee_kind = models.CharField(_("cost to the resident"), max_length=12, choices=FeeKind.choices)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    market_value = models.DecimalField(
        _("real value per unit (PLN)"),
        max_digits=10,
        decimal_places=2,
        help_text=_("What one unit really costs, whoever pays for it."),
    )
    resident_price = models.DecimalField(
        _("resident's price per unit (PLN)"), max_digits=10, decimal_places=2
    )
    fee_notes = models.TextField(_("fees and exemptions"), blank=True)
    funding = models.ManyToManyField(
        Term,
        related_name="services_funded",
        verbose_name=_("funded by"),
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.FUNDING},
    )
    capacity = models.PositiveIntegerField(_("capacity (units)"), null=True, blank=True)
    capacity_period = models.CharField(
        _("capacity period"), max_length=8, choices=CapacityPeriod.choices, blank=True
    )
    how_to_apply = models.TextField(_("how to apply"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ServiceStatus.choices, default=ServiceStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("status since"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [
            models.Index(fields=["centre", "status", "name"]),
            models.Index(fields=["status", "fee_kind"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(at_home=True) | Q(at_location=True) | Q(mobile=True) | Q(remote=True),
                name="service_has_a_delivery_mode",
                violation_error_message=_("Say how the service is delivered: at least one way."),
            ),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True)
                | Q(max_age__isnull=True)
                | Q(max_age__gte=F("min_age")),
                name="service_age_range_ordered",
                violation_error_message=_("The maximum age cannot be lower than the minimum age."),
            ),
            models.CheckConstraint(
                condition=Q(market_value__gte=0, resident_price__gte=0)
                & (
                    Q(fee_kind=FeeKind.FREE, resident_price=0)
                    | Q(
                        fee_kind=FeeKind.COFINANCED,
                        resident_price__gt=0,
                        resident_price__lt=F("market_value"),
                    )
                    | Q(fee_kind=FeeKind.PAID, resident_price=F("market_value"), market_value__gt=0)
                ),
                name="service_fee_matches_kind",
                violation_error_message=_(
                    "The price must fit the cost: free costs 0, co-financed costs less than the real "
                    "value, paid costs the real value."
                ),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True, capacity_period="")
                | Q(capacity__isnull=False) & ~Q(capacity_period=""),
                name="service_capacity_with_period",
                violation_error_message=_("Give the capacity together with its period."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def delivery_modes(self) -> list[str]:
        return [f for f in ("at_home", "at_location", "mobile", "remote") if getattr(self, f)]

    @property
    def delivery_labels(self) -> list[str]:
        return [str(DeliveryMode(mode).label) for mode in self.delivery_modes]

    @property
    def subsidy(self) -> Decimal:
        """What the public purse (or the provider) adds per unit."""
        return self.market_value - self.resident_price

    @property
    def provider_name(self) -> str:
        return self.provider.name if self.provider is not None else self.centre.name


class ServiceStatusChange(models.Model):
    CENTRE_LOOKUP = "service__centre"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("status"), max_length=12, choices=ServiceStatus.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["service", "at", "id"]
        verbose_name = _("service status change")
        verbose_name_plural = _("service status changes")

    def __str__(self):
        return f"{self.service}: {self.get_status_display()}"


class ServiceLocation(models.Model):
    """A service offered at a location (HSDS service_at_location)."""

    CENTRE_LOOKUP = "service__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_locations")
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="service_locations"
    )
    description = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["location__name"]
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="service_location_once")
        ]

    def __str__(self):
        return f"{self.service} @ {self.location.name}"

    def get_additional_data(self):
        return {"centre": str(self.service.centre_id)}


class Schedule(models.Model):
    """When a service is open: a weekly slot, at one of its locations or in general."""

    CENTRE_LOOKUP = "service__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    service_location = models.ForeignKey(
        ServiceLocation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
        verbose_name=_("at"),
    )
    weekday = models.CharField(_("day"), max_length=2, choices=Weekday.choices)
    opens_at = models.TimeField(_("from"))
    closes_at = models.TimeField(_("to"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["service", "weekday", "opens_at"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="schedule_closes_after_it_opens",
                violation_error_message=_("The closing time must be later than the opening time."),
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def get_additional_data(self):
        return {"centre": str(self.service.centre_id)}


class ServiceDocument(models.Model):
    """A document a resident needs to use the service (HSDS required_document)."""

    CENTRE_LOOKUP = "service__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=30, choices=RequiredDocument.choices)

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        constraints = [
            models.UniqueConstraint(fields=["service", "kind"], name="service_document_once")
        ]

    def __str__(self):
        return self.get_kind_display()


class CatalogueVersion(models.Model):
    """One row, raised by every write to the catalogue in the write's own transaction.

    Cached search results and open-data responses are keyed on it (``catalogue.cache``), so
    they are never served after the catalogue has changed, in any process.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("catalogue version")
        verbose_name_plural = _("catalogue version")

    def __str__(self):
        return str(self.value)


class SearchWord(models.Model):
    """The distinct terms of the index: the vocabulary a query word is matched against.

    Small (thousands of stems, whatever the number of services), so a fuzzy lookup over a
    range of it costs the same at 1k and at 100k services.
    """

    term = models.CharField(max_length=40, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.term


class SearchTerm(models.Model):
    """The search index: one row per (service, normalised stem), with a weight by field.

    Written by ``catalogue.search.index_service`` in the same transaction as the service.
    """

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=40)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "term"], name="search_term_once")]
        indexes = [models.Index(fields=["term", "service"])]

    def __str__(self):
        return f"{self.term} ({self.weight})"
