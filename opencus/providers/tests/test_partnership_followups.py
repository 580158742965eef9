"""After a decision: the e-mails that tell both sides, asking a centre again after its
refusal, and finding partners by name without Polish letters or by their network."""

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.providers import selectors, services
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import OrganisationNetwork
from opencus.providers.tests.fixtures import registered

pytestmark = pytest.mark.django_db


def test_the_centres_verifiers_hear_of_a_new_request(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        partnership = registered(world.a, name="Fundacja Ósemka", nip="", krs="", regon="")
    to = sorted(address for m in mail.outbox for address in m.to)
    assert to == sorted([world.ous.email, world.director.email])  # not the desk, KIPUS, OSL
    assert "Fundacja Ósemka" in mail.outbox[0].subject
    assert f"/partners/{partnership.pk}/" in mail.outbox[0].body


def test_the_registrant_hears_of_the_verification(world, django_capture_on_commit_callbacks):
    partnership = registered(world.a, nip="", krs="", regon="", email="biuro@osemka.example")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.partnership_verify(partnership=partnership, by=world.ous)
    to = sorted(address for m in mail.outbox for address in m.to)
    assert to == sorted(["biuro@osemka.example", partnership.registrant.email])
    assert "provider portal" in mail.outbox[0].body or "portalu" in mail.outbox[0].body


def test_a_refusal_tells_the_reason_and_that_the_centre_may_be_asked_again(
    world, django_capture_on_commit_callbacks
):
    partnership = registered(world.a, nip="", krs="", regon="", email="")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.partnership_refuse(
            partnership=partnership, by=world.director, reason="Brak wpisu w rejestrze."
        )
    assert [m.to for m in mail.outbox] == [[partnership.registrant.email]]
    assert "Brak wpisu w rejestrze." in mail.outbox[0].body


def test_a_refused_organisation_asks_the_centre_again(world, django_capture_on_commit_callbacks):
    partnership = registered(world.a, nip="", krs="", regon="")
    services.partnership_refuse(partnership=partnership, by=world.director, reason="Brak statutu.")
    with django_capture_on_commit_callbacks(execute=True):
        again = services.partnership_request(
            organisation=partnership.organisation,
            centre=world.a,
            by=partnership.registrant,
            message="Przesyłamy statut.",
        )
    assert again.pk == partnership.pk  # the same relation, its refusal kept in the history
    again.refresh_from_db()
    assert again.status == PartnershipStatus.PENDING
    assert (again.refusal_reason, again.decided_at, again.message) == (
        "",
        None,
        "Przesyłamy statut.",
    )
    assert world.ous.email in {address for m in mail.outbox for address in m.to}
    # a pending or verified partnership is still asked only once
    with pytest.raises(Exception, match="already asked"):
        services.partnership_request(
            organisation=partnership.organisation, centre=world.a, by=partnership.registrant
        )


def test_the_form_offers_a_centre_that_refused_but_not_one_deciding(world, client):
    membership = MembershipFactory(
        organisation=world.other_organisation, centre=None, role=Role.PROVIDER_STAFF
    )
    refused = services.partnership_request(
        organisation=world.other_organisation, centre=world.a, by=membership.user
    )
    services.partnership_refuse(partnership=refused, by=world.director, reason="Za mało danych.")
    services.partnership_request(
        organisation=world.other_organisation, centre=world.b, by=membership.user
    )
    client.force_login(membership.user)
    page = client.get(
        reverse("organisation:partnership_request", args=[world.other_organisation.slug])
    )
    assertContains(page, f'value="{world.a.pk}"')
    assertNotContains(page, f'value="{world.b.pk}"')


def test_partners_are_found_without_polish_letters_and_by_their_network(world, client):
    lublin = registered(world.a, name="KIS „Razem możemy więcej” w Łęcznej", nip="", krs="")
    other = registered(world.a, name="Spółdzielnia Socjalna Żurawie", nip="", krs="", regon="")
    network = OrganisationNetwork.objects.create(name="Konwent CIS i KIS", slug="konwent")
    lublin.organisation.networks.add(network)

    def names(**filters):
        return [p.organisation.name for p in selectors.partner_list(centre=world.a, **filters)]

    assert names(query="lecznej") == [lublin.organisation.name]
    assert names(query="zurawie") == [other.organisation.name]
    assert names(network=network) == [lublin.organisation.name]
    # the page's filter takes the network by its short name
    client.force_login(world.kipus)
    page = client.get(reverse("centre:partner_list", args=[world.a.slug]), {"network": "konwent"})
    assertContains(page, "Łęcznej")
    assertNotContains(page, "Żurawie")
