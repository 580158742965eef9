"""Reads about people, scoped to the centre."""

import datetime as dt
import re

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from opencus.core.tenancy import scope_to_centre
from opencus.core.text import fold
from opencus.enrolments.models import Enrolment
from opencus.people.models import Consent, DisabilityCertificate, Person, Relation

_DIGITS = re.compile(r"^\d{4,11}$")


def person_list(*, centre, query: str = "") -> QuerySet[Person]:
    """Search the centre's people by names, PESEL (or its beginning) or birth date (YYYY-MM-DD)."""
    people = scope_to_centre(Person.objects.current().select_related("gmina"), centre)
    query = query.strip()
    if not query:
        return people.order_by("last_name", "first_name")
    try:
        born = dt.date.fromisoformat(query)
    except ValueError:
        born = None
    if born:
        return people.filter(birth_date=born).order_by("last_name", "first_name")
    if _DIGITS.match(query):
        return people.filter(pesel__startswith=query).order_by("last_name", "first_name")
    for word in query.split()[:4]:  # with or without Polish letters, in any case
        people = people.filter(search_name__contains=fold(word))
    return people.order_by("last_name", "first_name")


def possible_duplicates(
    *, centre, first_name: str, last_name: str, birth_date, pesel: str = "", exclude=None
) -> list[Person]:
    """Records that may be the same person: the same PESEL, or the same names and birth date."""
    match = Q(pesel=pesel) if pesel else Q(pk__in=[])
    if birth_date:
        match |= Q(
            first_name__iexact=first_name.strip(),
            last_name__iexact=last_name.strip(),
            birth_date=birth_date,
        )
    people = scope_to_centre(Person.objects.current(), centre).filter(match)
    if exclude is not None:
        people = people.exclude(pk=exclude.pk)
    return list(people.order_by("last_name")[:10])


def get_person(*, centre, person_id) -> Person:
    """A current person of the centre with what the person page shows (a merged record is a 404)."""
    relations = Relation.objects.select_related("other", "person").order_by("ended_on", "kind")
    return get_object_or_404(
        scope_to_centre(Person.objects.current(), centre)
        .select_related("gmina__powiat", "created_by")
        .prefetch_related(
            Prefetch("relations", queryset=relations),
            Prefetch("relations_as_other", queryset=relations),
            Prefetch(
                "consents",
                queryset=Consent.objects.select_related("recorded_by").order_by(
                    "withdrawn_at", "-given_at"
                ),
            ),
            Prefetch(
                "disability_certificates",
                queryset=DisabilityCertificate.objects.order_by("-recorded_at"),
            ),
            "merged_records",
            "applications",  # by their submission, newest first (cases.Application.Meta)
            # The person page lists the services given (enrolments app), in one query.
            Prefetch(
                "enrolments",
                queryset=Enrolment.objects.select_related("service", "provider").order_by(
                    "-starts_on", "id"
                ),
            ),
        ),
        pk=person_id,
    )


def get_relation(*, centre, relation_id) -> Relation:
    return get_object_or_404(
        scope_to_centre(Relation.objects.select_related("person", "other"), centre), pk=relation_id
    )


def get_consent(*, centre, consent_id) -> Consent:
    return get_object_or_404(
        scope_to_centre(Consent.objects.select_related("person"), centre), pk=consent_id
    )


def get_certificate(*, centre, certificate_id) -> DisabilityCertificate:
    return get_object_or_404(
        scope_to_centre(DisabilityCertificate.objects.select_related("person"), centre),
        pk=certificate_id,
    )
