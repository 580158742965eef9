"""The numbers of the law that DOMAIN.md marks [U] (unverified): settings, not constants.

Each has a default here; a deployment overrides any of them in Django settings::

    COMMISSIONING = {"SMALL_GRANT_MAX_VALUE": Decimal("12000")}

Services read them at call time (``limits.get("…")``), so tests can change them with
``settings.COMMISSIONING = {...}`` and a changed law needs no release.
"""

from decimal import Decimal

from django.conf import settings

from opencus.providers.enums import LegalForm

DEFAULTS: dict[str, object] = {
    # Art. 19a u.d.p.p.w. (small grants outside a competition).
    "SMALL_GRANT_MAX_VALUE": Decimal("10000"),
    "SMALL_GRANT_MAX_DAYS": 90,
    "SMALL_GRANT_MAX_PER_ORGANISATION_YEAR": Decimal("20000"),
    "SMALL_GRANT_COMMENT_DAYS": 7,
    # Art. 19a ust. 8: small grants take at most this share of the grants the budget plans
    # in the year for public tasks of NGOs (``GrantPool``).
    "SMALL_GRANT_MAX_POOL_SHARE": Decimal("0.20"),
    # Art. 13 u.d.p.p.w.: an open competition gives at least this many days for offers.
    "OPEN_COMPETITION_MIN_DAYS": 21,
    # Below this value the Pzp does not apply; the gmina's own rules do.
    "PZP_THRESHOLD": Decimal("130000"),
    # Art. 94 Pzp: who may apply for a reserved contract by its legal form. Others only by
    # declaring that at least 30% of their staff are persons with disabilities or socially
    # marginalised (checked in the formal check).
    "RESERVED_LEGAL_FORMS": (
        LegalForm.CIS,
        LegalForm.KIS,
        LegalForm.ZAZ,
        LegalForm.WTZ,
        LegalForm.SOCIAL_COOPERATIVE,
        LegalForm.SHELTERED_WORKPLACE,
    ),
    # Entities that cannot receive a grant under the public benefit act (art. 3: it is for
    # NGOs and the entities of art. 3 ust. 3).
    "GRANT_EXCLUDED_LEGAL_FORMS": (LegalForm.COMPANY, LegalForm.GMINA_UNIT),
}


def get(name: str):
    """The value of a limit: the deployment's setting, else the default."""
    if name not in DEFAULTS:
        raise KeyError(f"unknown commissioning limit {name!r}")
    return getattr(settings, "COMMISSIONING", {}).get(name, DEFAULTS[name])
