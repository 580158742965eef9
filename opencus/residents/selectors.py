"""What a resident may see: only the people their account is linked to, each by its role."""

from django.db.models import Prefetch
from django.http import Http404

from opencus.audit.models import AccessLogEntry
from opencus.cases.models import Application, Decision, RequestedService, WaitlistEntry
from opencus.cases.selectors import _queue_position
from opencus.residents.models import Message, ResidentLink


def links_of(user) -> list[ResidentLink]:
    return list(
        ResidentLink.objects.filter(user=user, ended_at__isnull=True)
        .select_related("person", "person__centre")
        .order_by("role", "person__last_name")
    )


def link_to(user, person_id) -> ResidentLink:
    link = (
        ResidentLink.objects.filter(user=user, person_id=person_id, ended_at__isnull=True)
        .select_related("person", "person__centre")
        .first()
    )
    if link is None:
        raise Http404
    return link


def _requested():
    entries = WaitlistEntry.objects.select_related("limit").annotate(ahead=_queue_position())
    return RequestedService.objects.select_related(
        "service", "service__provider", "decision"
    ).prefetch_related(Prefetch("waitlist_entry", queryset=entries))


def applications_of(people) -> list[Application]:
    return list(
        Application.objects.filter(person__in=people)
        .select_related("centre", "person")
        .prefetch_related(Prefetch("requested", queryset=_requested()))
        .order_by("-submitted_at")
    )


def pending_online(user) -> list[Application]:
    """Applications sent from this account that the desk has not registered yet."""
    return list(
        Application.objects.filter(account=user, person__isnull=True)
        .select_related("centre")
        .prefetch_related(Prefetch("requested", queryset=_requested()))
        .order_by("-submitted_at")
    )


def services_of(people) -> list[dict]:
    """The services given to these people (not closed), each with its last ten visits:
    ``{"enrolment": …, "recent": […]}``."""
    from opencus.enrolments.models import Delivery, Enrolment

    recent = Delivery.objects.order_by("-delivered_on", "-recorded_at")
    enrolments = list(
        Enrolment.objects.filter(person__in=people)
        .exclude(status="closed")
        # "survey": the satisfaction survey of the contracts app, answered or not
        .select_related("service", "provider", "survey")
        .prefetch_related(Prefetch("deliveries", queryset=recent))
        .order_by("-starts_on")
    )
    return [{"enrolment": e, "recent": list(e.deliveries.all())[:10]} for e in enrolments]


def plans_of(people) -> list:
    """The plans (IPUS) of these people that were approved at least once, with their goals,
    services and informal support: the readable version a resident sees."""
    from opencus.plans.models import IndividualPlan

    return list(
        IndividualPlan.objects.filter(person__in=people)
        .exclude(status__in=["draft", "agreed", "pending_approval"])
        .select_related("coordinator")
        .prefetch_related("goals", "items__service", "support")
        .order_by("-period_from")
    )


def linked_plan(user, plan_id):
    from opencus.plans.models import IndividualPlan

    plan = (
        IndividualPlan.objects.filter(
            pk=plan_id,
            person__resident_links__user=user,
            person__resident_links__ended_at__isnull=True,
            person__resident_links__role__in=["self", "legal_representative"],
        )
        .exclude(status__in=["draft", "agreed", "pending_approval"])
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def messages_of(people) -> list[Message]:
    return list(Message.objects.filter(person__in=people).select_related("centre")[:50])


def linked_line(user, requested_id) -> RequestedService:
    line = (
        RequestedService.objects.filter(
            pk=requested_id,
            application__person__resident_links__user=user,
            application__person__resident_links__ended_at__isnull=True,
        )
        .select_related("application", "application__person", "application__centre", "service")
        .first()
    )
    if line is None:
        raise Http404
    return line


def linked_decision(user, decision_id) -> Decision:
    decision = (
        Decision.objects.filter(
            pk=decision_id,
            requested__application__person__resident_links__user=user,
            requested__application__person__resident_links__ended_at__isnull=True,
        )
        .select_related(
            "requested__service",
            "requested__application__person",
            "requested__application__centre",
        )
        .first()
    )
    if decision is None:
        raise Http404
    return decision


def linked_entry(user, entry_id) -> WaitlistEntry:
    entry = (
        WaitlistEntry.objects.filter(
            pk=entry_id,
            requested__application__person__resident_links__user=user,
            requested__application__person__resident_links__ended_at__isnull=True,
        )
        .select_related("requested", "requested__service", "limit")
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def linked_message(user, message_id) -> Message:
    message = (
        Message.objects.filter(
            pk=message_id,
            person__resident_links__user=user,
            person__resident_links__ended_at__isnull=True,
        )
        .select_related("centre", "person")
        .first()
    )
    if message is None:
        raise Http404
    return message


def access_to(person) -> list[dict]:
    """Who read the person's record (RODO art. 15(1)(c): the recipients of their data)."""
    rows = (
        AccessLogEntry.objects.filter(subject_id=str(person.pk))
        .order_by("-occurred_at")
        .values("occurred_at", "actor_label", "purpose", "fields")[:500]
    )
    return [dict(row) for row in rows]
