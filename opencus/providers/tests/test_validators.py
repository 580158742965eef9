"""NIP, REGON and KRS: a clear message for each way a number is wrong."""

import pytest
from django.core.exceptions import ValidationError

from opencus.providers import validators as v
from opencus.providers.tests.fixtures import BAD_NIP, BAD_REGON, GOOD_KRS, GOOD_NIP, GOOD_REGON


def _message(validator, value) -> str:
    with pytest.raises(ValidationError) as exc:
        validator(value)
    return exc.value.messages[0]


def test_good_numbers_pass():
    v.validate_nip(GOOD_NIP)
    v.validate_regon(GOOD_REGON)
    v.validate_regon("12345678512347")
    v.validate_krs(GOOD_KRS)
    v.validate_nip("")  # all optional


def test_nip_with_a_bad_checksum_says_so():
    assert _message(v.validate_nip, BAD_NIP) == str(v.MSG_NIP_CHECKSUM)


def test_nip_of_the_wrong_length_says_how_long_it_is():
    assert _message(v.validate_nip, "12345") == str(v.MSG_NIP_FORMAT)
    assert _message(v.validate_nip, "12345abcde") == str(v.MSG_NIP_FORMAT)


def test_regon_with_a_bad_checksum_says_so():
    assert _message(v.validate_regon, BAD_REGON) == str(v.MSG_REGON_CHECKSUM)


def test_regon_of_the_wrong_length_says_how_long_it_is():
    assert _message(v.validate_regon, "1234567") == str(v.MSG_REGON_FORMAT)


def test_krs_is_checked_for_its_format_only():
    assert _message(v.validate_krs, "12345") == str(v.MSG_KRS_FORMAT)
    assert _message(v.validate_krs, "00001234ab") == str(v.MSG_KRS_FORMAT)


def test_numbers_typed_with_dashes_and_spaces_are_made_compact():
    assert v.normalise_nip("123-456-32-18") == GOOD_NIP
    assert v.normalise_nip("PL 123 456 32 18") == GOOD_NIP
    assert v.normalise_regon("123 456 785") == GOOD_REGON
    assert v.normalise_krs("0000 123-456") == GOOD_KRS
