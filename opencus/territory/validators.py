"""Validators shared by models, forms, the importer and (later) the API.

Messages are module constants so that tests can import them.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.pl import nip, regon

TERC_GMINA_RE = re.compile(r"^\d{6}[1-3]$")
MSG_BAD_GMINA_CODE = _("A gmina TERYT code has 7 digits, the last one 1, 2 or 3 (e.g. 0801032).")
MSG_BAD_NIP = _("This NIP is not valid: check the 10 digits (the checksum does not match).")
MSG_BAD_REGON = _("This REGON is not valid: it has 9 or 14 digits and a matching checksum.")
MSG_BAD_POSTAL_CODE = _("Enter the postal code as 00-000.")
POSTAL_CODE_RE = re.compile(r"^\d{2}-\d{3}$")


def validate_gmina_code(value: str) -> None:
    if not TERC_GMINA_RE.match(value or ""):
        raise ValidationError(MSG_BAD_GMINA_CODE, code="gmina_code")


def validate_nip(value: str) -> None:
    if value and not nip.is_valid(value):
        raise ValidationError(MSG_BAD_NIP, code="nip")


def validate_regon(value: str) -> None:
    if value and not regon.is_valid(value):
        raise ValidationError(MSG_BAD_REGON, code="regon")


def validate_postal_code(value: str) -> None:
    if value and not POSTAL_CODE_RE.match(value):
        raise ValidationError(MSG_BAD_POSTAL_CODE, code="postal_code")


def normalise_nip(value: str) -> str:
    return nip.compact(value) if value else ""


def normalise_regon(value: str) -> str:
    return regon.compact(value) if value else ""
