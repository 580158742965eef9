"""Demo calls: commissioning at CUS Świebodzin and CUS Janów Lubelski.

Świebodzin: an art. 19a call for respite care whose two offers are in their seven days of
comments; an open competition (powierzenie) for meals, awarded to the demo organisation
(less than it asked: the budget) with the results published a month ago — the contracts
demo makes its contract from that award; a draft call for personal assistance. Janów Lubelski: an open competition for home help,
open for offers. The offers come from organisations the demo already has: the demo
organisation (``konwent-cis-kis``) and members of the Konwent of CIS and KIS, two of which
ask CUS Świebodzin to work with them here.

Everything goes through the services (their rules and history), then dates are moved back
where the story needs a past (a deadline passed, the evaluation, the award, the results). Idempotent: a call is
found by its centre and title and only made when missing.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from opencus.accounts.models import User
from opencus.commissioning import services
from opencus.commissioning.enums import CallAction, Decision, FormalResult, Mode
from opencus.commissioning.models import Call, CallEvent, GrantPool, Offer, Score
from opencus.demo.partners_loader import DEMO_ORGANISATION, member_slug
from opencus.providers.enums import PartnershipStatus
from opencus.providers.models import Organisation, Partnership
from opencus.territory.models import Centre

RESPITE = "Opieka wytchnieniowa dla opiekunów osób z niepełnosprawnościami – lato"
MEALS = "Przygotowanie i dowóz gorących posiłków dla seniorów"
ASSISTANCE = "Asystencja osobista osób z niepełnosprawnościami"
HOME_HELP = "Usługi opiekuńcze w miejscu zamieszkania"

# Konwent members that ask CUS Świebodzin to work with them (CIS run catering workshops).
SWIEBODZIN_MEMBERS = [21, 3]

CRITERIA = [
    {
        "name": "Sposób realizacji i jakość",
        "description": "Opis działań, dostępność, doświadczenie kadry.",
        "max_points": 40,
    },
    {
        "name": "Koszt realizacji",
        "description": "Cena jednostkowa w stosunku do zakresu.",
        "max_points": 30,
    },
    {
        "name": "Zasięg terytorialny i znajomość środowiska",
        "description": "Praca w gminie, współpraca z lokalnymi instytucjami.",
        "max_points": 20,
    },
]


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _ask(centre: Centre, organisation: Organisation, director: User | None) -> None:
    """The organisation works with the centre (verified by its director)."""
    if Partnership.objects.filter(centre=centre, organisation=organisation).exists():
        return
    Partnership.objects.create(
        centre=centre,
        organisation=organisation,
        status=PartnershipStatus.VERIFIED,
        decided_at=timezone.now(),
        decided_by=director,
        message="Zgłoszenie do naborów centrum (dane demonstracyjne).",
        is_demo=True,
    )


def _call(centre: Centre, by, title: str, **fields) -> Call | None:
    """A new demo call, or None when it is already there."""
    if Call.objects.filter(centre=centre, title=title).exists():
        return None
    return services.call_create(
        centre=centre,
        by=by,
        gminas=[centre.seat_gmina],
        title=title,
        is_demo=True,
        **fields,
    )


def _offer(call: Call, organisation: Organisation, by, **fields) -> Offer:
    offer = services.offer_save(call=call, organisation=organisation, by=by, is_demo=True, **fields)
    return services.offer_submit(offer=offer, by=by)


def _back_in_time(call: Call, *, published_days: int, deadline_days: int) -> Call:
    """Move the publication and the deadline (and what happened before it) into the past."""
    now = timezone.now()
    published = now - dt.timedelta(days=published_days)
    deadline = now - dt.timedelta(days=deadline_days)
    Call.objects.filter(pk=call.pk).update(published_at=published, offers_deadline=deadline)
    events = CallEvent.objects.filter(call=call)
    events.filter(action__in=[CallAction.CREATED, CallAction.PUBLISHED]).update(
        at=published - dt.timedelta(hours=2)
    )
    events.filter(action=CallAction.OFFER_SUBMITTED).update(at=deadline - dt.timedelta(days=2))
    Offer.objects.filter(call=call, submitted_at__isnull=False).update(
        submitted_at=deadline - dt.timedelta(days=2)
    )
    call.refresh_from_db()
    return call


def _decided_back(call: Call, *, deadline_days: int) -> None:
    """The evaluation after the (past) deadline: offers closed the next day, checked and
    scored within a week, awarded after ten days, the results published two days later."""
    deadline = timezone.now() - dt.timedelta(days=deadline_days)
    closed, scored = deadline + dt.timedelta(days=1), deadline + dt.timedelta(days=6)
    awarded, published = deadline + dt.timedelta(days=10), deadline + dt.timedelta(days=12)
    events = CallEvent.objects.filter(call=call)
    events.filter(action=CallAction.OFFERS_CLOSED).update(at=closed)
    events.filter(action__in=[CallAction.OFFER_ACCEPTED, CallAction.OFFER_SCORED]).update(at=scored)
    events.filter(action=CallAction.AWARDED).update(at=awarded)
    events.filter(action=CallAction.RESULTS_PUBLISHED).update(at=published)
    Offer.objects.filter(call=call, checked_at__isnull=False).update(checked_at=scored)
    Score.objects.filter(offer__call=call).update(scored_at=scored)
    Offer.objects.filter(call=call, decided_at__isnull=False).update(decided_at=awarded)
    Call.objects.filter(pk=call.pk).update(results_published_at=published)


def _respite(centre, ous, demo, members, leader) -> None:
    start = timezone.localdate() + dt.timedelta(days=30)
    call = _call(
        centre,
        ous,
        RESPITE,
        mode=Mode.SMALL_GRANT,
        task_form="entrusting",
        service_type="respite_care",
        area="disability",
        terms=(
            "Opieka wytchnieniowa w formie pobytu dziennego dla osób z niepełnosprawnościami, "
            "200 godzin w okresie wakacji: opiekunowie zyskują czas na odpoczynek i sprawy "
            "własne. Miejsce realizacji na terenie gminy Świebodzin, transport uczestników."
        ),
        eligibility="Organizacje pozarządowe i podmioty z art. 3 ust. 3 u.d.p.p.w.",
        budget=Decimal("9800"),
        task_starts_on=start,
        task_ends_on=start + dt.timedelta(days=59),
        offers_deadline=timezone.now() + dt.timedelta(days=7),
        criteria=CRITERIA,
    )
    if call is None:
        return
    services.call_publish(call=call, by=ous)
    offers = [
        _offer(
            call,
            demo,
            leader,
            summary=(
                "Pobyt dzienny dla 8 osób w świetlicy przy ul. Kościuszki, dwa dni w tygodniu; "
                "opieka dwóch opiekunek z kursem opiekuna osoby zależnej."
            ),
            delivery="Świetlica dostosowana, transport busem, zajęcia ruchowe i terapeutyczne.",
            unit="hour",
            units=Decimal("200"),
            unit_price=Decimal("45"),
            staff="Dwie opiekunki, terapeutka zajęciowa (1/4 etatu).",
            schedule="Lipiec–sierpień, wtorki i czwartki 8:00–16:00.",
        ),
        _offer(
            call,
            members[0],
            None,
            summary=(
                "Opieka wytchnieniowa w domu uczestnika, do 4 godzin dziennie, prowadzona przez "
                "uczestników CIS przygotowanych do zawodu opiekuna."
            ),
            delivery="Opieka w domu, wsparcie opiekunów w sprawach urzędowych.",
            unit="hour",
            units=Decimal("200"),
            unit_price=Decimal("42"),
            staff="Instruktorka zawodu, 4 uczestników CIS.",
            schedule="Lipiec–sierpień, według potrzeb rodzin.",
        ),
    ]
    call = _back_in_time(call, published_days=12, deadline_days=1)
    services.call_close_offers(call=call, by=ous)
    offers = [services.offer_check(offer=o, by=ous, result=FormalResult.ACCEPT) for o in offers]
    services.comment_create(
        offer=offers[0],
        by=None,
        name="Rada Seniorów Gminy Świebodzin",
        comment="Popieramy: świetlica jest dostępna dla wózków, a transport to warunek udziału.",
    )


def _meals(centre, ous, director, demo, members, leader) -> None:
    today = timezone.localdate()
    call = _call(
        centre,
        ous,
        MEALS,
        mode=Mode.OPEN_COMPETITION,
        task_form="entrusting",
        service_type="meals",
        area="social_assistance",
        terms=(
            "Przygotowanie i dowóz gorącego posiłku (zupa i drugie danie) do domów 40 seniorów "
            "w dni robocze, z uwzględnieniem diet. Zadanie powierzane w całości (powierzenie)."
        ),
        eligibility="Organizacje pozarządowe, spółdzielnie socjalne, podmioty z art. 3 ust. 3.",
        budget=Decimal("180000"),
        # the task runs now: it started after the award
        task_starts_on=today - dt.timedelta(days=14),
        task_ends_on=today + dt.timedelta(days=350),
        offers_deadline=timezone.now() + dt.timedelta(days=22),
        criteria=CRITERIA,
    )
    if call is None:
        return
    services.call_publish(call=call, by=ous)
    common = {"unit": "meal", "units": Decimal("10000")}
    offers = [
        _offer(
            call,
            members[0],
            None,
            summary="Posiłki z pracowni gastronomicznej CIS, dowóz własnym samochodem.",
            delivery="Kuchnia CIS, dowóz termosami w dni robocze, diety cukrzycowe i lekkostrawne.",
            unit_price=Decimal("16.50"),
            staff="Kucharz-instruktor, 6 uczestników CIS, kierowca.",
            **common,
        ),
        _offer(
            call,
            members[1],
            None,
            summary="Posiłki przygotowywane w kuchni partnerskiej restauracji, dowóz przez CIS.",
            delivery="Zakup posiłków, dowóz i kontakt z seniorami.",
            unit_price=Decimal("17.90"),
            staff="Koordynatorka, 2 kierowców.",
            **common,
        ),
        _offer(
            call,
            demo,
            leader,
            summary="Posiłki i rozmowa: dowóz połączony z wizytą wolontariusza.",
            delivery="Catering zewnętrzny, dowóz wolontariuszy Konwentu.",
            unit_price=Decimal("19.00"),
            staff="Koordynator wolontariatu, 5 wolontariuszy.",
            **common,
        ),
    ]
    call = _back_in_time(call, published_days=70, deadline_days=45)
    services.call_close_offers(call=call, by=ous)
    points = [
        (Decimal("32"), Decimal("28"), Decimal("8")),
        (Decimal("28"), Decimal("24"), Decimal("6")),
        (Decimal("38"), Decimal("22"), Decimal("18")),
    ]
    criteria = list(call.criteria.order_by("position"))
    for offer, given in zip(offers, points, strict=True):
        services.offer_check(offer=offer, by=ous, result=FormalResult.ACCEPT)
        services.offer_score(
            offer=offer,
            by=ous,
            scores={
                c.pk: (p, "Ocena komisji konkursowej.")
                for c, p in zip(criteria, given, strict=True)
            },
        )
    services.call_award(
        call=call,
        by=director,
        decisions={
            offers[2].pk: {
                "decision": Decision.AWARD,
                "amount": Decimal("180000"),
                "reason": "Najwyżej oceniona oferta (78 pkt): posiłek z wizytą wolontariusza i "
                "kontakt z seniorem. Przyznano kwotę budżetu, niższą od wnioskowanej (18 zł za "
                "posiłek); oferent zaktualizuje kosztorys.",
            },
            offers[0].pk: {
                "decision": Decision.NOT_AWARD,
                "reason": "Niższa ocena (68 pkt): dowóz z Lubelszczyzny, mała znajomość gminy; "
                "budżet pozwala na jedną ofertę.",
            },
            offers[1].pk: {
                "decision": Decision.NOT_AWARD,
                "reason": "Niższa ocena (58 pkt); budżet pozwala na jedną ofertę.",
            },
        },
    )
    services.call_publish_results(call=call, by=director)
    _decided_back(call, deadline_days=45)


def _assistance_draft(centre, ous) -> None:
    start = timezone.localdate() + dt.timedelta(days=90)
    _call(
        centre,
        ous,
        ASSISTANCE,
        mode=Mode.OPEN_COMPETITION,
        task_form="supporting",
        service_type="personal_assistance",
        area="disability",
        terms=(
            "Asystencja osobista dla 12 osób z niepełnosprawnościami: wsparcie w czynnościach "
            "dnia codziennego, w dojazdach i w aktywności społecznej. Wspieranie: oferent "
            "wnosi wkład własny."
        ),
        eligibility="Organizacje pozarządowe i podmioty z art. 3 ust. 3 u.d.p.p.w.",
        budget=Decimal("96000"),
        task_starts_on=start,
        task_ends_on=start + dt.timedelta(days=270),
        offers_deadline=timezone.now() + dt.timedelta(days=40),
        criteria=CRITERIA,
    )


def _janow(centre, by) -> None:
    start = timezone.localdate() + dt.timedelta(days=60)
    call = _call(
        centre,
        by,
        HOME_HELP,
        mode=Mode.OPEN_COMPETITION,
        task_form="entrusting",
        service_type="home_help",
        area="social_assistance",
        terms=(
            "Usługi opiekuńcze w miejscu zamieszkania dla 25 osób starszych z gminy Janów "
            "Lubelski: pomoc w codziennych czynnościach, higiena, zakupy, kontakt z lekarzem."
        ),
        eligibility="Organizacje pozarządowe, spółdzielnie socjalne, podmioty z art. 3 ust. 3.",
        budget=Decimal("240000"),
        task_starts_on=start,
        task_ends_on=start + dt.timedelta(days=364),
        offers_deadline=timezone.now() + dt.timedelta(days=30),
        criteria=CRITERIA,
    )
    if call is not None:
        services.call_publish(call=call, by=by)


# The grants each demo gmina plans this year for public tasks of NGOs (its programme of
# cooperation): art. 19a small grants may take 20% of them. Illustrative amounts.
PROGRAMME = "Program współpracy Gminy {} z organizacjami pozarządowymi (demo)"
GRANT_POOLS = {
    "swiebodzin": (Decimal("1250000"), PROGRAMME.format("Świebodzin")),
    "janow-lubelski": (Decimal("640000"), PROGRAMME.format("Janów Lubelski")),
}


def _grant_pools(centres: dict) -> None:
    """This year's pool of each demo centre, unless one is recorded (a user's stays)."""
    year = timezone.localdate().year
    for slug, (amount, source) in GRANT_POOLS.items():
        if slug in centres:
            GrantPool.objects.get_or_create(
                centre=centres[slug], year=year, defaults={"amount": amount, "source": source}
            )


@transaction.atomic
def load_commissioning() -> int:
    """The demo calls; returns how many calls the demo centres have."""
    centres = {c.slug: c for c in Centre.objects.filter(slug__in=["swiebodzin", "janow-lubelski"])}
    _grant_pools(centres)
    demo = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    swiebodzin = centres.get("swiebodzin")
    if swiebodzin is not None and demo is not None:
        members = list(
            Organisation.objects.filter(slug__in=[member_slug(n) for n in SWIEBODZIN_MEMBERS])
        )
        members.sort(key=lambda o: [member_slug(n) for n in SWIEBODZIN_MEMBERS].index(o.slug))
        if len(members) == len(SWIEBODZIN_MEMBERS):
            ous = _user("ous.swiebodzin@opencus.example")
            director = _user("dyrektor.swiebodzin@opencus.example")
            leader = _user("lider.konwent@opencus.example")
            for member in members:
                _ask(swiebodzin, member, director)
            _meals(swiebodzin, ous, director, demo, members, leader)
            _respite(swiebodzin, ous, demo, members, leader)
            _assistance_draft(swiebodzin, ous)
    janow = centres.get("janow-lubelski")
    if janow is not None:
        _janow(janow, _user("dyrektor.janow@opencus.example"))
    return Call.objects.filter(centre__in=centres.values()).count()
