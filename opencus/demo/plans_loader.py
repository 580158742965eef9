"""Demo individual plans (IPUS) in Świebodzin, made through the services as staff would:
the application at the desk, the needs recognised at home, the plan with the person.

- Halina Kowalska: an active plan (goals, the help-at-home basket of the catalogue granted
  on approval, rehabilitation and a geriatric clinic outside it, her son's and a neighbour's
  help, a monitoring contact), approved by the director;
- Stanisław Wójcik: a draft whose 30-day deadline runs out in 4 days.

Home rehabilitation is full this year (the demo applications' waiting list): the plans leave
its queue as the applications' demo tells it.

Safe to run again: a person who has a demo plan is left as they are.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from opencus.accounts.models import User
from opencus.cases import services as cases
from opencus.cases.models import Application
from opencus.catalogue.models import Service
from opencus.people.models import Person
from opencus.plans import services
from opencus.plans.models import IndividualPlan
from opencus.territory.models import Centre

CENTRE = "swiebodzin"
KIPUS = "kipus.swiebodzin@opencus.example"
DIRECTOR = "dyrektor.swiebodzin@opencus.example"
HOME_HELP = "Koszyk pomocowy: usługi sprzątające i złota rączka"


def _application(centre, person, kipus, services_, *, days_ago: int, description: str, view: str):
    application = cases.application_receive(
        centre=centre,
        by=kipus,
        person=person,
        channel="desk",
        submitter_role="person",
        services=services_,
        description=description,
        submitted_at=timezone.now() - dt.timedelta(days=days_ago),
    )
    cases.assessment_record(
        application=application,
        by=kipus,
        assessed_on=timezone.localdate() - dt.timedelta(days=max(days_ago - 7, 0)),
        place="home",
        findings={
            "self_care": ("substantial", "Po złamaniu biodra nie daje rady sama sprzątać."),
            "mobility": ("substantial", "Chodzi o kulach, nie schodzi sama po schodach."),
            "social": ("some", "Od śmierci męża rzadko wychodzi z domu."),
        },
        persons_view=view,
        recommended=services_,
        ipus_required=True,
    )
    Application.objects.filter(pk=application.pk).update(is_demo=True)
    application.refresh_from_db()
    return application


def _active_plan(centre, kipus, director, home_help) -> None:
    person = Person.objects.get(centre=centre, first_name="Halina", last_name="Kowalska")
    if IndividualPlan.objects.filter(person=person, is_demo=True).exists():
        return
    application = _application(
        centre,
        person,
        kipus,
        [home_help],
        days_ago=20,
        description="Po wyjściu ze szpitala potrzebuję pomocy w domu i rehabilitacji.",
        view="Chcę znowu sama wychodzić na spacer i do kościoła.",
    )
    today = timezone.localdate()
    plan = services.plan_create(
        centre=centre,
        application=application,
        by=kipus,
        coordinator=kipus,
        period_from=today,
        period_to=today + dt.timedelta(days=182),
        monitoring_frequency="monthly",
        monitoring_how="Wizyta w domu raz w miesiącu; telefon do syna po każdej zmianie.",
        risk_notes="Ryzyko upadku w łazience: uchwyty zamówione przez syna.",
        is_demo=True,
    )
    services.goal_add(
        plan=plan,
        by=kipus,
        goal="Samodzielne wyjście z domu",
        indicator="Wychodzi sama na spacer co najmniej 3 razy w tygodniu",
        target_date=today + dt.timedelta(days=120),
        persons_words="Chcę sama pójść do kościoła w niedzielę.",
    )
    services.goal_add(
        plan=plan,
        by=kipus,
        goal="Czyste i bezpieczne mieszkanie",
        indicator="Mieszkanie sprzątane co tydzień, bez progów w łazience",
        target_date=today + dt.timedelta(days=60),
        persons_words="Żeby w domu było jak dawniej.",
    )
    services.item_add(
        plan=plan,
        by=kipus,
        external_kind="health",
        external_name="Rehabilitacja ambulatoryjna po złamaniu biodra",
        provider_name="Przychodnia rehabilitacyjna (NFZ)",
        starts_on=today,
        ends_on=today + dt.timedelta(days=60),
        fee_note="bezpłatnie (NFZ), dowóz: taxi senior",
    )
    services.item_add(
        plan=plan,
        by=kipus,
        service=home_help,
        units_per_period=Decimal("8"),
        period="month",
        starts_on=today,
    )
    services.item_add(
        plan=plan,
        by=kipus,
        external_kind="health",
        external_name="Wizyty w poradni geriatrycznej",
        provider_name="Szpital Powiatowy w Świebodzinie",
        starts_on=today,
        fee_note="bezpłatnie (NFZ)",
    )
    services.support_add(
        plan=plan,
        by=kipus,
        kind="family",
        who="Janusz Kowalski, syn",
        what="Zakupy i wizyty u lekarza",
        how_often="w soboty",
    )
    services.support_add(
        plan=plan,
        by=kipus,
        kind="neighbours",
        who="Pani Teresa z parteru",
        what="Zagląda wieczorem, pomaga zejść po schodach",
        how_often="codziennie",
    )
    services.support_add(
        plan=plan,
        by=kipus,
        kind="own",
        who="Halina Kowalska",
        what="Ćwiczenia zalecone przez rehabilitantkę",
        how_often="codziennie rano",
    )
    services.plan_agree(
        plan=plan,
        by=kipus,
        agreed_on=today,
        form="signature",
        agreed_by_name="Halina Kowalska",
    )
    services.plan_submit(plan=plan, by=kipus)
    services.plan_approve(plan=plan, by=director)
    services.contact_record(
        plan=plan,
        by=kipus,
        contact_on=today,
        kind="phone",
        progress="Rehabilitantka umówiona na wtorki i piątki; pani Halina ćwiczy sama.",
        issues="Syn pyta o dowóz na wizyty w poradni: sprawdzić taxi senior.",
        next_contact_on=today + dt.timedelta(days=28),
    )


def _draft_plan(centre, kipus, home_help) -> None:
    person = Person.objects.get(centre=centre, first_name="Stanisław", last_name="Wójcik")
    if IndividualPlan.objects.filter(person=person, is_demo=True).exists():
        return
    application = _application(
        centre,
        person,
        kipus,
        [home_help],
        days_ago=26,
        description="Mieszkam sam na wsi, po udarze trudno mi się poruszać.",
        view="Nie chcę iść do domu opieki.",
    )
    today = timezone.localdate()
    plan = services.plan_create(
        centre=centre,
        application=application,
        by=kipus,
        coordinator=kipus,
        period_from=today + dt.timedelta(days=7),
        period_to=today + dt.timedelta(days=7 + 270),
        monitoring_frequency="quarterly",
        monitoring_how="Spotkanie z tłumaczem PJM w domu; SMS do sąsiada.",
        is_demo=True,
    )
    services.goal_add(
        plan=plan,
        by=kipus,
        goal="Bezpieczne poruszanie się po domu",
        indicator="Przechodzi sam z pokoju do kuchni z balkonikiem",
        target_date=today + dt.timedelta(days=100),
        persons_words="Chcę sam zrobić sobie herbatę.",
    )
    services.item_add(
        plan=plan,
        by=kipus,
        service=home_help,
        units_per_period=Decimal("6"),
        period="month",
        starts_on=today + dt.timedelta(days=7),
    )
    services.support_add(
        plan=plan,
        by=kipus,
        kind="own",
        who="Stanisław Wójcik",
        what="Ćwiczenia z rehabilitantem, które już ma (usługa przyznana wcześniej)",
        how_often="2 razy w tygodniu",
    )


def load_plans() -> int:
    """Adds the demo plans that are missing; returns how many plans the centre's demo has."""
    centre = Centre.objects.get(slug=CENTRE)
    kipus = User.objects.get(email=KIPUS)
    director = User.objects.get(email=DIRECTOR)
    catalogue = Service.objects.published().filter(centre=centre)
    home_help = catalogue.get(name=HOME_HELP)
    _active_plan(centre, kipus, director, home_help)
    _draft_plan(centre, kipus, home_help)
    return IndividualPlan.objects.filter(centre=centre, is_demo=True).count()
