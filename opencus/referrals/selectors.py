"""Reads of referrals. The referrer reads through its centre; a receiver reads only what is
addressed to it (its organisation, or its centre as the receiving centre): any other id is
a 404."""

import datetime as dt

from django.db.models import BooleanField, Case, F, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from opencus.catalogue.enums import ServiceStatus
from opencus.catalogue.models import Service
from opencus.core.tenancy import scope_to_centre
from opencus.referrals.enums import OPEN_STATUSES, Loop, ReferralStatus, Stuck
from opencus.referrals.models import Referral, ReferralEvent, ReferralPolicy
from opencus.territory.models import Centre, Gmina, InterMunicipalAgreement


def referral_policy(centre) -> ReferralPolicy:
    """The centre's settings, or the defaults (7 and 60 days) when it has saved none."""
    return ReferralPolicy.objects.filter(centre=centre).first() or ReferralPolicy(centre=centre)


# --- inter-municipal agreements ------------------------------------------------------------


def _in_force(on: dt.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=on)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )


def _binding(centre) -> Q:
    """Agreements the centre delivers, or that a gmina it serves is a party to."""
    served = Gmina.objects.filter(centres=centre).values("code")
    return Q(centre=centre) | Q(parties__in=served) | Q(parties=centre.seat_gmina_id)


def agreement_between(centre, other, *, on: dt.date | None = None):
    """An inter-municipal agreement in force that binds both centres, or None."""
    on = on or timezone.localdate()
    in_force = InterMunicipalAgreement.objects.filter(_in_force(on))
    ours = in_force.filter(_binding(centre)).values("pk")
    return in_force.filter(_binding(other), pk__in=ours).distinct().order_by("title", "pk").first()


def _partners(centre, on: dt.date) -> QuerySet[Centre]:
    binding = InterMunicipalAgreement.objects.filter(_in_force(on)).filter(_binding(centre))
    # Every party of those agreements, not only the centre's own gminas that matched above.
    agreements = InterMunicipalAgreement.objects.filter(pk__in=binding.values("pk"))
    delivering = agreements.filter(centre__isnull=False).values("centre")
    gminas = Gmina.objects.filter(agreements__in=agreements.values("pk")).values("code")
    return Centre.objects.exclude(pk=centre.pk).filter(
        Q(pk__in=delivering) | Q(seat_gmina__in=gminas) | Q(gminas__in=gminas)
    )


def partner_centres(centre, *, on: dt.date | None = None) -> QuerySet[Centre]:
    """Other centres an agreement in force links to ``centre``: where it may refer people."""
    return _partners(centre, on or timezone.localdate()).distinct().order_by("name")


# --- what may be asked of a receiver -------------------------------------------------------


def services_for_referral(centre) -> QuerySet[Service]:
    """Published services a referral from ``centre`` may ask for: its own catalogue's services
    given by a provider organisation, and the catalogues of centres it has an agreement with."""
    partners = _partners(centre, timezone.localdate()).values("pk")
    return (
        Service.objects.filter(status=ServiceStatus.PUBLISHED)
        .filter(Q(centre=centre, provider__isnull=False) | Q(centre__in=partners))
        .select_related("centre", "provider")
        .order_by("centre__name", "provider__name", "name")
    )


# --- stuck referrals -----------------------------------------------------------------------


def stuck_condition(policy: ReferralPolicy, now: dt.datetime) -> Q:
    """A referral waits too long: sent (or accepted) without a next step for more than the
    policy's answer days, or started without completion for more than its completion days."""
    answer = now - dt.timedelta(days=policy.answer_days)
    completion = now - dt.timedelta(days=policy.completion_days)
    return (
        Q(status=ReferralStatus.SENT, sent_at__lt=answer)
        | Q(status=ReferralStatus.ACCEPTED, answered_at__lt=answer)
        | Q(status=ReferralStatus.STARTED, started_at__lt=completion)
    )


def referral_is_stuck(referral: Referral, policy: ReferralPolicy, now: dt.datetime) -> bool:
    """The same rule as ``stuck_condition``, for one referral in hand."""
    since = referral.waiting_since()
    if since is None:
        return False
    days = (
        policy.completion_days if referral.status == ReferralStatus.STARTED else policy.answer_days
    )
    return since < now - dt.timedelta(days=days)


def _with_state(referrals: QuerySet[Referral], policy: ReferralPolicy, now) -> QuerySet[Referral]:
    return referrals.annotate(
        is_stuck=Case(
            When(stuck_condition(policy, now), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        is_open=Case(
            When(status__in=list(OPEN_STATUSES), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


_SHOWN = (
    "person",
    "organisation",
    "receiving_centre",
    "service",
    "application",
    "enrolment__service",
    "plan",
    "centre",
)


def _search(referrals: QuerySet[Referral], query: str) -> QuerySet[Referral]:
    """Words found in the shared name (what every side may see) or in the receiver's name."""
    for word in query.split()[:4]:
        referrals = referrals.filter(
            Q(shared_data__last_name__icontains=word)
            | Q(shared_data__first_name__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(receiving_centre__name__icontains=word)
            | Q(unit_name__icontains=word)
        )
    return referrals


def referral_list(
    *,
    centre,
    person=None,
    query: str = "",
    status: str = "",
    receiver_kind: str = "",
    loop: str = "",
    stuck: str = "",
    now: dt.datetime | None = None,
) -> QuerySet[Referral]:
    """The centre's referrals (or one person's): stuck first, then the open ones, newest first."""
    policy = referral_policy(centre)
    now = now or timezone.now()
    referrals = _with_state(
        scope_to_centre(Referral.objects.select_related(*_SHOWN), centre), policy, now
    )
    if person is not None:
        referrals = referrals.filter(person=person)
    referrals = _search(referrals, query)
    if status:
        referrals = referrals.filter(status=status)
    if receiver_kind:
        referrals = referrals.filter(receiver_kind=receiver_kind)
    if loop == Loop.OPEN:
        referrals = referrals.filter(status__in=list(OPEN_STATUSES))
    elif loop == Loop.CLOSED:
        referrals = referrals.filter(
            status__in=[ReferralStatus.COMPLETED, ReferralStatus.DECLINED, ReferralStatus.DROPPED]
        )
    elif loop == Loop.WITHDRAWN:
        referrals = referrals.filter(status=ReferralStatus.WITHDRAWN)
    if stuck == Stuck.STUCK:
        referrals = referrals.filter(stuck_condition(policy, now))
    elif stuck == Stuck.MOVING:
        referrals = referrals.exclude(stuck_condition(policy, now))
    return referrals.order_by(F("is_stuck").desc(), F("is_open").desc(), "-sent_at", "id")


def _events():
    return Prefetch("events", queryset=ReferralEvent.objects.select_related("by").order_by("at"))


def get_referral(*, centre, referral_id, now: dt.datetime | None = None) -> Referral:
    """One of the centre's referrals, with its history (another centre's id is a 404)."""
    referrals = _with_state(
        scope_to_centre(Referral.objects.select_related(*_SHOWN, "consent", "sent_by"), centre),
        referral_policy(centre),
        now or timezone.now(),
    )
    return get_object_or_404(referrals.prefetch_related(_events()), pk=referral_id)


def _received(referrals: QuerySet[Referral], query: str, status: str) -> QuerySet[Referral]:
    referrals = _search(referrals.select_related(*_SHOWN), query)
    if status:
        referrals = referrals.filter(status=status)
    # What waits for the receiver first: new referrals, then accepted, then started ones.
    waiting = Case(
        When(status=ReferralStatus.SENT, then=Value(0)),
        When(status=ReferralStatus.ACCEPTED, then=Value(1)),
        When(status=ReferralStatus.STARTED, then=Value(2)),
        default=Value(3),
    )
    return referrals.annotate(waiting=waiting).order_by("waiting", "-sent_at", "id")


def organisation_referral_list(
    *, organisation, query: str = "", status: str = ""
) -> QuerySet[Referral]:
    """Referrals addressed to a provider organisation, from any centre."""
    return _received(Referral.objects.filter(organisation=organisation), query, status)


def get_organisation_referral(*, organisation, referral_id) -> Referral:
    return get_object_or_404(
        Referral.objects.filter(organisation=organisation)
        .select_related(*_SHOWN, "sent_by")
        .prefetch_related(_events()),
        pk=referral_id,
    )


def incoming_referral_list(*, centre, query: str = "", status: str = "") -> QuerySet[Referral]:
    """Referrals other centres sent to ``centre`` under an inter-municipal agreement."""
    return _received(Referral.objects.filter(receiving_centre=centre), query, status)


def get_incoming_referral(*, centre, referral_id) -> Referral:
    return get_object_or_404(
        Referral.objects.filter(receiving_centre=centre)
        .select_related(*_SHOWN, "sent_by", "agreement")
        .prefetch_related(_events()),
        pk=referral_id,
    )


def set_ages(referrals, now: dt.datetime) -> None:
    """Give each referral shown in a list its ``age`` in days, measured at one ``now``."""
    for referral in referrals:
        referral.age = referral.age_days(now)


def person_referrals(*, centre, person, limit: int) -> list[Referral]:
    """The person's newest referrals for their page: stuck first, each with its age."""
    now = timezone.now()
    referrals = list(referral_list(centre=centre, person=person, now=now)[:limit])
    set_ages(referrals, now)
    return referrals
