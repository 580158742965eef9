"""Contracts and their monitoring as XLSX: the centre's list with totals, and one sheet per
contract with its monthly table. Headers in the reader's language; amounts as numbers."""

import io
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from opencus.contracts.selectors import ContractSummary, Monitoring

ZERO = Decimal("0.00")


def sheet_title(contract) -> str:
    """A sheet's name may not hold "/" and has at most 31 characters."""
    return _("Contract %(number)s") % {"number": contract.number.replace("/", "-")}


def _bold_row(sheet: Worksheet) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def _finish(sheet: Worksheet) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, Decimal):
                cell.number_format = "0.00"
            elif cell.data_type == "f":  # text that looks like a formula stays text
                cell.data_type = "s"


def list_header() -> list[str]:
    return [
        _("Number"),
        _("Title"),
        _("Organisation"),
        _("Kind"),
        _("From"),
        _("Until"),
        _("Status"),
        _("Value (PLN)"),
        _("Own contribution (PLN)"),
        _("Spent (PLN)"),
        _("Share of the value (%)"),
    ]


def monitoring_header() -> list[str]:
    return [
        _("Month"),
        _("Service"),
        _("Unit"),
        _("Units contracted"),
        _("Units granted"),
        _("Units delivered"),
        _("Missed visits"),
        _("Unit price (PLN)"),
        _("Spent (PLN)"),
        _("Delivered so far"),
        _("Share of the line (%)"),
    ]


def add_monitoring_sheet(workbook: Workbook, monitoring: Monitoring) -> Worksheet:
    contract = monitoring.contract
    sheet = workbook.create_sheet(sheet_title(contract))
    sheet.append([f"{contract.number} {contract.title}"])
    _bold_row(sheet)
    sheet.append(
        [
            _("Organisation"),
            contract.organisation.name,
            _("Period"),
            f"{contract.starts_on:%Y-%m-%d} – {contract.ends_on:%Y-%m-%d}",
            _("Status"),
            contract.get_status_display(),
        ]
    )
    sheet.append([])
    sheet.append(monitoring_header())
    _bold_row(sheet)
    header_row = sheet.max_row
    for line in monitoring.lines:
        for row in line.months:
            sheet.append(
                [
                    f"{row.month:%Y-%m}",
                    line.line.service.name,
                    line.line.get_unit_display(),
                    row.contracted,
                    row.granted,
                    row.delivered,
                    row.missed,
                    line.line.unit_price,
                    row.spent,
                    row.cumulative,
                    row.percent,
                ]
            )
        t = line.total
        sheet.append(
            [
                _("Total"),
                line.line.service.name,
                line.line.get_unit_display(),
                t.contracted,
                t.granted,
                t.delivered,
                t.missed,
                line.line.unit_price,
                t.spent,
                t.cumulative,
                t.percent,
            ]
        )
        _bold_row(sheet)
    sheet.append([])
    sheet.append(
        [
            _("Month"),
            _("Value contracted (PLN)"),
            _("Spent (PLN)"),
            _("Spent so far (PLN)"),
            _("Share of the contract (%)"),
            _("Missed visits"),
        ]
    )
    _bold_row(sheet)
    for row in monitoring.months:
        sheet.append(
            [
                f"{row.month:%Y-%m}",
                row.contracted_value,
                row.spent,
                row.cumulative,
                row.percent,
                row.missed,
            ]
        )
    total = monitoring.total
    sheet.append(
        [
            _("Total"),
            total.contracted_value,
            total.spent,
            total.cumulative,
            total.percent,
            total.missed,
        ]
    )
    _bold_row(sheet)
    if not monitoring.has_deliveries:
        sheet.append([_("No deliveries have been recorded under this contract yet.")])
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    _finish(sheet)
    return sheet


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def monitoring_xlsx(monitoring: Monitoring) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    add_monitoring_sheet(workbook, monitoring)
    workbook.properties.title = _("Monitoring of contract %(number)s") % {
        "number": monitoring.contract.number
    }
    return _save(workbook)


def contract_list_xlsx(
    summaries: list[ContractSummary], monitorings: Iterable[Monitoring], *, centre
) -> bytes:
    """The list with totals on the first sheet, then each contract's monthly table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Contracts")
    sheet.append(list_header())
    _bold_row(sheet)
    value = spent = ZERO
    for s in summaries:
        c = s.contract
        sheet.append(
            [
                c.number,
                c.title,
                c.organisation.name,
                c.get_kind_display(),
                f"{c.starts_on:%Y-%m-%d}",
                f"{c.ends_on:%Y-%m-%d}",
                c.get_status_display(),
                c.total_value,
                c.own_contribution if c.own_contribution is not None else "",
                s.spent,
                s.percent,
            ]
        )
        value += c.total_value
        spent += s.spent
    sheet.append([_("Total"), "", "", "", "", "", "", value, "", spent, ""])
    _bold_row(sheet)
    sheet.freeze_panes = "A2"
    _finish(sheet)
    for monitoring in monitorings:
        add_monitoring_sheet(workbook, monitoring)
    workbook.properties.title = _("Contracts of %(centre)s") % {"centre": centre.name}
    return _save(workbook)
