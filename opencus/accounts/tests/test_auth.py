import re

import pytest
from django.core import mail
from django.urls import reverse

from opencus.accounts.tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_login_with_email_and_password_lands_on_the_context_dashboard(client):
    membership = MembershipFactory()
    response = client.post(
        reverse("accounts:login"),
        {"username": membership.user.email.upper(), "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(
        "centre:dashboard", kwargs={"centre_slug": membership.centre.slug}
    )


def test_login_with_a_wrong_password_shows_an_error_and_no_session(client):
    user = UserFactory()
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": "zle"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_login_with_an_invalid_email_is_a_field_error(client):
    response = client.post(reverse("accounts:login"), {"username": "not-an-email", "password": "x"})
    assert response.status_code == 200
    assert "username" in response.context["form"].errors


def test_repeated_failures_lock_the_login(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory()
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "zle"})
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_ignores_the_case_of_the_address(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    user = UserFactory(email="anna@opencus.example")
    client.post(reverse("accounts:login"), {"username": "ANNA@opencus.example", "password": "zle"})
    client.post(reverse("accounts:login"), {"username": "Anna@opencus.example", "password": "zle"})
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 429


def test_logout_needs_post(client_for):
    client = client_for(UserFactory())
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_user_without_roles_lands_on_my_matters_and_sees_no_contexts(client_for):
    """Without a staff role an account is a resident's: their own matters come first."""
    client = client_for(UserFactory())
    response = client.get(reverse("dashboard:home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("residents:home")
    assert client.get(reverse("dashboard:contexts")).context["contexts"] == []


def test_password_reset_sends_a_working_link(client):
    user = UserFactory(email="reset@opencus.example")
    response = client.post(reverse("accounts:password_reset"), {"email": "reset@opencus.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert response.context["validlink"]
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Nowe-Haslo-2026!", "new_password2": "Nowe-Haslo-2026!"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nowe-Haslo-2026!")


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nikt@opencus.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_with_a_bad_token_says_the_link_is_invalid(client):
    url = reverse(
        "accounts:password_reset_confirm", kwargs={"uidb64": "MTIz", "token": "bad-token"}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["validlink"] is False


def test_password_change_rejects_a_short_password(client_for):
    user = UserFactory()
    response = client_for(user).post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "krotkie", "new_password2": "krotkie"},
    )
    assert response.status_code == 200
    assert "new_password2" in response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_works(client_for):
    user = UserFactory()
    response = client_for(user).post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Nowe-Haslo-2026!",
            "new_password2": "Nowe-Haslo-2026!",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nowe-Haslo-2026!")
