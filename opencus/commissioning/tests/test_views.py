"""The commissioning pages: the centre's partner search and calls, the provider portal, the
public pages; who may do what (403 for a centre role without the permission, 404 for another
organisation); fixed numbers of queries at two data sizes."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.accounts.roles import Role
from opencus.accounts.tests.factories import MembershipFactory
from opencus.audit.models import AccessLogEntry
from opencus.commissioning import services
from opencus.commissioning.enums import CallStatus, FormalResult, Mode, OfferStatus
from opencus.commissioning.models import Call, Offer, OfferComment
from opencus.commissioning.tests.fixtures import (
    accept_and_score,
    awarded_call,
    draft_call,
    draft_offer,
    end_comment_window,
    in_evaluation,
    pass_deadline,
    portfolio_of,
    published_call,
    submitted_offer,
    works_with,
)
from opencus.providers.enums import LegalForm
from opencus.providers.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ENGLISH = {"Accept-Language": "en"}
HTMX = {"HX-Request": "true", **ENGLISH}


def url(world, name, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": world.a.slug, **kwargs})


def org_url(organisation, name, **kwargs):
    return reverse(
        f"organisation:{name}", kwargs={"organisation_slug": organisation.slug, **kwargs}
    )


def call_form(world, **overrides) -> dict:
    start = timezone.localdate() + dt.timedelta(days=40)
    return {
        "title": "Opieka wytchnieniowa",
        "mode": "small_grant",
        "task_form": "entrusting",
        "procurement_kind": "",
        "service_type": "respite_care",
        "area": "disability",
        "gminas": [world.a.seat_gmina.pk],
        "terms": "200 godzin opieki wytchnieniowej.",
        "eligibility": "",
        "social_clauses": "",
        "budget": "9000",
        "task_starts_on": start.isoformat(),
        "task_ends_on": (start + dt.timedelta(days=60)).isoformat(),
        "offers_deadline": (timezone.localtime() + dt.timedelta(days=10)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "criteria-TOTAL_FORMS": "2",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "20",
        "criteria-0-name": "Jakość",
        "criteria-0-description": "Opis działań.",
        "criteria-0-max_points": "60",
        "criteria-1-name": "",
        "criteria-1-description": "",
        "criteria-1-max_points": "",
    } | overrides


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["front_desk", "kipus", "osl", "ous", "director"])
def test_every_role_of_the_centre_reads_the_calls(world, client_for, role):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    client = client_for(getattr(world, role))
    for page in (
        url(world, "call_list"),
        url(world, "call_detail", call_id=call.pk),
        url(world, "call_evaluation", call_id=call.pk),
        url(world, "offer_detail", call_id=call.pk, offer_id=offer.pk),
    ):
        assert client.get(page).status_code == 200, page


WRITES = [
    "call_edit",
    "call_publish",
    "call_notice",
    "call_close",
    "call_cancel",
    "call_assign",
    "call_award",
    "call_results",
]


@pytest.mark.parametrize("role", ["front_desk", "kipus", "osl"])
def test_front_desk_kipus_and_osl_get_403_on_every_write(world, client_for, role):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    client = client_for(getattr(world, role))
    pages = [url(world, "call_create"), url(world, "partner_invite")]
    pages += [url(world, name, call_id=call.pk) for name in WRITES]
    pages += [
        url(world, name, call_id=call.pk, offer_id=offer.pk)
        for name in ("offer_check", "offer_score")
    ]
    for page in pages:
        assert client.get(page).status_code == 403, page
        assert client.post(page, {"reason": "x", "text": "x"}).status_code == 403, page
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED


@pytest.mark.parametrize(("role", "status"), [("front_desk", 403), ("osl", 403), ("kipus", 200)])
def test_the_partner_search_is_for_the_ous_kipus_and_director(world, client_for, role, status):
    response = client_for(getattr(world, role)).get(url(world, "partner_search"))
    assert response.status_code == status


def test_provider_staff_of_another_organisation_gets_404_on_an_offer(world, client_for):
    call = published_call(world.a)
    offer = submitted_offer(call, world.other_organisation)
    client = client_for(world.provider)
    for name in ("offer_detail", "offer_submit", "offer_withdraw"):
        assert client.get(org_url(world.organisation, name, offer_id=offer.pk)).status_code == 404
        assert client.post(org_url(world.organisation, name, offer_id=offer.pk)).status_code == 404
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED


def test_another_centres_staff_get_404_on_the_call_and_offer(world, client_for):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    client = client_for(world.b_director)
    b = {"centre_slug": world.b.slug}
    assert (
        client.get(reverse("centre:call_detail", kwargs=b | {"call_id": call.pk})).status_code
        == 404
    )
    page = reverse("centre:offer_detail", kwargs=b | {"call_id": call.pk, "offer_id": offer.pk})
    assert client.get(page).status_code == 404
    assertNotContains(client.get(reverse("centre:call_list", kwargs=b)), call.title)


# --- the partner search ---------------------------------------------------------------------


def test_the_partner_search_shows_scores_reasons_and_links(world, client_for):
    works_with(world.organisation, world.a)
    portfolio_of(
        world.organisation, {"kind": "ready", "service_type": "respite_care", "area": "disability"}
    )
    response = client_for(world.ous).get(
        url(world, "partner_search"),
        {"service_type": "respite_care", "gmina": world.a.seat_gmina.pk},
        headers=ENGLISH,
    )
    assertContains(response, world.organisation.name)
    assertContains(response, "kind (a), ready now: respite care (short breaks for carers)")
    assertContains(response, "verified partner of this centre")
    assertContains(response, "score 50")
    assertContains(response, "Invite to a call")
    assertContains(response, "Start a call for this service")
    partnership = world.organisation.partnerships.get(centre=world.a)
    assertContains(response, url(world, "partner_detail", partnership_id=partnership.pk))


def test_the_search_starts_from_the_usual_area_of_the_service(world, client_for):
    response = client_for(world.ous).get(
        url(world, "partner_search"), {"service_type": "respite_care"}, headers=HTMX
    )
    assert response.context["search"].area == "disability"


def _bigger_registry(world, n: int):
    for i in range(n):
        organisation = OrganisationFactory(is_social_enterprise=i % 2 == 0)
        works_with(organisation, world.a)
        portfolio_of(
            organisation,
            {
                "kind": "ready" if i % 2 else "with_support",
                "experience": [(Decimal("1000"), timezone.localdate())],
            },
        )
        organisation.operating_gminas.add(world.a.seat_gmina)


def _queries(client, page, params, django_assert_max_num_queries, budget):
    client.get(page, params)  # warm the session and the caches up
    with django_assert_max_num_queries(budget) as captured:
        assert client.get(page, params).status_code == 200
    return len(captured.captured_queries)


def test_the_partner_search_has_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    client = client_for(world.ous)
    params = {"service_type": "respite_care", "gmina": world.a.seat_gmina.pk}
    _bigger_registry(world, 2)
    small = _queries(
        client, url(world, "partner_search"), params, django_assert_max_num_queries, 20
    )
    _bigger_registry(world, 30)
    big = _queries(
        client, url(world, "partner_search"), params, django_assert_max_num_queries, small
    )
    assert big == small


def test_the_call_list_evaluation_and_public_list_have_fixed_numbers_of_queries(
    world, client_for, django_assert_max_num_queries
):
    call = published_call(world.a)

    def grow(n):
        for _i in range(n):
            submitted_offer(call, OrganisationFactory())
            published_call(world.a)

    grow(1)
    client = client_for(world.ous)
    pages = [
        (url(world, "call_list"), {}),
        (url(world, "call_evaluation", call_id=call.pk), {}),
        (url(world, "call_detail", call_id=call.pk), {}),
    ]
    small = [_queries(client, p, q, django_assert_max_num_queries, 25) for p, q in pages]
    public_small = _queries(
        client, reverse("commissioning:call_list"), {}, django_assert_max_num_queries, 25
    )
    grow(8)
    assert [_queries(client, p, q, django_assert_max_num_queries, 25) for p, q in pages] == small
    assert (
        _queries(client, reverse("commissioning:call_list"), {}, django_assert_max_num_queries, 25)
        == public_small
    )


def test_the_portal_lists_have_fixed_numbers_of_queries(
    world, client_for, django_assert_max_num_queries
):
    works_with(world.organisation, world.a)

    def grow(n):
        for _i in range(n):
            submitted_offer(published_call(world.a), world.organisation)

    grow(1)
    client = client_for(world.provider)
    pages = [org_url(world.organisation, "call_list"), org_url(world.organisation, "offer_list")]
    small = [_queries(client, p, {}, django_assert_max_num_queries, 20) for p in pages]
    grow(8)
    assert [_queries(client, p, {}, django_assert_max_num_queries, 20) for p in pages] == small


# --- calls ----------------------------------------------------------------------------------


def test_the_ous_drafts_a_call_with_its_criteria(world, client_for):
    response = client_for(world.ous).post(url(world, "call_create"), call_form(world))
    call = Call.objects.get()
    assertRedirects(response, url(world, "call_detail", call_id=call.pk))
    assert [(c.name, c.max_points) for c in call.criteria.all()] == [("Jakość", 60)]
    assert list(call.gminas.all()) == [world.a.seat_gmina]


def test_the_call_form_shows_the_rule_that_fails(world, client_for):
    response = client_for(world.ous).post(
        url(world, "call_create"),
        call_form(world, mode="open_competition", task_form="", **{"criteria-0-max_points": ""}),
        headers=ENGLISH,
    )
    assert response.status_code == 200
    assertContains(response, "Give the maximum points of the criterion.")
    assert not Call.objects.exists()
    response = client_for(world.ous).post(
        url(world, "call_create"),
        call_form(world, mode="open_competition", task_form=""),
        headers=ENGLISH,
    )
    assertContains(response, str(services.MSG_TASK_FORM_REQUIRED))


def test_the_form_starts_from_the_partner_search(world, client_for):
    response = client_for(world.ous).get(
        url(world, "call_create"),
        {"service_type": "respite_care", "area": "disability", "gmina": world.a.seat_gmina.pk},
    )
    form = response.context["form"]
    assert form.initial["service_type"] == "respite_care"
    assert form.initial["gminas"] == [world.a.seat_gmina.pk]


def test_a_published_call_is_not_edited_but_gets_a_notice(world, client_for):
    call = published_call(world.a)
    client = client_for(world.ous)
    response = client.get(url(world, "call_edit", call_id=call.pk), headers=ENGLISH)
    assertRedirects(response, url(world, "call_detail", call_id=call.pk))
    response = client.post(url(world, "call_edit", call_id=call.pk), call_form(world, title="X"))
    call.refresh_from_db()
    assert call.title != "X"
    client.post(url(world, "call_notice", call_id=call.pk), {"text": "Zmiana adresu świetlicy."})
    response = client.get(reverse("commissioning:call_detail", kwargs={"call_id": call.pk}))
    assertContains(response, "Zmiana adresu świetlicy.")


def test_publish_asks_for_confirmation(world, client_for):
    call = draft_call(world.a)
    client = client_for(world.director)
    response = client.get(url(world, "call_publish", call_id=call.pk), headers=ENGLISH)
    assertContains(response, "Publish the call?")
    call.refresh_from_db()
    assert call.status == CallStatus.DRAFT
    client.post(url(world, "call_publish", call_id=call.pk))
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED


def test_the_call_page_shows_the_history_with_who(world, client_for):
    call = published_call(world.a, by=world.ous)
    response = client_for(world.kipus).get(
        url(world, "call_detail", call_id=call.pk), headers=ENGLISH
    )
    assertContains(response, f"Call {call.number} drafted.")
    assertContains(response, "Published; offers until")
    assertContains(response, world.ous.get_full_name())


def test_the_call_list_exports_csv(world, client_for):
    published_call(world.a, title="Opieka CSV")
    response = client_for(world.front_desk).get(url(world, "call_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "Opieka CSV" in b"".join(response.streaming_content).decode()


def test_the_call_list_filters_through_htmx(world, client_for):
    published_call(world.a, title="Opieka wytchnieniowa A")
    draft_call(world.a, title="Posiłki B", service_type="meals")
    response = client_for(world.ous).get(
        url(world, "call_list"), {"service_type": "meals"}, headers=HTMX
    )
    assertContains(response, "Posiłki B")
    assertNotContains(response, "Opieka wytchnieniowa A")
    assertNotContains(response, "<html")


def test_an_in_house_assignment_offers_only_gmina_units(world, client_for):
    unit = OrganisationFactory(name="Dzienny Dom Senior+", legal_form=LegalForm.GMINA_UNIT)
    call = draft_call(world.a, mode=Mode.IN_HOUSE)
    client = client_for(world.ous)
    response = client.get(url(world, "call_assign", call_id=call.pk))
    assert list(response.context["form"].fields["organisation"].queryset) == [unit]
    client.post(
        url(world, "call_assign", call_id=call.pk),
        {"organisation": unit.pk, "amount": "5000", "reason": "Uchwała rady gminy."},
    )
    call.refresh_from_db()
    assert call.status == CallStatus.AWARDED


# --- evaluation and award -------------------------------------------------------------------


def test_the_ous_checks_scores_and_awards_through_the_pages(world, client_for):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    client = client_for(world.ous)
    kwargs = {"call_id": call.pk, "offer_id": offer.pk}
    client.post(url(world, "offer_check", **kwargs), {"result": FormalResult.ACCEPT})
    quality, cost = call.criteria.order_by("position")
    response = client.post(
        url(world, "offer_score", **kwargs),
        {
            f"points_{quality.pk}": "45",
            f"reason_{quality.pk}": "Dobra.",
            f"points_{cost.pk}": "20",
            f"reason_{cost.pk}": "Rozsądna cena.",
        },
        headers=ENGLISH,
    )
    assertContains(response, "“Jakość i sposób realizacji” gives at most 40 points.")
    client.post(
        url(world, "offer_score", **kwargs),
        {
            f"points_{quality.pk}": "35",
            f"reason_{quality.pk}": "Dobra.",
            f"points_{cost.pk}": "20",
            f"reason_{cost.pk}": "Rozsądna cena.",
        },
    )
    response = client.post(
        url(world, "call_award", call_id=call.pk),
        {f"decision_{offer.pk}": "award", f"amount_{offer.pk}": "", f"reason_{offer.pk}": "55 pkt"},
        headers=ENGLISH,
    )
    assertContains(response, "is published for comments until")  # the 7 days are not over
    end_comment_window(offer)
    response = client.post(
        url(world, "call_award", call_id=call.pk),
        {f"decision_{offer.pk}": "award", f"amount_{offer.pk}": "", f"reason_{offer.pk}": "55 pkt"},
    )
    assertRedirects(response, url(world, "call_detail", call_id=call.pk))
    offer.refresh_from_db()
    assert offer.status == OfferStatus.AWARDED


def test_the_evaluation_page_shows_the_comments_and_logs_the_names(world, client_for):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    offer = services.offer_check(offer=offer, by=None, result=FormalResult.ACCEPT)
    services.comment_create(
        offer=offer, by=None, name="Maria Sąsiadka", comment="Znam ich, polecam."
    )
    response = client_for(world.ous).get(url(world, "call_evaluation", call_id=call.pk))
    assertContains(response, "Maria Sąsiadka")
    assert AccessLogEntry.objects.filter(fields__startswith="public comments").exists()


def _open_competition_awarded_to(world, organisations):
    """An open competition of centre a awarded to each of ``organisations`` (all partners)."""
    from opencus.commissioning.enums import Decision

    call = published_call(world.a, mode=Mode.OPEN_COMPETITION)
    offers = [submitted_offer(call, organisation) for organisation in organisations]
    in_evaluation(call)
    offers = [accept_and_score(offer) for offer in offers]
    services.call_award(
        call=call,
        by=world.director,
        decisions={
            o.pk: {"decision": Decision.AWARD, "amount": Decimal("1000"), "reason": "Dobra."}
            for o in offers
        },
    )
    return call, offers


def _contract_from(world, offer):
    from opencus.contracts import services as contracts

    call = offer.call
    return contracts.contract_create(
        centre=world.a,
        by=world.ous,
        organisation=offer.organisation,
        title=call.title,
        kind=call.task_form,
        starts_on=call.task_starts_on,
        ends_on=call.task_ends_on,
        offer=offer,
    )


def test_an_awarded_offer_leads_to_its_contract_on_the_calls_page(world, client_for):
    call, offer = awarded_call(world.a, world.organisation)
    prepare = url(world, "contract_create") + f"?offer={offer.pk}"
    page = url(world, "call_detail", call_id=call.pk)
    assertContains(client_for(world.ous).get(page, headers=ENGLISH), prepare)
    # The KIPUS reads the call and the contracts but does not write contracts; the front desk
    # sees neither link.
    assertNotContains(client_for(world.kipus).get(page), "?offer=")
    assertNotContains(client_for(world.front_desk).get(page), "/contracts/")
    contract = _contract_from(world, offer)
    detail = reverse("centre:contract_detail", args=[world.a.slug, contract.pk])
    for user in (world.ous, world.kipus):
        response = client_for(user).get(page, headers=ENGLISH)
        assertNotContains(response, prepare)
        assertContains(response, f'<a href="{detail}">Contract {contract.number}</a> (draft)')
    assertNotContains(client_for(world.front_desk).get(page), detail)


def test_the_calls_page_finds_the_contracts_in_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    client = client_for(world.ous)
    call, offers = _open_competition_awarded_to(world, [world.organisation])
    _contract_from(world, offers[0])
    small = _queries(
        client, url(world, "call_detail", call_id=call.pk), {}, django_assert_max_num_queries, 25
    )
    call, offers = _open_competition_awarded_to(
        world, [world.organisation, *(OrganisationFactory() for _i in range(4))]
    )
    for offer in offers[:3]:
        _contract_from(world, offer)
    response = client.get(url(world, "call_detail", call_id=call.pk))
    assert response.content.count(b"?offer=") == 2  # two awarded offers without a contract
    assert (
        _queries(
            client,
            url(world, "call_detail", call_id=call.pk),
            {},
            django_assert_max_num_queries,
            small,
        )
        == small
    )


def test_the_organisation_sees_its_contract_from_its_offer_once_signed(world, client_for):
    from opencus.contracts import services as contracts
    from opencus.enrolments.tests.fixtures import meals_service

    call, offer = awarded_call(world.a, world.organisation)
    services.call_publish_results(call=call, by=world.director)
    page = org_url(world.organisation, "offer_detail", offer_id=offer.pk)
    client = client_for(world.provider)
    assertContains(client.get(page, headers=ENGLISH), "The centre prepares the contract")
    contract = _contract_from(world, offer)
    contracts.contract_line_add(
        contract=contract,
        by=world.ous,
        service=meals_service(world.a),
        units=Decimal(100),
        unit_price=Decimal(40),
    )
    detail = org_url(world.organisation, "contract_detail", contract_id=contract.pk)
    assertNotContains(client.get(page), detail)  # a draft is the centre's own
    contracts.contract_sign(contract=contract, by=world.director, signed_on=timezone.localdate())
    assertContains(
        client.get(page, headers=ENGLISH), f'<a href="{detail}">Contract {contract.number}</a>'
    )


def test_the_evaluation_exports_csv(world, client_for):
    call, _offer = awarded_call(world.a, world.organisation)
    response = client_for(world.ous).get(url(world, "call_evaluation_csv", call_id=call.pk))
    text = b"".join(response.streaming_content).decode()
    assert world.organisation.name in text and "50" in text


# --- the provider portal --------------------------------------------------------------------


def test_the_organisation_writes_saves_and_submits_an_offer(world, client_for):
    works_with(world.organisation, world.a)
    call = published_call(world.a)
    client = client_for(world.provider)
    response = client.get(org_url(world.organisation, "call_list"), headers=ENGLISH)
    assertContains(response, call.title)
    response = client.post(
        org_url(world.organisation, "offer_edit", call_id=call.pk),
        {
            "summary": "Opieka dzienna dla 10 osób.",
            "delivery": "Świetlica, dwie opiekunki.",
            "unit": "hour",
            "units": "200",
            "unit_price": "40",
            "amount": "",
            "task_starts_on": call.task_starts_on.isoformat(),
            "task_ends_on": call.task_ends_on.isoformat(),
            "schedule": "",
            "staff": "",
        },
    )
    offer = Offer.objects.get()
    assertRedirects(response, org_url(world.organisation, "offer_detail", offer_id=offer.pk))
    assert offer.status == OfferStatus.DRAFT and offer.amount == Decimal("8000")
    response = client.get(
        org_url(world.organisation, "offer_submit", offer_id=offer.pk), headers=ENGLISH
    )
    assertContains(response, "Submit the offer to the centre?")
    client.post(org_url(world.organisation, "offer_submit", offer_id=offer.pk))
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED


def test_a_late_submission_shows_the_deadline_and_keeps_the_draft(world, client_for):
    call = published_call(world.a)
    offer = draft_offer(call, world.organisation)
    call = pass_deadline(call)
    client = client_for(world.provider)
    response = client.post(
        org_url(world.organisation, "offer_submit", offer_id=offer.pk), follow=True, headers=ENGLISH
    )
    deadline = timezone.localtime(call.offers_deadline).strftime("%Y-%m-%d %H:%M")
    assertContains(
        response, f"The deadline for offers passed on {deadline}; the offer has not been submitted."
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT


def test_the_portal_marks_calls_matching_the_portfolio_and_invitations(world, client_for):
    works_with(world.organisation, world.a)
    portfolio_of(world.organisation, {"service_type": "respite_care", "area": "disability"})
    world.organisation.operating_gminas.add(world.a.seat_gmina)
    published_call(world.a)
    response = client_for(world.provider).get(
        org_url(world.organisation, "call_list"), headers=ENGLISH
    )
    assertContains(response, "matches our portfolio")
    assertContains(response, "in our territory")


def test_the_portal_does_not_show_calls_of_centres_the_organisation_does_not_work_with(
    world, client_for
):
    call = published_call(world.b)
    client = client_for(world.provider)
    assertNotContains(client.get(org_url(world.organisation, "call_list")), call.title)
    assert (
        client.get(org_url(world.organisation, "call_detail", call_id=call.pk)).status_code == 404
    )


def test_the_organisation_sees_its_points_once_the_results_are_published(world, client_for):
    call, offer = awarded_call(world.a, world.organisation)
    client = client_for(world.provider)
    page = org_url(world.organisation, "offer_detail", offer_id=offer.pk)
    response = client.get(page, headers=ENGLISH)
    assertContains(response, "under evaluation")
    assertNotContains(response, "Uzasadnienie oceny.")
    services.call_publish_results(call=call, by=world.ous)
    response = client.get(page, headers=ENGLISH)
    assertContains(response, "Awarded: 8,000.00 zł.")
    assertContains(response, "Uzasadnienie oceny.")


def test_withdrawing_asks_for_confirmation(world, client_for):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    client = client_for(world.provider)
    page = org_url(world.organisation, "offer_withdraw", offer_id=offer.pk)
    assertContains(client.get(page, headers=ENGLISH), "Withdraw the offer?")
    client.post(page)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.WITHDRAWN


def test_a_second_provider_of_the_same_organisation_shares_the_offer(world, client_for):
    colleague = MembershipFactory(
        organisation=world.organisation, centre=None, role=Role.PROVIDER_STAFF
    ).user
    call = published_call(world.a)
    offer = draft_offer(call, world.organisation)
    response = client_for(colleague).get(
        org_url(world.organisation, "offer_detail", offer_id=offer.pk)
    )
    assert response.status_code == 200


# --- public pages ---------------------------------------------------------------------------


def test_public_pages_show_only_published_calls(world, client):
    draft = draft_call(world.a, title="Szkic niewidoczny")
    published = published_call(world.a, title="Ogłoszony nabór")
    response = client.get(reverse("commissioning:call_list"))
    assertContains(response, "Ogłoszony nabór")
    assertNotContains(response, "Szkic niewidoczny")
    assert (
        client.get(reverse("commissioning:call_detail", kwargs={"call_id": draft.pk})).status_code
        == 404
    )
    response = client.get(reverse("commissioning:call_detail", kwargs={"call_id": published.pk}))
    assertContains(response, "Jakość i sposób realizacji")
    assertContains(
        response,
        published.offers_deadline.astimezone(timezone.get_current_timezone()).strftime(
            "%Y-%m-%d %H:%M"
        ),
    )


def test_the_public_page_shows_the_results_once_published(world, client):
    call, _offer = awarded_call(world.a, world.organisation)
    page = reverse("commissioning:call_detail", kwargs={"call_id": call.pk})
    assertNotContains(client.get(page), "8 000,00 zł")
    services.call_publish_results(call=call, by=None)
    response = client.get(page)
    assertContains(response, world.organisation.name)
    assertContains(response, "8\xa0000,00 zł")
    assertContains(response, "50 / 70")


def test_anyone_comments_an_offer_during_its_publication(world, client):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    services.offer_check(offer=offer, by=None, result=FormalResult.ACCEPT)
    page = reverse("commissioning:call_detail", kwargs={"call_id": call.pk})
    comment = reverse("commissioning:call_comment", kwargs={"call_id": call.pk})
    response = client.get(page)
    assertContains(response, offer.summary)
    response = client.post(
        comment, {"offer": offer.pk, "name": "", "comment": "krótko"}, headers=ENGLISH
    )
    assert response.status_code == 200
    assertContains(response, "This field is required.")
    assert not OfferComment.objects.exists()
    response = client.post(
        comment,
        {"offer": offer.pk, "name": "Anna", "comment": "Świetlica jest za mała na 10 osób."},
    )
    assertRedirects(response, page)
    assert OfferComment.objects.get().name == "Anna"
    assertRedirects(client.get(comment), page)


def test_a_comment_after_the_window_is_refused(world, client):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    offer = end_comment_window(
        services.offer_check(offer=offer, by=None, result=FormalResult.ACCEPT)
    )
    response = client.post(
        reverse("commissioning:call_comment", kwargs={"call_id": call.pk}),
        {"offer": offer.pk, "name": "Anna", "comment": "Za późno, ale jednak piszę."},
        headers=ENGLISH,
        follow=True,
    )
    assertContains(response, str(services.MSG_COMMENTS_CLOSED))
    assert not OfferComment.objects.exists()


def test_accept_and_score_fixture_gives_50_points(world):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    in_evaluation(call)
    offer = accept_and_score(offer)
    assert sum(s.points for s in offer.scores.all()) == 50


def test_the_offer_form_is_for_a_call_open_for_offers(world, client_for):
    call = in_evaluation(published_call(world.a))
    works_with(world.organisation, world.a)
    response = client_for(world.provider).get(
        org_url(world.organisation, "offer_edit", call_id=call.pk), headers=ENGLISH
    )
    assertRedirects(response, org_url(world.organisation, "call_detail", call_id=call.pk))


def test_reading_an_offer_is_in_the_access_log(world, client_for):
    call = published_call(world.a)
    offer = submitted_offer(call, world.organisation)
    client_for(world.kipus).get(url(world, "offer_detail", call_id=call.pk, offer_id=offer.pk))
    assert AccessLogEntry.objects.filter(
        fields="offer: delivery, staff", actor=world.kipus
    ).exists()
