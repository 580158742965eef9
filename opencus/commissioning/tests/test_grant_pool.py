"""Art. 19a ust. 8: small grants of a year take at most a share (20%) of the grants the gmina
plans for public tasks of NGOs. The pool of each year is recorded by the OUS or the director;
an award beyond the share, or in a year without a pool, is refused with the numbers."""

from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from opencus.commissioning import selectors, services
from opencus.commissioning.enums import Mode
from opencus.commissioning.models import GrantPool
from opencus.commissioning.tests.fixtures import (
    accept_and_score,
    award_offer,
    awarded_call,
    grant_pool,
    in_evaluation,
    published_call,
    ready_to_award,
    submitted_offer,
)
from opencus.providers.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


def errors(exc, field=NON_FIELD_ERRORS) -> list[str]:
    return [str(m) for m in exc.value.message_dict.get(field, [])]


def test_no_small_grant_without_the_years_pool(world):
    call, offer = ready_to_award(world.a)
    GrantPool.objects.filter(centre=world.a).delete()
    with pytest.raises(ValidationError) as exc:
        award_offer(call, offer, by=world.ous)
    assert errors(exc) == [
        f"Record first the grants the gmina plans for public tasks of NGOs in {YEAR} "
        "(Commissioning → Grant pools): small grants (art. 19a) of the year may take at most "
        "20% of them."
    ]
    offer.refresh_from_db()
    assert offer.status == "accepted"  # nothing half-saved


def test_small_grants_stay_within_20_percent_of_the_pool(world):
    grant_pool(world.a).delete()
    grant_pool(world.a, amount=Decimal("50000"))  # 10 000 zł for small grants
    first_call, first = ready_to_award(world.a)  # 8 000 zł
    award_offer(first_call, first, by=world.ous)
    call, offer = ready_to_award(world.a, units=Decimal("60"))  # 60 h × 40 zł = 2 400 zł
    with pytest.raises(ValidationError) as exc:
        award_offer(call, offer, by=world.ous)
    assert errors(exc) == [
        f"Small grants (art. 19a) of {YEAR} would reach 10,400.00 zł, more than 20% of the "
        "50,000.00 zł the gmina plans for public tasks of NGOs (10,000.00 zł). Already "
        "awarded: 8,000.00 zł."
    ]
    smaller_call, smaller = ready_to_award(world.a, units=Decimal("50"))  # 2 000 zł: fits
    assert award_offer(smaller_call, smaller, by=world.ous).status == "awarded"
    assert services.small_grants_awarded(world.a, YEAR) == Decimal("10000")


def test_the_share_is_a_setting(world, settings):
    grant_pool(world.a).delete()
    grant_pool(world.a, amount=Decimal("50000"))
    settings.COMMISSIONING = {"SMALL_GRANT_MAX_POOL_SHARE": Decimal("0.10")}  # 5 000 zł
    call, offer = ready_to_award(world.a)
    with pytest.raises(ValidationError) as exc:
        award_offer(call, offer, by=world.ous)
    assert "more than 10% of the 50,000.00 zł" in errors(exc)[0]


def test_open_competitions_do_not_count_against_the_pool(world):
    grant_pool(world.a).delete()
    grant_pool(world.a, amount=Decimal("40000"))  # 8 000 zł for small grants
    competition = published_call(world.a, mode=Mode.OPEN_COMPETITION)
    offer = submitted_offer(competition, OrganisationFactory())
    competition = in_evaluation(competition)
    award_offer(competition, accept_and_score(offer), by=world.ous)  # 8 000 zł in a competition
    assert services.small_grants_awarded(world.a, YEAR) == Decimal("0")
    call, small = ready_to_award(world.a)  # the whole share, 8 000 zł
    assert award_offer(call, small, by=world.ous).status == "awarded"


def test_the_cap_never_rounds_above_the_share(world, settings):
    assert GrantPool(amount=Decimal("100000.04")).small_grant_cap == Decimal("20000.00")
    settings.COMMISSIONING = {"SMALL_GRANT_MAX_POOL_SHARE": Decimal("0.125")}
    assert services.pool_share() == "12.5"
    assert GrantPool(amount=Decimal("1000")).small_grant_cap == Decimal("125.00")


def test_another_centres_awards_do_not_count(world):
    awarded_call(world.b, world.other_organisation)
    assert services.small_grants_awarded(world.a, YEAR) == Decimal("0")
    assert services.small_grants_awarded(world.b, YEAR) == Decimal("8000")


@pytest.mark.parametrize(
    ("year", "amount", "field", "message"),
    [
        (YEAR - 6, Decimal("1"), "year", f"Enter a budget year from {YEAR - 5} to {YEAR + 1}."),
        (YEAR + 2, Decimal("1"), "year", f"Enter a budget year from {YEAR - 5} to {YEAR + 1}."),
        (None, Decimal("1"), "year", f"Enter a budget year from {YEAR - 5} to {YEAR + 1}."),
        (YEAR, Decimal("0"), "amount", "Enter the grants planned, more than 0 zł."),
        (YEAR, None, "amount", "Enter the grants planned, more than 0 zł."),
    ],
)
def test_a_pool_needs_a_year_in_range_and_an_amount(world, year, amount, field, message):
    with pytest.raises(ValidationError) as exc:
        services.grant_pool_set(centre=world.a, year=year, amount=amount, by=world.ous)
    assert errors(exc, field) == [message]
    assert not GrantPool.objects.filter(centre=world.a).exists()


def test_a_pool_cannot_fall_below_what_the_years_small_grants_need(world):
    awarded_call(world.a, world.organisation)  # 8 000 zł: needs a pool of 40 000 zł
    with pytest.raises(ValidationError) as exc:
        services.grant_pool_set(centre=world.a, year=YEAR, amount=Decimal("39999"), by=world.ous)
    assert errors(exc, "amount") == [
        f"Small grants of {YEAR} already amount to 8,000.00 zł: for them to stay within 20%, "
        "the grants planned must be at least 40,000.00 zł."
    ]
    pool = services.grant_pool_set(
        centre=world.a, year=YEAR, amount=Decimal("40000"), source="Uchwała", by=world.ous
    )
    assert (pool.amount, pool.small_grant_cap, pool.updated_by) == (
        Decimal("40000"),
        Decimal("8000.00"),
        world.ous,
    )


def test_a_pool_is_recorded_once_per_year_and_corrected_with_history(world):
    first = services.grant_pool_set(
        centre=world.a, year=YEAR + 1, amount=Decimal("500000"), source="Projekt", by=world.ous
    )
    again = services.grant_pool_set(
        centre=world.a, year=YEAR + 1, amount=Decimal("550000"), source="Uchwała", by=world.director
    )
    assert again.pk == first.pk
    assert GrantPool.objects.filter(centre=world.a, year=YEAR + 1).count() == 1
    changes = LogEntry.objects.get_for_object(again).order_by("timestamp")
    assert [entry.action for entry in changes] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert changes.last().actor == world.director


def test_the_pool_list_counts_each_years_small_grants(world, django_assert_num_queries):
    awarded_call(world.a, world.organisation)
    grant_pool(world.a, year=YEAR - 1, amount=Decimal("200000"))
    with django_assert_num_queries(2):
        rows = selectors.grant_pools(centre=world.a)
    assert [(r["year"], r["awarded"], r["left"]) for r in rows] == [
        (YEAR, Decimal("8000"), Decimal("192000.00")),
        (YEAR - 1, Decimal("0"), Decimal("40000.00")),
    ]


# --- pages ----------------------------------------------------------------------------------


def pools_url(centre, name="grant_pools"):
    return reverse(f"centre:{name}", kwargs={"centre_slug": centre.slug})


def test_every_centre_role_reads_the_pools_and_only_ous_and_director_record(world, client):
    grant_pool(world.a, amount=Decimal("300000"))
    client.force_login(world.front_desk)
    response = client.get(pools_url(world.a))
    assertContains(response, "300")
    assertNotContains(response, pools_url(world.a, "grant_pool_set"))
    assert client.get(pools_url(world.a, "grant_pool_set")).status_code == 403
    assert client.post(pools_url(world.a, "grant_pool_set"), {}).status_code == 403
    client.force_login(world.ous)
    assertContains(client.get(pools_url(world.a)), pools_url(world.a, "grant_pool_set"))


def test_the_ous_records_a_pool_and_sees_why_a_bad_one_is_refused(world, client):
    client.force_login(world.ous)
    url = pools_url(world.a, "grant_pool_set")
    response = client.post(url, {"year": YEAR, "amount": "-5", "source": "Uchwała"})
    assert response.status_code == 200
    assertContains(response, "więcej niż 0 zł")  # the service's message, in Polish
    response = client.post(url, {"year": "dwa tysiące", "amount": "abc"})
    assert response.status_code == 200
    assert not GrantPool.objects.filter(centre=world.a).exists()
    response = client.post(url, {"year": YEAR, "amount": "450000.00", "source": "Uchwała XII/3"})
    assert response.status_code == 302 and response["Location"] == pools_url(world.a)
    pool = GrantPool.objects.get(centre=world.a, year=YEAR)
    assert pool.amount == Decimal("450000") and pool.source == "Uchwała XII/3"
    assertContains(client.get(f"{url}?year={YEAR}"), 'value="Uchwała XII/3"')


def test_the_award_page_shows_what_is_left_of_the_share(world, client):
    call, _offer = ready_to_award(world.a)
    client.force_login(world.ous)
    url = reverse("centre:call_award", kwargs={"centre_slug": world.a.slug, "call_id": call.pk})
    # 20% of 1 000 000 zł, nothing awarded yet
    assertContains(client.get(url), "przyznano 0,00 zł, pozostało 200\xa0000,00 zł")
    GrantPool.objects.filter(centre=world.a).delete()
    page = client.get(url)
    assertContains(page, f"Nie wpisano dotacji planowanych na zadania publiczne w {YEAR} r.")
    assertContains(page, pools_url(world.a))


def test_the_pools_page_costs_the_same_queries_for_one_year_and_six(world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.ous)
    grant_pool(world.a, amount=Decimal("500000"))
    client.get(pools_url(world.a))  # warm the session and the caches
    with CaptureQueriesContext(connection) as one_year:
        client.get(pools_url(world.a))
    for back in range(1, 6):  # recorded by someone: the page names who
        services.grant_pool_set(
            centre=world.a, year=YEAR - back, amount=Decimal("400000"), by=world.director
        )
    awarded_call(world.a, world.organisation)
    with CaptureQueriesContext(connection) as six_years:
        page = client.get(pools_url(world.a))
    assert len(page.context["rows"]) == 6
    assert len(six_years) == len(one_year)
