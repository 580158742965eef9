from pathlib import Path

import pytest
from django.utils import translation

from opencus.territory.importers import terc_import

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = DATA / "samples"
TERC_SAMPLE = SAMPLES / "terc-sample.csv"
TERC_BROKEN = SAMPLES / "terc-broken.csv"
TERC_HEADER = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA"


@pytest.fixture
def english():
    """Importer reasons are translated when they are made; read them in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def sample_text() -> str:
    return TERC_SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def sample_imported(db, sample_text):
    """The lubuskie sample (krośnieński, zielonogórski, Zielona Góra) in the database."""
    report = terc_import(text=sample_text)
    assert report.ok, report.rejected
    return report
