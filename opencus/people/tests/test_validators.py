"""PESEL: its checksum and length, what it encodes (birth date, sex), and consistency with both."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from stdnum.pl import pesel as stdnum_pesel

from opencus.people import validators

# A valid PESEL of a man born 1944-05-14 (check digit 9).
KNOWN = "44051401359"

# The month is shifted by the century: 1800s +80, 1900s +0, 2000s +20, 2100s +40, 2200s +60.
MONTH_SHIFT = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}


def pesel_for(born: dt.date, sex: str = "male", serial: str = "013") -> str:
    """A valid PESEL for ``born`` and ``sex`` ("female"/"male"): the check digit computed.

    Vary ``serial`` (three digits) for several people born the same day.
    """
    month = born.month + MONTH_SHIFT[born.year // 100]
    sex_digit = "5" if sex == "male" else "4"
    first_ten = f"{born.year % 100:02d}{month:02d}{born.day:02d}{serial}{sex_digit}"
    return first_ten + stdnum_pesel.calc_check_digit(first_ten)


def with_check_digit(first_ten: str) -> str:
    return first_ten + stdnum_pesel.calc_check_digit(first_ten)


# 32 May 1944: the check digit matches, but there is no such birth date.
NO_SUCH_DATE = with_check_digit("4405320135")


def with_wrong_check_digit(pesel: str) -> str:
    return pesel[:-1] + str((int(pesel[-1]) + 1) % 10)


# --- validate_pesel ---------------------------------------------------------------------------


def test_the_builder_makes_the_known_pesel():
    assert pesel_for(dt.date(1944, 5, 14), "male") == KNOWN


@pytest.mark.parametrize(
    "value",
    [
        KNOWN,
        pesel_for(dt.date(1990, 1, 31), "female"),
        pesel_for(dt.date(2004, 2, 29), "male"),
        pesel_for(dt.date(1850, 12, 1), "female"),
    ],
    ids=["known", "1990-woman", "2000s-leap-day", "1800s"],
)
def test_a_valid_pesel_passes(value):
    validators.validate_pesel(value)


def test_an_empty_pesel_passes_as_it_is_optional():
    validators.validate_pesel("")


@pytest.mark.parametrize(
    "value",
    [
        with_wrong_check_digit(KNOWN),
        KNOWN[:-1],
        KNOWN + "0",
        "4405140135X",
        "ABCDEFGHIJK",
        NO_SUCH_DATE,
    ],
    ids=["wrong-check-digit", "ten-digits", "twelve-digits", "letter", "letters", "no-such-date"],
)
def test_an_invalid_pesel_is_refused(value):
    with pytest.raises(ValidationError) as raised:
        validators.validate_pesel(value)
    assert raised.value.messages == [str(validators.MSG_BAD_PESEL)]
    assert raised.value.code == "pesel"


# --- pesel_facts ------------------------------------------------------------------------------


def test_pesel_facts_reads_the_birth_date_and_sex_of_the_known_pesel():
    assert validators.pesel_facts(KNOWN) == (dt.date(1944, 5, 14), "male")


@pytest.mark.parametrize(
    ("born", "encoded_month"),
    [
        (dt.date(1899, 12, 31), "92"),
        (dt.date(1900, 1, 1), "01"),
        (dt.date(2000, 1, 1), "21"),
        (dt.date(2012, 12, 24), "32"),
        (dt.date(2101, 7, 4), "47"),
        (dt.date(2222, 2, 2), "62"),
    ],
    ids=["1800s", "1900s", "2000s", "2000s-december", "2100s", "2200s"],
)
def test_pesel_facts_decodes_the_century_from_the_month(born, encoded_month):
    value = pesel_for(born, "female")
    assert value[2:4] == encoded_month
    assert validators.pesel_facts(value) == (born, "female")


@pytest.mark.parametrize(
    ("sex_digit", "sex"), [(d, "male") for d in "13579"] + [(d, "female") for d in "02468"]
)
def test_pesel_facts_reads_the_sex_from_the_tenth_digit(sex_digit, sex):
    value = with_check_digit("440514013" + sex_digit)
    assert validators.pesel_facts(value) == (dt.date(1944, 5, 14), sex)


@pytest.mark.parametrize("value", ["", with_wrong_check_digit(KNOWN), "4405140135X"])
def test_pesel_facts_of_an_empty_or_invalid_pesel_is_none(value):
    assert validators.pesel_facts(value) is None


# --- check_pesel_consistency ------------------------------------------------------------------


def test_a_matching_birth_date_and_sex_are_consistent():
    assert (
        validators.check_pesel_consistency(pesel=KNOWN, birth_date=dt.date(1944, 5, 14), sex="male")
        == {}
    )


def test_an_empty_birth_date_and_sex_are_consistent_with_any_pesel():
    assert validators.check_pesel_consistency(pesel=KNOWN, birth_date=None, sex="") == {}


def test_without_a_valid_pesel_there_is_nothing_to_contradict():
    for value in ("", with_wrong_check_digit(KNOWN)):
        assert (
            validators.check_pesel_consistency(
                pesel=value, birth_date=dt.date(2000, 1, 1), sex="female"
            )
            == {}
        )


def test_a_birth_date_other_than_the_pesels_is_an_error_on_the_birth_date():
    errors = validators.check_pesel_consistency(
        pesel=KNOWN, birth_date=dt.date(1944, 5, 15), sex="male"
    )
    assert list(errors) == ["birth_date"]
    assert ValidationError(errors["birth_date"]).messages == [
        validators.MSG_PESEL_BIRTH_DATE % {"date": "1944-05-14"}
    ]


def test_a_sex_other_than_the_pesels_is_an_error_on_the_sex():
    errors = validators.check_pesel_consistency(
        pesel=KNOWN, birth_date=dt.date(1944, 5, 14), sex="female"
    )
    assert list(errors) == ["sex"]
    assert ValidationError(errors["sex"]).messages == [str(validators.MSG_PESEL_SEX)]


def test_both_mismatches_are_reported_together():
    errors = validators.check_pesel_consistency(
        pesel=KNOWN, birth_date=dt.date(1950, 1, 1), sex="female"
    )
    assert set(errors) == {"birth_date", "sex"}
