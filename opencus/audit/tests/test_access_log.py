import csv
import datetime as dt
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from opencus.accounts.models import User
from opencus.audit.models import AccessLogEntry, AccessPurpose
from opencus.audit.services import access_log_record

pytestmark = pytest.mark.django_db


def _url(name, centre):
    return reverse(f"centre:{name}", kwargs={"centre_slug": centre.slug})


def _read(client, world, member):
    return client.get(
        reverse("centre:staff_detail", kwargs={"centre_slug": world.a.slug, "user_id": member.pk})
    )


def test_access_log_record_keeps_who_whose_where_and_why(world):
    request = RequestFactory().get("/c/alfa/staff/x/", REMOTE_ADDR="10.0.0.7")
    request.user = world.director
    entry = access_log_record(
        request=request,
        subject=world.osl,
        centre=world.a,
        purpose=AccessPurpose.AUDIT,
        fields="e-mail",
    )
    assert entry.actor_label.endswith(f"<{world.director.email}>")
    assert (entry.subject_label, entry.ip_address, entry.path) == (
        str(world.osl),
        "10.0.0.7",
        "/c/alfa/staff/x/",
    )


def test_the_director_sees_the_reads_of_their_centre_only(world, client_for):
    _read(client_for(world.kipus), world, world.osl)
    AccessLogEntry.objects.create(
        actor=world.b_director,
        actor_label="b",
        centre=world.b,
        subject_type_id=1,
        subject_id="1",
        subject_label="someone in B",
        purpose=AccessPurpose.CASE_HANDLING,
        view_name="x",
        path="/x",
    )
    response = client_for(world.director).get(_url("access_log", world.a))
    assert response.status_code == 200
    labels = [e.subject_label for e in response.context["page"].object_list]
    assert labels == [str(world.osl)]


@pytest.mark.parametrize("role", ["front_desk", "ous", "kipus", "osl"])
def test_other_roles_cannot_see_the_logs(world, client_for, role):
    client = client_for(getattr(world, role))
    for name in ("access_log", "access_log_csv", "change_history", "change_history_csv"):
        assert client.get(_url(name, world.a)).status_code == 403


def test_access_log_filters(world, client_for):
    _read(client_for(world.kipus), world, world.osl)
    _read(client_for(world.ous), world, world.front_desk)
    client = client_for(world.director)
    rows = (
        client.get(_url("access_log", world.a), {"actor": world.ous.email.upper()})
        .context["page"]
        .object_list
    )
    assert [e.subject_id for e in rows] == [str(world.front_desk.pk)]
    rows = (
        client.get(_url("access_log", world.a), {"subject": world.osl.last_name})
        .context["page"]
        .object_list
    )
    assert [e.subject_id for e in rows] == [str(world.osl.pk)]
    choices = client.get(_url("access_log", world.a)).context["form"].fields["subject_type"].choices
    user_type = str(ContentType.objects.get_for_model(User).pk)
    assert user_type in [pk for pk, _label in choices]  # every model with PERSONAL_DATA = True
    rows = (
        client.get(_url("access_log", world.a), {"subject_type": user_type})
        .context["page"]
        .object_list
    )
    assert len(rows) == 2
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    rows = (
        client.get(_url("access_log", world.a), {"date_from": tomorrow}).context["page"].object_list
    )
    assert list(rows) == []


def test_access_log_reversed_dates_are_a_field_error_not_a_500(world, client_for):
    response = client_for(world.director).get(
        _url("access_log", world.a),
        {"date_from": "2026-05-02", "date_to": "2026-05-01", "actor": "junk"},
    )
    assert response.status_code == 200
    assert "date_to" in response.context["form"].errors


def test_access_log_csv_export_follows_the_filters(world, client_for):
    _read(client_for(world.kipus), world, world.osl)
    _read(client_for(world.ous), world, world.front_desk)
    response = client_for(world.director).get(
        _url("access_log_csv", world.a), {"actor": world.kipus.email}
    )
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["when", "who", "record_type"]
    assert len(rows) == 2
    assert rows[1][4] == str(world.osl)


def test_access_log_page_query_count_is_fixed(world, client_for, django_assert_max_num_queries):
    client = client_for(world.director)
    _read(client_for(world.kipus), world, world.osl)
    client = client_for(world.director)
    with django_assert_max_num_queries(14):
        client.get(_url("access_log", world.a))
    entry = AccessLogEntry.objects.get()
    AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                **{
                    f.attname: getattr(entry, f.attname)
                    for f in entry._meta.concrete_fields
                    if f.name != "id"
                }
            )
            for _ in range(120)
        ]
    )
    with django_assert_max_num_queries(14):
        response = client.get(_url("access_log", world.a))
    assert response.context["page"].paginator.count == 121


@pytest.mark.parametrize(
    ("field", "value"), [("date_from", "0001-01-01"), ("date_to", "9999-12-31")]
)
@pytest.mark.parametrize(
    "name", ["access_log", "access_log_csv", "change_history", "change_history_csv"]
)
def test_dates_at_the_ends_of_the_calendar_are_refused_not_a_500(
    world, client_for, name, field, value
):
    response = client_for(world.director).get(_url(name, world.a), {field: value})
    assert response.status_code == 200
    if not name.endswith("_csv"):
        assert field in response.context["form"].errors
