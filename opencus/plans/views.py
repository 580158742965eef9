import datetime as dt
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opencus.accounts.context import centre_view
from opencus.accounts.roles import Role
from opencus.accounts.rules import can
from opencus.accounts.selectors import get_staff_member
from opencus.audit.models import AccessPurpose
from opencus.audit.services import access_log_record
from opencus.core.forms import add_service_errors, valid_filters
from opencus.core.pagination import paginate, querystring_without_page
from opencus.core.views import render_list
from opencus.plans import rules, selectors, services
from opencus.plans.documents import plan_pdf as make_pdf
from opencus.plans.enums import EDITABLE_STATUSES, PlanStatus
from opencus.plans.forms import (
    AgreementForm,
    AuthorisationForm,
    CloseForm,
    ContactForm,
    EndForm,
    GoalForm,
    ItemForm,
    PlanCreateForm,
    PlanFilterForm,
    PlanForm,
    ReasonForm,
    SupportForm,
)

SHOWN = "individual plan: needs, goals, services, support, monitoring, agreement, approval"


def _to_plan(centre, plan):
    return redirect("centre:plan_detail", centre_slug=centre.slug, plan_id=plan.pk)


def _log(request, centre, plan, fields=SHOWN):
    access_log_record(
        request=request,
        subject=plan.person,
        centre=centre,
        purpose=AccessPurpose.CASE_HANDLING,
        fields=f"{fields} ({plan.number})",
    )


def _posted(request):
    """The form's data on a POST (even an empty one: every field may be optional), else None."""
    return request.POST if request.method == "POST" else None


def _errors_to_messages(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# --- lists -----------------------------------------------------------------------------


@centre_view("plans.view_plan")
def plan_list(request, centre):
    form = PlanFilterForm(
        request.GET or None, coordinators=selectors.coordinators_with_plans(centre=centre)
    )
    filters = valid_filters(form)
    query = filters.get("q", "")
    page = paginate(
        request,
        selectors.plan_list(
            centre=centre,
            query=query,
            status=filters.get("status", ""),
            coordinator=filters.get("coordinator"),
        ),
    )
    if query and page.object_list:
        access_log_record(
            request=request,
            subject=centre,
            centre=centre,
            purpose=AccessPurpose.CASE_HANDLING,
            fields=f"search results: names, plan numbers ({page.paginator.count})",
        )
    context = {
        "centre": centre,
        "form": form,
        "page": page,
        "query": query,
        "querystring": querystring_without_page(request),
        "filtered": any(filters.values()),
        "can_manage": can(request.user, "plans.manage_plan", centre),
        "can_supervise": can(request.user, "plans.supervise", centre),
        "is_kipus": rules.holds_role(request.user, centre, Role.KIPUS),
        "may_approve": rules.may_approve(request.user, centre),
        "today": timezone.localdate(),
    }
    return render_list(request, "plans/plan_list.html", "plan-table", context)


def _caseload_page(request, centre, coordinator, *, own: bool):
    caseload = selectors.caseload(centre=centre, coordinator=coordinator)
    page = paginate(request, caseload.plans)
    access_log_record(
        request=request,
        subject=centre,
        centre=centre,
        purpose=AccessPurpose.CASE_HANDLING if own else AccessPurpose.AUDIT,
        fields=(
            f"caseload of {coordinator.email}: names, plan numbers, due actions "
            f"({len(caseload.plans)} plans, {len(caseload.waiting)} applications)"
        ),
    )
    return render(
        request,
        "plans/caseload.html",
        {
            "centre": centre,
            "coordinator": coordinator,
            "own": own,
            "caseload": caseload,
            "page": page,
            "querystring": querystring_without_page(request),
            "can_manage": can(request.user, "plans.manage_plan", centre),
            "can_supervise": can(request.user, "plans.supervise", centre),
        },
    )


@centre_view("plans.view_plan")
def caseload(request, centre):
    return _caseload_page(request, centre, request.user, own=True)


@centre_view("plans.supervise")
def caseload_of(request, centre, user_id):
    coordinator = get_staff_member(centre=centre, user_id=user_id)
    return _caseload_page(request, centre, coordinator, own=coordinator == request.user)


@centre_view("plans.supervise")
def supervision(request, centre):
    view = selectors.supervision(centre=centre)
    if view.pending:
        access_log_record(
            request=request,
            subject=centre,
            centre=centre,
            purpose=AccessPurpose.AUDIT,
            fields=f"plans waiting for approval: names, plan numbers ({len(view.pending)})",
        )
    return render(
        request,
        "plans/supervision.html",
        {"centre": centre, "supervision": view, "today": timezone.localdate()},
    )


# --- creating and editing ----------------------------------------------------------------


@centre_view("plans.manage_plan")
def plan_create(request, centre):
    applications = selectors.applications_waiting(centre=centre)
    initial = {
        "period_from": timezone.localdate(),
        # a suggestion the coordinator changes: half a year (the law allows up to 12 months)
        "period_to": timezone.localdate() + dt.timedelta(days=182),
        "coordinator": request.user.pk
        if rules.holds_role(request.user, centre, Role.KIPUS)
        else None,
    }
    try:
        chosen = uuid.UUID(request.GET.get("application", ""))
    except ValueError:
        chosen = None  # none chosen, or a mangled address: the person chooses below
    initial["application"] = chosen if applications.filter(pk=chosen).exists() else None
    form = PlanCreateForm(
        _posted(request),
        applications=applications,
        coordinators=selectors.kipus_of(centre),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            plan = services.plan_create(centre=centre, by=request.user, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The plan %(number)s is drafted: add goals and services.")
                % {"number": plan.number},
            )
            return _to_plan(centre, plan)
    return render(
        request,
        "plans/plan_create.html",
        {"centre": centre, "form": form, "has_applications": applications.exists()},
    )


@centre_view("plans.view_plan")
def plan_detail(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    _log(request, centre, plan)
    can_manage = can(request.user, "plans.manage_plan", centre)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "centre": centre,
            "plan": plan,
            "today": timezone.localdate(),
            "can_manage": can_manage,
            "editable": can_manage and plan.status in EDITABLE_STATUSES,
            "may_approve": rules.may_approve(request.user, centre),
            "can_refer": can(request.user, "referrals.send_referral", centre),
            "next_review": selectors.next_review(plan),
            "versions": selectors.version_history(plan),
            "pending_changes": selectors.pending_changes(plan),
            "contact_form": ContactForm(initial={"contact_on": timezone.localdate()})
            if can_manage and plan.version and plan.status != PlanStatus.CLOSED
            else None,
        },
    )


@centre_view("plans.view_plan")
def plan_pdf(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    _log(request, centre, plan, f"{SHOWN} (PDF)")
    response = HttpResponse(make_pdf(plan), content_type="application/pdf")
    filename = plan.number.replace("/", "-")
    response["Content-Disposition"] = f'inline; filename="IPUS-{filename}.pdf"'
    return response


def _form_page(request, centre, plan, form, *, title, template="plans/plan_form.html", **extra):
    return render(
        request,
        template,
        {"centre": centre, "plan": plan, "form": form, "title": title, **extra},
    )


@centre_view("plans.manage_plan")
def plan_edit(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    form = PlanForm(_posted(request), instance=plan, coordinators=selectors.kipus_of(centre))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The plan was saved."))
            return _to_plan(centre, plan)
    _log(request, centre, plan, "individual plan: period, coordinator, monitoring, risks")
    return _form_page(request, centre, plan, form, title=_("Period, coordinator, monitoring"))


def _row_form(request, centre, plan, form, save, *, title, success, fields="goals, services"):
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return _to_plan(centre, plan)
    _log(request, centre, plan, f"individual plan: {fields}")
    return _form_page(request, centre, plan, form, title=title)


@centre_view("plans.manage_plan")
def goal_add(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    return _row_form(
        request,
        centre,
        plan,
        GoalForm(_posted(request), initial={"target_date": plan.period_to}),
        lambda data: services.goal_add(plan=plan, by=request.user, **data),
        title=_("Add a goal"),
        success=_("The goal was added."),
    )


@centre_view("plans.manage_plan")
def goal_edit(request, centre, goal_id):
    goal = selectors.get_goal(centre=centre, goal_id=goal_id)
    return _row_form(
        request,
        centre,
        goal.plan,
        GoalForm(_posted(request), instance=goal),
        lambda data: services.goal_update(plan_goal=goal, by=request.user, **data),
        title=_("Change the goal"),
        success=_("The goal was saved."),
    )


@centre_view("plans.manage_plan")
def item_add(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    return _row_form(
        request,
        centre,
        plan,
        ItemForm(_posted(request), centre=centre, initial={"starts_on": plan.period_from}),
        lambda data: services.item_add(plan=plan, by=request.user, **data),
        title=_("Add a service"),
        success=_("The service was added."),
    )


@centre_view("plans.manage_plan")
def item_edit(request, centre, item_id):
    item = selectors.get_item(centre=centre, item_id=item_id)
    return _row_form(
        request,
        centre,
        item.plan,
        ItemForm(_posted(request), instance=item, centre=centre),
        lambda data: services.item_update(item=item, by=request.user, **data),
        title=_("Change the service"),
        success=_("The service was saved."),
    )


@centre_view("plans.manage_plan")
def support_add(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    return _row_form(
        request,
        centre,
        plan,
        SupportForm(_posted(request)),
        lambda data: services.support_add(plan=plan, by=request.user, **data),
        title=_("Add the person's own action or informal support"),
        success=_("It was added to the plan."),
        fields="own actions and informal support",
    )


@centre_view("plans.manage_plan")
def support_edit(request, centre, support_id):
    support = selectors.get_support(centre=centre, support_id=support_id)
    return _row_form(
        request,
        centre,
        support.plan,
        SupportForm(_posted(request), instance=support),
        lambda data: services.support_update(support=support, by=request.user, **data),
        title=_("Change the own action or informal support"),
        success=_("The change was saved."),
        fields="own actions and informal support",
    )


def _remove(request, centre, row, remove, *, what, success):
    plan = row.plan
    if request.method == "POST":
        try:
            remove()
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        else:
            messages.success(request, success)
        return _to_plan(centre, plan)
    return render(
        request,
        "plans/confirm_remove.html",
        {"centre": centre, "plan": plan, "row": row, "what": what},
    )


@centre_view("plans.manage_plan")
def goal_remove(request, centre, goal_id):
    goal = selectors.get_goal(centre=centre, goal_id=goal_id)
    return _remove(
        request,
        centre,
        goal,
        lambda: services.goal_remove(plan_goal=goal, by=request.user),
        what=_("the goal"),
        success=_("The goal was removed."),
    )


@centre_view("plans.manage_plan")
def item_remove(request, centre, item_id):
    item = selectors.get_item(centre=centre, item_id=item_id)
    return _remove(
        request,
        centre,
        item,
        lambda: services.item_remove(item=item, by=request.user),
        what=_("the service"),
        success=_("The service was removed from the plan."),
    )


@centre_view("plans.manage_plan")
def support_remove(request, centre, support_id):
    support = selectors.get_support(centre=centre, support_id=support_id)
    return _remove(
        request,
        centre,
        support,
        lambda: services.support_remove(support=support, by=request.user),
        what=_("the own action or informal support"),
        success=_("It was removed from the plan."),
    )


# --- agreement, approval, revision ------------------------------------------------------


@centre_view("plans.manage_plan")
def plan_agree(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    form = AgreementForm(
        _posted(request),
        initial={"agreed_on": timezone.localdate(), "agreed_by_name": str(plan.person)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_agree(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The person's agreement was recorded."))
            return _to_plan(centre, plan)
    _log(request, centre, plan, "individual plan: goals, services, agreement")
    return _form_page(
        request,
        centre,
        plan,
        form,
        title=_("Record the person's agreement"),
        template="plans/plan_agree.html",
    )


@centre_view("plans.manage_plan")
def plan_submit(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    if request.method == "POST":
        try:
            services.plan_submit(plan=plan, by=request.user)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        else:
            messages.success(request, _("The plan was sent for approval."))
    return _to_plan(centre, plan)


@centre_view("plans.view_plan")
def plan_approve(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    if request.method == "POST":
        try:
            plan = services.plan_approve(plan=plan, by=request.user)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        else:
            messages.success(
                request,
                _("The plan is approved (version %(number)s); its services were qualified.")
                % {"number": plan.version},
            )
            return _to_plan(centre, plan)
        plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    _log(request, centre, plan)
    return render(
        request,
        "plans/plan_approve.html",
        {
            "centre": centre,
            "plan": plan,
            "may_approve": rules.may_approve(request.user, centre),
            "authorisation": rules.valid_authorisation(request.user, centre),
            "return_form": ReasonForm(),
            "pending_changes": selectors.pending_changes(plan),
        },
    )


@centre_view("plans.view_plan")
def plan_return(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    form = ReasonForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_return(plan=plan, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The plan was returned for changes."))
            return _to_plan(centre, plan)
    return _form_page(request, centre, plan, form, title=_("Return the plan for changes"))


@centre_view("plans.manage_plan")
def plan_revise(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    form = ReasonForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_revise(plan=plan, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The revision started: change the plan, then agree it with the person again."),
            )
            return _to_plan(centre, plan)
    return _form_page(
        request,
        centre,
        plan,
        form,
        title=_("Revise the plan"),
        intro=_(
            "The approved version stays in force until the new one is agreed with the person "
            "and approved."
        ),
    )


# --- monitoring, ending, closing ---------------------------------------------------------


@centre_view("plans.manage_plan")
def contact_add(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    form = ContactForm(_posted(request), initial={"contact_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_record(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The monitoring contact was recorded."))
            return _to_plan(centre, plan)
    _log(request, centre, plan, "individual plan: goals, monitoring")
    return _form_page(request, centre, plan, form, title=_("Record a monitoring contact"))


@centre_view("plans.manage_plan")
def plan_end(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    form = EndForm(_posted(request), initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_end(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The plan has ended: hold the summary conversation and close it.")
            )
            return _to_plan(centre, plan)
    return _form_page(
        request,
        centre,
        plan,
        form,
        title=_("End the plan"),
        intro=_(
            "After the end, the plan is closed with the summary conversation and the description "
            "of its course and results."
        ),
    )


@centre_view("plans.manage_plan")
def plan_close(request, centre, plan_id):
    plan = selectors.get_plan(centre=centre, plan_id=plan_id)
    form = CloseForm(
        _posted(request),
        goals=plan.goals.all(),
        initial={"summary_conversation_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_close(
                plan=plan,
                by=request.user,
                summary_conversation_on=form.cleaned_data["summary_conversation_on"],
                course_description=form.cleaned_data["course_description"],
                results=form.results(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The plan is closed."))
            return _to_plan(centre, plan)
    _log(request, centre, plan, "individual plan: goals, results, summary")
    return render(request, "plans/plan_close.html", {"centre": centre, "plan": plan, "form": form})


# --- authorisations to approve -----------------------------------------------------------


@centre_view("plans.supervise")
def authorisation_list(request, centre):
    form = AuthorisationForm(_posted(request), centre=centre)
    if request.method == "POST" and form.is_valid():
        try:
            services.authorisation_grant(centre=centre, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The authorisation was recorded."))
            return redirect("centre:plan_authorisations", centre_slug=centre.slug)
    return render(
        request,
        "plans/authorisation_list.html",
        {
            "centre": centre,
            "form": form,
            "page": paginate(request, selectors.authorisation_list(centre=centre)),
            "querystring": querystring_without_page(request),
            "today": timezone.localdate(),
        },
    )


@centre_view("plans.supervise")
def authorisation_revoke(request, centre, authorisation_id):
    authorisation = selectors.get_authorisation(centre=centre, authorisation_id=authorisation_id)
    if request.method == "POST":
        try:
            services.authorisation_revoke(authorisation=authorisation, by=request.user)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        else:
            messages.success(request, _("The authorisation was revoked."))
        return redirect("centre:plan_authorisations", centre_slug=centre.slug)
    return render(
        request,
        "plans/authorisation_revoke.html",
        {"centre": centre, "authorisation": authorisation},
    )
