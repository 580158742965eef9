"""The attributes card and portfolio pages: the organisation writes, makes final and sends;
the centre reads final versions of its partners' documents and its OUS acknowledges; everyone
reads the public profile page. Who may do what; other tenants get 404."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.audit.models import AccessLogEntry
from opencus.providers import services
from opencus.providers.enums import DocumentStatus
from opencus.providers.models import (
    AttributesCard,
    Experience,
    Portfolio,
    PortfolioSubmission,
    Specialisation,
    SwotEntry,
)
from opencus.providers.tests.fixtures import (
    QUESTIONS,
    filled_card,
    final_card,
    final_portfolio,
    registered,
    respite_care,
    transport_b,
)

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}
TODAY = timezone.localdate


def org_url(organisation, name, **kwargs):
    return reverse(
        f"organisation:{name}", kwargs={"organisation_slug": organisation.slug, **kwargs}
    )


def url(centre, name, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": centre.slug, **kwargs})


def public_url(organisation):
    return reverse("organisations:profile", kwargs={"profile_slug": organisation.slug})


def _partner(world, centre=None, *, verify=True):
    partnership = services.partnership_request(
        organisation=world.organisation, centre=centre or world.a, by=world.provider
    )
    if verify:
        services.partnership_verify(partnership=partnership, by=None)
    return partnership


def _sent(world, centre=None):
    _partner(world, centre)
    portfolio = final_portfolio(world.organisation, by=world.provider)
    (submission,) = services.portfolio_send(
        portfolio=portfolio, by=world.provider, centres=[centre or world.a]
    )
    return submission


def _card_form(**overrides) -> dict:
    data = {
        f"{sphere}_{quadrant}": f"Punkt {sphere} {quadrant}"
        for sphere in ("management", "staff", "resources", "finance", "relations")
        for quadrant in ("strengths", "weaknesses", "opportunities", "threats")
    }
    return (
        data
        | QUESTIONS
        | {"zet_coauthor": "dr Anna Ekspert", "ethics": "", "community_trust": ""}
        | overrides
    )


# --- the organisation: the attributes card ---------------------------------------------------


def test_the_card_starts_after_a_confirmation(world, client_for):
    client = client_for(world.provider)
    page = client.get(org_url(world.organisation, "card"), headers=ENGLISH)
    assertContains(page, "The organisation has no attributes card yet.")
    assertContains(page, "Start the card")
    target = org_url(world.organisation, "card_start")
    assertContains(client.get(target, headers=ENGLISH), "Start the attributes card?")
    assert not AttributesCard.objects.exists()
    assertRedirects(client.post(target), org_url(world.organisation, "card_edit"))
    assert AttributesCard.objects.get().version == 1


def test_the_draft_form_has_five_spheres_of_four_labelled_quadrants(world, client_for):
    services.card_start(organisation=world.organisation, by=world.provider)
    page = client_for(world.provider).get(org_url(world.organisation, "card_edit"), headers=ENGLISH)
    content = page.content.decode()
    assert content.count("<textarea") == 20 + 6
    assertContains(page, "<legend>Material and technical resources</legend>", html=True)
    assertContains(page, "Sources of funding (economic activity")  # what the sphere covers
    for sphere in ("management", "staff", "resources", "finance", "relations"):
        assertContains(page, f'<label for="id_{sphere}_threats">Threats:</label>', html=True)


def test_saving_the_draft_keeps_it_and_stays_on_the_form(world, client_for):
    card = services.card_start(organisation=world.organisation, by=world.provider)
    target = org_url(world.organisation, "card_edit")
    response = client_for(world.provider).post(target, _card_form())
    assertRedirects(response, target)
    card.refresh_from_db()
    assert card.zet_coauthor == "dr Anna Ekspert"
    assert SwotEntry.objects.filter(card=card).count() == 20


def test_a_bad_submit_loses_nothing_that_was_typed(world, client_for):
    card = services.card_start(organisation=world.organisation, by=world.provider)
    page = client_for(world.provider).post(
        org_url(world.organisation, "card_edit"),
        _card_form(zet_coauthor="x" * 250, staff_threats="Odejście kadry"),
        headers=ENGLISH,
    )
    assert page.status_code == 200
    assertContains(page, "Ensure this value has at most 200 characters")
    assertContains(page, "Odejście kadry")
    assert not SwotEntry.objects.filter(card=card).exists()


def test_save_and_make_final_goes_to_the_confirmation(world, client_for):
    services.card_start(organisation=world.organisation, by=world.provider)
    response = client_for(world.provider).post(
        org_url(world.organisation, "card_edit"), _card_form(then="finalise")
    )
    assertRedirects(response, org_url(world.organisation, "card_finalise"))


def test_an_incomplete_card_is_not_made_final_and_the_page_says_why(world, client_for):
    card = services.card_start(organisation=world.organisation, by=world.provider)
    services.card_save(card=card, by=None, points={("staff", "strengths"): "Kadra"})
    client = client_for(world.provider)
    target = org_url(world.organisation, "card_finalise")
    page = client.get(target, headers=ENGLISH)
    assertContains(page, "The draft cannot be made final yet")
    assertContains(page, "The sphere “finance” has no point yet")
    assertContains(page, "Answer the question “Will the strengths let the organisation")
    assertNotContains(page, "Yes, make it final")
    page = client.post(target, headers=ENGLISH)
    assert page.status_code == 200
    assertContains(page, "The sphere “management” has no point yet")
    card.refresh_from_db()
    assert card.status == DocumentStatus.DRAFT


def test_a_complete_card_is_made_final_and_its_page_shows_who_and_when(world, client_for):
    card = filled_card(world.organisation, by=world.provider)
    client = client_for(world.provider)
    target = org_url(world.organisation, "card_finalise")
    assertContains(client.get(target, headers=ENGLISH), "Yes, make it final")
    response = client.post(target)
    assertRedirects(response, org_url(world.organisation, "card_detail", card_id=card.pk))
    card.refresh_from_db()
    assert card.status == DocumentStatus.FINAL and card.finalised_by == world.provider
    page = client.get(org_url(world.organisation, "card"), headers=ENGLISH)
    assertContains(page, "Version 1 is final.")
    assertContains(page, "Start a new version")
    assertContains(page, str(world.provider))
    assertContains(page, "dr Anna Ekspert (ZET Świebodzin)")


def test_a_new_version_is_copied_and_its_page_shows_what_changed(world, client_for):
    first = final_card(world.organisation)
    client = client_for(world.provider)
    assertContains(
        client.get(org_url(world.organisation, "card_start"), headers=ENGLISH),
        "The new draft starts as a copy of version 1",
    )
    client.post(org_url(world.organisation, "card_start"))
    second = AttributesCard.objects.get(organisation=world.organisation, version=2)
    form = _card_form()
    form["staff_strengths"] = "Doświadczone opiekunki wytchnieniowe\nTerapeuta zajęciowy"
    client.post(org_url(world.organisation, "card_edit"), form)
    page = client.get(
        org_url(world.organisation, "card_detail", card_id=second.pk), headers=ENGLISH
    )
    assertContains(page, "What changed since version 1")
    assertContains(page, "<ins>Terapeuta zajęciowy</ins>", html=True)
    assertContains(page, "<del>Psycholog</del>", html=True)
    first_page = client.get(
        org_url(world.organisation, "card_detail", card_id=first.pk), headers=ENGLISH
    )
    assertContains(first_page, "This is the first version.")


def test_starting_while_a_draft_exists_opens_the_draft(world, client_for):
    services.card_start(organisation=world.organisation, by=None)
    client = client_for(world.provider)
    for method in ("get", "post"):
        response = getattr(client, method)(org_url(world.organisation, "card_start"))
        assertRedirects(response, org_url(world.organisation, "card_edit"))
    assert AttributesCard.objects.count() == 1


def test_without_a_draft_the_form_and_the_confirmation_send_back(world, client_for):
    final_card(world.organisation)
    client = client_for(world.provider)
    for name in ("card_edit", "card_finalise"):
        assertRedirects(
            client.get(org_url(world.organisation, name)), org_url(world.organisation, "card")
        )
        assertRedirects(
            client.post(org_url(world.organisation, name), _card_form()),
            org_url(world.organisation, "card"),
        )
    assert AttributesCard.objects.get().ethics == "Kodeks etyczny przyjęty uchwałą zarządu."


def test_the_card_pages_list_the_versions_with_a_fixed_number_of_queries(world, client_for):
    client = client_for(world.provider)
    final_card(world.organisation)
    target = org_url(world.organisation, "card")
    client.get(target)
    with CaptureQueriesContext(connection) as few:
        client.get(target)
    for _ in range(4):
        card = services.card_start(organisation=world.organisation, by=world.provider)
        services.card_finalise(card=card, by=world.provider)
    with CaptureQueriesContext(connection) as many:
        page = client.get(target, headers=ENGLISH)
    assertContains(page, "Read version 5")
    assert len(many) == len(few)


# --- the organisation: the portfolio ----------------------------------------------------------


def _draft(world):
    return services.portfolio_start(organisation=world.organisation, by=world.provider)


def _specialisation_form(**overrides):
    return {
        "kind": "ready",
        "service_type": "respite_care",
        "area": "social_assistance",
        "recipients": "Opiekunowie osób starszych",
        "guarantees": "",
        "capacity": "10 rodzin",
    } | overrides


def test_the_portfolio_draft_is_saved(world, client_for):
    portfolio = _draft(world)
    target = org_url(world.organisation, "portfolio_edit")
    client = client_for(world.provider)
    assert client.get(target).status_code == 200
    response = client.post(
        target,
        {"introduction": "Opieka wytchnieniowa to nasza domena.", "is_public": "on"},
    )
    assertRedirects(response, target)
    portfolio.refresh_from_db()
    assert portfolio.introduction == "Opieka wytchnieniowa to nasza domena." and portfolio.is_public


def test_kind_b_without_a_form_of_commissioning_is_refused_next_to_the_field(world, client_for):
    _draft(world)
    page = client_for(world.provider).post(
        org_url(world.organisation, "specialisation_create"),
        _specialisation_form(kind="with_support"),
        headers=ENGLISH,
    )
    assert page.status_code == 200
    assertContains(page, str(services.MSG_SUPPORT_FORM_REQUIRED))
    assertContains(page, str(services.MSG_SUPPORT_NEEDED_REQUIRED))
    assertContains(page, "Opiekunowie osób starszych")  # what was typed stays
    assert not Specialisation.objects.exists()


def test_a_specialisation_with_experience_and_a_reference_is_added(world, client_for):
    portfolio = _draft(world)
    client = client_for(world.provider)
    response = client.post(
        org_url(world.organisation, "specialisation_create"),
        _specialisation_form(kind="with_support", support_form="supporting", support_needed="Bus"),
    )
    specialisation = Specialisation.objects.get(portfolio=portfolio)
    assert response["Location"].endswith(f"/portfolio/edit/#row-{specialisation.pk}")
    assert specialisation.support_form == "supporting"
    earliest = services.experience_earliest_end()
    too_old = client.post(
        org_url(world.organisation, "experience_create", specialisation_id=specialisation.pk),
        {
            "kind": "commission",
            "title": "Opieka 2019",
            "funder": "Gmina",
            "starts_on": "2019-01-01",
            "ends_on": "2019-12-31",
        },
        headers=ENGLISH,
    )
    assertContains(
        too_old,
        f"Only experience of the last 3 years counts: it must have ended on {earliest:%d.%m.%Y} or later.",
    )
    backwards = client.post(
        org_url(world.organisation, "experience_create", specialisation_id=specialisation.pk),
        {
            "kind": "commission",
            "title": "Opieka 2025",
            "funder": "Gmina",
            "starts_on": TODAY().isoformat(),
            "ends_on": (TODAY() - dt.timedelta(days=3)).isoformat(),
        },
        headers=ENGLISH,
    )
    assertContains(backwards, str(services.MSG_EXPERIENCE_ENDS_BEFORE_START))
    assert not Experience.objects.exists()
    client.post(
        org_url(world.organisation, "experience_create", specialisation_id=specialisation.pk),
        {
            "kind": "commission",
            "title": "Opieka 2025",
            "funder": "Gmina Świebodzin",
            "starts_on": (TODAY() - dt.timedelta(days=200)).isoformat(),
            "ends_on": (TODAY() - dt.timedelta(days=10)).isoformat(),
            "value": "12500.50",
        },
    )
    client.post(
        org_url(world.organisation, "reference_create", specialisation_id=specialisation.pk),
        {"issued_by": "OPS Świebodzin", "summary": "Polecamy."},
    )
    page = client.get(org_url(world.organisation, "portfolio_edit"), headers=ENGLISH)
    assertContains(page, "Opieka 2025")
    assertContains(page, "12,500.50")
    assertContains(page, "OPS Świebodzin")


def test_removing_asks_first(world, client_for):
    portfolio = _draft(world)
    specialisation = respite_care(portfolio)
    client = client_for(world.provider)
    target = org_url(
        world.organisation, "specialisation_delete", specialisation_id=specialisation.pk
    )
    assertContains(client.get(target, headers=ENGLISH), "Yes, remove it")
    assert Specialisation.objects.exists()
    client.post(target)
    assert not Specialisation.objects.exists()
    assert not Experience.objects.exists()


def test_a_final_versions_rows_are_never_offered_for_editing(world, client_for):
    portfolio = final_portfolio(world.organisation)
    specialisation = portfolio.specialisations.get()
    experience = specialisation.experience.get()
    reference = specialisation.references.get()
    client = client_for(world.provider)
    for name, kwargs in (
        ("specialisation_edit", {"specialisation_id": specialisation.pk}),
        ("specialisation_delete", {"specialisation_id": specialisation.pk}),
        ("experience_create", {"specialisation_id": specialisation.pk}),
        ("reference_create", {"specialisation_id": specialisation.pk}),
        ("experience_edit", {"experience_id": experience.pk}),
        ("experience_delete", {"experience_id": experience.pk}),
        ("reference_edit", {"reference_id": reference.pk}),
        ("reference_delete", {"reference_id": reference.pk}),
    ):
        target = org_url(world.organisation, name, **kwargs)
        assert client.get(target).status_code == 404, name
        assert client.post(target, {"title": "x"}).status_code == 404, name
    page = client.get(
        org_url(world.organisation, "portfolio_detail", portfolio_id=portfolio.pk),
        headers=ENGLISH,
    )
    assertNotContains(page, "/portfolio/specialisations/")
    assert Specialisation.objects.filter(portfolio=portfolio).count() == 1


def test_a_portfolio_without_specialisations_is_not_made_final(world, client_for):
    _draft(world)
    page = client_for(world.provider).post(
        org_url(world.organisation, "portfolio_finalise"), headers=ENGLISH
    )
    assertContains(page, str(services.MSG_NO_SPECIALISATION))
    assert Portfolio.objects.get().status == DocumentStatus.DRAFT


def test_the_portfolio_is_made_final_then_sent_and_the_acknowledgement_shows(world, client_for):
    _partner(world, world.a)
    _partner(world, world.b, verify=False)
    portfolio = _draft(world)
    respite_care(portfolio)
    client = client_for(world.provider)
    response = client.post(org_url(world.organisation, "portfolio_finalise"))
    assertRedirects(
        response, org_url(world.organisation, "portfolio_detail", portfolio_id=portfolio.pk)
    )
    target = org_url(world.organisation, "portfolio_send", portfolio_id=portfolio.pk)
    page = client.get(target, headers=ENGLISH)
    assertContains(page, "CUS Alfa")
    assertContains(page, "CUS Beta")
    response = client.post(target, {"centres": [str(world.a.pk)]})
    assertRedirects(response, org_url(world.organisation, "portfolio"))
    again = client.post(target, {"centres": [str(world.a.pk), str(world.b.pk)]}, headers=ENGLISH)
    assertContains(again, f"Version 1 was already sent to CUS Alfa on {TODAY():%d.%m.%Y}.")
    assert PortfolioSubmission.objects.count() == 1
    submission = PortfolioSubmission.objects.get()
    services.submission_acknowledge(submission=submission, by=world.ous, note="Zapraszamy 12.01.")
    page = client.get(org_url(world.organisation, "portfolio"), headers=ENGLISH)
    assertContains(page, "acknowledged")
    assertContains(page, "Zapraszamy 12.01.")
    assertContains(page, str(world.ous))


def test_a_refused_centre_is_not_offered_and_a_draft_is_not_sent(world, client_for):
    refused = _partner(world, world.a, verify=False)
    services.partnership_refuse(partnership=refused, by=world.director, reason="Nie.")
    portfolio = _draft(world)
    respite_care(portfolio)
    client = client_for(world.provider)
    target = org_url(world.organisation, "portfolio_send", portfolio_id=portfolio.pk)
    assertRedirects(client.get(target), org_url(world.organisation, "portfolio"))
    services.portfolio_finalise(portfolio=portfolio, by=None)
    page = client.get(target, headers=ENGLISH)
    assertNotContains(page, "CUS Alfa")
    assertContains(page, "does not work with any centre yet")
    client.post(target, {"centres": [str(world.a.pk)]})
    assert not PortfolioSubmission.objects.exists()


def test_the_portfolio_edit_page_costs_the_same_whatever_it_holds(world, client_for):
    client = client_for(world.provider)
    portfolio = _draft(world)
    respite_care(portfolio)
    target = org_url(world.organisation, "portfolio_edit")
    client.get(target)
    with CaptureQueriesContext(connection) as few:
        client.get(target)
    for _ in range(3):
        respite_care(portfolio)
        transport_b(portfolio)
    with CaptureQueriesContext(connection) as many:
        client.get(target)
    assert len(many) == len(few)


def test_another_organisations_staff_gets_404_on_this_organisations_documents(world, client):
    _partner(world)
    card = final_card(world.organisation)
    portfolio = final_portfolio(world.organisation)
    draft = services.portfolio_start(organisation=world.organisation, by=None)
    specialisation = draft.specialisations.get()
    other_staff = MembershipFactory(
        organisation=world.other_organisation, centre=None, role=Role.PROVIDER_STAFF
    ).user
    client.force_login(other_staff)
    mine = world.other_organisation
    for name, kwargs in (
        ("card_detail", {"card_id": card.pk}),
        ("card_pdf", {"card_id": card.pk}),
        ("portfolio_detail", {"portfolio_id": portfolio.pk}),
        ("portfolio_pdf", {"portfolio_id": portfolio.pk}),
        ("portfolio_send", {"portfolio_id": portfolio.pk}),
        ("specialisation_edit", {"specialisation_id": specialisation.pk}),
        ("experience_edit", {"experience_id": specialisation.experience.get().pk}),
        ("reference_delete", {"reference_id": specialisation.references.get().pk}),
    ):
        for organisation in (world.organisation, mine):
            target = org_url(organisation, name, **kwargs)
            assert client.get(target).status_code == 404, target
            assert client.post(target, {}).status_code == 404, target
    for name in ("card", "card_edit", "portfolio", "portfolio_edit"):
        assert client.get(org_url(world.organisation, name)).status_code == 404
    assert Specialisation.objects.filter(portfolio=draft).count() == 1


def test_the_organisation_navigation_has_the_card_and_the_portfolio(world, client_for):
    page = client_for(world.provider).get(org_url(world.organisation, "profile"), headers=ENGLISH)
    assertContains(page, f'href="{org_url(world.organisation, "card")}"')
    assertContains(page, f'href="{org_url(world.organisation, "portfolio")}"')


# --- the centre: its partners' documents --------------------------------------------------------


@pytest.mark.parametrize("role", ["front_desk", "ous", "kipus", "osl", "director"])
def test_every_centre_role_reads_the_final_documents_of_a_partner(world, client_for, role):
    partnership = _partner(world)
    card = final_card(world.organisation)
    portfolio = final_portfolio(world.organisation)
    client = client_for(getattr(world, role))
    detail = client.get(
        url(world.a, "partner_detail", partnership_id=partnership.pk), headers=ENGLISH
    )
    assertContains(detail, url(world.a, "partner_card", card_id=card.pk))
    assertContains(detail, url(world.a, "partner_portfolio_pdf", portfolio_id=portfolio.pk))
    assertContains(detail, public_url(world.organisation))
    page = client.get(url(world.a, "partner_card", card_id=card.pk), headers=ENGLISH)
    assertContains(page, "Doświadczone opiekunki wytchnieniowe")
    page = client.get(url(world.a, "partner_portfolio", portfolio_id=portfolio.pk), headers=ENGLISH)
    assertContains(page, "Opieka wytchnieniowa 2025")
    pdf = client.get(url(world.a, "partner_card_pdf", card_id=card.pk))
    assert pdf["Content-Type"] == "application/pdf"


def test_the_partner_page_says_when_there_is_nothing_final_yet(world, client_for):
    partnership = _partner(world, verify=False)
    filled_card(world.organisation)  # a draft only
    page = client_for(world.ous).get(
        url(world.a, "partner_detail", partnership_id=partnership.pk), headers=ENGLISH
    )
    assertContains(page, "The organisation has no final attributes card yet.")
    assertContains(page, "The organisation has no final portfolio yet.")
    assertNotContains(page, public_url(world.organisation))  # not verified by anyone yet


def test_the_partner_page_lists_every_final_version(world, client_for):
    partnership = _partner(world)
    first = final_card(world.organisation)
    second = services.card_finalise(
        card=services.card_start(organisation=world.organisation, by=None), by=None
    )
    page = client_for(world.ous).get(
        url(world.a, "partner_detail", partnership_id=partnership.pk), headers=ENGLISH
    )
    assertContains(page, url(world.a, "partner_card", card_id=second.pk))
    assertContains(page, url(world.a, "partner_card", card_id=first.pk))
    assertContains(page, "Earlier versions:")


def test_a_draft_is_never_shown_to_a_centre(world, client_for):
    _partner(world)
    card = filled_card(world.organisation)
    portfolio = services.portfolio_start(organisation=world.organisation, by=None)
    client = client_for(world.ous)
    assert client.get(url(world.a, "partner_card", card_id=card.pk)).status_code == 404
    assert client.get(url(world.a, "partner_card_pdf", card_id=card.pk)).status_code == 404
    assert (
        client.get(url(world.a, "partner_portfolio", portfolio_id=portfolio.pk)).status_code == 404
    )


def test_a_centre_the_organisation_never_asked_or_that_refused_it_gets_404(world, client_for):
    refused = _partner(world, world.b, verify=False)
    services.partnership_refuse(partnership=refused, by=world.b_director, reason="Nie.")
    card = final_card(world.organisation)
    portfolio = final_portfolio(world.organisation)
    for user, centre in ((world.ous, world.a), (world.b_director, world.b)):
        client = client_for(user)
        assert client.get(url(centre, "partner_card", card_id=card.pk)).status_code == 404
        assert (
            client.get(url(centre, "partner_portfolio", portfolio_id=portfolio.pk)).status_code
            == 404
        )
        assert (
            client.get(url(centre, "partner_portfolio_pdf", portfolio_id=portfolio.pk)).status_code
            == 404
        )
    page = client_for(world.b_director).get(
        url(world.b, "partner_detail", partnership_id=refused.pk), headers=ENGLISH
    )
    assertContains(page, "its documents are not shared with the centre")
    assertNotContains(page, str(card.pk))


def test_another_centres_staff_gets_404_on_this_centres_partner_documents(world, client_for):
    submission = _sent(world)
    card = final_card(world.organisation)
    client = client_for(world.b_director)
    for centre in (world.a, world.b):
        for name, kwargs in (
            ("partner_card", {"card_id": card.pk}),
            ("partner_portfolio", {"portfolio_id": submission.portfolio_id}),
            ("portfolio_acknowledge", {"submission_id": submission.pk}),
        ):
            target = url(centre, name, **kwargs)
            assert client.get(target).status_code == 404, target
            assert client.post(target, {"note": "x"}).status_code == 404, target
    submission.refresh_from_db()
    assert submission.acknowledged_at is None


def test_reading_the_references_contacts_is_logged(world, client_for):
    submission = _sent(world)
    client_for(world.kipus).get(
        url(world.a, "partner_portfolio", portfolio_id=submission.portfolio_id)
    )
    assert AccessLogEntry.objects.filter(
        actor=world.kipus, centre=world.a, subject_id=str(submission.portfolio_id)
    ).exists()


# --- the centre: portfolios received and acknowledged -------------------------------------------


def test_the_received_list_shows_those_waiting_first(world, client_for):
    first = _sent(world)
    services.submission_acknowledge(submission=first, by=world.ous, note="Dziękujemy.")
    other = registered(world.a, name="Fundacja Wytchnienie", nip="", krs="", regon="")
    portfolio = final_portfolio(other.organisation)
    services.portfolio_send(portfolio=portfolio, by=None, centres=[world.a])
    page = client_for(world.front_desk).get(url(world.a, "portfolio_received"), headers=ENGLISH)
    content = page.content.decode()
    assert content.index("Fundacja Wytchnienie") < content.index(world.organisation.name)
    assertContains(page, "Dziękujemy.")
    assertNotContains(page, "Acknowledge the portfolio of")  # the front desk may not


def test_the_received_list_filters_and_searches(world, client_for):
    submission = _sent(world)
    other = registered(world.a, name="Fundacja Dowozy", nip="", krs="", regon="")
    portfolio = services.portfolio_start(organisation=other.organisation, by=None)
    transport_b(portfolio)
    services.portfolio_finalise(portfolio=portfolio, by=None)
    services.portfolio_send(portfolio=portfolio, by=None, centres=[world.a])
    services.submission_acknowledge(submission=submission, by=world.ous)
    client = client_for(world.ous)
    target = url(world.a, "portfolio_received")
    page = client.get(target + "?service_type=respite_care", headers=HTMX)
    assertContains(page, world.organisation.name)
    assertNotContains(page, "Fundacja Dowozy")
    assert b"<html" not in page.content  # the fragment only
    page = client.get(target + "?acknowledged=no", headers=HTMX)
    assertContains(page, "Fundacja Dowozy")
    assertNotContains(page, world.organisation.name)
    page = client.get(target + "?q=dowozy", headers=HTMX)
    assertContains(page, "Fundacja Dowozy")
    page = client.get(target + "?q=zzz", headers=HTMX)
    assertContains(page, "No portfolio matches these filters.")
    assert client.get(target + "?service_type=magic").status_code == 200


def test_the_received_list_is_empty_with_a_hint(world, client_for):
    page = client_for(world.ous).get(url(world.a, "portfolio_received"), headers=ENGLISH)
    assertContains(page, "No organisation has sent the centre its portfolio yet.")


def test_the_received_list_exports_csv(world, client_for):
    _sent(world)
    response = client_for(world.ous).get(url(world.a, "portfolio_received_csv"), headers=ENGLISH)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0].startswith("Organisation;Version;Sent on")
    assert world.organisation.name in body


def test_the_received_list_costs_the_same_queries_whatever_its_size(world, client_for):
    client = client_for(world.ous)
    _sent(world)
    target = url(world.a, "portfolio_received")
    client.get(target)
    with CaptureQueriesContext(connection) as few:
        client.get(target)
    for n in range(6):
        other = registered(world.a, name=f"Stowarzyszenie {n}", nip="", krs="", regon="")
        portfolio = services.portfolio_start(organisation=other.organisation, by=None)
        respite_care(portfolio)
        transport_b(portfolio)
        services.portfolio_finalise(portfolio=portfolio, by=None)
        (submission,) = services.portfolio_send(portfolio=portfolio, by=None, centres=[world.a])
        if n % 2:
            services.submission_acknowledge(submission=submission, by=world.ous, note="ok")
    with CaptureQueriesContext(connection) as many:
        client.get(target)
    assert len(many) == len(few)


@pytest.mark.parametrize("role", ["ous", "director"])
def test_the_ous_or_the_director_acknowledges_and_the_organisation_sees_it(world, client_for, role):
    submission = _sent(world)
    client = client_for(getattr(world, role))
    target = url(world.a, "portfolio_acknowledge", submission_id=submission.pk)
    assertContains(client.get(target, headers=ENGLISH), "Yes, acknowledge")
    response = client.post(target, {"note": "Zapraszamy na warsztat 15 stycznia."})
    assertRedirects(response, url(world.a, "portfolio_received"))
    submission.refresh_from_db()
    assert submission.acknowledged_by == getattr(world, role)
    page = client_for(world.provider).get(org_url(world.organisation, "portfolio"), headers=ENGLISH)
    assertContains(page, "Zapraszamy na warsztat 15 stycznia.")


def test_acknowledging_twice_is_refused_with_a_message(world, client_for):
    submission = _sent(world)
    services.submission_acknowledge(submission=submission, by=world.ous, note="Pierwsza")
    client = client_for(world.director)
    target = url(world.a, "portfolio_acknowledge", submission_id=submission.pk)
    assertContains(client.get(target, headers=ENGLISH), "Already acknowledged on")
    response = client.post(target, {"note": "Druga"}, headers=ENGLISH, follow=True)
    assertContains(response, "This portfolio was already acknowledged on")
    submission.refresh_from_db()
    assert submission.note == "Pierwsza" and submission.acknowledged_by == world.ous


@pytest.mark.parametrize("role", ["front_desk", "kipus", "osl"])
def test_other_centre_roles_may_read_but_not_acknowledge(world, client_for, role):
    submission = _sent(world)
    client = client_for(getattr(world, role))
    assert client.get(url(world.a, "portfolio_received")).status_code == 200
    target = url(world.a, "portfolio_acknowledge", submission_id=submission.pk)
    assert client.get(target).status_code == 403
    assert client.post(target, {"note": "x"}).status_code == 403
    submission.refresh_from_db()
    assert submission.acknowledged_at is None


# --- the public profile page --------------------------------------------------------------------


def _public(world, **portfolio_fields):
    _partner(world)
    services.organisation_update(
        organisation=world.organisation,
        by=None,
        areas=["social_assistance"],
        operating_gminas=[world.a.seat_gmina],
        email="biuro@partner.example",
        phone="68 111 22 33",
    )
    services.leader_appoint(
        organisation=world.organisation,
        by=None,
        first_name="Ewa",
        last_name="Liderka",
        role="prezes",
        phone="+48 600 999 888",
        email="ewa.liderka@prywatna.example",
    )
    return final_portfolio(world.organisation, **portfolio_fields)


def test_everyone_reads_the_public_page_without_the_leaders_own_contacts(world, client):
    _public(world)
    page = client.get(public_url(world.organisation), headers=ENGLISH)
    assert page.status_code == 200
    for expected in (
        world.organisation.name,
        "Association",
        "social assistance",
        world.a.seat_gmina.name,
        "biuro@partner.example",
        "68 111 22 33",
        "CUS Alfa",
        "Specjalizujemy się w opiece wytchnieniowej.",
        "Respite care (short breaks for carers)",
        "Opieka wytchnieniowa 2025",
        "OPS w Świebodzinie",
    ):
        assertContains(page, expected)
    for hidden in ("Ewa", "Liderka", "600 999 888", "ewa.liderka", "Jan Kierownik"):
        assertNotContains(page, hidden)


def test_a_portfolio_not_chosen_for_the_public_page_stays_off_it(world, client):
    _public(world, is_public=False)
    page = client.get(public_url(world.organisation), headers=ENGLISH)
    assertContains(page, world.organisation.name)
    assertNotContains(page, "Opieka wytchnieniowa 2025")


def test_a_draft_is_not_on_the_public_page(world, client):
    _partner(world)
    services.portfolio_save(
        portfolio=services.portfolio_start(organisation=world.organisation, by=None),
        by=None,
        introduction="Tajny szkic",
        is_public=True,
    )
    assertNotContains(client.get(public_url(world.organisation)), "Tajny szkic")


def test_an_organisation_no_centre_has_verified_has_no_public_page(world, client):
    _partner(world, verify=False)
    assert client.get(public_url(world.organisation)).status_code == 404
    assert client.get(public_url(world.other_organisation)).status_code == 404
    assert (
        client.get(reverse("organisations:profile", kwargs={"profile_slug": "nie-ma"})).status_code
        == 404
    )


def test_the_profile_page_links_to_the_public_page_once_verified(world, client_for):
    client = client_for(world.provider)
    page = client.get(org_url(world.organisation, "profile"), headers=ENGLISH)
    assertNotContains(page, public_url(world.organisation))
    assertContains(page, "The public profile page appears once a centre has verified")
    _partner(world)
    page = client.get(org_url(world.organisation, "profile"), headers=ENGLISH)
    assertContains(page, public_url(world.organisation))


def test_the_public_page_loads_with_a_fixed_number_of_queries(world, client):
    portfolio = _public(world)
    target = public_url(world.organisation)
    client.get(target)
    with CaptureQueriesContext(connection) as few:
        client.get(target)
    draft = services.portfolio_start(organisation=world.organisation, by=None)
    for _ in range(4):
        respite_care(draft)
        transport_b(draft)
    services.portfolio_finalise(portfolio=draft, by=None)
    services.partnership_verify(
        partnership=services.partnership_request(
            organisation=world.organisation, centre=world.b, by=None
        ),
        by=None,
    )
    with CaptureQueriesContext(connection) as many:
        page = client.get(target, headers=ENGLISH)
    assertContains(page, "CUS Beta")
    assert portfolio.version == 1
    assert len(many) == len(few) <= 10


def test_the_ous_sees_what_changed_in_a_new_portfolio_version(world, client_for):
    _partner(world)
    first = final_portfolio(world.organisation)
    second = services.portfolio_start(organisation=world.organisation, by=None)
    (respite,) = second.specialisations.all()
    services.specialisation_update(specialisation=respite, by=None, capacity="30 rodzin")
    second = services.portfolio_finalise(portfolio=second, by=None)
    client = client_for(world.ous)
    page = client.get(url(world.a, "partner_portfolio", portfolio_id=second.pk))
    assertContains(page, "Co się zmieniło od wersji 1")
    assertContains(page, "<del>12 rodzin miesięcznie</del> → <ins>30 rodzin</ins>", html=False)
    page = client.get(url(world.a, "partner_portfolio", portfolio_id=first.pk))
    assertContains(page, "To pierwsza wersja.")
