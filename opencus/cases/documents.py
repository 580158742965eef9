"""Letters of the procedure as PDF (WeasyPrint): the written notice of a grant and the
administrative decision of a refusal, with its appeal instruction (*pouczenie*).

Both are rendered from what is stored, so the same document comes out each time.
"""

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from opencus.cases.models import Decision, RequestedService


def _pdf(template: str, context: dict) -> bytes:
    # Official letters are in Polish whatever language the staff member reads the UI in.
    with translation.override("pl"):
        html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def notice_pdf(requested: RequestedService) -> bytes:
    application = requested.application
    return _pdf(
        "cases/pdf/notice.html",
        {
            "requested": requested,
            "application": application,
            "centre": application.centre,
            "person": application.person,
            "service": requested.service,
        },
    )


def decision_pdf(decision: Decision) -> bytes:
    application = decision.requested.application
    return _pdf(
        "cases/pdf/decision.html",
        {
            "decision": decision,
            "application": application,
            "centre": application.centre,
            "person": application.person,
            "service": decision.requested.service,
        },
    )
