"""Equipment of a centre, for tests that walk every URL (tenancy, query budget)."""

import datetime as dt

from django.utils import timezone

from opencus.equipment import services
from opencus.people import services as people_services


def equipment_of(centre) -> dict:
    """A wheelchair lent out and overdue, and a free walker reserved, as URL kwargs:
    ``equipment_id`` (the lent wheelchair), ``loan_id`` (its open loan), ``reservation_id``."""
    today = timezone.localdate()
    borrower = people_services.person_create(
        centre=centre,
        by=None,
        first_name="Zenon",
        last_name=f"Wypożyczający {centre.slug}",
        birth_date=dt.date(1948, 8, 8),
        email=f"zenon.{centre.slug}@example.org",
    )
    wheelchair = services.item_create(
        centre=centre,
        by=None,
        kind="wheelchair",
        name="Wózek inwalidzki Vermeiren",
        inventory_number=f"WS/{centre.slug}/1",
    )
    walker = services.item_create(
        centre=centre,
        by=None,
        kind="walker",
        name="Balkonik czterokołowy",
        inventory_number=f"WS/{centre.slug}/2",
    )
    loan = services.loan_create(
        item=wheelchair,
        person=borrower,
        by=None,
        lent_on=today - dt.timedelta(days=40),
        due_on=today - dt.timedelta(days=10),
    )
    reservation = services.reservation_create(
        centre=centre, person=borrower, by=None, item=walker, wanted_from=today
    )
    return {"equipment_id": wheelchair.pk, "loan_id": loan.pk, "reservation_id": reservation.pk}
