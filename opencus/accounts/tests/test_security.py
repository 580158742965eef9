"""The refusals the code review asked for: no account takeover, no superuser short-cut,
no unlogged reads, mail that cannot break a saved write."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from opencus.accounts import services
from opencus.accounts.models import Membership
from opencus.accounts.roles import Role
from opencus.accounts.rules import can
from opencus.accounts.tests.factories import MembershipFactory, UserFactory
from opencus.audit.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def _url(name, centre, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": centre.slug, **kwargs})


def _add(client, centre, email, role="kipus"):
    return client.post(
        _url("staff_add", centre),
        {"email": email, "first_name": "Jan", "last_name": "Kowalski", "role": role},
    )


def test_adding_an_existing_account_does_not_reveal_its_name(
    world, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.director).post(
            _url("staff_add", world.a),
            {
                "email": world.b_director.email,
                "first_name": "Jan",
                "last_name": "Kowalski",
                "role": "ous",
            },
            follow=True,
        )
    text = response.content.decode()
    assert world.b_director.email in text
    assert world.b_director.last_name not in next(m.message for m in response.context["messages"])


def test_the_person_is_told_about_a_new_role(world, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _add(client_for(world.director), world.a, world.b_director.email, role="ous")
    assert [m.to for m in mail.outbox] == [[world.b_director.email]]
    assert world.a.name in mail.outbox[0].body


def test_a_director_cannot_edit_the_profile_of_someone_who_works_elsewhere_too(world, client_for):
    MembershipFactory(user=world.b_kipus, centre=world.a, role=Role.OUS)
    client = client_for(world.director)
    url = _url("staff_edit", world.a, user_id=world.b_kipus.pk)
    response = client.post(url, {"first_name": "Przejęty", "last_name": "X"})
    assert response.status_code == 302
    world.b_kipus.refresh_from_db()
    assert world.b_kipus.first_name != "Przejęty"
    detail = client.get(_url("staff_detail", world.a, user_id=world.b_kipus.pk))
    assert detail.context["can_edit_profile"] is False


def test_the_service_refuses_a_shared_profile_too(world):
    MembershipFactory(user=world.b_kipus, centre=world.a, role=Role.OUS)
    with pytest.raises(services.ValidationError):
        services.user_update_profile(
            user=world.b_kipus, by=world.director, centre=world.a, phone="1"
        )
    with pytest.raises(services.ValidationError):
        services.user_update_profile(
            user=world.osl, by=world.director, phone="1"
        )  # no centre given


def test_opening_the_edit_form_is_a_logged_read(world, client_for):
    client_for(world.director).get(_url("staff_edit", world.a, user_id=world.osl.pk))
    assert AccessLogEntry.objects.get().subject_id == str(world.osl.pk)


def test_a_superuser_with_one_role_gets_only_that_roles_rights(world, client_for):
    boss = UserFactory(is_superuser=True, is_staff=True)
    MembershipFactory(user=boss, centre=world.a, role=Role.KIPUS)
    assert not can(boss, "centre.manage_staff", world.a)
    client = client_for(boss)
    assert client.get(_url("access_log", world.a)).status_code == 403
    nav = client.get(_url("dashboard", world.a)).context["nav_items"]
    assert _url("access_log", world.a) not in [i["url"] for i in nav]


def test_a_failing_mail_server_does_not_break_a_saved_role(
    world, client_for, django_capture_on_commit_callbacks
):
    with (
        mock.patch("opencus.accounts.notifications.send_mail", side_effect=OSError("SMTP down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = _add(client_for(world.director), world.a, "nowa@opencus.example")
    assert response.status_code == 302
    assert Membership.objects.filter(user__email="nowa@opencus.example").exists()


def test_an_invited_person_can_ask_for_a_new_link(
    world, client, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _add(client_for(world.director), world.a, "zaproszona@opencus.example")
    mail.outbox.clear()
    client.post(reverse("accounts:password_reset"), {"email": "zaproszona@opencus.example"})
    assert len(mail.outbox) == 1


def test_an_admin_reading_a_staff_profile_shows_in_the_centres_log(world, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.get(reverse("admin:accounts_user_change", args=[world.osl.pk]))
    assert list(AccessLogEntry.objects.values_list("centre", flat=True)) == [world.a.pk]
