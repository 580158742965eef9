"""Demo contracts and their quality records, for services that already have demo deliveries,
so that the monitoring shows real numbers.

- CUS Świebodzin with the social cooperative „Złota Rączka” for the help basket (a reserved
  public procurement contract): signed three months ago, monthly reports (most on time, one
  late, the last waiting for review), an answered and an open complaint, survey answers, an
  inspection; and a draft with the Konwent for the family club, ready to be signed.
- CUS Świebodzin with the Konwent (the demo provider login) for hot meals, made from its
  awarded offer in the meals competition (commissioning_loader): signed after the award for
  the amount awarded, the meals granted after the signing and delivered by the Konwent (the
  visits recorded by its login), and the referral that came with it.
- CUS Janów Lubelski with the Konwent for advocacy (a grant agreement, wspieranie, with the
  own contribution): signed, with the referral that came with it and a survey answer.

Made through the contracts' services, so that their rules and history apply; the dates of
submission of past reports are set back to when they would have come. Dates count back from
the day of loading. Idempotent: a contract found by centre, organisation and title is left as
it is, and so are complaints (by description), surveys (one per service given), inspections
and referrals that are already there.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from opencus.accounts.models import User
from opencus.catalogue.models import Service
from opencus.commissioning.enums import OfferStatus
from opencus.commissioning.models import Offer
from opencus.contracts import services
from opencus.contracts.models import Complaint, Contract, Inspection, ProviderReport
from opencus.demo.commissioning_loader import MEALS
from opencus.demo.enrolments_loader import CONTRACT_MEALS, CONTRACTED, load_enrolments
from opencus.enrolments.models import Enrolment
from opencus.people import services as people
from opencus.people.models import Person
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Organisation, Partnership
from opencus.referrals import services as referrals
from opencus.referrals.models import Referral
from opencus.territory.models import Centre

OUS = "ous.swiebodzin@opencus.example"
DIRECTORS = {
    "swiebodzin": "dyrektor.swiebodzin@opencus.example",
    "janow-lubelski": "dyrektor.janow@opencus.example",
}
PROVIDER = "lider.konwent@opencus.example"


@dataclass(frozen=True)
class DemoContract:
    centre: str
    organisation: str
    title: str
    kind: str
    months_ago: int  # starts on the first day of the month this many months back
    months: int
    lines: tuple[tuple[str, str, str], ...]  # (service name, units, unit price)
    duties: tuple[tuple[str, str, int], ...] = ()  # (what, frequency, due days)
    social_clauses: str = ""
    own_contribution: str | None = None
    sign: bool = True
    notes: str = ""
    quality: dict = field(default_factory=dict)
    # Made from the awarded offer of the organisation in the centre's call of this title: the
    # call's title, kind and task period (months_ago and months are not used), signed this
    # many days ago.
    from_call: str = ""
    signed_days_ago: int = 0


BASKET = "Koszyk pomocowy: usługi sprzątające i złota rączka"
ADVOCACY = "Rzecznictwo – pomoc w dochodzeniu swoich praw"
ADVOCACY_CONTRACT = "Rzecznictwo praw osób starszych i z niepełnosprawnością"

CONTRACTS = [
    DemoContract(
        centre="swiebodzin",
        organisation="konwent-cis-kis",
        title=MEALS,
        kind="entrusting",
        months_ago=0,
        months=0,
        lines=((CONTRACT_MEALS, "10000", "18.00"),),
        duties=(
            ("Miesięczne zestawienie wydanych posiłków", "monthly", 10),
            ("Sprawozdanie końcowe z realizacji zadania publicznego", "final", 30),
        ),
        social_clauses="Dowóz prowadzą wolontariusze i uczestnicy KIS; przy każdej wizycie "
        "krótka rozmowa z seniorem.",
        from_call=MEALS,
        signed_days_ago=30,
    ),
    DemoContract(
        centre="swiebodzin",
        organisation="sc-zlota-raczka",
        title="Koszyk pomocowy – usługi sprzątające i drobne naprawy w domu",
        kind="procurement",
        months_ago=3,
        months=12,
        lines=((BASKET, "960", "42.00"),),
        duties=(
            ("Miesięczne zestawienie godzin z listami obecności", "monthly", 10),
            ("Sprawozdanie końcowe z wykonania umowy", "final", 30),
        ),
        social_clauses="Zamówienie zastrzeżone (art. 94 Pzp) dla spółdzielni socjalnych; przy "
        "realizacji zatrudnione są co najmniej 2 osoby zagrożone wykluczeniem społecznym.",
    ),
    DemoContract(
        centre="swiebodzin",
        organisation="konwent-cis-kis",
        title="Klub rodziny prowadzony z Klubem Integracji Społecznej (projekt)",
        kind="partnership",
        months_ago=-1,
        months=6,
        lines=(("Klub rodziny", "48", "60.00"),),
        duties=(("Sprawozdanie końcowe", "final", 30),),
        social_clauses="Partnerstwo publiczno-społeczne: zajęcia prowadzą uczestnicy KIS.",
        sign=False,
        notes="Projekt do podpisu po warsztacie oczekiwań (procedura 5 Strategii).",
    ),
    DemoContract(
        centre="janow-lubelski",
        organisation="konwent-cis-kis",
        title=ADVOCACY_CONTRACT,
        kind="supporting",
        months_ago=2,
        months=10,
        lines=((ADVOCACY, "96", "100.00"),),
        duties=(
            ("Sprawozdanie częściowe z realizacji zadania publicznego", "quarterly", 30),
            ("Sprawozdanie końcowe z realizacji zadania publicznego", "final", 30),
        ),
        own_contribution="1800.00",
    ),
]


def _months_back(today: dt.date, months: int) -> dt.date:
    year, month = today.year, today.month - months
    while month < 1:
        month, year = month + 12, year - 1
    while month > 12:
        month, year = month - 12, year + 1
    return dt.date(year, month, 1)


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _partner(centre: Centre, organisation: Organisation, director: User | None) -> None:
    if not Partnership.objects.filter(centre=centre, organisation=organisation).exists():
        Partnership.objects.create(
            centre=centre,
            organisation=organisation,
            status=PartnershipStatus.VERIFIED,
            decided_at=timezone.now(),
            decided_by=director,
            message="Realizator usług z katalogu centrum (dane demonstracyjne).",
            is_demo=True,
        )


def _contract(demo: DemoContract, today: dt.date) -> Contract | None:
    centre = Centre.objects.filter(slug=demo.centre).first()
    organisation = Organisation.objects.filter(slug=demo.organisation).first()
    if centre is None or organisation is None:
        return None
    existing = Contract.objects.filter(
        centre=centre, organisation=organisation, title=demo.title
    ).first()
    if existing is not None:
        return existing
    lines = []
    for name, units, price in demo.lines:
        service = Service.objects.filter(centre=centre, name=name).first()
        if service is None:
            return None
        lines.append((service, Decimal(units), Decimal(price)))
    director = _user(DIRECTORS[demo.centre])
    writer = _user(OUS) if demo.centre == "swiebodzin" else director
    _partner(centre, organisation, director)
    offer = None
    if demo.from_call:
        offer = Offer.objects.filter(
            call__centre=centre,
            call__title=demo.from_call,
            organisation=organisation,
            status=OfferStatus.AWARDED,
        ).first()
        if offer is None:
            return None
        starts_on, ends_on = offer.task_starts_on, offer.task_ends_on
        signed_on = today - dt.timedelta(days=demo.signed_days_ago)
    else:
        starts_on = _months_back(today, demo.months_ago)
        ends_on = _months_back(starts_on, -demo.months) - dt.timedelta(days=1)
        signed_on = starts_on
    contract = services.contract_create(
        centre=centre,
        by=writer,
        organisation=organisation,
        title=demo.title,
        kind=demo.kind,
        starts_on=starts_on,
        ends_on=ends_on,
        own_contribution=Decimal(demo.own_contribution) if demo.own_contribution else None,
        social_clauses=demo.social_clauses,
        notes=demo.notes,
        offer=offer,
        is_demo=True,
    )
    for service, units, price in lines:
        services.contract_line_add(
            contract=contract, by=writer, service=service, units=units, unit_price=price
        )
    for what, frequency, due_days in demo.duties:
        services.reporting_duty_add(
            contract=contract, by=writer, what=what, frequency=frequency, due_days=due_days
        )
    if demo.sign:
        contract = services.contract_sign(contract=contract, by=director, signed_on=signed_on)
        _reports(contract, today)
    return contract


def _reports(contract: Contract, today: dt.date) -> None:
    """Past reports came in: on time, but one late; the newest waits for the centre."""
    provider = _user(PROVIDER) if contract.organisation.slug == "konwent-cis-kis" else None
    reviewer = _user(OUS) if contract.centre.slug == "swiebodzin" else None
    due = list(contract.reports.filter(period_end__lt=today).order_by("due_on"))
    for n, report in enumerate(due):
        services.report_submit(
            report=report,
            by=provider,
            summary="Zrealizowano usługi zgodnie z harmonogramem; listy obecności w załączeniu.",
            participants=2 + n,
        )
        late = n == 1
        came_on = report.due_on + dt.timedelta(days=4 if late else -3)
        ProviderReport.objects.filter(pk=report.pk).update(first_submitted_on=min(came_on, today))
        if n < len(due) - 1:
            services.report_review(report=report, by=reviewer, accept=True)


def _person(centre: Centre, last: str, first: str) -> Person | None:
    return Person.objects.current().filter(centre=centre, last_name=last, first_name=first).first()


def _complaints(contract: Contract, today: dt.date) -> None:
    centre = contract.centre
    ous = _user(OUS)
    answered = "Ekipa przyjechała dwie godziny po umówionym czasie i nikt nie uprzedził."
    if not Complaint.objects.filter(centre=centre, description=answered).exists():
        complaint = services.complaint_record(
            centre=centre,
            by=_user("punkt.swiebodzin@opencus.example"),
            received_on=today - dt.timedelta(days=30),
            channel="phone",
            contract=contract,
            service=contract.lines.get().service,
            person=_person(centre, "Kowalski", "Janusz"),
            description=answered,
            is_demo=True,
        )
        services.complaint_note(
            complaint=complaint, by=ous, note="Poproszono spółdzielnię o wyjaśnienie."
        )
        services.complaint_explain(
            complaint=complaint,
            by=None,
            explanation="Awaria samochodu ekipy. Od teraz każdą zmianę godziny potwierdzamy "
            "telefonicznie lub SMS-em.",
        )
        services.complaint_answer(
            complaint=complaint,
            by=ous,
            answer="Skarga zasadna. Spółdzielnia wprowadziła potwierdzanie wizyt SMS-em; "
            "przepraszamy za kłopot.",
            answered_on=today - dt.timedelta(days=18),
            upheld=True,
        )
        services.complaint_close(complaint=complaint, by=ous)
    open_one = "Po myciu okien zostały zacieki; prośba o poprawienie usługi."
    if not Complaint.objects.filter(centre=centre, description=open_one).exists():
        complaint = services.complaint_record(
            centre=centre,
            by=ous,
            received_on=today - dt.timedelta(days=4),
            channel="email",
            contract=contract,
            person=_person(centre, "Kowalska", "Halina"),
            complainant="Zgłosił syn, Janusz Kowalski (opiekun faktyczny).",
            description=open_one,
            is_demo=True,
        )
        services.complaint_note(
            complaint=complaint, by=ous, note="Przekazano spółdzielni do wyjaśnienia."
        )


SURVEYS = [
    # (centre, person, service, scores, comment, recorded by)
    (
        "swiebodzin",
        ("Kowalski", "Janusz"),
        BASKET,
        {"helpful": 5, "respectful": 5, "reliable": 3, "overall": 4},
        "Bardzo pomocni, tylko raz się spóźnili.",
        OUS,
    ),
    (
        "swiebodzin",
        ("Kowalska", "Halina"),
        BASKET,
        {"helpful": 4, "respectful": 5, "reliable": 4, "overall": 4},
        "",
        OUS,
    ),
    (
        "janow-lubelski",
        ("Wrona", "Teresa"),
        ADVOCACY,
        {"helpful": 5, "respectful": 5, "reliable": 5, "overall": 5},
        "Pomogli mi napisać odwołanie i poszli ze mną do urzędu.",
        DIRECTORS["janow-lubelski"],
    ),
]


def _surveys(today: dt.date) -> None:
    for slug, (last, first), service, scores, comment, email in SURVEYS:
        enrolment = Enrolment.objects.filter(
            centre__slug=slug,
            person__last_name=last,
            person__first_name=first,
            service__name=service,
            survey__isnull=True,
        ).first()
        if enrolment is None:
            continue
        try:
            services.survey_answer(
                enrolment=enrolment,
                by=_user(email),
                channel="paper",
                comment=comment,
                answered_on=today - dt.timedelta(days=2),
                is_demo=True,
                **scores,
            )
        except ValidationError:  # no delivered visit yet: nothing to rate
            continue


def _inspection(contract: Contract, today: dt.date) -> None:
    if Inspection.objects.filter(contract=contract).exists():
        return
    services.inspection_record(
        contract=contract,
        by=_user(OUS),
        inspected_on=today - dt.timedelta(days=15),
        inspector="Anna Nowak, organizatorka usług społecznych (OUS)",
        scope="Realizacja koszyka pomocowego u dwóch odbiorców: zakres prac, czas wizyt, "
        "dokumentacja godzin.",
        findings="Prace wykonane starannie; karty godzin podpisane przez odbiorców. Jedna wizyta "
        "bez uprzedzenia o zmianie godziny.",
        recommendations="Potwierdzać odbiorcy każdą zmianę godziny wizyty.",
        rating="remarks",
        follow_up_on=today + dt.timedelta(days=30),
        is_demo=True,
    )


@dataclass(frozen=True)
class DemoReferral:
    """The referral that came with a contract: the person, who sent it, what is asked."""

    person: tuple[str, str]  # last, first name
    sent_by: str  # a demo login's e-mail
    request: str
    reason: str
    sent_days_ago: int


REFERRALS = {
    ("swiebodzin", MEALS): DemoReferral(
        person=("Wójcik", "Stanisław"),
        sent_by="kipus.swiebodzin@opencus.example",
        request="Gorący obiad trzy razy w tygodniu; córka gotuje w pozostałe dni.",
        reason="Po wypisie ze szpitala nie stoi długo przy kuchni (dane demonstracyjne).",
        sent_days_ago=11,
    ),
    ("janow-lubelski", ADVOCACY_CONTRACT): DemoReferral(
        person=("Wrona", "Teresa"),
        sent_by=DIRECTORS["janow-lubelski"],
        request="Pomoc w odwołaniu od decyzji o stopniu niepełnosprawności.",
        reason="Prośba osoby w punkcie informacyjnym (dane demonstracyjne).",
        sent_days_ago=57,
    ),
}


def _referral(contract: Contract, demo: DemoReferral) -> None:
    """The referral that came with the contract, accepted and started by the Konwent."""
    service = contract.lines.get().service
    if Referral.objects.filter(
        centre=contract.centre, organisation=contract.organisation, service=service
    ).exists():
        return
    last, first = demo.person
    person = _person(contract.centre, last, first)
    if person is None:
        return
    if not person.consents.filter(
        purpose="share_with_provider", withdrawn_at__isnull=True
    ).exists():
        people.consent_give(person=person, by=None, purpose="share_with_provider", form="written")
    provider = _user(PROVIDER)
    now = timezone.now()
    sent = max(
        dt.datetime.combine(contract.starts_on, dt.time(10), tzinfo=now.tzinfo),
        now - dt.timedelta(days=demo.sent_days_ago),
    )
    referral = referrals.referral_send(
        centre=contract.centre,
        person=person,
        by=_user(demo.sent_by),
        receiver_kind="provider",
        organisation=contract.organisation,
        service=service,
        request=demo.request,
        reason=demo.reason,
        shared_fields=["phone"],
        sent_at=sent,
        is_demo=True,
    )
    for action, after in (("accept", 1), ("start", 2)):
        referrals.ANSWERS[action](
            referral=referral,
            by=provider,
            acting_for=contract.organisation,
            note="",
            at=min(sent + dt.timedelta(days=after), now),
        )


@transaction.atomic
def load_contracts() -> int:
    """The demo contracts and their quality records; returns the contracts there now."""
    today = timezone.localdate()
    count = 0
    for demo in CONTRACTS:
        contract = _contract(demo, today)
        if contract is None:
            continue
        count += 1
        if contract.status != "signed":
            continue
        if demo.organisation == "sc-zlota-raczka":
            _complaints(contract, today)
            _inspection(contract, today)
        if demo.from_call:
            load_enrolments(CONTRACTED)  # granted after the signing: the Konwent delivers them
        if (demo.centre, demo.title) in REFERRALS:
            _referral(contract, REFERRALS[(demo.centre, demo.title)])
    _surveys(today)
    return count
