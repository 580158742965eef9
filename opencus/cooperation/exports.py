"""The centre's workshops and pilots, and the indicators, as tables (CSV). No names of people:
participants and team members are counted, not listed."""

from collections.abc import Iterable, Iterator, Sequence

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from opencus.cooperation.indicators import Row
from opencus.cooperation.models import Pilot, Workshop


def _date(value) -> str:
    return value.isoformat() if value else ""


def workshop_header() -> list[str]:
    return [
        _("Date"),
        _("Organisation"),
        _("Topic"),
        _("Place"),
        _("Form"),
        _("Status"),
        _("Participants"),
        _("Participation confirmed on"),
        _("Visit invited on"),
        _("Pilot started"),
    ]


def workshop_rows(workshops: Iterable[Workshop]) -> Iterator[list]:
    """Rows of workshops from ``selectors.workshop_list`` (``n_participants``, the pilot)."""
    for w in workshops:
        yield [
            _date(w.held_on),
            w.organisation.name,
            w.topic,
            w.place,
            w.get_meeting_form_display(),
            w.get_status_display(),
            w.n_participants,
            _date(timezone.localdate(w.confirmed_at)) if w.confirmed_at else "",
            _date(w.visit_invited_on),
            _("yes") if hasattr(w, "pilot") else _("no"),
        ]


def pilot_header() -> list[str]:
    return [
        _("From"),
        _("Until"),
        _("Organisation"),
        _("Status"),
        _("Contributions"),
        _("Waiting for a response"),
        _("Report sent to the Obserwatorium CUS on"),
    ]


def pilot_rows(pilots: Iterable[Pilot]) -> Iterator[list]:
    """Rows of pilots from ``selectors.pilot_list`` (``n_contributions``, ``n_waiting``)."""
    for p in pilots:
        yield [
            _date(p.starts_on),
            _date(p.ends_on),
            p.organisation.name,
            p.get_status_display(),
            p.n_contributions,
            p.n_waiting,
            _date(p.report_sent_on),
        ]


def indicator_header() -> list[str]:
    return [
        _("Component"),
        _("Indicator (seed 003)"),
        _("What is counted"),
        pgettext("indicator value", "Number"),
    ]


def _counted(row: Row) -> str:
    return str(row.figure.label or row.indicator.counted)


def centre_indicator_rows(rows: Sequence[Row], centre) -> Iterator[list]:
    for row in rows:
        yield [row.indicator.component, row.indicator.name, _counted(row), row.figure.of(centre.pk)]


def network_indicator_header(rows: Sequence[Row]) -> list[str]:
    return [_("Centre")] + [f"{row.indicator.name}: {_counted(row)}" for row in rows]


def network_indicator_rows(rows: Sequence[Row], centres: Sequence) -> Iterator[list]:
    """A row per centre of the network, then the total (organisations counted once)."""
    for centre in centres:
        yield [centre.name] + [row.figure.of(centre.pk) for row in rows]
    yield [_("Total")] + [row.figure.total for row in rows]
