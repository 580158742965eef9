"""The demo attributes cards and portfolios: the demo organisation's versions and what the
centres' OUS did with its portfolio, respite care offered to CUS Świebodzin three ways, and
the Konwent members with documents."""

import pytest

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory, UserFactory
from opencus.catalogue.enums import ServiceType
from opencus.demo.cards_loader import LUBUSKIE, MEMBER_DOCUMENTS, load_cards
from opencus.demo.partners_loader import load_partners
from opencus.providers.enums import DocumentStatus, PartnershipStatus, SpecialisationKind
from opencus.providers.models import (
    AttributesCard,
    Organisation,
    Portfolio,
    PortfolioSubmission,
    Specialisation,
)
from opencus.providers.tests.factories import OrganisationFactory
from opencus.territory.tests.factories import CentreFactory, GminaFactory

pytestmark = pytest.mark.django_db

LUBUSKIE_GMINAS = {
    "0808053": "Świebodzin",
    "0808012": "Lubrza",
    "0808032": "Skąpe",
    "0808042": "Szczaniec",
    "0808063": "Zbąszynek",
    "0809063": "Sulechów",
    "0862011": "Zielona Góra",
}


@pytest.fixture
def region():
    gminas = {code: GminaFactory(code=code, name=name) for code, name in LUBUSKIE_GMINAS.items()}
    janow = GminaFactory(code="0605053", name="Janów Lubelski")
    swiebodzin = CentreFactory(slug="swiebodzin", seat_gmina=gminas["0808053"])
    janow_centre = CentreFactory(slug="janow-lubelski", seat_gmina=janow)
    ous = UserFactory(email="ous.swiebodzin@opencus.example")
    MembershipFactory(user=ous, centre=swiebodzin, role=Role.OUS)
    director = UserFactory(email="dyrektor.janow@opencus.example")
    MembershipFactory(user=director, centre=janow_centre, role=Role.DIRECTOR)
    UserFactory(email="lider.konwent@opencus.example", first_name="Barbara")
    OrganisationFactory(slug="konwent-cis-kis", name="Fundacja Konwent")
    load_partners()
    counts = load_cards()
    return {"swiebodzin": swiebodzin, "janow": janow_centre, "ous": ous, "counts": counts}


def test_the_demo_organisation_has_a_final_card_and_a_draft(region):
    cards = AttributesCard.objects.filter(organisation__slug="konwent-cis-kis").order_by("version")
    assert [(c.version, c.status) for c in cards] == [
        (1, DocumentStatus.FINAL),
        (2, DocumentStatus.DRAFT),
    ]
    assert all(c.is_demo for c in cards)
    assert cards[0].finalised_by.email == "lider.konwent@opencus.example"


def test_the_demo_portfolio_offers_respite_care_and_went_to_both_centres(region):
    portfolio = Portfolio.objects.get(organisation__slug="konwent-cis-kis")
    assert portfolio.status == DocumentStatus.FINAL and portfolio.is_public
    assert portfolio.specialisations.filter(
        service_type=ServiceType.RESPITE_CARE, kind=SpecialisationKind.READY
    ).exists()
    assert portfolio.specialisations.count() >= 3
    sent = {s.centre.slug: s for s in PortfolioSubmission.objects.filter(portfolio=portfolio)}
    assert sent["swiebodzin"].acknowledged_by == region["ous"]
    assert sent["janow-lubelski"].acknowledged_at is None


def test_swiebodzin_has_respite_care_partners_of_both_kinds_in_its_gmina(region):
    partners = Organisation.objects.filter(
        slug__in=[spec["slug"] for spec in LUBUSKIE],
        partnerships__centre=region["swiebodzin"],
        partnerships__status=PartnershipStatus.VERIFIED,
        operating_gminas__code="0808053",
    )
    assert partners.count() == 3
    respite = Specialisation.objects.filter(
        portfolio__organisation__in=partners,
        portfolio__status=DocumentStatus.FINAL,
        service_type=ServiceType.RESPITE_CARE,
    )
    assert set(respite.values_list("kind", flat=True)) == {
        SpecialisationKind.READY,
        SpecialisationKind.WITH_SUPPORT,
    }
    # different track records: the values of their experience differ
    totals = {
        s.portfolio.organisation.slug: sum(e.value or 0 for e in s.experience.all())
        for s in respite
    }
    assert len(set(totals.values())) == 3
    territories = {p.slug: p.operating_gminas.count() for p in partners}
    assert len(set(territories.values())) > 1


def test_about_eight_konwent_members_have_documents(region):
    members = Organisation.objects.filter(slug__startswith="konwent-lub-")
    with_documents = members.filter(attribute_cards__isnull=False) | members.filter(
        portfolios__isnull=False
    )
    assert with_documents.distinct().count() == len(MEMBER_DOCUMENTS) == 9


def test_loading_again_adds_nothing(region):
    before = (AttributesCard.objects.count(), Portfolio.objects.count())
    assert load_cards() == region["counts"]
    assert (AttributesCard.objects.count(), Portfolio.objects.count()) == before
    assert PortfolioSubmission.objects.filter(is_demo=True).count() == (
        PortfolioSubmission.objects.count()
    )
