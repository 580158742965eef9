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
