import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencus.accounts.roles import (
    CENTRE_ROLES,
    NETWORK_ROLES,
    ORGANISATION_ROLES,
    ContextKind,
    Role,
)
from opencus.providers.models import Organisation
from opencus.territory.models import Centre, Network


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who signs in: staff of a centre, of a provider, or of a network; or an admin.

    Signs in with the e-mail address. The profile is personal data: reads are logged,
    changes kept in history.
    """

    CENTRE_LOOKUP = "memberships__centre"
    PERSONAL_DATA = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    username = None  # type: ignore[assignment]  # signs in with the e-mail address
    email = models.EmailField(_("e-mail address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    phone = models.CharField(_("work phone"), max_length=40, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="pl"
    )
    is_demo = models.BooleanField(_("demo account"), default=False)
    # Residents sign up themselves; staff accounts are created by a director (and invited).
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()  # type: ignore[assignment,misc]  # e-mail based, unlike auth.UserManager

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    def get_additional_data(self):
        """For the history: the centres the person works in when the change is made.

        Stored as ``|id|id|`` text so a centre can find its staff's changes with a portable
        ``icontains`` (SQLite has no JSON containment), and sees none from before or after
        the person worked there.
        """
        if self._state.adding or self.pk is None:
            return None
        centres = (
            Membership.objects.active()
            .filter(user=self, centre__isnull=False)
            .values_list("centre_id", flat=True)
        )
        return {"centres": "|" + "|".join(sorted(str(pk) for pk in centres)) + "|"}


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_on__isnull=True)


class Membership(models.Model):
    """A user's role in one context: a centre, a provider organisation or a network."""

    CENTRE_LOOKUP = "centre"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    centre = models.ForeignKey(
        Centre,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("centre"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("network"),
    )
    started_on = models.DateField(_("since"), default=timezone.localdate)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # Exactly one context, and a role that belongs to that kind of context.
            models.CheckConstraint(
                condition=(
                    Q(
                        centre__isnull=False,
                        organisation__isnull=True,
                        network__isnull=True,
                        role__in=sorted(CENTRE_ROLES),
                    )
                    | Q(
                        centre__isnull=True,
                        organisation__isnull=False,
                        network__isnull=True,
                        role__in=sorted(ORGANISATION_ROLES),
                    )
                    | Q(
                        centre__isnull=True,
                        organisation__isnull=True,
                        network__isnull=False,
                        role__in=sorted(NETWORK_ROLES),
                    )
                ),
                name="membership_one_context_matching_role",
                violation_error_message=_(
                    "A role belongs to exactly one place: a centre role to a centre, provider "
                    "staff to an organisation, an analyst to a network."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="membership_ends_after_start",
                violation_error_message=_("A role cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "centre"],
                condition=Q(ended_on__isnull=True, centre__isnull=False),
                name="membership_active_centre_role_once",
                violation_error_message=_("This person already holds this role here."),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                condition=Q(ended_on__isnull=True, organisation__isnull=False),
                name="membership_active_organisation_role_once",
                violation_error_message=_("This person already holds this role here."),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "network"],
                condition=Q(ended_on__isnull=True, network__isnull=False),
                name="membership_active_network_role_once",
                violation_error_message=_("This person already holds this role here."),
            ),
        ]
        indexes = [
            models.Index(fields=["centre", "ended_on"]),
            models.Index(fields=["user", "ended_on"]),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.context}"

    @property
    def context(self) -> "Centre | Organisation | Network":
        context = self.centre or self.organisation or self.network
        assert context is not None  # the check constraint guarantees exactly one
        return context

    @property
    def context_kind(self) -> str:
        if self.centre_id:
            return ContextKind.CENTRE
        if self.organisation_id:
            return ContextKind.ORGANISATION
        return ContextKind.NETWORK

    @property
    def is_active(self) -> bool:
        return self.ended_on is None

    def get_additional_data(self):
        return {"centre": str(self.centre_id)} if self.centre_id else None
