"""The rules of registration, verification, refusal, profile changes and the leader."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import Role
from opencus.providers import services
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import CooperationLeader, Organisation, Partnership
from opencus.providers.tests.fixtures import (
    BAD_NIP,
    GOOD_NIP,
    new_account,
    registered,
    registration,
)
from opencus.providers.validators import MSG_KRS_FORMAT, MSG_NIP_CHECKSUM, MSG_REGON_CHECKSUM
from opencus.territory.enums import CentreStatus
from opencus.territory.tests.factories import GminaFactory

pytestmark = pytest.mark.django_db


def _errors(exc) -> dict:
    return {field: [str(m) for m in msgs] for field, msgs in exc.value.message_dict.items()}


def test_registration_creates_the_account_the_organisation_and_a_pending_request(world):
    gmina = GminaFactory()
    partnership = services.organisation_register(
        centre=world.a,
        account=new_account(),
        operating_gminas=[gmina],
        message="Prowadzimy CIS od 2010 r.",
        **registration(nip="123-456-32-18"),
    )
    organisation = partnership.organisation
    assert partnership.status == PartnershipStatus.PENDING
    assert partnership.centre == world.a
    assert partnership.registrant.email == "prezes@razem.example"
    assert partnership.registrant.check_password("Dluga-fraza-42!")
    assert organisation.nip == GOOD_NIP  # compact
    assert organisation.slug == "spodzielnia-socjalna-razem" or organisation.slug.startswith("sp")
    assert organisation.area_codes == ["social_assistance", "reintegration"]
    assert list(organisation.operating_gminas.all()) == [gmina]
    # not staff yet: the centre has not verified the organisation
    assert not Membership.objects.filter(organisation=organisation).exists()


def test_a_bad_nip_stops_the_registration_and_nothing_is_saved(world):
    with pytest.raises(ValidationError) as exc:
        services.organisation_register(
            centre=world.a, account=new_account(), **registration(nip=BAD_NIP)
        )
    assert _errors(exc)["nip"] == [str(MSG_NIP_CHECKSUM)]
    assert not User.objects.filter(email="prezes@razem.example").exists()
    assert not Organisation.objects.filter(name="Spółdzielnia Socjalna Razem").exists()
    assert not Partnership.objects.exists()


def test_every_bad_number_is_reported_at_once(world):
    with pytest.raises(ValidationError) as exc:
        services.organisation_register(
            centre=world.a,
            account=new_account(),
            **registration(nip=BAD_NIP, regon="123456786", krs="12"),
        )
    errors = _errors(exc)
    assert errors["nip"] == [str(MSG_NIP_CHECKSUM)]
    assert errors["regon"] == [str(MSG_REGON_CHECKSUM)]
    assert errors["krs"] == [str(MSG_KRS_FORMAT)]


def test_a_taken_email_stops_the_registration(world):
    with pytest.raises(ValidationError) as exc:
        services.organisation_register(
            centre=world.a, account=new_account(email=world.ous.email), **registration()
        )
    assert _errors(exc)["email"] == [str(services.MSG_EMAIL_TAKEN)]
    assert not Organisation.objects.filter(name="Spółdzielnia Socjalna Razem").exists()


def test_a_weak_password_stops_the_registration(world):
    with pytest.raises(ValidationError) as exc:
        services.organisation_register(
            centre=world.a, account=new_account(password="123"), **registration()
        )
    assert "password" in exc.value.message_dict
    assert not Organisation.objects.filter(name="Spółdzielnia Socjalna Razem").exists()


def test_an_nip_is_registered_once(world):
    registered(world.a)
    with pytest.raises(ValidationError) as exc:
        registered(world.b, name="Inna nazwa", krs="")
    assert _errors(exc)["nip"] == [
        "An organisation with this NIP is already registered: Spółdzielnia Socjalna Razem."
    ]


def test_a_closed_centre_takes_no_requests(world):
    world.b.status = CentreStatus.CLOSED
    world.b.save()
    with pytest.raises(ValidationError) as exc:
        registered(world.b)
    assert _errors(exc)["centre"] == [str(services.MSG_CENTRE_CLOSED)]


def test_a_signed_in_person_registers_without_a_new_account(world):
    partnership = registered(world.a, user=world.nobody)
    assert partnership.registrant == world.nobody


def test_verification_makes_the_registrant_provider_staff(world):
    partnership = registered(world.a)
    services.partnership_verify(partnership=partnership, by=world.ous)
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.VERIFIED
    assert partnership.decided_by == world.ous and partnership.decided_at is not None
    membership = Membership.objects.get(user=partnership.registrant)
    assert membership.organisation == partnership.organisation
    assert membership.role == Role.PROVIDER_STAFF
    assert membership.created_by == world.ous


def test_a_second_centre_verifying_adds_no_second_membership(world):
    partnership = registered(world.a)
    services.partnership_verify(partnership=partnership, by=world.ous)
    second = services.partnership_request(
        organisation=partnership.organisation, centre=world.b, by=partnership.registrant
    )
    services.partnership_verify(partnership=second, by=world.b_director)
    assert Membership.objects.filter(user=partnership.registrant).count() == 1


def test_a_decided_request_cannot_be_decided_again(world):
    partnership = registered(world.a)
    services.partnership_verify(partnership=partnership, by=world.ous)
    with pytest.raises(ValidationError) as exc:
        services.partnership_refuse(partnership=partnership, by=world.director, reason="Nie.")
    assert "verified" in exc.value.messages[0]


def test_refusal_needs_a_reason(world):
    partnership = registered(world.a)
    with pytest.raises(ValidationError) as exc:
        services.partnership_refuse(partnership=partnership, by=world.director, reason="  ")
    assert _errors(exc)["reason"] == [str(services.MSG_REASON_REQUIRED)]


def test_refusal_keeps_the_reason_and_gives_no_access(world):
    partnership = registered(world.a)
    services.partnership_refuse(
        partnership=partnership, by=world.director, reason="Brak wpisu w rejestrze wojewody."
    )
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.REFUSED
    assert partnership.refusal_reason == "Brak wpisu w rejestrze wojewody."
    assert not Membership.objects.filter(user=partnership.registrant).exists()


def test_an_organisation_asks_a_centre_only_once(world):
    services.partnership_request(organisation=world.organisation, centre=world.a, by=world.provider)
    with pytest.raises(ValidationError) as exc:
        services.partnership_request(
            organisation=world.organisation, centre=world.a, by=world.provider
        )
    assert "already asked" in _errors(exc)["centre"][0]


def test_profile_update_checks_the_numbers_and_keeps_the_old_data_on_error(world):
    with pytest.raises(ValidationError) as exc:
        services.organisation_update(
            organisation=world.organisation, by=world.provider, nip=BAD_NIP, name="Nowa"
        )
    assert _errors(exc)["nip"] == [str(MSG_NIP_CHECKSUM)]
    world.organisation.refresh_from_db()
    assert world.organisation.name != "Nowa"


def test_profile_update_sets_areas_territory_and_networks(world):
    from opencus.providers.models import OrganisationNetwork

    network = OrganisationNetwork.objects.create(name="Konwent", slug="konwent")
    gmina = GminaFactory()
    services.organisation_update(
        organisation=world.organisation,
        by=world.provider,
        areas=["culture", "housing"],
        operating_gminas=[gmina],
        networks=[network],
        is_social_enterprise=True,
    )
    organisation = Organisation.objects.get(pk=world.organisation.pk)
    assert organisation.area_codes == ["culture", "housing"]
    assert organisation.is_social_enterprise
    assert list(organisation.networks.all()) == [network]
    services.organisation_update(organisation=organisation, by=world.provider, areas=["housing"])
    assert organisation.area_codes == ["housing"]


def test_an_unknown_area_is_refused(world):
    with pytest.raises(ValidationError):
        services.organisation_update(
            organisation=world.organisation, by=world.provider, areas=["magic"]
        )


def _leader(world, **fields):
    data = {
        "first_name": "Jan",
        "last_name": "Lider",
        "role": "kierownik CIS",
        "phone": "+48 600 000 001",
        "email": "Lider@Partner.example",
    }
    return services.leader_appoint(
        organisation=world.organisation, by=world.provider, **(data | fields)
    )


def test_the_first_leader_is_current_from_today(world):
    leader = _leader(world)
    assert leader.is_current and leader.appointed_on == timezone.localdate()
    assert leader.email == "lider@partner.example"


def test_a_new_leader_ends_the_current_one_on_the_day_of_the_change(world):
    first = _leader(world, appointed_on=timezone.localdate() - dt.timedelta(days=100))
    day = timezone.localdate() - dt.timedelta(days=3)
    second = _leader(world, first_name="Ewa", appointed_on=day)
    first.refresh_from_db()
    assert first.ended_on == day
    assert second.is_current
    assert CooperationLeader.objects.filter(organisation=world.organisation).count() == 2


def test_a_leader_cannot_be_appointed_in_the_future(world):
    with pytest.raises(ValidationError) as exc:
        _leader(world, appointed_on=timezone.localdate() + dt.timedelta(days=1))
    assert _errors(exc)["appointed_on"] == [str(services.MSG_LEADER_IN_FUTURE)]


def test_a_new_leader_cannot_predate_the_current_one(world):
    _leader(world, appointed_on=timezone.localdate() - dt.timedelta(days=5))
    with pytest.raises(ValidationError) as exc:
        _leader(world, appointed_on=timezone.localdate() - dt.timedelta(days=10))
    assert "before the current one" in _errors(exc)["appointed_on"][0]


def test_a_leader_needs_a_valid_email(world):
    with pytest.raises(ValidationError) as exc:
        _leader(world, email="not-an-email")
    assert "email" in exc.value.message_dict
    assert not CooperationLeader.objects.exists()
