"""Demo cooperation of seed 003, procedures 5 and 6: CUS Janów Lubelski with the two Konwent
members of its gmina (KIS Humanus: a held workshop and a running pilot with contributions to
the diagnosis and the community plan; „Nasz” KIS: a held workshop), and CUS Świebodzin with
the demo organisation (a planned workshop its leader can confirm).

People's names are invented for the demo. Idempotent: a centre's demo workshop with an
organisation is made once; rerunning adds nothing.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from opencus.accounts.models import User
from opencus.cooperation import services
from opencus.cooperation.models import Workshop
from opencus.demo.partners_loader import DEMO_ORGANISATION, member_slug
from opencus.providers.models import Organisation
from opencus.territory.models import Centre

JANOW = "janow-lubelski"
SWIEBODZIN = "swiebodzin"
HUMANUS = member_slug(8)
NASZ_KIS = member_slug(18)

# Participants of a Janów workshop besides the organisation's own people: the centre, the
# territorial expert team (ZET, two persons), the Obserwatorium CUS and the gmina.
JANOW_PARTICIPANTS = [
    ("Agnieszka Mazur", "dyrektor CUS", "centre"),
    ("Krzysztof Wrona", "OUS", "centre"),
    ("Joanna Pietras", "OSL", "centre"),
    ("Marta Lis", "ekspertka ZET", "zet"),
    ("Tomasz Sowa", "ekspert ZET", "zet"),
    ("Paweł Szymański", "Obserwatorium CUS", "observatory"),
    ("Halina Rybak", "sekretarz gminy Janów Lubelski", "jst"),
]


def _days(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _held(centre: Centre, organisation: Organisation, by, *, leader: str, held_days_ago: int):
    workshop = services.workshop_plan(
        centre=centre,
        organisation=organisation,
        by=by,
        held_on=_days(held_days_ago),
        starts_at=dt.time(10),
        place="Centrum Usług Społecznych w Janowie Lubelskim, sala konferencyjna",
        topic="Komparatystyka oczekiwań: portfolio KIS i oczekiwania CUS",
        agenda="1. Prezentacja teczki portfolio (prezentacja multimedialna).\n"
        "2. Dyskusja: jak ma wyglądać lokalna współpraca.\n"
        "3. Roboczy scenariusz pilotażu.",
        is_demo=True,
    )
    for name, role, side in [
        *JANOW_PARTICIPANTS,
        (leader, "Lider ds. współpracy z CUS", "organisation"),
    ]:
        services.participant_add(workshop=workshop, by=by, name=name, role=role, side=side)
    services.workshop_remarks_save(
        workshop=workshop,
        by=None,
        remarks="Chcemy włączyć uczestników KIS w konsultacje diagnozy.",
        materials="Teczka portfolio, prezentacja multimedialna, ulotki KIS.",
    )
    return services.workshop_record_outcomes(
        workshop=workshop,
        by=by,
        feedback="CUS widzi KIS jako partnera w rozpoznawaniu potrzeb osób zagrożonych "
        "wykluczeniem: na początek propozycje do diagnozy i do planu OSL, docelowo usługi "
        "reintegracyjne zlecane w trybie wspierania.",
        mutual_benefits="CUS: lepsze rozeznanie potrzeb i dostęp do grup trudno osiągalnych. "
        "KIS: poznanie zadań CUS i przygotowanie do zlecania usług.",
        opinions="Potrzebne stałe spotkania robocze z OSL; ZET proponuje konsultacje w KIS.",
        visit_invited_on=_days(held_days_ago - 14),
        pilot_scenario="KIS przez 3 miesiące przygotowuje propozycje do diagnozy potrzeb i "
        "potencjału gminy (art. 22 ust. 2 ustawy o CUS), w tym korekty obecnej diagnozy, oraz "
        "propozycje do planu organizowania społeczności lokalnej; prowadzi konsultacje z "
        "uczestnikami KIS.",
    )


def _janow(centre: Centre) -> None:
    by = _user("dyrektor.janow@opencus.example")
    humanus = Organisation.objects.filter(slug=HUMANUS).first()
    if (
        humanus is not None
        and not Workshop.objects.filter(centre=centre, organisation=humanus).exists()
    ):
        workshop = _held(centre, humanus, by, leader="Teresa Kowal", held_days_ago=50)
        starts_on = _days(35)
        pilot = services.pilot_create(
            workshop=workshop,
            by=by,
            starts_on=starts_on,
            ends_on=services.pilot_earliest_end(starts_on),
            is_demo=True,
        )
        services.pilot_start(pilot=pilot, by=by)
        diagnosis = services.contribution_submit(
            pilot=pilot,
            by=None,
            kind="diagnosis",
            title="Propozycje do diagnozy: osoby wychodzące z bezdomności",
            content="W diagnozie brakuje osób wychodzących z bezdomności (12 osób w "
            "noclegowni): proponujemy usługę asystenta i mieszkanie treningowe.",
            dated_on=_days(28),
            is_demo=True,
        )
        services.contribution_respond(
            contribution=diagnosis,
            by=by,
            response="taken_on",
            note="Włączone do aktualizacji diagnozy.",
        )
        services.contribution_submit(
            pilot=pilot,
            by=None,
            kind="diagnosis",
            corrects_diagnosis=True,
            title="Korekta diagnozy: długotrwale bezrobotni",
            content="Dane PUP z 2025 r. pokazują więcej osób długotrwale bezrobotnych niż "
            "przyjęto w diagnozie; proponujemy korektę rozdziału o rynku pracy.",
            dated_on=_days(14),
            is_demo=True,
        )
        plan = services.contribution_submit(
            pilot=pilot,
            by=None,
            kind="community_plan",
            title="Propozycje do planu organizowania społeczności lokalnej: klub sąsiedzki",
            content="Klub sąsiedzki na osiedlu Zamoście prowadzony z uczestnikami KIS; "
            "działania wspierające: wolontariat sąsiedzki, kawiarenka.",
            dated_on=_days(10),
            is_demo=True,
        )
        services.contribution_respond(
            contribution=plan,
            by=by,
            response="partly",
            note="Klub sąsiedzki tak; kawiarenka po znalezieniu lokalu.",
        )
    nasz = Organisation.objects.filter(slug=NASZ_KIS).first()
    if nasz is not None and not Workshop.objects.filter(centre=centre, organisation=nasz).exists():
        _held(centre, nasz, by, leader="Michał Grabowski", held_days_ago=12)


def _swiebodzin(centre: Centre) -> None:
    organisation = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    if (
        organisation is None
        or Workshop.objects.filter(centre=centre, organisation=organisation).exists()
    ):
        return
    by = _user("ous.swiebodzin@opencus.example")
    workshop = services.workshop_plan(
        centre=centre,
        organisation=organisation,
        by=by,
        held_on=_days(-10),
        starts_at=dt.time(11),
        place="CUS Świebodzin, ul. Świętego Wojciecha 4 (demo)",
        topic="Komparatystyka oczekiwań: czego CUS oczekuje od Fundacji Konwent",
        is_demo=True,
    )
    for name, role, side in (
        ("Marek Kowalczyk", "OUS", "centre"),
        ("Katarzyna Zielińska", "OSL", "centre"),
        ("Barbara Dąbrowska", "Liderka ds. współpracy z CUS", "organisation"),
    ):
        services.participant_add(workshop=workshop, by=by, name=name, role=role, side=side)


@transaction.atomic
def load_cooperation() -> None:
    centres = {c.slug: c for c in Centre.objects.filter(slug__in=[JANOW, SWIEBODZIN])}
    if JANOW in centres:
        _janow(centres[JANOW])
    if SWIEBODZIN in centres:
        _swiebodzin(centres[SWIEBODZIN])
