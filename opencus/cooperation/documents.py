"""The closing report of a pilot as PDF (WeasyPrint), for the Obserwatorium CUS and the file.

Rendered in Polish from what is stored, so the same document comes out each time.
"""

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from opencus.cooperation.models import Pilot


def report_pdf(pilot: Pilot) -> bytes:
    """``pilot`` from ``selectors.get_pilot``: members, events and contributions prefetched."""
    with translation.override("pl"):
        html = render_to_string(
            "cooperation/pdf/report.html",
            {
                "pilot": pilot,
                "centre": pilot.centre,
                "organisation": pilot.organisation,
                "workshop": pilot.workshop,
                "members": list(pilot.members.all()),
                "contributions": list(pilot.contributions.all()),
            },
        )
    return HTML(string=html).write_pdf()
