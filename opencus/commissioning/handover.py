"""What follows an award: the contract made from an awarded offer.

The contracts app sits above this one (it may import commissioning; commissioning never
imports it). It tells this module how to find the contracts made from offers when it loads
(``register_contracts_finder`` in its ``AppConfig.ready``), and reads the offer itself
through ``selectors.awarded_offer_for_contract``. The call's page and the organisation's
offer page ask here, once for all their offers, which already have their contract.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

ContractsFinder = Callable[[Iterable[Any]], dict[Any, Any]]

_finder: ContractsFinder | None = None


def register_contracts_finder(finder: ContractsFinder) -> None:
    """``finder(offer_ids)`` returns {offer id: its contract} (one query)."""
    global _finder
    _finder = finder


def contracts_of_offers(offer_ids: Iterable[Any]) -> dict[Any, Any]:
    """{offer id: the contract made from it}, for the offers that have one."""
    ids = list(offer_ids)
    if not ids:
        return {}
    if _finder is None:
        raise ImproperlyConfigured("The contracts app registers how to find an offer's contract.")
    return _finder(ids)
