"""The partner search ranks organisations by portfolio, area, territory and track record, and
says why; it uses only the portfolios the centre may see."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from opencus.commissioning import selectors
from opencus.commissioning.ranking import WEIGHTS, reasons
from opencus.commissioning.tests.fixtures import awarded_call, portfolio_of, works_with
from opencus.providers.enums import PartnershipStatus
from opencus.providers.tests.factories import OrganisationFactory
from opencus.territory.tests.factories import GminaFactory

pytestmark = pytest.mark.django_db

RESPITE = {"service_type": "respite_care", "area": "disability"}


def search(world, **kwargs):
    found, how = selectors.partner_search(centre=world.a, service_type="respite_care", **kwargs)
    return [(o, reasons(o, how)) for o in found]


def names(results) -> list[str]:
    return [o.name for o, _r in results]


def words(results, name) -> list[str]:
    return next([text for text, _p in why] for o, why in results if o.name == name)


def partner(world, name, **fields):
    organisation = OrganisationFactory(name=name, **fields)
    works_with(organisation, world.a, status=PartnershipStatus.PENDING)
    return organisation


def test_ready_now_ranks_above_if_strengthened_above_the_same_area(world):
    portfolio_of(partner(world, "Gotowa"), {"kind": "ready"} | RESPITE)
    portfolio_of(partner(world, "Po wzmocnieniu"), {"kind": "with_support"} | RESPITE)
    portfolio_of(
        partner(world, "Ten sam obszar"),
        {"kind": "ready", "service_type": "transport", "area": "disability"},
    )
    portfolio_of(
        partner(world, "Co innego"),
        {"kind": "ready", "service_type": "meals", "area": "social_assistance"},
    )
    results = search(world, area="disability")
    assert names(results) == ["Gotowa", "Po wzmocnieniu", "Ten sam obszar"]
    assert words(results, "Gotowa")[0] == (
        "kind (a), ready now: respite care (short breaks for carers)"
    )
    assert words(results, "Po wzmocnieniu")[0] == (
        "kind (b), if strengthened: respite care (short breaks for carers)"
    )
    assert words(results, "Ten sam obszar")[0] == (
        "kind (a) in the area: support for persons with disabilities"
    )


def test_only_portfolios_the_centre_may_see_count(world):
    portfolio_of(OrganisationFactory(name="Ukryta"), RESPITE)
    portfolio_of(OrganisationFactory(name="Publiczna"), RESPITE, public=True)
    portfolio_of(partner(world, "Partnerska"), RESPITE)
    refused = OrganisationFactory(name="Odrzucona")
    works_with(refused, world.a, status=PartnershipStatus.REFUSED)  # asked: it may be seen
    portfolio_of(refused, RESPITE)
    b_partner = OrganisationFactory(name="Partner centrum B")
    works_with(b_partner, world.b)
    portfolio_of(b_partner, RESPITE)
    assert sorted(names(search(world))) == ["Odrzucona", "Partnerska", "Publiczna"]


def test_the_latest_final_portfolio_counts(world):
    moved_on = partner(world, "Zmieniła profil")
    portfolio_of(moved_on, RESPITE, version=1)
    portfolio_of(moved_on, {"service_type": "meals", "area": "social_assistance"}, version=2)
    drafting = partner(world, "Pisze nowy")
    portfolio_of(drafting, RESPITE, version=1)
    portfolio_of(
        drafting, {"service_type": "meals", "area": "social_assistance"}, version=2, final=False
    )
    assert names(search(world)) == ["Pisze nowy"]


def test_statutory_activity_in_the_area_puts_an_organisation_on_the_list(world):
    from opencus.providers.models import OrganisationArea

    organisation = partner(world, "Statutowa")
    OrganisationArea.objects.create(organisation=organisation, area="disability")
    stranger = OrganisationFactory(name="Nieznana centrum")
    OrganisationArea.objects.create(organisation=stranger, area="disability")
    results = search(world, area="disability")
    assert names(results) == ["Statutowa"]
    assert words(results, "Statutowa") == [
        "statutory activity in the area: support for persons with disabilities",
        "asked to work with this centre (waiting for verification)",
    ]
    assert search(world, area="") == []


def test_territory_seat_above_operating_above_nearby(world):
    here = world.a.seat_gmina
    near = GminaFactory(powiat=here.powiat, name="Obok")
    far = GminaFactory(name="Daleko")
    seat = partner(world, "Siedziba tu", seat_gmina=here)
    operates = partner(world, "Działa tu", seat_gmina=far)
    operates.operating_gminas.add(here)
    nearby = partner(world, "Obok", seat_gmina=near)
    distant = partner(world, "Daleka", seat_gmina=far)
    for organisation in (seat, operates, nearby, distant):
        portfolio_of(organisation, RESPITE)
    results = search(world, gmina=here)
    assert names(results) == ["Siedziba tu", "Działa tu", "Obok", "Daleka"]
    assert f"seat in gmina {here.name}" in words(results, "Siedziba tu")
    assert f"operates in gmina {here.name}" in words(results, "Działa tu")
    assert f"operates near gmina {here.name} (same powiat)" in words(results, "Obok")
    # without a gmina: the centre's own gminas
    assert "operates in the centre's gminas" in words(search(world), "Działa tu")


def test_track_record_of_the_last_three_years_counts_and_sums(world):
    today = timezone.localdate()
    recent = [(Decimal("40000"), today - dt.timedelta(days=100 * i)) for i in (1, 2, 3)]
    old = [(Decimal("500000"), today - dt.timedelta(days=3 * 365 + 30))]
    portfolio_of(partner(world, "Doświadczona"), RESPITE | {"experience": recent + old})
    portfolio_of(partner(world, "Nowa"), RESPITE)
    results = search(world)
    assert names(results) == ["Doświadczona", "Nowa"]
    assert "3 commissions or projects in 3 years worth 120,000 zł" in words(results, "Doświadczona")
    experienced = results[0][0]
    assert experienced.experience_points == 3 * WEIGHTS["per_experience"] + WEIGHTS["value_high"]


def test_awards_in_opencus_and_the_relation_with_the_centre_count(world):
    awarded = world.organisation
    portfolio_of(awarded, RESPITE)
    awarded_call(world.a, awarded)
    verified = OrganisationFactory(name="Zweryfikowana", is_social_enterprise=True)
    works_with(verified, world.a)
    portfolio_of(verified, RESPITE)
    results = search(world)
    assert "1 award from this centre in OpenCUS" in words(results, awarded.name)
    assert "verified partner of this centre" in words(results, awarded.name)
    assert words(results, "Zweryfikowana")[-2:] == [
        "verified partner of this centre",
        "social enterprise (PS)",
    ]
    assert names(results)[0] == awarded.name


def test_the_score_is_the_sum_of_the_reasons(world):
    organisation = partner(world, "Suma", is_social_enterprise=True, seat_gmina=world.a.seat_gmina)
    portfolio_of(organisation, RESPITE | {"experience": [(Decimal("5000"), timezone.localdate())]})
    ((found, why),) = search(world, area="disability", gmina=world.a.seat_gmina)
    assert found.score == sum(points for _text, points in why)


def test_filters_partners_ps_and_reserved(world):
    from opencus.providers.enums import LegalForm

    portfolio_of(partner(world, "Oczekująca"), RESPITE)
    verified = OrganisationFactory(name="Zweryfikowany CIS", legal_form=LegalForm.CIS)
    works_with(verified, world.a)
    portfolio_of(verified, RESPITE)
    ps = partner(world, "Przedsiębiorstwo społeczne", is_social_enterprise=True)
    portfolio_of(ps, RESPITE)
    assert names(search(world, partners_only=True)) == ["Zweryfikowany CIS"]
    assert names(search(world, social_enterprise_only=True)) == ["Przedsiębiorstwo społeczne"]
    assert names(search(world, reserved_only=True)) == ["Zweryfikowany CIS"]
    assert names(search(world, query="oczek")) == ["Oczekująca"]


def test_an_award_for_the_service_puts_an_organisation_on_the_list(world):
    cis = partner(world, "CIS bez portfolio")
    awarded_call(world.a, cis)  # respite care, awarded by this centre
    results = search(world)
    assert names(results) == ["CIS bez portfolio"]
    assert "1 award for this service in OpenCUS" in words(results, "CIS bez portfolio")
    assert names(search(world, area="")) == ["CIS bez portfolio"]
    found, _how = selectors.partner_search(centre=world.a, service_type="meals")
    assert list(found) == []
