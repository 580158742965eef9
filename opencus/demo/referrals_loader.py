"""Demo referrals of CUS Świebodzin: to the demo provider organisation and to units outside the
system, one at each point of the loop, and one stuck without an answer.

Dates count back from the day the demo is loaded, so that a fresh demo always shows the stuck
referral. Idempotent: a centre that already has demo referrals is left alone.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from opencus.accounts.models import User
from opencus.cases.models import Application
from opencus.people import services as people
from opencus.people.models import Person
from opencus.plans.models import IndividualPlan
from opencus.providers.models import Organisation
from opencus.referrals import services
from opencus.referrals.models import Referral
from opencus.territory.models import Centre

CENTRE = "swiebodzin"
ORGANISATION = "konwent-cis-kis"
KIPUS = "kipus.swiebodzin@opencus.example"
PROVIDER = "lider.konwent@opencus.example"

# (last, first name; receiver: "provider" or the unit's (name, contact); what is asked;
#  shared fields; days ago sent; steps as (action, days ago, reason, note))
REFERRALS = [
    (
        ("Kowalska", "Halina"),
        "provider",
        "Klub seniora dwa razy w tygodniu, z dowozem.",
        ["phone", "communication"],
        12,
        [],
    ),
    (
        ("Wójcik", "Stanisław"),
        "provider",
        "Asystent osobisty: pomoc w zakupach i wizytach lekarskich, 6 godzin w tygodniu.",
        ["address", "phone", "communication"],
        30,
        [("accept", 27, "", "Asystentka od przyszłego tygodnia."), ("start", 20, "", "")],
    ),
    (
        ("Zając", "Krystyna"),
        "provider",
        "Zajęcia ruchowe dla seniorów.",
        ["phone"],
        25,
        [("decline", 21, "no_capacity", "Grupa pełna do końca kwartału.")],
    ),
    (
        ("Kowalski", "Janusz"),
        ("Powiatowy Urząd Pracy w Świebodzinie", "doradca zawodowy, tel. 68 000 00 10"),
        "Poradnictwo zawodowe po okresie opieki nad matką.",
        ["phone"],
        70,
        [
            ("accept", 66, "", "Termin u doradcy ustalony telefonicznie."),
            ("start", 60, "", ""),
            ("complete", 10, "", "Ukończył kurs, szuka pracy z pomocą PUP."),
        ],
    ),
    (
        ("Lewandowska", "Zofia"),
        ("Poradnia Psychologiczno-Pedagogiczna w Świebodzinie", "sekretariat, tel. 68 000 00 20"),
        "Diagnoza rozwoju dziecka (2 lata), na prośbę matki.",
        ["phone", "need"],
        2,
        [],
    ),
]
REASON = "Zgłoszenie w punkcie informacyjnym (dane demonstracyjne)."
# Whose referral comes from their application or their plan (IPUS), when the demo has one;
# the others give the reason in words.
FROM_APPLICATION = {("Wójcik", "Stanisław")}
FROM_PLAN = {("Kowalska", "Halina")}


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _consent(person: Person, purpose: str) -> None:
    if not person.consents.filter(purpose=purpose, withdrawn_at__isnull=True).exists():
        people.consent_give(person=person, by=None, purpose=purpose, form="written")


@transaction.atomic
def load_referrals() -> int:
    """Load the demo referrals where the centre, its people and the organisation exist;
    returns the referrals added."""
    centre = Centre.objects.filter(slug=CENTRE).first()
    organisation = Organisation.objects.filter(slug=ORGANISATION).first()
    if centre is None or organisation is None:
        return 0
    if Referral.objects.filter(centre=centre, is_demo=True).exists():
        return 0
    kipus, provider = _user(KIPUS), _user(PROVIDER)
    now = timezone.now()
    added = 0
    for (last, first), receiver, request, shared, sent_ago, steps in REFERRALS:
        person = (
            Person.objects.current().filter(centre=centre, last_name=last, first_name=first).first()
        )
        if person is None:
            continue
        application = (
            Application.objects.filter(centre=centre, person=person)
            .order_by("submitted_at")
            .first()
            if (last, first) in FROM_APPLICATION
            else None
        )
        plan = (
            IndividualPlan.objects.filter(centre=centre, person=person)
            .order_by("created_at")
            .first()
            if (last, first) in FROM_PLAN
            else None
        )
        to_provider = receiver == "provider"
        _consent(person, "share_with_provider" if to_provider else "refer_elsewhere")
        where = (
            {"receiver_kind": "provider", "organisation": organisation}
            if to_provider
            else {"receiver_kind": "unit", "unit_name": receiver[0], "unit_contact": receiver[1]}
        )
        referral = services.referral_send(
            centre=centre,
            person=person,
            by=kipus,
            application=application,
            plan=plan,
            reason="" if application or plan else REASON,
            request=request,
            shared_fields=shared,
            need_description=request,
            sent_at=now - dt.timedelta(days=sent_ago),
            is_demo=True,
            **where,
        )
        for action, days_ago, reason, note in steps:
            extra = {"reason": reason} if reason else {}
            services.ANSWERS[action](
                referral=referral,
                by=provider if to_provider else kipus,
                acting_for=organisation if to_provider else centre,
                note=note,
                at=now - dt.timedelta(days=days_ago),
                **extra,
            )
        added += 1
    return added
