import io

import pytest
from django.core.management import call_command

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import Role
from opencus.territory.enums import CentreStatus
from opencus.territory.models import Centre, Gmina, InterMunicipalAgreement, Network


@pytest.mark.django_db
def test_lubuskie_tells_the_seeds_story(demo):
    lubuskie = Network.objects.get(slug="lubuska-siec-cus")
    centres = lubuskie.centres.all()
    assert centres.filter(status=CentreStatus.OPERATING).count() == 23
    assert centres.count() == 27
    assert not centres.filter(
        status_changes__status=CentreStatus.OPERATING, status_changes__effective_on__year=2024
    ).exists()
    named = {
        "Świebodzin",
        "Zbąszynek",
        "Trzciel",
        "Trzebiel",
        "Międzyrzecz",
        "Szprotawa",
        "Zielona Góra",
        "Czerwieńsk",
        "Sulechów",
    }
    assert named <= set(centres.values_list("seat_gmina__name", flat=True))
    assert not centres.filter(seat_gmina__name__in=named, is_demo=True).exists()
    assert centres.exclude(seat_gmina__name__in=named).filter(is_demo=False).count() == 0


@pytest.mark.django_db
def test_krosno_pilot_has_the_seven_gminas(demo):
    group = InterMunicipalAgreement.objects.get(kind="group")
    assert group.parties.count() == 7
    assert set(group.parties.values_list("powiat__name", flat=True)) == {"krośnieński"}
    pilot = InterMunicipalAgreement.objects.filter(lead_gmina__powiat__name="krośnieński")
    assert pilot.filter(kind="bilateral").count() == 3


@pytest.mark.django_db
def test_lublin_test_territories_cover_the_four_categories(demo):
    observatory = Network.objects.get(slug="obserwatorium-cus-lubelszczyzna")
    categories = set(observatory.territories.values_list("category", flat=True))
    assert categories == {"optimal", "partly_optimal", "prospective_full", "prospective_partial"}
    assert observatory.territories.count() == 5


@pytest.mark.django_db
def test_every_role_has_a_demo_login_printed(demo):
    for role in Role.values:
        assert Membership.objects.filter(role=role, user__is_demo=True).exists(), role
    for user in User.objects.filter(is_demo=True):
        assert user.email in demo
    assert "Demo-CUS-2026" in demo


@pytest.mark.django_db
def test_the_whole_register_is_loaded_with_boundaries(demo):
    assert Gmina.objects.count() == 2477
    assert Gmina.objects.get(code="0862011").population > 100_000


@pytest.mark.django_db
def test_rerun_changes_nothing(demo):
    counts = (Centre.objects.count(), Membership.objects.count(), User.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Centre.objects.count(), Membership.objects.count(), User.objects.count()) == counts


@pytest.mark.django_db
def test_rerun_does_not_bring_back_an_ended_role(demo):
    from opencus.accounts.services import membership_end

    membership = Membership.objects.get(
        user__email="ous.swiebodzin@opencus.example", ended_on__isnull=True
    )
    membership_end(membership=membership, by=None)
    call_command("load_demo", stdout=io.StringIO())
    assert not Membership.objects.filter(
        user__email="ous.swiebodzin@opencus.example", ended_on__isnull=True
    ).exists()


@pytest.mark.django_db
def test_demo_people_have_no_pesel_and_carry_relations(demo):
    from opencus.people.models import Person

    people = Person.objects.filter(is_demo=True)
    assert people.count() == 10
    assert not people.exclude(pesel="").exists()
    halina = people.get(first_name="Halina")
    assert [r.other.first_name for r in halina.relations.all()] == ["Janusz"]


@pytest.mark.django_db
def test_demo_applications_show_every_step_of_the_path(demo):
    from opencus.cases.models import Application, WaitlistEntry
    from opencus.residents.models import ResidentLink

    applications = Application.objects.filter(centre__slug="swiebodzin", is_demo=True)
    statuses = set(applications.values_list("status", flat=True))
    assert {"decided", "awaiting_completion"} <= statuses
    queue = WaitlistEntry.objects.filter(status="queued").order_by("queued_at")
    assert [e.requested.application.person.last_name for e in queue] == ["Kowalska"]
    assert applications.filter(requested__decision__appeal__isnull=False).count() == 1
    resident = User.objects.get(email="mieszkanka@opencus.example")
    assert resident.email_verified_at is not None
    assert ResidentLink.objects.get(user=resident).person.first_name == "Maria"
    assert "mieszkanka@opencus.example" in demo


@pytest.mark.django_db
def test_demo_referrals_go_round_the_loop(demo):
    from opencus.referrals.models import Referral

    referrals = Referral.objects.filter(centre__slug="swiebodzin", is_demo=True)
    # five of referrals_loader, and the one that came with the Konwent's meals contract
    assert referrals.count() == 6
    assert {"sent", "started", "declined", "completed"} <= set(
        referrals.values_list("status", flat=True)
    )
    assert referrals.filter(organisation__slug="konwent-cis-kis").count() == 4
    assert referrals.filter(service__name="Gorący obiad dla seniorów").count() == 1


@pytest.mark.django_db
def test_a_demo_referral_comes_from_a_plan(demo):
    from opencus.referrals.models import Referral

    referral = Referral.objects.get(centre__slug="swiebodzin", person__first_name="Halina")
    assert referral.plan is not None and referral.plan.person == referral.person
