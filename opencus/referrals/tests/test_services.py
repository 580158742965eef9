"""The rules of a referral: consent per purpose, an agreement between centres, only the chosen
data (frozen when sent), the steps of the loop with their history, and who may take them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from opencus.cases.tests.fixtures import received
from opencus.people import services as people
from opencus.providers.tests.factories import OrganisationFactory
from opencus.referrals import services
from opencus.referrals.enums import Loop, ReferralStatus
from opencus.referrals.models import Referral, ReferralEvent, ReferralPolicy
from opencus.referrals.tests.conftest import ago
from opencus.referrals.tests.fixtures import (
    link_by_agreement,
    plan_for,
    published_service,
    referred_person,
    service_given,
    to_centre,
    to_provider,
    to_unit,
)
from opencus.territory.tests.factories import AgreementFactory, CentreFactory, GminaFactory

pytestmark = pytest.mark.django_db


def errors_of(exc: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return exc.value.message_dict


def message(template, **params) -> str:
    return str(template) % params if params else str(template)


# --- consent, per purpose ------------------------------------------------------------------


def test_a_provider_referral_needs_consent_to_sharing_with_a_provider(world):
    person = referred_person(world.a, consents=["refer_elsewhere"])
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person)
    assert errors_of(exc)["__all__"] == [message(services.MSG_NO_CONSENT_PROVIDER, person=person)]
    assert not Referral.objects.exists()


@pytest.mark.parametrize("kind", ["unit", "centre"])
def test_a_unit_or_centre_referral_needs_consent_to_referral_elsewhere(world, linked, kind):
    person = referred_person(world.a, consents=["share_with_provider"])
    with pytest.raises(ValidationError) as exc:
        if kind == "unit":
            to_unit(world.a, person=person)
        else:
            to_centre(world.a, world.b, person=person)
    assert errors_of(exc)["__all__"] == [message(services.MSG_NO_CONSENT_ELSEWHERE, person=person)]


def test_a_withdrawn_consent_does_not_count(world, person):
    consent = person.consents.get(purpose="share_with_provider")
    people.consent_withdraw(consent=consent, by=None)
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person)
    assert message(services.MSG_NO_CONSENT_PROVIDER, person=person) in errors_of(exc)["__all__"]


def test_the_referral_records_the_consent_it_relies_on(world, person, linked):
    provider = to_provider(world.a, world.organisation, person=person)
    unit = to_unit(world.a, person=person)
    centre = to_centre(world.a, world.b, person=person)
    assert provider.consent.purpose == "share_with_provider"
    assert unit.consent.purpose == centre.consent.purpose == "refer_elsewhere"
    assert provider.consent.person == person


# --- another centre: only under an inter-municipal agreement -------------------------------


def test_a_centre_referral_needs_an_agreement_between_the_centres(world, person):
    with pytest.raises(ValidationError) as exc:
        to_centre(world.a, world.b, person=person)
    assert errors_of(exc)["receiving_centre"] == [
        message(services.MSG_NO_AGREEMENT, centre=world.b.name)
    ]


def test_an_agreement_of_other_gminas_does_not_link_the_centres(world, person):
    AgreementFactory(lead_gmina=world.a.seat_gmina, parties=[world.a.seat_gmina, GminaFactory()])
    with pytest.raises(ValidationError) as exc:
        to_centre(world.a, world.b, person=person)
    assert "receiving_centre" in errors_of(exc)


@pytest.mark.parametrize(
    ("valid_from", "valid_to"),
    [(-400, -1), (1, 400)],
    ids=["expired", "not-yet-in-force"],
)
def test_an_agreement_out_of_force_does_not_count(world, person, valid_from, valid_to):
    today = timezone.localdate()
    link_by_agreement(
        world.a,
        world.b,
        valid_from=today + dt.timedelta(days=valid_from),
        valid_to=today + dt.timedelta(days=valid_to),
    )
    with pytest.raises(ValidationError) as exc:
        to_centre(world.a, world.b, person=person)
    assert "receiving_centre" in errors_of(exc)


def test_an_agreement_the_receiving_centre_delivers_links_the_centres(world, person):
    agreement = AgreementFactory(
        lead_gmina=world.a.seat_gmina,
        parties=[world.a.seat_gmina, GminaFactory()],
        centre=world.b,
        valid_from=timezone.localdate() - dt.timedelta(days=30),
    )
    referral = to_centre(world.a, world.b, person=person)
    assert referral.agreement == agreement
    assert referral.receiver_name == world.b.name


def test_a_centre_cannot_refer_to_itself(world, person):
    with pytest.raises(ValidationError) as exc:
        to_centre(world.a, world.a, person=person)
    assert errors_of(exc)["receiving_centre"] == [str(services.MSG_SAME_CENTRE)]


# --- only the data the receiver needs, frozen when sent ------------------------------------


def test_the_name_is_always_shared_and_nothing_else_unless_chosen(world, person):
    referral = to_provider(world.a, world.organisation, person=person)
    assert referral.shared_data == {"first_name": "Halina", "last_name": "Nowak alfa"}
    assert referral.shared_items() == [("Name", "Halina Nowak alfa")]


def test_only_the_chosen_fields_are_shared(world, person):
    referral = to_provider(
        world.a, world.organisation, person=person, shared_fields=["phone", "communication"]
    )
    assert set(referral.shared_data) == {"first_name", "last_name", "phone", "communication"}
    assert referral.shared_data["phone"] == "+48 600 100 200"
    items = dict(referral.shared_items())
    assert items["communication needs"] == (
        "preferred language: Polish; needs large print; Słabo słyszy."
    )
    assert "address" not in items and "birth date" not in items


def test_every_field_can_be_shared(world, person):
    referral = to_provider(
        world.a,
        world.organisation,
        person=person,
        shared_fields=["address", "phone", "birth_date", "need", "communication"],
        need_description="Mieszka sama, nie wychodzi z domu.",
    )
    items = dict(referral.shared_items())
    assert items["address"] == "ul. Lipowa 5, 66-200 Świebodzin"
    assert items["birth date"] == "1944-03-02"
    assert items["description of the need"] == "Mieszka sama, nie wychodzi z domu."


def test_the_shared_copy_does_not_change_with_the_person(world, person):
    referral = to_provider(
        world.a, world.organisation, person=person, shared_fields=["address", "phone"]
    )
    people.person_update(
        person=person, by=None, street="ul. Nowa 1", phone="+48 700 000 000", last_name="Kowal"
    )
    referral.refresh_from_db()
    assert referral.shared_data["address"] == "ul. Lipowa 5, 66-200 Świebodzin"
    assert referral.shared_data["phone"] == "+48 600 100 200"
    assert referral.shared_name == "Halina Nowak alfa"


def test_the_need_is_shared_only_when_ticked(world, person):
    referral = to_provider(
        world.a, world.organisation, person=person, need_description="Nie do udostępnienia."
    )
    assert "need" not in referral.shared_data
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person, shared_fields=["need"])
    assert errors_of(exc)["need_description"] == [str(services.MSG_NEED_EMPTY)]


def test_an_unknown_field_is_refused(world, person):
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person, shared_fields=["pesel"])
    assert errors_of(exc)["shared_fields"] == [str(services.MSG_UNKNOWN_FIELD)]


# --- source, receiver and what is asked ----------------------------------------------------


def test_a_referral_needs_an_application_or_a_reason(world, person):
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person, reason="  ")
    assert errors_of(exc)["reason"] == [str(services.MSG_NO_SOURCE)]
    application = received(world.a, person=person)
    referral = to_provider(
        world.a, world.organisation, person=person, reason="", application=application
    )
    assert referral.application == application
    assert list(application.referrals.all()) == [referral]


def test_a_service_given_is_a_source_too(world, person):
    enrolment = service_given(person)
    referral = to_unit(world.a, person=person, reason="", enrolment=enrolment)
    assert referral.enrolment == enrolment
    assert list(enrolment.referrals.all()) == [referral]


def test_the_service_given_must_be_the_persons(world, person):
    other = service_given(referred_person(world.a, "Jan", "Lis"))
    with pytest.raises(ValidationError) as exc:
        to_unit(world.a, person=person, enrolment=other)
    assert errors_of(exc)["enrolment"] == [str(services.MSG_ENROLMENT_OTHER_PERSON)]


def test_a_plan_is_a_source_too(world, person):
    plan = plan_for(person, world.kipus)
    referral = to_unit(world.a, person=person, reason="", plan=plan)
    assert referral.plan == plan
    assert list(plan.referrals.all()) == [referral]


def test_the_plan_must_be_the_persons(world, person):
    other = plan_for(referred_person(world.a, "Jan", "Lis"), world.kipus)
    with pytest.raises(ValidationError) as exc:
        to_unit(world.a, person=person, plan=other)
    assert errors_of(exc)["plan"] == [str(services.MSG_PLAN_OTHER_PERSON)]


def test_the_application_must_be_the_persons(world, person):
    other = received(world.a)
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person, application=other)
    assert errors_of(exc)["application"] == [str(services.MSG_APPLICATION_OTHER_PERSON)]


def test_the_person_must_be_the_centres_and_current(world, person):
    other = referred_person(world.b)
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=other)
    assert errors_of(exc)["person"] == [str(services.MSG_OTHER_CENTRE)]
    twin = referred_person(world.a, "Halina", "Nowak")
    people.person_merge(keep=person, duplicate=twin, by=None)
    twin.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=twin)
    assert errors_of(exc)["person"] == [str(services.MSG_PERSON_MERGED)]


def test_something_must_be_asked(world, person):
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person, request="")
    assert errors_of(exc)["request"] == [str(services.MSG_SAY_WHAT)]


def test_a_service_of_the_receivers_catalogue_is_enough(world, person):
    service = published_service(world.a, provider=world.organisation)
    referral = to_provider(world.a, world.organisation, person=person, service=service, request="")
    assert referral.what_is_asked == service.name


def test_the_service_must_be_the_receivers(world, person, linked):
    other_providers = published_service(world.a, provider=world.other_organisation)
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person, service=other_providers)
    assert errors_of(exc)["service"] == [
        message(
            services.MSG_SERVICE_NOT_RECEIVERS,
            service=other_providers.name,
            receiver=world.organisation,
        )
    ]
    own = published_service(world.a, name="Klub seniora")
    with pytest.raises(ValidationError) as exc:
        to_centre(world.a, world.b, person=person, service=own)
    assert "service" in errors_of(exc)
    with pytest.raises(ValidationError) as exc:
        to_unit(world.a, person=person, service=own)
    assert errors_of(exc)["service"] == [str(services.MSG_SERVICE_FOR_UNIT)]


def test_a_service_of_the_receiving_centre_may_be_asked(world, person, linked):
    theirs = published_service(world.b, name="Dzienny dom pomocy")
    referral = to_centre(world.a, world.b, person=person, service=theirs)
    assert referral.service == theirs


@pytest.mark.parametrize(
    ("kind", "fields", "field", "msg"),
    [
        ("provider", {}, "organisation", services.MSG_CHOOSE_ORGANISATION),
        ("unit", {"unit_name": " "}, "unit_name", services.MSG_NAME_UNIT),
        ("centre", {}, "receiving_centre", services.MSG_CHOOSE_CENTRE),
        ("school", {}, "receiver_kind", services.MSG_CHOOSE_KIND),
    ],
)
def test_the_receiver_must_be_named(world, person, kind, fields, field, msg):
    with pytest.raises(ValidationError) as exc:
        services.referral_send(
            centre=world.a,
            person=person,
            by=None,
            receiver_kind=kind,
            request="Pomoc.",
            reason="Zgłoszenie.",
            **fields,
        )
    assert errors_of(exc)[field] == [str(msg)]


def test_one_receiver_only(world, person):
    with pytest.raises(ValidationError) as exc:
        to_provider(world.a, world.organisation, person=person, unit_name="PUP")
    assert errors_of(exc)["__all__"] == [str(services.MSG_ONE_RECEIVER)]


def test_a_referral_cannot_be_dated_in_the_future(world, person):
    with pytest.raises(ValidationError) as exc:
        to_provider(
            world.a, world.organisation, person=person, sent_at=timezone.now() + dt.timedelta(1)
        )
    assert errors_of(exc)["sent_at"] == [str(services.MSG_SENT_IN_FUTURE)]


def test_sending_writes_the_first_step_with_who_and_when(world, person):
    referral = to_provider(world.a, world.organisation, person=person, by=world.kipus)
    [event] = referral.events.all()
    assert (event.status, event.by, event.at) == ("sent", world.kipus, referral.sent_at)
    assert (referral.status, referral.sent_by, referral.loop) == ("sent", world.kipus, Loop.OPEN)


# --- the loop ------------------------------------------------------------------------------


def test_a_provider_takes_the_referral_to_completion(world, person):
    referral = to_provider(world.a, world.organisation, person=person, by=world.kipus)
    accepted = services.referral_accept(
        referral=referral, by=world.provider, acting_for=world.organisation, note="Od poniedziałku."
    )
    assert (accepted.status, accepted.status_note) == ("accepted", "Od poniedziałku.")
    assert accepted.answered_at is not None and accepted.closed_at is None
    started = services.referral_start(
        referral=referral, by=world.provider, acting_for=world.organisation
    )
    assert started.started_at is not None
    done = services.referral_complete(
        referral=referral, by=world.provider, acting_for=world.organisation
    )
    assert (done.status, done.loop) == ("completed", Loop.CLOSED)
    assert done.closed_at is not None
    steps = list(ReferralEvent.objects.filter(referral=referral).values_list("status", "by"))
    assert steps == [
        ("sent", world.kipus.pk),
        ("accepted", world.provider.pk),
        ("started", world.provider.pk),
        ("completed", world.provider.pk),
    ]


def test_a_decline_needs_a_reason_and_closes_the_loop(world, person):
    referral = to_provider(world.a, world.organisation, person=person)
    with pytest.raises(ValidationError) as exc:
        services.referral_decline(
            referral=referral, by=world.provider, acting_for=world.organisation, reason=""
        )
    assert errors_of(exc)["reason"] == [str(services.MSG_REASON_NEEDED)]
    with pytest.raises(ValidationError) as exc:
        services.referral_decline(
            referral=referral, by=world.provider, acting_for=world.organisation, reason="other"
        )
    assert errors_of(exc)["note"] == [str(services.MSG_NOTE_FOR_OTHER)]
    declined = services.referral_decline(
        referral=referral,
        by=world.provider,
        acting_for=world.organisation,
        reason="no_capacity",
        note="Wolne miejsca od września.",
    )
    assert (declined.status, declined.status_reason_label, declined.loop) == (
        "declined",
        "no capacity",
        Loop.CLOSED,
    )
    assert declined.events.last().reason_label == "no capacity"


@pytest.mark.parametrize("started", [False, True], ids=["accepted", "started"])
def test_a_person_drops_out_after_acceptance_or_start(world, person, started):
    referral = to_provider(world.a, world.organisation, person=person)
    services.referral_accept(referral=referral, by=world.provider, acting_for=world.organisation)
    if started:
        services.referral_start(referral=referral, by=world.provider, acting_for=world.organisation)
    with pytest.raises(ValidationError) as exc:
        services.referral_drop(
            referral=referral, by=world.provider, acting_for=world.organisation, reason="no"
        )
    assert errors_of(exc)["reason"] == [str(services.MSG_REASON_NEEDED)]
    dropped = services.referral_drop(
        referral=referral, by=world.provider, acting_for=world.organisation, reason="moved_away"
    )
    assert (dropped.status, dropped.status_reason_label, dropped.loop) == (
        "dropped",
        "the person moved away",
        Loop.CLOSED,
    )


def _walk(referral, world, steps):
    for step in steps:
        if step == "withdraw":
            services.referral_withdraw(
                referral=referral, by=world.kipus, acting_for=world.a, note="Pomyłka."
            )
        else:
            services.ANSWERS[step](
                referral=referral,
                by=world.provider,
                acting_for=world.organisation,
                **({"reason": "other", "note": "Inaczej."} if step in ("decline", "drop") else {}),
            )


@pytest.mark.parametrize(
    ("path", "step", "status", "to"),
    [
        ([], "start", "sent", "service started"),
        ([], "complete", "sent", "completed"),
        ([], "drop", "sent", "dropped"),
        (["accept"], "accept", "accepted", "accepted"),
        (["accept"], "decline", "accepted", "declined"),
        (["accept"], "complete", "accepted", "completed"),
        (["accept", "start"], "accept", "service started", "accepted"),
        (["accept", "start"], "withdraw", "service started", "withdrawn"),
        (["decline"], "accept", "declined", "accepted"),
        (["accept", "start", "complete"], "drop", "completed", "dropped"),
        (["accept", "start", "drop"], "complete", "dropped", "completed"),
        (["withdraw"], "accept", "withdrawn", "accepted"),
        (["withdraw"], "withdraw", "withdrawn", "withdrawn"),
    ],
)
def test_an_illegal_step_is_refused_with_a_clear_message(world, person, path, step, status, to):
    referral = to_provider(world.a, world.organisation, person=person)
    _walk(referral, world, path)
    before = referral.events.count()
    with pytest.raises(ValidationError) as exc:
        _walk(referral, world, [step])
    assert exc.value.messages == [message(services.MSG_ILLEGAL_STEP, status=status, to=to)]
    assert referral.events.count() == before


# --- withdrawal ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [[], ["accept"]], ids=["sent", "accepted"])
def test_the_referrer_withdraws_while_nothing_has_started(world, person, path):
    referral = to_provider(world.a, world.organisation, person=person)
    _walk(referral, world, path)
    with pytest.raises(ValidationError) as exc:
        services.referral_withdraw(referral=referral, by=world.kipus, acting_for=world.a, note="")
    assert errors_of(exc)["note"] == [str(services.MSG_WITHDRAW_NOTE)]
    withdrawn = services.referral_withdraw(
        referral=referral, by=world.kipus, acting_for=world.a, note="Osoba zmieniła zdanie."
    )
    assert (withdrawn.status, withdrawn.loop) == ("withdrawn", Loop.WITHDRAWN)
    assert withdrawn.closed_at is not None
    event = withdrawn.events.last()
    assert (event.status, event.by, event.note) == (
        "withdrawn",
        world.kipus,
        "Osoba zmieniła zdanie.",
    )


def test_only_the_referring_centre_withdraws(world, person, linked):
    referral = to_centre(world.a, world.b, person=person)
    with pytest.raises(ValidationError) as exc:
        services.referral_withdraw(
            referral=referral, by=world.b_kipus, acting_for=world.b, note="x"
        )
    assert exc.value.messages == [str(services.MSG_NOT_REFERRER)]
    with pytest.raises(ValidationError) as exc:
        services.referral_withdraw(
            referral=referral, by=world.front_desk, acting_for=world.a, note="x"
        )
    assert exc.value.messages == [message(services.MSG_NO_RIGHT, context=world.a)]


# --- who answers ---------------------------------------------------------------------------


def test_only_the_addressed_organisation_answers(world, person):
    referral = to_provider(world.a, world.organisation, person=person)
    for acting_for in (world.other_organisation, world.a):
        with pytest.raises(ValidationError) as exc:
            services.referral_accept(referral=referral, by=None, acting_for=acting_for)
        assert exc.value.messages == [str(services.MSG_NOT_RECEIVER)]


def test_provider_staff_of_another_organisation_may_not_answer(world, person):
    referral = to_provider(world.a, world.organisation, person=person)
    with pytest.raises(ValidationError) as exc:
        services.referral_accept(referral=referral, by=world.kipus, acting_for=world.organisation)
    assert exc.value.messages == [message(services.MSG_NO_RIGHT, context=world.organisation)]


def test_only_the_receiving_centre_answers_a_centre_referral(world, person, linked):
    referral = to_centre(world.a, world.b, person=person)
    with pytest.raises(ValidationError) as exc:
        services.referral_accept(referral=referral, by=world.kipus, acting_for=world.a)
    assert exc.value.messages == [str(services.MSG_NOT_RECEIVER)]
    accepted = services.referral_accept(referral=referral, by=world.b_kipus, acting_for=world.b)
    assert accepted.status == "accepted"
    assert accepted.events.last().recorded_for_receiver is False


def test_the_referrer_records_the_answer_of_a_unit(world, person, linked):
    referral = to_unit(world.a, person=person)
    with pytest.raises(ValidationError):
        services.referral_accept(referral=referral, by=world.b_kipus, acting_for=world.b)
    with pytest.raises(ValidationError) as exc:
        services.referral_accept(referral=referral, by=world.front_desk, acting_for=world.a)
    assert exc.value.messages == [message(services.MSG_NO_RIGHT, context=world.a)]
    accepted = services.referral_accept(referral=referral, by=world.kipus, acting_for=world.a)
    assert accepted.status == "accepted"
    assert accepted.events.last().recorded_for_receiver is True


def test_a_step_is_dated_between_the_previous_one_and_now(world, person):
    referral = to_provider(world.a, world.organisation, person=person, sent_at=ago(days=3))
    with pytest.raises(ValidationError) as exc:
        services.referral_accept(
            referral=referral, by=None, acting_for=world.organisation, at=ago(days=4)
        )
    assert list(errors_of(exc)) == ["at"]
    with pytest.raises(ValidationError) as exc:
        services.referral_accept(
            referral=referral,
            by=None,
            acting_for=world.organisation,
            at=timezone.now() + dt.timedelta(hours=1),
        )
    assert errors_of(exc)["at"] == [str(services.MSG_STEP_IN_FUTURE)]
    accepted = services.referral_accept(
        referral=referral, by=None, acting_for=world.organisation, at=ago(days=2)
    )
    assert accepted.answered_at == accepted.events.last().at


# --- the database says it too --------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"reason": ""},
        {"organisation": None},
        {"request": ""},
        {"unit_name": "PUP"},
        {"status": "declined"},
        {"status": "completed"},
    ],
    ids=["no-source", "no-receiver", "nothing-asked", "two-receivers", "no-reason", "no-end"],
)
def test_the_database_refuses_an_incoherent_referral(world, person, change):
    referral = to_provider(world.a, world.organisation, person=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(**change)


# --- settings and merges -------------------------------------------------------------------


def test_the_centre_sets_when_a_referral_is_stuck(world):
    policy = services.policy_update(
        centre=world.a, by=world.director, answer_days=3, completion_days=30
    )
    assert (policy.answer_days, policy.completion_days) == (3, 30)
    with pytest.raises(ValidationError):
        services.policy_update(centre=world.a, by=world.director, answer_days=0, completion_days=30)
    assert ReferralPolicy.objects.get(centre=world.a).answer_days == 3


def test_a_merge_moves_the_referrals_but_not_what_was_shared(world, person):
    twin = referred_person(world.a, "Halina", "Nowakowa")
    referral = to_provider(world.a, world.organisation, person=twin)
    services.person_records_move(keep=person, duplicate=twin, by=world.director)
    referral.refresh_from_db()
    assert referral.person == person
    assert referral.shared_name == "Halina Nowakowa alfa"
    with pytest.raises(ValidationError):
        services.person_records_move(keep=person, duplicate=referred_person(world.b), by=None)


def test_merging_two_records_moves_their_referrals(world, person):
    twin = referred_person(world.a, "Halina", "Nowak", consents=[])
    people.consent_give(person=twin, by=None, purpose="refer_elsewhere", form="written")
    referral = to_unit(world.a, person=twin)
    people.person_merge(keep=person, duplicate=twin, by=world.director)
    referral.refresh_from_db()
    assert referral.person == person


def test_a_referral_to_a_new_organisation_needs_nothing_more(world, person):
    organisation = OrganisationFactory(name="Spółdzielnia Socjalna Razem")
    referral = to_provider(world.a, organisation, person=person)
    assert referral.receiver_name == "Spółdzielnia Socjalna Razem"
    assert str(referral) == "referral of Halina Nowak alfa to Spółdzielnia Socjalna Razem"
    assert referral.status == ReferralStatus.SENT


def test_centres_without_gminas_in_common_stay_apart(world, person):
    lonely = CentreFactory()
    with pytest.raises(ValidationError):
        to_centre(world.a, lonely, person=person)
