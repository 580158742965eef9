"""The plan as a PDF document (Polish, for the person's file and signature), from an HTML
template rendered by WeasyPrint."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from opencus.plans.selectors import next_review


def plan_html(plan) -> str:
    """The document's HTML; ``plan`` comes from selectors.get_plan (its rows prefetched)."""
    with translation.override("pl"):
        return render_to_string(
            "plans/plan_pdf.html",
            {
                "plan": plan,
                "centre": plan.centre,
                "next_review": next_review(plan),
                "printed_at": timezone.localtime(),
            },
        )


def plan_pdf(plan) -> bytes:
    import weasyprint  # heavy: loaded only when a document is made

    # No external resources: the base URL only resolves relative links, none are fetched.
    return weasyprint.HTML(string=plan_html(plan), base_url=str(settings.BASE_DIR)).write_pdf()
