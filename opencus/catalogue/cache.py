"""Caching of what the public reads from the catalogue, keyed so it can never be stale.

The key of every cached search result or open-data response starts with the catalogue's
version: the ``CatalogueVersion`` counter (raised by each catalogue write, in its transaction)
and the last change of any centre or provider (their names and details appear in results).
Reading the version is one small query; a cached answer then costs no search at all. A change
makes every old key unreachable at once, in every process; old entries simply expire.
"""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.db.models import F

from opencus.catalogue.models import CatalogueVersion
from opencus.providers.models import Organisation
from opencus.territory.models import Centre

TIMEOUT = 10 * 60  # a safety net for what the version does not see (e.g. a TERYT re-import)

# Read on every public catalogue request, so written once as a constant statement: the ORM
# spends a millisecond compiling the subqueries, the database a few microseconds running it.
# The table names are the models' (a test asserts it); nothing is ever formatted into it.
VERSION_SQL = (
    "SELECT v.value,"
    " (SELECT MAX(c.updated_at) FROM territory_centre c),"
    " (SELECT MAX(o.updated_at) FROM providers_organisation o)"
    " FROM catalogue_catalogueversion v WHERE v.id = 1"
)
VERSION_TABLES = (CatalogueVersion, Centre, Organisation)


def catalogue_changed() -> None:
    """Raise the version; call inside the transaction of a catalogue write."""
    if not CatalogueVersion.objects.filter(pk=1).update(value=F("value") + 1):
        CatalogueVersion.objects.get_or_create(pk=1, defaults={"value": 1})


def catalogue_version() -> str:
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL)
        row = cursor.fetchone()
    # SQLite returns the timestamps as text, PostgreSQL as datetimes: both only make a key,
    # hashed so that it is short and safe for any cache backend.
    return hashlib.sha256(repr(row).encode()).hexdigest()[:20]


def get_or_set(key: str, compute, *, version: str | None = None):
    """``compute()`` once per catalogue version and key."""
    full_key = f"catalogue:{version or catalogue_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value


def get(key: str, *, version: str):
    return cache.get(f"catalogue:{version}:{key}")
