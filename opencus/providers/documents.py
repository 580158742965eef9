"""The organisation's documents as PDF, in Polish, A4, for print (WeasyPrint from HTML):

- the attributes card ("Karta atrybutów organizacji – partnera CUS") of one version;
- the folder for the centre ("teczka dla CUS", seed 003 §2.3 and procedure 5): part 1 the
  latest final attributes card, part 2 the portfolio, its strongest specialisations first.

A draft is marked as a draft on every page. Both are rendered from what is stored, so the same
version gives the same document.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from opencus.providers import selectors, versions
from opencus.providers.enums import SpecialisationKind
from opencus.providers.models import AttributesCard, Portfolio


def _pdf(html: str) -> bytes:
    import weasyprint  # heavy: loaded only when a document is made

    # No external resources: the base URL only resolves relative links, none are fetched.
    return weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def _card_context(card: AttributesCard | None) -> dict:
    if card is None:
        return {"card": None}
    return {"card": card, "swot": versions.swot(card), "questions": versions.questions(card)}


def card_html(card: AttributesCard) -> str:
    """``card`` comes from a selector (its entries prefetched)."""
    organisation = selectors.organisation_profile(organisation_id=card.organisation_id)
    with translation.override("pl"):
        return render_to_string(
            "providers/pdf/card.html",
            {
                "organisation": organisation,
                "leader": selectors.current_leader(organisation=organisation),
                "draft": not card.is_final,
                "printed_at": timezone.localtime(),
                **_card_context(card),
            },
        )


def card_pdf(card: AttributesCard) -> bytes:
    return _pdf(card_html(card))


def folder_html(portfolio: Portfolio, *, centre=None) -> str:
    """The folder of ``portfolio`` (from a selector, its rows prefetched), addressed to the
    OUS of ``centre`` when a centre prints it."""
    organisation = selectors.organisation_profile(organisation_id=portfolio.organisation_id)
    specialisations = list(portfolio.specialisations.all())
    with translation.override("pl"):
        return render_to_string(
            "providers/pdf/folder.html",
            {
                "organisation": organisation,
                "leader": selectors.current_leader(organisation=organisation),
                "portfolio": portfolio,
                "ready": [s for s in specialisations if s.kind == SpecialisationKind.READY],
                "with_support": [
                    s for s in specialisations if s.kind == SpecialisationKind.WITH_SUPPORT
                ],
                "centre": centre,
                "draft": not portfolio.is_final,
                "printed_at": timezone.localtime(),
                **_card_context(selectors.latest_final_card(organisation=organisation)),
            },
        )


def folder_pdf(portfolio: Portfolio, *, centre=None) -> bytes:
    return _pdf(folder_html(portfolio, centre=centre))
