"""The catalogue as a spreadsheet: export (XLSX/CSV) and import with a row-by-row report.

One column list serves both directions, so an exported file can be edited and imported.
Multi-valued cells list codes or labels (Polish or English) separated by semicolons.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from opencus.catalogue import services as catalogue_services
from opencus.catalogue.enums import (
    AccessMode,
    CapacityPeriod,
    DeliveryMode,
    FeeKind,
    RequiredDocument,
    Unit,
)
from opencus.catalogue.models import Service, Term, Vocabulary
from opencus.catalogue.search import fold
from opencus.core.exports import safe_cell
from opencus.providers.models import Organisation
from opencus.territory.models import Gmina

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str  # text, int, decimal, bool-list, choice, choices, terms, gminas, provider
    choices: type | None = None
    vocabulary: str = ""
    required: bool = False


COLUMNS = [
    Column("name", "name", "text", required=True),
    Column("summary", "summary", "text", required=True),
    Column("description", "description", "text", required=True),
    Column("provider", "provider", "provider"),
    Column("areas", "areas", "terms", vocabulary=Vocabulary.AREA),
    Column("target_groups", "target_groups", "terms", vocabulary=Vocabulary.TARGET_GROUP),
    Column("needs", "needs", "terms", vocabulary=Vocabulary.NEED),
    Column("delivery", "delivery", "choices", choices=DeliveryMode, required=True),
    Column("access_mode", "access_mode", "choice", choices=AccessMode, required=True),
    Column("min_age", "min_age", "int"),
    Column("max_age", "max_age", "int"),
    Column("residents_of", "residents_of", "gminas"),
    Column("documents", "documents", "choices", choices=RequiredDocument),
    Column("eligibility_notes", "eligibility_notes", "text"),
    Column("fee_kind", "fee_kind", "choice", choices=FeeKind, required=True),
    Column("unit", "unit", "choice", choices=Unit, required=True),
    Column("market_value", "market_value", "decimal", required=True),
    Column("resident_price", "resident_price", "decimal", required=True),
    Column("funding", "funding", "terms", vocabulary=Vocabulary.FUNDING),
    Column("fee_notes", "fee_notes", "text"),
    Column("capacity", "capacity", "int"),
    Column("capacity_period", "capacity_period", "choice", choices=CapacityPeriod),
    Column("how_to_apply", "how_to_apply", "text"),
    Column("phone", "phone", "text"),
    Column("email", "email", "text"),
    Column("website", "website", "text"),
]
EXPORT_ONLY = ["id", "status"]
FIELD_TO_COLUMN = {c.field: c.header for c in COLUMNS} | {
    "at_home": "delivery",
    "at_location": "delivery",
    "mobile": "delivery",
    "remote": "delivery",
}


# --- export ------------------------------------------------------------------------------


def _cell(service: Service, column: Column) -> str:
    if column.kind == "terms":
        return ";".join(t.code for t in getattr(service, column.field).all())
    if column.kind == "gminas":
        return ";".join(g.code for g in service.residents_of.all())
    if column.field == "delivery":
        return ";".join(service.delivery_modes)
    if column.field == "documents":
        return ";".join(d.kind for d in service.documents.all())
    if column.kind == "provider":
        return service.provider.name if service.provider_id else ""
    value = getattr(service, column.field)
    return "" if value is None else str(value)


def export_rows(services: Iterable[Service]) -> Iterator[list[str]]:
    for service in services:
        yield [str(service.id), service.status, *[_cell(service, c) for c in COLUMNS]]


def export_header() -> list[str]:
    return [*EXPORT_ONLY, *[c.header for c in COLUMNS]]


def export_xlsx(services: Iterable[Service]) -> bytes:
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Usługi"
    sheet.append(export_header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in export_rows(services):
        sheet.append(row)
        # openpyxl writes a string starting with "=" as a formula: keep every cell text.
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- import ------------------------------------------------------------------------------


class SpreadsheetError(Exception):
    """The file as a whole cannot be read."""


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    rows: int = 0
    created: list[Service] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _undefused(value: str) -> str:
    """A CSV cell as it was before the export's ``safe_cell`` put an apostrophe before it."""
    return value[1:] if value.startswith("'") and safe_cell(value[1:]) == value else value


def _read_rows(filename: str, content: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the data rows, each with its row number in the spreadsheet."""
    if len(content) > MAX_BYTES:
        raise SpreadsheetError(_("The file is larger than 5 MB."))
    if filename.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
            raise SpreadsheetError(_("The file is not a readable XLSX workbook.")) from exc
        rows = [
            ["" if v is None else str(v).strip() for v in row]
            for row in workbook.active.iter_rows(values_only=True)
        ]
    elif filename.lower().endswith(".csv"):
        for encoding in ("utf-8-sig", "cp1250"):
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise SpreadsheetError(_("The CSV file is neither UTF-8 nor Windows-1250 text."))
        delimiter = (
            ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
        )
        rows = [
            [_undefused(v.strip()) for v in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    else:
        raise SpreadsheetError(_("Upload an .xlsx or a .csv file."))
    # Blank rows are skipped but keep their numbers, so that the report names the right rows.
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(row)]
    if not numbered:
        raise SpreadsheetError(_("The file is empty."))
    header = [h.strip().lower() for h in numbered[0][1]]
    missing = [c.header for c in COLUMNS if c.required and c.header not in header]
    if missing:
        raise SpreadsheetError(
            _(
                "Columns missing: %(columns)s. Export the catalogue to get a file with the right columns."
            )
            % {"columns": ", ".join(missing)}
        )
    if len(numbered) - 1 > MAX_ROWS:
        raise SpreadsheetError(
            _("At most %(max)d rows can be imported at once.") % {"max": MAX_ROWS}
        )
    return header, numbered[1:]


class _Lookups:
    """Codes and labels (Polish and English, folded) to codes, for every vocabulary."""

    def __init__(self):
        self.terms: dict[str, dict[str, Term]] = {}
        for term in Term.objects.all():
            names = self.terms.setdefault(term.vocabulary, {})
            names[fold(term.code)] = term
            for language in ("pl", "en"):
                with translation.override(language):
                    names[fold(str(term.label))] = term
        self.gminas = {g.code: g for g in Gmina.objects.all().only("code", "name")}
        self.providers = {fold(o.name): o for o in Organisation.objects.all()}

    @staticmethod
    def choice(choices, value: str) -> str | None:
        folded = fold(value)
        for code, label in choices.choices:
            if folded in (fold(code), fold(str(label))):
                return code
            for language in ("pl", "en"):
                with translation.override(language):
                    if folded == fold(str(label)):
                        return code
        return None


def _parse_row(values: dict[str, str], lookups: _Lookups, errors: list[tuple[str, str]]) -> dict:
    data: dict = {}
    for column in COLUMNS:
        raw = values.get(column.header, "")
        if not raw:
            if column.required:
                errors.append((column.header, _("This column is required.")))
            elif column.kind == "text":
                data[column.field] = ""
            continue
        if column.kind == "text":
            data[column.field] = raw
        elif column.kind == "int":
            try:
                number = Decimal(raw.replace(",", "."))
                if not number.is_finite() or number < 0 or number != number.to_integral_value():
                    raise ValueError
                data[column.field] = int(number)
            except (InvalidOperation, ValueError):
                errors.append(
                    (column.header, _("Enter a whole number, not %(value)r.") % {"value": raw})
                )
        elif column.kind == "decimal":
            try:
                amount = Decimal(raw.replace(" ", "").replace(",", "."))
                if not amount.is_finite() or amount < 0 or amount.as_tuple().exponent < -2:
                    raise InvalidOperation
                data[column.field] = amount.quantize(Decimal("0.01"))
            except InvalidOperation:
                errors.append(
                    (
                        column.header,
                        _("Enter an amount in PLN such as 12,50, not %(value)r.") % {"value": raw},
                    )
                )
        elif column.kind in ("choice", "choices"):
            codes = []
            for part in [p.strip() for p in raw.split(";") if p.strip()]:
                code = lookups.choice(column.choices, part)
                if code is None:
                    allowed = ", ".join(column.choices.values)
                    errors.append(
                        (
                            column.header,
                            _("Unknown value %(value)r (allowed: %(allowed)s).")
                            % {"value": part, "allowed": allowed},
                        )
                    )
                else:
                    codes.append(code)
            data[column.field] = codes[0] if column.kind == "choice" and codes else codes
        elif column.kind == "terms":
            found = []
            for part in [p.strip() for p in raw.split(";") if p.strip()]:
                term = lookups.terms.get(column.vocabulary, {}).get(fold(part))
                if term is None:
                    errors.append((column.header, _("Unknown value %(value)r.") % {"value": part}))
                else:
                    found.append(term)
            data[column.field] = found
        elif column.kind == "gminas":
            found = []
            for part in [p.strip() for p in raw.split(";") if p.strip()]:
                gmina = lookups.gminas.get(part)
                if gmina is None:
                    errors.append(
                        (column.header, _("%(value)r is not a gmina TERYT code.") % {"value": part})
                    )
                else:
                    found.append(gmina)
            data[column.field] = found
        elif column.kind == "provider":
            organisation = lookups.providers.get(fold(raw))
            if organisation is None:
                errors.append(
                    (
                        column.header,
                        _("No provider organisation is called %(value)r.") % {"value": raw},
                    )
                )
            else:
                data[column.field] = organisation
    delivery = data.pop("delivery", [])
    for mode in DeliveryMode.values:
        data[mode] = mode in delivery
    return data


def import_services(*, centre, by, filename: str, content: bytes) -> ImportResult:
    """Check every row; create all rows as draft services, or none if any row is wrong."""
    header, rows = _read_rows(filename, content)
    lookups = _Lookups()
    result = ImportResult(rows=len(rows))
    try:
        with transaction.atomic():
            for number, row in rows:
                values = dict(zip(header, row, strict=False))
                problems: list[tuple[str, str]] = []
                data = _parse_row(values, lookups, problems)
                if problems:
                    result.errors.extend(
                        RowError(number, column, message) for column, message in problems
                    )
                    continue
                try:
                    with transaction.atomic():
                        result.created.append(
                            catalogue_services.service_create(centre=centre, by=by, **data)
                        )
                except ValidationError as exc:
                    for field_name, messages in exc.message_dict.items():
                        for message in messages:
                            result.errors.append(
                                RowError(
                                    number, FIELD_TO_COLUMN.get(field_name, field_name), message
                                )
                            )
            if result.errors:
                raise _Rollback
    except _Rollback:
        result.created = []
    return result


class _Rollback(Exception):
    pass
