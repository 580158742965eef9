"""The attributes card laid out for reading (five spheres by four quadrants), and what changed
between two versions of the card or of the portfolio, in lines a person can read: per sphere
and quadrant the points added and removed, per question the old and the new answer; per
specialisation its texts, experience and references."""

from dataclasses import dataclass, field

from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opencus.providers.enums import SPHERE_HELP, Quadrant, SpecialisationKind, Sphere
from opencus.providers.models import (
    AttributesCard,
    Experience,
    Portfolio,
    Reference,
    Specialisation,
)

# The card's own texts, in the order the card shows them.
TEXT_FIELDS = (
    "strengths_use_opportunities",
    "strengths_overcome_threats",
    "weaknesses_block_opportunities",
    "weaknesses_strengthen_threats",
    "ethics",
    "community_trust",
    "zet_coauthor",
)


def points(card: AttributesCard) -> dict[tuple[str, str], list[str]]:
    """(sphere, quadrant) -> its points; from a prefetch of ``entries`` if there is one."""
    return {(e.sphere, e.quadrant): e.points for e in card.entries.all()}


@dataclass
class QuadrantView:
    code: str
    label: str | Promise
    points: list[str]


@dataclass
class SphereView:
    code: str
    label: str | Promise
    help: str | Promise
    quadrants: list[QuadrantView]

    @property
    def is_empty(self) -> bool:
        return not any(q.points for q in self.quadrants)


def swot(card: AttributesCard) -> list[SphereView]:
    """The five spheres in the seed's order, each with its four quadrants."""
    by_cell = points(card)
    return [
        SphereView(
            code=sphere.value,
            label=sphere.label,
            help=SPHERE_HELP[sphere],
            quadrants=[
                QuadrantView(quadrant.value, quadrant.label, by_cell.get((sphere, quadrant), []))
                for quadrant in Quadrant
            ],
        )
        for sphere in Sphere
    ]


def questions(card: AttributesCard) -> list[tuple[str | Promise, str]]:
    """The card's texts with their labels (the four questions, ethics, trust)."""
    return [
        (AttributesCard._meta.get_field(name).verbose_name, getattr(card, name))
        for name in TEXT_FIELDS[:-1]
    ]


@dataclass
class Change:
    """One line of a difference: points ``added`` and ``removed`` in a quadrant, or a text
    that went from ``old`` to ``new``."""

    section: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    old: str = ""
    new: str = ""

    @property
    def is_text(self) -> bool:
        return not (self.added or self.removed)


def card_changes(old: AttributesCard | None, new: AttributesCard) -> list[Change]:
    """What ``new`` says differently from ``old`` (None: the first version, no differences)."""
    if old is None:
        return []
    changes: list[Change] = []
    before, after = points(old), points(new)
    for sphere in Sphere:
        for quadrant in Quadrant:
            was = before.get((sphere, quadrant), [])
            now = after.get((sphere, quadrant), [])
            added = [p for p in now if p not in was]
            removed = [p for p in was if p not in now]
            if added or removed:
                section = f"{sphere.label} – {quadrant.label}"
                changes.append(Change(section, added=added, removed=removed))
    for name in TEXT_FIELDS:
        was, now = getattr(old, name).strip(), getattr(new, name).strip()
        if was != now:
            label = str(AttributesCard._meta.get_field(name).verbose_name)
            changes.append(
                Change(label, old=was or str(_("(empty)")), new=now or str(_("(empty)")))
            )
    return changes


# --- the portfolio ---------------------------------------------------------------------------

PORTFOLIO_TEXTS = ("introduction", "guarantees", "zet_coauthor")
SPECIALISATION_TEXTS = (
    "area",
    "description",
    "recipients",
    "guarantees",
    "capacity",
    "support_form",
    "support_needed",
)


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def _shown(specialisation: Specialisation, name: str) -> str:
    """A specialisation's field as the page shows it (choices by their label)."""
    display = getattr(specialisation, f"get_{name}_display", None)
    value = (
        display() if display and getattr(specialisation, name) else getattr(specialisation, name)
    )
    return str(value or "").strip()


def _experience_line(item: Experience) -> str:
    value = formats.number_format(item.value, 2, use_l10n=True, force_grouping=True)
    return (
        f"{item.title} — {item.funder}, {item.starts_on:%Y-%m-%d} – {item.ends_on:%Y-%m-%d}, "
        f"{value} zł"
    )


def _reference_line(item: Reference) -> str:
    issued = f" ({item.issued_on:%Y-%m-%d})" if item.issued_on else ""
    return f"{item.issued_by}{issued}: {item.summary}"


def _specialisations(portfolio: Portfolio) -> dict[tuple, Specialisation]:
    """(kind, service type, n-th of that pair) -> specialisation; from the prefetch if any."""
    keyed: dict[tuple, Specialisation] = {}
    for item in sorted(portfolio.specialisations.all(), key=lambda s: (s.position, str(s.pk))):
        n = sum(1 for key in keyed if key[:2] == (item.kind, item.service_type))
        keyed[(item.kind, item.service_type, n)] = item
    return keyed


def _lines_changed(section: str, was: list[str], now: list[str]) -> Change | None:
    added = [line for line in now if line not in was]
    removed = [line for line in was if line not in now]
    return Change(section, added=added, removed=removed) if added or removed else None


def portfolio_changes(old: Portfolio | None, new: Portfolio) -> list[Change]:
    """What ``new`` offers differently from ``old`` (None: the first version): its texts,
    the specialisations added and removed, and in those kept their texts, experience and
    references. A specialisation is the same one in both when its kind and service are."""
    if old is None:
        return []
    changes: list[Change] = []
    for name in PORTFOLIO_TEXTS:
        was, now = getattr(old, name).strip(), getattr(new, name).strip()
        if was != now:
            changes.append(
                Change(
                    _label(Portfolio, name),
                    old=was or str(_("(empty)")),
                    new=now or str(_("(empty)")),
                )
            )
    before, after = _specialisations(old), _specialisations(new)
    for key in [*after, *(k for k in before if k not in after)]:
        was_item, now_item = before.get(key), after.get(key)
        item = now_item or was_item
        assert item is not None
        kind = "a" if item.kind == SpecialisationKind.READY else "b"
        title = f"{item.get_service_type_display()} ({kind})"
        if was_item is None or now_item is None:
            what = [f"{_label(Specialisation, 'recipients')}: {_shown(item, 'recipients')}"]
            changes.append(
                Change(title, added=what) if was_item is None else Change(title, removed=what)
            )
            continue
        for name in SPECIALISATION_TEXTS:
            was, now = _shown(was_item, name), _shown(now_item, name)
            if was != now:
                changes.append(
                    Change(
                        f"{title}: {_label(Specialisation, name)}",
                        old=was or str(_("(empty)")),
                        new=now or str(_("(empty)")),
                    )
                )
        for label, related, line in (
            (_("experience of the last 3 years"), "experience", _experience_line),
            (_("references"), "references", _reference_line),
        ):
            change = _lines_changed(
                f"{title}: {label}",
                [line(x) for x in getattr(was_item, related).all()],
                [line(x) for x in getattr(now_item, related).all()],
            )
            if change:
                changes.append(change)
    return changes
