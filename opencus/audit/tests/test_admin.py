import pytest
from django.urls import reverse

from opencus.accounts.tests.factories import UserFactory
from opencus.audit.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_reading_a_user_is_logged(admin_client_):
    person = UserFactory()
    response = admin_client_.get(reverse("admin:accounts_user_change", args=[person.pk]))
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get()
    assert entry.subject_id == str(person.pk)
    assert entry.purpose == "audit"


def test_access_log_cannot_be_edited_in_the_admin(admin_client_, world):
    assert admin_client_.get(reverse("admin:audit_accesslogentry_add")).status_code == 403


@pytest.mark.parametrize(
    "name",
    [
        "accounts_user",
        "accounts_membership",
        "territory_centre",
        "territory_gmina",
        "territory_network",
        "territory_intermunicipalagreement",
        "providers_organisation",
        "audit_accesslogentry",
    ],
)
def test_admin_lists_open(admin_client_, world, name):
    assert admin_client_.get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_staff_without_admin_flag_cannot_open_the_admin(client, world):
    client.force_login(world.director)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_admin_creates_a_user(admin_client_):
    from opencus.accounts.models import User

    response = admin_client_.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Nowy@opencus.example",
            "first_name": "Nowy",
            "last_name": "Pracownik",
            "password1": "Bardzo-Tajne-2026",
            "password2": "Bardzo-Tajne-2026",
            "usable_password": "true",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.get(email="nowy@opencus.example").check_password("Bardzo-Tajne-2026")


def test_admin_membership_with_a_role_of_another_context_is_a_form_error(admin_client_, world):
    from opencus.accounts.models import Membership

    before = Membership.objects.count()
    response = admin_client_.post(
        reverse("admin:accounts_membership_add"),
        {
            "user": world.nobody.pk,
            "role": "kipus",
            "organisation": world.organisation.pk,
            "started_on": "2026-01-01",
        },
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    message = str(Membership._meta.constraints[0].violation_error_message)
    assert message in form.non_field_errors()
    assert Membership.objects.count() == before


def _centre_post(gminas, mode="intermunicipal", seat=None, slug="nowe"):
    return {
        "name": "CUS Nowe",
        "slug": slug,
        "seat_gmina": seat or gminas[0].code,
        "gminas": [g.code for g in gminas],
        "creation_mode": mode,
        "status": "planned",
        "status_since": "2026-01-01",
        "performs_social_assistance": "on",
        "status_changes-TOTAL_FORMS": "0",
        "status_changes-INITIAL_FORMS": "0",
    }


def test_admin_centre_must_fit_its_creation_mode(admin_client_, world):
    from opencus.territory.models import Centre

    response = admin_client_.post(
        reverse("admin:territory_centre_add"), _centre_post([world.a.seat_gmina])
    )
    assert response.status_code == 200
    assert "gminas" in response.context["adminform"].form.errors
    assert not Centre.objects.filter(slug="nowe").exists()


def test_admin_centre_is_created_with_its_first_status(admin_client_, world):
    from opencus.territory.models import Centre

    response = admin_client_.post(
        reverse("admin:territory_centre_add"),
        _centre_post([world.a.seat_gmina, world.b.seat_gmina]),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    centre = Centre.objects.get(slug="nowe")
    assert list(centre.status_changes.values_list("status", "effective_on")) == [
        ("planned", centre.status_since)
    ]
    assert centre.gminas.count() == 2
