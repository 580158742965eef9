"""Writes of commissioning. One transaction each, history attributed to ``by``.

Each step of state machine H is one function that locks the call's row, checks the step is
allowed from where the call stands, writes it and its ``CallEvent``. The rules of the legal
routes (DOMAIN.md §9) are checked here, with the [U] numbers read from ``limits``:

- an offer is submitted only while the call is published and before its deadline — checked
  under the call's row lock, so a submission and the closing (or cancelling) of the call
  never cross;
- art. 19a: an offer of at most SMALL_GRANT_MAX_VALUE and SMALL_GRANT_MAX_DAYS; it is
  published for comments for SMALL_GRANT_COMMENT_DAYS once found formally correct, and not
  awarded before that; an organisation gets at most SMALL_GRANT_MAX_PER_ORGANISATION_YEAR a
  year from the centre (checked under the organisation's row lock);
- a reserved contract (art. 94 Pzp) takes offers only from the legal forms it is reserved
  for, or with the 30% staff declaration;
- a grant (u.d.p.p.w.) is not for companies or gmina units; an in-house assignment only for
  a gmina unit;
- a published call is not edited: a correction notice is published next to it instead.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

from auditlog.context import set_actor
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opencus.commissioning import limits, selectors, tasks
from opencus.commissioning.enums import (
    CALL_TRANSITIONS,
    CHECKABLE_STATUSES,
    GRANT_MODES,
    SENT_STATUSES,
    CallAction,
    CallStatus,
    Decision,
    FormalResult,
    Mode,
    OfferStatus,
    ProcurementKind,
)
from opencus.commissioning.models import (
    Call,
    CallEvent,
    CallNumberCounter,
    Criterion,
    GrantPool,
    Invitation,
    Offer,
    OfferComment,
    Score,
)
from opencus.providers.enums import LegalForm, TaskForm
from opencus.providers.models import Organisation

MSG_ILLEGAL_STEP = _("A call that is “%(status)s” cannot become “%(to)s”.")
MSG_EDIT_AFTER_PUBLICATION = _(
    "A published call cannot be changed: publish a correction notice next to it, or cancel "
    "the call and announce a new one."
)
MSG_TASK_FORM_REQUIRED = _("Choose the form of the task: entrusting or supporting.")
MSG_PROCUREMENT_KIND_REQUIRED = _("Choose the kind of procurement.")
MSG_BUDGET_POSITIVE = _("The budget must be greater than zero.")
MSG_TASK_ENDS_BEFORE_START = _("The task cannot end before it starts.")
MSG_SMALL_GRANT_CALL_TOO_LONG = _(
    "A task outside a competition (art. 19a) lasts at most %(days)s days; this one lasts "
    "%(length)s."
)
MSG_ABOVE_PZP_THRESHOLD = _(
    "Below the Pzp threshold means a value under %(threshold)s zł; choose the social "
    "services regime or a reserved contract for this budget."
)
MSG_GMINA_NOT_SERVED = _("The centre does not serve the gmina %(gmina)s.")
MSG_GMINAS_REQUIRED = _("Choose at least one gmina where the task is delivered.")
MSG_CRITERIA_DUPLICATE = _("Two criteria have the same name: %(name)s.")
MSG_CRITERION_POINTS = _("A criterion gives between 1 and 100 points.")
MSG_CRITERION_NAME = _("Name the criterion.")
MSG_NO_CRITERIA = _("Publish at least one evaluation criterion with the call.")
MSG_DEADLINE_REQUIRED = _("Set the offers deadline.")
MSG_DEADLINE_IN_PAST = _("The offers deadline must be in the future.")
MSG_DEADLINE_TOO_SOON = _(
    "An open competition gives at least %(days)s days for offers: the deadline can be "
    "%(earliest)s at the earliest."
)
MSG_IN_HOUSE_NOT_PUBLISHED = _(
    "An in-house task is not put out for offers: record its assignment to a gmina unit."
)
MSG_NOTICE_REQUIRED = _("Write the text of the correction notice.")
MSG_NOTICE_NOT_NOW = _("A correction notice is published with a call that is open or evaluated.")
MSG_INVITE_CLOSED = _("Invite organisations to a draft call or to one still open for offers.")
MSG_ALREADY_INVITED = _("%(organisation)s is already invited to this call.")
MSG_NOT_VISIBLE = _("The centre cannot invite an organisation it does not see in the search.")

MSG_CALL_NOT_OPEN = _("This call does not take offers (it is “%(status)s”).")
MSG_DEADLINE_PASSED = _(
    "The deadline for offers passed on %(deadline)s; the offer has not been submitted."
)
MSG_NOT_REGISTERED = _(
    "%(organisation)s does not work with %(centre)s yet: ask the centre to work with it (profile "
    "→ centres) before answering its calls."
)
MSG_OFFER_ALREADY_SENT = _("The offer has already been submitted (status: %(status)s).")
MSG_ONE_OFFER = _("The organisation has already written an offer for this call.")
MSG_REQUIRED_TO_SUBMIT = _("Needed to submit the offer.")
MSG_AMOUNT_MISMATCH = _(
    "The amount differs from the units times the price per unit (%(product)s zł): correct one, "
    "or leave the amount empty."
)
MSG_AMOUNT_POSITIVE = _("The amount asked must be greater than zero.")
MSG_OUTSIDE_TASK_PERIOD = _(
    "The call's task runs from %(starts)s to %(ends)s: the offer must fit in that period."
)
MSG_OWN_CONTRIBUTION_REQUIRED = _(
    "Supporting (wspieranie) co-finances the task: state the organisation's own contribution."
)
MSG_SMALL_GRANT_OVER_VALUE = _(
    "An offer outside a competition (art. 19a) asks at most %(limit)s zł; this one asks "
    "%(amount)s zł. The offer has not been submitted."
)
MSG_SMALL_GRANT_TOO_LONG = _(
    "A task outside a competition (art. 19a) lasts at most %(days)s days; this offer lasts "
    "%(length)s. The offer has not been submitted."
)
MSG_RESERVED_ONLY = _(
    "This contract is reserved (art. 94 Pzp) for CIS, KIS, ZAZ, WTZ, social cooperatives, "
    "sheltered workplaces and entities where at least 30%% of the staff are persons with "
    "disabilities or socially marginalised. %(organisation)s is a “%(form)s”: tick the "
    "declaration if the 30%% holds, otherwise it cannot apply."
)
MSG_NOT_GRANT_ELIGIBLE = _(
    "A grant under the public benefit act is for NGOs and the entities of its art. 3 ust. 3; "
    "a “%(form)s” cannot apply."
)
MSG_WITHDRAW_NOT_NOW = _("An offer can be withdrawn only before the deadline (%(deadline)s).")
MSG_NOT_SUBMITTED = _("Only a submitted offer can be withdrawn (now: %(status)s).")

MSG_DEADLINE_NOT_PASSED = _("The evaluation starts after the offers deadline (%(deadline)s).")
MSG_NOT_IN_EVALUATION = _("Offers are checked and scored while the call is under evaluation.")
MSG_NOT_CHECKABLE = _("This offer is not for the formal check (status: %(status)s).")
MSG_REASON_REQUIRED = _("Give the reason: the organisation will read it.")
MSG_SCORE_ONLY_ACCEPTED = _("Only a formally accepted offer is scored.")
MSG_POINTS_ABOVE_MAX = _("“%(criterion)s” gives at most %(max)s points.")
MSG_POINTS_NEGATIVE = _("Points cannot be negative.")
MSG_POINTS_REQUIRED = _("Give the points.")
MSG_SCORE_REASON_REQUIRED = _("Give the reason for the points.")

MSG_CHECK_ALL_FIRST = _("Check every offer formally first: %(organisations)s not yet.")
MSG_SCORES_MISSING = _("Score the offer of %(organisation)s on every criterion first.")
MSG_DECISION_REQUIRED = _("Decide: award or not.")
MSG_NO_AWARD = _("Award at least one offer, or cancel the call (e.g. no valid offers).")
MSG_AWARD_POSITIVE = _("The amount awarded must be greater than zero.")
MSG_AWARD_ABOVE_OFFER = _("The amount awarded cannot exceed what the offer asks (%(amount)s zł).")
MSG_AWARDS_OVER_BUDGET = _("The amounts awarded (%(total)s zł) exceed the budget (%(budget)s zł).")
MSG_COMMENT_WINDOW_OPEN = _(
    "The offer of %(organisation)s is published for comments until %(until)s (art. 19a): it "
    "can be awarded after that."
)
MSG_COMMENT_WINDOW_NOT_STARTED = _(
    "The offer of %(organisation)s has not been published for comments (art. 19a)."
)
MSG_YEARLY_LIMIT = _(
    "%(organisation)s has already got %(already)s zł from the centre outside competitions in "
    "%(year)s: with %(amount)s zł it would exceed %(limit)s zł a year (art. 19a)."
)
MSG_NO_POOL = _(
    "Record first the grants the gmina plans for public tasks of NGOs in %(year)s "
    "(Commissioning → Grant pools): small grants (art. 19a) of the year may take at most "
    "%(share)s%% of them."
)
MSG_POOL_SHARE = _(
    "Small grants (art. 19a) of %(year)s would reach %(total)s zł, more than %(share)s%% of "
    "the %(pool)s zł the gmina plans for public tasks of NGOs (%(cap)s zł). Already awarded: "
    "%(already)s zł."
)
MSG_POOL_YEAR = _("Enter a budget year from %(first)s to %(last)s.")
MSG_POOL_AMOUNT = _("Enter the grants planned, more than 0 zł.")
MSG_POOL_BELOW_AWARDED = _(
    "Small grants of %(year)s already amount to %(already)s zł: for them to stay within "
    "%(share)s%%, the grants planned must be at least %(least)s zł."
)
MSG_CANCEL_REASON = _("Say why the call is cancelled (e.g. no valid offers).")
MSG_NOT_GMINA_UNIT = _(
    "Only a gmina unit can be assigned a task in-house; %(organisation)s is a “%(form)s”."
)
MSG_ONLY_IN_HOUSE = _("Only an in-house task is assigned without a call.")

MSG_COMMENTS_CLOSED = _("This offer does not take comments now.")
MSG_NAME_REQUIRED = _("Give your name (or the name of your organisation).")
MSG_COMMENT_TOO_SHORT = _("Write a comment of at least %(min)s characters.")
MSG_COMMENT_TOO_LONG = _("A comment has at most %(max)s characters.")

CALL_FIELDS = frozenset(
    {
        "title",
        "mode",
        "task_form",
        "procurement_kind",
        "service_type",
        "area",
        "terms",
        "eligibility",
        "social_clauses",
        "budget",
        "task_starts_on",
        "task_ends_on",
        "offers_deadline",
        "is_demo",
    }
)
OFFER_FIELDS = frozenset(
    {
        "summary",
        "delivery",
        "unit",
        "units",
        "unit_price",
        "amount",
        "own_contribution",
        "own_contribution_description",
        "task_starts_on",
        "task_ends_on",
        "schedule",
        "staff",
        "declares_reserved_eligibility",
        "is_demo",
    }
)
COMMENT_MIN, COMMENT_MAX = 10, 2000
CENT = Decimal("0.01")


# --- helpers --------------------------------------------------------------------------------


def when(value: dt.datetime) -> str:
    """A moment as the pages show it, in Warsaw time."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def money(value: Decimal) -> str:
    return formats.number_format(value, 2, force_grouping=True)


def _add(errors: dict, field: str | None, error) -> None:
    errors.setdefault(field or NON_FIELD_ERRORS, []).append(error)


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _locked(call: Call) -> Call:
    return Call.objects.select_for_update().get(pk=call.pk)


def _event(call: Call, action: str, by, *, offer: Offer | None = None, note: str = "", **data):
    return CallEvent.objects.create(
        call=call,
        offer=offer,
        action=action,
        status=call.status,
        by=by,
        note=note,
        data={key: str(value) for key, value in data.items()},
    )


def _move(call: Call, to: str) -> None:
    if to not in CALL_TRANSITIONS[call.status]:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_ILLEGAL_STEP,
                    params={"status": call.get_status_display(), "to": CallStatus(to).label},
                )
            }
        )
    call.status = to


def _legal_form_label(organisation: Organisation) -> str:
    return str(LegalForm(organisation.legal_form).label)


# --- the call -------------------------------------------------------------------------------


def _call_fields(fields: Mapping) -> dict:
    unknown = set(fields) - CALL_FIELDS
    if unknown:
        raise ValueError(f"unknown call fields {sorted(unknown)}")
    data = dict(fields)
    mode = data.get("mode")
    if mode not in GRANT_MODES:
        data["task_form"] = ""
    if mode != Mode.PROCUREMENT:
        data["procurement_kind"] = ""
    if mode == Mode.IN_HOUSE:
        data["offers_deadline"] = None
    for text in ("title", "terms", "eligibility", "social_clauses"):
        if text in data:
            data[text] = (data[text] or "").strip()
    return data


def _check_call(centre, data: dict, gminas: list, errors: dict) -> None:
    mode = data.get("mode")
    if mode in GRANT_MODES and data.get("task_form") not in TaskForm.values:
        _add(errors, "task_form", MSG_TASK_FORM_REQUIRED)
    if mode == Mode.PROCUREMENT and data.get("procurement_kind") not in ProcurementKind.values:
        _add(errors, "procurement_kind", MSG_PROCUREMENT_KIND_REQUIRED)
    budget = data.get("budget")
    if budget is not None and budget <= 0:
        _add(errors, "budget", MSG_BUDGET_POSITIVE)
    starts, ends = data.get("task_starts_on"), data.get("task_ends_on")
    if starts and ends and ends < starts:
        _add(errors, "task_ends_on", MSG_TASK_ENDS_BEFORE_START)
    elif starts and ends and mode == Mode.SMALL_GRANT:
        days, length = limits.get("SMALL_GRANT_MAX_DAYS"), (ends - starts).days + 1
        if length > days:
            _add(
                errors,
                "task_ends_on",
                ValidationError(
                    MSG_SMALL_GRANT_CALL_TOO_LONG, params={"days": days, "length": length}
                ),
            )
    threshold = limits.get("PZP_THRESHOLD")
    if (
        data.get("procurement_kind") == ProcurementKind.BELOW_THRESHOLD
        and budget is not None
        and budget >= threshold
    ):
        _add(
            errors,
            "budget",
            ValidationError(MSG_ABOVE_PZP_THRESHOLD, params={"threshold": money(threshold)}),
        )
    served = set(centre.gminas.values_list("code", flat=True)) | {centre.seat_gmina_id}
    for gmina in gminas:
        if gmina.pk not in served:
            _add(errors, "gminas", ValidationError(MSG_GMINA_NOT_SERVED, params={"gmina": gmina}))


def _check_criteria(criteria: list[dict], errors: dict) -> list[dict]:
    cleaned, names = [], set()
    for criterion in criteria:
        name = (criterion.get("name") or "").strip()
        if not name:
            _add(errors, "criteria", MSG_CRITERION_NAME)
            continue
        if name.casefold() in names:
            _add(errors, "criteria", ValidationError(MSG_CRITERIA_DUPLICATE, params={"name": name}))
        names.add(name.casefold())
        points = criterion.get("max_points")
        if points is None or not 1 <= int(points) <= 100:
            _add(errors, "criteria", MSG_CRITERION_POINTS)
            continue
        cleaned.append(
            {
                "name": name,
                "description": (criterion.get("description") or "").strip(),
                "max_points": int(points),
            }
        )
    return cleaned


def _set_criteria(call: Call, criteria: list[dict]) -> None:
    call.criteria.all().delete()
    Criterion.objects.bulk_create(
        [Criterion(call=call, position=i, **c) for i, c in enumerate(criteria, start=1)]
    )


def _next_number(centre, year: int) -> int:
    """The next number of the centre's calls in ``year``, under the counter's row lock."""
    CallNumberCounter.objects.get_or_create(centre=centre, year=year)
    counter = CallNumberCounter.objects.select_for_update().get(centre=centre, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


@transaction.atomic
def call_create(
    *,
    centre,
    by,
    gminas: Iterable,
    criteria: Iterable[Mapping] = (),
    **fields,
) -> Call:
    """Draft a call; it gets the centre's next number of the year."""
    data = _call_fields(fields)
    gminas = list(gminas)
    errors: dict = {}
    _check_call(centre, data, gminas, errors)
    cleaned = _check_criteria([dict(c) for c in criteria], errors)
    _raise(errors)
    year = timezone.localdate().year
    sequence = _next_number(centre, year)
    with set_actor(by):
        call = Call(
            centre=centre,
            year=year,
            sequence=sequence,
            number=f"{sequence}/{year}",
            created_by=by,
            **data,
        )
        call.full_clean(exclude=["gminas"])
        call.save()
        call.gminas.set(gminas)
        _set_criteria(call, cleaned)
        _event(call, CallAction.CREATED, by, number=call.number)
    return call


@transaction.atomic
def call_update(*, call: Call, by, gminas: Iterable, criteria: Iterable[Mapping], **fields) -> Call:
    """Change a draft. A published call is not edited (see ``call_add_notice``)."""
    call = _locked(call)
    if call.status != CallStatus.DRAFT:
        raise ValidationError({NON_FIELD_ERRORS: MSG_EDIT_AFTER_PUBLICATION})
    data = _call_fields(fields)
    gminas = list(gminas)
    errors: dict = {}
    _check_call(call.centre, data, gminas, errors)
    cleaned = _check_criteria([dict(c) for c in criteria], errors)
    _raise(errors)
    with set_actor(by):
        for name, value in data.items():
            setattr(call, name, value)
        call.full_clean(exclude=["gminas"])
        call.save()
        call.gminas.set(gminas)
        _set_criteria(call, cleaned)
        _event(call, CallAction.UPDATED, by)
    return call


@transaction.atomic
def call_publish(*, call: Call, by) -> Call:
    """Publish the call: from now on organisations see it and write offers."""
    call = _locked(call)
    if call.mode == Mode.IN_HOUSE:
        raise ValidationError({NON_FIELD_ERRORS: MSG_IN_HOUSE_NOT_PUBLISHED})
    if call.status != CallStatus.DRAFT:
        raise ValidationError({NON_FIELD_ERRORS: MSG_EDIT_AFTER_PUBLICATION})
    now = timezone.now()
    errors: dict = {}
    gminas = list(call.gminas.all())
    fields = {name: getattr(call, name) for name in CALL_FIELDS}
    _check_call(call.centre, fields, gminas, errors)
    if not gminas:
        _add(errors, "gminas", MSG_GMINAS_REQUIRED)
    if not call.criteria.exists():
        _add(errors, "criteria", MSG_NO_CRITERIA)
    deadline = call.offers_deadline
    if deadline is None:
        _add(errors, "offers_deadline", MSG_DEADLINE_REQUIRED)
    elif deadline <= now:
        _add(errors, "offers_deadline", MSG_DEADLINE_IN_PAST)
    elif call.mode == Mode.OPEN_COMPETITION:
        days = limits.get("OPEN_COMPETITION_MIN_DAYS")
        earliest = now + dt.timedelta(days=days)
        if deadline < earliest:
            _add(
                errors,
                "offers_deadline",
                ValidationError(
                    MSG_DEADLINE_TOO_SOON, params={"days": days, "earliest": when(earliest)}
                ),
            )
    _raise(errors)
    assert deadline is not None
    with set_actor(by):
        _move(call, CallStatus.PUBLISHED)
        call.published_at = now
        call.save(update_fields=["status", "published_at", "updated_at"])
        _event(call, CallAction.PUBLISHED, by, deadline=when(deadline))
    _notify_invited(call.invitations.all())
    return call


@transaction.atomic
def call_add_notice(*, call: Call, by, text: str) -> Call:
    """A correction notice: published next to the call; the terms themselves do not change."""
    call = _locked(call)
    if call.status not in (CallStatus.PUBLISHED, CallStatus.EVALUATION):
        raise ValidationError({NON_FIELD_ERRORS: MSG_NOTICE_NOT_NOW})
    if not text.strip():
        raise ValidationError({"text": MSG_NOTICE_REQUIRED})
    _event(call, CallAction.NOTICE, by, note=text.strip())
    return call


@transaction.atomic
def invitation_create(
    *, call: Call, organisation: Organisation, by, message: str = ""
) -> Invitation:
    """Invite an organisation found in the partner search to answer a call."""
    call = _locked(call)
    if call.mode == Mode.IN_HOUSE or not (call.status == CallStatus.DRAFT or call.accepts_offers()):
        raise ValidationError({"call": MSG_INVITE_CLOSED})
    if not selectors.visible_organisations(centre=call.centre).filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": MSG_NOT_VISIBLE})
    if Invitation.objects.filter(call=call, organisation=organisation).exists():
        raise ValidationError(
            {"call": ValidationError(MSG_ALREADY_INVITED, params={"organisation": organisation})}
        )
    invitation = Invitation.objects.create(
        call=call, organisation=organisation, invited_by=by, message=message.strip()
    )
    _event(call, CallAction.INVITED, by, organisation=organisation.name)
    if call.status != CallStatus.DRAFT:  # a draft's invitations go out when it is published
        _notify_invited([invitation])
    return invitation


def _notify_invited(invitations: Iterable[Invitation]) -> None:
    """E-mail the invited organisations once the transaction commits (the call is public)."""

    def enqueue(invitation_id: str) -> Callable[[], object]:
        return lambda: tasks.notify_invitation.enqueue(invitation_id=invitation_id)

    for invitation in invitations:
        transaction.on_commit(enqueue(str(invitation.pk)), robust=True)


@transaction.atomic
def call_close_offers(*, call: Call, by) -> Call:
    """After the deadline: no more offers; the evaluation starts."""
    call = _locked(call)
    if call.status == CallStatus.PUBLISHED and not call.deadline_passed():
        assert call.offers_deadline is not None
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_DEADLINE_NOT_PASSED, params={"deadline": when(call.offers_deadline)}
                )
            }
        )
    with set_actor(by):
        _move(call, CallStatus.EVALUATION)
        call.save(update_fields=["status", "updated_at"])
        count = call.offers.filter(status__in=SENT_STATUSES).count()
        _event(call, CallAction.OFFERS_CLOSED, by, count=count)
    return call


@transaction.atomic
def call_cancel(*, call: Call, by, reason: str) -> Call:
    """Cancel the call (no valid offers, the need is gone …); the reason is published."""
    call = _locked(call)
    if not reason.strip():
        raise ValidationError({"reason": MSG_CANCEL_REASON})
    with set_actor(by):
        _move(call, CallStatus.CANCELLED)
        call.cancel_reason = reason.strip()
        call.save(update_fields=["status", "cancel_reason", "updated_at"])
        _event(call, CallAction.CANCELLED, by, note=call.cancel_reason)
    return call


@transaction.atomic
def call_publish_results(*, call: Call, by) -> Call:
    """Publish who got what and the scores, on the public page of the call."""
    call = _locked(call)
    with set_actor(by):
        _move(call, CallStatus.RESULTS_PUBLISHED)
        call.results_published_at = timezone.now()
        call.save(update_fields=["status", "results_published_at", "updated_at"])
        _event(call, CallAction.RESULTS_PUBLISHED, by)
    transaction.on_commit(lambda: tasks.notify_results.enqueue(call_id=str(call.pk)), robust=True)
    return call


@transaction.atomic
def call_assign_in_house(
    *, call: Call, by, organisation: Organisation, amount: Decimal, reason: str
) -> Call:
    """Record that a gmina unit does the task (no competition, no contract: an assignment)."""
    call = _locked(call)
    if call.mode != Mode.IN_HOUSE:
        raise ValidationError({NON_FIELD_ERRORS: MSG_ONLY_IN_HOUSE})
    errors: dict = {}
    if organisation.legal_form != LegalForm.GMINA_UNIT:
        _add(
            errors,
            "organisation",
            ValidationError(
                MSG_NOT_GMINA_UNIT,
                params={"organisation": organisation, "form": _legal_form_label(organisation)},
            ),
        )
    if amount is None or amount <= 0:
        _add(errors, "amount", MSG_AWARD_POSITIVE)
    elif amount > call.budget:
        _add(
            errors,
            "amount",
            ValidationError(
                MSG_AWARDS_OVER_BUDGET,
                params={"total": money(amount), "budget": money(call.budget)},
            ),
        )
    if not reason.strip():
        _add(errors, "reason", MSG_REASON_REQUIRED)
    _raise(errors)
    now = timezone.now()
    with set_actor(by):
        _move(call, CallStatus.AWARDED)
        call.save(update_fields=["status", "updated_at"])
        offer = Offer.objects.create(
            call=call,
            organisation=organisation,
            status=OfferStatus.AWARDED,
            summary=call.title,
            delivery=reason.strip(),
            amount=amount,
            task_starts_on=call.task_starts_on,
            task_ends_on=call.task_ends_on,
            created_by=by,
            submitted_at=now,
            submitted_by=by,
            checked_at=now,
            checked_by=by,
            decided_at=now,
            decided_by=by,
            decision_reason=reason.strip(),
            awarded_amount=amount,
            is_demo=call.is_demo,
        )
        _event(
            call,
            CallAction.ASSIGNED,
            by,
            offer=offer,
            note=reason.strip(),
            organisation=organisation.name,
            amount=money(amount),
        )
    return call


# --- offers (the provider portal) -----------------------------------------------------------


def _may_answer_or_refuse(call: Call, organisation: Organisation) -> None:
    if not selectors.organisation_may_answer(call=call, organisation=organisation):
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_NOT_REGISTERED,
                    params={"organisation": organisation, "centre": call.centre},
                )
            }
        )


def _offer_fields(fields: Mapping) -> dict:
    unknown = set(fields) - OFFER_FIELDS
    if unknown:
        raise ValueError(f"unknown offer fields {sorted(unknown)}")
    data = dict(fields)
    for text in ("summary", "delivery", "schedule", "staff", "own_contribution_description"):
        if text in data:
            data[text] = (data[text] or "").strip()
    if data.get("own_contribution") is None:
        data["own_contribution"] = Decimal("0")
    return data


def _complete_amount(data: dict, errors: dict) -> None:
    """Units × price gives the amount; an amount typed too must agree with it."""
    units, price, amount = data.get("units"), data.get("unit_price"), data.get("amount")
    if units is None or price is None:
        return
    product = (units * price).quantize(CENT, rounding=ROUND_HALF_UP)
    if amount is None:
        data["amount"] = product
    elif amount != product:
        _add(
            errors,
            "amount",
            ValidationError(MSG_AMOUNT_MISMATCH, params={"product": money(product)}),
        )


@transaction.atomic
def offer_save(*, call: Call, organisation: Organisation, by, **fields) -> Offer:
    """Write or change the organisation's draft offer (a withdrawn one becomes a draft again)."""
    call = _locked(call)
    if call.status != CallStatus.PUBLISHED:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_CALL_NOT_OPEN, params={"status": call.get_status_display()}
                )
            }
        )
    _may_answer_or_refuse(call, organisation)
    data = _offer_fields(fields)
    # The call's task period, unless the offer proposes its own within it.
    for name in ("task_starts_on", "task_ends_on"):
        if data.get(name) is None:
            data[name] = getattr(call, name)
    errors: dict = {}
    _complete_amount(data, errors)
    starts, ends = data.get("task_starts_on"), data.get("task_ends_on")
    if starts and ends and ends < starts:
        _add(errors, "task_ends_on", MSG_TASK_ENDS_BEFORE_START)
    _raise(errors)
    offer = Offer.objects.select_for_update().filter(call=call, organisation=organisation).first()
    with set_actor(by):
        if offer is None:
            offer = Offer(call=call, organisation=organisation, created_by=by)
        elif offer.status not in (OfferStatus.DRAFT, OfferStatus.WITHDRAWN):
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: ValidationError(
                        MSG_OFFER_ALREADY_SENT, params={"status": offer.get_status_display()}
                    )
                }
            )
        for name, value in data.items():
            setattr(offer, name, value)
        offer.status = OfferStatus.DRAFT
        offer.withdrawn_at = None
        offer.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                offer.save()
        except IntegrityError:
            # Another tab of the same organisation created it a moment ago.
            raise ValidationError({NON_FIELD_ERRORS: MSG_ONE_OFFER}) from None
    return offer


def _check_submission(call: Call, offer: Offer, errors: dict) -> None:
    """What a complete offer needs, and the limits of the call's legal route."""
    organisation = offer.organisation
    for name in ("summary", "delivery", "task_starts_on", "task_ends_on"):
        if not getattr(offer, name):
            _add(errors, name, MSG_REQUIRED_TO_SUBMIT)
    if offer.amount is None:
        _add(errors, "amount", MSG_REQUIRED_TO_SUBMIT)
    elif offer.amount <= 0:
        _add(errors, "amount", MSG_AMOUNT_POSITIVE)
    starts, ends = offer.task_starts_on, offer.task_ends_on
    if starts and ends and (starts < call.task_starts_on or ends > call.task_ends_on):
        _add(
            errors,
            "task_ends_on" if ends > call.task_ends_on else "task_starts_on",
            ValidationError(
                MSG_OUTSIDE_TASK_PERIOD,
                params={"starts": call.task_starts_on, "ends": call.task_ends_on},
            ),
        )
    if call.is_grant and organisation.legal_form in limits.get("GRANT_EXCLUDED_LEGAL_FORMS"):
        _add(
            errors,
            None,
            ValidationError(
                MSG_NOT_GRANT_ELIGIBLE, params={"form": _legal_form_label(organisation)}
            ),
        )
    if call.is_supporting and offer.own_contribution <= 0:
        _add(errors, "own_contribution", MSG_OWN_CONTRIBUTION_REQUIRED)
    if call.is_small_grant:
        limit = limits.get("SMALL_GRANT_MAX_VALUE")
        if offer.amount is not None and offer.amount > limit:
            _add(
                errors,
                "amount",
                ValidationError(
                    MSG_SMALL_GRANT_OVER_VALUE,
                    params={"limit": money(limit), "amount": money(offer.amount)},
                ),
            )
        days, length = limits.get("SMALL_GRANT_MAX_DAYS"), offer.task_days
        if length is not None and length > days:
            _add(
                errors,
                "task_ends_on",
                ValidationError(MSG_SMALL_GRANT_TOO_LONG, params={"days": days, "length": length}),
            )
    if (
        call.is_reserved
        and organisation.legal_form not in limits.get("RESERVED_LEGAL_FORMS")
        and not offer.declares_reserved_eligibility
    ):
        _add(
            errors,
            "declares_reserved_eligibility",
            ValidationError(
                MSG_RESERVED_ONLY,
                params={"organisation": organisation, "form": _legal_form_label(organisation)},
            ),
        )


@transaction.atomic
def offer_submit(*, offer: Offer, by) -> Offer:
    """Submit the offer — only while the call is published and before its deadline.

    The call's row is locked first: closing or cancelling the call waits for this
    submission, and a submission after them sees the call's new status.
    """
    call = Call.objects.select_for_update().select_related("centre").get(pk=offer.call_id)
    offer = Offer.objects.select_for_update().select_related("organisation").get(pk=offer.pk)
    now = timezone.now()
    if offer.status != OfferStatus.DRAFT:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_OFFER_ALREADY_SENT, params={"status": offer.get_status_display()}
                )
            }
        )
    late = call.status == CallStatus.PUBLISHED and call.deadline_passed(now)
    if late or call.status == CallStatus.EVALUATION:
        assert call.offers_deadline is not None
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_DEADLINE_PASSED, params={"deadline": when(call.offers_deadline)}
                )
            }
        )
    if call.status != CallStatus.PUBLISHED:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_CALL_NOT_OPEN, params={"status": call.get_status_display()}
                )
            }
        )
    _may_answer_or_refuse(call, offer.organisation)
    errors: dict = {}
    _check_submission(call, offer, errors)
    _raise(errors)
    with set_actor(by):
        offer.status = OfferStatus.SUBMITTED
        offer.submitted_at = now
        offer.submitted_by = by
        offer.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
        _event(
            call, CallAction.OFFER_SUBMITTED, by, offer=offer, organisation=offer.organisation.name
        )
    return offer


@transaction.atomic
def offer_withdraw(*, offer: Offer, by) -> Offer:
    """Take the offer back before the deadline (it can then be changed and submitted again)."""
    call = _locked(offer.call)
    offer = Offer.objects.select_for_update().select_related("organisation").get(pk=offer.pk)
    if offer.status != OfferStatus.SUBMITTED:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_NOT_SUBMITTED, params={"status": offer.get_status_display()}
                )
            }
        )
    if not call.accepts_offers():
        assert call.offers_deadline is not None
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_WITHDRAW_NOT_NOW, params={"deadline": when(call.offers_deadline)}
                )
            }
        )
    with set_actor(by):
        offer.status = OfferStatus.WITHDRAWN
        offer.withdrawn_at = timezone.now()
        offer.save(update_fields=["status", "withdrawn_at", "updated_at"])
        _event(
            call, CallAction.OFFER_WITHDRAWN, by, offer=offer, organisation=offer.organisation.name
        )
    return offer


# --- evaluation and award -------------------------------------------------------------------


def _evaluated(offer: Offer) -> tuple[Call, Offer]:
    call = _locked(offer.call)
    if call.status != CallStatus.EVALUATION:
        raise ValidationError({NON_FIELD_ERRORS: MSG_NOT_IN_EVALUATION})
    offer = Offer.objects.select_for_update().select_related("organisation").get(pk=offer.pk)
    return call, offer


@transaction.atomic
def offer_check(*, offer: Offer, by, result: str, reason: str = "") -> Offer:
    """The formal check: accepted for scoring, or rejected with a reason (correctable while
    the call is under evaluation). An accepted art. 19a offer is published for comments."""
    call, offer = _evaluated(offer)
    if offer.status not in CHECKABLE_STATUSES:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_NOT_CHECKABLE, params={"status": offer.get_status_display()}
                )
            }
        )
    reason = reason.strip()
    if result == FormalResult.REJECT and not reason:
        raise ValidationError({"reason": MSG_REASON_REQUIRED})
    now = timezone.now()
    data = {"organisation": offer.organisation.name}
    with set_actor(by):
        offer.checked_at, offer.checked_by = now, by
        if result == FormalResult.REJECT:
            offer.status = OfferStatus.REJECTED
            offer.rejection_reason = reason
            action = CallAction.OFFER_REJECTED
        else:
            offer.status = OfferStatus.ACCEPTED
            offer.rejection_reason = ""
            action = CallAction.OFFER_ACCEPTED
            if call.is_small_grant and offer.comments_from is None:
                until = now + dt.timedelta(days=limits.get("SMALL_GRANT_COMMENT_DAYS"))
                offer.comments_from, offer.comments_until = now, until
                data["until"] = when(until)
        offer.save()
        _event(call, action, by, offer=offer, note=offer.rejection_reason, **data)
    return offer


@transaction.atomic
def offer_score(*, offer: Offer, by, scores: Mapping) -> Offer:
    """Points per published criterion, each with its reason: ``{criterion_id: (points,
    reason)}``. Points above the criterion's maximum are refused."""
    call, offer = _evaluated(offer)
    if offer.status != OfferStatus.ACCEPTED:
        raise ValidationError({NON_FIELD_ERRORS: MSG_SCORE_ONLY_ACCEPTED})
    errors: dict = {}
    given = {str(key): value for key, value in scores.items()}
    rows = []
    for criterion in call.criteria.all():
        points, reason = given.get(str(criterion.pk), (None, ""))
        reason = (reason or "").strip()
        if points is None:
            _add(errors, f"points_{criterion.pk}", MSG_POINTS_REQUIRED)
        elif points < 0:
            _add(errors, f"points_{criterion.pk}", MSG_POINTS_NEGATIVE)
        elif points > criterion.max_points:
            _add(
                errors,
                f"points_{criterion.pk}",
                ValidationError(
                    MSG_POINTS_ABOVE_MAX,
                    params={"criterion": criterion.name, "max": criterion.max_points},
                ),
            )
        if not reason:
            _add(errors, f"reason_{criterion.pk}", MSG_SCORE_REASON_REQUIRED)
        rows.append((criterion, points, reason))
    _raise(errors)
    now = timezone.now()
    with set_actor(by):
        for criterion, points, reason in rows:
            Score.objects.update_or_create(
                offer=offer,
                criterion=criterion,
                defaults={"points": points, "reason": reason, "scored_at": now, "scored_by": by},
            )
        total = sum((points for _c, points, _r in rows), Decimal("0"))
        _event(
            call,
            CallAction.OFFER_SCORED,
            by,
            offer=offer,
            organisation=offer.organisation.name,
            points=formats.number_format(total, 0 if total == total.to_integral() else 2),
        )
    return offer


@transaction.atomic
def call_award(*, call: Call, by, decisions: Mapping) -> Call:
    """Award one or more formally accepted offers; the others are not awarded. Each with a
    reason: ``{offer_id: {"decision": "award" | "not_award", "amount": Decimal | None,
    "reason": str}}`` (no amount: what the offer asks)."""
    call = _locked(call)
    if call.status != CallStatus.EVALUATION:
        raise ValidationError({NON_FIELD_ERRORS: MSG_NOT_IN_EVALUATION})
    offers = list(
        call.offers.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(status__in=CHECKABLE_STATUSES)
        .order_by("organisation__name")
    )
    unchecked = [o.organisation.name for o in offers if o.status == OfferStatus.SUBMITTED]
    if unchecked:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    MSG_CHECK_ALL_FIRST, params={"organisations": ", ".join(unchecked)}
                )
            }
        )
    accepted = [o for o in offers if o.status == OfferStatus.ACCEPTED]
    criteria = call.criteria.count()
    scored = dict(
        Score.objects.filter(offer__in=accepted)
        .values("offer")
        .annotate(n=Count("pk"))
        .values_list("offer", "n")
    )
    given = {str(key): value for key, value in decisions.items()}
    now = timezone.now()
    errors: dict = {}
    awards: list[tuple[Offer, Decimal, str]] = []
    refusals: list[tuple[Offer, str]] = []
    for offer in accepted:
        if (scored.get(offer.pk) or 0) < criteria:
            _add(
                errors,
                None,
                ValidationError(MSG_SCORES_MISSING, params={"organisation": offer.organisation}),
            )
        choice = given.get(str(offer.pk)) or {}
        decision, reason = choice.get("decision"), (choice.get("reason") or "").strip()
        if decision not in Decision.values:
            _add(errors, f"decision_{offer.pk}", MSG_DECISION_REQUIRED)
            continue
        if not reason:
            _add(errors, f"reason_{offer.pk}", MSG_REASON_REQUIRED)
        if decision == Decision.NOT_AWARD:
            refusals.append((offer, reason))
            continue
        amount = choice.get("amount")
        amount = offer.amount if amount is None else amount
        if amount is None or amount <= 0:
            _add(errors, f"amount_{offer.pk}", MSG_AWARD_POSITIVE)
            continue
        if offer.amount is not None and amount > offer.amount:
            _add(
                errors,
                f"amount_{offer.pk}",
                ValidationError(MSG_AWARD_ABOVE_OFFER, params={"amount": money(offer.amount)}),
            )
        if call.is_small_grant:
            _check_small_grant_award(call, offer, amount, now, f"decision_{offer.pk}", errors)
        awards.append((offer, amount, reason))
    if not errors and not awards:
        _add(errors, None, MSG_NO_AWARD)
    total = sum((amount for _o, amount, _r in awards), Decimal("0"))
    if total > call.budget:
        _add(
            errors,
            None,
            ValidationError(
                MSG_AWARDS_OVER_BUDGET, params={"total": money(total), "budget": money(call.budget)}
            ),
        )
    if call.is_small_grant and not errors:
        _check_yearly_limits(call, awards, now, errors)
    _raise(errors)
    with set_actor(by):
        for offer, amount, reason in awards:
            offer.status, offer.awarded_amount = OfferStatus.AWARDED, amount
            offer.decided_at, offer.decided_by, offer.decision_reason = now, by, reason
            offer.save()
        for offer, reason in refusals:
            offer.status = OfferStatus.NOT_AWARDED
            offer.decided_at, offer.decided_by, offer.decision_reason = now, by, reason
            offer.save()
        _move(call, CallStatus.AWARDED)
        call.save(update_fields=["status", "updated_at"])
        summary = "; ".join(f"{o.organisation.name} ({money(a)} zł)" for o, a, _r in awards)
        _event(call, CallAction.AWARDED, by, awards=summary)
    return call


def _check_small_grant_award(call, offer, amount, now, field, errors) -> None:
    """Art. 19a: the comments window has ended, and the amount is within the limit."""
    if offer.comments_until is None:
        _add(
            errors,
            field,
            ValidationError(
                MSG_COMMENT_WINDOW_NOT_STARTED, params={"organisation": offer.organisation}
            ),
        )
    elif now < offer.comments_until:
        _add(
            errors,
            field,
            ValidationError(
                MSG_COMMENT_WINDOW_OPEN,
                params={"organisation": offer.organisation, "until": when(offer.comments_until)},
            ),
        )
    limit = limits.get("SMALL_GRANT_MAX_VALUE")
    if amount > limit:
        _add(
            errors,
            f"amount_{offer.pk}",
            ValidationError(
                MSG_SMALL_GRANT_OVER_VALUE, params={"limit": money(limit), "amount": money(amount)}
            ),
        )


def _check_yearly_limits(call, awards, now, errors) -> None:
    """Art. 19a: at most the yearly limit per organisation from this centre, and all the
    year's small grants within their share of the grant pool — with the pool's and the
    organisations' rows locked, so two awards at once cannot both pass."""
    year = timezone.localtime(now).year
    pool = GrantPool.objects.select_for_update().filter(centre=call.centre, year=year).first()
    share = pool_share()
    if pool is None:
        _add(errors, None, ValidationError(MSG_NO_POOL, params={"year": year, "share": share}))
    else:
        already = small_grants_awarded(call.centre, year)
        total = already + sum((amount for _o, amount, _r in awards), Decimal("0"))
        if total > pool.small_grant_cap:
            _add(
                errors,
                None,
                ValidationError(
                    MSG_POOL_SHARE,
                    params={
                        "year": year,
                        "total": money(total),
                        "share": share,
                        "pool": money(pool.amount),
                        "cap": money(pool.small_grant_cap),
                        "already": money(already),
                    },
                ),
            )
    ids = sorted({offer.organisation_id for offer, _a, _r in awards})
    list(Organisation.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    limit = limits.get("SMALL_GRANT_MAX_PER_ORGANISATION_YEAR")
    for offer, amount, _reason in awards:
        already = small_grants_awarded(call.centre, year, organisation=offer.organisation)
        if already + amount > limit:
            _add(
                errors,
                f"amount_{offer.pk}",
                ValidationError(
                    MSG_YEARLY_LIMIT,
                    params={
                        "organisation": offer.organisation,
                        "already": money(already),
                        "year": year,
                        "amount": money(amount),
                        "limit": money(limit),
                    },
                ),
            )


# --- the grant pool of a year (art. 19a ust. 8) ---------------------------------------------


def pool_share() -> str:
    """The share of the grant pool small grants may take, in per cent ("20", "12.5")."""
    share = Decimal(str(limits.get("SMALL_GRANT_MAX_POOL_SHARE"))) * 100
    return f"{share.normalize():f}"


def small_grants_awarded(centre, year: int, organisation: Organisation | None = None) -> Decimal:
    """What the centre has awarded outside competitions (art. 19a) in ``year``, to every
    organisation or to ``organisation``."""
    offers = Offer.objects.filter(organisation=organisation) if organisation else Offer.objects
    total = offers.filter(
        call__centre=centre,
        call__mode=Mode.SMALL_GRANT,
        status=OfferStatus.AWARDED,
        decided_at__year=year,
    ).aggregate(total=Sum("awarded_amount"))["total"]
    return total or Decimal("0")


@transaction.atomic
def grant_pool_set(*, centre, year: int | None, amount: Decimal | None, source: str = "", by):
    """Record (or correct) the grants the gmina plans in ``year`` for public tasks of NGOs;
    not below what the year's small grants already need for their share."""
    first, last = selectors.pool_years()
    errors: dict = {}
    if year is None or not first <= year <= last:
        _add(errors, "year", ValidationError(MSG_POOL_YEAR, params={"first": first, "last": last}))
    if amount is None or amount <= 0:
        _add(errors, "amount", MSG_POOL_AMOUNT)
    _raise(errors)
    assert year is not None and amount is not None
    source = source.strip()
    with set_actor(by):
        pool = GrantPool.objects.select_for_update().filter(centre=centre, year=year).first()
        created = False
        if pool is None:
            try:
                with transaction.atomic():
                    pool = GrantPool.objects.create(
                        centre=centre, year=year, amount=amount, source=source, updated_by=by
                    )
                created = True
            except IntegrityError:  # recorded at the same moment by someone else: correct it
                pool = GrantPool.objects.select_for_update().get(centre=centre, year=year)
        # The row is locked (ours or theirs): awards of the year wait for this transaction.
        already = small_grants_awarded(centre, year)
        proposed = GrantPool(amount=amount)
        if already > proposed.small_grant_cap:
            share = Decimal(str(limits.get("SMALL_GRANT_MAX_POOL_SHARE")))
            least = (already / share).quantize(Decimal("0.01"), rounding=ROUND_UP)
            raise ValidationError(  # rolls back the row created above, if any
                {
                    "amount": ValidationError(
                        MSG_POOL_BELOW_AWARDED,
                        params={
                            "year": year,
                            "already": money(already),
                            "share": pool_share(),
                            "least": money(least),
                        },
                    )
                }
            )
        if not created:
            pool.amount, pool.source, pool.updated_by = amount, source, by
            pool.save()
    return pool


# --- public comments on art. 19a offers -----------------------------------------------------


@transaction.atomic
def comment_create(*, offer: Offer, by, name: str, comment: str) -> OfferComment:
    """A comment on an art. 19a offer during its publication (anyone may write one)."""
    if not offer.call.is_public or not offer.comments_open():
        raise ValidationError({NON_FIELD_ERRORS: MSG_COMMENTS_CLOSED})
    name, comment = (name or "").strip(), (comment or "").strip()
    errors: dict = {}
    if len(name) < 2:
        _add(errors, "name", MSG_NAME_REQUIRED)
    if len(comment) < COMMENT_MIN:
        _add(errors, "comment", ValidationError(MSG_COMMENT_TOO_SHORT, params={"min": COMMENT_MIN}))
    elif len(comment) > COMMENT_MAX:
        _add(errors, "comment", ValidationError(MSG_COMMENT_TOO_LONG, params={"max": COMMENT_MAX}))
    _raise(errors)
    with set_actor(by):
        return OfferComment.objects.create(offer=offer, name=name[:100], comment=comment)
