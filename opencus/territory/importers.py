"""Import of the GUS TERYT TERC register and of PRG boundaries.

Both importers validate every row first and write nothing unless every row is valid, in
one transaction, with bulk operations. A rerun on the same file changes nothing.
"""

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from opencus.territory.enums import BoundaryLevel, GminaKind, PowiatKind
from opencus.territory.models import Boundary, Gmina, Powiat, Voivodeship

TERC_COLUMNS = ("WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA")
_TWO_DIGITS = re.compile(r"^\d{2}$")
# NAZWA_DOD of a powiat row names its kind.
_POWIAT_KINDS = {
    "powiat": PowiatKind.POWIAT,
    "miasto na prawach powiatu": PowiatKind.CITY,
    "miasto stołeczne, na prawach powiatu": PowiatKind.CAPITAL,
}
# RODZ 4/5 are the town and rural parts of an urban-rural gmina, 8 Warsaw's districts,
# 9 the delegations of large cities: parts of gminas, not gminas.
_GMINA_PART_KINDS = {"4", "5", "8", "9"}


class TercFileError(Exception):
    """The file as a whole cannot be read (missing columns, not CSV, wrong encoding)."""


@dataclass
class RejectedRow:
    line: int
    reason: str


@dataclass
class LevelCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated


@dataclass
class ImportReport:
    voivodeships: LevelCounts = field(default_factory=LevelCounts)
    powiats: LevelCounts = field(default_factory=LevelCounts)
    gminas: LevelCounts = field(default_factory=LevelCounts)
    parts_skipped: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    rows_read: int = 0
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.rejected

    @property
    def changes(self) -> int:
        return self.voivodeships.changed + self.powiats.changed + self.gminas.changed


@dataclass
class _Parsed:
    voivodeships: dict[str, dict] = field(default_factory=dict)
    powiats: dict[str, dict] = field(default_factory=dict)
    gminas: dict[str, dict] = field(default_factory=dict)
    first_line: dict[str, int] = field(default_factory=dict)


def _read_rows(text: str) -> Iterable[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in TERC_COLUMNS if c not in header]
    if missing:
        raise TercFileError(
            _("This is not a TERC file: columns missing: %(columns)s. Expected: %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ";".join(TERC_COLUMNS)}
        )
    reader.fieldnames = header
    for row in reader:
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def _parse_row(line: int, row: dict, parsed: _Parsed, report: ImportReport) -> None:
    woj, pow_, gmi, rodz = row["WOJ"], row["POW"], row["GMI"], row["RODZ"]
    name, extra = row["NAZWA"], row["NAZWA_DOD"]

    def reject(reason: str) -> None:
        report.rejected.append(RejectedRow(line, reason))

    if not _TWO_DIGITS.match(woj):
        return reject(_("WOJ must be 2 digits, got %(value)r.") % {"value": woj})
    if pow_ and not _TWO_DIGITS.match(pow_):
        return reject(_("POW must be empty or 2 digits, got %(value)r.") % {"value": pow_})
    if gmi and not _TWO_DIGITS.match(gmi):
        return reject(_("GMI must be empty or 2 digits, got %(value)r.") % {"value": gmi})
    if not name:
        return reject(_("NAZWA (the name) is empty."))
    try:
        register_date = dt.date.fromisoformat(row["STAN_NA"])
    except ValueError:
        return reject(
            _("STAN_NA must be a date as YYYY-MM-DD, got %(value)r.") % {"value": row["STAN_NA"]}
        )
    if gmi and not pow_:
        return reject(_("A row with GMI must also have POW."))

    if not pow_:
        code, level = woj, parsed.voivodeships
        if rodz:
            return reject(_("A voivodeship row must not have RODZ."))
        record = {"name": name.lower(), "register_date": register_date}
    elif not gmi:
        code, level = woj + pow_, parsed.powiats
        if rodz:
            return reject(_("A powiat row must not have RODZ."))
        kind = _POWIAT_KINDS.get(extra)
        if kind is None:
            return reject(_("Unknown powiat kind in NAZWA_DOD: %(value)r.") % {"value": extra})
        record = {"name": name, "kind": kind, "register_date": register_date}
    else:
        if rodz in _GMINA_PART_KINDS:
            report.parts_skipped += 1
            return None
        if rodz not in GminaKind.values:
            return reject(
                _("RODZ of a gmina must be 1, 2 or 3 (or 4, 5, 8, 9 for parts), got %(value)r.")
                % {"value": rodz}
            )
        code, level = woj + pow_ + gmi + rodz, parsed.gminas
        record = {"name": name, "kind": rodz, "register_date": register_date}

    if code in parsed.first_line:
        return reject(
            _("Code %(code)s appears twice (first on line %(line)d).")
            % {"code": code, "line": parsed.first_line[code]}
        )
    parsed.first_line[code] = line
    level[code] = record
    return None


def _check_parents(parsed: _Parsed, report: ImportReport) -> None:
    known_voivodeships = set(parsed.voivodeships) | set(
        Voivodeship.objects.values_list("code", flat=True)
    )
    known_powiats = set(parsed.powiats) | set(Powiat.objects.values_list("code", flat=True))
    for code in parsed.powiats:
        if code[:2] not in known_voivodeships:
            report.rejected.append(
                RejectedRow(
                    parsed.first_line[code],
                    _(
                        "Voivodeship %(parent)s of powiat %(code)s is neither in the file nor in the database."
                    )
                    % {"parent": code[:2], "code": code},
                )
            )
    for code in parsed.gminas:
        if code[:4] not in known_powiats:
            report.rejected.append(
                RejectedRow(
                    parsed.first_line[code],
                    _(
                        "Powiat %(parent)s of gmina %(code)s is neither in the file nor in the database."
                    )
                    % {"parent": code[:4], "code": code},
                )
            )
    report.rejected.sort(key=lambda r: r.line)


def _upsert(model, records: dict[str, dict], parent_field: str | None, counts: LevelCounts) -> None:
    fields = list(next(iter(records.values())).keys()) if records else []
    existing = model.objects.in_bulk(list(records))
    to_create, to_update = [], []
    for code, values in records.items():
        if parent_field:
            values = {**values, parent_field: code[: 2 if model is Powiat else 4]}
        current = existing.get(code)
        if current is None:
            to_create.append(model(code=code, **values))
            continue
        if all(getattr(current, f) == v for f, v in values.items()):
            counts.unchanged += 1
            continue
        for f, v in values.items():
            setattr(current, f, v)
        to_update.append(current)
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        update_fields = fields + ([parent_field] if parent_field else [])
        model.objects.bulk_update(to_update, update_fields, batch_size=500)
    counts.created += len(to_create)
    counts.updated += len(to_update)


def terc_import(
    *,
    text: str,
    dry_run: bool = False,
    progress: Callable[[Iterable], Iterable] = lambda rows: rows,
) -> ImportReport:
    """Validate the whole TERC file, then write all of it or nothing."""
    report = ImportReport(dry_run=dry_run)
    parsed = _Parsed()
    for line, row in progress(_read_rows(text)):
        report.rows_read += 1
        _parse_row(line, row, parsed, report)
    _check_parents(parsed, report)
    if not report.ok:
        return report

    with transaction.atomic():
        _upsert(Voivodeship, parsed.voivodeships, None, report.voivodeships)
        _upsert(Powiat, parsed.powiats, "voivodeship_id", report.powiats)
        _upsert(Gmina, parsed.gminas, "powiat_id", report.gminas)
        if dry_run:
            transaction.set_rollback(True)
    return report


def read_terc_file(path: Path) -> str:
    try:
        # GUS publishes UTF-8 with a BOM and CRLF; utf-8-sig and csv handle both.
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TercFileError(
            _("The file is not UTF-8 text (byte %(pos)d). Save it as UTF-8 and try again.")
            % {"pos": exc.start}
        ) from exc


@dataclass
class BoundaryReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def _valid_ring(ring) -> bool:
    """A closed ring of at least 4 [lon, lat] positions within the globe's ranges."""
    if not isinstance(ring, list) or len(ring) < 4:
        return False
    for position in ring:
        if not isinstance(position, list) or len(position) < 2:
            return False
        lon, lat = position[0], position[1]
        if (
            isinstance(lon, bool)
            or isinstance(lat, bool)
            or not isinstance(lon, int | float)
            or not isinstance(lat, int | float)
        ):
            return False
        if not (
            math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90
        ):
            return False
    return True


def _valid_polygon_geometry(geometry: dict) -> bool:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon" and isinstance(coordinates, list):
        polygons = coordinates
    else:
        return False
    return bool(polygons) and all(
        isinstance(polygon, list) and polygon and all(_valid_ring(ring) for ring in polygon)
        for polygon in polygons
    )


_LEVEL_MODEL = {
    BoundaryLevel.VOIVODESHIP: Voivodeship,
    BoundaryLevel.POWIAT: Powiat,
    BoundaryLevel.GMINA: Gmina,
}


def boundary_import(*, data: dict, level: str, source: str = "") -> BoundaryReport:
    """Load a GeoJSON FeatureCollection keyed by ``JPT_KOD_JE`` (TERYT code) for one level.

    Every feature must name a unit already in the register, with a polygon geometry.
    """
    report = BoundaryReport()
    if (
        not isinstance(data, dict)
        or data.get("type") != "FeatureCollection"
        or not isinstance(data.get("features"), list)
    ):
        raise TercFileError(_("This is not a GeoJSON FeatureCollection."))
    known = set(_LEVEL_MODEL[level].objects.values_list("code", flat=True))
    geometries: dict[str, dict] = {}
    for index, feature in enumerate(data["features"], start=1):
        props = feature.get("properties") or {}
        code = str(props.get("JPT_KOD_JE", "")).strip()
        geometry = feature.get("geometry") or {}
        if code not in known:
            report.rejected.append(
                RejectedRow(index, _("Feature %(code)r is not a known unit.") % {"code": code})
            )
        elif not _valid_polygon_geometry(geometry):
            report.rejected.append(
                RejectedRow(
                    index,
                    _(
                        "Feature %(code)s has no valid polygon: closed rings of [longitude, latitude] positions are expected."
                    )
                    % {"code": code},
                )
            )
        elif code in geometries:
            report.rejected.append(
                RejectedRow(index, _("Feature %(code)s appears twice.") % {"code": code})
            )
        else:
            geometries[code] = geometry
    if not report.ok:
        return report

    with transaction.atomic():
        existing = Boundary.objects.in_bulk(list(geometries))
        to_create, to_update = [], []
        for code, geometry in geometries.items():
            current = existing.get(code)
            if current is None:
                to_create.append(Boundary(code=code, level=level, geometry=geometry, source=source))
            elif current.geometry != geometry or current.level != level or current.source != source:
                current.geometry, current.level, current.source = geometry, level, source
                to_update.append(current)
            else:
                report.unchanged += 1
        Boundary.objects.bulk_create(to_create, batch_size=200)
        Boundary.objects.bulk_update(to_update, ["geometry", "level", "source"], batch_size=200)
        report.created, report.updated = len(to_create), len(to_update)
    return report


def read_geojson_file(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TercFileError(_("The file is not valid GeoJSON: %(error)s") % {"error": exc}) from exc
