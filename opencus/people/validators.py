"""PESEL and its consistency with the birth date and sex (python-stdnum)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.pl import pesel as stdnum_pesel

MSG_BAD_PESEL = _("This PESEL is not valid: it has 11 digits and a matching check digit.")
MSG_PESEL_BIRTH_DATE = _("The birth date does not match the PESEL (it says %(date)s).")
MSG_PESEL_SEX = _("The sex does not match the PESEL.")


def validate_pesel(value: str) -> None:
    if value and not stdnum_pesel.is_valid(value):
        raise ValidationError(MSG_BAD_PESEL, code="pesel")


def pesel_facts(value: str) -> tuple[dt.date, str] | None:
    """(birth date, "female"/"male") that a valid PESEL encodes; None for an invalid one."""
    if not value or not stdnum_pesel.is_valid(value):
        return None
    gender = stdnum_pesel.get_gender(value)  # "F" or "M"
    return stdnum_pesel.get_birth_date(value), "female" if gender == "F" else "male"


def check_pesel_consistency(*, pesel: str, birth_date: dt.date | None, sex: str) -> dict:
    """Field errors when birth date or sex contradict the PESEL."""
    facts = pesel_facts(pesel)
    errors: dict[str, list] = {}
    if facts is None:
        return errors
    born, encoded_sex = facts
    if birth_date and birth_date != born:
        errors["birth_date"] = [
            ValidationError(MSG_PESEL_BIRTH_DATE, params={"date": born.isoformat()})
        ]
    if sex and sex != encoded_sex:
        errors["sex"] = [MSG_PESEL_SEX]
    return errors
