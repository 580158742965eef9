import pytest
from django.urls import reverse

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.territory.enums import CentreStatus
from opencus.territory.tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def test_home_for_visitors_is_the_portal(world, client):
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert len(response.context["areas"]) == 14


def test_home_sends_a_signed_in_user_to_the_last_context(world, client_for):
    MembershipFactory(user=world.kipus, centre=world.b, role=Role.OSL)
    client = client_for(world.kipus)
    client.get(reverse("centre:dashboard", kwargs={"centre_slug": world.b.slug}))
    response = client.get(reverse("dashboard:home"))
    assert response["Location"] == reverse("centre:dashboard", kwargs={"centre_slug": world.b.slug})


def test_context_chooser_lists_every_role(world, client_for):
    MembershipFactory(user=world.kipus, centre=world.b, role=Role.OSL)
    response = client_for(world.kipus).get(reverse("dashboard:contexts"))
    contexts = {(c.obj.slug, c.roles) for c in response.context["contexts"]}
    assert contexts == {("alfa", ("kipus",)), ("beta", ("osl",))}


def test_centre_dashboard_figures(world, client_for):
    response = client_for(world.director).get(
        reverse("centre:dashboard", kwargs={"centre_slug": "alfa"})
    )
    figures = response.context["figures"]
    assert figures["staff_total"] == 5
    assert dict(figures["staff_by_role"])[Role.KIPUS.label] == 1
    assert figures["population"] == 12000
    assert figures["days_operating"] > 0
    assert response.context["can_see_logs"] is True


def test_navigation_shows_only_what_the_role_may_do(world, client_for):
    director_nav = (
        client_for(world.director)
        .get(reverse("centre:dashboard", kwargs={"centre_slug": "alfa"}))
        .context["nav_items"]
    )
    kipus_nav = (
        client_for(world.kipus)
        .get(reverse("centre:dashboard", kwargs={"centre_slug": "alfa"}))
        .context["nav_items"]
    )
    access_log = reverse("centre:access_log", kwargs={"centre_slug": "alfa"})
    assert access_log in [item["url"] for item in director_nav]
    assert access_log not in [item["url"] for item in kipus_nav]
    assert next(i["current"] for i in kipus_nav) is True


def test_centre_dashboard_query_count_is_fixed(world, client_for, django_assert_max_num_queries):
    client = client_for(world.director)
    url = reverse("centre:dashboard", kwargs={"centre_slug": "alfa"})
    with django_assert_max_num_queries(20):
        client.get(url)
    for _ in range(30):
        MembershipFactory(centre=world.a, role=Role.OUS)
    with django_assert_max_num_queries(20):
        client.get(url)


def test_network_dashboard_counts_centres_by_status(
    world, client_for, django_assert_max_num_queries
):
    planned = CentreFactory(status=CentreStatus.BEING_CREATED, planned_opening_on="2027-01-01")
    world.network.centres.add(planned)
    client = client_for(world.analyst)
    url = reverse("network:dashboard", kwargs={"network_slug": world.network.slug})
    with django_assert_max_num_queries(15):
        response = client.get(url)
    figures = response.context["figures"]
    assert figures["centres_total"] == 3
    assert {key: n for _label, key, n in figures["by_status"]}["operating"] == 2
    timeline = {row["year"]: row for row in figures["timeline"]}
    assert timeline[2024]["operating"] == 0
    assert timeline[2025]["operating"] == 2
    assert timeline[2026]["expected"] == 3
    for _ in range(20):
        world.network.centres.add(CentreFactory())
    with django_assert_max_num_queries(15):
        client.get(url)


def test_network_dashboard_shows_no_personal_data(world, client_for):
    response = client_for(world.analyst).get(
        reverse("network:dashboard", kwargs={"network_slug": world.network.slug})
    )
    body = response.content.decode()
    for person in (world.director, world.kipus, world.b_director):
        assert person.email not in body
        assert person.last_name not in body


def test_organisation_dashboard_lists_its_people(world, client_for):
    response = client_for(world.provider).get(
        reverse("organisation:dashboard", kwargs={"organisation_slug": "partner"})
    )
    assert [m.user for m in response.context["figures"]["staff"]] == [world.provider]


def test_network_timeline_counts_closed_centres_out(world, client_for):
    import datetime as dt

    from opencus.territory.services import centre_change_status

    centre_change_status(
        centre=world.b,
        by=world.b_director,
        status=CentreStatus.CLOSED,
        effective_on=dt.date(2026, 3, 1),
    )
    url = reverse("network:dashboard", kwargs={"network_slug": world.network.slug})
    timeline = {
        row["year"]: row
        for row in client_for(world.analyst).get(url).context["figures"]["timeline"]
    }
    assert timeline[2025]["operating"] == 2
    assert timeline[2026]["operating"] == 1
