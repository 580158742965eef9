import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from opencus.accounts import services
from opencus.accounts.models import Membership, User
from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory, UserFactory
from opencus.audit.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def _url(name, centre, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": centre.slug, **kwargs})


@pytest.mark.parametrize("role", ["front_desk", "ous", "kipus", "osl", "director"])
def test_every_centre_role_sees_the_staff_list(world, client_for, role):
    user = {
        "front_desk": world.front_desk,
        "ous": world.ous,
        "kipus": world.kipus,
        "osl": world.osl,
        "director": world.director,
    }[role]
    response = client_for(user).get(_url("staff_list", world.a))
    assert response.status_code == 200
    names = {member.pk for member, _ in response.context["rows"]}
    assert world.director.pk in names
    assert world.b_director.pk not in names  # another centre's staff never listed


def test_staff_list_filters_by_role_and_search(world, client_for):
    client = client_for(world.director)
    response = client.get(_url("staff_list", world.a), {"role": "kipus"})
    assert [m.pk for m, _ in response.context["rows"]] == [world.kipus.pk]
    response = client.get(_url("staff_list", world.a), {"q": world.osl.last_name})
    assert [m.pk for m, _ in response.context["rows"]] == [world.osl.pk]


def test_staff_list_ignores_bad_filter_values(world, client_for):
    response = client_for(world.director).get(
        _url("staff_list", world.a), {"role": "king", "page": "x"}
    )
    assert response.status_code == 200


def test_staff_list_htmx_returns_the_table_only(world, client_for):
    response = client_for(world.director).get(_url("staff_list", world.a), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="staff-table"' in response.content


def test_former_staff_are_listed_under_former(world, client_for):
    extra = MembershipFactory(centre=world.a, role=Role.OSL)
    services.membership_end(membership=extra, by=world.director)
    client = client_for(world.director)
    active = client.get(_url("staff_list", world.a)).context["rows"]
    former = client.get(_url("staff_list", world.a), {"state": "former"}).context["rows"]
    assert extra.user.pk not in {m.pk for m, _ in active}
    assert [m.pk for m, _ in former] == [extra.user.pk]


def test_staff_list_query_count_does_not_grow_with_staff(
    world, client_for, django_assert_max_num_queries
):
    client = client_for(world.director)
    with django_assert_max_num_queries(12):
        client.get(_url("staff_list", world.a))
    for _ in range(40):
        MembershipFactory(centre=world.a, role=Role.KIPUS)
    with django_assert_max_num_queries(12):
        response = client.get(_url("staff_list", world.a))
    assert len(response.context["rows"]) == 25


def test_reading_a_profile_is_recorded_in_the_access_log(world, client_for):
    response = client_for(world.kipus).get(_url("staff_detail", world.a, user_id=world.osl.pk))
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.actor, entry.centre, entry.subject_id) == (
        world.kipus,
        world.a,
        str(world.osl.pk),
    )
    assert entry.view_name == "centre:staff_detail"
    assert entry.purpose == "staff_admin"


def test_profile_shows_only_this_centres_roles(world, client_for):
    MembershipFactory(user=world.osl, centre=world.b, role=Role.OUS)
    response = client_for(world.director).get(_url("staff_detail", world.a, user_id=world.osl.pk))
    assert {m.centre_id for m in response.context["memberships"]} == {world.a.pk}


@pytest.mark.parametrize("role", ["front_desk", "ous", "kipus", "osl"])
def test_only_the_director_manages_staff(world, client_for, role):
    user = getattr(world, role)
    client = client_for(user)
    assert client.get(_url("staff_add", world.a)).status_code == 403
    assert client.get(_url("staff_edit", world.a, user_id=world.osl.pk)).status_code == 403
    membership = Membership.objects.get(user=world.osl, centre=world.a)
    assert (
        client.post(_url("membership_end", world.a, membership_id=membership.pk)).status_code == 403
    )


def test_director_edits_a_profile_and_the_history_keeps_it(world, client_for):
    response = client_for(world.director).post(
        _url("staff_edit", world.a, user_id=world.osl.pk),
        {"first_name": "Ola", "last_name": world.osl.last_name, "phone": "123", "job_title": "OSL"},
    )
    assert response.status_code == 302
    world.osl.refresh_from_db()
    assert world.osl.first_name == "Ola"
    entry = LogEntry.objects.get_for_object(world.osl).latest("timestamp")
    assert entry.actor == world.director
    assert entry.changes_dict["first_name"][1] == "Ola"


def test_director_edit_with_empty_name_saves_nothing(world, client_for):
    before = world.osl.first_name
    response = client_for(world.director).post(
        _url("staff_edit", world.a, user_id=world.osl.pk), {"first_name": "", "last_name": "X"}
    )
    assert response.status_code == 200
    assert "first_name" in response.context["form"].errors
    world.osl.refresh_from_db()
    assert world.osl.first_name == before


def test_director_adds_a_new_person_who_gets_a_set_password_email(
    world, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.director).post(
            _url("staff_add", world.a),
            {
                "email": "Nowa.Osoba@opencus.example",
                "first_name": "Nowa",
                "last_name": "Osoba",
                "role": "ous",
            },
        )
    user = User.objects.get(email="nowa.osoba@opencus.example")
    assert response.status_code == 302
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).role == Role.OUS
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_adding_a_person_with_an_account_elsewhere_gives_them_a_role_here(world, client_for):
    response = client_for(world.director).post(
        _url("staff_add", world.a),
        {"email": world.b_kipus.email, "first_name": "x", "last_name": "y", "role": "kipus"},
    )
    assert response.status_code == 302
    assert set(
        Membership.objects.filter(user=world.b_kipus).values_list("centre__slug", flat=True)
    ) == {"alfa", "beta"}
    world.b_kipus.refresh_from_db()
    assert world.b_kipus.first_name != "x"  # an existing profile is not overwritten
    assert mail.outbox == []


def test_adding_the_same_role_twice_is_refused(world, client_for):
    response = client_for(world.director).post(
        _url("staff_add", world.a),
        {"email": world.kipus.email, "first_name": "a", "last_name": "b", "role": "kipus"},
    )
    assert response.status_code == 200
    assert "role" in response.context["form"].errors


def test_adding_a_network_role_in_a_centre_is_refused(world, client_for):
    response = client_for(world.director).post(
        _url("staff_add", world.a),
        {"email": "x@opencus.example", "first_name": "a", "last_name": "b", "role": "analyst"},
    )
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not User.objects.filter(email="x@opencus.example").exists()


def test_adding_with_a_bad_email_keeps_what_was_typed(world, client_for):
    response = client_for(world.director).post(
        _url("staff_add", world.a),
        {"email": "zly-adres", "first_name": "Zofia", "last_name": "K", "role": "osl"},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert b'value="Zofia"' in response.content


def test_ending_a_role_asks_for_confirmation_then_ends_it(world, client_for):
    membership = Membership.objects.get(user=world.osl, centre=world.a)
    client = client_for(world.director)
    response = client.get(_url("membership_end", world.a, membership_id=membership.pk))
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.ended_on is None
    response = client.post(
        _url("membership_end", world.a, membership_id=membership.pk),
        {"ended_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.ended_on == timezone.localdate()
    assert membership.ended_by == world.director
    # The ended role no longer opens the centre.
    assert client_for(world.osl).get(_url("dashboard", world.a)).status_code == 404


def test_ending_a_role_in_the_future_is_refused(world, client_for):
    membership = Membership.objects.get(user=world.osl, centre=world.a)
    response = client_for(world.director).post(
        _url("membership_end", world.a, membership_id=membership.pk),
        {"ended_on": (timezone.localdate() + dt.timedelta(days=3)).isoformat()},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ended_on"] == [str(services.MSG_END_IN_FUTURE)]


def test_the_last_director_cannot_be_ended(world, client_for):
    membership = Membership.objects.get(user=world.director, centre=world.a)
    response = client_for(world.director).post(
        _url("membership_end", world.a, membership_id=membership.pk),
        {"ended_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert str(services.MSG_LAST_DIRECTOR) in response.context["form"].non_field_errors()
    membership.refresh_from_db()
    assert membership.ended_on is None


def test_a_director_can_be_ended_when_another_remains(world, client_for):
    second = MembershipFactory(centre=world.a, role=Role.DIRECTOR)
    ended = services.membership_end(membership=second, by=world.director)
    assert ended.ended_on == timezone.localdate()


def test_ending_an_ended_role_is_refused(world):
    membership = Membership.objects.get(user=world.osl, centre=world.a)
    services.membership_end(membership=membership, by=world.director)
    with pytest.raises(services.ValidationError):
        services.membership_end(membership=membership, by=world.director)


def test_staff_member_of_another_centre_is_not_found_here(world, client_for):
    response = client_for(world.director).get(
        _url("staff_detail", world.a, user_id=UserFactory().pk)
    )
    assert response.status_code == 404


def test_current_role_filter_ignores_ended_roles_of_that_kind(world, client_for):
    # The OUS once was a KIPUS here: "current KIPUS" must not list them.
    old = MembershipFactory(user=world.ous, centre=world.a, role=Role.KIPUS)
    services.membership_end(membership=old, by=world.director)
    rows = (
        client_for(world.director)
        .get(_url("staff_list", world.a), {"role": "kipus"})
        .context["rows"]
    )
    assert [m.pk for m, _ in rows] == [world.kipus.pk]
