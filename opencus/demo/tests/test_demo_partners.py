"""The Konwent of CIS and KIS of the Lublin region (seed 003) as demo partners."""

import pytest

from opencus.demo.partners_loader import MEMBERS, NETWORK_NAME, load_partners, member_slug
from opencus.providers.enums import LegalForm, PartnershipStatus
from opencus.providers.models import (
    CooperationLeader,
    Organisation,
    OrganisationNetwork,
    Partnership,
)
from opencus.territory.tests.factories import CentreFactory, GminaFactory

pytestmark = pytest.mark.django_db


def test_the_konwent_has_its_27_members_from_the_seed():
    assert load_partners() == 27
    network = OrganisationNetwork.objects.get(name=NETWORK_NAME)
    members = network.members.all()
    assert members.count() == 27 == len(MEMBERS)
    assert set(members.values_list("legal_form", flat=True)) == {LegalForm.CIS, LegalForm.KIS}
    tloka = Organisation.objects.get(slug=member_slug(26))
    assert tloka.name == "KIS „TŁOKA” Łomazy"
    assert tloka.nip == tloka.regon == tloka.krs == ""  # the seed gives none
    assert tloka.area_codes == ["unemployment", "reintegration"]


def test_loading_again_adds_nothing():
    load_partners()
    load_partners()
    assert Organisation.objects.filter(slug__startswith="konwent-lub-").count() == 27
    assert OrganisationNetwork.objects.count() == 1


def test_members_in_a_demo_centres_gmina_are_its_verified_partners(world):
    janow = GminaFactory(code="0605053", name="Janów Lubelski")
    centre = CentreFactory(slug="janow-lubelski", seat_gmina=janow)
    load_partners()
    partners = Partnership.objects.filter(centre=centre)
    assert partners.count() == 2
    assert set(partners.values_list("status", flat=True)) == {PartnershipStatus.VERIFIED}
    humanus = Organisation.objects.get(slug=member_slug(8))
    assert humanus.seat_gmina == janow
    assert list(humanus.operating_gminas.all()) == [janow]


def test_the_demo_organisation_gets_its_leader(world):
    from opencus.accounts.tests.factories import UserFactory

    world.organisation.slug = "konwent-cis-kis"
    world.organisation.save()
    UserFactory(email="lider.konwent@opencus.example", first_name="Barbara", last_name="Dąbrowska")
    load_partners()
    load_partners()
    leader = CooperationLeader.objects.get(organisation=world.organisation)
    assert str(leader) == "Barbara Dąbrowska" and leader.is_current
