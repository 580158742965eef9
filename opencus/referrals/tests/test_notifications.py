"""Who hears of a referral: the receiver by e-mail (no personal data in it), the referrer when
the receiver moves it on, the person in "my matters" when it is accepted or declined."""

import pytest
from django.core import mail

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory, UserFactory
from opencus.people import services as people
from opencus.referrals import services, tasks
from opencus.referrals.tests.fixtures import to_centre, to_provider, to_unit
from opencus.residents.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailboxes(world):
    world.organisation.email = "biuro@partner.example"
    world.organisation.save()
    world.kipus.email = "kipus@cus-alfa.example"
    world.kipus.save()
    return world


def test_a_provider_hears_of_a_new_referral_without_the_persons_data(
    world, mailboxes, person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = to_provider(world.a, world.organisation, person=person, shared_fields=["phone"])
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["biuro@partner.example", world.provider.email]
    )
    message = mail.outbox[0]
    assert "CUS Alfa" in message.subject
    assert f"/o/{world.organisation.slug}/referrals/{referral.pk}/" in message.body
    for personal in ("Halina", "Nowak", "600 100 200"):
        assert personal not in message.body and personal not in message.subject


def test_a_receiving_centre_hears_of_a_new_referral(
    world, person, linked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = to_centre(world.a, world.b, person=person)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.b_director.email, world.b_kipus.email]
    )
    assert f"/c/{world.b.slug}/referrals/incoming/{referral.pk}/" in mail.outbox[0].body


def test_a_unit_outside_the_system_gets_no_e_mail(
    world, person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        to_unit(world.a, person=person)
    assert mail.outbox == []


def test_the_receiver_hears_of_a_withdrawal(world, mailboxes, person):
    referral = to_provider(world.a, world.organisation, person=person)
    services.referral_withdraw(referral=referral, by=None, acting_for=world.a, note="Pomyłka.")
    world.provider.preferred_language = "en"
    world.provider.save()
    assert tasks.notify_receiver.call(referral_id=str(referral.pk), status="withdrawn") == 2
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "biuro@partner.example": "CUS Alfa wycofało skierowanie",
        world.provider.email: "A referral from CUS Alfa was withdrawn",
    }


def test_an_ended_membership_hears_nothing(world, person):
    former = MembershipFactory(
        organisation=world.organisation,
        centre=None,
        role=Role.PROVIDER_STAFF,
        user=UserFactory(email="byly@partner.example"),
        started_on="2023-01-01",
        ended_on="2024-01-01",
    )
    referral = to_provider(world.a, world.organisation, person=person)
    tasks.notify_receiver.call(referral_id=str(referral.pk), status="sent")
    assert former.user.email not in [m.to[0] for m in mail.outbox]


def test_the_referrer_hears_when_the_receiver_answers(
    world, mailboxes, person, django_capture_on_commit_callbacks
):
    referral = to_provider(world.a, world.organisation, person=person, by=world.kipus)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_accept(
            referral=referral, by=world.provider, acting_for=world.organisation
        )
    [message] = mail.outbox
    assert message.to == ["kipus@cus-alfa.example"]
    assert f"/c/{world.a.slug}/referrals/{referral.pk}/" in message.body
    assert "Halina" not in message.body


def test_the_referrer_is_not_told_what_it_recorded_itself(
    world, mailboxes, person, django_capture_on_commit_callbacks
):
    referral = to_unit(world.a, person=person, by=world.kipus)
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_accept(referral=referral, by=world.kipus, acting_for=world.a)
    assert mail.outbox == []


def test_the_person_is_told_of_acceptance_and_refusal_only(world, person):
    people.person_update(person=person, by=None, preferred_language="en")
    accepted = to_provider(world.a, world.organisation, person=person)
    services.referral_accept(referral=accepted, by=world.provider, acting_for=world.organisation)
    services.referral_start(referral=accepted, by=world.provider, acting_for=world.organisation)
    declined = to_provider(world.a, world.organisation, person=person)
    services.referral_decline(
        referral=declined,
        by=world.provider,
        acting_for=world.organisation,
        reason="no_capacity",
        note="Wewnętrzna uwaga.",
    )
    first, second = Message.objects.filter(person=person).order_by("sent_at")
    assert (first.centre, first.subject) == (world.a, "Your referral was accepted")
    assert first.body.startswith(
        f"{world.organisation.name} has accepted the referral from CUS Alfa"
    )
    assert second.subject == "Your referral was declined"
    assert "(no capacity)" in second.body
    assert "Wewnętrzna uwaga." not in second.body


def test_the_person_is_told_in_polish_by_default(world, person):
    referral = to_provider(world.a, world.organisation, person=person)
    services.referral_accept(referral=referral, by=None, acting_for=world.organisation)
    message = Message.objects.get(person=person)
    assert message.subject == "Skierowanie zostało przyjęte"
