"""NIP, REGON, postal code and gmina code validators (no database)."""

import pytest
from django.core.exceptions import ValidationError
from stdnum.pl import nip, regon

from opencus.territory import validators

VALID_NIP = "8567346215"
VALID_REGON_9 = "12345678" + regon.calc_check_digit("12345678")
VALID_REGON_14 = VALID_REGON_9 + "1234" + regon.calc_check_digit(VALID_REGON_9 + "1234")


def _other_last_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def _message(excinfo) -> str:
    return excinfo.value.messages[0]


def test_examples_are_valid_for_python_stdnum():
    assert nip.is_valid(VALID_NIP)
    assert regon.is_valid(VALID_REGON_9)
    assert regon.is_valid(VALID_REGON_14)


@pytest.mark.parametrize("value", [VALID_NIP, "856-734-62-15", ""])
def test_nip_with_matching_checksum_is_accepted(value):
    validators.validate_nip(value)


@pytest.mark.parametrize(
    "value", [_other_last_digit(VALID_NIP), "123", "85673462150", "abcdefghij"]
)
def test_nip_with_bad_checksum_or_length_is_rejected(value):
    assert not nip.is_valid(value)
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_nip(value)
    assert _message(excinfo) == validators.MSG_BAD_NIP


@pytest.mark.parametrize("value", [VALID_REGON_9, VALID_REGON_14, ""])
def test_regon_of_9_or_14_digits_with_matching_checksum_is_accepted(value):
    validators.validate_regon(value)


@pytest.mark.parametrize(
    "value",
    [
        _other_last_digit(VALID_REGON_9),
        _other_last_digit(VALID_REGON_14),
        VALID_REGON_9[:-1],
        VALID_REGON_9 + "1",
    ],
)
def test_regon_with_bad_checksum_or_length_is_rejected(value):
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_regon(value)
    assert _message(excinfo) == validators.MSG_BAD_REGON


@pytest.mark.parametrize("value", ["65-001", "00-950", ""])
def test_postal_code_as_00_000_is_accepted(value):
    validators.validate_postal_code(value)


@pytest.mark.parametrize("value", ["65001", "6-5001", "650-01", "ab-cde", "65-0011", " 65-001"])
def test_postal_code_in_another_format_is_rejected(value):
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_postal_code(value)
    assert _message(excinfo) == validators.MSG_BAD_POSTAL_CODE


@pytest.mark.parametrize("value", ["0862011", "0802022", "0809013"])
def test_gmina_code_of_7_digits_ending_in_1_2_or_3_is_accepted(value):
    validators.validate_gmina_code(value)


@pytest.mark.parametrize("value", ["0809014", "0809015", "080901", "08090133", "08a9013", "", None])
def test_gmina_code_of_other_shape_or_a_gmina_part_is_rejected(value):
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_gmina_code(value)
    assert _message(excinfo) == validators.MSG_BAD_GMINA_CODE


def test_nip_and_regon_are_compacted():
    assert validators.normalise_nip("856-734-62-15") == VALID_NIP
    assert validators.normalise_regon(f" {VALID_REGON_9[:3]}-{VALID_REGON_9[3:]}") == VALID_REGON_9
    assert validators.normalise_nip("") == ""
