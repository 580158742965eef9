"""The inventory as a table (CSV). No borrower's name leaves in it: only the item's state."""

import datetime as dt
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from opencus.equipment.models import Item
from opencus.equipment.selectors import item_availability


def item_header() -> list[str]:
    return [
        _("Inventory number"),
        _("Serial number"),
        _("Type"),
        _("Name"),
        _("Condition"),
        _("Availability"),
        _("Due back on"),
        _("Where it is kept"),
        _("Acquired on"),
        _("In use"),
    ]


def item_rows(items: Iterable[Item], *, today: dt.date) -> Iterator[list]:
    for item in items:
        yield [
            item.inventory_number,
            item.serial_number,
            item.kind_label,
            item.name,
            item.get_condition_display(),
            item_availability(item, today).label,
            f"{item.open_due_on:%Y-%m-%d}" if item.is_lent else "",
            item.location_note,
            f"{item.acquired_on:%Y-%m-%d}" if item.acquired_on else "",
            _("yes") if item.is_active else _("no"),
        ]
