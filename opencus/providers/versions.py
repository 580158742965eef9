"""The attributes card laid out for reading (five spheres by four quadrants), and what changed
between two versions, in lines a person can read: per sphere and quadrant the points added
and removed, per question the old and the new answer."""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opencus.providers.enums import SPHERE_HELP, Quadrant, Sphere
from opencus.providers.models import AttributesCard

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
