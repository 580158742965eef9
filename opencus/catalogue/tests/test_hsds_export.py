"""manage.py export_hsds: the HSDS 3.0 tabular data package of the published catalogue."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from opencus.catalogue import hsds
from opencus.catalogue.tests.test_hsds_data import build_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return build_catalogue()


def read(directory, table) -> list[dict]:
    with (directory / hsds.table_file(table)).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def export(directory, *args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("export_hsds", str(directory), *args, stdout=out)
    return out.getvalue()


def test_writes_one_csv_per_table_with_the_spec_columns(catalogue, tmp_path):
    output = export(tmp_path)
    for table in hsds.EXPORT_TABLES:
        file = tmp_path / hsds.table_file(table)
        assert file.is_file(), table
        header = file.read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(hsds.table_columns(table))
        assert f"{hsds.table_file(table)}:" in output  # progress, table by table
    assert (tmp_path / "datapackage.json").is_file()
    assert "4 published services" in output


def test_only_published_services_and_what_they_involve(catalogue, tmp_path):
    export(tmp_path)
    names = {row["name"] for row in read(tmp_path, "service")}
    assert names == {
        "Asystent osoby starszej",
        "Klub rodzinny",
        "Wypożyczalnia sprzętu rehabilitacyjnego",
        "Usługi opiekuńcze w Gubinie",
    }
    assert {row["status"] for row in read(tmp_path, "service")} == {"active"}
    locations = {row["id"] for row in read(tmp_path, "location")}
    assert str(catalogue.hidden_place.id) not in locations
    assert len(locations) == 3


def test_every_row_is_valid_against_its_table_schema(catalogue, tmp_path):
    export(tmp_path)
    for table in hsds.EXPORT_TABLES:
        for number, row in enumerate(read(tmp_path, table), start=1):
            errors = hsds.schema_errors(
                hsds._coerce(table, row), f"{table}.json", where=f"{table} {number}"
            )
            assert errors == []


def test_values_as_hsds_gives_them(catalogue, tmp_path):
    export(tmp_path)
    [cost] = [
        r for r in read(tmp_path, "cost_option") if r["service_id"] == str(catalogue.assistant.id)
    ]
    assert (cost["amount"], cost["currency"]) == ("20.5", "PLN")
    [service] = [r for r in read(tmp_path, "service") if r["id"] == str(catalogue.assistant.id)]
    assert service["minimum_age"] == "60"
    assert service["last_modified"].endswith("Z")
    assert "120,00" in service["fees_description"]
    phones = {r["number"] for r in read(tmp_path, "phone")}
    assert "+48 68 383 50 01" in phones  # not defused for spreadsheets: this is data


def test_the_datapackage_describes_the_files(catalogue, tmp_path):
    export(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(hsds.EXPORT_TABLES)
    for table, resource in resources.items():
        assert resource["path"] == hsds.table_file(table)
        assert resource["profile"] == "tabular-data-resource"
        assert [f["name"] for f in resource["schema"]["fields"]] == hsds.table_columns(table)
        for key in resource["schema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in resources
    service_fields = {f["name"]: f for f in resources["service"]["schema"]["fields"]}
    assert service_fields["id"]["constraints"] == {"required": True, "unique": True}
    assert service_fields["organization_id"]["constraints"]["required"] is True
    assert service_fields["last_modified"]["type"] == "datetime"


def test_two_exports_of_the_same_data_are_equal(catalogue, tmp_path):
    export(tmp_path / "a")
    export(tmp_path / "b")
    for file in sorted((tmp_path / "a").iterdir()):
        assert file.read_bytes() == (tmp_path / "b" / file.name).read_bytes(), file.name


def test_one_centre(catalogue, tmp_path):
    export(tmp_path, "--centre", catalogue.other.slug)
    assert [r["name"] for r in read(tmp_path, "service")] == ["Usługi opiekuńcze w Gubinie"]
    assert [r["id"] for r in read(tmp_path, "organization")] == [str(catalogue.other.id)]
    with pytest.raises(CommandError):
        export(tmp_path, "--centre", "nope")
