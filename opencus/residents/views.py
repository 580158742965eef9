"""The resident's side: sign up, verify the e-mail, apply online, and "my matters"."""

import json

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencus.accounts.context import centre_view, login_view, public_view
from opencus.accounts.models import User
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.cases import documents
from opencus.cases import selectors as case_selectors
from opencus.cases import services as case_services
from opencus.cases.enums import Outcome, WaitlistStatus
from opencus.cases.forms import OnlineApplicationForm
from opencus.core.forms import add_service_errors
from opencus.people.models import Person
from opencus.residents import export, selectors, services
from opencus.residents.forms import DeclineForm, MessageForm, SignUpForm
from opencus.residents.models import MAY_EXPORT, SEES_PLAN
from opencus.residents.tokens import email_verification_token
from opencus.territory.models import Centre

PERM = "residents.use_my_matters"


def _log_own(request, person, fields):
    """A resident reading their own (or their ward's) data is logged like any other read."""
    access_log_record(
        request=request,
        subject=person,
        centre=person.centre,
        purpose=AccessPurpose.DATA_SUBJECT_REQUEST,
        fields=fields,
    )


@public_view
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("residents:home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.resident_sign_up(
                email=data["email"],
                password=data["password"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=get_language() or "pl",
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _(
                    "Your account is ready. We have sent a link to %(email)s: open it to confirm "
                    "the address."
                )
                % {"email": user.email},
            )
            return redirect("residents:home")
    return render(request, "residents/sign_up.html", {"form": form})


@public_view
def verify(request, uidb64, token):
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, ValidationError):
        user = None
    if user is None or not email_verification_token.check_token(user, token):
        return render(request, "residents/verify_failed.html", status=400)
    services.email_verify(user=user)
    messages.success(request, _("Thank you: your e-mail address is confirmed."))
    return redirect("residents:home")


@login_view(PERM)
@require_POST
def verify_resend(request):
    services.resend_verification(user=request.user)
    messages.info(
        request, _("We have sent the link again to %(email)s.") % {"email": request.user.email}
    )
    return redirect("residents:home")


@login_view(PERM)
def home(request):
    links = selectors.links_of(request.user)
    people = [link.person for link in links]
    applications = selectors.applications_of(people)
    for link in links:
        _log_own(request, link.person, "my matters: applications, services, messages")
    by_person: dict = {link.person.pk: [] for link in links}
    for application in applications:
        by_person[application.person_id].append(application)
    plans_by_person: dict = {link.person.pk: [] for link in links}
    for plan in selectors.plans_of([link.person for link in links if link.role in SEES_PLAN]):
        plans_by_person[plan.person_id].append(plan)
    services_by_person: dict = {link.person.pk: [] for link in links}
    for row in selectors.services_of(people):
        services_by_person[row["enrolment"].person_id].append(row)
    return render(
        request,
        "residents/home.html",
        {
            "sections": [
                {
                    "link": link,
                    "applications": by_person[link.person.pk],
                    "services": services_by_person[link.person.pk],
                    "plans": plans_by_person[link.person.pk],
                    "sees_plan": link.role in SEES_PLAN,
                    "may_export": link.role in MAY_EXPORT,
                }
                for link in links
            ],
            "pending": selectors.pending_online(request.user),
            "messages_list": selectors.messages_of(people),
            "verified": request.user.email_verified_at is not None,
            "Outcome": Outcome,
            "WaitlistStatus": WaitlistStatus,
        },
    )


@login_view(PERM)
def apply(request, centre_slug):
    centre = get_object_or_404(Centre, slug=centre_slug)
    services_qs = case_selectors.applicable_services(centre)
    chosen = request.GET.get("service")
    form = OnlineApplicationForm(
        request.POST or None,
        services=services_qs,
        initial={
            "services": [chosen] if chosen else [],
            "first_name": request.user.first_name,
            "last_name": request.user.last_name,
        },
    )
    verified = request.user.email_verified_at is not None
    if request.method == "POST" and verified and form.is_valid():
        data = form.cleaned_data
        try:
            application = case_services.application_submit_online(
                centre=centre,
                account=request.user,
                submitter_role=data["submitter_role"],
                submitter_name=data["submitter_name"],
                services=list(data["services"]),
                description=data["description"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                pesel=data["pesel"],
                birth_date=data["birth_date"],
                address=data["address"],
                phone=data["phone"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Your application has reached %(centre)s on %(when)s. That moment sets your "
                    "place in the order; the centre will register it and contact you."
                )
                % {
                    "centre": centre.name,
                    "when": application.submitted_at.strftime("%d.%m.%Y %H:%M"),
                },
            )
            return redirect("residents:home")
    return render(
        request,
        "residents/apply.html",
        {
            "centre": centre,
            "form": form,
            "verified": verified,
            "has_services": services_qs.exists(),
        },
    )


@login_view(PERM)
def offer_reply(request, entry_id):
    entry = selectors.linked_entry(request.user, entry_id)
    form = DeclineForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("accept"):
                case_services.offer_accept(entry=entry, by=request.user)
                messages.success(
                    request,
                    _("You have accepted the place. The centre will contact you about the start."),
                )
            elif form.is_valid():
                case_services.offer_decline(
                    entry=entry,
                    by=request.user,
                    reason=form.cleaned_data["reason"] or _("declined by the person"),
                )
                messages.success(request, _("You have declined the place."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("residents:home")
    if entry.status != WaitlistStatus.OFFERED:
        raise Http404
    return render(request, "residents/offer.html", {"entry": entry, "form": form})


@login_view(PERM)
def notice_pdf(request, requested_id):
    line = selectors.linked_line(request.user, requested_id)
    if line.outcome != Outcome.GRANTED:
        raise Http404
    _log_own(request, line.application.person, "written notice (PDF)")
    response = HttpResponse(documents.notice_pdf(line), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="informacja.pdf"'
    return response


@login_view(PERM)
def decision_pdf(request, decision_id):
    decision = selectors.linked_decision(request.user, decision_id)
    _log_own(request, decision.requested.application.person, "decision (PDF)")
    response = HttpResponse(documents.decision_pdf(decision), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="decyzja.pdf"'
    return response


@login_view(PERM)
def message_detail(request, message_id):
    message = selectors.linked_message(request.user, message_id)
    services.message_read(message=message, by=request.user)
    return render(request, "residents/message.html", {"message": message})


def _exportable(request, person_id):
    link = selectors.link_to(request.user, person_id)
    if link.role not in MAY_EXPORT:
        raise Http404
    return link.person


@login_view(PERM)
def export_json(request, person_id):
    person = _exportable(request, person_id)
    _log_own(request, person, "RODO art. 15 copy (JSON)")
    body = json.dumps(export.person_data(person), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="moje-dane.json"'
    return response


@login_view(PERM)
def export_pdf(request, person_id):
    person = _exportable(request, person_id)
    _log_own(request, person, "RODO art. 15 copy (PDF)")
    response = HttpResponse(
        export.person_pdf(person, get_language() or "pl"), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="moje-dane.pdf"'
    return response


@centre_view("cases.receive_application")
def staff_message(request, centre, person_id):
    """Staff write to a person: the message waits in their "my matters" (and is announced)."""
    person = get_object_or_404(Person.objects.current(), centre=centre, pk=person_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.message_send(person=person, by=request.user, **form.cleaned_data)
        messages.success(request, _("The message is sent."))
        return redirect("centre:person_detail", centre_slug=centre.slug, person_id=person.pk)
    return render(
        request,
        "residents/staff_message.html",
        {
            "centre": centre,
            "person": person,
            "form": form,
            "accounts": person.resident_links.filter(ended_at__isnull=True).count(),
        },
    )


@login_view(PERM)
def plan_pdf(request, plan_id):
    from opencus.plans.documents import plan_pdf as render_plan

    plan = selectors.linked_plan(request.user, plan_id)
    _log_own(request, plan.person, "individual plan (PDF)")
    response = HttpResponse(render_plan(plan), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="plan-ipus.pdf"'
    return response
