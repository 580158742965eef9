"""The demo equipment rental of CUS Świebodzin (seed 004: "wypożyczalnia sprzętu dla osób z
niepełnosprawnością"): a few items, one loan running, one overdue, one reservation waiting.

Loan dates count from the day the demo is loaded, so that a fresh demo always shows an
overdue loan. Items, loans and reservations are added once: a rerun changes nothing.
"""

import datetime as dt

from django.utils import timezone

from opencus.accounts.models import User
from opencus.equipment import services
from opencus.equipment.models import Item, Reservation
from opencus.people.models import Person
from opencus.territory.models import Centre

D = dt.date
STORE = "Magazyn CUS, ul. Wałowa 8"

# centre slug -> [(inventory number, kind, other kind, name, serial, condition, acquired)]
ITEMS = {
    "swiebodzin": [
        (
            "WS/2024/001",
            "wheelchair",
            "",
            "Wózek inwalidzki Vermeiren 708D, 46 cm",
            "VR708-2211873",
            "good",
            D(2024, 3, 4),
        ),
        (
            "WS/2024/002",
            "wheelchair",
            "",
            "Wózek inwalidzki Meyra Eurochair 2",
            "ME2-190442",
            "worn",
            D(2024, 3, 4),
        ),
        (
            "WS/2024/003",
            "rehabilitation_bed",
            "",
            "Łóżko rehabilitacyjne Elbur PB 326",
            "PB326-0912",
            "good",
            D(2024, 5, 20),
        ),
        (
            "WS/2024/004",
            "walker",
            "",
            "Balkonik czterokołowy Rebotec Gigant",
            "",
            "new",
            D(2024, 5, 20),
        ),
        ("WS/2024/005", "crutches", "", "Kule łokciowe (para)", "", "good", D(2024, 5, 20)),
        (
            "WS/2024/006",
            "oxygen_concentrator",
            "",
            "Koncentrator tlenu Philips EverFlo",
            "EF-118273",
            "good",
            D(2024, 9, 1),
        ),
        (
            "WS/2025/007",
            "anti_bedsore_mattress",
            "",
            "Materac przeciwodleżynowy zmiennociśnieniowy",
            "",
            "damaged",
            D(2025, 1, 15),
        ),
        (
            "WS/2025/008",
            "other",
            "pionizator",
            "Pionizator Easy Stand Evolv",
            "ES-55120",
            "out_of_service",
            D(2025, 2, 10),
        ),
    ],
}
# (centre, inventory number, borrower's (last, first) name, lent days ago, due in days)
LOANS = [
    ("swiebodzin", "WS/2024/001", ("Kowalska", "Halina"), 12, 18),
    ("swiebodzin", "WS/2024/006", ("Wójcik", "Stanisław"), 75, -15),
]
# (centre, person's (last, first) name, kind, needed in days)
RESERVATIONS = [
    ("swiebodzin", ("Zając", "Krystyna"), "rehabilitation_bed", 7),
]
DESK = "punkt.swiebodzin@opencus.example"


def _person(centre: Centre, name: tuple[str, str]) -> Person | None:
    last, first = name
    return Person.objects.current().filter(centre=centre, last_name=last, first_name=first).first()


def load_equipment() -> int:
    """Load the demo rental where its centre and people exist; returns the items added."""
    today = timezone.localdate()
    desk = User.objects.filter(email=DESK).first()
    created = 0
    for slug, items in ITEMS.items():
        centre = Centre.objects.filter(slug=slug).first()
        if centre is None:
            continue
        for number, kind, other, name, serial, condition, acquired in items:
            if Item.objects.filter(centre=centre, inventory_number=number).exists():
                continue
            services.item_create(
                centre=centre,
                by=None,
                inventory_number=number,
                kind=kind,
                other_kind=other,
                name=name,
                serial_number=serial,
                condition=condition,
                location_note=STORE,
                acquired_on=acquired,
                is_demo=True,
            )
            created += 1
    for slug, number, name, lent_ago, due_in in LOANS:
        item = Item.objects.filter(centre__slug=slug, inventory_number=number).first()
        person = _person(item.centre, name) if item else None
        if item is None or person is None or item.loans.exists():
            continue
        services.loan_create(
            item=item,
            person=person,
            by=desk,
            lent_on=today - dt.timedelta(days=lent_ago),
            due_on=today + dt.timedelta(days=due_in),
            notes="Dane demonstracyjne.",
        )
    for slug, name, kind, needed_in in RESERVATIONS:
        centre = Centre.objects.filter(slug=slug).first()
        person = _person(centre, name) if centre else None
        if person is None or Reservation.objects.filter(person=person, kind=kind).exists():
            continue
        services.reservation_create(
            centre=centre,
            person=person,
            by=desk,
            kind=kind,
            wanted_from=today + dt.timedelta(days=needed_in),
            note="Po powrocie ze szpitala.",
        )
    return created
