"""Identifiers of organisations: NIP, REGON (python-stdnum) and KRS (format only).

One function per number, used by the model, the forms and the services; the messages say
what is wrong (length, or a checksum that does not match) and are constants tests import.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip, regon

MSG_NIP_FORMAT = _("A NIP has 10 digits (dashes and spaces are allowed), e.g. 123-456-32-18.")
MSG_NIP_CHECKSUM = _(
    "This NIP is not valid: its last digit does not match the checksum of the first nine. "
    "Check for a mistyped digit."
)
MSG_REGON_FORMAT = _("A REGON has 9 or 14 digits.")
MSG_REGON_CHECKSUM = _(
    "This REGON is not valid: its last digit does not match the checksum. Check for a "
    "mistyped digit."
)
MSG_KRS_FORMAT = _("A KRS number has exactly 10 digits, e.g. 0000123456.")

_KRS_RE = re.compile(r"^\d{10}$")


def normalise_nip(value: str) -> str:
    return nip.compact(value) if value else ""


def normalise_regon(value: str) -> str:
    return regon.compact(value) if value else ""


def normalise_krs(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def validate_nip(value: str) -> None:
    if not value:
        return
    try:
        nip.validate(value)
    except InvalidChecksum:
        raise ValidationError(MSG_NIP_CHECKSUM, code="nip_checksum") from None
    except StdnumError:
        raise ValidationError(MSG_NIP_FORMAT, code="nip_format") from None


def validate_regon(value: str) -> None:
    if not value:
        return
    try:
        regon.validate(value)
    except InvalidChecksum:
        raise ValidationError(MSG_REGON_CHECKSUM, code="regon_checksum") from None
    except StdnumError:
        raise ValidationError(MSG_REGON_FORMAT, code="regon_format") from None


def validate_krs(value: str) -> None:
    # KRS has no check digit (python-stdnum has no module for it): the format is all we can check.
    if value and not _KRS_RE.match(value):
        raise ValidationError(MSG_KRS_FORMAT, code="krs")
