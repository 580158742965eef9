"""Partner organisations: self-registration (public), the centre's registry and verification
queue, and the organisation's own profile and cooperation leader (provider portal)."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
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
from opencus.providers import selectors, services
from opencus.providers.enums import PartnershipStatus
from opencus.providers.forms import (
    AccountForm,
    LeaderForm,
    PartnerFilterForm,
    ProfileForm,
    QueueFilterForm,
    RefuseForm,
    RegistrationForm,
    RequestForm,
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
    return render(
        request,
        "providers/profile.html",
        {
            "organisation": organisation,
            "partnerships": selectors.organisation_partnerships(organisation=organisation),
            "leader": selectors.current_leader(organisation=organisation),
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
