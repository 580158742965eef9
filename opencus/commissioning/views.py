"""Commissioning pages: the centre's partner search and calls (OUS, director; every role of
the centre reads), the provider portal's calls and offers, and the public pages of published
calls. Each view resolves, checks, calls one service, and redirects or renders."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencus.accounts.context import centre_view, organisation_view, public_view
from opencus.accounts.rules import can
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.commissioning import handover, ranking, selectors, services
from opencus.commissioning.enums import (
    CALL_TRANSITIONS,
    CallStatus,
    Mode,
    OfferStatus,
)
from opencus.commissioning.forms import (
    ONLY_PARTNERS,
    ONLY_PS,
    ONLY_RESERVED,
    AssignForm,
    AwardForm,
    CallFilterForm,
    CallForm,
    CancelForm,
    CheckForm,
    CommentForm,
    CriterionFormSet,
    GrantPoolForm,
    InviteForm,
    NoticeForm,
    OfferFilterForm,
    OfferForm,
    OrganisationCallFilterForm,
    PartnerSearchForm,
    PublicCallFilterForm,
    ScoreForm,
    criteria_of,
)
from opencus.core.exports import csv_response
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list

FIND = "commissioning.find_partner"
VIEW = "commissioning.view_call"
MANAGE = "commissioning.manage_call"
SUBMIT = "commissioning.submit_offer"
# The contracts app's permissions: the call's page links the contract made from an award.
VIEW_CONTRACTS = "contracts.view_contract"
MANAGE_CONTRACTS = "contracts.manage_contract"


def _url(name: str, query: dict | None = None, **kwargs) -> str:
    url = reverse(name, kwargs=kwargs)
    return f"{url}?{urlencode(query)}" if query else url


def _call_url(centre, call) -> str:
    return reverse("centre:call_detail", kwargs={"centre_slug": centre.slug, "call_id": call.pk})


def _errors_to_messages(request, exc: ValidationError) -> None:
    for text in exc.messages:
        messages.error(request, text)


# --- the centre: finding partners -----------------------------------------------------------


@centre_view(FIND)
def partner_search(request, centre):
    """Organisations ranked for a service the centre must provide, with the reasons."""
    form = PartnerSearchForm(request.GET or None, centre=centre)
    filters = valid_filters(form)
    page, search, specialisations = None, None, {}
    if filters.get("service_type"):
        found, search = selectors.partner_search(
            centre=centre,
            service_type=filters["service_type"],
            area=filters.get("area", ""),
            gmina=filters.get("gmina"),
            query=filters.get("q", ""),
            partners_only=filters.get("only") == ONLY_PARTNERS,
            social_enterprise_only=filters.get("only") == ONLY_PS,
            reserved_only=filters.get("only") == ONLY_RESERVED,
        )
        page = paginate(request, found)
        specialisations = selectors.matched_specialisations(page.object_list, search)
        for organisation in page.object_list:
            organisation.reasons = ranking.reasons(organisation, search)
            organisation.specialisations = specialisations.get(organisation.portfolio_id, [])
            organisation.partner_url = (
                reverse(
                    "centre:partner_detail",
                    kwargs={
                        "centre_slug": centre.slug,
                        "partnership_id": organisation.partnership_id,
                    },
                )
                if organisation.partnership_id
                else None
            )
            organisation.portfolio_url = _portfolio_url(centre, organisation)
    new_call = None
    if search is not None:
        query = {"service_type": search.service_type, "area": search.area}
        if search.gmina is not None:
            query["gmina"] = search.gmina.pk
        new_call = _url("centre:call_create", query, centre_slug=centre.slug)
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "search": search,
        "querystring": querystring_without_page(request),
        "weights": ranking.WEIGHTS,
        "can_manage": can(request.user, MANAGE, centre),
        "new_call": new_call,
        "for_call": request.GET.get("call", ""),
    }
    return render_list(request, "commissioning/partner_search.html", "partner-results", context)


def _portfolio_url(centre, organisation) -> str | None:
    """The portfolio's page: the centre's view of a partner's portfolio, else the
    organisation's public page."""
    if not organisation.portfolio_id:
        return None
    if organisation.partnership_id:
        return _url(
            "centre:partner_portfolio",
            centre_slug=centre.slug,
            portfolio_id=organisation.portfolio_id,
        )
    return _url("organisations:profile", profile_slug=organisation.slug)


@centre_view(MANAGE)
def partner_invite(request, centre):
    """Invite an organisation from the search to one of the centre's calls."""
    organisation_id = request.GET.get("organisation") or request.POST.get("organisation")
    if not organisation_id:
        # The organisation is chosen in the search.
        return redirect("centre:partner_search", centre_slug=centre.slug)
    try:
        organisation = selectors.get_visible_organisation(
            centre=centre, organisation_id=organisation_id
        )
    except (ValidationError, ValueError):
        raise Http404 from None
    calls = selectors.calls_to_invite_to(
        centre=centre, service_type=request.GET.get("service_type", "")
    )
    initial = {"call": request.GET.get("call")} if request.GET.get("call") else {}
    form = InviteForm(
        request.POST if request.method == "POST" else None, calls=calls, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                call=form.cleaned_data["call"],
                organisation=organisation,
                by=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(organisation)s is invited to the call %(number)s.")
                % {"organisation": organisation, "number": invitation.call.number},
            )
            return redirect(_call_url(centre, invitation.call))
    return render(
        request,
        "commissioning/partner_invite.html",
        {"centre": centre, "organisation": organisation, "form": form, "has_calls": calls.exists()},
    )


# --- the centre: calls ----------------------------------------------------------------------


def _filtered_calls(request, centre):
    form = CallFilterForm(request.GET or None)
    filters = valid_filters(form)
    calls = selectors.call_list(
        centre=centre,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        mode=filters.get("mode", ""),
        service_type=filters.get("service_type", ""),
    )
    return form, calls


@centre_view(VIEW)
def call_list(request, centre):
    form, calls = _filtered_calls(request, centre)
    context = {
        "centre": centre,
        "form": form,
        "page": paginate(request, calls),
        "querystring": querystring_without_page(request),
        "can_manage": can(request.user, MANAGE, centre),
        "can_find": can(request.user, FIND, centre),
        "now": timezone.now(),
    }
    return render_list(request, "commissioning/call_list.html", "call-table", context)


@centre_view(VIEW)
def call_csv(request, centre):
    _form, calls = _filtered_calls(request, centre)
    header = [
        _("Number"),
        _("Title"),
        _("Procedure"),
        _("Service"),
        _("Budget (PLN)"),
        _("Published on"),
        _("Offers deadline"),
        _("Status"),
        _("Offers"),
        _("Awarded (PLN)"),
    ]
    rows = (
        [
            c.number,
            c.title,
            c.procedure_label,
            c.get_service_type_display(),
            c.budget,
            services.when(c.published_at) if c.published_at else "",
            services.when(c.offers_deadline) if c.offers_deadline else "",
            c.get_status_display(),
            c.offer_count,
            c.awarded_total or "",
        ]
        for c in calls
    )
    return csv_response(f"calls-{centre.slug}-{timezone.localdate():%Y%m%d}.csv", header, rows)


def _call_form_page(request, centre, call=None):
    data = request.POST if request.method == "POST" else None
    if call is None:
        initial = {k: request.GET[k] for k in ("service_type", "area") if request.GET.get(k)}
        if request.GET.get("gmina"):
            initial["gminas"] = [request.GET["gmina"]]
        form = CallForm(data, centre=centre, initial=initial)
        criteria = CriterionFormSet(data, prefix="criteria")
    else:
        form = CallForm(data, centre=centre, instance=call)
        criteria = CriterionFormSet(
            data,
            prefix="criteria",
            initial=[
                {"name": c.name, "description": c.description, "max_points": c.max_points}
                for c in call.criteria.all()
            ],
        )
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        try:
            fields = {
                "by": request.user,
                "gminas": form.cleaned_data["gminas"],
                "criteria": criteria_of(criteria),
                **form.service_fields(),
            }
            if call is None:
                call = services.call_create(centre=centre, **fields)
                done = _("The call %(number)s is drafted.")
            else:
                call = services.call_update(call=call, **fields)
                done = _("The draft %(number)s is saved.")
        except ValidationError as exc:
            # The criteria's errors (no field of their own) go to the summary at the top.
            add_service_errors(form, exc)
        else:
            messages.success(request, done % {"number": call.number})
            return redirect(_call_url(centre, call))
    return render(
        request,
        "commissioning/call_form.html",
        {"centre": centre, "call": call, "form": form, "criteria": criteria},
    )


@centre_view(MANAGE)
def call_create(request, centre):
    return _call_form_page(request, centre)


@centre_view(MANAGE)
def call_edit(request, centre, call_id):
    call = selectors.get_call(centre=centre, call_id=call_id)
    if call.status != CallStatus.DRAFT:
        messages.error(request, services.MSG_EDIT_AFTER_PUBLICATION)
        return redirect(_call_url(centre, call))
    return _call_form_page(request, centre, call)


def _actions(call, user, centre) -> list[tuple[str, str, str]]:
    """The next steps the user may take: (label, URL name, button style)."""
    if not can(user, MANAGE, centre):
        return []
    status, actions = call.status, []
    if status == CallStatus.DRAFT:
        actions.append((_("Edit"), "centre:call_edit", "secondary"))
        if call.mode == Mode.IN_HOUSE:
            actions.append((_("Record the assignment"), "centre:call_assign", ""))
        else:
            actions.append((_("Publish"), "centre:call_publish", ""))
    if status in (CallStatus.PUBLISHED, CallStatus.EVALUATION):
        actions.append((_("Publish a correction notice"), "centre:call_notice", "secondary"))
    if status == CallStatus.PUBLISHED and call.deadline_passed():
        actions.append((_("Close the offers and start the evaluation"), "centre:call_close", ""))
    if status == CallStatus.EVALUATION:
        actions.append((_("Award"), "centre:call_award", ""))
    if status == CallStatus.AWARDED:
        actions.append((_("Publish the results"), "centre:call_results", ""))
    if CallStatus.CANCELLED in CALL_TRANSITIONS[status]:
        actions.append((_("Cancel the call"), "centre:call_cancel", "danger"))
    return actions


@centre_view(VIEW)
def call_detail(request, centre, call_id):
    call = selectors.get_call(centre=centre, call_id=call_id)
    offers = selectors.ranked_offers(call=call) if call.status != CallStatus.DRAFT else []
    awarded = [o for o in offers if o.status == OfferStatus.AWARDED]
    if call.mode != Mode.IN_HOUSE:
        # Each awarded offer leads to its contract: "prepare" it until it is made, then see it.
        contracts = handover.contracts_of_offers(o.pk for o in awarded)
        may_view = can(request.user, VIEW_CONTRACTS, centre)
        may_prepare = can(request.user, MANAGE_CONTRACTS, centre)
        for offer in awarded:
            contract = contracts.get(offer.pk)
            offer.contract = contract if may_view else None
            offer.prepare_url = (
                _url("centre:contract_create", {"offer": offer.pk}, centre_slug=centre.slug)
                if contract is None and may_prepare
                else None
            )
    can_find = can(request.user, FIND, centre)
    find_url = None
    if can_find and (call.status == CallStatus.DRAFT or call.accepts_offers()):
        find_url = reverse("centre:partner_search", kwargs={"centre_slug": centre.slug})
        find_url += f"?service_type={call.service_type}&area={call.area}&call={call.pk}"
    return render(
        request,
        "commissioning/call_detail.html",
        {
            "centre": centre,
            "call": call,
            "offers": offers,
            "awarded": awarded,
            "events": selectors.call_history(call=call),
            "invitations": selectors.call_invitations(call=call),
            "actions": [
                (
                    label,
                    reverse(name, kwargs={"centre_slug": centre.slug, "call_id": call.pk}),
                    style,
                )
                for label, name, style in _actions(call, request.user, centre)
            ],
            "find_url": find_url,
            "public_url": reverse("commissioning:call_detail", kwargs={"call_id": call.pk})
            if call.is_public
            else None,
        },
    )


def _step_page(
    request,
    centre,
    call_id,
    *,
    step: Callable,
    title,
    question,
    done,
    form_class=None,
    danger: bool = False,
    allowed: Callable = lambda call: True,
):
    """A confirmation page for one step of the call (GET), the step itself (POST)."""
    call = selectors.get_call(centre=centre, call_id=call_id)
    back = _call_url(centre, call)
    if not allowed(call):
        messages.error(
            request,
            _("This step is not possible now: the call is “%(status)s”.")
            % {"status": call.get_status_display()},
        )
        return redirect(back)
    form = form_class(request.POST if request.method == "POST" else None) if form_class else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            step(call=call, by=request.user, **(form.cleaned_data if form else {}))
        except ValidationError as exc:
            if form is None:
                _errors_to_messages(request, exc)
                return redirect(back)
            add_service_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(back)
    return render(
        request,
        "commissioning/call_step.html",
        {
            "centre": centre,
            "call": call,
            "form": form,
            "back": back,
            "title": title,
            "question": question,
            "danger": danger,
        },
    )


@centre_view(MANAGE)
def call_publish(request, centre, call_id):
    return _step_page(
        request,
        centre,
        call_id,
        step=services.call_publish,
        title=gettext_lazy("Publish the call"),
        question=gettext_lazy(
            "Publish the call? Organisations see it in the provider portal and anyone on the "
            "public page; its terms and criteria can no longer be changed, only corrected by a "
            "notice."
        ),
        done=gettext_lazy("The call is published."),
        allowed=lambda call: call.status == CallStatus.DRAFT and call.mode != Mode.IN_HOUSE,
    )


@centre_view(MANAGE)
def call_notice(request, centre, call_id):
    return _step_page(
        request,
        centre,
        call_id,
        step=services.call_add_notice,
        title=gettext_lazy("Publish a correction notice"),
        question=gettext_lazy(
            "A published call is not edited: a correction notice is published next to it, "
            "with today's date."
        ),
        done=gettext_lazy("The correction notice is published."),
        form_class=NoticeForm,
        allowed=lambda call: call.status in (CallStatus.PUBLISHED, CallStatus.EVALUATION),
    )


@centre_view(MANAGE)
def call_close(request, centre, call_id):
    return _step_page(
        request,
        centre,
        call_id,
        step=services.call_close_offers,
        title=gettext_lazy("Close the offers and start the evaluation"),
        question=gettext_lazy(
            "The deadline has passed. Close the offers? The formal check and the scoring start."
        ),
        done=gettext_lazy("The evaluation has started."),
        allowed=lambda call: call.status == CallStatus.PUBLISHED,
    )


@centre_view(MANAGE)
def call_cancel(request, centre, call_id):
    return _step_page(
        request,
        centre,
        call_id,
        step=services.call_cancel,
        title=gettext_lazy("Cancel the call"),
        question=gettext_lazy(
            "Cancel the call? A published call stays on the public page with the reason."
        ),
        done=gettext_lazy("The call is cancelled."),
        form_class=CancelForm,
        danger=True,
        allowed=lambda call: CallStatus.CANCELLED in CALL_TRANSITIONS[call.status],
    )


@centre_view(MANAGE)
def call_results(request, centre, call_id):
    return _step_page(
        request,
        centre,
        call_id,
        step=services.call_publish_results,
        title=gettext_lazy("Publish the results"),
        question=gettext_lazy(
            "Publish the results? The public page of the call then shows the organisations, "
            "their points and the amounts awarded."
        ),
        done=gettext_lazy("The results are published."),
        allowed=lambda call: call.status == CallStatus.AWARDED,
    )


@centre_view(MANAGE)
def call_assign(request, centre, call_id):
    """In-house: record which gmina unit does the task (no offers, no competition)."""
    call = selectors.get_call(centre=centre, call_id=call_id)
    back = _call_url(centre, call)
    if call.mode != Mode.IN_HOUSE or call.status != CallStatus.DRAFT:
        messages.error(request, services.MSG_ONLY_IN_HOUSE)
        return redirect(back)
    form = AssignForm(
        request.POST if request.method == "POST" else None, initial={"amount": call.budget}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.call_assign_in_house(call=call, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The assignment is recorded."))
            return redirect(back)
    return render(
        request,
        "commissioning/call_assign.html",
        {"centre": centre, "call": call, "form": form, "back": back},
    )


# --- the centre: evaluation and award -------------------------------------------------------


def _log_comments(request, centre, call, comments) -> None:
    if comments:
        access_log_record(
            request=request,
            subject=call,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields=f"public comments on art. 19a offers: names ({len(comments)})",
        )


@centre_view(VIEW)
def call_evaluation(request, centre, call_id):
    """The offers of a call: formal check, points per criterion, totals and ranking."""
    call = selectors.get_call(centre=centre, call_id=call_id)
    if call.status == CallStatus.DRAFT:
        messages.error(request, _("A draft has no offers yet."))
        return redirect(_call_url(centre, call))
    offers = selectors.ranked_offers(call=call)
    criteria = list(call.criteria.all())
    for offer in offers:
        by_criterion = {s.criterion_id: s for s in offer.scores.all()}
        offer.cells = [by_criterion.get(c.pk) for c in criteria]
    comments = selectors.offer_comments(call=call)
    _log_comments(request, centre, call, comments)
    return render(
        request,
        "commissioning/evaluation.html",
        {
            "centre": centre,
            "call": call,
            "offers": offers,
            "criteria": criteria,
            "comments": comments,
            "can_manage": can(request.user, MANAGE, centre),
            "now": timezone.now(),
        },
    )


@centre_view(VIEW)
def call_evaluation_csv(request, centre, call_id):
    call = selectors.get_call(centre=centre, call_id=call_id)
    offers = selectors.ranked_offers(call=call)
    criteria = list(call.criteria.all())
    header = [_("Place"), _("Organisation"), _("Status"), _("Amount asked (PLN)")]
    header += [f"{c.name} (max {c.max_points})" for c in criteria]
    header += [_("Total points"), _("Amount awarded (PLN)"), _("Reason")]
    rows = []
    for offer in offers:
        points = {s.criterion_id: s.points for s in offer.scores.all()}
        rows.append(
            [
                offer.place or "",
                offer.organisation.name,
                offer.get_status_display(),
                offer.amount or "",
                *[points.get(c.pk, "") for c in criteria],
                offer.total_points,
                offer.awarded_amount or "",
                offer.decision_reason or offer.rejection_reason,
            ]
        )
    return csv_response(f"evaluation-{call.number.replace('/', '-')}.csv", header, rows)


@centre_view(VIEW)
def offer_detail(request, centre, call_id, offer_id):
    call = selectors.get_call(centre=centre, call_id=call_id)
    offer = selectors.get_offer(centre=centre, call=call, offer_id=offer_id)
    comments = list(offer.comments.all())
    _log_comments(request, centre, call, comments)
    # The offer's staff and delivery may name people.
    access_log_record(
        request=request,
        subject=offer,
        centre=centre,
        purpose=AccessPurpose.CASE_HANDLING,
        fields="offer: delivery, staff",
    )
    manage = can(request.user, MANAGE, centre) and call.status == CallStatus.EVALUATION
    return render(
        request,
        "commissioning/offer_detail.html",
        {
            "centre": centre,
            "call": call,
            "offer": offer,
            "comments": comments,
            "can_check": manage
            and offer.status in (OfferStatus.SUBMITTED, OfferStatus.ACCEPTED, OfferStatus.REJECTED),
            "can_score": manage and offer.status == OfferStatus.ACCEPTED,
        },
    )


def _offer_page(request, centre, call_id, offer_id):
    call = selectors.get_call(centre=centre, call_id=call_id)
    offer = selectors.get_offer(centre=centre, call=call, offer_id=offer_id)
    back = reverse(
        "centre:offer_detail",
        kwargs={"centre_slug": centre.slug, "call_id": call.pk, "offer_id": offer.pk},
    )
    return call, offer, back


@centre_view(MANAGE)
def offer_check(request, centre, call_id, offer_id):
    call, offer, back = _offer_page(request, centre, call_id, offer_id)
    if call.status != CallStatus.EVALUATION:
        messages.error(request, services.MSG_NOT_IN_EVALUATION)
        return redirect(back)
    initial = {}
    if offer.status in (OfferStatus.ACCEPTED, OfferStatus.REJECTED):
        initial = {
            "result": "accept" if offer.status == OfferStatus.ACCEPTED else "reject",
            "reason": offer.rejection_reason,
        }
    form = CheckForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_check(offer=offer, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The formal check is recorded."))
            return redirect(back)
    return render(
        request,
        "commissioning/offer_check.html",
        {"centre": centre, "call": call, "offer": offer, "form": form, "back": back},
    )


@centre_view(MANAGE)
def offer_score(request, centre, call_id, offer_id):
    call, offer, back = _offer_page(request, centre, call_id, offer_id)
    if call.status != CallStatus.EVALUATION or offer.status != OfferStatus.ACCEPTED:
        messages.error(request, services.MSG_SCORE_ONLY_ACCEPTED)
        return redirect(back)
    form = ScoreForm(
        request.POST if request.method == "POST" else None,
        criteria=call.criteria.all(),
        scores=offer.scores.all(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_score(offer=offer, by=request.user, scores=form.scores())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The scores are saved."))
            return redirect(back)
    return render(
        request,
        "commissioning/offer_score.html",
        {"centre": centre, "call": call, "offer": offer, "form": form, "back": back},
    )


@centre_view(MANAGE)
def call_award(request, centre, call_id):
    call = selectors.get_call(centre=centre, call_id=call_id)
    back = _call_url(centre, call)
    if call.status != CallStatus.EVALUATION:
        messages.error(request, services.MSG_NOT_IN_EVALUATION)
        return redirect(back)
    offers = selectors.ranked_offers(call=call)
    accepted = [o for o in offers if o.status == OfferStatus.ACCEPTED]
    form = AwardForm(request.POST if request.method == "POST" else None, offers=accepted)
    if request.method == "POST" and form.is_valid():
        try:
            services.call_award(call=call, by=request.user, decisions=form.decisions())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The call is awarded."))
            return redirect(back)
    totals = (
        selectors.small_grant_year_totals(
            call=call, organisations=[o.organisation for o in accepted]
        )
        if call.is_small_grant
        else {}
    )
    for offer in accepted:
        offer.year_total = totals.get(offer.organisation_id)
    pool = (
        selectors.grant_pool_of_year(centre=centre, year=timezone.localdate().year)
        if call.is_small_grant
        else None
    )
    return render(
        request,
        "commissioning/award.html",
        {
            "centre": centre,
            "call": call,
            "form": form,
            "back": back,
            "others": [o for o in offers if o.status != OfferStatus.ACCEPTED],
            "pool": pool,
            "share": services.pool_share(),
        },
    )


# --- the grant pools (art. 19a ust. 8) ------------------------------------------------------


@centre_view(VIEW)
def grant_pools(request, centre):
    return render(
        request,
        "commissioning/grant_pools.html",
        {
            "centre": centre,
            "rows": selectors.grant_pools(centre=centre),
            "share": services.pool_share(),
            "can_manage": can(request.user, MANAGE, centre),
        },
    )


@centre_view(MANAGE)
def grant_pool_set(request, centre):
    """Record or correct the grants planned in a year (``?year=`` fills the form)."""
    back = reverse("centre:grant_pools", kwargs={"centre_slug": centre.slug})
    share = services.pool_share()
    if request.method == "POST":
        form = GrantPoolForm(request.POST, share=share)
        if form.is_valid():
            try:
                pool = services.grant_pool_set(centre=centre, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("The grants planned for %(year)s are recorded.") % {"year": pool.year},
                )
                return redirect(back)
    else:
        year = request.GET.get("year", "")
        initial: dict = {"year": timezone.localdate().year}
        if year.isdigit():
            existing = selectors.grant_pool(centre=centre, year=int(year))
            initial = {"year": int(year)} | (
                {"amount": existing.amount, "source": existing.source} if existing else {}
            )
        form = GrantPoolForm(initial=initial, share=share)
    return render(
        request,
        "commissioning/grant_pool_form.html",
        {"centre": centre, "form": form, "back": back},
    )


# --- the provider portal --------------------------------------------------------------------


def _org_call_url(organisation, call) -> str:
    return reverse(
        "organisation:call_detail",
        kwargs={"organisation_slug": organisation.slug, "call_id": call.pk},
    )


def _org_offer_url(organisation, offer) -> str:
    return reverse(
        "organisation:offer_detail",
        kwargs={"organisation_slug": organisation.slug, "offer_id": offer.pk},
    )


@organisation_view(SUBMIT)
def organisation_call_list(request, organisation):
    form = OrganisationCallFilterForm(request.GET or None)
    filters = valid_filters(form)
    calls = selectors.organisation_calls(
        organisation=organisation,
        query=filters.get("q", ""),
        service_type=filters.get("service_type", ""),
        only_open=filters.get("open") == "yes",
    )
    page = paginate(request, calls)
    for call in page.object_list:
        call.own_offer_label = _own_offer_label(call)
    context = {
        "organisation": organisation,
        "form": form,
        "page": page,
        "querystring": querystring_without_page(request),
    }
    return render_list(request, "commissioning/organisation_call_list.html", "call-table", context)


def _own_offer_label(call) -> str:
    """The organisation's offer as it sees it: the outcome only once the results are out."""
    status = call.own_offer_status
    if not status:
        return ""
    if status in (OfferStatus.DRAFT, OfferStatus.SUBMITTED, OfferStatus.WITHDRAWN):
        return str(OfferStatus(status).label)
    if call.status == CallStatus.RESULTS_PUBLISHED:
        return str(OfferStatus(status).label)
    return _("under evaluation")


@organisation_view(SUBMIT)
def organisation_call_detail(request, organisation, call_id):
    call = selectors.get_organisation_call(organisation=organisation, call_id=call_id)
    offer = selectors.own_offer(organisation=organisation, call=call)
    return render(
        request,
        "commissioning/organisation_call_detail.html",
        {
            "organisation": organisation,
            "call": call,
            "offer": offer,
            "notices": selectors.public_notices(call=call),
            "results": selectors.public_results(call=call),
            # A new offer before the deadline; a draft stays reachable (submitting it late
            # is refused with the deadline named).
            "can_write": call.status == CallStatus.PUBLISHED
            and (
                (offer is None and not call.deadline_passed())
                or (
                    offer is not None and offer.status in (OfferStatus.DRAFT, OfferStatus.WITHDRAWN)
                )
            ),
        },
    )


@organisation_view(SUBMIT)
def offer_edit(request, organisation, call_id):
    """Write the organisation's offer to a call, or change its draft (saved, not submitted)."""
    call = selectors.get_organisation_call(organisation=organisation, call_id=call_id)
    offer = selectors.own_offer(organisation=organisation, call=call)
    if call.status != CallStatus.PUBLISHED:
        messages.error(request, services.MSG_CALL_NOT_OPEN % {"status": call.get_status_display()})
        return redirect(_org_call_url(organisation, call))
    if offer is not None and offer.is_sent:
        messages.error(
            request,
            services.MSG_OFFER_ALREADY_SENT % {"status": offer.get_status_display()},
        )
        return redirect(_org_offer_url(organisation, offer))
    form = OfferForm(request.POST if request.method == "POST" else None, instance=offer, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.offer_save(
                call=call, organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The draft is saved. Submit it from its page before the deadline."),
            )
            return redirect(_org_offer_url(organisation, offer))
    return render(
        request,
        "commissioning/offer_form.html",
        {"organisation": organisation, "call": call, "offer": offer, "form": form},
    )


@organisation_view(SUBMIT)
def organisation_offer_list(request, organisation):
    form = OfferFilterForm(request.GET or None)
    filters = valid_filters(form)
    offers = selectors.organisation_offers(
        organisation=organisation, status=filters.get("status", "")
    )
    context = {
        "organisation": organisation,
        "form": form,
        "page": paginate(request, offers),
        "querystring": querystring_without_page(request),
    }
    return render_list(
        request, "commissioning/organisation_offer_list.html", "offer-table", context
    )


@organisation_view(SUBMIT)
def organisation_offer_detail(request, organisation, offer_id):
    offer = selectors.get_organisation_offer(organisation=organisation, offer_id=offer_id)
    call = offer.call
    contract = None
    if offer.status == OfferStatus.AWARDED:
        contract = handover.contracts_of_offers([offer.pk]).get(offer.pk)
        if contract is not None and contract.is_draft:
            contract = None  # a draft is the centre's own until it is signed
    return render(
        request,
        "commissioning/organisation_offer_detail.html",
        {
            "organisation": organisation,
            "offer": offer,
            "call": call,
            "contract": contract,
            "scores": selectors.own_scores(offer=offer),
            "results_published": call.status == CallStatus.RESULTS_PUBLISHED,
            "can_edit": call.status == CallStatus.PUBLISHED
            and offer.status in (OfferStatus.DRAFT, OfferStatus.WITHDRAWN),
            "can_submit": offer.status == OfferStatus.DRAFT,
            "can_withdraw": offer.status == OfferStatus.SUBMITTED and call.accepts_offers(),
        },
    )


def _offer_step(request, organisation, offer_id, *, step, title, question, done, danger=False):
    offer = selectors.get_organisation_offer(organisation=organisation, offer_id=offer_id)
    back = _org_offer_url(organisation, offer)
    if request.method == "POST":
        try:
            step(offer=offer, by=request.user)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        else:
            messages.success(request, done)
        return redirect(back)
    return render(
        request,
        "commissioning/organisation_offer_step.html",
        {
            "organisation": organisation,
            "offer": offer,
            "call": offer.call,
            "back": back,
            "title": title,
            "question": question,
            "danger": danger,
        },
    )


@organisation_view(SUBMIT)
def offer_submit(request, organisation, offer_id):
    return _offer_step(
        request,
        organisation,
        offer_id,
        step=services.offer_submit,
        title=gettext_lazy("Submit the offer"),
        question=gettext_lazy(
            "Submit the offer to the centre? Until the deadline you can still withdraw it, "
            "change it and submit it again."
        ),
        done=gettext_lazy("The offer is submitted."),
    )


@organisation_view(SUBMIT)
def offer_withdraw(request, organisation, offer_id):
    return _offer_step(
        request,
        organisation,
        offer_id,
        step=services.offer_withdraw,
        title=gettext_lazy("Withdraw the offer"),
        question=gettext_lazy(
            "Withdraw the offer? The centre will not evaluate it. Before the deadline you can "
            "change it and submit it again."
        ),
        done=gettext_lazy("The offer is withdrawn."),
        danger=True,
    )


# --- public pages ---------------------------------------------------------------------------


@public_view
def public_call_list(request):
    form = PublicCallFilterForm(request.GET or None)
    filters = valid_filters(form)
    calls = selectors.public_calls(
        query=filters.get("q", ""),
        service_type=filters.get("service_type", ""),
        status=filters.get("status", ""),
    )
    context = {
        "form": form,
        "page": paginate(request, calls),
        "querystring": querystring_without_page(request),
        "now": timezone.now(),
    }
    return render_list(request, "commissioning/public_call_list.html", "call-table", context)


def _public_detail(request, call, *, comment_form=None, status=200):
    offers = selectors.offers_for_comments(call=call)
    now = timezone.now()
    for offer in offers:
        offer.open_for_comments = offer.comments_open(now)
        bound = comment_form is not None and str(comment_form.data.get("offer")) == str(offer.pk)
        offer.comment_form = (
            comment_form
            if bound
            else CommentForm(initial={"offer": offer.pk}, prefix=None, auto_id=f"id_%s_{offer.pk}")
        )
    return render(
        request,
        "commissioning/public_call_detail.html",
        {
            "call": call,
            "notices": selectors.public_notices(call=call),
            "results": selectors.public_results(call=call),
            "offers": offers,
            "now": now,
        },
        status=status,
    )


@public_view
def public_call_detail(request, call_id):
    return _public_detail(request, selectors.get_public_call(call_id=call_id))


@public_view
def public_comment(request, call_id):
    """A comment on an art. 19a offer (POST from the call's page; GET goes back to it)."""
    call = selectors.get_public_call(call_id=call_id)
    if request.method != "POST":
        return redirect("commissioning:call_detail", call_id=call.pk)
    offer_id = request.POST.get("offer", "")
    offer = next(
        (o for o in selectors.offers_for_comments(call=call) if str(o.pk) == offer_id), None
    )
    if offer is None:
        raise Http404
    form = CommentForm(request.POST, auto_id=f"id_%s_{offer.pk}")
    if form.is_valid():
        try:
            services.comment_create(
                offer=offer,
                by=request.user if request.user.is_authenticated else None,
                name=form.cleaned_data["name"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            if not offer.comments_open():
                # The window closed while the person was writing: say so at the top.
                _errors_to_messages(request, exc)
                return redirect("commissioning:call_detail", call_id=call.pk)
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you: the comment is sent to the centre."))
            return redirect("commissioning:call_detail", call_id=call.pk)
    return _public_detail(request, call, comment_form=form, status=200)
