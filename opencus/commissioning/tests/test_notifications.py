"""Organisations hear of calls by e-mail: an invitation to answer one, and the outcome of their
offer once the results are published. Through the task queue, after the commit."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from opencus.accounts.models import Membership
from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.commissioning import services
from opencus.commissioning.enums import Decision, FormalResult
from opencus.commissioning.tests.fixtures import (
    accept_and_score,
    draft_call,
    draft_offer,
    end_comment_window,
    in_evaluation,
    published_call,
    submitted_offer,
    works_with,
)
from opencus.providers.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def addressed(outbox) -> dict[str, str]:
    return {address: message.body for message in outbox for address in message.to}


def test_an_invited_organisation_hears_of_the_call(world, django_capture_on_commit_callbacks):
    world.organisation.email = "biuro@partner.example"
    world.organisation.save(update_fields=["email"])
    works_with(world.organisation, world.a)
    call = published_call(world.a)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            call=call, organisation=world.organisation, by=world.ous, message="Liczymy na Państwa."
        )
    bodies = addressed(mail.outbox)
    assert set(bodies) == {"biuro@partner.example", world.provider.email}
    assert all(call.number in m.subject and world.a.name in m.subject for m in mail.outbox)
    body = bodies[world.provider.email]
    assert "Liczymy na Państwa." in body
    assert f"/o/{world.organisation.slug}/calls/{call.pk}/" in body
    assert call.title in body


def test_an_invitation_to_a_draft_goes_out_when_the_call_is_published(
    world, django_capture_on_commit_callbacks
):
    works_with(world.organisation, world.a)
    call = draft_call(world.a)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(call=call, organisation=world.organisation, by=world.ous)
    assert mail.outbox == []  # the portal shows no draft: the link would lead nowhere
    with django_capture_on_commit_callbacks(execute=True):
        services.call_publish(call=call, by=world.ous)
    assert [m.to for m in mail.outbox] == [[world.provider.email]]
    assert f"/o/{world.organisation.slug}/calls/{call.pk}/" in mail.outbox[0].body


def test_no_mail_when_the_invitation_is_refused(world, django_capture_on_commit_callbacks):
    call = published_call(world.a)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.invitation_create(call=call, organisation=world.other_organisation, by=world.ous)
    assert mail.outbox == []


def test_each_offer_hears_its_outcome_when_the_results_are_published(
    world, django_capture_on_commit_callbacks
):
    call = published_call(world.a, budget=Decimal("9000"))
    # sent by someone who has left the organisation since: the result is not theirs to read
    former = MembershipFactory(
        organisation=world.organisation, centre=None, role=Role.PROVIDER_STAFF
    )
    winner = submitted_offer(call, world.organisation, by=former.user)
    Membership.objects.filter(pk=former.pk).update(ended_on=timezone.localdate())
    refused = OrganisationFactory(email="zarzad@odrzucona.example")
    rejected = submitted_offer(call, refused)
    second = OrganisationFactory(email="biuro@druga.example")
    runner_up = submitted_offer(call, second)
    draft = OrganisationFactory(email="szkic@nie-wyslana.example")
    draft_offer(call, draft)
    call = in_evaluation(call)
    winner = end_comment_window(accept_and_score(winner))
    runner_up = end_comment_window(accept_and_score(runner_up, points=(Decimal(10), Decimal(5))))
    services.offer_check(
        offer=rejected, by=world.ous, result=FormalResult.REJECT, reason="Brak podpisu zarządu."
    )
    decisions = {
        winner.pk: {"decision": Decision.AWARD, "amount": Decimal("7500"), "reason": "Najlepsza."},
        runner_up.pk: {"decision": Decision.NOT_AWARD, "amount": None, "reason": "Mniej punktów."},
    }
    call = services.call_award(call=call, by=world.ous, decisions=decisions)
    with django_capture_on_commit_callbacks(execute=True):
        mail.outbox.clear()
        services.call_publish_results(call=call, by=world.ous)

    bodies = addressed(mail.outbox)
    # not the draft's organisation, not the former member who sent the winning offer
    assert set(bodies) == {
        world.provider.email,
        "zarzad@odrzucona.example",
        "biuro@druga.example",
    }
    assert former.user.email not in bodies
    assert re.search(r"otrzymała 7\s500,00 zł", bodies[world.provider.email])  # in Polish
    assert f"/o/{world.organisation.slug}/offers/{winner.pk}/" in bodies[world.provider.email]
    assert "Brak podpisu zarządu." in bodies["zarzad@odrzucona.example"]
    assert "odrzucona w ocenie formalnej" in bodies["zarzad@odrzucona.example"]
    assert "nie została wybrana" in bodies["biuro@druga.example"]
    assert "Mniej punktów." in bodies["biuro@druga.example"]
    assert all(call.number in m.subject for m in mail.outbox)


def test_no_mail_when_the_results_cannot_be_published(world, django_capture_on_commit_callbacks):
    call = published_call(world.a)
    submitted_offer(call, world.organisation)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.call_publish_results(call=call, by=world.ous)
    assert mail.outbox == []
