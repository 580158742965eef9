"""Partner organisations: self-registration (public), the centre's registry and verification
queue, and the organisation's own profile and cooperation leader (provider portal); the
organisation's attributes card and portfolio, written in the portal and read by the centres
it works with, the portfolios a centre has received, and the organisation's public page."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from opencus.accounts.context import centre_view, login_view, organisation_view, public_view
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.core.exports import csv_response
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.providers import documents, selectors, services, versions
from opencus.providers.enums import PartnershipStatus
from opencus.providers.forms import (
    AccountForm,
    AcknowledgeForm,
    CardForm,
    ExperienceForm,
    LeaderForm,
    PartnerFilterForm,
    PortfolioForm,
    ProfileForm,
    QueueFilterForm,
    ReceivedFilterForm,
    ReferenceForm,
    RefuseForm,
    RegistrationForm,
    RequestForm,
    SendForm,
    SpecialisationForm,
)

VIEW = "providers.view_partner"
VERIFY = "providers.verify_partner"
PROFILE = "providers.manage_profile"
FOLLOW = "providers.follow_registration"


# --- self-registration (public) -------------------------------------------------------------


@public_view
def register(request):
    """Register an organisation and ask a centre to verify it; a new account if not signed in."""
    signed_in = request.user.is_authenticated
    data = request.POST if request.method == "POST" else None
    account = None if signed_in else AccountForm(data, prefix="account")
    form = RegistrationForm(data)
    if request.method == "POST" and form.is_valid() and (account is None or account.is_valid()):
        new_account = None
        if account is not None:
            new_account = {
                "email": account.cleaned_data["email"],
                "password": account.cleaned_data["password"],
                "first_name": account.cleaned_data["first_name"],
                "last_name": account.cleaned_data["last_name"],
                "language": get_language() or "pl",
            }
        try:
            partnership = services.organisation_register(
                centre=form.cleaned_data["centre"],
                user=request.user if signed_in else None,
                account=new_account,
                areas=form.cleaned_data["areas"],
                operating_gminas=form.cleaned_data["operating_gminas"],
                message=form.cleaned_data["message"],
                **form.service_fields(),
            )
        except ValidationError as exc:
            # A problem of the account shows on the account's part of the page.
            if account is not None and hasattr(exc, "error_dict"):
                for field in ("email", "password"):
                    if field in exc.error_dict:
                        account.add_error(field, exc.error_dict.pop(field))
            add_service_errors(form, exc)
        else:
            if not signed_in:
                login(
                    request,
                    partnership.registrant,
                    backend="django.contrib.auth.backends.ModelBackend",
                )
            messages.success(
                request,
                _(
                    "%(organisation)s is registered. %(centre)s will verify it; then you can "
                    "sign in to the provider portal."
                )
                % {"organisation": partnership.organisation, "centre": partnership.centre},
            )
            return redirect("providers:registrations")
    return render(
        request,
        "providers/register.html",
        {
            "form": form,
            "account": account,
            "has_errors": bool(form.errors or (account and account.errors)),
        },
    )


@login_view(FOLLOW)
def registrations(request):
    """The organisations this person registered, and what the centres have decided."""
    return render(
        request,
        "providers/registrations.html",
        {"partnerships": selectors.registrations_of(user=request.user)},
    )


# --- the centre: its partner organisations --------------------------------------------------


def _filtered(request, centre):
    form = PartnerFilterForm(request.GET or None)
    filters = valid_filters(form)
    partnerships = selectors.partner_list(
        centre=centre,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        legal_form=filters.get("legal_form", ""),
        area=filters.get("area", ""),
        social_enterprise=filters.get("social_enterprise", ""),
        network=filters.get("network"),
    )
    return form, partnerships


@centre_view(VIEW)
def partner_list(request, centre):
    form, partnerships = _filtered(request, centre)
    context = {
        "centre": centre,
        "form": form,
        "page": paginate(request, partnerships),
        "querystring": querystring_without_page(request),
        "pending": selectors.pending_count(centre=centre),
        "tab": "all",
    }
    return render_list(request, "providers/partner_list.html", "partner-table", context)


@centre_view(VIEW)
def partner_csv(request, centre):
    _form, partnerships = _filtered(request, centre)
    header = [
        _("Organisation"),
        _("Legal form"),
        _("Social enterprise (PS)"),
        _("NIP"),
        _("REGON"),
        _("KRS"),
        _("Seat gmina"),
        _("Areas"),
        _("Status"),
        _("Asked on"),
        _("Decided on"),
    ]
    rows = (
        [
            p.organisation.name,
            p.organisation.get_legal_form_display(),
            _("yes") if p.organisation.is_social_enterprise else _("no"),
            p.organisation.nip,
            p.organisation.regon,
            p.organisation.krs,
            p.organisation.seat_gmina or "",
            ", ".join(p.organisation.area_labels),
            p.get_status_display(),
            timezone.localtime(p.requested_at).date(),
            timezone.localtime(p.decided_at).date() if p.decided_at else "",
        ]
        for p in partnerships
    )
    return csv_response(f"partners-{centre.slug}-{timezone.localdate():%Y%m%d}.csv", header, rows)


@centre_view(VIEW)
def pending_list(request, centre):
    form = QueueFilterForm(request.GET or None)
    filters = valid_filters(form)
    page = paginate(
        request, selectors.pending_partnerships(centre=centre, query=filters.get("q", ""))
    )
    if page.object_list:
        access_log_record(
            request=request,
            subject=centre,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields=f"partner requests: registrants' names ({len(page.object_list)})",
        )
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
        "pending": page.paginator.count,
        "tab": "pending",
        "can_verify": can(request.user, VERIFY, centre),
    }
    return render_list(request, "providers/pending_list.html", "pending-table", context)


def _log_people(request, centre, partnership, leaders) -> None:
    """The page shows the registrant and the leaders: reads of personal data."""
    if partnership.registrant is not None:
        access_log_record(
            request=request,
            subject=partnership.registrant,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields="partner registrant: name, e-mail",
        )
    for leader in leaders:
        access_log_record(
            request=request,
            subject=leader,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields="cooperation leader: name, role, phone, e-mail",
        )


@centre_view(VIEW)
def partner_detail(request, centre, partnership_id):
    partnership = selectors.get_partnership(centre=centre, partnership_id=partnership_id)
    leaders = selectors.leader_history(organisation=partnership.organisation)
    _log_people(request, centre, partnership, leaders)
    return render(
        request,
        "providers/partner_detail.html",
        {
            "centre": centre,
            "partnership": partnership,
            "organisation": partnership.organisation,
            "leader": next((leader for leader in leaders if leader.is_current), None),
            "leaders": leaders,
            "can_decide": partnership.status == PartnershipStatus.PENDING
            and can(request.user, VERIFY, centre),
            "documents": selectors.partner_documents(centre=centre, partnership=partnership),
            "has_public_profile": partnership.status == PartnershipStatus.VERIFIED
            or selectors.has_public_profile(organisation=partnership.organisation),
        },
    )


def _decision_page(request, centre, partnership_id, *, refuse: bool):
    partnership = selectors.get_partnership(centre=centre, partnership_id=partnership_id)
    back = reverse("centre:partner_detail", args=[centre.slug, partnership.pk])
    if partnership.status != PartnershipStatus.PENDING:
        messages.error(
            request,
            _("This request has already been decided: %(status)s.")
            % {"status": partnership.get_status_display()},
        )
        return redirect(back)
    form = RefuseForm(request.POST if request.method == "POST" else None) if refuse else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if refuse:
                assert form is not None
                services.partnership_refuse(
                    partnership=partnership, by=request.user, reason=form.cleaned_data["reason"]
                )
            else:
                services.partnership_verify(partnership=partnership, by=request.user)
        except ValidationError as exc:
            if form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect(back)
            add_service_errors(form, exc)
        else:
            done = (
                _("The request of %(organisation)s is refused.")
                if refuse
                else _("%(organisation)s is verified as a partner of the centre.")
            )
            messages.success(request, done % {"organisation": partnership.organisation})
            return redirect(back)
    if partnership.registrant is not None:
        access_log_record(
            request=request,
            subject=partnership.registrant,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields="partner registrant: name, e-mail",
        )
    return render(
        request,
        "providers/partner_decide.html",
        {
            "centre": centre,
            "partnership": partnership,
            "form": form,
            "refuse": refuse,
            "back": back,
        },
    )


@centre_view(VERIFY)
def partner_verify(request, centre, partnership_id):
    return _decision_page(request, centre, partnership_id, refuse=False)


@centre_view(VERIFY)
def partner_refuse(request, centre, partnership_id):
    return _decision_page(request, centre, partnership_id, refuse=True)


# --- the organisation: its own profile and leader -------------------------------------------


@organisation_view(PROFILE)
def profile(request, organisation):
    organisation = selectors.organisation_profile(organisation_id=organisation.pk)
    partnerships = selectors.organisation_partnerships(organisation=organisation)
    return render(
        request,
        "providers/profile.html",
        {
            "organisation": organisation,
            "partnerships": partnerships,
            "leader": selectors.current_leader(organisation=organisation),
            "has_public_profile": any(p.status == PartnershipStatus.VERIFIED for p in partnerships),
        },
    )


@organisation_view(PROFILE)
def profile_edit(request, organisation):
    organisation = selectors.organisation_profile(organisation_id=organisation.pk)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                organisation=organisation,
                by=request.user,
                areas=form.cleaned_data["areas"],
                operating_gminas=form.cleaned_data["operating_gminas"],
                networks=form.cleaned_data["networks"],
                **form.service_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect("organisation:profile", organisation_slug=organisation.slug)
    return render(
        request, "providers/profile_form.html", {"organisation": organisation, "form": form}
    )


@organisation_view(PROFILE)
def partnership_request(request, organisation):
    form = RequestForm(
        request.POST if request.method == "POST" else None, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.partnership_request(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(centre)s is asked to work with the organisation.")
                % {"centre": partnership.centre},
            )
            return redirect("organisation:profile", organisation_slug=organisation.slug)
    return render(
        request, "providers/partnership_request.html", {"organisation": organisation, "form": form}
    )


@organisation_view(PROFILE)
def leader(request, organisation):
    """The cooperation leader: the history of who it was, and a form to name a new one."""
    form = LeaderForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            appointed = services.leader_appoint(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(leader)s is the cooperation leader from %(date)s.")
                % {"leader": appointed, "date": appointed.appointed_on.isoformat()},
            )
            return redirect("organisation:leader", organisation_slug=organisation.slug)
    return render(
        request,
        "providers/leader.html",
        {
            "organisation": organisation,
            "form": form,
            "leaders": selectors.leader_history(organisation=organisation),
        },
    )


# --- the organisation: its attributes card and portfolio (seed 003, procedure 4) ------------


def _to(name: str, organisation, *args, anchor: str = ""):
    url = reverse(f"organisation:{name}", args=[organisation.slug, *args])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _card_pdf_name(card) -> str:
    draft = "" if card.is_final else "-szkic"
    return f"karta-atrybutow-{card.organisation.slug}-v{card.version}{draft}.pdf"


def _folder_pdf_name(portfolio) -> str:
    draft = "" if portfolio.is_final else "-szkic"
    return f"teczka-dla-cus-{portfolio.organisation.slug}-v{portfolio.version}{draft}.pdf"


def _start_page(request, organisation, *, start, draft, latest, kind: str):
    """Start the document, or a new version copied from the latest final one (confirm first).

    ``draft`` and ``latest`` find the organisation's draft and latest final version."""
    draft = draft(organisation=organisation)
    if draft is not None:
        messages.info(
            request,
            _("Version %(version)s is the draft: carry on with it.") % {"version": draft.version},
        )
        return _to(f"{kind}_edit", organisation)
    if request.method == "POST":
        try:
            document = start(organisation=organisation, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return _to(kind, organisation)
        messages.success(
            request, _("Version %(version)s is started.") % {"version": document.version}
        )
        return _to(f"{kind}_edit", organisation)
    return render(
        request,
        "providers/document_start.html",
        {"organisation": organisation, "latest": latest(organisation=organisation), "kind": kind},
    )


def _finalise_page(request, organisation, *, document, finalise, gaps, kind: str):
    """Make the draft final (confirm first); say what is missing when it cannot be."""
    if document is None:
        messages.info(request, _("There is no draft to make final."))
        return _to(kind, organisation)
    problems = []
    if request.method == "POST":
        try:
            finalise(document, by=request.user)
        except ValidationError as exc:
            problems = exc.messages
        else:
            messages.success(
                request,
                _(
                    "Version %(version)s is final: the centres the organisation works with can "
                    "read it."
                )
                % {"version": document.version},
            )
            return _to(f"{kind}_detail", organisation, document.pk)
    else:
        found = gaps(document)
        problems = ValidationError(found).messages if found else []
    return render(
        request,
        "providers/document_finalise.html",
        {"organisation": organisation, "document": document, "problems": problems, "kind": kind},
    )


@organisation_view(PROFILE)
def card(request, organisation):
    """The card's versions: the draft to work on, and the final versions the centres read."""
    cards = selectors.card_versions(organisation=organisation)
    return render(
        request,
        "providers/card.html",
        {
            "organisation": organisation,
            "versions": cards,
            "draft": next((c for c in cards if not c.is_final), None),
            "latest_final": next((c for c in cards if c.is_final), None),
        },
    )


@organisation_view(PROFILE)
def card_start(request, organisation):
    return _start_page(
        request,
        organisation,
        start=services.card_start,
        draft=selectors.draft_card,
        latest=selectors.latest_final_card,
        kind="card",
    )


@organisation_view(PROFILE)
def card_edit(request, organisation):
    """The draft: five spheres by four quadrants, the four questions, ethics and trust."""
    draft = selectors.draft_card(organisation=organisation)
    if draft is None:
        messages.info(request, _("There is no draft: start the card or a new version first."))
        return _to("card", organisation)
    form = CardForm(request.POST if request.method == "POST" else None, card=draft)
    if request.method == "POST" and form.is_valid():
        try:
            services.card_save(card=draft, by=request.user, points=form.points(), **form.texts())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The draft is saved."))
            if request.POST.get("then") == "finalise":
                return _to("card_finalise", organisation)
            return _to("card_edit", organisation)
    return render(
        request,
        "providers/card_form.html",
        {"organisation": organisation, "card": draft, "form": form},
    )


@organisation_view(PROFILE)
def card_finalise(request, organisation):
    return _finalise_page(
        request,
        organisation,
        document=selectors.draft_card(organisation=organisation),
        finalise=lambda card, by: services.card_finalise(card=card, by=by),
        gaps=services.card_gaps,
        kind="card",
    )


def _card_page(request, card, *, centre=None, partnership=None):
    previous = selectors.previous_card(card=card)
    return render(
        request,
        "providers/card_detail.html",
        {
            "organisation": card.organisation,
            "card": card,
            "swot": versions.swot(card),
            "questions": versions.questions(card),
            "previous": previous,
            "changes": versions.card_changes(previous, card),
            "centre": centre,
            "partnership": partnership,
        },
    )


@organisation_view(PROFILE)
def card_detail(request, organisation, card_id):
    return _card_page(request, selectors.get_card(organisation=organisation, card_id=card_id))


@organisation_view(PROFILE)
def card_pdf(request, organisation, card_id):
    card = selectors.get_card(organisation=organisation, card_id=card_id)
    return _pdf_response(documents.card_pdf(card), _card_pdf_name(card))


@organisation_view(PROFILE)
def portfolio(request, organisation):
    """The portfolio's versions, and per final version the centres it went to and their answer."""
    portfolios = selectors.portfolio_versions(organisation=organisation)
    return render(
        request,
        "providers/portfolio.html",
        {
            "organisation": organisation,
            "versions": portfolios,
            "draft": next((p for p in portfolios if not p.is_final), None),
            "submissions": [s for p in portfolios for s in p.submissions.all()],
        },
    )


@organisation_view(PROFILE)
def portfolio_start(request, organisation):
    return _start_page(
        request,
        organisation,
        start=services.portfolio_start,
        draft=selectors.draft_portfolio,
        latest=selectors.latest_final_portfolio,
        kind="portfolio",
    )


@organisation_view(PROFILE)
def portfolio_edit(request, organisation):
    """The draft: what the centre should notice, guarantees, and the specialisations with their
    experience and references."""
    draft = selectors.draft_portfolio(organisation=organisation)
    if draft is None:
        messages.info(request, _("There is no draft: start the portfolio or a new version first."))
        return _to("portfolio", organisation)
    form = PortfolioForm(request.POST if request.method == "POST" else None, instance=draft)
    if request.method == "POST" and form.is_valid():
        try:
            services.portfolio_save(portfolio=draft, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The draft is saved."))
            return _to("portfolio_edit", organisation)
    return render(
        request,
        "providers/portfolio_form.html",
        {
            "organisation": organisation,
            "portfolio": draft,
            "form": form,
            "earliest": services.experience_earliest_end(),
        },
    )


def _row_page(request, organisation, *, form, save, title, anchor=""):
    """A form for one row of the draft portfolio (specialisation, experience, reference)."""
    if request.method == "POST" and form.is_valid():
        try:
            row = save(form)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved: %(row)s.") % {"row": row})
            return _to("portfolio_edit", organisation, anchor=anchor or f"row-{row.pk}")
    return render(
        request,
        "providers/portfolio_row_form.html",
        {"organisation": organisation, "form": form, "title": title},
    )


def _delete_page(request, organisation, *, row, delete, what, anchor=""):
    if request.method == "POST":
        try:
            delete(row)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Removed: %(row)s.") % {"row": row})
        return _to("portfolio_edit", organisation, anchor=anchor)
    return render(
        request,
        "providers/portfolio_row_delete.html",
        {"organisation": organisation, "row": row, "what": what},
    )


def _data(request):
    return request.POST if request.method == "POST" else None


@organisation_view(PROFILE)
def specialisation_create(request, organisation):
    draft = selectors.draft_portfolio(organisation=organisation)
    if draft is None:
        return _to("portfolio", organisation)
    return _row_page(
        request,
        organisation,
        form=SpecialisationForm(_data(request)),
        save=lambda form: services.specialisation_create(
            portfolio=draft, by=request.user, **form.service_fields()
        ),
        title=_("Add a specialisation"),
    )


@organisation_view(PROFILE)
def specialisation_edit(request, organisation, specialisation_id):
    row = selectors.get_draft_specialisation(
        organisation=organisation, specialisation_id=specialisation_id
    )
    return _row_page(
        request,
        organisation,
        form=SpecialisationForm(_data(request), instance=row),
        save=lambda form: services.specialisation_update(
            specialisation=row, by=request.user, **form.service_fields()
        ),
        title=_("Change the specialisation"),
    )


@organisation_view(PROFILE)
def specialisation_delete(request, organisation, specialisation_id):
    row = selectors.get_draft_specialisation(
        organisation=organisation, specialisation_id=specialisation_id
    )
    return _delete_page(
        request,
        organisation,
        row=row,
        delete=lambda r: services.specialisation_delete(specialisation=r, by=request.user),
        what=_("the specialisation with its experience and references"),
        anchor="specialisations",
    )


@organisation_view(PROFILE)
def experience_create(request, organisation, specialisation_id):
    specialisation = selectors.get_draft_specialisation(
        organisation=organisation, specialisation_id=specialisation_id
    )
    return _row_page(
        request,
        organisation,
        form=ExperienceForm(_data(request)),
        save=lambda form: services.experience_create(
            specialisation=specialisation, by=request.user, **form.cleaned_data
        ),
        title=_("Add experience: %(service)s") % {"service": specialisation},
        anchor=f"row-{specialisation.pk}",
    )


@organisation_view(PROFILE)
def experience_edit(request, organisation, experience_id):
    row = selectors.get_draft_experience(organisation=organisation, experience_id=experience_id)
    return _row_page(
        request,
        organisation,
        form=ExperienceForm(_data(request), instance=row),
        save=lambda form: services.experience_update(
            experience=row, by=request.user, **form.cleaned_data
        ),
        title=_("Change the experience: %(service)s") % {"service": row.specialisation},
        anchor=f"row-{row.specialisation_id}",
    )


@organisation_view(PROFILE)
def experience_delete(request, organisation, experience_id):
    row = selectors.get_draft_experience(organisation=organisation, experience_id=experience_id)
    return _delete_page(
        request,
        organisation,
        row=row,
        delete=lambda r: services.experience_delete(experience=r, by=request.user),
        what=_("the experience"),
        anchor=f"row-{row.specialisation_id}",
    )


@organisation_view(PROFILE)
def reference_create(request, organisation, specialisation_id):
    specialisation = selectors.get_draft_specialisation(
        organisation=organisation, specialisation_id=specialisation_id
    )
    return _row_page(
        request,
        organisation,
        form=ReferenceForm(_data(request)),
        save=lambda form: services.reference_create(
            specialisation=specialisation, by=request.user, **form.cleaned_data
        ),
        title=_("Add a reference: %(service)s") % {"service": specialisation},
        anchor=f"row-{specialisation.pk}",
    )


@organisation_view(PROFILE)
def reference_edit(request, organisation, reference_id):
    row = selectors.get_draft_reference(organisation=organisation, reference_id=reference_id)
    return _row_page(
        request,
        organisation,
        form=ReferenceForm(_data(request), instance=row),
        save=lambda form: services.reference_update(
            reference=row, by=request.user, **form.cleaned_data
        ),
        title=_("Change the reference: %(service)s") % {"service": row.specialisation},
        anchor=f"row-{row.specialisation_id}",
    )


@organisation_view(PROFILE)
def reference_delete(request, organisation, reference_id):
    row = selectors.get_draft_reference(organisation=organisation, reference_id=reference_id)
    return _delete_page(
        request,
        organisation,
        row=row,
        delete=lambda r: services.reference_delete(reference=r, by=request.user),
        what=_("the reference"),
        anchor=f"row-{row.specialisation_id}",
    )


@organisation_view(PROFILE)
def portfolio_finalise(request, organisation):
    return _finalise_page(
        request,
        organisation,
        document=selectors.draft_portfolio(organisation=organisation),
        finalise=lambda portfolio, by: services.portfolio_finalise(portfolio=portfolio, by=by),
        gaps=services.portfolio_gaps,
        kind="portfolio",
    )


def _portfolio_page(request, portfolio, *, centre=None, partnership=None, submissions=()):
    previous = selectors.previous_portfolio(portfolio=portfolio)
    return render(
        request,
        "providers/portfolio_detail.html",
        {
            "organisation": portfolio.organisation,
            "portfolio": portfolio,
            "previous": previous,
            "changes": versions.portfolio_changes(previous, portfolio),
            "centre": centre,
            "partnership": partnership,
            "submissions": submissions,
            "can_acknowledge": centre is not None and can(request.user, VERIFY, centre),
        },
    )


@organisation_view(PROFILE)
def portfolio_detail(request, organisation, portfolio_id):
    portfolio = selectors.get_portfolio(organisation=organisation, portfolio_id=portfolio_id)
    return _portfolio_page(
        request, portfolio, submissions=selectors.submissions_of(portfolio=portfolio)
    )


@organisation_view(PROFILE)
def portfolio_pdf(request, organisation, portfolio_id):
    portfolio = selectors.get_portfolio(organisation=organisation, portfolio_id=portfolio_id)
    return _pdf_response(documents.folder_pdf(portfolio), _folder_pdf_name(portfolio))


@organisation_view(PROFILE)
def portfolio_send(request, organisation, portfolio_id):
    """Send a final version to the OUS of one or more centres the organisation works with."""
    portfolio = selectors.get_portfolio(organisation=organisation, portfolio_id=portfolio_id)
    if not portfolio.is_final:
        messages.error(request, services.MSG_SEND_FINAL_ONLY)
        return _to("portfolio", organisation)
    sent = {s.centre_id: s for s in selectors.submissions_of(portfolio=portfolio)}
    form = SendForm(
        _data(request),
        partnerships=selectors.sendable_partnerships(organisation=organisation),
        sent=sent,
    )
    if request.method == "POST" and form.is_valid():
        try:
            submissions = services.portfolio_send(
                portfolio=portfolio, by=request.user, centres=form.chosen_centres()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Version %(version)s is sent to %(centres)s: the OUS will confirm receiving it.")
                % {
                    "version": portfolio.version,
                    "centres": ", ".join(s.centre.name for s in submissions),
                },
            )
            return _to("portfolio", organisation)
    return render(
        request,
        "providers/portfolio_send.html",
        {"organisation": organisation, "portfolio": portfolio, "form": form, "sent": sent},
    )


# --- the centre: its partners' documents and the portfolios it received ---------------------


def _log_contacts(request, centre, portfolio) -> None:
    """The references name contact people: a read of personal data."""
    if any(r.contact for s in portfolio.specialisations.all() for r in s.references.all()):
        access_log_record(
            request=request,
            subject=portfolio,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields="portfolio references: contact people",
        )


@centre_view(VIEW)
def partner_card(request, centre, card_id):
    card = selectors.partner_card(centre=centre, card_id=card_id)
    return _card_page(
        request,
        card,
        centre=centre,
        partnership=selectors.partnership_for(centre=centre, organisation=card.organisation),
    )


@centre_view(VIEW)
def partner_card_pdf(request, centre, card_id):
    card = selectors.partner_card(centre=centre, card_id=card_id)
    return _pdf_response(documents.card_pdf(card), _card_pdf_name(card))


@centre_view(VIEW)
def partner_portfolio(request, centre, portfolio_id):
    portfolio = selectors.partner_portfolio(centre=centre, portfolio_id=portfolio_id)
    _log_contacts(request, centre, portfolio)
    return _portfolio_page(
        request,
        portfolio,
        centre=centre,
        partnership=selectors.partnership_for(centre=centre, organisation=portfolio.organisation),
        submissions=selectors.submissions_of(portfolio=portfolio, centre=centre),
    )


@centre_view(VIEW)
def partner_portfolio_pdf(request, centre, portfolio_id):
    portfolio = selectors.partner_portfolio(centre=centre, portfolio_id=portfolio_id)
    _log_contacts(request, centre, portfolio)
    return _pdf_response(
        documents.folder_pdf(portfolio, centre=centre), _folder_pdf_name(portfolio)
    )


def _received(request, centre):
    form = ReceivedFilterForm(request.GET or None)
    filters = valid_filters(form)
    submissions = selectors.received_portfolios(
        centre=centre,
        query=filters.get("q", ""),
        service_type=filters.get("service_type", ""),
        acknowledged=filters.get("acknowledged", ""),
    )
    return form, submissions


@centre_view(VIEW)
def portfolio_received(request, centre):
    """The portfolios organisations sent to the centre's OUS: those waiting first."""
    form, submissions = _received(request, centre)
    context = {
        "centre": centre,
        "form": form,
        "page": paginate(request, submissions),
        "querystring": querystring_without_page(request),
        "tab": "received",
        "can_acknowledge": can(request.user, VERIFY, centre),
    }
    return render_list(request, "providers/received_list.html", "received-table", context)


@centre_view(VIEW)
def portfolio_received_csv(request, centre):
    _form, submissions = _received(request, centre)
    header = [
        _("Organisation"),
        _("Version"),
        _("Sent on"),
        _("Specialisations"),
        _("Acknowledged on"),
        _("Acknowledged by"),
        _("Note"),
    ]
    rows = (
        [
            s.portfolio.organisation.name,
            s.portfolio.version,
            timezone.localtime(s.sent_at).date(),
            "; ".join(
                f"{sp.get_service_type_display()} ({sp.get_kind_display()[:3]})"
                for sp in s.portfolio.specialisations.all()
            ),
            timezone.localtime(s.acknowledged_at).date() if s.acknowledged_at else "",
            str(s.acknowledged_by or ""),
            s.note,
        ]
        for s in submissions
    )
    return csv_response(f"portfolios-{centre.slug}-{timezone.localdate():%Y%m%d}.csv", header, rows)


@centre_view(VERIFY)
def portfolio_acknowledge(request, centre, submission_id):
    """The OUS (or the director) confirms receiving a portfolio, with a note if any."""
    submission = selectors.get_submission(centre=centre, submission_id=submission_id)
    back = reverse("centre:portfolio_received", args=[centre.slug])
    form = AcknowledgeForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_acknowledge(
                submission=submission, by=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("The portfolio of %(organisation)s is acknowledged.")
                % {"organisation": submission.portfolio.organisation},
            )
        return redirect(back)
    return render(
        request,
        "providers/acknowledge.html",
        {"centre": centre, "submission": submission, "form": form, "back": back},
    )


# --- the public profile page ------------------------------------------------------------------


@public_view
def public_profile(request, profile_slug):
    """The organisation's page for everyone: its public data (never its people's own phones or
    e-mails) and its latest final portfolio if it chose to show it. Only organisations a centre
    has verified have one."""
    organisation, partnerships = selectors.public_profile(slug=profile_slug)
    return render(
        request,
        "providers/public_profile.html",
        {
            "organisation": organisation,
            "partnerships": partnerships,
            "portfolio": selectors.public_portfolio(organisation=organisation),
        },
    )
