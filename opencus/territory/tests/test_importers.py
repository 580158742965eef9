"""TERC register and PRG boundary importers: validate everything, then write all or nothing."""

import datetime as dt

import pytest

from opencus.territory import importers
from opencus.territory.enums import BoundaryLevel, GminaKind, PowiatKind
from opencus.territory.importers import TercFileError, boundary_import, terc_import
from opencus.territory.models import Boundary, Gmina, Powiat, Voivodeship
from opencus.territory.tests.conftest import TERC_BROKEN, TERC_HEADER
from opencus.territory.tests.factories import SQUARE, PowiatFactory, VoivodeshipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

REGISTER_DATE = dt.date(2024, 1, 1)


def _terc(*rows: str) -> str:
    return "\n".join([TERC_HEADER, *rows]) + "\n"


def _snapshot():
    return (
        list(Voivodeship.objects.order_by("code").values()),
        list(Powiat.objects.order_by("code").values()),
        list(Gmina.objects.order_by("code").values()),
    )


def _nothing_in_register():
    return not (Voivodeship.objects.exists() or Powiat.objects.exists() or Gmina.objects.exists())


# --- TERC: the valid sample ----------------------------------------------------------------


def test_terc_sample_loads_every_level(sample_imported):
    assert Voivodeship.objects.count() == 1
    assert Powiat.objects.count() == 3
    assert Gmina.objects.count() == 17
    report = sample_imported
    assert (report.voivodeships.created, report.powiats.created, report.gminas.created) == (
        1,
        3,
        17,
    )
    assert report.rows_read == 1 + 3 + 17 + 12
    assert report.changes == 21


def test_terc_import_skips_town_and_rural_parts_of_gminas(sample_imported):
    assert sample_imported.parts_skipped == 12
    # Krosno Odrzańskie is one urban-rural gmina, not three.
    assert list(Gmina.objects.filter(code__startswith="080206").values_list("code", flat=True)) == [
        "0802063"
    ]


def test_terc_import_reads_powiat_kind_from_nazwa_dod(sample_imported):
    assert Powiat.objects.get(code="0862").kind == PowiatKind.CITY
    assert Powiat.objects.get(code="0802").kind == PowiatKind.POWIAT
    assert Gmina.objects.get(code="0862011").has_powiat_rights


@pytest.mark.parametrize(
    ("code", "name", "kind"),
    [
        ("0802011", "Gubin", GminaKind.URBAN),
        ("0802052", "Gubin", GminaKind.RURAL),
        ("0809013", "Babimost", GminaKind.URBAN_RURAL),
    ],
)
def test_terc_import_takes_gmina_kind_from_rodz(sample_imported, code, name, kind):
    gmina = Gmina.objects.get(code=code)
    assert (gmina.name, gmina.kind, gmina.powiat_id) == (name, kind, code[:4])


def test_terc_import_keeps_register_date_and_lowercases_voivodeship(sample_imported):
    voivodeship = Voivodeship.objects.get()
    assert voivodeship.name == "lubuskie"
    assert voivodeship.register_date == REGISTER_DATE
    assert set(Powiat.objects.values_list("register_date", flat=True)) == {REGISTER_DATE}
    assert set(Gmina.objects.values_list("register_date", flat=True)) == {REGISTER_DATE}


def test_terc_rerun_reports_no_change_and_changes_nothing(sample_imported, sample_text):
    before = _snapshot()
    report = terc_import(text=sample_text)
    assert report.ok
    assert report.changes == 0
    assert (report.voivodeships.unchanged, report.powiats.unchanged, report.gminas.unchanged) == (
        1,
        3,
        17,
    )
    assert _snapshot() == before


def test_terc_dry_run_counts_but_writes_nothing(db, sample_text):
    report = terc_import(text=sample_text, dry_run=True)
    assert report.dry_run
    assert report.changes == 21
    assert _nothing_in_register()


def test_terc_rerun_with_a_changed_name_counts_one_update(sample_imported, sample_text):
    renamed = sample_text.replace(";Bojadła;", ";Bojadła Nowe;")
    report = terc_import(text=renamed)
    assert (report.gminas.updated, report.gminas.unchanged, report.changes) == (1, 16, 1)
    assert Gmina.objects.get(code="0809022").name == "Bojadła Nowe"


def test_terc_import_accepts_gmina_whose_powiat_is_only_in_the_database(db):
    PowiatFactory(code="0809", voivodeship=VoivodeshipFactory(code="08"))
    report = terc_import(text=_terc("08;09;07;2;Świdnica;gmina wiejska;2024-01-01"))
    assert report.ok
    assert Gmina.objects.get(code="0809072").powiat_id == "0809"


def test_terc_import_accepts_powiat_whose_voivodeship_is_only_in_the_database(db):
    VoivodeshipFactory(code="08")
    report = terc_import(text=_terc("08;62;;;Zielona Góra;miasto na prawach powiatu;2024-01-01"))
    assert report.ok
    assert Powiat.objects.get(code="0862").voivodeship_id == "08"


def test_terc_import_reads_capital_city_kind(db):
    report = terc_import(
        text=_terc(
            "14;;;;MAZOWIECKIE;województwo;2024-01-01",
            "14;65;;;Warszawa;miasto stołeczne, na prawach powiatu;2024-01-01",
            "14;65;01;1;Warszawa;gmina miejska, miasto stołeczne;2024-01-01",
            "14;65;02;8;Bemowo;dzielnica;2024-01-01",
        )
    )
    assert report.ok
    assert Powiat.objects.get(code="1465").kind == PowiatKind.CAPITAL
    assert report.parts_skipped == 1


def test_terc_import_tolerates_crlf_line_endings(db, sample_text):
    report = terc_import(text=sample_text.replace("\n", "\r\n"))
    assert report.ok
    assert Gmina.objects.count() == 17


# --- TERC: refusals ------------------------------------------------------------------------

BROKEN_SAMPLE_REASONS = [
    (5, "WOJ must be 2 digits, got '8'."),
    (6, "NAZWA (the name) is empty."),
    (7, "STAN_NA must be a date as YYYY-MM-DD, got '01.01.2024'."),
    (8, "RODZ of a gmina must be 1, 2 or 3 (or 4, 5, 8, 9 for parts), got '7'."),
    (9, "Code 0802011 appears twice (first on line 4)."),
    (10, "Powiat 0877 of gmina 0877012 is neither in the file nor in the database."),
    (11, "Unknown powiat kind in NAZWA_DOD: 'hrabstwo'."),
]


def test_terc_broken_sample_rejects_exactly_the_bad_rows_and_writes_nothing(db):
    report = terc_import(text=TERC_BROKEN.read_text(encoding="utf-8"))
    assert not report.ok
    assert [(r.line, r.reason) for r in report.rejected] == BROKEN_SAMPLE_REASONS
    # Lines 2-4 (lubuskie, krośnieński, Gubin) are valid, yet not written either.
    assert _nothing_in_register()


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("8;;;;LUBUSKIE;województwo;2024-01-01", "WOJ must be 2 digits, got '8'."),
        ("08;2;;;krośnieński;powiat;2024-01-01", "POW must be empty or 2 digits, got '2'."),
        ("08;02;1;1;Gubin;gmina miejska;2024-01-01", "GMI must be empty or 2 digits, got '1'."),
        ("08;;01;1;Gubin;gmina miejska;2024-01-01", "A row with GMI must also have POW."),
        ("08;;;1;LUBUSKIE;województwo;2024-01-01", "A voivodeship row must not have RODZ."),
        ("08;02;;1;krośnieński;powiat;2024-01-01", "A powiat row must not have RODZ."),
        ("08;02;01;;Gubin;gmina miejska;2024-01-01", "RODZ of a gmina must be 1, 2 or 3"),
        ("08;02;01;1;Gubin;gmina miejska;", "STAN_NA must be a date as YYYY-MM-DD, got ''."),
        ("08;02;01;1;Gubin;gmina miejska;2024-02-30", "STAN_NA must be a date"),
    ],
    ids=[
        "bad-woj",
        "bad-pow",
        "bad-gmi",
        "gmi-without-pow",
        "voivodeship-with-rodz",
        "powiat-with-rodz",
        "gmina-without-rodz",
        "empty-date",
        "impossible-date",
    ],
)
def test_terc_import_rejects_malformed_row(db, row, reason):
    report = terc_import(text=_terc(row))
    assert [r.line for r in report.rejected] == [2]
    assert report.rejected[0].reason.startswith(reason)
    assert _nothing_in_register()


def test_terc_import_rejects_duplicate_code_naming_the_first_line(db):
    report = terc_import(
        text=_terc(
            "08;;;;LUBUSKIE;województwo;2024-01-01",
            "08;02;;;krośnieński;powiat;2024-01-01",
            "08;02;;;krośnieński bis;powiat;2024-01-01",
        )
    )
    assert [(r.line, r.reason) for r in report.rejected] == [
        (4, "Code 0802 appears twice (first on line 3).")
    ]
    assert _nothing_in_register()


def test_terc_import_rejects_powiat_of_an_unknown_voivodeship(db):
    report = terc_import(text=_terc("08;02;;;krośnieński;powiat;2024-01-01"))
    assert [(r.line, r.reason) for r in report.rejected] == [
        (2, "Voivodeship 08 of powiat 0802 is neither in the file nor in the database.")
    ]


def test_terc_import_rejects_file_with_a_missing_column(db):
    text = "WOJ;POW;GMI;RODZ;NAZWA;STAN_NA\n08;;;;LUBUSKIE;2024-01-01\n"
    with pytest.raises(TercFileError, match="columns missing: NAZWA_DOD"):
        terc_import(text=text)
    assert _nothing_in_register()


def test_terc_import_rejects_comma_separated_file(db, sample_text):
    with pytest.raises(TercFileError, match="This is not a TERC file"):
        terc_import(text=sample_text.replace(";", ","))


def test_terc_import_rejects_empty_file(db):
    with pytest.raises(TercFileError, match="columns missing"):
        terc_import(text="")


# --- reading the file ----------------------------------------------------------------------


def test_read_terc_file_strips_bom_and_crlf(db, tmp_path, sample_text):
    path = tmp_path / "TERC_Urzedowy_2024-01-01.csv"
    path.write_bytes(sample_text.replace("\n", "\r\n").encode("utf-8-sig"))
    text = importers.read_terc_file(path)
    assert text.startswith("WOJ;")
    assert "\r" not in text
    assert terc_import(text=text).gminas.created == 17


def test_read_terc_file_rejects_non_utf8_file(tmp_path, sample_text):
    path = tmp_path / "terc-cp1250.csv"
    path.write_bytes(sample_text.encode("cp1250"))
    with pytest.raises(TercFileError, match="not UTF-8"):
        importers.read_terc_file(path)


# --- boundaries ----------------------------------------------------------------------------


def _feature(code: str, geometry: dict | None = None) -> dict:
    return {
        "type": "Feature",
        "properties": {"JPT_KOD_JE": code, "JPT_NAZWA_": "x"},
        "geometry": geometry
        if geometry is not None
        else {"type": "Polygon", "coordinates": [SQUARE]},
    }


def _collection(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


MULTI = {"type": "MultiPolygon", "coordinates": [[SQUARE]]}


def test_boundary_import_loads_features_of_known_units(sample_imported):
    report = boundary_import(
        data=_collection(_feature("0862011"), _feature("0802011", MULTI)),
        level=BoundaryLevel.GMINA,
        source="PRG",
    )
    assert report.ok
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    boundary = Boundary.objects.get(code="0802011")
    assert (boundary.level, boundary.geometry, boundary.source) == (
        BoundaryLevel.GMINA,
        MULTI,
        "PRG",
    )


def test_boundary_import_loads_powiat_and_voivodeship_levels(sample_imported):
    boundary_import(data=_collection(_feature("08")), level=BoundaryLevel.VOIVODESHIP)
    boundary_import(data=_collection(_feature("0809")), level=BoundaryLevel.POWIAT)
    assert dict(Boundary.objects.values_list("code", "level")) == {
        "08": BoundaryLevel.VOIVODESHIP,
        "0809": BoundaryLevel.POWIAT,
    }


def test_boundary_rerun_is_unchanged(sample_imported):
    data = _collection(_feature("0862011"), _feature("0802011", MULTI))
    boundary_import(data=data, level=BoundaryLevel.GMINA)
    report = boundary_import(data=data, level=BoundaryLevel.GMINA)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


def test_boundary_rerun_with_a_new_geometry_updates_it(sample_imported):
    boundary_import(data=_collection(_feature("0862011")), level=BoundaryLevel.GMINA)
    report = boundary_import(
        data=_collection(_feature("0862011", MULTI)), level=BoundaryLevel.GMINA
    )
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert Boundary.objects.get(code="0862011").geometry == MULTI


@pytest.mark.parametrize(
    ("code", "level"),
    [("0877012", BoundaryLevel.GMINA), ("0862", BoundaryLevel.GMINA), ("0862011", "powiat")],
    ids=["not-in-register", "powiat-code-as-gmina", "gmina-code-as-powiat"],
)
def test_boundary_import_rejects_unknown_code_and_writes_nothing(sample_imported, code, level):
    valid = _feature("0862" if level == "powiat" else "0862011")
    report = boundary_import(data=_collection(valid, _feature(code)), level=level)
    assert [(r.line, r.reason) for r in report.rejected] == [
        (2, f"Feature {code!r} is not a known unit.")
    ]
    assert not Boundary.objects.exists()


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [15.0, 52.0]},
        {"type": "LineString", "coordinates": SQUARE},
        {},
    ],
    ids=["point", "line", "none"],
)
def test_boundary_import_rejects_non_polygon_geometry_and_writes_nothing(sample_imported, geometry):
    report = boundary_import(
        data=_collection(_feature("0802011"), _feature("0862011", geometry)),
        level=BoundaryLevel.GMINA,
    )
    assert [(r.line, r.reason) for r in report.rejected] == [
        (
            2,
            "Feature 0862011 has no valid polygon: closed rings of [longitude, latitude] positions are expected.",
        )
    ]
    assert not Boundary.objects.exists()


def test_boundary_import_rejects_duplicate_feature_and_writes_nothing(sample_imported):
    report = boundary_import(
        data=_collection(_feature("0862011"), _feature("0802011"), _feature("0862011")),
        level=BoundaryLevel.GMINA,
    )
    assert [(r.line, r.reason) for r in report.rejected] == [(3, "Feature 0862011 appears twice.")]
    assert not Boundary.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{"type": "Feature"}, {"type": "FeatureCollection"}, []],
    ids=["feature", "no-list", "list"],
)
def test_boundary_import_rejects_what_is_not_a_feature_collection(db, data):
    with pytest.raises(TercFileError, match="not a GeoJSON FeatureCollection"):
        boundary_import(data=data, level=BoundaryLevel.GMINA)


def test_read_geojson_file_rejects_invalid_json(tmp_path):
    path = tmp_path / "gminy.geojson"
    path.write_text('{"type": "FeatureCollection", ', encoding="utf-8")
    with pytest.raises(TercFileError, match="not valid GeoJSON"):
        importers.read_geojson_file(path)


@pytest.mark.parametrize(
    "coordinates",
    [
        [
            [[16.0, 52.0, 10.0], [16.1, 52.0, 10.0], [16.1, 52.1, 10.0], [16.0, 52.0, 10.0]]
        ],  # 3-D is fine
    ],
)
def test_boundary_import_accepts_positions_with_altitude(coordinates):
    from opencus.territory.importers import boundary_import
    from opencus.territory.tests.factories import GminaFactory

    gmina = GminaFactory()
    data = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"JPT_KOD_JE": gmina.code},
                "geometry": {"type": "Polygon", "coordinates": coordinates},
            }
        ],
    }
    assert boundary_import(data=data, level="gmina").ok


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Polygon", "coordinates": []},
        {"type": "Polygon", "coordinates": [[]]},
        {"type": "Polygon", "coordinates": [[["a", "b"], [1, 2], [3, 4], ["a", "b"]]]},
        {"type": "Polygon", "coordinates": [[[500, 52], [16, 52], [16, 53], [500, 52]]]},
        {"type": "Polygon", "coordinates": [[[16, 52], [17, 52]]]},
        {"type": "MultiPolygon", "coordinates": [[]]},
        {"type": "Polygon", "coordinates": [[[True, 52], [16, 52], [16, 53], [True, 52]]]},
    ],
)
def test_boundary_import_rejects_geometry_a_map_cannot_draw(geometry):
    from opencus.territory.importers import boundary_import
    from opencus.territory.models import Boundary
    from opencus.territory.tests.factories import GminaFactory

    gmina = GminaFactory()
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"JPT_KOD_JE": gmina.code}, "geometry": geometry}
        ],
    }
    report = boundary_import(data=data, level="gmina")
    assert not report.ok
    assert not Boundary.objects.exists()
