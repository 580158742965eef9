"""The import_teryt and import_boundaries management commands."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from opencus.territory.enums import BoundaryLevel, GminaKind, PowiatKind
from opencus.territory.management.commands import import_boundaries
from opencus.territory.models import Boundary, Gmina, Powiat, Voivodeship
from opencus.territory.tests.conftest import TERC_BROKEN, TERC_HEADER, TERC_SAMPLE
from opencus.territory.tests.factories import SQUARE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def run(command: str, *args, **options) -> tuple[str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue(), stderr.getvalue()


def run_failing(command: str, *args, **options) -> tuple[str, str]:
    """Run a command that must fail: (the CommandError's message, what went to stderr)."""
    stderr = io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command(command, *args, stdout=io.StringIO(), stderr=stderr, **options)
    return str(excinfo.value), stderr.getvalue()


def _counts() -> tuple[int, int, int]:
    return Voivodeship.objects.count(), Powiat.objects.count(), Gmina.objects.count()


# --- import_teryt --------------------------------------------------------------------------


def test_import_teryt_loads_the_sample_and_reports_counts():
    out, _ = run("import_teryt", TERC_SAMPLE)
    assert _counts() == (1, 3, 17)
    assert "Read 33 rows from terc-sample.csv." in out
    assert "voivodeships: 1 created, 0 updated, 0 unchanged" in out
    assert "powiats: 3 created, 0 updated, 0 unchanged" in out
    assert "gminas: 17 created, 0 updated, 0 unchanged" in out
    assert "parts of gminas skipped (RODZ 4, 5, 8, 9): 12" in out
    assert "21 units changed." in out


def test_import_teryt_rerun_reports_zero_changes_and_changes_nothing():
    run("import_teryt", TERC_SAMPLE)
    before = list(Gmina.objects.order_by("code").values())
    out, _ = run("import_teryt", TERC_SAMPLE)
    assert "0 units changed." in out
    assert "gminas: 0 created, 0 updated, 17 unchanged" in out
    assert list(Gmina.objects.order_by("code").values()) == before


def test_import_teryt_dry_run_writes_nothing():
    out, _ = run("import_teryt", TERC_SAMPLE, "--dry-run")
    assert "21 units would change." in out
    assert _counts() == (0, 0, 0)


def test_import_teryt_broken_file_fails_reporting_each_rejected_row_and_writes_nothing():
    message, err = run_failing("import_teryt", TERC_BROKEN)
    assert message == "7 row(s) rejected in terc-broken.csv; nothing was imported."
    assert err.splitlines() == [
        "line 5: WOJ must be 2 digits, got '8'.",
        "line 6: NAZWA (the name) is empty.",
        "line 7: STAN_NA must be a date as YYYY-MM-DD, got '01.01.2024'.",
        "line 8: RODZ of a gmina must be 1, 2 or 3 (or 4, 5, 8, 9 for parts), got '7'.",
        "line 9: Code 0802011 appears twice (first on line 4).",
        "line 10: Powiat 0877 of gmina 0877012 is neither in the file nor in the database.",
        "line 11: Unknown powiat kind in NAZWA_DOD: 'hrabstwo'.",
    ]
    # Not even the valid rows 2-4 (lubuskie, krośnieński, Gubin) were written.
    assert _counts() == (0, 0, 0)


def test_import_teryt_file_with_a_missing_column_fails_with_a_clear_message(tmp_path):
    path = tmp_path / "terc.csv"
    path.write_text("WOJ;POW;GMI;NAZWA;STAN_NA\n08;;;LUBUSKIE;2024-01-01\n", encoding="utf-8")
    message, _ = run_failing("import_teryt", path)
    assert message == (
        f"This is not a TERC file: columns missing: RODZ, NAZWA_DOD. Expected: {TERC_HEADER}."
    )
    assert _counts() == (0, 0, 0)


def test_import_teryt_loads_utf8_file_with_bom_and_crlf(tmp_path):
    path = tmp_path / "TERC_Urzedowy_2024-01-01.csv"
    text = TERC_SAMPLE.read_text(encoding="utf-8")
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))
    run("import_teryt", path)
    assert _counts() == (1, 3, 17)
    assert Gmina.objects.get(code="0809022").name == "Bojadła"


def test_import_teryt_non_utf8_file_fails_cleanly(tmp_path):
    path = tmp_path / "terc-cp1250.csv"
    path.write_bytes(TERC_SAMPLE.read_text(encoding="utf-8").encode("cp1250"))
    message, _ = run_failing("import_teryt", path)
    assert message.startswith("The file is not UTF-8 text (byte ")
    assert message.endswith("Save it as UTF-8 and try again.")
    assert _counts() == (0, 0, 0)


def test_import_teryt_missing_file_fails(tmp_path):
    message, _ = run_failing("import_teryt", tmp_path / "nope.csv")
    assert message.startswith("No such file: ")


def test_import_teryt_duplicate_code_is_reported_with_the_first_line(tmp_path):
    path = tmp_path / "terc.csv"
    path.write_text(
        "\n".join(
            [
                TERC_HEADER,
                "08;;;;LUBUSKIE;województwo;2024-01-01",
                "08;62;;;Zielona Góra;miasto na prawach powiatu;2024-01-01",
                "08;62;01;1;Zielona Góra;gmina miejska;2024-01-01",
                "08;62;01;1;Zielona Góra;gmina miejska;2024-01-01",
            ]
        ),
        encoding="utf-8",
    )
    _, err = run_failing("import_teryt", path)
    assert err == "line 5: Code 0862011 appears twice (first on line 4).\n"
    assert _counts() == (0, 0, 0)


def test_import_teryt_loads_the_full_bundled_register():
    out, _ = run("import_teryt")  # the default is the bundled data/teryt-terc.csv
    assert _counts() == (16, 380, 2477)
    kinds = dict(Gmina.objects.values_list("kind").annotate(n=Count("code")))
    assert kinds == {GminaKind.URBAN: 302, GminaKind.RURAL: 1464, GminaKind.URBAN_RURAL: 711}
    powiat_kinds = dict(Powiat.objects.values_list("kind").annotate(n=Count("code")))
    assert powiat_kinds == {PowiatKind.POWIAT: 314, PowiatKind.CITY: 65, PowiatKind.CAPITAL: 1}
    assert Powiat.objects.get(kind=PowiatKind.CAPITAL).name == "Warszawa"
    assert "2873 units changed." in out


# --- import_boundaries ---------------------------------------------------------------------


def _geojson(tmp_path, *codes: str, geometry=None) -> str:
    features = [
        {
            "type": "Feature",
            "properties": {"JPT_KOD_JE": code},
            "geometry": geometry or {"type": "Polygon", "coordinates": [SQUARE]},
        }
        for code in codes
    ]
    path = tmp_path / "gminy.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return str(path)


def test_import_boundaries_loads_a_file_for_one_level(sample_imported, tmp_path):
    out, _ = run("import_boundaries", _geojson(tmp_path, "0862011", "0802011"), level="gmina")
    assert out == "gmina: 2 created, 0 updated, 0 unchanged\n"
    assert Boundary.objects.filter(level=BoundaryLevel.GMINA).count() == 2
    assert Boundary.objects.get(code="0862011").source == import_boundaries.SOURCE


def test_import_boundaries_rerun_is_unchanged(sample_imported, tmp_path):
    path = _geojson(tmp_path, "0862011", "0802011")
    run("import_boundaries", path, level="gmina")
    out, _ = run("import_boundaries", path, level="gmina")
    assert out == "gmina: 0 created, 0 updated, 2 unchanged\n"


def test_import_boundaries_rejected_feature_fails_and_writes_nothing(sample_imported, tmp_path):
    message, err = run_failing(
        "import_boundaries", _geojson(tmp_path, "0862011", "9999999"), level="gmina"
    )
    assert message == "1 feature(s) rejected in gminy.geojson; nothing imported."
    assert err == "feature 2: Feature '9999999' is not a known unit.\n"
    assert not Boundary.objects.exists()


def test_import_boundaries_non_polygon_geometry_fails(sample_imported, tmp_path):
    point = {"type": "Point", "coordinates": [15.0, 52.0]}
    _, err = run_failing(
        "import_boundaries", _geojson(tmp_path, "0862011", geometry=point), level="gmina"
    )
    assert (
        err
        == "feature 1: Feature 0862011 has no valid polygon: closed rings of [longitude, latitude] positions are expected.\n"
    )
    assert not Boundary.objects.exists()


@pytest.mark.parametrize(("args", "options"), [(["x.geojson"], {}), ([], {"level": "gmina"})])
def test_import_boundaries_needs_both_level_and_file_or_neither(args, options):
    message, _ = run_failing("import_boundaries", *args, **options)
    assert message == "Give both --level and a file, or neither (bundled files)."


def test_import_boundaries_invalid_json_fails_cleanly(db, tmp_path):
    path = tmp_path / "gminy.geojson"
    path.write_text("not json", encoding="utf-8")
    message, _ = run_failing("import_boundaries", path, level="gmina")
    assert message.startswith("The file is not valid GeoJSON")


def test_import_boundaries_json_that_is_not_a_feature_collection_fails_cleanly(db, tmp_path):
    path = tmp_path / "gminy.geojson"
    path.write_text("[]", encoding="utf-8")
    message, _ = run_failing("import_boundaries", path, level="gmina")
    assert message == "This is not a GeoJSON FeatureCollection."


def test_bundled_boundaries_load_after_the_bundled_register():
    run("import_teryt")
    out, _ = run("import_boundaries")
    assert out.splitlines() == [
        "voivodeship: 16 created, 0 updated, 0 unchanged",
        "powiat: 380 created, 0 updated, 0 unchanged",
        "gmina: 2477 created, 0 updated, 0 unchanged",
    ]
    levels = dict(Boundary.objects.values_list("level").annotate(n=Count("code")))
    assert levels == {"voivodeship": 16, "powiat": 380, "gmina": 2477}
    # Every gmina of the register has its boundary, and nothing else has one at that level.
    gmina_codes = set(Gmina.objects.values_list("code", flat=True))
    assert set(Boundary.objects.filter(level="gmina").values_list("code", flat=True)) == gmina_codes
