import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from opencus.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_own_profile_edit_is_saved_and_kept_in_history(client_for):
    user = UserFactory(first_name="Jan", phone="")
    response = client_for(user).post(
        reverse("accounts:profile"),
        {
            "first_name": "Janina",
            "last_name": user.last_name,
            "phone": "+48 600 100 200",
            "job_title": "Asystentka",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    user.refresh_from_db()
    assert (user.first_name, user.phone, user.preferred_language) == (
        "Janina",
        "+48 600 100 200",
        "en",
    )
    entry = (
        LogEntry.objects.get_for_object(user)
        .filter(action=LogEntry.Action.UPDATE)
        .latest("timestamp")
    )
    assert entry.actor == user
    assert entry.changes_dict["first_name"] == ["Jan", "Janina"]
    assert "password" not in entry.changes_dict


def test_own_profile_requires_names(client_for):
    user = UserFactory(first_name="Jan")
    response = client_for(user).post(
        reverse("accounts:profile"), {"first_name": "", "last_name": "", "preferred_language": "pl"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"first_name", "last_name"}
    user.refresh_from_db()
    assert user.first_name == "Jan"


def test_profile_needs_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
