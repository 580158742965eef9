"""Services given, monthly statements and the fee list as CSV (core.exports) and XLSX rows.

Headers are in the reader's language; amounts are written with a dot, as numbers in XLSX.
"""

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from opencus.enrolments.models import Enrolment
from opencus.enrolments.selectors import FeeRow, Statement


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def enrolment_header() -> list[str]:
    return [
        _("Last name"),
        _("First name"),
        _("Birth date"),
        _("Service"),
        _("Provider"),
        _("Units per period"),
        _("Period"),
        _("Unit"),
        _("Starts on"),
        _("Planned end"),
        _("Status"),
        _("Real value per unit (PLN)"),
        _("Fee per unit (PLN)"),
        _("Fee exemption"),
        _("Ended on"),
        _("Reason for ending"),
    ]


def enrolment_rows(enrolments: Iterable[Enrolment]) -> Iterator[list]:
    for e in enrolments:
        yield [
            e.person.last_name,
            e.person.first_name,
            _date(e.person.birth_date),
            e.service.name,
            e.provider.name if e.provider_id else _("the centre itself"),
            e.units_per_period,
            e.get_period_display(),
            e.get_unit_display(),
            _date(e.starts_on),
            _date(e.ends_on),
            e.get_status_display(),
            e.market_value_per_unit,
            e.fee_per_unit,
            e.get_exemption_display(),
            _date(e.ended_on),
            e.get_end_reason_display() if e.end_reason else "",
        ]


def statement_header() -> list[str]:
    return [
        _("Date"),
        _("Delivered or missed"),
        _("Units"),
        _("Duration (minutes)"),
        _("Where"),
        _("Why it was missed"),
        _("Note"),
        _("Recorded by"),
    ]


def statement_rows(statement: Statement) -> Iterator[list]:
    for d in statement.deliveries:
        yield [
            _date(d.delivered_on),
            d.get_status_display(),
            d.units,
            d.duration_minutes or "",
            d.get_where_display(),
            d.get_missed_reason_display() if d.missed_reason else "",
            d.note,
            str(d.by) if d.by_id else "",
        ]
    e = statement.enrolment
    yield []
    yield [_("Person"), str(e.person)]
    yield [_("Service"), e.service.name]
    yield [_("Month"), f"{statement.first_day:%Y-%m}"]
    yield [_("Units delivered"), statement.units]
    yield [_("Missed visits"), statement.missed]
    yield [_("Real value (PLN)"), statement.market_value]
    yield [_("Person's fee (PLN)"), statement.fee]
    yield [_("Subsidy (PLN)"), statement.subsidy]


def fee_header() -> list[str]:
    return [
        _("Last name"),
        _("First name"),
        _("Birth date"),
        _("Address"),
        _("Service"),
        _("Units delivered"),
        _("Unit"),
        _("Fee per unit (PLN)"),
        _("Fee exemption"),
        _("Fee (PLN)"),
    ]


def _address(person) -> str:
    return ", ".join(p for p in (person.street, f"{person.postal_code} {person.city}".strip()) if p)


def fee_list_rows(rows: Iterable[FeeRow]) -> Iterator[list]:
    for row in rows:
        e = row.enrolment
        yield [
            e.person.last_name,
            e.person.first_name,
            _date(e.person.birth_date),
            _address(e.person),
            e.service.name,
            row.units,
            e.get_unit_display(),
            e.fee_per_unit,
            e.get_exemption_display(),
            row.fee,
        ]


MONEY_COLUMNS = (6, 8, 10)  # 1-based: units, fee per unit, fee


def fee_list_xlsx(rows: list[FeeRow], *, month: dt.date, centre) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{month:%Y-%m}"
    sheet.append(fee_header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    total = Decimal("0.00")
    for values in fee_list_rows(rows):
        sheet.append(values)
        total += values[-1]
    sheet.append([_("Total"), "", "", "", "", "", "", "", "", total])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in MONEY_COLUMNS and isinstance(cell.value, Decimal):
                cell.number_format = "0.00"
            elif cell.data_type == "f":  # text that looks like a formula stays text
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    workbook.properties.title = _("Fee list %(month)s, %(centre)s") % {
        "month": f"{month:%Y-%m}",
        "centre": centre.name,
    }
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
