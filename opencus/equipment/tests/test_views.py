"""The rental's pages: who may do what, forms that explain, the access log, lists, CSV."""

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.audit.models import AccessLogEntry
from opencus.equipment import services
from opencus.equipment.models import Item, Loan, LoanReminder, Reservation
from opencus.equipment.tests.conftest import days, register

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
READERS = ["front_desk", "ous", "kipus", "director"]
MANAGERS = ["front_desk", "ous", "director"]

MAX_QUERIES_LIST = 12
MAX_QUERIES_DETAIL = 16


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def url(world, name, centre=None, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": (centre or world.a).slug, **kwargs})


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def logged(user, subject=None) -> list[AccessLogEntry]:
    entries = AccessLogEntry.objects.filter(actor=user)
    if subject is not None:
        entries = entries.filter(subject_id=str(subject.pk))
    return list(entries.order_by("occurred_at", "pk"))


@pytest.fixture
def rental(world, make_item, person, lend):
    """Centre a's rental: a wheelchair lent to Halina and overdue, a free walker she reserved,
    a damaged bed, a withdrawn pair of crutches; centre b has a wheelchair of its own."""
    wheelchair = make_item(
        world.a, name="Wózek Vermeiren", inventory_number="WS/1", serial_number="VR-708"
    )
    walker = make_item(world.a, kind="walker", name="Balkonik Rebotec", inventory_number="WS/2")
    bed = make_item(
        world.a,
        kind="rehabilitation_bed",
        name="Elbur łóżko",
        inventory_number="WS/3",
        condition="damaged",
    )
    crutches = make_item(
        world.a, kind="crutches", name="Kule łokciowe", inventory_number="WS/4", is_active=False
    )
    loan = lend(wheelchair, person, lent=-40, due=-10, notes="Z poduszką.")
    reservation = services.reservation_create(
        centre=world.a, person=person, by=None, item=walker, wanted_from=days(0)
    )
    make_item(world.b, name="Wózek w Becie", inventory_number="WS/1")
    return type(
        "Rental",
        (),
        {
            "wheelchair": wheelchair,
            "walker": walker,
            "bed": bed,
            "crutches": crutches,
            "loan": loan,
            "reservation": reservation,
            "person": person,
        },
    )


# --- who may do what ------------------------------------------------------------------------


def _read_urls(world, rental):
    return [
        url(world, "equipment_list"),
        url(world, "equipment_csv"),
        url(world, "equipment_detail", equipment_id=rental.wheelchair.pk),
        url(world, "equipment_reservation_list"),
        url(world, "equipment_overdue"),
    ]


def _manage_requests(world, rental):
    """(method, url, data) of every page and action that changes the rental."""
    item = rental.walker.pk
    return [
        ("get", url(world, "equipment_create"), {}),
        (
            "post",
            url(world, "equipment_create"),
            {"kind": "walker", "name": "X", "inventory_number": "Z"},
        ),
        ("get", url(world, "equipment_edit", equipment_id=item), {}),
        ("post", url(world, "equipment_edit", equipment_id=item), {"kind": "walker", "name": "X"}),
        ("get", url(world, "equipment_lend", equipment_id=item), {}),
        (
            "post",
            url(world, "equipment_lend", equipment_id=item),
            {"person": rental.person.pk, "lent_on": days(0), "due_on": days(9)},
        ),
        ("get", url(world, "equipment_reserve", equipment_id=item), {}),
        (
            "post",
            url(world, "equipment_reserve", equipment_id=rental.bed.pk),
            {"person": rental.person.pk, "wanted_from": days(0)},
        ),
        ("get", url(world, "equipment_reservation_create"), {}),
        ("get", url(world, "equipment_loan_return", loan_id=rental.loan.pk), {}),
        (
            "post",
            url(world, "equipment_loan_return", loan_id=rental.loan.pk),
            {"returned_on": days(0), "condition": "good"},
        ),
        (
            "get",
            url(world, "equipment_reservation_cancel", reservation_id=rental.reservation.pk),
            {},
        ),
        (
            "post",
            url(world, "equipment_reservation_cancel", reservation_id=rental.reservation.pk),
            {},
        ),
        ("get", url(world, "equipment_reservation_lend", reservation_id=rental.reservation.pk), {}),
        ("post", url(world, "equipment_remind"), {}),
    ]


@pytest.mark.parametrize("role", READERS)
def test_the_centres_rental_staff_may_read_it(world, client_for, rental, role):
    client = client_for(getattr(world, role))
    for address in _read_urls(world, rental):
        assert client.get(address).status_code == 200, address


def test_the_community_organiser_may_not_see_the_rental(world, client_for, rental):
    client = client_for(world.osl)
    for address in _read_urls(world, rental):
        assert client.get(address).status_code == 403, address
    for method, address, data in _manage_requests(world, rental):
        assert getattr(client, method)(address, data).status_code == 403, address


@pytest.mark.parametrize("role", ["kipus", "osl"])
def test_readers_may_not_change_the_rental(world, client_for, rental, role):
    client = client_for(getattr(world, role))
    for method, address, data in _manage_requests(world, rental):
        assert getattr(client, method)(address, data).status_code == 403, (method, address)
    assert Item.objects.filter(centre=world.a).count() == 4
    assert Loan.objects.get().is_open
    assert Reservation.objects.get().is_waiting
    assert mail.outbox == []


@pytest.mark.parametrize("role", MANAGERS)
def test_managers_may_open_every_form(world, client_for, rental, role):
    client = client_for(getattr(world, role))
    for method, address, data in _manage_requests(world, rental):
        if method == "get":
            assert client.get(address, data).status_code == 200, address


def test_the_kipus_sees_no_buttons_that_would_be_refused(world, client_for, rental):
    client = client_for(world.kipus)
    listing = client.get(url(world, "equipment_list"))
    assertNotContains(listing, url(world, "equipment_create"))
    detail = client.get(url(world, "equipment_detail", equipment_id=rental.wheelchair.pk))
    assertNotContains(detail, url(world, "equipment_loan_return", loan_id=rental.loan.pk))
    assertNotContains(detail, url(world, "equipment_edit", equipment_id=rental.wheelchair.pk))
    overdue = client.get(url(world, "equipment_overdue"))
    assertNotContains(overdue, url(world, "equipment_remind"))


def test_the_navigation_shows_the_rental_to_those_who_may_see_it(world, client_for):
    address = url(world, "equipment_list")
    assertContains(client_for(world.kipus).get(url(world, "dashboard")), address)
    assertNotContains(client_for(world.osl).get(url(world, "dashboard")), address)


def test_another_centres_item_loan_and_reservation_are_not_found(world, client_for, make_item):
    other = register(world.b)
    item = make_item(world.b)
    loan = services.loan_create(item=item, person=other, by=None, due_on=days(5))
    reservation = services.reservation_create(
        centre=world.b, person=other, by=None, kind="walker", wanted_from=days(0)
    )
    client = client_for(world.director)
    for address in (
        url(world, "equipment_detail", equipment_id=item.pk),
        url(world, "equipment_lend", equipment_id=item.pk),
        url(world, "equipment_loan_return", loan_id=loan.pk),
        url(world, "equipment_reservation_cancel", reservation_id=reservation.pk),
    ):
        assert client.get(address).status_code == 404, address
        assert client.post(address, {}).status_code == 404, address
    assert Loan.objects.get().is_open


# --- the inventory list ---------------------------------------------------------------------


def _names(response) -> list[str]:
    return [item.name for item in response.context["page"].object_list]


def test_the_list_shows_the_items_in_use_by_name(world, client_for, rental):
    response = client_for(world.kipus).get(url(world, "equipment_list"), headers=ENGLISH)
    assert _names(response) == ["Balkonik Rebotec", "Elbur łóżko", "Wózek Vermeiren"]
    assertContains(response, "overdue")
    assertContains(response, f"due back {days(-10):%Y-%m-%d}")
    assertNotContains(response, "w Becie")
    # The inventory shows no borrower's name, so reading it is not a read of personal data.
    assertNotContains(response, "Nowak")
    assert logged(world.kipus) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "vermeiren"}, ["Wózek Vermeiren"]),
        ({"q": "VR-7"}, ["Wózek Vermeiren"]),
        ({"q": "ws/2"}, ["Balkonik Rebotec"]),
        ({"kind": "rehabilitation_bed"}, ["Elbur łóżko"]),
        ({"condition": "damaged"}, ["Elbur łóżko"]),
        ({"availability": "available"}, ["Balkonik Rebotec"]),
        ({"availability": "lent"}, ["Wózek Vermeiren"]),
        ({"availability": "overdue"}, ["Wózek Vermeiren"]),
        ({"availability": "not_lendable"}, ["Elbur łóżko"]),
        ({"availability": "withdrawn"}, ["Kule łokciowe"]),
        ({"q": "kule"}, []),
        ({"availability": "nonsense"}, ["Balkonik Rebotec", "Elbur łóżko", "Wózek Vermeiren"]),
        ({"kind": "walker", "availability": "lent"}, []),
    ],
    ids=[
        "name",
        "serial",
        "inventory-number",
        "kind",
        "condition",
        "available",
        "lent",
        "overdue",
        "not-lendable",
        "withdrawn",
        "withdrawn-not-by-default",
        "bad-value-ignored",
        "none",
    ],
)
def test_the_list_filters(world, client_for, rental, query, expected):
    response = client_for(world.front_desk).get(url(world, "equipment_list"), query)
    assert response.status_code == 200
    assert _names(response) == expected


def test_an_htmx_request_gets_only_the_table(world, client_for, rental):
    response = client_for(world.front_desk).get(
        url(world, "equipment_list"), {"availability": "available"}, headers=HTMX
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="item-table"')
    assert "<html" not in content
    assert "Balkonik Rebotec" in content
    assert "Wózek Vermeiren" not in content


def test_an_empty_filter_result_says_so(world, client_for, rental):
    response = client_for(world.front_desk).get(
        url(world, "equipment_list"), {"q": "zzz"}, headers=ENGLISH
    )
    assertContains(response, "No item matches these filters.")


def test_an_empty_inventory_says_so(world, client_for):
    response = client_for(world.ous).get(url(world, "equipment_list"), headers=ENGLISH)
    assertContains(response, "The inventory is empty.")


@pytest.mark.parametrize("size", [5, 40])
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_the_list_queries_are_bounded(
    world, client_for, make_item, person, lend, django_assert_max_num_queries, size, htmx
):
    for i in range(size):
        item = make_item(world.a, name=f"Wózek {i:02d}")
        if i % 3 == 0:
            lend(item, person if i == 0 else register(world.a, first_name=f"P{i}"), lent=-5)
    client = client_for(world.ous)
    with django_assert_max_num_queries(MAX_QUERIES_LIST):
        response = client.get(url(world, "equipment_list"), headers=HTMX if htmx else ENGLISH)
    assert len(_names(response)) == min(size, 25)


# --- CSV -----------------------------------------------------------------------------------


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))


def test_the_csv_export_has_the_inventory_without_names(world, client_for, rental):
    response = client_for(world.kipus).get(url(world, "equipment_csv"), headers=ENGLISH)
    assert 'filename="equipment-alfa-' in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][:6] == [
        "Inventory number",
        "Serial number",
        "Type",
        "Name",
        "Condition",
        "Availability",
    ]
    by_number = {row[0]: row for row in rows[1:]}
    assert sorted(by_number) == ["WS/1", "WS/2", "WS/3"]
    assert by_number["WS/1"][1:7] == [
        "VR-708",
        "wheelchair",
        "Wózek Vermeiren",
        "good",
        "overdue",
        f"{days(-10):%Y-%m-%d}",
    ]
    assert by_number["WS/2"][5] == "available to lend"
    assert by_number["WS/3"][5] == "damaged or out of service"
    assert "Nowak" not in str(rows)


def test_the_csv_export_follows_the_filters(world, client_for, rental):
    rows = _csv(
        client_for(world.kipus).get(url(world, "equipment_csv"), {"availability": "withdrawn"})
    )
    assert [row[0] for row in rows[1:]] == ["WS/4"]


# --- creating and editing ------------------------------------------------------------------


def _item_form(**overrides) -> dict:
    data = {
        "kind": "oxygen_concentrator",
        "other_kind": "",
        "name": "Koncentrator tlenu Philips EverFlo",
        "inventory_number": "WS/2025/100",
        "serial_number": "EF-1",
        "condition": "new",
        "location_note": "Magazyn",
        "acquired_on": "2025-01-15",
        "description": "",
    }
    return {k: v for k, v in (data | overrides).items() if v is not None}


def test_a_manager_adds_an_item(world, client_for):
    response = client_for(world.front_desk).post(
        url(world, "equipment_create"), _item_form(), follow=True, headers=ENGLISH
    )
    item = Item.objects.get()
    assertRedirects(response, url(world, "equipment_detail", equipment_id=item.pk))
    assert (item.centre, item.created_by, item.kind) == (
        world.a,
        world.front_desk,
        "oxygen_concentrator",
    )
    assert messages_of(response) == ["The item was added to the inventory."]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required."),
        (
            "kind",
            "spaceship",
            "Select a valid choice. spaceship is not one of the available choices.",
        ),
        ("acquired_on", "wczoraj", "Enter a valid date."),
        ("acquired_on", "2999-01-01", services.MSG_ACQUIRED_IN_FUTURE),
        ("kind", "other", services.MSG_NAME_THE_KIND),
    ],
    ids=["no-name", "bad-kind", "bad-date", "future", "other-unnamed"],
)
def test_a_bad_item_is_explained_and_not_saved(world, client_for, field, value, message):
    response = client_for(world.ous).post(
        url(world, "equipment_create"), _item_form(**{field: value}), headers=ENGLISH
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert str(message) in [e for messages in errors.values() for e in messages]
    assert response.context["form"]["name"].value() == _item_form(**{field: value})["name"]
    assert not Item.objects.exists()


def test_a_taken_inventory_number_is_shown_next_to_its_field(world, client_for, make_item):
    make_item(world.a, inventory_number="WS/2025/100")
    response = client_for(world.ous).post(
        url(world, "equipment_create"), _item_form(), headers=ENGLISH
    )
    assert response.context["form"].errors["inventory_number"] == [
        str(services.MSG_INVENTORY_NUMBER_TAKEN)
    ]


def test_a_manager_edits_an_item(world, client_for, rental):
    client = client_for(world.ous)
    edit = url(world, "equipment_edit", equipment_id=rental.bed.pk)
    form = client.get(edit).context["form"]
    assert form.initial["condition"] == "damaged"
    data = _item_form(kind="rehabilitation_bed", inventory_number="WS/3", condition="good")
    response = client.post(edit, data | {"is_active": "on"}, follow=True, headers=ENGLISH)
    assert messages_of(response) == ["The item was saved."]
    rental.bed.refresh_from_db()
    assert (rental.bed.condition, rental.bed.is_active) == ("good", True)


def test_withdrawing_a_lent_item_is_explained(world, client_for, rental):
    response = client_for(world.ous).post(
        url(world, "equipment_edit", equipment_id=rental.wheelchair.pk),
        _item_form(kind="wheelchair", inventory_number="WS/1"),
        headers=ENGLISH,
    )
    assert response.context["form"].errors["is_active"] == [str(services.MSG_WITHDRAW_LENT)]
    rental.wheelchair.refresh_from_db()
    assert rental.wheelchair.is_active


# --- the item's page -----------------------------------------------------------------------


def test_the_item_page_shows_its_loans_and_logs_the_read(world, client_for, rental):
    response = client_for(world.kipus).get(
        url(world, "equipment_detail", equipment_id=rental.wheelchair.pk), headers=ENGLISH
    )
    assertContains(response, "Halina Nowak")
    assertContains(response, "Z poduszką.")
    assertContains(response, "10 days overdue.")
    [entry] = logged(world.kipus, rental.wheelchair)
    assert entry.centre == world.a
    assert "borrowers" in entry.fields
    assert entry.view_name == "centre:equipment_detail"


def test_the_page_of_an_item_never_lent_reads_no_personal_data(world, client_for, rental):
    response = client_for(world.kipus).get(
        url(world, "equipment_detail", equipment_id=rental.bed.pk), headers=ENGLISH
    )
    assertContains(response, "Never lent yet.")
    assertContains(response, "it cannot be lent until it is repaired")
    assertNotContains(response, url(world, "equipment_lend", equipment_id=rental.bed.pk))
    assert logged(world.kipus) == []


def test_the_item_page_offers_the_reservation_to_lend(world, client_for, rental):
    response = client_for(world.front_desk).get(
        url(world, "equipment_detail", equipment_id=rental.walker.pk)
    )
    assertContains(
        response, url(world, "equipment_reservation_lend", reservation_id=rental.reservation.pk)
    )
    assert len(logged(world.front_desk, rental.walker)) == 1


@pytest.mark.parametrize("size", [3, 30])
def test_the_item_page_queries_are_bounded(
    world, client_for, make_item, person, django_assert_max_num_queries, size
):
    item = make_item(world.a)
    for i in range(size):
        loan = services.loan_create(
            item=item,
            person=person if i % 2 else register(world.a, first_name=f"P{i}"),
            by=world.front_desk,
            lent_on=days(-100 + i * 3),
            due_on=days(-99 + i * 3),
        )
        services.loan_return(
            loan=loan, by=world.ous, condition="good", returned_on=days(-99 + i * 3)
        )
    services.loan_create(item=item, person=person, by=world.front_desk, due_on=days(5))
    client = client_for(world.ous)
    with django_assert_max_num_queries(MAX_QUERIES_DETAIL):
        response = client.get(url(world, "equipment_detail", equipment_id=item.pk))
    assert response.status_code == 200


# --- lending -------------------------------------------------------------------------------


def test_the_lend_page_finds_people_and_logs_the_search(world, client_for, rental):
    register(world.a, first_name="Jan", last_name="Kowalski")
    register(world.b, first_name="Jan", last_name="Kowalski")
    response = client_for(world.front_desk).get(
        url(world, "equipment_lend", equipment_id=rental.bed.pk), {"q": "kowalski"}
    )
    offered = list(response.context["form"].fields["person"].queryset)
    assert [(p.first_name, p.centre) for p in offered] == [("Jan", world.a)]
    [entry] = logged(world.front_desk)
    assert entry.fields.startswith("search results")


def test_the_lend_page_offers_nobody_before_a_search(world, client_for, rental):
    response = client_for(world.front_desk).get(
        url(world, "equipment_lend", equipment_id=rental.walker.pk), headers=ENGLISH
    )
    assert list(response.context["form"].fields["person"].queryset) == []
    assertContains(response, "Find the person first")
    assertContains(response, "People are waiting for this item.")


def test_a_manager_lends_an_item(world, client_for, rental):
    other = register(world.a, first_name="Jan", last_name="Kowalski")
    rental.bed.condition = "good"
    rental.bed.save()
    response = client_for(world.front_desk).post(
        url(world, "equipment_lend", equipment_id=rental.bed.pk),
        {"person": other.pk, "lent_on": days(0), "due_on": days(30), "notes": "Do domu."},
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "equipment_detail", equipment_id=rental.bed.pk))
    loan = Loan.objects.get(item=rental.bed)
    assert (loan.person, loan.lent_by, loan.notes) == (other, world.front_desk, "Do domu.")
    assert messages_of(response) == [
        f"Elbur łóżko (WS/3) is lent to Jan Kowalski until {days(30):%Y-%m-%d}."
    ]


def test_lending_a_lent_item_is_explained(world, client_for, rental):
    response = client_for(world.front_desk).post(
        url(world, "equipment_lend", equipment_id=rental.wheelchair.pk),
        {"person": rental.person.pk, "lent_on": days(0), "due_on": days(30)},
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        str(services.MSG_ALREADY_LENT) % {"date": days(-10)}
    ]
    # The person chosen is still offered, checked.
    assert list(response.context["form"].fields["person"].queryset) == [rental.person]
    assert Loan.objects.count() == 1


def test_lending_a_damaged_item_is_explained(world, client_for, rental):
    response = client_for(world.front_desk).post(
        url(world, "equipment_lend", equipment_id=rental.bed.pk),
        {"person": rental.person.pk, "lent_on": days(0), "due_on": days(30)},
        headers=ENGLISH,
    )
    assertContains(response, "This item is damaged: it cannot be lent until it is repaired.")
    assert not Loan.objects.filter(item=rental.bed).exists()


def test_a_due_date_before_lending_is_shown_next_to_its_field(world, client_for, rental):
    response = client_for(world.front_desk).post(
        url(world, "equipment_lend", equipment_id=rental.walker.pk),
        {"person": rental.person.pk, "lent_on": days(0), "due_on": days(-1)},
        headers=ENGLISH,
    )
    assert response.context["form"].errors["due_on"] == [
        str(services.MSG_DUE_NOT_AFTER_LENT) % {"date": days(0)}
    ]
    assert not Loan.objects.filter(item=rental.walker).exists()


def test_a_person_of_another_centre_cannot_be_chosen(world, client_for, rental):
    stranger = register(world.b)
    response = client_for(world.front_desk).post(
        url(world, "equipment_lend", equipment_id=rental.walker.pk),
        {"person": stranger.pk, "lent_on": days(0), "due_on": days(9)},
        headers=ENGLISH,
    )
    assert list(response.context["form"].errors) == ["person"]
    assert not Loan.objects.filter(item=rental.walker).exists()


@pytest.mark.parametrize("chosen", ["", "not-a-uuid"])
def test_a_lend_without_a_valid_person_is_explained(world, client_for, rental, chosen):
    response = client_for(world.front_desk).post(
        url(world, "equipment_lend", equipment_id=rental.walker.pk),
        {"person": chosen, "lent_on": days(0), "due_on": days(9)},
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["person"]


# --- returns -------------------------------------------------------------------------------


def test_the_return_page_logs_the_read_of_the_borrower(world, client_for, rental):
    response = client_for(world.front_desk).get(
        url(world, "equipment_loan_return", loan_id=rental.loan.pk), headers=ENGLISH
    )
    assertContains(response, "Halina Nowak")
    assertContains(response, "10 days overdue")
    [entry] = logged(world.front_desk, rental.person)
    assert entry.view_name == "centre:equipment_loan_return"


def test_a_manager_takes_an_item_back_in_its_condition(world, client_for, rental):
    response = client_for(world.ous).post(
        url(world, "equipment_loan_return", loan_id=rental.loan.pk),
        {"returned_on": days(0), "condition": "worn", "notes": "Zużyte opony."},
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "equipment_detail", equipment_id=rental.wheelchair.pk))
    assert messages_of(response) == ["Wózek Vermeiren (WS/1) is back, in condition: worn."]
    rental.loan.refresh_from_db()
    rental.wheelchair.refresh_from_db()
    assert (rental.loan.returned_by, rental.loan.return_notes) == (world.ous, "Zużyte opony.")
    assert rental.wheelchair.condition == "worn"


def test_a_return_without_a_condition_is_explained(world, client_for, rental):
    response = client_for(world.ous).post(
        url(world, "equipment_loan_return", loan_id=rental.loan.pk),
        {"returned_on": days(0), "condition": ""},
        headers=ENGLISH,
    )
    assert list(response.context["form"].errors) == ["condition"]
    rental.loan.refresh_from_db()
    assert rental.loan.is_open


def test_a_return_dated_before_the_loan_is_explained(world, client_for, rental):
    response = client_for(world.ous).post(
        url(world, "equipment_loan_return", loan_id=rental.loan.pk),
        {"returned_on": days(-41), "condition": "good"},
        headers=ENGLISH,
    )
    assert response.context["form"].errors["returned_on"] == [
        str(services.MSG_RETURNED_BEFORE_LENT) % {"date": days(-40)}
    ]


def test_a_returned_loan_goes_back_to_the_item(world, client_for, rental):
    services.loan_return(loan=rental.loan, by=None, condition="good")
    client = client_for(world.ous)
    address = url(world, "equipment_loan_return", loan_id=rental.loan.pk)
    for method in ("get", "post"):
        response = getattr(client, method)(
            address, {"returned_on": days(0), "condition": "damaged"}, follow=True, headers=ENGLISH
        )
        assert messages_of(response) == ["This loan was already returned."]
    rental.wheelchair.refresh_from_db()
    assert rental.wheelchair.condition == "good"


# --- reservations --------------------------------------------------------------------------


def test_a_manager_reserves_an_item(world, client_for, rental):
    other = register(world.a, first_name="Jan", last_name="Kowalski")
    response = client_for(world.front_desk).post(
        url(world, "equipment_reserve", equipment_id=rental.wheelchair.pk),
        {"person": other.pk, "wanted_from": days(3), "note": "Po szpitalu."},
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "equipment_detail", equipment_id=rental.wheelchair.pk))
    reservation = Reservation.objects.get(person=other)
    assert (reservation.item, reservation.kind, reservation.note) == (
        rental.wheelchair,
        "wheelchair",
        "Po szpitalu.",
    )


def test_a_manager_reserves_a_type(world, client_for, rental):
    response = client_for(world.front_desk).post(
        url(world, "equipment_reservation_create"),
        {"person": rental.person.pk, "kind": "oxygen_concentrator", "wanted_from": days(0)},
        follow=True,
        headers=ENGLISH,
    )
    assertRedirects(response, url(world, "equipment_reservation_list"))
    assert messages_of(response) == ["The reservation was recorded."]
    assert Reservation.objects.filter(item=None, kind="oxygen_concentrator").count() == 1


def test_a_reservation_in_the_past_is_explained(world, client_for, rental):
    response = client_for(world.front_desk).post(
        url(world, "equipment_reservation_create"),
        {"person": rental.person.pk, "kind": "walker", "wanted_from": days(-2)},
        headers=ENGLISH,
    )
    assert response.context["form"].errors["wanted_from"] == [str(services.MSG_RESERVE_IN_PAST)]


def test_the_reservation_list_shows_who_waits_and_logs_the_read(world, client_for, rental):
    services.reservation_create(
        centre=world.a, person=rental.person, by=None, kind="crutches", wanted_from=days(5)
    )
    client = client_for(world.kipus)
    response = client.get(url(world, "equipment_reservation_list"), headers=ENGLISH)
    assert [r.kind for r in response.context["page"].object_list] == ["walker", "crutches"]
    assertContains(response, "any: crutches")
    [entry] = logged(world.kipus)
    assert entry.subject_id == str(world.a.pk)
    filtered = client.get(url(world, "equipment_reservation_list"), {"kind": "crutches"})
    assert [r.kind for r in filtered.context["page"].object_list] == ["crutches"]


def test_an_empty_reservation_list_reads_nothing(world, client_for):
    response = client_for(world.kipus).get(
        url(world, "equipment_reservation_list"), headers=ENGLISH
    )
    assertContains(response, "Nobody is waiting for equipment.")
    assert logged(world.kipus) == []


def test_cancelling_asks_first_then_cancels(world, client_for, rental):
    client = client_for(world.front_desk)
    address = url(world, "equipment_reservation_cancel", reservation_id=rental.reservation.pk)
    page = client.get(address, headers=ENGLISH)
    assertContains(page, "Yes, cancel it")
    assert Reservation.objects.get().is_waiting
    assert len(logged(world.front_desk, rental.person)) == 1
    response = client.post(address, {"reason": "Nie potrzebuje."}, follow=True, headers=ENGLISH)
    assertRedirects(response, url(world, "equipment_detail", equipment_id=rental.walker.pk))
    assert messages_of(response) == ["The reservation was cancelled."]
    reservation = Reservation.objects.get()
    assert (reservation.status, reservation.cancel_reason) == ("cancelled", "Nie potrzebuje.")


def test_a_closed_reservation_is_not_cancelled_again(world, client_for, rental):
    services.reservation_cancel(reservation=rental.reservation, by=None)
    response = client_for(world.front_desk).post(
        url(world, "equipment_reservation_cancel", reservation_id=rental.reservation.pk),
        follow=True,
        headers=ENGLISH,
    )
    assert messages_of(response) == ["This reservation is no longer waiting."]


def test_a_type_reservation_is_lent_with_a_free_item_of_the_type(
    world, client_for, rental, make_item
):
    reservation = services.reservation_create(
        centre=world.a, person=rental.person, by=None, kind="walker", wanted_from=days(0)
    )
    second = make_item(world.a, kind="walker", name="Balkonik drugi")
    make_item(world.a, kind="walker", name="Balkonik zepsuty", condition="damaged")
    client = client_for(world.front_desk)
    address = url(world, "equipment_reservation_lend", reservation_id=reservation.pk)
    offered = client.get(address).context["form"].fields["item"].queryset
    assert sorted(i.name for i in offered) == ["Balkonik Rebotec", "Balkonik drugi"]
    response = client.post(
        address, {"item": second.pk, "lent_on": days(0), "due_on": days(14)}, follow=True
    )
    assertRedirects(response, url(world, "equipment_detail", equipment_id=second.pk))
    reservation.refresh_from_db()
    assert reservation.loan.item == second
    assert reservation.status == "lent"


def test_an_item_reservation_offers_only_its_item(world, client_for, rental):
    client = client_for(world.front_desk)
    address = url(world, "equipment_reservation_lend", reservation_id=rental.reservation.pk)
    response = client.get(address)
    assert list(response.context["form"].fields["item"].queryset) == [rental.walker]
    assert response.context["form"]["item"].value() == rental.walker.pk
    assert len(logged(world.front_desk, rental.person)) == 1
    client.post(address, {"item": rental.walker.pk, "lent_on": days(0), "due_on": days(7)})
    assert Loan.objects.get(item=rental.walker).person == rental.person


def test_lending_another_item_for_a_reservation_is_refused(world, client_for, rental):
    response = client_for(world.front_desk).post(
        url(world, "equipment_reservation_lend", reservation_id=rental.reservation.pk),
        {"item": rental.bed.pk, "lent_on": days(0), "due_on": days(7)},
    )
    assert list(response.context["form"].errors) == ["item"]
    assert not Loan.objects.filter(item=rental.bed).exists()


# --- overdue -------------------------------------------------------------------------------


@pytest.fixture
def late(world, make_item, lend, rental):
    """Two more overdue loans in centre a: Jan's (3 days, no e-mail), Ewa's (25 days)."""
    jan = register(world.a, first_name="Jan", last_name="Kowalski", email="", phone="+48 600 1")
    ewa = register(world.a, first_name="Ewa", last_name="Zając", email="ewa@example.org")
    lend(make_item(world.a, name="Kule"), jan, lent=-10, due=-3)
    lend(make_item(world.a, name="Materac"), ewa, lent=-60, due=-25)
    lend(make_item(world.a, name="Chodzik"), ewa, lent=-1, due=10)


def test_the_overdue_list_puts_the_most_overdue_first_and_logs_the_read(world, client_for, late):
    response = client_for(world.kipus).get(url(world, "equipment_overdue"), headers=ENGLISH)
    loans = list(response.context["page"].object_list)
    assert [(loan.person.first_name, loan.days_overdue()) for loan in loans] == [
        ("Ewa", 25),
        ("Halina", 10),
        ("Jan", 3),
    ]
    assertContains(response, "no e-mail")
    assertContains(response, "+48 600 1")
    [entry] = logged(world.kipus)
    assert "overdue loans" in entry.fields


def test_nothing_overdue_says_so(world, client_for):
    response = client_for(world.kipus).get(url(world, "equipment_overdue"), headers=ENGLISH)
    assertContains(response, "Nothing is overdue.")
    assert logged(world.kipus) == []


def test_send_reminders_now(world, client_for, late, django_capture_on_commit_callbacks):
    client = client_for(world.front_desk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(world, "equipment_remind"), follow=True, headers=ENGLISH)
    assertRedirects(response, url(world, "equipment_overdue"))
    assert messages_of(response) == [
        "2 reminders are being sent by e-mail.",
        "1 overdue borrower has no e-mail: call them.",
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["ewa@example.org", "halina@example.org"]
    assert set(LoanReminder.objects.values_list("requested_by", flat=True)) == {world.front_desk.pk}
    listed = client.get(url(world, "equipment_overdue"))
    assert [loan.last_reminded_on for loan in listed.context["page"].object_list] == [
        days(0),
        days(0),
        None,
    ]
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url(world, "equipment_remind"), follow=True, headers=ENGLISH)
    assert messages_of(again)[0] == (
        "No reminder to send: borrowers with an e-mail have been reminded today."
    )
    assert len(mail.outbox) == 2


def test_a_get_on_send_reminders_sends_nothing(world, client_for, late):
    response = client_for(world.front_desk).get(url(world, "equipment_remind"))
    assertRedirects(response, url(world, "equipment_overdue"))
    assert mail.outbox == []
    assert not LoanReminder.objects.exists()


@pytest.mark.parametrize("size", [4, 30])
def test_the_overdue_list_queries_are_bounded(
    world, client_for, make_item, lend, django_assert_max_num_queries, size
):
    for i in range(size):
        loan = lend(make_item(world.a), register(world.a, first_name=f"P{i}"), lent=-50, due=-1 - i)
        if i % 2:
            services.loan_remind(loan=loan)
    client = client_for(world.ous)
    with django_assert_max_num_queries(MAX_QUERIES_LIST):
        response = client.get(url(world, "equipment_overdue"))
    assert len(response.context["page"].object_list) == min(size, 25)


@pytest.mark.parametrize("size", [4, 30])
def test_the_reservation_list_queries_are_bounded(
    world, client_for, make_item, django_assert_max_num_queries, size
):
    for i in range(size):
        services.reservation_create(
            centre=world.a,
            person=register(world.a, first_name=f"P{i}"),
            by=None,
            item=make_item(world.a) if i % 2 else None,
            kind="walker",
            wanted_from=days(i),
        )
    client = client_for(world.ous)
    with django_assert_max_num_queries(MAX_QUERIES_LIST):
        response = client.get(url(world, "equipment_reservation_list"))
    assert len(response.context["page"].object_list) == min(size, 25)
