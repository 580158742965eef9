"""The provider scorecard as PDF (WeasyPrint), in Polish whatever the reader's language."""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from opencus.contracts.selectors import Scorecard


def scorecard_pdf(card: Scorecard) -> bytes:
    with translation.override("pl"):
        html = render_to_string(
            "contracts/pdf/scorecard.html", {"card": card, "today": timezone.localdate()}
        )
    return HTML(string=html).write_pdf()
