"""People the centre serves: residents, their relatives and carers.

Personal data of a centre (tenant). Every read is in the access log (audit), every change
in the history (django-auditlog). Special-category data (health, disability) live in their
own table, each row with the legal basis and the purpose it is held for.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from opencus.core.text import fold
from opencus.people.enums import (
    ConsentForm,
    ConsentPurpose,
    DisabilityDegree,
    Language,
    LegalBasis,
    RelationKind,
    Sex,
    SpecialCategoryBasis,
)
from opencus.people.validators import validate_pesel
from opencus.territory.models import Centre, Gmina
from opencus.territory.validators import validate_postal_code


class PersonQuerySet(models.QuerySet):
    def current(self):
        """People not merged into another record."""
        return self.filter(merged_into__isnull=True)


class Person(models.Model):
    CENTRE_LOOKUP = "centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    centre = models.ForeignKey(
        Centre, on_delete=models.PROTECT, related_name="people", verbose_name=_("centre")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    # The names folded to lowercase ASCII (``save`` keeps it), so "Wojcik" finds "Wójcik".
    search_name = models.CharField(max_length=201, editable=False, blank=True, default="")
    pesel = models.CharField(
        _("PESEL"),
        max_length=11,
        blank=True,
        validators=[validate_pesel],
        help_text=_("Optional: a foreigner without PESEL is registered with the birth date."),
    )
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"), max_length=6, blank=True, validators=[validate_postal_code]
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    gmina = models.ForeignKey(
        Gmina,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gmina of residence"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=4, choices=Language.choices, default=Language.PL
    )
    needs_sign_language = models.BooleanField(_("needs a sign language interpreter"), default=False)
    needs_easy_to_read = models.BooleanField(_("needs easy-to-read texts"), default=False)
    needs_large_print = models.BooleanField(_("needs large print"), default=False)
    accessibility_notes = models.TextField(_("other communication or access needs"), blank=True)
    legal_basis = models.CharField(
        _("legal basis for processing"),
        max_length=10,
        choices=LegalBasis.choices,
        default=LegalBasis.PUBLIC_TASK,
    )
    processing_purpose = models.CharField(
        _("purpose of processing"),
        max_length=300,
        default="Realizacja usług społecznych (ustawa o realizowaniu usług społecznych przez CUS)",
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_records",
        verbose_name=_("merged into"),
    )
    merged_at = models.DateTimeField(_("merged at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            models.Index(fields=["centre", "last_name", "first_name"]),
            models.Index(fields=["centre", "birth_date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "pesel"],
                condition=~Q(pesel="") & Q(merged_into__isnull=True),
                name="person_pesel_once_per_centre",
                violation_error_message=_(
                    "A person with this PESEL is already registered in the centre."
                ),
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True, merged_at__isnull=True)
                | Q(merged_into__isnull=False, merged_at__isnull=False),
                name="person_merged_into_with_date",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=F("id")) | Q(merged_into__isnull=True),
                name="person_not_merged_into_itself",
            ),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def save(self, *args, **kwargs):
        self.search_name = fold(f"{self.first_name} {self.last_name}")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    def get_additional_data(self):
        return {"centre": str(self.centre_id)}

    @property
    def age(self) -> int | None:
        from django.utils import timezone

        if not self.birth_date:
            return None
        today = timezone.localdate()
        return (
            today.year
            - self.birth_date.year
            - ((today.month, today.day) < (self.birth_date.month, self.birth_date.day))
        )


class Relation(models.Model):
    """Who acts for or lives with the person: ``other`` is the representative, carer or member."""

    CENTRE_LOOKUP = "person__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relations")
    other = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="relations_as_other", verbose_name=_("who")
    )
    kind = models.CharField(_("relation"), max_length=24, choices=RelationKind.choices)
    evidence = models.CharField(
        _("evidence"),
        max_length=300,
        blank=True,
        help_text=_("E.g. court decision number for a legal representative."),
    )
    started_on = models.DateField(_("since"))
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["person", "kind", "started_on"]
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(person=F("other")),
                name="relation_not_with_oneself",
                violation_error_message=_("A person cannot be related to themselves."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="relation_ends_after_start",
                violation_error_message=_("A relation cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["person", "other", "kind"],
                condition=Q(ended_on__isnull=True),
                name="relation_active_once",
                violation_error_message=_("This relation is already recorded."),
            ),
        ]

    def __str__(self):
        return f"{self.other} – {self.get_kind_display()} – {self.person}"

    def get_additional_data(self):
        return {"centre": str(self.person.centre_id)}


class Consent(models.Model):
    CENTRE_LOOKUP = "person__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=24, choices=ConsentPurpose.choices)
    form = models.CharField(_("form"), max_length=12, choices=ConsentForm.choices)
    given_at = models.DateTimeField(_("given"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["person", "-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("given_at")),
                name="consent_withdrawn_after_given",
                violation_error_message=_("A consent cannot be withdrawn before it was given."),
            ),
            models.UniqueConstraint(
                fields=["person", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="consent_active_once",
                violation_error_message=_("This consent is already given."),
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_purpose_display()}"

    def get_additional_data(self):
        return {"centre": str(self.person.centre_id)}

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class DisabilityCertificate(models.Model):
    """A disability certificate (orzeczenie): special-category data, held for a stated purpose."""

    CENTRE_LOOKUP = "person__centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="disability_certificates"
    )
    degree = models.CharField(_("degree"), max_length=12, choices=DisabilityDegree.choices)
    symbol = models.CharField(
        _("cause symbol"), max_length=20, blank=True, help_text=_("E.g. 05-R.")
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: permanent.")
    )
    legal_basis = models.CharField(
        _("legal basis (RODO art. 9)"), max_length=10, choices=SpecialCategoryBasis.choices
    )
    held_for = models.CharField(
        _("why the centre holds it"),
        max_length=300,
        help_text=_("E.g. eligibility for services for people with disabilities."),
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["person", "-recorded_at"]
        verbose_name = _("disability certificate")
        verbose_name_plural = _("disability certificates")

    def __str__(self):
        return f"{self.person}: {self.get_degree_display()}"

    def get_additional_data(self):
        return {"centre": str(self.person.centre_id)}
