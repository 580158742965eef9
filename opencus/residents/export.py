"""RODO art. 15: a copy of the personal data the centre holds about a person, with what it
is processed for and who read it. The same data as JSON (machine-readable) and as PDF."""

from decimal import Decimal

import django.dispatch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from opencus.cases.models import Application
from opencus.people.models import Person
from opencus.residents import selectors

# Apps above this one hold more about a person (complaints, survey answers …): a receiver
# returns {"key": …, "title": …, "rows": [{…}, …]} (or None), and the copy includes it.
person_data_collected = django.dispatch.Signal()

PERSON_FIELDS = [
    "first_name",
    "last_name",
    "pesel",
    "birth_date",
    "sex",
    "street",
    "postal_code",
    "city",
    "phone",
    "email",
    "preferred_language",
    "needs_sign_language",
    "needs_easy_to_read",
    "needs_large_print",
    "accessibility_notes",
    "legal_basis",
    "processing_purpose",
    "created_at",
]


def _iso(value):
    """A value as JSON can hold it: dates in ISO form, amounts as text (an amount of zero too)."""
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _row(obj, fields):
    return {name: _iso(getattr(obj, name)) for name in fields}


def person_data(person: Person) -> dict:
    person = (
        Person.objects.select_related("centre", "gmina")
        .prefetch_related("relations__other", "consents", "disability_certificates")
        .get(pk=person.pk)
    )
    applications = (
        Application.objects.filter(person=person)
        .prefetch_related(
            "requested__service",
            "requested__decision__appeal",
            "requested__waitlist_entry",
            "events",
            "assessments__findings",
        )
        .order_by("submitted_at")
    )
    other_records = [
        {"key": section["key"], "title": str(section["title"]), "rows": section["rows"]}
        for _receiver, section in person_data_collected.send(sender=Person, person=person)
        if section
    ]
    return {
        "generated_at": timezone.now().isoformat(),
        "controller": {
            "name": person.centre.name,
            "address": f"{person.centre.street}, {person.centre.postal_code} {person.centre.city}",
            "email": person.centre.email,
        },
        "person": _row(person, PERSON_FIELDS)
        | {"gmina": person.gmina.name if person.gmina else None},
        "relations": [
            {
                "kind": r.kind,
                "who": f"{r.other.first_name} {r.other.last_name}",
                "started_on": _iso(r.started_on),
                "ended_on": _iso(r.ended_on),
            }
            for r in person.relations.all()
        ],
        "consents": [
            _row(c, ["purpose", "form", "given_at", "withdrawn_at", "note"])
            for c in person.consents.all()
        ],
        "disability_certificates": [
            _row(c, ["degree", "symbol", "valid_until", "legal_basis", "held_for"])
            for c in person.disability_certificates.all()
        ],
        "applications": [
            {
                "case_number": a.case_number,
                "submitted_at": _iso(a.submitted_at),
                "channel": a.channel,
                "submitter_role": a.submitter_role,
                "status": a.status,
                "description": a.description,
                "needs_recognition": [
                    {
                        "assessed_on": _iso(s.assessed_on),
                        "place": s.place,
                        "persons_view": s.persons_view,
                        "summary": s.summary,
                        "ipus_required": s.ipus_required,
                        "findings": [
                            {"area": f.area, "level": f.level, "situation": f.situation}
                            for f in s.findings.all()
                        ],
                    }
                    for s in a.assessments.all()
                ],
                "services": [
                    {
                        "service": r.service.name,
                        "outcome": r.outcome,
                        "units_per_period": _iso(r.units_per_period),
                        "period": r.period,
                        "starts_on": _iso(r.starts_on),
                        "ends_on": _iso(r.ends_on),
                        "fee_per_unit": _iso(r.fee_per_unit),
                        "exemption": r.exemption,
                        "decision": _decision(r),
                    }
                    for r in a.requested.all()
                ],
                "history": [
                    {"at": _iso(e.at), "status": e.status, "note": e.note} for e in a.events.all()
                ],
            }
            for a in applications
        ],
        "services": [
            {
                "service": e.service.name,
                "provider": e.provider.name if e.provider else person.centre.name,
                "status": e.status,
                "starts_on": _iso(e.starts_on),
                "ends_on": _iso(e.ends_on),
                "units_per_period": str(e.units_per_period),
                "period": e.period,
                "fee_per_unit": str(e.fee_per_unit),
                "market_value_per_unit": str(e.market_value_per_unit),
                "exemption": e.exemption,
                "deliveries": [
                    {
                        "date": _iso(d.delivered_on),
                        "status": d.status,
                        "units": str(d.units),
                        "minutes": d.duration_minutes,
                        "missed_reason": d.missed_reason,
                        "note": d.note,
                    }
                    for d in e.deliveries.all()
                ],
            }
            for e in person.enrolments.select_related("service", "provider").prefetch_related(
                "deliveries"
            )
        ],
        "messages": [
            _row(m, ["sent_at", "subject", "body", "read_at"]) for m in person.messages.all()
        ],
        "other_records": other_records,
        "who_read_the_record": [
            {
                "at": _iso(row["occurred_at"]),
                "who": row["actor_label"],
                "purpose": row["purpose"],
                "what": row["fields"],
            }
            for row in selectors.access_to(person)
        ],
    }


def _decision(line):
    decision = getattr(line, "decision", None)
    if decision is None:
        return None
    appeal = getattr(decision, "appeal", None)
    return {
        "number": decision.number,
        "issued_at": _iso(decision.issued_at),
        "reasons": decision.reasons,
        "delivered_on": _iso(decision.delivered_on),
        "appeal": None
        if appeal is None
        else {"filed_on": _iso(appeal.filed_on), "outcome": appeal.outcome},
    }


def person_pdf(person: Person, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string(
            "residents/pdf/export.html", {"data": person_data(person), "person": person}
        )
    return HTML(string=html).write_pdf()
