"""Versions of a plan: a snapshot of what it says, and the differences between two snapshots
in lines a person can read ("Service added: …", "Goal changed: date 30.06 → 31.08")."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opencus.plans.enums import (
    AgreementForm,
    ExternalKind,
    ItemPeriod,
    MonitoringFrequency,
    SupportKind,
)

SNAPSHOT_FORMAT = 1

PLAN_FIELDS: dict[str, str | Promise] = {
    "period_from": _("plan from"),
    "period_to": _("plan until"),
    "coordinator": _("coordinator (KIPUS)"),
    "monitoring_frequency": _("monitoring contacts"),
    "monitoring_how": _("how the plan is monitored"),
    "risk_notes": _("risks and what to do about them"),
}
GOAL_FIELDS: dict[str, str | Promise] = {
    "goal": _("goal"),
    "indicator": _("how we will know it is reached"),
    "target_date": _("reached by"),
    "persons_words": _("the goal in the person's own words"),
}
ITEM_FIELDS: dict[str, str | Promise] = {
    "name": _("service"),
    "external_kind": _("kind of outside service"),
    "provider": _("provider"),
    "units_per_period": _("units per period"),
    "period": _("period"),
    "starts_on": _("from"),
    "ends_on": _("until"),
    "fee": _("cost to the person"),
    "note": _("note"),
}
SUPPORT_FIELDS: dict[str, str | Promise] = {
    "kind": _("kind"),
    "who": _("who"),
    "what": _("what they do"),
    "how_often": _("how often"),
}
CHOICES = {
    "monitoring_frequency": MonitoringFrequency,
    "external_kind": ExternalKind,
    "period": ItemPeriod,
    "kind": SupportKind,
    "form": AgreementForm,
}
SECTIONS: dict[str, tuple[str | Promise, dict]] = {
    "goals": (_("Goal"), GOAL_FIELDS),
    "items": (_("Service"), ITEM_FIELDS),
    "support": (_("Own action or support"), SUPPORT_FIELDS),
}


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def snapshot(plan) -> dict:
    """What the plan says now, as JSON: stored with each approved version."""
    goals = [
        {
            "id": str(goal.pk),
            "goal": goal.goal,
            "indicator": goal.indicator,
            "target_date": _date(goal.target_date),
            "persons_words": goal.persons_words,
        }
        for goal in plan.goals.all()
    ]
    items = []
    for item in plan.items.select_related("service__provider", "service__centre"):
        if item.service_id:
            fee = f"{item.service.resident_price:.2f} zł / {item.service.get_unit_display()}"
        else:
            fee = item.fee_note
        items.append(
            {
                "id": str(item.pk),
                "service_id": str(item.service_id) if item.service_id else "",
                "name": item.name,
                "external_kind": item.external_kind,
                "provider": item.provider,
                "units_per_period": _amount(item.units_per_period),
                "period": item.period,
                "starts_on": _date(item.starts_on),
                "ends_on": _date(item.ends_on),
                "fee": fee,
                "note": item.note,
            }
        )
    support = [
        {
            "id": str(row.pk),
            "kind": row.kind,
            "who": row.who,
            "what": row.what,
            "how_often": row.how_often,
        }
        for row in plan.support.all()
    ]
    return {
        "format": SNAPSHOT_FORMAT,
        "number": plan.number,
        "period_from": _date(plan.period_from),
        "period_to": _date(plan.period_to),
        "coordinator": str(plan.coordinator),
        "monitoring_frequency": plan.monitoring_frequency,
        "monitoring_how": plan.monitoring_how,
        "risk_notes": plan.risk_notes,
        "goals": goals,
        "items": items,
        "support": support,
        "agreement": {
            "agreed_on": _date(plan.agreed_on),
            "form": plan.agreement_form,
            "agreed_by": plan.agreed_by_name,
            "witness": plan.agreement_witness,
        },
    }


def display(name: str, value) -> str:
    """A stored value as a reader sees it: labels for codes, Polish dates, plain numbers."""
    if value in ("", None):
        return "–"
    if name in CHOICES:
        try:
            return str(CHOICES[name](value).label)
        except ValueError:
            return str(value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    if name == "units_per_period":
        try:
            return f"{Decimal(value).normalize():f}"
        except InvalidOperation:
            return str(value)
    return str(value)


@dataclass
class Change:
    """One line of a difference: ``kind`` is "added", "removed" or "changed"."""

    kind: str
    section: str | Promise
    label: str
    fields: list[tuple[str | Promise, str, str]] = field(default_factory=list)


def _changed_fields(old: dict, new: dict, labels: dict) -> list[tuple[str | Promise, str, str]]:
    return [
        (label, display(name, old.get(name, "")), display(name, new.get(name, "")))
        for name, label in labels.items()
        if old.get(name, "") != new.get(name, "")
    ]


def _row_label(section: str, row: dict) -> str:
    if section == "goals":
        return row.get("goal", "")
    if section == "items":
        return row.get("name", "")
    return f"{row.get('who', '')}: {row.get('what', '')}"


def diff(old: dict | None, new: dict) -> list[Change]:
    """What changed from ``old`` to ``new`` (both snapshots); rows are matched by their id."""
    old = old or {}
    changes: list[Change] = []
    plan_fields = _changed_fields(old, new, PLAN_FIELDS) if old else []
    if plan_fields:
        changes.append(Change("changed", _("Plan"), new.get("number", ""), plan_fields))
    for section, (title, labels) in SECTIONS.items():
        before = {row["id"]: row for row in old.get(section, [])}
        after = {row["id"]: row for row in new.get(section, [])}
        for row_id, row in after.items():
            if row_id not in before:
                changes.append(Change("added", title, _row_label(section, row)))
            else:
                fields = _changed_fields(before[row_id], row, labels)
                if fields:
                    changes.append(Change("changed", title, _row_label(section, row), fields))
        for row_id, row in before.items():
            if row_id not in after:
                changes.append(Change("removed", title, _row_label(section, row)))
    return changes
