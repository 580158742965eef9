"""The indicators of the partnership strategy (seed 003, part III), live from the data: per
centre and per network, each number what the records hold, at a fixed cost in queries."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains

from opencus.catalogue.models import Term
from opencus.commissioning.tests.fixtures import awarded_call
from opencus.contracts import services as contracts
from opencus.contracts.tests.fixtures import draft_contract, signed_contract
from opencus.cooperation import indicators, services
from opencus.cooperation.tests.fixtures import (
    contribution,
    held_workshop,
    planned_workshop,
    running_pilot,
    verified_partner,
)
from opencus.enrolments.tests.fixtures import meals_service
from opencus.providers import services as providers
from opencus.providers.enums import DocumentStatus
from opencus.providers.models import AttributesCard, Portfolio, PortfolioSubmission
from opencus.providers.tests.factories import OrganisationFactory
from opencus.territory.tests.factories import CentreFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}


def card(organisation, *, status=DocumentStatus.FINAL, version=1) -> AttributesCard:
    return AttributesCard.objects.create(
        organisation=organisation,
        version=version,
        status=status,
        finalised_at=timezone.now() if status == DocumentStatus.FINAL else None,
    )


def sent_portfolio(organisation, centre, *, version=1, status=DocumentStatus.FINAL):
    portfolio = Portfolio.objects.create(
        organisation=organisation,
        version=version,
        status=status,
        finalised_at=timezone.now() if status == DocumentStatus.FINAL else None,
    )
    return PortfolioSubmission.objects.create(portfolio=portfolio, centre=centre)


def leader(organisation, **fields):
    return providers.leader_appoint(
        organisation=organisation,
        by=None,
        first_name="Jan",
        last_name="Lider",
        role="prezes",
        phone="600 000 000",
        email="lider@example.org",
        **fields,
    )


def figure(key: str, centre_ids, n: int = 0) -> indicators.Figure:
    [indicator] = [i for i in indicators.INDICATORS if i.key == key]
    return indicator.count(centre_ids)[n]


def centre_page(client, world, centre=None) -> dict[str, int]:
    """The centre page's numbers by "indicator: part"."""
    centre = centre or world.a
    response = client.get(reverse("centre:cooperation_indicators", args=[centre.slug]))
    assert response.status_code == 200
    return {
        f"{row.indicator.key}:{row.figure.label}": row.value
        for component in response.context["components"]
        for row in component["rows"]
    }


def network_totals(client, world) -> dict[str, int]:
    response = client.get(reverse("network:cooperation_indicators", args=[world.network.slug]))
    assert response.status_code == 200
    return {
        f"{row.indicator.key}:{row.figure.label}": total
        for component in response.context["components"]
        for row, total in zip(component["rows"], component["totals"], strict=True)
    }


# --- component 2 -------------------------------------------------------------------------


def test_attribute_cards_count_the_final_cards_of_verified_partners(world):
    ids = [world.a.pk, world.b.pk]
    verified_partner(world.a, world.organisation)
    card(world.organisation, status=DocumentStatus.DRAFT)
    assert figure("attribute_cards", ids).total == 0
    card(world.organisation, version=2)
    card(world.organisation, version=3)  # a later version: still one organisation
    # an organisation that only asked centre b is not yet its partner
    providers.partnership_request(organisation=world.other_organisation, centre=world.b, by=None)
    card(world.other_organisation)
    counted = figure("attribute_cards", ids)
    assert (counted.of(world.a.pk), counted.of(world.b.pk), counted.total) == (1, 0, 1)


def test_leaders_count_partners_with_a_current_leader(world):
    verified_partner(world.a, world.organisation)
    verified_partner(world.a, world.other_organisation)
    leader(world.organisation)
    assert figure("cooperation_leaders", [world.a.pk]).of(world.a.pk) == 1
    leader(world.other_organisation)
    assert figure("cooperation_leaders", [world.a.pk]).of(world.a.pk) == 2


def test_portfolios_count_partners_that_sent_a_final_portfolio_to_the_centre(world):
    verified_partner(world.a, world.organisation)
    sent_portfolio(world.organisation, world.a, version=1)
    sent_portfolio(world.organisation, world.a, version=2)
    sent_portfolio(
        world.organisation, world.b, version=3
    )  # not to centre a, and not a partner of b
    counted = figure("portfolios", [world.a.pk, world.b.pk])
    assert (counted.of(world.a.pk), counted.of(world.b.pk), counted.total) == (1, 0, 1)


# --- component 3 -------------------------------------------------------------------------


def test_stakeholders_are_the_organisations_and_the_people_taking_part(world):
    pilot = running_pilot(world.a, world.organisation)  # 4 participants, 3 of them in the team
    cancelled = planned_workshop(world.a, world.other_organisation)
    services.participant_add(workshop=cancelled, by=None, name="Zofia", role="JST", side="jst")
    services.workshop_cancel(workshop=cancelled, by=None, reason="Odwołane.")
    services.member_add(pilot=pilot, by=None, name="Nowa Osoba", role="KIPUS", side="centre")
    organisations = figure("stakeholders", [world.a.pk], 0)
    people = figure("stakeholders", [world.a.pk], 1)
    assert organisations.of(world.a.pk) == 1
    assert people.of(world.a.pk) == 5


def test_tasks_are_the_contributions_by_kind(world):
    pilot = running_pilot(world.a, world.organisation)
    contribution(pilot)
    contribution(pilot, corrects_diagnosis=True)
    contribution(pilot, kind="community_plan")
    figures = indicators.pilot_contributions([world.a.pk])
    counts = {f.query: f.of(world.a.pk) for f in figures}
    assert counts == {
        "": 3,
        "kind=diagnosis": 2,
        "kind=community_plan": 1,
        "kind=supporting_activity": 0,
        "kind=consultation_report": 0,
    }


# --- tasks done by PES under contracts ----------------------------------------------------


def contracts_figures(centre_ids) -> dict[str, indicators.Figure]:
    """The contract indicator's figures by label (in English)."""
    with translation.override("en"):
        return {str(f.label): f for f in indicators.contract_tasks(centre_ids)}


ALL = "contracts carried out by PES, all kinds"
RESPITE = "from a call for: respite care (short breaks for carers)"
SOCIAL = "without a call, in the area: social assistance"
DISABILITY = "without a call, in the area: support for persons with disabilities"


def test_contracts_count_what_pes_carried_out_by_the_kind_of_service(world):
    meals = meals_service(world.a, name="Obiady")
    both = meals_service(
        world.a,
        name="Obiady i opieka",
        areas=list(Term.objects.filter(code__in=["social_assistance", "disability"])),
    )
    _call, offer = awarded_call(world.a, world.organisation)
    from_call = contracts.contract_create(
        centre=world.a,
        by=None,
        organisation=world.organisation,
        title="Opieka wytchnieniowa",
        kind="entrusting",
        starts_on=offer.task_starts_on,
        ends_on=offer.task_ends_on,
        offer=offer,
    )
    contracts.contract_line_add(
        contract=from_call, by=None, service=meals, units=Decimal(10), unit_price=Decimal(40)
    )
    contracts.contract_sign(contract=from_call, by=None, signed_on=timezone.localdate())
    # without a call: one service in one area, another spanning two areas
    signed_contract(world.a, OrganisationFactory(legal_form="social_coop"), lines=[(meals, 5, 9)])
    signed_contract(world.a, OrganisationFactory(legal_form="cis"), lines=[(both, 5, 9)])
    figures = contracts_figures([world.a.pk])
    assert {label: f.of(world.a.pk) for label, f in figures.items()} == {
        ALL: 3,
        RESPITE: 1,  # the procedure's service type, whatever the lines
        SOCIAL: 2,
        DISABILITY: 1,
    }


def test_only_contracts_carried_out_with_pes_count(world):
    today = timezone.localdate()
    service = meals_service(world.a, name="Obiady")
    others = meals_service(world.b, name="Obiady b")

    def signed(centre, organisation, line_service, **kwargs):
        return signed_contract(
            centre,
            organisation,
            lines=[(line_service, 5, 9)],
            starts_on=kwargs.pop("starts_on", today - dt.timedelta(days=30)),
            ends_on=today + dt.timedelta(days=60),
            signed_on=kwargs.pop("signed_on", today - dt.timedelta(days=30)),
        )

    # not counted: a draft, a private company, a gmina unit, a healthcare entity, a contract
    # terminated before its first day
    draft_contract(world.a, OrganisationFactory(), lines=[(service, 5, 9)])
    for form in ("company", "gmina_unit", "healthcare"):
        service_of = meals_service(world.a, name=f"Obiady {form}")
        signed(world.a, OrganisationFactory(legal_form=form), service_of)
    early = meals_service(world.a, name="Obiady od jutra")
    not_started = signed(
        world.a,
        OrganisationFactory(),
        early,
        starts_on=today + dt.timedelta(days=5),
        signed_on=today,
    )
    contracts.contract_terminate(
        contract=not_started, by=None, reason="Rezygnacja.", terminated_on=today
    )
    assert contracts_figures([world.a.pk])[ALL].of(world.a.pk) == 0
    # counted: an association, a company recognised as a social enterprise, one terminated
    # after it started; and centre b's association
    signed(world.a, OrganisationFactory(), service)
    enterprise = OrganisationFactory(legal_form="company", is_social_enterprise=True)
    signed(world.a, enterprise, meals_service(world.a, name="Obiady PS"))
    ended = signed(world.a, OrganisationFactory(), meals_service(world.a, name="Obiady krótko"))
    contracts.contract_terminate(contract=ended, by=None, reason="Koniec.", terminated_on=today)
    signed(world.b, world.other_organisation, others)
    figure = contracts_figures([world.a.pk, world.b.pk])[ALL]
    assert (figure.of(world.a.pk), figure.of(world.b.pk), figure.total) == (3, 1, 4)


def contracts_on_the_pages(client_for, world) -> tuple[int, int]:
    """The contract indicator's first number on the centre's page and the network's total."""
    centre = client_for(world.kipus).get(
        reverse("centre:cooperation_indicators", args=[world.a.slug])
    )
    network = client_for(world.analyst).get(
        reverse("network:cooperation_indicators", args=[world.network.slug])
    )
    [value] = [
        row.value
        for component in centre.context["components"]
        for row in component["rows"]
        if row.indicator.key == "tasks_contracts" and row.first
    ]
    [total] = [
        total
        for component in network.context["components"]
        for row, total in zip(component["rows"], component["totals"], strict=True)
        if row.indicator.key == "tasks_contracts" and row.first
    ]
    return value, total


def test_signing_a_contract_changes_the_centres_and_the_networks_number(world, client_for):
    draft = draft_contract(
        world.a, world.organisation, lines=[(meals_service(world.a, name="Obiady"), 5, 9)]
    )
    assert contracts_on_the_pages(client_for, world) == (0, 0)
    contracts.contract_sign(contract=draft, by=None, signed_on=timezone.localdate())
    assert contracts_on_the_pages(client_for, world) == (1, 1)
    response = client_for(world.kipus).get(
        reverse("centre:cooperation_indicators", args=[world.a.slug])
    )
    assertContains(response, f'href="{reverse("centre:contract_list", args=[world.a.slug])}"')
    # the front desk sees the number, not a link to contracts it may not open
    response = client_for(world.front_desk).get(
        reverse("centre:cooperation_indicators", args=[world.a.slug])
    )
    assertNotContains(response, reverse("centre:contract_list", args=[world.a.slug]))


def test_component_one_is_not_shown(world, client_for):
    response = client_for(world.director).get(
        reverse("centre:cooperation_indicators", args=[world.a.slug]), headers=ENGLISH
    )
    assert {c["number"] for c in response.context["components"]} == {2, 3}
    assertNotContains(response, "Liczba PES/organizacji w cyklu edukacyjnym")


# --- the pages ---------------------------------------------------------------------------


def test_a_final_card_of_a_partner_changes_the_centres_and_the_networks_number(world, client_for):
    verified_partner(world.a, world.organisation)
    centre_client = client_for(world.front_desk)
    assert centre_page(centre_client, world)["attribute_cards:"] == 0
    network_client = client_for(world.analyst)
    assert network_totals(network_client, world)["attribute_cards:"] == 0
    card(world.organisation)
    assert centre_page(client_for(world.front_desk), world)["attribute_cards:"] == 1
    assert network_totals(client_for(world.analyst), world)["attribute_cards:"] == 1


def test_the_network_has_a_row_per_centre_and_a_total_counting_each_organisation_once(
    world, client_for
):
    for centre in (world.a, world.b):
        verified_partner(centre, world.organisation)
    card(world.organisation)
    outsider = CentreFactory(name="CUS spoza sieci")
    verified_partner(outsider, world.other_organisation)
    card(world.other_organisation)
    response = client_for(world.analyst).get(
        reverse("network:cooperation_indicators", args=[world.network.slug]), headers=ENGLISH
    )
    [component2, _component3] = response.context["components"]
    assert [(c.name, values[0]) for c, values in component2["centres"]] == [
        ("CUS Alfa", 1),
        ("CUS Beta", 1),
    ]
    assert component2["totals"][0] == 1
    assertNotContains(response, "CUS spoza sieci")


def test_the_pages_show_the_seed_names_in_polish_and_link_the_lists(world, client_for):
    pilot = running_pilot(world.a, world.organisation)
    contribution(pilot)
    response = client_for(world.ous).get(
        reverse("centre:cooperation_indicators", args=[world.a.slug]), headers=ENGLISH
    )
    for name in (
        indicators.SEED_CARDS,
        indicators.SEED_LEADERS,
        indicators.SEED_PORTFOLIOS,
        indicators.SEED_STAKEHOLDERS,
    ):
        assertContains(response, f'<span lang="pl">{name}</span>', html=False)
    contributions = reverse("centre:contribution_list", args=[world.a.slug])
    assertContains(response, f'href="{contributions}?kind=diagnosis"')
    assertContains(response, 'href="#readiness"')


def test_the_network_page_shows_no_names(world, client_for):
    running_pilot(world.a, world.organisation)
    response = client_for(world.analyst).get(
        reverse("network:cooperation_indicators", args=[world.network.slug]), headers=ENGLISH
    )
    for name in ("Anna Ekspert", "Jan Lider", world.organisation.name):
        assertNotContains(response, name)
    content = _csv(
        client_for(world.analyst).get(
            reverse("network:cooperation_indicators_csv", args=[world.network.slug])
        )
    )
    assert "Anna Ekspert" not in str(content)


def test_the_readiness_table_lists_the_partners_and_their_documents(world, client_for):
    verified_partner(world.a, world.organisation)
    verified_partner(world.a, world.other_organisation)
    card(world.organisation)
    leader(world.other_organisation)
    response = client_for(world.kipus).get(
        reverse("centre:cooperation_indicators", args=[world.a.slug])
    )
    rows = {
        p.organisation: (p.has_card, p.has_leader, p.has_portfolio)
        for p in response.context["page"].object_list
    }
    assert rows == {
        world.organisation: (True, False, False),
        world.other_organisation: (False, True, False),
    }


def _csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


def test_the_indicators_export_to_csv(world, client_for):
    verified_partner(world.a, world.organisation)
    card(world.organisation)
    header, *rows = _csv(
        client_for(world.ous).get(
            reverse("centre:cooperation_indicators_csv", args=[world.a.slug]), headers=ENGLISH
        )
    )
    assert header == ["Component", "Indicator (seed 003)", "What is counted", "Number"]
    assert rows[0] == [
        "2",
        indicators.SEED_CARDS,
        "partner organisations with a final attributes card",
        "1",
    ]
    header, *rows = _csv(
        client_for(world.analyst).get(
            reverse("network:cooperation_indicators_csv", args=[world.network.slug]),
            headers=ENGLISH,
        )
    )
    assert header[0] == "Centre"
    assert [row[0] for row in rows] == ["CUS Alfa", "CUS Beta", "Total"]
    assert [row[1] for row in rows] == ["1", "0", "1"]


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(address)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_indicators_cost_the_same_queries_for_few_and_many_centres(world, client_for):
    centre_address = reverse("centre:cooperation_indicators", args=[world.a.slug])
    network_address = reverse("network:cooperation_indicators", args=[world.network.slug])

    def counts():
        return (
            _queries(client_for(world.director), centre_address),
            _queries(client_for(world.analyst), network_address),
        )

    def add(centre):
        organisation = OrganisationFactory()
        pilot = running_pilot(centre, organisation)
        contribution(pilot)
        card(organisation)
        leader(organisation)
        sent_portfolio(organisation, centre)
        service = meals_service(centre, name=f"Obiady {organisation.slug}")
        signed_contract(centre, organisation, lines=[(service, 5, 9)])
        _call, offer = awarded_call(centre, organisation)
        contracts.contract_create(
            centre=centre,
            by=None,
            organisation=organisation,
            title="Z naboru",
            kind="entrusting",
            starts_on=offer.task_starts_on,
            ends_on=offer.task_ends_on,
            offer=offer,
        )

    add(world.a)
    small = counts()
    for _i in range(3):
        centre = CentreFactory()
        world.network.centres.add(centre)
        add(centre)
        add(world.a)
    held_workshop(world.b, OrganisationFactory())
    assert counts() == small
    assert max(small) <= 18
