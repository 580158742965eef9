"""The pages: who may do what, another centre's and another organisation's 404s, the journey
from a draft to a signed contract, exports, the scorecard PDF, complaints and surveys."""

import datetime as dt
import io
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from opencus.audit.models import AccessLogEntry
from opencus.catalogue.models import Service
from opencus.contracts import services
from opencus.contracts.enums import ContractStatus
from opencus.contracts.models import Complaint, Contract, SurveyResponse
from opencus.contracts.tests.conftest import days
from opencus.contracts.tests.fixtures import draft_contract, signed_contract, verified_partner
from opencus.enrolments import services as enrolments
from opencus.enrolments.tests.fixtures import meals_service
from opencus.people import services as people
from opencus.providers.tests.factories import OrganisationFactory
from opencus.referrals.tests.fixtures import to_provider
from opencus.residents.models import ResidentLink

ENGLISH = {"Accept-Language": "en"}
TODAY = timezone.localdate


def url(world, name, **kwargs):
    return reverse(f"centre:{name}", kwargs={"centre_slug": world.a.slug, **kwargs})


def org_url(world, name, **kwargs):
    return reverse(
        f"organisation:{name}", kwargs={"organisation_slug": world.organisation.slug, **kwargs}
    )


@pytest.fixture
def signed(world, partner, meals):
    return signed_contract(
        world.a,
        world.organisation,
        by=world.ous,
        lines=[(meals, 1000, "27.50")],
        duties=[("Sprawozdanie miesięczne", "monthly", 10)],
        starts_on=days(-70),
        ends_on=days(200),
        signed_on=days(-70),
    )


# --- roles -----------------------------------------------------------------------------------


def test_the_front_desk_records_complaints_but_does_not_see_contracts(world, client_for, signed):
    client = client_for(world.front_desk)
    assert client.get(url(world, "contract_list")).status_code == 403
    assert client.get(url(world, "contract_detail", contract_id=signed.pk)).status_code == 403
    assert client.get(url(world, "complaint_list")).status_code == 200
    form = client.get(url(world, "complaint_create"), headers=ENGLISH)
    assertNotContains(form, 'name="contract"')  # contracts are not theirs to see
    response = client.post(
        url(world, "complaint_create"),
        {
            "received_on": TODAY().isoformat(),
            "channel": "in_person",
            "organisation": world.organisation.pk,
            "description": "Pani z opieki nie przyszła we wtorek.",
        },
        headers=ENGLISH,
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert complaint.created_by == world.front_desk
    assert complaint.answer_due_on == days(30)


def test_the_kipus_sees_contracts_but_cannot_sign_or_write(world, client_for, draft):
    client = client_for(world.kipus)
    page = client.get(url(world, "contract_detail", contract_id=draft.pk), headers=ENGLISH)
    assertContains(page, draft.title)
    assertNotContains(page, reverse("centre:contract_sign", args=[world.a.slug, draft.pk]))
    for name in ("contract_sign", "contract_edit", "contract_line_add", "contract_terminate"):
        assert client.get(url(world, name, contract_id=draft.pk)).status_code == 403
        assert client.post(url(world, name, contract_id=draft.pk)).status_code == 403
    assert client.get(url(world, "contract_create")).status_code == 403


def test_another_centre_gets_404(world, client_for, signed):
    client = client_for(world.b_director)
    kwargs = {"centre_slug": world.b.slug, "contract_id": signed.pk}
    assert client.get(reverse("centre:contract_detail", kwargs=kwargs)).status_code == 404
    assert client.get(reverse("centre:contract_monitoring", kwargs=kwargs)).status_code == 404


# --- from a draft to a signed contract -------------------------------------------------------


def test_the_ous_makes_a_contract_and_signing_shows_the_provider_in_the_catalogue(
    world, client_for, partner, meals
):
    client = client_for(world.ous)
    response = client.post(
        url(world, "contract_create"),
        {
            "organisation": world.organisation.pk,
            "title": "Dowóz posiłków 2027",
            "kind": "entrusting",
            "starts_on": TODAY().isoformat(),
            "ends_on": days(180).isoformat(),
        },
        headers=ENGLISH,
    )
    contract = Contract.objects.get()
    assert response.status_code == 302
    client.post(
        url(world, "contract_line_add", contract_id=contract.pk),
        {"service": meals.pk, "units": "900", "unit_price": ""},  # the real value: 28 zł
        headers=ENGLISH,
    )
    contract.refresh_from_db()
    assert contract.total_value == Decimal("25200.00")
    confirm = client.get(url(world, "contract_sign", contract_id=contract.pk), headers=ENGLISH)
    assertContains(confirm, f"the provider becomes {world.organisation.name}")
    client.post(
        url(world, "contract_sign", contract_id=contract.pk),
        {"signed_on": TODAY().isoformat()},
        headers=ENGLISH,
    )
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED
    catalogue = client.get(url(world, "service_detail", service_id=meals.pk), headers=ENGLISH)
    assertContains(catalogue, world.organisation.name)
    public = client.get(reverse("portal:service", args=[meals.pk]), headers=ENGLISH)
    assertContains(public, world.organisation.name)
    page = client.get(url(world, "contract_detail", contract_id=contract.pk), headers=ENGLISH)
    assertContains(page, "signed (in execution)")  # the history shows the step


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(
    world, client_for, partner, draft
):
    client = client_for(world.ous)
    response = client.post(
        url(world, "contract_create"),
        {
            "organisation": world.organisation.pk,
            "title": "Zła umowa",
            "kind": "procurement",
            "starts_on": days(10).isoformat(),
            "ends_on": days(5).isoformat(),
            "own_contribution": "100",
        },
        headers=ENGLISH,
    )
    assertContains(response, str(services.MSG_ENDS_BEFORE_START))
    assertContains(response, "Only a grant agreement (powierzenie or wspieranie) records")
    response = client.post(
        url(world, "contract_line_add", contract_id=draft.pk),
        {"service": meals_service(world.a, name="Inne").pk, "units": "0", "unit_price": "-2"},
        headers=ENGLISH,
    )
    assertContains(response, str(services.MSG_UNITS_POSITIVE))
    assert Contract.objects.count() == 1
    assert draft.lines.count() == 1


def test_a_signed_contract_cannot_be_edited_through_its_pages(world, client_for, signed):
    client = client_for(world.ous)
    line = signed.lines.get()
    for target in (
        url(world, "contract_edit", contract_id=signed.pk),
        url(world, "contract_line_add", contract_id=signed.pk),
        url(world, "contract_line_remove", line_id=line.pk),
    ):
        response = client.post(target, {"units": "1", "unit_price": "1"})
        assert response.status_code == 302
    assert signed.lines.get().units == Decimal(1000)


def test_signing_refused_for_an_overlap_says_why(world, client_for, partner, meals):
    other = OrganisationFactory(name="Spółdzielnia Smak")
    signed_contract(world.a, other, lines=[(meals, 10, 20)], starts_on=days(-5), ends_on=days(50))
    draft = draft_contract(
        world.a, world.organisation, lines=[(meals, 10, 20)], starts_on=days(1), ends_on=days(9)
    )
    response = client_for(world.director).post(
        url(world, "contract_sign", contract_id=draft.pk),
        {"signed_on": TODAY().isoformat()},
        headers=ENGLISH,
    )
    assertContains(response, "is already contracted to Spółdzielnia Smak")


def test_terminating_needs_a_reason_and_says_the_provider_stays(world, client_for, signed):
    client = client_for(world.director)
    target = url(world, "contract_terminate", contract_id=signed.pk)
    response = client.post(target, {"terminated_on": TODAY().isoformat()}, headers=ENGLISH)
    assert response.status_code == 200
    client.post(
        target,
        {"terminated_on": TODAY().isoformat(), "reason": "Wypowiedzenie za porozumieniem."},
        headers=ENGLISH,
    )
    page = client.get(url(world, "contract_detail", contract_id=signed.pk), headers=ENGLISH)
    assertContains(page, "keep")
    assertContains(page, "until the OUS changes it there")


# --- monitoring, lists and exports -----------------------------------------------------------


def test_the_monitoring_page_shows_contracted_and_delivered(world, client_for, quarter):
    page = client_for(world.kipus).get(
        url(world, "contract_monitoring", contract_id=quarter.pk), headers=ENGLISH
    )
    assertContains(page, "575.00")  # spent: 23 meals × 25 zł
    assertNotContains(page, "No deliveries yet")


def test_a_contract_without_deliveries_says_so_on_its_monitoring(world, client_for, draft):
    page = client_for(world.ous).get(
        url(world, "contract_monitoring", contract_id=draft.pk), headers=ENGLISH
    )
    assertContains(page, "No deliveries yet")


def test_monitoring_and_list_pages_cost_the_same_at_two_sizes(
    world, client_for, quarter, partner, django_assert_max_num_queries
):
    client = client_for(world.ous)
    monitoring = url(world, "contract_monitoring", contract_id=quarter.pk)
    listing = url(world, "contract_list")
    with django_assert_max_num_queries(16):
        client.get(monitoring)
    with django_assert_max_num_queries(14):
        client.get(listing)
    maria = quarter.lines.get().service.enrolments.get(person__first_name="Maria")
    y = quarter.starts_on.year
    for day in range(4, 30):
        enrolments.delivery_record(
            enrolment=maria, by=world.ous, delivered_on=dt.date(y, 3, day), units=Decimal(1)
        )
    for n in range(6):
        draft_contract(world.a, world.organisation, title=f"Umowa {n}", lines=[])
    with django_assert_max_num_queries(16):
        client.get(monitoring)
    with django_assert_max_num_queries(14):
        client.get(listing)


def test_the_xlsx_has_the_list_with_totals_and_a_sheet_per_contract(world, client_for, quarter):
    response = client_for(world.ous).get(url(world, "contract_list_xlsx"), headers=ENGLISH)
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Contracts", f"Contract {quarter.number.replace('/', '-')}"]
    rows = list(book["Contracts"].iter_rows(values_only=True))
    assert rows[0][0] == "Number"
    assert rows[1][0] == quarter.number
    assert rows[1][9] == 575  # spent
    assert rows[-1][0] == "Total" and rows[-1][7] == float(quarter.total_value)
    sheet = list(book.worksheets[1].iter_rows(values_only=True))
    january = next(r for r in sheet if r[0] == f"{quarter.starts_on.year}-01" and r[1])
    assert january[3:9] == (31, 31, 10, 1, 25, 250)


def test_the_monitoring_xlsx_of_one_contract(world, client_for, quarter):
    response = client_for(world.kipus).get(
        url(world, "contract_monitoring_xlsx", contract_id=quarter.pk)
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 1


# --- the scorecard ---------------------------------------------------------------------------


def test_the_scorecard_and_its_pdf(world, client_for, quarter, tmp_path):
    partnership = verified_partner(world.a, world.organisation)
    services.complaint_record(
        centre=world.a,
        by=world.ous,
        received_on=TODAY(),
        channel="phone",
        contract=quarter,
        description="Spóźnienie.",
    )
    client = client_for(world.ous)
    page = client.get(
        url(world, "partner_scorecard", partnership_id=partnership.pk), headers=ENGLISH
    )
    assertContains(page, "Provider scorecard")
    assertContains(page, "575.00")
    partner_page = client.get(url(world, "partner_detail", partnership_id=partnership.pk))
    assertContains(partner_page, url(world, "partner_scorecard", partnership_id=partnership.pk))
    response = client.get(url(world, "partner_scorecard_pdf", partnership_id=partnership.pk))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "karta.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    image = Image.open(png).convert("L")
    width, height = image.size
    assert abs(height / width - 297 / 210) < 0.02  # an A4 page
    assert image.getextrema()[0] < 128  # not blank: there is dark ink on it
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Karta wyników realizatora" in text
    assert world.organisation.name in text
    assert "575,00" in text or "575.00" in text


def test_the_front_desk_sees_no_scorecard_link_nor_page(world, client_for, partner):
    client = client_for(world.front_desk)
    page = client.get(url(world, "partner_detail", partnership_id=partner.pk))
    assertNotContains(page, "scorecard")
    assert client.get(url(world, "partner_scorecard", partnership_id=partner.pk)).status_code == 403


# --- complaints ------------------------------------------------------------------------------


@pytest.fixture
def halina(world):
    return people.person_create(
        centre=world.a,
        by=None,
        first_name="Halina",
        last_name="Skarżąca",
        birth_date=dt.date(1944, 3, 2),
    )


def test_a_complaint_page_logs_who_read_the_complainant(world, client_for, partner, halina):
    complaint = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=days(-40),
        channel="letter",
        organisation=world.organisation,
        person=halina,
        description="Opis.",
    )
    client = client_for(world.ous)
    listing = client.get(url(world, "complaint_list"), {"overdue": "on"}, headers=ENGLISH)
    assertContains(listing, "overdue")
    assertContains(listing, "Skarżąca")
    client.get(url(world, "complaint_detail", complaint_id=complaint.pk))
    assert AccessLogEntry.objects.filter(
        actor=world.ous, subject_id=str(halina.pk), fields="complaint: who complained"
    ).exists()


def test_the_provider_sees_the_complaint_without_the_person_and_explains(
    world, client_for, signed, halina
):
    complaint = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=TODAY(),
        channel="phone",
        contract=signed,
        person=halina,
        complainant="Córka, tel. 600 100 200",
        description="Zupa była zimna.",
    )
    client = client_for(world.provider)
    page = client.get(
        org_url(world, "complaint_detail", complaint_id=complaint.pk), headers=ENGLISH
    )
    assertContains(page, "Zupa była zimna.")
    assertNotContains(page, "Skarżąca")
    assertNotContains(page, "600 100 200")
    client.post(
        org_url(world, "complaint_detail", complaint_id=complaint.pk),
        {"explanation": "Awaria termosu; wymieniony."},
    )
    complaint.refresh_from_db()
    assert complaint.provider_explanation == "Awaria termosu; wymieniony."


def test_answering_a_complaint_through_the_pages(world, client_for, partner):
    complaint = services.complaint_record(
        centre=world.a,
        by=world.front_desk,
        received_on=TODAY(),
        channel="phone",
        organisation=world.organisation,
        description="Opis.",
    )
    client = client_for(world.ous)
    bad = client.post(
        url(world, "complaint_answer", complaint_id=complaint.pk),
        {"answer": "", "answered_on": TODAY().isoformat()},
        headers=ENGLISH,
    )
    assert bad.status_code == 200
    client.post(
        url(world, "complaint_answer", complaint_id=complaint.pk),
        {"answer": "Przeprosiliśmy.", "answered_on": TODAY().isoformat(), "upheld": "yes"},
    )
    client.post(url(world, "complaint_close", complaint_id=complaint.pk))
    complaint.refresh_from_db()
    assert (complaint.status, complaint.upheld) == ("closed", True)


# --- the organisation's portal ---------------------------------------------------------------


def test_the_organisation_sees_its_contract_and_the_referrals_that_come_with_it(
    world, client_for, signed, meals
):
    meals.refresh_from_db()
    referral = to_provider(world.a, world.organisation, service=meals, shared_fields=["phone"])
    before = to_provider(world.a, world.organisation, request="Inna usługa.")
    client = client_for(world.provider)
    listing = client.get(org_url(world, "contract_list"), headers=ENGLISH)
    assertContains(listing, signed.title)
    page = client.get(org_url(world, "contract_detail", contract_id=signed.pk), headers=ENGLISH)
    assertContains(page, "Referrals that come with the contract")
    assertContains(page, referral.shared_name)
    assertContains(page, org_url(world, "referral_detail", referral_id=referral.pk))
    assertNotContains(page, org_url(world, "referral_detail", referral_id=before.pk))
    assert (
        client.get(org_url(world, "contract_monitoring", contract_id=signed.pk)).status_code == 200
    )


def test_another_organisations_contract_and_a_draft_are_404(world, client_for, partner, meals):
    other = OrganisationFactory()
    theirs = signed_contract(world.a, other, lines=[(meals, 10, 20)])
    draft = draft_contract(world.a, world.organisation, lines=[])
    client = client_for(world.provider)
    assert client.get(org_url(world, "contract_detail", contract_id=theirs.pk)).status_code == 404
    assert client.get(org_url(world, "contract_detail", contract_id=draft.pk)).status_code == 404


def test_the_organisation_submits_a_report_and_the_ous_accepts_it(world, client_for, signed):
    report = signed.reports.filter(period_end__lt=TODAY()).order_by("due_on").first()
    provider = client_for(world.provider)
    provider.post(
        org_url(world, "contract_report", report_id=report.pk),
        {"summary": "Wydano 380 obiadów.", "participants": "19", "amount_spent": "10450.00"},
    )
    report.refresh_from_db()
    assert report.status == "submitted"
    ous = client_for(world.ous)
    ous.post(url(world, "contract_report", report_id=report.pk), {"decision": "accept"})
    report.refresh_from_db()
    assert report.status == "accepted"


# --- surveys ---------------------------------------------------------------------------------


@pytest.fixture
def served(world, signed, halina):
    enrolment = enrolments.enrolment_create(
        person=halina,
        service=Service.objects.get(pk=signed.lines.get().service_id),
        by=world.kipus,
        starts_on=days(-5),
        units_per_period=Decimal(5),
        period="week",
    )
    enrolments.delivery_record(
        enrolment=enrolment, by=world.provider, delivered_on=days(-1), units=Decimal(1)
    )
    return enrolment


ANSWERS = {"helpful": "5", "respectful": "5", "reliable": "4", "overall": "5", "comment": "Dobre."}


def test_a_resident_rates_a_service_once_from_my_matters(world, client, served, halina):
    from opencus.accounts.tests.factories import UserFactory

    resident = UserFactory(email="halina@example.com")
    ResidentLink.objects.create(user=resident, person=halina, role="self")
    client.force_login(resident)
    home = client.get(reverse("residents:home"), headers=ENGLISH)
    target = reverse("contracts:survey_answer", args=[served.pk])
    assertContains(home, target)
    assert client.post(target, ANSWERS).status_code == 302
    answer = SurveyResponse.objects.get()
    assert (answer.channel, answer.overall, answer.organisation) == (
        "online",
        5,
        world.organisation,
    )
    again = client.get(target, headers=ENGLISH)
    assertContains(again, "already been rated")
    client.post(target, ANSWERS)
    assert SurveyResponse.objects.count() == 1
    home = client.get(reverse("residents:home"), headers=ENGLISH)
    assertContains(home, "Thank you for rating this service.")


def test_someone_elses_service_cannot_be_rated(world, client, served):
    from opencus.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    target = reverse("contracts:survey_answer", args=[served.pk])
    assert client.get(target).status_code == 404
    assert client.post(target, ANSWERS).status_code == 404


def test_the_resident_survey_page_has_a_fixed_cost(
    world, client, served, halina, django_assert_max_num_queries
):
    from opencus.accounts.tests.factories import UserFactory

    resident = UserFactory()
    ResidentLink.objects.create(user=resident, person=halina, role="self")
    client.force_login(resident)
    with django_assert_max_num_queries(12):
        client.get(reverse("contracts:survey_answer", args=[served.pk]))


def test_the_desk_records_a_paper_survey(world, client_for, served):
    client = client_for(world.front_desk)
    found = client.get(url(world, "survey_search"), {"q": "Skarżąca"}, headers=ENGLISH)
    assertContains(found, url(world, "survey_record", enrolment_id=served.pk))
    client.post(
        url(world, "survey_record", enrolment_id=served.pk),
        ANSWERS | {"answered_on": TODAY().isoformat()},
    )
    assert SurveyResponse.objects.get().channel == "paper"
    listing = client.get(url(world, "survey_list"), headers=ENGLISH)
    assertContains(listing, "Dobre.")


# --- inspections -------------------------------------------------------------------------------


def _inspection(world, contract):
    return services.inspection_record(
        contract=contract,
        by=world.ous,
        inspected_on=days(-3),
        inspector="Anna Kontrola",
        scope="Temperatura posiłków.",
        findings="Posiłki zbyt chłodne.",
        rating="remarks",
    )


def test_an_inspection_is_corrected_with_its_history(world, client_for, signed):
    from auditlog.models import LogEntry

    inspection = _inspection(world, signed)
    client = client_for(world.kipus)
    edit = url(world, "inspection_edit", contract_id=signed.pk, inspection_id=inspection.pk)
    assertContains(client.get(url(world, "contract_detail", contract_id=signed.pk)), edit)
    page = client.get(edit)
    assertContains(page, "Posiłki zbyt chłodne.")
    fields = {
        "inspected_on": days(-3).isoformat(),
        "inspector": "Anna Kontrola, OUS",
        "scope": "Temperatura posiłków.",
        "findings": "Posiłki zbyt chłodne w dwóch z pięciu dostaw.",
        "recommendations": "Termosy w samochodzie.",
        "rating": "remarks",
        "follow_up_on": days(-4).isoformat(),  # before the inspection: refused
    }
    response = client.post(edit, fields)
    assert response.status_code == 200
    assertContains(response, str(services.MSG_FOLLOW_UP_BEFORE))
    inspection.refresh_from_db()
    assert inspection.findings == "Posiłki zbyt chłodne."  # nothing half-saved
    response = client.post(edit, fields | {"follow_up_on": days(20).isoformat()})
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.findings == "Posiłki zbyt chłodne w dwóch z pięciu dostaw."
    assert inspection.follow_up_on == days(20)
    change = LogEntry.objects.get_for_object(inspection).latest("timestamp")
    assert change.action == LogEntry.Action.UPDATE and change.actor == world.kipus
    assert change.changes_dict["findings"][0] == "Posiłki zbyt chłodne."


def test_who_may_not_record_inspections_may_not_correct_them(world, client_for, signed):
    inspection = _inspection(world, signed)
    edit = url(world, "inspection_edit", contract_id=signed.pk, inspection_id=inspection.pk)
    client = client_for(world.osl)
    assert client.get(edit).status_code in (403, 404)
    assert client.post(edit, {"findings": "x"}).status_code in (403, 404)
    inspection.refresh_from_db()
    assert inspection.findings == "Posiłki zbyt chłodne."
    other = client_for(world.b_director)
    kwargs = {"centre_slug": world.b.slug, "contract_id": signed.pk, "inspection_id": inspection.pk}
    assert other.get(reverse("centre:inspection_edit", kwargs=kwargs)).status_code == 404
