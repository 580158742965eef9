"""Public territory pages and the centre's own pages for its staff."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from opencus.territory import services, validators
from opencus.territory.enums import CentreStatus, CreationMode, GminaKind, PowiatKind
from opencus.territory.models import Centre
from opencus.territory.tests.factories import (
    AgreementFactory,
    BoundaryFactory,
    CentreFactory,
    GminaFactory,
    PowiatFactory,
    VoivodeshipFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
ENGLISH = {"Accept-Language": "en"}  # view messages are translated when made
STATUSES = list(CentreStatus)

# Queries of each public list page, whatever the amount of data (checked at 1× and 10×).
MAX_QUERIES_VOIVODESHIP_LIST = 1
MAX_QUERIES_VOIVODESHIP_DETAIL = 4
MAX_QUERIES_CENTRE_LIST = 3


def build_territory(scale: int):
    """``2 × scale`` voivodeships, each with a powiat of 3 gminas and a centre serving 2 of them.

    Voivodeship 02 also gets ``2 × scale`` more powiats of 3 gminas, so its gmina list grows too.
    """
    for i in range(2 * scale):
        voivodeship = VoivodeshipFactory(code=f"{2 * i + 2:02d}", name=f"województwo {i}")
        powiat = PowiatFactory(voivodeship=voivodeship, code=f"{voivodeship.code}01")
        gminas = GminaFactory.create_batch(3, powiat=powiat)
        CentreFactory(
            seat_gmina=gminas[0],
            served=gminas[:2],
            creation_mode=CreationMode.INTERMUNICIPAL_AGREEMENT,
            status=STATUSES[i % len(STATUSES)],
        )
        if voivodeship.code == "02":
            for j in range(2 * scale):
                GminaFactory.create_batch(
                    3, powiat=PowiatFactory(voivodeship=voivodeship, code=f"02{j + 2:02d}")
                )


@pytest.fixture
def lubuskie():
    """Voivodeship 08 with a rural gmina, an urban-rural gmina and the city of Zielona Góra."""
    voivodeship = VoivodeshipFactory(code="08", name="lubuskie")
    zielonogorski = PowiatFactory(voivodeship=voivodeship, code="0809", name="zielonogórski")
    city_powiat = PowiatFactory(
        voivodeship=voivodeship, code="0862", name="Zielona Góra", kind=PowiatKind.CITY
    )
    return {
        "voivodeship": voivodeship,
        "bojadla": GminaFactory(
            powiat=zielonogorski, code="0809022", name="Bojadła", kind=GminaKind.RURAL
        ),
        "sulechow": GminaFactory(
            powiat=zielonogorski, code="0809063", name="Sulechów", kind=GminaKind.URBAN_RURAL
        ),
        "zielona_gora": GminaFactory(
            powiat=city_powiat,
            code="0862011",
            name="Zielona Góra",
            kind=GminaKind.URBAN,
            population=139_330,
        ),
    }


def names_on_page(response) -> list[str]:
    return [obj.name for obj in response.context["page"].object_list]


# --- public pages: content ----------------------------------------------------------------


def test_voivodeship_list_shows_counts_to_anonymous(client, lubuskie):
    CentreFactory(seat_gmina=lubuskie["sulechow"], status=CentreStatus.OPERATING)
    CentreFactory(seat_gmina=lubuskie["bojadla"], status=CentreStatus.PLANNED)
    response = client.get(reverse("territory:voivodeship_list"))
    assert response.status_code == 200
    (row,) = response.context["voivodeships"]
    assert (row.name, row.n_powiats, row.n_gminas, row.n_centres) == ("lubuskie", 2, 3, 1)
    assertContains(response, reverse("territory:voivodeship_detail", args=["08"]))


def test_voivodeship_list_says_when_register_is_empty(client, db):
    response = client.get(reverse("territory:voivodeship_list"))
    assert response.status_code == 200
    assertContains(response, "import_teryt")


def test_voivodeship_detail_lists_its_gminas_and_powiats(client, lubuskie):
    other = GminaFactory(
        powiat=PowiatFactory(voivodeship=VoivodeshipFactory(code="30"), code="3001")
    )
    response = client.get(reverse("territory:voivodeship_detail", args=["08"]))
    assert response.status_code == 200
    assert names_on_page(response) == ["Bojadła", "Sulechów", "Zielona Góra"]
    assert other.name not in names_on_page(response)
    assert [p.code for p in response.context["powiats"]] == ["0862", "0809"]  # by name
    assertContains(response, "<html")
    assertContains(response, 'id="gmina-table"')


def test_voivodeship_detail_of_unknown_code_is_404(client, db):
    assert client.get(reverse("territory:voivodeship_detail", args=["99"])).status_code == 404


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("sulech", ["Sulechów"]),
        ("ZIELONA", ["Zielona Góra"]),
        ("  Bojadła ", ["Bojadła"]),
        ("08090", ["Bojadła", "Sulechów"]),
        ("Gubin", []),
    ],
    ids=["name-part", "case", "spaces", "code-prefix", "no-match"],
)
def test_gmina_search_by_name_or_code(client, lubuskie, q, expected):
    response = client.get(reverse("territory:voivodeship_detail", args=["08"]), {"q": q})
    assert names_on_page(response) == expected


def test_gmina_search_without_a_match_says_so(client, lubuskie):
    response = client.get(reverse("territory:voivodeship_detail", args=["08"]), {"q": "Gubin"})
    assertContains(response, 'id="gmina-table"')
    assertNotContains(response, "<tbody>")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (GminaKind.URBAN, ["Zielona Góra"]),
        (GminaKind.RURAL, ["Bojadła"]),
        (GminaKind.URBAN_RURAL, ["Sulechów"]),
    ],
)
def test_gmina_kind_filter(client, lubuskie, kind, expected):
    response = client.get(reverse("territory:voivodeship_detail", args=["08"]), {"kind": kind})
    assert names_on_page(response) == expected


@pytest.mark.parametrize("params", [{"kind": "4"}, {"q": "x" * 101}])
def test_bad_gmina_filter_is_ignored(client, lubuskie, params):
    response = client.get(reverse("territory:voivodeship_detail", args=["08"]), params)
    assert response.status_code == 200
    assert names_on_page(response) == ["Bojadła", "Sulechów", "Zielona Góra"]


def test_a_bad_filter_keeps_the_good_ones(client, lubuskie):
    response = client.get(
        reverse("territory:voivodeship_detail", args=["08"]), {"kind": "x", "q": "Bojadła"}
    )
    assert response.status_code == 200
    assert names_on_page(response) == ["Bojadła"]


def test_voivodeship_detail_htmx_request_gets_only_the_table(client, lubuskie):
    response = client.get(
        reverse("territory:voivodeship_detail", args=["08"]), {"q": "Sulech"}, **HTMX
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="gmina-table"')
    assert "<html" not in content
    assert "Sulechów" in content
    assert "Bojadła" not in content


def test_gmina_detail_shows_facts_boundary_and_centres(client, lubuskie):
    city = lubuskie["zielona_gora"]
    BoundaryFactory(code=city.code)
    centre = CentreFactory(name="CUS Zielona Góra", seat_gmina=city)
    response = client.get(reverse("territory:gmina_detail", args=[city.code]))
    assert response.status_code == 200
    assertContains(response, "0862011")
    assertContains(response, "139\xa0330")  # grouped in Polish with a no-break space
    assertContains(response, '<path d="M')
    assertContains(response, reverse("territory:centre_public", args=[centre.slug]))
    assert response.context["gmina"].has_powiat_rights


def test_gmina_detail_without_boundary_or_centre(client, lubuskie):
    response = client.get(reverse("territory:gmina_detail", args=["0809022"]))
    assert response.status_code == 200
    assert response.context["boundary"] is None
    assertNotContains(response, "<svg")
    assert list(response.context["centres"]) == []


def test_gmina_detail_of_unknown_code_is_404(client, db):
    assert client.get(reverse("territory:gmina_detail", args=["0809999"])).status_code == 404


def test_centre_list_shows_every_centre_to_anonymous(client, lubuskie):
    CentreFactory(name="CUS Sulechów", seat_gmina=lubuskie["sulechow"], is_demo=True)
    response = client.get(reverse("territory:centre_list"))
    assert response.status_code == 200
    (centre,) = response.context["page"].object_list
    assert centre.n_gminas == 1
    assertContains(response, "CUS Sulechów")
    assertContains(response, reverse("territory:centre_public", args=[centre.slug]))


@pytest.fixture
def three_centres(lubuskie):
    mazowieckie = VoivodeshipFactory(code="14", name="mazowieckie")
    warszawa = GminaFactory(
        powiat=PowiatFactory(voivodeship=mazowieckie, code="1465", kind=PowiatKind.CAPITAL),
        code="1465011",
        name="Warszawa",
        kind=GminaKind.URBAN,
    )
    CentreFactory(name="CUS Sulechów", seat_gmina=lubuskie["sulechow"], status="operating")
    CentreFactory(
        name="CUS Zielona Góra", seat_gmina=lubuskie["zielona_gora"], status="planned", city="ZG"
    )
    CentreFactory(name="CUS Warszawa-Wola", seat_gmina=warszawa, status="operating")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "operating"}, ["CUS Sulechów", "CUS Warszawa-Wola"]),
        ({"status": "planned"}, ["CUS Zielona Góra"]),
        ({"status": "closed"}, []),
        ({"voivodeship": "08"}, ["CUS Sulechów", "CUS Zielona Góra"]),
        ({"voivodeship": "14", "status": "operating"}, ["CUS Warszawa-Wola"]),
        ({"q": "wola"}, ["CUS Warszawa-Wola"]),
        ({"q": "Sulechów"}, ["CUS Sulechów"]),
        ({"q": "Warszawa"}, ["CUS Warszawa-Wola"]),  # seat gmina name
        ({"q": "ZG"}, ["CUS Zielona Góra"]),  # city of the address
    ],
)
def test_centre_list_filters(client, three_centres, params, expected):
    response = client.get(reverse("territory:centre_list"), params)
    assert names_on_page(response) == expected


@pytest.mark.parametrize(
    "params",
    [{"status": "open"}, {"voivodeship": "99"}, {"voivodeship": "lubuskie"}, {"q": "x" * 101}],
    ids=["status", "voivodeship-code", "voivodeship-name", "long-query"],
)
def test_bad_centre_filter_is_ignored(client, three_centres, params):
    response = client.get(reverse("territory:centre_list"), params)
    assert response.status_code == 200
    assert len(names_on_page(response)) == 3


def test_centre_list_htmx_request_gets_only_the_table(client, three_centres):
    response = client.get(reverse("territory:centre_list"), {"status": "planned"}, **HTMX)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="centre-table"')
    assert "<html" not in content
    assert "CUS Zielona Góra" in content
    assert "CUS Sulechów" not in content


def test_too_large_page_number_gives_the_last_page(client, three_centres, settings):
    settings.PAGE_SIZE = 2
    response = client.get(reverse("territory:centre_list"), {"page": "999"})
    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert names_on_page(response) == ["CUS Zielona Góra"]


@pytest.mark.parametrize("number", ["abc", "-1", "0", "1.5"])
def test_bad_page_number_is_not_an_error(client, three_centres, settings, number):
    settings.PAGE_SIZE = 2
    response = client.get(reverse("territory:centre_list"), {"page": number})
    assert response.status_code == 200
    assert response.context["page"].number in (1, 2)


def test_pagination_keeps_the_filters(client, lubuskie, settings):
    settings.PAGE_SIZE = 1
    response = client.get(
        reverse("territory:voivodeship_detail", args=["08"]), {"kind": "1", "q": "o"}
    )
    assert response.context["querystring"] == "kind=1&q=o"
    response = client.get(
        reverse("territory:voivodeship_detail", args=["08"]), {"q": "", "page": 2}
    )
    assert names_on_page(response) == ["Sulechów"]
    assertContains(response, 'rel="next"')


def test_centre_public_page_shows_facts_and_history(client, lubuskie):
    centre = CentreFactory(
        name="CUS Sulechów",
        seat_gmina=lubuskie["sulechow"],
        status=CentreStatus.OPERATING,
        status_since=dt.date(2025, 1, 1),
        nip="8567346215",
    )
    response = client.get(reverse("territory:centre_public", args=[centre.slug]))
    assert response.status_code == 200
    assertContains(response, "CUS Sulechów")
    assertContains(response, "8567346215")
    assertContains(response, "2025-01-01")
    assert [c.status for c in response.context["history"]] == [CentreStatus.OPERATING]


def test_centre_public_page_of_unknown_slug_is_404(client, db):
    assert client.get(reverse("territory:centre_public", args=["nie-ma"])).status_code == 404


# --- public pages: queries do not grow with the data ---------------------------------------


@pytest.mark.parametrize("scale", [1, 10])
def test_voivodeship_list_queries_are_bounded(client, django_assert_max_num_queries, scale):
    build_territory(scale)
    with django_assert_max_num_queries(MAX_QUERIES_VOIVODESHIP_LIST):
        response = client.get(reverse("territory:voivodeship_list"))
    assert len(response.context["voivodeships"]) == 2 * scale


@pytest.mark.parametrize("scale", [1, 10])
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_voivodeship_detail_queries_are_bounded(client, django_assert_max_num_queries, scale, htmx):
    build_territory(scale)
    with django_assert_max_num_queries(MAX_QUERIES_VOIVODESHIP_DETAIL):
        response = client.get(
            reverse("territory:voivodeship_detail", args=["02"]), **(HTMX if htmx else {})
        )
    assert response.context["page"].paginator.count == 3 + 6 * scale


@pytest.mark.parametrize("scale", [1, 10])
@pytest.mark.parametrize("params", [{}, {"status": "operating", "voivodeship": "02", "q": "CUS"}])
def test_centre_list_queries_are_bounded(client, django_assert_max_num_queries, scale, params):
    build_territory(scale)
    with django_assert_max_num_queries(MAX_QUERIES_CENTRE_LIST):
        response = client.get(reverse("territory:centre_list"), params)
    assert response.status_code == 200
    if not params:
        assert response.context["page"].paginator.count == 2 * scale


# --- centre staff pages --------------------------------------------------------------------

ROLES = ["front_desk", "ous", "kipus", "osl", "director"]
NOT_DIRECTOR = ["front_desk", "ous", "kipus", "osl"]


def centre_url(world, name: str) -> str:
    return reverse(f"centre:{name}", kwargs={"centre_slug": world.a.slug})


def details_form_data(centre: Centre, **changes) -> dict:
    data = {
        "name": centre.name,
        "street": centre.street,
        "postal_code": centre.postal_code,
        "city": centre.city,
        "phone": centre.phone,
        "email": centre.email,
        "website": centre.website,
        "regon": centre.regon,
        "nip": centre.nip,
        "predecessor_ops": centre.predecessor_ops,
        "performs_social_assistance": "on" if centre.performs_social_assistance else "",
        "planned_opening_on": "",
    }
    return data | changes


@pytest.mark.parametrize("role", ROLES)
def test_every_centre_role_sees_the_centre_page(world, client_for, role):
    response = client_for(getattr(world, role)).get(centre_url(world, "detail"))
    assert response.status_code == 200
    assert response.context["centre"] == world.a
    assertContains(response, "CUS Alfa")
    can_change = role == "director"
    assert response.context["can_change"] is can_change
    assert response.context["can_change_status"] is can_change
    assert (centre_url(world, "edit") in response.content.decode()) is can_change


def test_centre_page_shows_agreements_and_population(world, client_for):
    seat = world.a.seat_gmina
    AgreementFactory(title="Porozumienie o usługach", lead_gmina=seat)
    AgreementFactory(title="Cudze porozumienie")
    response = client_for(world.kipus).get(centre_url(world, "detail"))
    assert [a.title for a in response.context["agreements"]] == ["Porozumienie o usługach"]
    assert response.context["population"] == seat.population
    assert response.context["population_unknown"] == 0


@pytest.mark.parametrize("role", NOT_DIRECTOR)
def test_only_the_director_may_open_edit_and_status_pages(world, client_for, role):
    client = client_for(getattr(world, role))
    for name in ("edit", "status"):
        assert client.get(centre_url(world, name)).status_code == 403, name
        data = {"name": "Przejęte", "status": "closed", "effective_on": "2025-06-30"}
        assert client.post(centre_url(world, name), data).status_code == 403, name
    world.a.refresh_from_db()
    assert (world.a.name, world.a.status) == ("CUS Alfa", CentreStatus.OPERATING)


def test_director_opens_edit_and_status_pages(world, client_for):
    client = client_for(world.director)
    for name in ("edit", "status"):
        response = client.get(centre_url(world, name))
        assert response.status_code == 200, name
        assertContains(response, '<form method="post"')


def test_director_edits_centre_details(world, client_for):
    client = client_for(world.director)
    LogEntry.objects.all().delete()
    data = details_form_data(
        world.a,
        name="CUS Alfa w Gubinie",
        street="ul. Piastowska 24",
        postal_code="66-620",
        city="Gubin",
        nip="856-734-62-15",
    )
    response = client.post(centre_url(world, "edit"), data, follow=True, headers=ENGLISH)
    assertRedirects(response, centre_url(world, "detail"))
    assert [str(m) for m in response.context["messages"]] == ["The centre's details were saved."]
    world.a.refresh_from_db()
    assert (world.a.name, world.a.postal_code, world.a.nip) == (
        "CUS Alfa w Gubinie",
        "66-620",
        "8567346215",  # dashes dropped
    )
    (entry,) = LogEntry.objects.get_for_object(world.a)
    assert entry.actor == world.director
    assert entry.additional_data == {"centre": str(world.a.pk)}
    assert entry.changes_dict["name"] == ["CUS Alfa", "CUS Alfa w Gubinie"]


@pytest.mark.parametrize(
    ("nip", "regon"),
    [
        ("856-734-62-15", "123-456-785"),
        ("PL 856 734 62 15", "123 456 785"),
        ("8567346215", "123456785"),
    ],
)
def test_director_may_type_nip_and_regon_with_dashes_or_spaces(world, client_for, nip, regon):
    data = details_form_data(world.a, nip=nip, regon=regon)
    response = client_for(world.director).post(centre_url(world, "edit"), data)
    assertRedirects(response, centre_url(world, "detail"))
    world.a.refresh_from_db()
    assert (world.a.nip, world.a.regon) == ("8567346215", "123456785")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nip", "8567346216", validators.MSG_BAD_NIP),
        ("nip", "856-734-62-16", validators.MSG_BAD_NIP),
        ("regon", "123456786", validators.MSG_BAD_REGON),
        ("postal_code", "66620", validators.MSG_BAD_POSTAL_CODE),
    ],
)
def test_director_edit_with_invalid_value_shows_error_next_to_field(
    world, client_for, field, value, message
):
    client = client_for(world.director)
    LogEntry.objects.all().delete()
    response = client.post(
        centre_url(world, "edit"), details_form_data(world.a, name="Nie zapisane", **{field: value})
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assertContains(
        response, f'<ul class="errorlist" id="id_{field}_error"><li>{escape(message)}</li>'
    )
    assertContains(response, f'aria-describedby="id_{field}_helptext id_{field}_error"')
    world.a.refresh_from_db()
    assert world.a.name == "CUS Alfa"
    assert not LogEntry.objects.exists()


def test_director_records_a_status_change(world, client_for):
    client = client_for(world.director)
    data = {"status": "closed", "effective_on": "2025-06-30", "note": "Uchwała nr XII/34/2025"}
    response = client.post(centre_url(world, "status"), data, follow=True, headers=ENGLISH)
    assertRedirects(response, centre_url(world, "detail"))
    assert [str(m) for m in response.context["messages"]] == ["The new status was recorded."]
    world.a.refresh_from_db()
    assert (world.a.status, world.a.status_since) == (CentreStatus.CLOSED, dt.date(2025, 6, 30))
    change = world.a.status_changes.get(status=CentreStatus.CLOSED)
    assert (change.note, change.recorded_by) == ("Uchwała nr XII/34/2025", world.director)
    assertContains(response, "Uchwała nr XII/34/2025")  # in the history table


def _post_status(world, client_for, **data):
    return client_for(world.director).post(centre_url(world, "status"), data)


def test_status_change_in_the_future_shows_error_next_to_the_date(world, client_for):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = _post_status(world, client_for, status="closed", effective_on=tomorrow.isoformat())
    assert response.status_code == 200
    message = str(services.MSG_STATUS_DATE_FUTURE)
    assert response.context["form"].errors == {"effective_on": [message]}
    assertContains(response, f'id="id_effective_on_error"><li>{escape(message)}</li>')
    world.a.refresh_from_db()
    assert world.a.status == CentreStatus.OPERATING


def test_status_change_backwards_shows_error_next_to_the_status(world, client_for):
    response = _post_status(world, client_for, status="planned", effective_on="2025-06-30")
    assert response.status_code == 200
    message = services.MSG_STATUS_NOT_ALLOWED % {
        "current": CentreStatus.OPERATING.label,
        "new": CentreStatus.PLANNED.label,
    }
    assert response.context["form"].errors == {"status": [message]}
    assertContains(response, 'id="id_status_error"')
    world.a.refresh_from_db()
    assert world.a.status == CentreStatus.OPERATING


def test_status_change_before_the_current_status_date_shows_error(world, client_for):
    response = _post_status(world, client_for, status="closed", effective_on="2024-12-31")
    message = services.MSG_STATUS_DATE_BEFORE % {"date": "2025-01-01"}
    assert response.context["form"].errors == {"effective_on": [message]}


def test_status_change_without_a_date_is_refused_by_the_form(world, client_for):
    response = _post_status(world, client_for, status="closed", effective_on="")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["effective_on"]
    assert world.a.status_changes.count() == 1
