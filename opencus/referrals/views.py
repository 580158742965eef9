import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencus.accounts.context import centre_view, organisation_view
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.cases.models import Application
from opencus.core.exports import csv_response
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.enrolments.models import Enrolment
from opencus.people import selectors as people_selectors
from opencus.plans.models import IndividualPlan
from opencus.referrals import exports, selectors, services
from opencus.referrals.enums import (
    ACTION_STATUS,
    TRANSITIONS,
    Action,
    ReceiverKind,
    ReferralStatus,
)
from opencus.referrals.forms import (
    AnswerForm,
    PersonSearchForm,
    PolicyForm,
    ReceivedFilterForm,
    ReferralFilterForm,
    ReferralForm,
    WithdrawForm,
)

VIEW = "referrals.view_referral"
SEND = "referrals.send_referral"
ANSWER = "referrals.answer_referral"
CANDIDATES = 20  # people a search offers to choose from

ACTION_LABELS = {
    Action.ACCEPT: gettext_lazy("Accept the referral"),
    Action.DECLINE: gettext_lazy("Decline the referral"),
    Action.START: gettext_lazy("Record that the service started"),
    Action.COMPLETE: gettext_lazy("Record that the service was completed"),
    Action.DROP: gettext_lazy("Record that the person dropped out"),
}
ACTION_DONE = {
    Action.ACCEPT: gettext_lazy("The referral is accepted."),
    Action.DECLINE: gettext_lazy("The referral is declined."),
    Action.START: gettext_lazy("The start of the service is recorded."),
    Action.COMPLETE: gettext_lazy("The referral is completed: the loop is closed."),
    Action.DROP: gettext_lazy("The drop-out is recorded: the loop is closed."),
}


def _log(request, referral, fields: str) -> None:
    """A referral page shows the person: a read in the referring centre's access log."""
    access_log_record(
        request=request,
        subject=referral.person,
        centre=referral.centre,
        purpose=AccessPurpose.CASE_HANDLING,
        fields=fields,
    )


def _shared(referral) -> str:
    return "referral: name" + "".join(f", {f}" for f in referral.shared_fields)


def _log_names(request, referrals, where: str) -> None:
    """A list of referrals shows names: one row per referring centre on the page."""
    by_centre: dict = {}
    for referral in referrals:
        by_centre.setdefault(referral.centre_id, [referral.centre, 0])[1] += 1
    for centre, count in by_centre.values():
        access_log_record(
            request=request,
            subject=centre,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields=f"{where}: names ({count})",
        )


def _allowed_actions(referral) -> list[str]:
    return [a for a in Action.values if ACTION_STATUS[a] in TRANSITIONS[referral.status]]


# --- the referring centre ------------------------------------------------------------------


def _filtered(request, centre):
    form = ReferralFilterForm(request.GET or None)
    filters = valid_filters(form)
    referrals = selectors.referral_list(
        centre=centre,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        receiver_kind=filters.get("receiver_kind", ""),
        loop=filters.get("loop", ""),
        stuck=filters.get("stuck", ""),
    )
    return form, referrals


@centre_view(VIEW)
def referral_list(request, centre):
    form, referrals = _filtered(request, centre)
    page = paginate(request, referrals)
    selectors.set_ages(page.object_list, timezone.now())
    if page.object_list:
        _log_names(request, page.object_list, "referrals sent")
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
        "policy": selectors.referral_policy(centre),
        "can_send": can(request.user, SEND, centre),
        "can_answer": can(request.user, ANSWER, centre),
        "can_configure": can(request.user, "centre.change_centre", centre),
    }
    return render_list(request, "referrals/referral_list.html", "referral-table", context)


@centre_view(VIEW)
def referral_csv(request, centre):
    _form, referrals = _filtered(request, centre)
    now = timezone.now()
    access_log_record(
        request=request,
        subject=centre,
        centre=centre,
        purpose=AccessPurpose.EXPORT,
        fields="referrals sent: names, receivers, status (CSV)",
    )
    return csv_response(
        f"referrals-{centre.slug}-{now:%Y%m%d}.csv",
        exports.referral_header(),
        exports.referral_rows(referrals.iterator(chunk_size=500), now=now),
    )


def _uuid(value: str | None):
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        raise Http404 from None


def _source(request, centre) -> dict | None:
    """The person and the case a referral starts from: ``?application=``, ``?enrolment=``
    (a service given), ``?plan=`` (an IPUS) or ``?person=``; None when nothing is given
    (search the person first)."""
    application_id = _uuid(request.GET.get("application"))
    enrolment_id = _uuid(request.GET.get("enrolment"))
    plan_id = _uuid(request.GET.get("plan"))
    person_id = _uuid(request.GET.get("person"))
    if application_id:
        application = get_object_or_404(
            Application.objects.select_related("person"),
            centre=centre,
            pk=application_id,
            person__isnull=False,
        )
        return {"person": application.person, "application": application}
    if enrolment_id:
        enrolment = get_object_or_404(
            Enrolment.objects.select_related("person", "service"), centre=centre, pk=enrolment_id
        )
        return {"person": enrolment.person, "enrolment": enrolment}
    if plan_id:
        plan = get_object_or_404(
            IndividualPlan.objects.select_related("person", "application"),
            centre=centre,
            pk=plan_id,
        )
        return {"person": plan.person, "plan": plan}
    if person_id:
        return {"person": people_selectors.get_person(centre=centre, person_id=person_id)}
    return None


@centre_view(SEND)
def referral_create(request, centre):
    """From an application, a service given, a plan or a person; without any, a search first."""
    source = _source(request, centre)
    if source is None:
        return _person_search(request, centre)
    person = source["person"]
    application = source.get("application") or getattr(source.get("plan"), "application", None)
    initial = {"need_description": application.description if application else ""}
    form = ReferralForm(
        request.POST if request.method == "POST" else None, centre=centre, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_send(
                centre=centre, by=request.user, **source, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(person)s is referred to %(receiver)s.")
                % {"person": person, "receiver": referral.receiver_name},
            )
            return redirect(
                "centre:referral_detail", centre_slug=centre.slug, referral_id=referral.pk
            )
    access_log_record(
        request=request,
        subject=person,
        centre=centre,
        purpose=AccessPurpose.CASE_HANDLING,
        fields="referral form: name, consents",
    )
    consents = {c.purpose for c in person.consents.filter(withdrawn_at__isnull=True)}
    return render(
        request,
        "referrals/referral_form.html",
        {"centre": centre, "form": form, "consents": consents, **source},
    )


def _person_search(request, centre):
    search = PersonSearchForm(request.GET or None)
    query = valid_filters(search).get("q", "")
    found = (
        list(people_selectors.person_list(centre=centre, query=query)[:CANDIDATES]) if query else []
    )
    if found:
        access_log_record(
            request=request,
            subject=centre,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields=f"search results: names, birth dates ({len(found)})",
        )
    return render(
        request,
        "referrals/person_search.html",
        {"centre": centre, "search": search, "query": query, "found": found},
    )


@centre_view(VIEW)
def referral_detail(request, centre, referral_id):
    referral = selectors.get_referral(centre=centre, referral_id=referral_id)
    _log(request, referral, _shared(referral) + ", person's record link, history")
    can_send = can(request.user, SEND, centre)
    record = referral.receiver_kind == ReceiverKind.UNIT and can_send
    return render(
        request,
        "referrals/referral_detail.html",
        {
            "centre": centre,
            "referral": referral,
            "age": referral.age_days(),
            "can_withdraw": can_send and ReferralStatus.WITHDRAWN in TRANSITIONS[referral.status],
            "actions": [
                (
                    ACTION_LABELS[a],
                    reverse("centre:referral_record", args=[centre.slug, referral.pk, a]),
                )
                for a in (_allowed_actions(referral) if record else [])
            ],
        },
    )


@centre_view(SEND)
def referral_withdraw(request, centre, referral_id):
    referral = selectors.get_referral(centre=centre, referral_id=referral_id)
    back = reverse("centre:referral_detail", args=[centre.slug, referral.pk])
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_withdraw(
                referral=referral, by=request.user, acting_for=centre, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The referral is withdrawn."))
            return redirect(back)
    _log(request, referral, "referral: name")
    return render(
        request,
        "referrals/withdraw.html",
        {"centre": centre, "referral": referral, "form": form, "back": back},
    )


def _answer_page(request, *, referral, action: str, acting_for, back: str, base: dict):
    """Confirm one step of the loop and take it; a step not possible now goes back with why."""
    if action not in Action.values:
        raise Http404
    if action not in _allowed_actions(referral):
        messages.error(
            request,
            _("A referral that is “%(status)s” cannot be moved this way.")
            % {"status": referral.get_status_display()},
        )
        return redirect(back)
    form = AnswerForm(request.POST if request.method == "POST" else None, action=action)
    if request.method == "POST" and form.is_valid():
        try:
            services.ANSWERS[action](
                referral=referral, by=request.user, acting_for=acting_for, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, ACTION_DONE[action])
            return redirect(back)
    _log(request, referral, "referral: name")
    return render(
        request,
        "referrals/answer.html",
        base
        | {
            "referral": referral,
            "form": form,
            "back": back,
            "title": ACTION_LABELS[action],
            "danger": action in (Action.DECLINE, Action.DROP),
        },
    )


@centre_view(SEND)
def referral_record(request, centre, referral_id, action):
    """The referring centre writes down the answer of a unit outside the system."""
    referral = selectors.get_referral(centre=centre, referral_id=referral_id)
    back = reverse("centre:referral_detail", args=[centre.slug, referral.pk])
    if referral.receiver_kind != ReceiverKind.UNIT:
        messages.error(
            request,
            _("%(receiver)s answers in OpenCUS itself.") % {"receiver": referral.receiver_name},
        )
        return redirect(back)
    return _answer_page(
        request,
        referral=referral,
        action=action,
        acting_for=centre,
        back=back,
        base={"centre": centre, "recording": True},
    )


@centre_view("centre.change_centre")
def referral_settings(request, centre):
    form = PolicyForm(
        request.POST if request.method == "POST" else None,
        instance=selectors.referral_policy(centre),
    )
    if request.method == "POST" and form.is_valid():
        services.policy_update(centre=centre, by=request.user, **form.cleaned_data)
        messages.success(request, _("The referral settings are saved."))
        return redirect("centre:referral_list", centre_slug=centre.slug)
    return render(request, "referrals/settings.html", {"centre": centre, "form": form})


# --- receivers: another centre, a provider organisation ------------------------------------


def _received_list(request, referrals, *, base: dict, detail):
    form = ReceivedFilterForm(request.GET or None)
    filters = valid_filters(form)
    page = paginate(
        request, referrals(query=filters.get("q", ""), status=filters.get("status", ""))
    )
    selectors.set_ages(page.object_list, timezone.now())
    for referral in page.object_list:
        referral.url = detail(referral)
    if page.object_list:
        _log_names(request, page.object_list, "referrals received")
    context = base | {
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
    }
    return render_list(request, "referrals/received_list.html", "received-table", context)


def _received_detail(request, referral, *, base: dict, answer):
    _log(request, referral, _shared(referral) + ", history")
    actions = [(ACTION_LABELS[a], answer(a)) for a in _allowed_actions(referral)]
    return render(
        request,
        "referrals/received_detail.html",
        base | {"referral": referral, "actions": actions, "age": referral.age_days()},
    )


@centre_view(ANSWER)
def incoming_referral_list(request, centre):
    return _received_list(
        request,
        lambda **f: selectors.incoming_referral_list(centre=centre, **f),
        base={"centre": centre, "incoming": True},
        detail=lambda r: reverse("centre:incoming_referral_detail", args=[centre.slug, r.pk]),
    )


@centre_view(ANSWER)
def incoming_referral_detail(request, centre, incoming_id):
    referral = selectors.get_incoming_referral(centre=centre, referral_id=incoming_id)
    return _received_detail(
        request,
        referral,
        base={"centre": centre, "incoming": True},
        answer=lambda a: reverse(
            "centre:incoming_referral_answer", args=[centre.slug, referral.pk, a]
        ),
    )


@centre_view(ANSWER)
def incoming_referral_answer(request, centre, incoming_id, action):
    referral = selectors.get_incoming_referral(centre=centre, referral_id=incoming_id)
    return _answer_page(
        request,
        referral=referral,
        action=action,
        acting_for=centre,
        back=reverse("centre:incoming_referral_detail", args=[centre.slug, referral.pk]),
        base={"centre": centre, "incoming": True},
    )


@organisation_view(ANSWER)
def organisation_referral_list(request, organisation):
    return _received_list(
        request,
        lambda **f: selectors.organisation_referral_list(organisation=organisation, **f),
        base={"organisation": organisation},
        detail=lambda r: reverse("organisation:referral_detail", args=[organisation.slug, r.pk]),
    )


@organisation_view(ANSWER)
def organisation_referral_detail(request, organisation, referral_id):
    referral = selectors.get_organisation_referral(
        organisation=organisation, referral_id=referral_id
    )
    return _received_detail(
        request,
        referral,
        base={"organisation": organisation},
        answer=lambda a: reverse(
            "organisation:referral_answer", args=[organisation.slug, referral.pk, a]
        ),
    )


@organisation_view(ANSWER)
def organisation_referral_answer(request, organisation, referral_id, action):
    referral = selectors.get_organisation_referral(
        organisation=organisation, referral_id=referral_id
    )
    return _answer_page(
        request,
        referral=referral,
        action=action,
        acting_for=organisation,
        back=reverse("organisation:referral_detail", args=[organisation.slug, referral.pk]),
        base={"organisation": organisation},
    )
