import csv
import io

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from opencus.accounts import services
from opencus.territory.services import centre_update

pytestmark = pytest.mark.django_db


def _url(name, centre):
    return reverse(f"centre:{name}", kwargs={"centre_slug": centre.slug})


def test_profile_edit_appears_in_the_centre_history(world, client_for):
    services.user_update_profile(
        user=world.osl, by=world.director, centre=world.a, phone="+48 111 222 333"
    )
    response = client_for(world.director).get(_url("change_history", world.a))
    rows = response.context["rows"]
    entry, changes = next((e, c) for e, c in rows if e.object_pk == str(world.osl.pk))
    assert entry.actor == world.director
    assert any(c["new"] == "+48 111 222 333" for c in changes)


def test_centre_edit_appears_in_its_history_but_not_in_another_centres(world, client_for):
    centre_update(centre=world.b, by=world.b_director, phone="+48 999")
    centre_update(centre=world.a, by=world.director, phone="+48 111")
    rows = client_for(world.director).get(_url("change_history", world.a)).context["rows"]
    centre_entries = [e for e, _ in rows if e.content_type.model == "centre"]
    assert {e.object_pk for e in centre_entries} == {str(world.a.pk)}


def test_change_history_filters_by_action_and_actor(world, client_for):
    services.user_update_profile(user=world.osl, by=world.director, centre=world.a, phone="1")
    client = client_for(world.director)
    rows = client.get(
        _url("change_history", world.a),
        {"action": LogEntry.Action.UPDATE, "actor": world.director.last_name},
    ).context["rows"]
    assert rows
    assert all(e.action == LogEntry.Action.UPDATE and e.actor == world.director for e, _ in rows)
    response = client.get(_url("change_history", world.a), {"action": "not-a-number"})
    assert response.status_code == 200


def test_change_history_csv(world, client_for):
    services.user_update_profile(
        user=world.osl, by=world.director, centre=world.a, job_title="Animatorka"
    )
    response = client_for(world.director).get(_url("change_history_csv", world.a))
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0] == ["when", "who", "record_type", "record_id", "record", "change", "fields"]
    assert any("Animatorka" in row[6] for row in rows[1:])


def test_change_history_query_count_is_fixed(world, client_for, django_assert_max_num_queries):
    client = client_for(world.director)
    with django_assert_max_num_queries(14):
        client.get(_url("change_history", world.a))
    for i in range(40):
        services.user_update_profile(
            user=world.osl, by=world.director, centre=world.a, phone=str(i)
        )
    with django_assert_max_num_queries(14):
        client.get(_url("change_history", world.a))


def test_a_centre_sees_only_changes_made_while_the_person_worked_there(world, client_for):
    from opencus.accounts.roles import Role
    from opencus.accounts.tests.factories import MembershipFactory

    # Changed while working only in B: none of A's business.
    services.user_update_profile(user=world.b_kipus, by=world.b_kipus, phone="B-era")
    MembershipFactory(user=world.b_kipus, centre=world.a, role=Role.OUS)
    # Changed while working in A and B: both may see it.
    services.user_update_profile(user=world.b_kipus, by=world.b_kipus, phone="A-and-B-era")
    rows = client_for(world.director).get(_url("change_history", world.a)).context["rows"]
    phones = [
        c["new"] for e, changes in rows if e.object_pk == str(world.b_kipus.pk) for c in changes
    ]
    assert "A-and-B-era" in phones
    assert "B-era" not in phones


def test_viewing_the_history_and_exporting_are_logged_reads(world, client_for):
    from opencus.audit.models import AccessLogEntry

    client = client_for(world.director)
    client.get(_url("change_history", world.a))
    b"".join(client.get(_url("change_history_csv", world.a)).streaming_content)
    b"".join(client.get(_url("access_log_csv", world.a)).streaming_content)
    purposes = sorted(
        AccessLogEntry.objects.filter(centre=world.a).values_list("purpose", flat=True)
    )
    assert purposes == ["audit", "export", "export"]
