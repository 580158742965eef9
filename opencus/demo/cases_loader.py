"""Demo applications in CUS Świebodzin: one at each step of the resident's path, a full
service with its waiting list, a refusal with its appeal, and a resident's own account.

Idempotent: a centre that already has demo applications is left alone.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from opencus.accounts.models import User
from opencus.cases import services
from opencus.cases.models import Application, Decision
from opencus.cases.selectors import applicable_services
from opencus.demo import data
from opencus.people.models import Person
from opencus.residents import services as residents
from opencus.territory.models import Centre

RESIDENT_EMAIL = "mieszkanka@opencus.example"


def _person(centre, last, first):
    return Person.objects.get(centre=centre, last_name=last, first_name=first)


def _service(centre, name_start):
    return applicable_services(centre).get(name__startswith=name_start)


def _staff(slug, role):
    return User.objects.get(email=f"{role}.{slug}@opencus.example")


def _mark_demo(*applications):
    Application.objects.filter(pk__in=[a.pk for a in applications]).update(is_demo=True)


@transaction.atomic
def load_cases() -> list[tuple[str, str]]:
    """Returns the resident's demo login, for `make run` to print."""
    centre = Centre.objects.get(slug="swiebodzin")
    login = [(RESIDENT_EMAIL, "resident: my matters (Maria Lewandowska)")]
    if Application.objects.filter(centre=centre, is_demo=True, channel="desk").exists():
        return login
    desk, kipus, director = (_staff("swiebodzin", r) for r in ("punkt", "kipus", "dyrektor"))
    rehab = _service(centre, "Rehabilitacja")
    basket = _service(centre, "Koszyk")
    today = timezone.localdate()
    now = timezone.now()

    # Home rehabilitation has 2 places this year: both taken, then two people wait in order.
    services.limit_create(
        service=rehab,
        by=director,
        starts_on=dt.date(today.year, 1, 1),
        ends_on=dt.date(today.year, 12, 31),
        places=2,
        note="Program usług społecznych Gminy Świebodzin, uchwała (demo)",
    )
    queue = [
        ("Wójcik", "Stanisław", 40),
        ("Kowalski", "Janusz", 30),
        ("Zając", "Krystyna", 20),
        ("Lewandowska", "Maria", 10),
    ]
    applications = []
    for last, first, days_ago in queue:
        application = services.application_receive(
            centre=centre,
            by=desk,
            person=_person(centre, last, first),
            channel="desk",
            submitter_role="person",
            services=[rehab],
            description="Po operacji biodra potrzebuję ćwiczeń w domu.",
            submitted_at=now - dt.timedelta(days=days_ago),
        )
        services.assessment_record(
            application=application,
            by=kipus,
            assessed_on=today - dt.timedelta(days=days_ago - 3),
            place="home",
            findings={
                "mobility": ("substantial", "Porusza się o kulach, schody są barierą."),
                "health": ("some", "Zalecenia rehabilitacji po zabiegu."),
            },
            persons_view="Chcę znowu sam(a) chodzić na zakupy.",
        )
        services.qualify(
            requested=application.requested.get(),
            by=kipus,
            units_per_period=Decimal(2),
            period="week",
            starts_on=today - dt.timedelta(days=days_ago - 5),
            ends_on=today + dt.timedelta(days=90),
        )
        applications.append(application)

    # A refusal: the help-at-home basket is for residents of the gmina only.
    refused = services.application_receive(
        centre=centre,
        by=desk,
        person=_person(centre, "Kowalska", "Halina"),
        channel="phone",
        submitter_role="actual_carer",
        submitter=_person(centre, "Kowalski", "Janusz"),
        services=[basket],
        description="Mama potrzebuje pomocy przy sprzątaniu po remoncie.",
        submitted_at=now - dt.timedelta(days=25),
    )
    services.assessment_record(
        application=refused,
        by=kipus,
        assessed_on=today - dt.timedelta(days=20),
        place="home",
        findings={"housing": ("some", "Jednorazowe sprzątanie po remoncie.")},
    )
    decision = services.refuse(
        requested=refused.requested.get(),
        by=director,
        reasons=(
            "Koszyk pomocowy obejmuje usługi powtarzalne dla osób, które same nie są w stanie "
            "utrzymać mieszkania. Jednorazowe sprzątanie po remoncie nie mieści się w zakresie "
            "usługi określonym w programie usług społecznych."
        ),
    )
    # The demo tells a story that began weeks ago: the decision was issued then.
    Decision.objects.filter(pk=decision.pk).update(issued_at=now - dt.timedelta(days=18))
    decision.refresh_from_db()
    services.decision_delivered(
        decision=decision, by=desk, delivered_on=today - dt.timedelta(days=15)
    )
    services.appeal_record(
        decision=decision,
        by=desk,
        filed_on=today - dt.timedelta(days=8),
        content="Nie zgadzam się: mama po remoncie nie da rady sama.",
    )

    # Waiting for completion: the carer's authorisation is missing.
    incomplete = services.application_receive(
        centre=centre,
        by=desk,
        person=_person(centre, "Lewandowska", "Zofia"),
        channel="desk",
        submitter_role="legal_representative",
        submitter=_person(centre, "Lewandowska", "Maria"),
        services=[basket],
        description="Wniosek matki w imieniu córki.",
        submitted_at=now - dt.timedelta(days=2),
    )
    services.completion_request(
        application=incomplete, by=desk, missing="Odpis aktu urodzenia dziecka."
    )
    _mark_demo(*applications, refused, incomplete)

    # Maria's own account: linked when the desk registers her online application.
    resident = User.objects.filter(email=RESIDENT_EMAIL).first()
    if resident is None:
        resident = User.objects.create_user(
            RESIDENT_EMAIL,
            data.DEMO_PASSWORD,
            first_name="Maria",
            last_name="Lewandowska",
            is_demo=True,
        )
        residents.email_verify(user=resident)
    online = services.application_submit_online(
        centre=centre,
        account=resident,
        submitter_role="person",
        services=[basket],
        description="Proszę o pomoc przy cięższych porządkach raz w miesiącu.",
        first_name="Maria",
        last_name="Lewandowska",
        birth_date=dt.date(1990, 5, 21),
        address="ul. Wałowa 8, 66-200 Świebodzin",
    )
    services.application_register(
        application=online, by=desk, person=_person(centre, "Lewandowska", "Maria")
    )
    _mark_demo(online)
    return login
