"""The catalogue as a spreadsheet: export, import with a row-by-row report, and back again."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook
from pytest_django.asserts import assertContains, assertRedirects

from opencus.catalogue import services, spreadsheets
from opencus.catalogue.enums import DeliveryMode, FeeKind, ServiceStatus, TargetGroup, Unit
from opencus.catalogue.models import Service, ServiceStatusChange, Term, Vocabulary
from opencus.catalogue.spreadsheets import RowError
from opencus.catalogue.tests.conftest import term
from opencus.territory.enums import AgreementKind
from opencus.territory.services import agreement_create

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}

# The columns of the export, as the import template documents them.
EXPORT_HEADER = [
    "id",
    "status",
    "name",
    "summary",
    "description",
    "provider",
    "areas",
    "target_groups",
    "needs",
    "delivery",
    "access_mode",
    "min_age",
    "max_age",
    "residents_of",
    "documents",
    "eligibility_notes",
    "fee_kind",
    "unit",
    "market_value",
    "resident_price",
    "funding",
    "fee_notes",
    "capacity",
    "capacity_period",
    "how_to_apply",
    "phone",
    "email",
    "website",
]
IMPORT_HEADER = EXPORT_HEADER[2:]


@pytest.fixture(autouse=True)
def english():
    """Report messages are translated when made; read them in English."""
    with translation.override("en"):
        yield


def row(**overrides) -> dict:
    """A valid import row (cells as typed in a Polish spreadsheet)."""
    cells = {
        "name": "Dowóz posiłków",
        "summary": "Ciepły obiad przywieziony do domu.",
        "description": "Dowozimy obiady od poniedziałku do piątku.",
        "areas": "social_assistance",
        "target_groups": "seniors",
        "needs": "meals",
        "delivery": "at_home",
        "access_mode": "application",
        "min_age": "60",
        "fee_kind": "cofinanced",
        "unit": "meal",
        "market_value": "28,00",
        "resident_price": "12,50",
        "how_to_apply": "Zadzwoń do CUS.",
    }
    return cells | overrides


def csv_bytes(rows, *, delimiter=";", encoding="utf-8", header=IMPORT_HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    for cells in rows:
        writer.writerow([cells.get(h, "") for h in header])
    return buffer.getvalue().encode(encoding)


def import_csv(world, rows, centre=None, **options):
    return spreadsheets.import_services(
        centre=centre or world.a,
        by=world.ous,
        filename="uslugi.csv",
        content=csv_bytes(rows, **options),
    )


def file_error(world, filename, content) -> str:
    with pytest.raises(spreadsheets.SpreadsheetError) as raised:
        spreadsheets.import_services(
            centre=world.a, by=world.ous, filename=filename, content=content
        )
    assert not Service.objects.exists()
    return str(raised.value)


def export_url(world, **query):
    address = reverse("centre:service_export", kwargs={"centre_slug": world.a.slug})
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def xlsx_rows(content: bytes) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]


def snapshot(service) -> dict:
    """A service's values, as a spreadsheet carries them."""
    return {
        **{f: getattr(service, f) for f in services.SERVICE_FIELDS - {"is_demo"}},
        **{
            name: sorted(t.code for t in getattr(service, name).all())
            for name in ("areas", "target_groups", "needs", "funding")
        },
        "residents_of": sorted(g.code for g in service.residents_of.all()),
        "documents": sorted(service.documents.values_list("kind", flat=True)),
    }


@pytest.fixture
def full_service(world, make_service):
    """A service of world.a that fills every column."""
    return make_service(
        world.a,
        publish=True,
        name="Asystent osoby starszej",
        provider=world.organisation,
        at_location=True,
        remote=True,
        access_mode="application",
        min_age=60,
        max_age=99,
        eligibility_notes="Osoby samotne mają pierwszeństwo.",
        documents=["medical_referral", "income_statement"],
        fee_kind=FeeKind.COFINANCED,
        unit=Unit.HOUR,
        market_value=Decimal("45.50"),
        resident_price=Decimal("9.10"),
        fee_notes="Zwolnienie przy niskim dochodzie.",
        needs=[term(Vocabulary.NEED, "daily_care"), term(Vocabulary.NEED, "getting_around")],
        funding=[term(Vocabulary.FUNDING, "eu_funds"), term(Vocabulary.FUNDING, "gmina_budget")],
        capacity=120,
        capacity_period="month",
        phone="+48 68 475 00 00",
        email="asystent@cus-alfa.pl",
        website="https://cus-alfa.pl/asystent",
    )


# --- export ---------------------------------------------------------------------------------


def test_the_csv_export_has_the_documented_header_and_only_the_centres_services(
    world, client_for, full_service, make_service
):
    make_service(world.a, name="Dowóz posiłków")
    make_service(world.b, name="Usługa Bety")
    response = client_for(world.kipus).get(export_url(world, format="csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="catalogue-alfa-')
    header, *rows = csv_rows(response)
    assert header == EXPORT_HEADER
    assert [r[2] for r in rows] == ["Asystent osoby starszej", "Dowóz posiłków"]
    cells = dict(zip(header, rows[0], strict=True))
    assert cells["id"] == str(full_service.pk)
    assert cells["status"] == "published"
    assert cells["provider"] == world.organisation.name
    assert cells["delivery"] == "at_home;at_location;remote"
    assert cells["needs"] == "getting_around;daily_care"
    assert cells["residents_of"] == world.a.seat_gmina.code
    assert (cells["market_value"], cells["resident_price"]) == ("45.50", "9.10")
    assert cells["phone"] == "'+48 68 475 00 00"  # defused: not a formula to a spreadsheet


def test_the_xlsx_export_has_the_documented_header_and_only_the_centres_services(
    world, client_for, full_service, make_service
):
    make_service(world.b, name="Usługa Bety")
    response = client_for(world.front_desk).get(export_url(world, format="xlsx"))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    header, *rows = xlsx_rows(response.content)
    assert header == EXPORT_HEADER
    assert [r[2] for r in rows] == ["Asystent osoby starszej"]
    assert rows[0][EXPORT_HEADER.index("phone")] == "+48 68 475 00 00"


def test_the_export_follows_the_lists_filters(world, client_for, make_service):
    make_service(world.a, name="Dowóz posiłków", publish=True)
    make_service(world.a, name="Klub seniora")
    response = client_for(world.ous).get(export_url(world, format="csv", status="draft"))
    assert [r[2] for r in csv_rows(response)[1:]] == ["Klub seniora"]


def test_a_formula_in_a_cell_stays_text_in_the_xlsx_export(world, make_service):
    service = make_service(world.a, name='=HYPERLINK("http://x")', summary="=1+1")
    content = spreadsheets.export_xlsx([service])
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.cell(row=2, column=3).data_type == "s"
    assert sheet.cell(row=2, column=3).value == '=HYPERLINK("http://x")'
    assert sheet.cell(row=2, column=4).value == "=1+1"
    result = spreadsheets.import_services(
        centre=world.a, by=world.ous, filename="katalog.xlsx", content=content
    )
    assert [(s.name, s.summary) for s in result.created] == [('=HYPERLINK("http://x")', "=1+1")]


# --- export, then import --------------------------------------------------------------------


def test_an_exported_xlsx_imports_back_as_drafts_with_the_same_values(
    world, client_for, full_service
):
    content = client_for(world.ous).get(export_url(world, format="xlsx")).content
    result = spreadsheets.import_services(
        centre=world.a, by=world.ous, filename="katalog.xlsx", content=content
    )
    assert result.ok, result.errors
    (copy,) = result.created
    assert copy.pk != full_service.pk
    assert copy.status == ServiceStatus.DRAFT
    assert snapshot(copy) == snapshot(full_service)


def test_an_exported_xlsx_imports_into_another_centre(world, client_for, full_service):
    # world.b may open the service to world.a's gmina through an agreement.
    agreement_create(
        by=None,
        title="Porozumienie Alfa–Beta",
        kind=AgreementKind.BILATERAL,
        lead_gmina=world.b.seat_gmina,
        parties=[world.b.seat_gmina, world.a.seat_gmina],
    )
    content = client_for(world.ous).get(export_url(world, format="xlsx")).content
    result = spreadsheets.import_services(
        centre=world.b, by=world.b_director, filename="katalog.xlsx", content=content
    )
    assert result.ok, result.errors
    (copy,) = result.created
    assert (copy.centre, copy.status) == (world.b, ServiceStatus.DRAFT)
    assert copy.status_changes.get().by == world.b_director
    assert snapshot(copy) == snapshot(full_service)


def test_another_centre_cannot_import_gminas_it_does_not_serve(world, client_for, full_service):
    content = client_for(world.ous).get(export_url(world, format="xlsx")).content
    result = spreadsheets.import_services(
        centre=world.b, by=world.b_director, filename="katalog.xlsx", content=content
    )
    assert result.errors == [
        RowError(
            2,
            "residents_of",
            services.MSG_GMINA_NOT_ALLOWED % {"gminas": world.a.seat_gmina.name},
        )
    ]
    assert not Service.objects.filter(centre=world.b).exists()


def test_an_exported_csv_imports_back_with_the_same_values(world, client_for, full_service):
    response = client_for(world.ous).get(export_url(world, format="csv"))
    content = b"".join(response.streaming_content)
    result = spreadsheets.import_services(
        centre=world.a, by=world.ous, filename="katalog.csv", content=content
    )
    assert result.ok, result.errors
    (copy,) = result.created
    assert snapshot(copy) == snapshot(full_service)  # the "+48" phone included


# --- import: rows -------------------------------------------------------------------------


def test_valid_rows_become_drafts(world):
    result = import_csv(world, [row(), row(name="Klub seniora", delivery="at_location")])
    assert result.ok
    assert result.rows == 2
    assert [s.name for s in result.created] == ["Dowóz posiłków", "Klub seniora"]
    meals = Service.objects.get(name="Dowóz posiłków")
    assert meals.status == ServiceStatus.DRAFT
    assert (meals.market_value, meals.resident_price) == (Decimal("28.00"), Decimal("12.50"))
    assert (meals.at_home, meals.at_location, meals.min_age) == (True, False, 60)
    assert list(meals.residents_of.all()) == [world.a.seat_gmina]  # the centre's, by default
    assert ServiceStatusChange.objects.filter(by=world.ous).count() == 2


def test_several_bad_rows_are_each_reported_and_nothing_is_created(world):
    result = import_csv(
        world,
        [
            row(fee_kind="gratis"),
            row(name="Klub seniora", min_age="sześćdziesiąt"),
            row(name="Poprawny wiersz"),
            row(name="Pralnia", resident_price="30"),
            row(name="Kurs", residents_of="9999999", market_value="12,345", delivery=""),
        ],
    )
    assert not result.ok
    assert result.created == []
    assert not Service.objects.exists()
    allowed = ", ".join(FeeKind.values)
    assert result.errors == [
        RowError(2, "fee_kind", f"Unknown value 'gratis' (allowed: {allowed})."),
        RowError(3, "min_age", "Enter a whole number, not 'sześćdziesiąt'."),
        RowError(5, "resident_price", str(services.MSG_COFINANCED_PRICE)),
        RowError(6, "delivery", "This column is required."),
        RowError(6, "residents_of", "'9999999' is not a gmina TERYT code."),
        RowError(6, "market_value", "Enter an amount in PLN such as 12,50, not '12,345'."),
    ]


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"areas": "astrology"}, "areas", "Unknown value 'astrology'."),
        (
            {"provider": "Nieznana fundacja"},
            "provider",
            "No provider organisation is called 'Nieznana fundacja'.",
        ),
        (
            {"capacity": "2,5", "capacity_period": "week"},
            "capacity",
            "Enter a whole number, not '2,5'.",
        ),
        ({"max_age": "-5"}, "max_age", "Enter a whole number, not '-5'."),
        ({"max_age": "inf"}, "max_age", "Enter a whole number, not 'inf'."),
        (
            {"market_value": "-28"},
            "market_value",
            "Enter an amount in PLN such as 12,50, not '-28'.",
        ),
        (
            {"market_value": "nan"},
            "market_value",
            "Enter an amount in PLN such as 12,50, not 'nan'.",
        ),
        (
            {"market_value": "Infinity"},
            "market_value",
            "Enter an amount in PLN such as 12,50, not 'Infinity'.",
        ),
        ({"name": ""}, "name", "This column is required."),
        ({"min_age": "70", "max_age": "60"}, "max_age", services.MSG_AGE_RANGE),
        ({"capacity": "10"}, "capacity_period", services.MSG_CAPACITY_PERIOD),
        ({"areas": ""}, "areas", services.MSG_NEED_AREA),
        ({"target_groups": ""}, "target_groups", services.MSG_NEED_GROUP),
    ],
    ids=[
        "unknown-term",
        "unknown-provider",
        "not-whole",
        "negative-int",
        "infinite-int",
        "negative-amount",
        "nan-amount",
        "infinite-amount",
        "required",
        "ages",
        "capacity",
        "areas",
        "groups",
    ],
)
def test_a_bad_cell_is_reported_with_its_row_and_column(world, cells, column, message):
    result = import_csv(world, [row(**cells)])
    with translation.override("en"):  # lazy messages are read in the language of the import
        expected = str(message)
    assert result.errors == [RowError(2, column, expected)]
    assert not Service.objects.exists()


def test_a_model_rule_is_reported_with_its_column(world):
    result = import_csv(world, [row(name="x" * 201, email="anna@")])
    assert {(e.row, e.column) for e in result.errors} == {(2, "name"), (2, "email")}
    assert not Service.objects.exists()


def test_row_numbers_are_those_of_the_spreadsheet_even_after_blank_rows(world):
    content = csv_bytes([row(), {}, row(name="Zły", fee_kind="gratis")])
    result = spreadsheets.import_services(
        centre=world.a, by=world.ous, filename="uslugi.csv", content=content
    )
    assert [(e.row, e.column) for e in result.errors] == [(4, "fee_kind")]


def _label(choice, language):
    with translation.override(language):
        return str(choice.label)


@pytest.mark.parametrize("language", ["code", "pl", "en"])
def test_cells_may_give_codes_or_polish_or_english_labels(world, language):
    def say(choice):
        return choice.value if language == "code" else _label(choice, language)

    def say_term(vocabulary, code):
        found = Term.objects.get(vocabulary=vocabulary, code=code)
        if language == "code":
            return code
        with translation.override(language):
            return str(found.label)

    cells = row(
        areas=say_term(Vocabulary.AREA, "social_assistance").upper(),
        target_groups=";".join([say(TargetGroup.SENIORS), say(TargetGroup.CARERS)]),
        needs=say_term(Vocabulary.NEED, "meals"),
        funding=say_term(Vocabulary.FUNDING, "pfron"),
        delivery=f"{say(DeliveryMode.AT_HOME)}; {say(DeliveryMode.REMOTE)}",
        fee_kind=say(FeeKind.FREE),
        resident_price="0",
        unit=say(Unit.MEAL),
    )
    result = import_csv(world, [cells])
    assert result.ok, result.errors
    service = result.created[0]
    assert [t.code for t in service.areas.all()] == ["social_assistance"]
    assert sorted(t.code for t in service.target_groups.all()) == ["carers", "seniors"]
    assert [t.code for t in service.funding.all()] == ["pfron"]
    assert (service.at_home, service.remote, service.at_location) == (True, True, False)
    assert (service.fee_kind, service.unit) == (FeeKind.FREE, Unit.MEAL)


def test_labels_are_matched_without_polish_letters_or_case(world):
    polish_free = _label(FeeKind.FREE, "pl")
    result = import_csv(world, [row(fee_kind=polish_free.upper(), resident_price="0")])
    assert result.ok, result.errors


# --- import: the file ---------------------------------------------------------------------


def test_a_cp1250_csv_is_read(world):
    result = import_csv(world, [row(name="Usługi opiekuńcze – Żary")], encoding="cp1250")
    assert result.ok, result.errors
    assert result.created[0].name == "Usługi opiekuńcze – Żary"


def test_a_csv_with_a_byte_order_mark_is_read(world):
    result = import_csv(world, [row()], encoding="utf-8-sig")
    assert result.ok, result.errors


def test_a_comma_separated_csv_is_read(world):
    result = import_csv(world, [row(description="Obiady, zupy, desery.")], delimiter=",")
    assert result.ok, result.errors
    assert result.created[0].description == "Obiady, zupy, desery."


def test_an_xlsx_written_by_hand_is_read(world):
    workbook = Workbook()
    sheet = workbook.active
    cells = row()
    sheet.append(IMPORT_HEADER)
    sheet.append([cells.get(h, "") for h in IMPORT_HEADER])
    sheet.cell(row=2, column=IMPORT_HEADER.index("min_age") + 1, value=60)  # a number cell
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = spreadsheets.import_services(
        centre=world.a, by=world.ous, filename="RĘCZNY.XLSX", content=buffer.getvalue()
    )
    assert result.ok, result.errors
    assert result.created[0].min_age == 60


def test_a_file_that_is_neither_xlsx_nor_csv_is_refused(world):
    message = file_error(world, "uslugi.ods", csv_bytes([row()]))
    assert message == "Upload an .xlsx or a .csv file."


def test_a_broken_xlsx_is_refused(world):
    message = file_error(world, "uslugi.xlsx", b"not a zip file")
    assert message == "The file is not a readable XLSX workbook."


def test_a_csv_in_an_unknown_encoding_is_refused(world):
    message = file_error(world, "uslugi.csv", b"name;summary\n\x81\x83\x88\x90\x98")
    assert message == "The CSV file is neither UTF-8 nor Windows-1250 text."


@pytest.mark.parametrize("content", [b"", b"\n\n;;;\n"], ids=["empty", "blank-rows"])
def test_an_empty_file_is_refused(world, content):
    assert file_error(world, "uslugi.csv", content) == "The file is empty."


def test_a_missing_required_column_is_refused(world):
    header = [h for h in IMPORT_HEADER if h not in ("fee_kind", "unit")]
    message = file_error(world, "uslugi.csv", csv_bytes([row()], header=header))
    assert message == (
        "Columns missing: fee_kind, unit. Export the catalogue to get a file with the right columns."
    )


def test_too_many_rows_are_refused(world):
    content = csv_bytes([row(name=f"Usługa {i}") for i in range(spreadsheets.MAX_ROWS + 1)])
    message = file_error(world, "uslugi.csv", content)
    assert message == f"At most {spreadsheets.MAX_ROWS} rows can be imported at once."


def test_a_file_over_the_size_limit_is_refused(world):
    message = file_error(world, "uslugi.csv", b"x" * (spreadsheets.MAX_BYTES + 1))
    assert message == "The file is larger than 5 MB."


# --- the import page ----------------------------------------------------------------------


def _upload(world, client_for, name, content):
    return client_for(world.ous).post(
        reverse("centre:service_import", kwargs={"centre_slug": world.a.slug}),
        {"file": SimpleUploadedFile(name, content)},
        headers=ENGLISH,
    )


def test_the_import_page_shows_the_report_row_by_row(world, client_for):
    content = csv_bytes([row(), row(name="Klub", min_age="abc"), row(name="Kurs", unit="lesson")])
    response = _upload(world, client_for, "uslugi.csv", content)
    assert response.status_code == 200
    assertContains(response, "2 problems found; nothing was imported.")
    assertContains(
        response, "<td>3</td><td>min_age</td><td>Enter a whole number, not &#x27;abc&#x27;.</td>"
    )
    assertContains(response, "<td>4</td><td>unit</td>", html=False)
    assert not Service.objects.exists()


def test_the_import_page_imports_and_goes_to_the_drafts(world, client_for):
    response = _upload(world, client_for, "uslugi.csv", csv_bytes([row(), row(name="Klub")]))
    list_url = reverse("centre:service_list", kwargs={"centre_slug": world.a.slug})
    assertRedirects(response, list_url + "?status=draft", fetch_redirect_response=False)
    assert Service.objects.filter(centre=world.a, status=ServiceStatus.DRAFT).count() == 2
    page = client_for(world.ous).get(response.url, headers=ENGLISH)
    assert [str(m) for m in page.context["messages"]] == ["2 services were imported as drafts."]


def test_the_import_page_shows_a_file_error_next_to_the_file(world, client_for):
    response = _upload(world, client_for, "uslugi.txt", b"name\nx")
    assert response.context["form"].errors == {"file": ["Upload an .xlsx or a .csv file."]}
    assertContains(response, 'id="id_file_error"')


def test_the_import_page_needs_a_file(world, client_for):
    response = client_for(world.ous).post(
        reverse("centre:service_import", kwargs={"centre_slug": world.a.slug}),
        {"file": ""},
        headers=ENGLISH,
    )
    assert list(response.context["form"].errors) == ["file"]
