import csv
import io

import pytest

from opencus.core.exports import csv_response, safe_cell


@pytest.mark.parametrize(
    "value", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_formulas_are_defused(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "expected"), [("Anna", "Anna"), (None, ""), (12, "12"), ("a=b", "a=b")]
)
def test_ordinary_values_are_kept(value, expected):
    assert safe_cell(value) == expected


def test_csv_response_is_excel_friendly_and_defused():
    response = csv_response("x.csv", ["name"], [["=cmd|' /C calc'!A0"], ["Łódź"]])
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows == [["name"], ["'=cmd|' /C calc'!A0"], ["Łódź"]]
