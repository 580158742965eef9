"""Reads about individual plans, scoped to the centre.

The caseload (what a coordinator must do next) is built here once, for the page, the
director's supervision and the e-mail reminders alike, in a fixed number of queries.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, UUIDField
from django.shortcuts import get_object_or_404
from django.utils import timezone

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import Role
from opencus.cases.enums import ApplicationStatus, WaitlistStatus
from opencus.cases.models import (
    Application,
    AssessmentFinding,
    CasePolicy,
    NeedsAssessment,
    WaitlistEntry,
)
from opencus.core.tenancy import scope_to_centre
from opencus.core.text import fold
from opencus.plans.enums import OPEN_STATUSES, DueKind, PlanStatus
from opencus.plans.models import (
    IndividualPlan,
    MonitoringContact,
    PlanApprovalAuthorisation,
    PlanEvent,
    PlanGoal,
    PlanItem,
    PlanSupport,
    PlanVersion,
)
from opencus.plans.periods import add_months
from opencus.plans.versions import Change, diff, snapshot

# Reviews and plan ends this close are on the caseload (and in the reminders).
WINDOW_DAYS = 30
# A plan that has ended should be closed (summary conversation, description) within this.
CLOSE_WITHIN_DAYS = 30
IN_FORCE = (
    PlanStatus.ACTIVE,
    PlanStatus.UNDER_REVISION,
    PlanStatus.AGREED,
    PlanStatus.PENDING_APPROVAL,
)


def _with_last_contact(plans: QuerySet[IndividualPlan]) -> QuerySet[IndividualPlan]:
    latest = MonitoringContact.objects.filter(plan=OuterRef("pk")).order_by(
        "-contact_on", "-created_at"
    )
    return plans.annotate(
        last_contact_on=Subquery(latest.values("contact_on")[:1]),
        last_next_contact_on=Subquery(latest.values("next_contact_on")[:1]),
    )


def next_review(plan: IndividualPlan) -> dt.date | None:
    """When the next monitoring contact is due: as agreed at the last one, or one monitoring
    period after it (after the approval, before any contact). None when not in force."""
    if plan.version == 0 or plan.status in (PlanStatus.CLOSING, PlanStatus.CLOSED):
        return None
    if hasattr(plan, "last_contact_on"):  # annotated by _with_last_contact
        last_on, next_on = plan.last_contact_on, getattr(plan, "last_next_contact_on", None)
    else:  # the plan page: its contacts are prefetched
        last = max(plan.contacts.all(), key=lambda c: (c.contact_on, c.created_at), default=None)
        last_on, next_on = (last.contact_on, last.next_contact_on) if last else (None, None)
    if next_on is not None:
        return next_on
    base = last_on or plan.first_approved_on
    assert base is not None  # approved once
    return add_months(base, plan.frequency_months)


# --- lists and pages -------------------------------------------------------------------


def plan_list(
    *, centre, query: str = "", status: str = "", coordinator=None
) -> QuerySet[IndividualPlan]:
    plans = scope_to_centre(IndividualPlan.objects.all(), centre).select_related(
        "person", "coordinator"
    )
    if status:
        plans = plans.filter(status=status)
    if coordinator is not None:
        plans = plans.filter(coordinator=coordinator)
    for word in query.split()[:4]:
        plans = plans.filter(
            Q(person__search_name__contains=fold(word)) | Q(number__icontains=word)
        )
    return plans.order_by("-created_at")


def kipus_of(centre) -> QuerySet[User]:
    """Coordinators (KIPUS) of the centre with an active role, by name."""
    ids = Membership.objects.active().filter(centre=centre, role=Role.KIPUS).values("user_id")
    return User.objects.filter(pk__in=ids).order_by("last_name", "first_name", "email")


def get_plan(*, centre, plan_id) -> IndividualPlan:
    """A plan of the centre with everything its page shows."""
    return get_object_or_404(
        scope_to_centre(IndividualPlan.objects.all(), centre)
        .select_related(
            "person",
            "application",
            "assessment__assessor",
            "coordinator",
            "approved_by",
            "approved_under__user",
            "agreement_recorded_by",
            "previous",
            "closed_by",
        )
        .prefetch_related(
            Prefetch("goals", queryset=PlanGoal.objects.order_by("position", "target_date")),
            Prefetch(
                "items",
                queryset=PlanItem.objects.select_related(
                    "service__provider", "service__centre", "requested__waitlist_entry"
                ).order_by("position", "starts_on"),
            ),
            Prefetch("support", queryset=PlanSupport.objects.order_by("kind", "who")),
            Prefetch("versions", queryset=PlanVersion.objects.select_related("created_by")),
            Prefetch(
                "contacts",
                queryset=MonitoringContact.objects.select_related("recorded_by").order_by(
                    "-contact_on", "-created_at"
                ),
            ),
            Prefetch("events", queryset=PlanEvent.objects.select_related("by")),
            Prefetch("assessment__findings", queryset=AssessmentFinding.objects.order_by("id")),
            "next_plans",
        ),
        pk=plan_id,
    )


def get_goal(*, centre, goal_id) -> PlanGoal:
    return get_object_or_404(
        scope_to_centre(PlanGoal.objects.select_related("plan__person"), centre), pk=goal_id
    )


def get_item(*, centre, item_id) -> PlanItem:
    return get_object_or_404(
        scope_to_centre(PlanItem.objects.select_related("plan__person", "service"), centre),
        pk=item_id,
    )


def get_support(*, centre, support_id) -> PlanSupport:
    return get_object_or_404(
        scope_to_centre(PlanSupport.objects.select_related("plan__person"), centre),
        pk=support_id,
    )


def get_authorisation(*, centre, authorisation_id) -> PlanApprovalAuthorisation:
    return get_object_or_404(
        scope_to_centre(PlanApprovalAuthorisation.objects.select_related("user"), centre),
        pk=authorisation_id,
    )


def authorisation_list(*, centre) -> QuerySet[PlanApprovalAuthorisation]:
    return scope_to_centre(
        PlanApprovalAuthorisation.objects.select_related("user", "granted_by", "revoked_by"),
        centre,
    ).order_by("revoked_at", "-valid_to", "user__last_name")


@dataclass
class VersionView:
    version: PlanVersion
    changes: list[Change]


def version_history(plan: IndividualPlan) -> list[VersionView]:
    """Approved versions, newest first, each with what changed from the one before."""
    versions = sorted(plan.versions.all(), key=lambda v: v.number)
    shown = []
    previous = None
    for version in versions:
        changes: list[Change] = diff(previous.content, version.content) if previous else []
        shown.append(VersionView(version, changes))
        previous = version
    return list(reversed(shown))


def pending_changes(plan: IndividualPlan) -> list[Change] | None:
    """During a revision: what the new version changes against the one in force."""
    if not plan.is_revision:
        return None
    latest = max(plan.versions.all(), key=lambda v: v.number, default=None)
    if latest is None:
        return None
    return diff(latest.content, snapshot(plan))


# --- waiting applications, caseload, supervision ---------------------------------------


def _done_assessments():
    return NeedsAssessment.objects.filter(
        application=OuterRef("pk"), assessed_on__isnull=False
    ).order_by("-assessed_on", "-created_at")


def applications_waiting(*, centre, coordinator=None) -> QuerySet[Application]:
    """Open applications whose latest needs recognition calls for a plan that nobody has
    started; for a coordinator, those assigned to them (or assessed by them, unassigned)."""
    done = _done_assessments()
    applications = (
        scope_to_centre(Application.objects.all(), centre)
        .filter(
            status__in=[ApplicationStatus.ASSESSED, ApplicationStatus.DECIDED],
            person__isnull=False,
        )
        .annotate(
            ipus=Subquery(done.values("ipus_required")[:1]),
            latest_assessor=Subquery(done.values("assessor_id")[:1], output_field=UUIDField()),
        )
        .filter(ipus=True)
        .exclude(Exists(IndividualPlan.objects.filter(application=OuterRef("pk"))))
        .exclude(
            Exists(
                IndividualPlan.objects.filter(person=OuterRef("person"), status__in=OPEN_STATUSES)
            )
        )
        .select_related("person", "coordinator")
    )
    if coordinator is not None:
        # Candidates first, by two indexed lookups (assigned to them, assessed by them), so the
        # work is the coordinator's share and not the whole centre's; then the rule itself.
        assigned = Application.objects.filter(coordinator=coordinator).values("pk")
        assessed = NeedsAssessment.objects.filter(assessor=coordinator, ipus_required=True)
        applications = applications.filter(
            Q(pk__in=assigned) | Q(pk__in=assessed.values("application_id"))
        ).filter(
            Q(coordinator=coordinator) | Q(coordinator__isnull=True, latest_assessor=coordinator.pk)
        )
    return applications.order_by("submitted_at")


@dataclass
class DueAction:
    kind: str
    due_on: dt.date
    today: dt.date
    person: Any
    plan: IndividualPlan | None = None
    application: Application | None = None
    detail: str = ""

    @property
    def days(self) -> int:
        return (self.due_on - self.today).days

    @property
    def overdue(self) -> bool:
        return self.days < 0

    @property
    def days_overdue(self) -> int:
        return -self.days

    @property
    def label(self) -> str:
        return str(DueKind(self.kind).label)


@dataclass
class Caseload:
    today: dt.date
    actions: list[DueAction]
    plans: list[IndividualPlan]
    waiting: list[Application]
    next_action: dict = field(default_factory=dict)  # plan id -> its earliest DueAction

    @property
    def overdue(self) -> list[DueAction]:
        return [a for a in self.actions if a.overdue]


def _ipus_days(centre) -> int:
    policy = CasePolicy.objects.filter(centre=centre).first()
    return policy.ipus_deadline_days if policy else CasePolicy().ipus_deadline_days


def _plan_actions(plan: IndividualPlan, today: dt.date) -> list[DueAction]:
    actions = []
    if plan.version == 0:
        kind = DueKind.APPROVAL if plan.status == PlanStatus.PENDING_APPROVAL else DueKind.PREPARE
        actions.append(DueAction(kind, plan.deadline, today, plan.person, plan=plan))
        return actions
    if plan.status == PlanStatus.CLOSING:
        assert plan.ended_on is not None  # closing plans have ended
        due = plan.ended_on + dt.timedelta(days=CLOSE_WITHIN_DAYS)
        actions.append(DueAction(DueKind.CLOSE, due, today, plan.person, plan=plan))
        return actions
    review = next_review(plan)
    if review is not None:
        actions.append(DueAction(DueKind.REVIEW, review, today, plan.person, plan=plan))
    actions.append(DueAction(DueKind.ENDING, plan.period_to, today, plan.person, plan=plan))
    return actions


def _waiting_action(application: Application, days: int, today: dt.date) -> DueAction:
    due = timezone.localdate(application.submitted_at) + dt.timedelta(days=days)
    return DueAction(DueKind.PREPARE, due, today, application.person, application=application)


def _offers(centre, people_ids: QuerySet, coordinator) -> QuerySet[WaitlistEntry]:
    return (
        scope_to_centre(WaitlistEntry.objects.all(), centre)
        .filter(status=WaitlistStatus.OFFERED)
        .filter(
            Q(requested__application__person_id__in=people_ids)
            | Q(requested__application__coordinator=coordinator)
        )
        .select_related("requested__service", "requested__application__person")
        .order_by("offer_due_on")
    )


def _sort(actions: list[DueAction]) -> list[DueAction]:
    """Overdue first, then by date; within a day, the statutory deadline first."""
    order = list(DueKind.values)
    return sorted(actions, key=lambda a: (a.due_on, order.index(a.kind)))


def caseload(*, centre, coordinator, today: dt.date | None = None) -> Caseload:
    """The coordinator's plans and waiting applications with what is due: the 30-day
    deadlines, approvals, monitoring contacts, plans ending, open offers of places.

    Four queries whatever the caseload's size.
    """
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=WINDOW_DAYS)
    plans = list(
        _with_last_contact(
            scope_to_centre(IndividualPlan.objects.all(), centre).filter(
                coordinator=coordinator, status__in=OPEN_STATUSES
            )
        )
        .select_related("person", "application")
        .order_by("person__last_name", "person__first_name")
    )
    days = _ipus_days(centre)
    waiting = list(applications_waiting(centre=centre, coordinator=coordinator))
    people = (
        scope_to_centre(IndividualPlan.objects.all(), centre)
        .filter(coordinator=coordinator, status__in=OPEN_STATUSES)
        .values("person_id")
    )
    offers = list(_offers(centre, people, coordinator))

    actions: list[DueAction] = []
    next_action = {}
    for plan in plans:
        mine = _sort(_plan_actions(plan, today))
        next_action[plan.pk] = mine[0]
        plan.next_due = mine[0]  # type: ignore[attr-defined]  # shown beside the plan
        actions.extend(a for a in mine if a.kind != DueKind.ENDING or a.due_on <= horizon)
    actions = [a for a in actions if a.kind != DueKind.REVIEW or a.due_on <= horizon]
    actions.extend(_waiting_action(app, days, today) for app in waiting)
    for entry in offers:
        application = entry.requested.application
        assert entry.offer_due_on is not None  # offered entries have a reply date
        actions.append(
            DueAction(
                DueKind.OFFER,
                entry.offer_due_on,
                today,
                application.person,
                application=application,
                detail=str(entry.requested.service),
            )
        )
    return Caseload(
        today=today, actions=_sort(actions), plans=plans, waiting=waiting, next_action=next_action
    )


@dataclass
class CoordinatorRow:
    user: User
    in_preparation: int = 0
    in_force: int = 0
    closing: int = 0
    deadline_overdue: int = 0
    reviews_overdue: int = 0
    ending_soon: int = 0
    waiting: int = 0


@dataclass
class Supervision:
    rows: list[CoordinatorRow]
    unassigned: int  # applications waiting for a plan with no coordinator yet
    unassigned_overdue: int
    pending: list[IndividualPlan]  # waiting for approval, oldest deadline first


def supervision(*, centre, today: dt.date | None = None) -> Supervision:
    """Plans by coordinator, with what is late: for the director's supervision (*superwizja*).

    Four queries whatever the number of plans.
    """
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=WINDOW_DAYS)
    rows: dict = {user.pk: CoordinatorRow(user) for user in kipus_of(centre)}
    plans = _with_last_contact(
        scope_to_centre(IndividualPlan.objects.all(), centre).filter(status__in=OPEN_STATUSES)
    ).select_related("coordinator")
    pending = []
    for plan in plans:
        if plan.status == PlanStatus.PENDING_APPROVAL:
            pending.append(plan)
        row = rows.setdefault(plan.coordinator_id, CoordinatorRow(plan.coordinator))
        if plan.version == 0:
            row.in_preparation += 1
            row.deadline_overdue += plan.deadline < today
        elif plan.status == PlanStatus.CLOSING:
            row.closing += 1
        else:
            row.in_force += 1
            review = next_review(plan)
            row.reviews_overdue += review is not None and review < today
            row.ending_soon += plan.period_to <= horizon
    days = _ipus_days(centre)
    unassigned = unassigned_overdue = 0
    for application in applications_waiting(centre=centre):
        due = timezone.localdate(application.submitted_at) + dt.timedelta(days=days)
        # Whose it is: the assigned coordinator, or else whoever recognised the needs.
        row = rows.get(application.coordinator_id or getattr(application, "latest_assessor", None))
        if row is None:
            unassigned += 1
            unassigned_overdue += due < today
        else:
            row.waiting += 1
            row.deadline_overdue += due < today
    ordered = sorted(
        rows.values(), key=lambda r: (r.user.last_name, r.user.first_name, r.user.email)
    )
    pending.sort(key=lambda p: p.deadline)
    return Supervision(ordered, unassigned, unassigned_overdue, pending)


def coordinators_with_plans(*, centre) -> QuerySet[User]:
    """Everyone who coordinates a plan in the centre or may (current KIPUS), for filters."""
    ids = scope_to_centre(IndividualPlan.objects.all(), centre).values("coordinator_id")
    kipus = Membership.objects.active().filter(centre=centre, role=Role.KIPUS).values("user_id")
    return User.objects.filter(Q(pk__in=ids) | Q(pk__in=kipus)).order_by(
        "last_name", "first_name", "email"
    )
