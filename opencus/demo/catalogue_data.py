"""The demo service catalogue, from the seed documents.

Seed 004 (ROPS Zielona Góra) lists what the Lubuskie centres deliver or will deliver: support
for people with disabilities, for seniors and for families, and the gaps the gminas report
(health prevention, specialist transport, respite care, supported flats). Seed 003 (the Lublin
partnership strategy) characterises the services social-economy entities (CIS/KIS of the
Konwent) can take on for a CUS: personal assistance, advocacy, crisis intervention, respite,
befriending, home help, small-children care, care services, rehabilitation, companion,
after-school care, technical help, meals, renovation and adaptation.

The services are spread over the demo centres. Everything below — who runs what, addresses,
prices, hours, phone numbers — is invented and flagged ``is_demo``. Prices follow seed 004's
advice: every service shows its real market value, whatever part of it the resident pays.
Supported and training flats are left out: today they cannot be part of a CUS (art. 23 ust. 6).

The wizard scenario: an 82-year-old living alone in the rural gmina Trzebiel, who cannot drive,
finds transport, meals at home and a senior assistant from CUS Trzebiel, and remote care from
CUS Żary, open to Trzebiel through the bilateral agreement in ``data.SERVICE_AGREEMENTS``.
"""

from dataclasses import dataclass
from decimal import Decimal

from opencus.catalogue.enums import AccessMode, ServiceStatus
from opencus.providers.enums import LegalForm

WORKDAYS = "MO TU WE TH FR"
EVERY_DAY = "MO TU WE TH FR SA SU"


@dataclass(frozen=True)
class Provider:
    slug: str
    name: str
    legal_form: str
    seat_gmina: str
    email: str
    phone: str = ""
    # The seed names the Konwent's CIS/KIS; the organisations below it does not name are demo.
    is_demo: bool = True


@dataclass(frozen=True)
class Place:
    key: str
    centre: str
    name: str
    street: str
    postal_code: str
    city: str
    gmina: str
    latitude: str
    longitude: str
    wheelchair_access: bool = True
    accessible_toilet: bool = True
    hearing_loop: bool = False
    parking: bool = True
    accessibility_notes: str = ""
    transport_notes: str = ""


@dataclass(frozen=True)
class Fee:
    kind: str  # FeeKind
    unit: str  # Unit
    value: int  # the real value of one unit, PLN
    price: int = 0  # what the resident pays per unit, PLN
    notes: str = ""

    @property
    def market_value(self) -> Decimal:
        return Decimal(self.value)

    @property
    def resident_price(self) -> Decimal:
        return Decimal(self.price)


@dataclass(frozen=True)
class Hours:
    days: str  # Weekday codes separated by spaces
    opens: str
    closes: str
    at: str = ""  # a Place key, or "" for the service in general
    note: str = ""


@dataclass(frozen=True)
class DemoService:
    centre: str
    name: str
    summary: str
    description: str
    areas: tuple[str, ...]
    groups: tuple[str, ...]
    needs: tuple[str, ...]
    modes: tuple[str, ...]  # at_home, at_location, mobile, remote
    fee: Fee
    funding: tuple[str, ...]
    access: str = AccessMode.APPLICATION
    min_age: int | None = None
    max_age: int | None = None
    eligibility: str = ""
    residents: tuple[str, ...] = ()  # gmina codes; empty: the centre's own gminas
    capacity: tuple[int, str] | None = None  # (units, CapacityPeriod)
    how_to_apply: str = ""
    phone: str = ""  # empty: the centre's service line (CONTACTS)
    email: str = ""
    documents: tuple[str, ...] = ()
    provider: str = ""  # a Provider slug; empty: the centre itself
    places: tuple[tuple[str, str], ...] = ()  # (Place key, note)
    hours: tuple[Hours, ...] = ()
    # Steps after the draft; the default publishes it.
    steps: tuple[tuple[str, str], ...] = ((ServiceStatus.PUBLISHED, ""),)


# The service line of each centre in the catalogue: (phone, e-mail); invented numbers.
CONTACTS = {
    "trzebiel": ("+48 68 000 11 10", "uslugi@cus-trzebiel.opencus.example"),
    "zary": ("+48 68 000 12 10", "uslugi@cus-zary.opencus.example"),
    "swiebodzin": ("+48 68 000 13 10", "uslugi@cus-swiebodzin.opencus.example"),
    "zbaszynek": ("+48 68 000 14 10", "uslugi@cus-zbaszynek.opencus.example"),
    "trzciel": ("+48 95 000 15 10", "uslugi@cus-trzciel.opencus.example"),
    "miedzyrzecz": ("+48 95 000 16 10", "uslugi@cus-miedzyrzecz.opencus.example"),
    "szprotawa": ("+48 68 000 17 10", "uslugi@cus-szprotawa.opencus.example"),
    "zielona-gora": ("+48 68 000 18 10", "uslugi@cus-zielona-gora.opencus.example"),
    "czerwiensk": ("+48 68 000 19 10", "uslugi@cus-czerwiensk.opencus.example"),
    "sulechow": ("+48 68 000 20 10", "uslugi@cus-sulechow.opencus.example"),
    "krosno": ("+48 68 000 21 10", "mus@cus-krosno.opencus.example"),
    "nowa-sol": ("+48 68 000 22 10", "uslugi@cus-nowa-sol.opencus.example"),
    "janow-lubelski": ("+48 15 000 23 10", "uslugi@cus-janow-lubelski.opencus.example"),
    "wojslawice": ("+48 82 000 24 10", "uslugi@cus-wojslawice.opencus.example"),
}

PROVIDERS = [
    Provider(
        "sc-dobra-kuchnia",
        "Spółdzielnia Socjalna „Dobra Kuchnia”",
        LegalForm.SOCIAL_COOPERATIVE,
        "0811082",
        "biuro@dobra-kuchnia.opencus.example",
        "+48 68 000 31 01",
    ),
    Provider(
        "sc-zlota-raczka",
        "Spółdzielnia Socjalna „Złota Rączka”",
        LegalForm.SOCIAL_COOPERATIVE,
        "0808053",
        "zlecenia@zlota-raczka.opencus.example",
        "+48 68 000 31 02",
    ),
    Provider(
        "fundacja-zlota-jesien",
        "Fundacja „Złota Jesień”",
        LegalForm.FOUNDATION,
        "0811021",
        "teleopieka@zlota-jesien.opencus.example",
        "+48 68 000 31 03",
    ),
    Provider(
        "stowarzyszenie-rodzina-plus",
        "Stowarzyszenie „Rodzina Plus”",
        LegalForm.ASSOCIATION,
        "0810073",
        "kontakt@rodzina-plus.opencus.example",
        "+48 68 000 31 04",
    ),
    Provider(
        "gospodarstwo-pod-lipami",
        "Gospodarstwo opiekuńcze „Pod Lipami”",
        LegalForm.OTHER,
        "0803063",
        "gospodarstwo@pod-lipami.opencus.example",
        "+48 95 000 31 05",
    ),
    # Konwent members in Janów Lubelski named by seed 003 (their contact data is invented).
    Provider(
        "kis-humanus",
        "KIS Humanus w Janowie Lubelskim",
        LegalForm.KIS,
        "0605053",
        "humanus@opencus.example",
        "+48 15 000 32 01",
        is_demo=False,
    ),
    Provider(
        "nasz-kis",
        "„Nasz” KIS w Janowie Lubelskim",
        LegalForm.KIS,
        "0605053",
        "nasz-kis@opencus.example",
        "+48 15 000 32 02",
        is_demo=False,
    ),
]

_KROSNO_POINT = "Przystanek Mobilnego Klubu Rodzinnego. "
PLACES = [
    Place(
        "swiebodzin-rodzina",
        "swiebodzin",
        "Centrum Rodziny CUS Świebodzin",
        "ul. Młyńska 5",
        "66-200",
        "Świebodzin",
        "0808053",
        "52.24712",
        "15.53208",
        hearing_loop=True,
        accessibility_notes="Wejście z poziomu chodnika, winda na piętro, przewijak, kącik do "
        "karmienia, miejsce na wózki dziecięce.",
        transport_notes="5 minut pieszo od Rynku; przystanek autobusowy „Młyńska”.",
    ),
    Place(
        "zbaszynek-cus",
        "zbaszynek",
        "Sala zajęć CUS Zbąszynek",
        "ul. Mickiewicza 8",
        "66-210",
        "Zbąszynek",
        "0808063",
        "52.24281",
        "15.81796",
        accessibility_notes="Sala na parterze, szerokie drzwi, toaleta dostosowana.",
        transport_notes="Blisko dworca PKP Zbąszynek (ok. 600 m).",
    ),
    Place(
        "zbaszynek-rogoziniec",
        "zbaszynek",
        "Świetlica wiejska w Rogozińcu",
        "Rogoziniec 21",
        "66-210",
        "Rogoziniec",
        "0808063",
        "52.26890",
        "15.75980",
        accessible_toilet=False,
        accessibility_notes="Jeden niski stopień przy wejściu; toaleta niedostosowana.",
        transport_notes="Parking przed świetlicą.",
    ),
    Place(
        "zbaszynek-kosieczyn",
        "zbaszynek",
        "Świetlica wiejska w Kosieczynie",
        "Kosieczyn 44",
        "66-210",
        "Kosieczyn",
        "0808063",
        "52.21430",
        "15.86120",
        accessibility_notes="Podjazd dla wózków, toaleta dostosowana.",
    ),
    Place(
        "trzciel-cus",
        "trzciel",
        "Sala zajęć CUS Trzciel",
        "ul. Poznańska 22",
        "66-320",
        "Trzciel",
        "0803063",
        "52.37040",
        "15.87390",
        accessibility_notes="Parter, bez progów; gabinet biofeedbacku obok sali ćwiczeń.",
        transport_notes="Przystanek autobusowy „Trzciel, Poznańska” przed budynkiem.",
    ),
    Place(
        "trzciel-gospodarstwo",
        "trzciel",
        "Zielone gospodarstwo opiekuńcze „Pod Lipami”",
        "Łagowiec 14",
        "66-320",
        "Łagowiec",
        "0803063",
        "52.34650",
        "15.83210",
        accessibility_notes="Utwardzone ścieżki, podwyższone grządki dla osób na wózkach, "
        "toaleta dostosowana w budynku świetlicy gospodarstwa.",
        transport_notes="Bus gospodarstwa przywozi i odwozi uczestników.",
    ),
    Place(
        "szprotawa-wypozyczalnia",
        "szprotawa",
        "Wypożyczalnia sprzętu rehabilitacyjnego",
        "ul. Kopernika 3",
        "67-300",
        "Szprotawa",
        "0810073",
        "51.56620",
        "15.53560",
        accessibility_notes="Wjazd bez progu, rampa rozładunkowa; toaleta niedostosowana.",
        accessible_toilet=False,
        transport_notes="Możliwy dowóz sprzętu do domu (po uzgodnieniu).",
    ),
    Place(
        "szprotawa-klub",
        "szprotawa",
        "Klub Integracji Międzypokoleniowej",
        "ul. Sobieskiego 7",
        "67-300",
        "Szprotawa",
        "0810073",
        "51.56410",
        "15.54010",
        hearing_loop=True,
        accessibility_notes="Parter, pętla indukcyjna w sali, toaleta dostosowana.",
        transport_notes="Przystanek „Sobieskiego” linii miejskiej.",
    ),
    Place(
        "zielona-gora-rodzina",
        "zielona-gora",
        "Centrum Dialogu i Wspierania Rodziny",
        "ul. Botaniczna 50",
        "65-392",
        "Zielona Góra",
        "0862011",
        "51.92750",
        "15.50020",
        hearing_loop=True,
        accessibility_notes="Winda, pętla indukcyjna w recepcji, tłumacz PJM po wcześniejszym "
        "zgłoszeniu.",
        transport_notes="Autobusy MZK linii 5 i 27, przystanek „Botaniczna”.",
    ),
    Place(
        "zielona-gora-mlodziez",
        "zielona-gora",
        "Centrum Młodzieżowe",
        "ul. Chopina 21",
        "65-031",
        "Zielona Góra",
        "0862011",
        "51.93950",
        "15.50810",
        parking=False,
        accessibility_notes="Wejście bez schodów od dziedzińca; toaleta dostosowana.",
        transport_notes="Centrum miasta, 5 minut pieszo od deptaka.",
    ),
    Place(
        "zielona-gora-wytchnienie",
        "zielona-gora",
        "Dzienny ośrodek wytchnieniowy",
        "ul. Wyszyńskiego 60",
        "65-536",
        "Zielona Góra",
        "0862011",
        "51.93120",
        "15.48600",
        accessibility_notes="Cały ośrodek na parterze, łazienka z podnośnikiem, pokój wyciszenia.",
        transport_notes="Przystanek „Wyszyńskiego” (linie 0, 3, 8).",
    ),
    Place(
        "sulechow-swietlica",
        "sulechow",
        "Świetlica przy Szkole Podstawowej nr 2",
        "ul. Szkolna 6",
        "66-100",
        "Sulechów",
        "0809063",
        "52.08560",
        "15.62480",
        accessibility_notes="Wejście boczne z podjazdem; toaleta dostosowana na parterze.",
    ),
    # The Mobile Family Club: one point in each of the seven gminas of powiat krośnieński.
    Place(
        "krosno-biblioteka",
        "krosno",
        "Biblioteka Publiczna w Krośnie Odrzańskim – sala dziecięca",
        "ul. Poznańska 1",
        "66-600",
        "Krosno Odrzańskie",
        "0802063",
        "52.05480",
        "15.09960",
        accessibility_notes=_KROSNO_POINT + "Winda, przewijak, miejsce na wózki.",
    ),
    Place(
        "krosno-gubin-miasto",
        "krosno",
        "Gubiński Dom Kultury – sala kameralna",
        "ul. Piastowska 26",
        "66-620",
        "Gubin",
        "0802011",
        "51.94960",
        "14.72510",
        accessibility_notes=_KROSNO_POINT + "Wejście z podjazdem, toaleta dostosowana.",
    ),
    Place(
        "krosno-chlebowo",
        "krosno",
        "Świetlica wiejska w Chlebowie",
        "Chlebowo 45",
        "66-620",
        "Chlebowo",
        "0802052",
        "51.92260",
        "14.78410",
        accessible_toilet=False,
        accessibility_notes=_KROSNO_POINT + "Jeden stopień przy wejściu (jest pochylnia).",
    ),
    Place(
        "krosno-bobrowice",
        "krosno",
        "Gminny Ośrodek Kultury w Bobrowicach",
        "Bobrowice 12",
        "66-627",
        "Bobrowice",
        "0802022",
        "51.94720",
        "15.08930",
        accessibility_notes=_KROSNO_POINT + "Sala na parterze, przewijak.",
    ),
    Place(
        "krosno-bytnica",
        "krosno",
        "Świetlica wiejska w Bytnicy",
        "ul. Okrężna 3",
        "66-630",
        "Bytnica",
        "0802032",
        "52.15080",
        "15.17020",
        accessibility_notes=_KROSNO_POINT + "Sala na parterze.",
    ),
    Place(
        "krosno-dabie",
        "krosno",
        "Świetlica wiejska w Dąbiu",
        "Dąbie 40",
        "66-615",
        "Dąbie",
        "0802042",
        "52.08330",
        "15.13330",
        accessible_toilet=False,
        accessibility_notes=_KROSNO_POINT + "Wejście bez progu; toaleta niedostosowana.",
    ),
    Place(
        "krosno-maszewo",
        "krosno",
        "Świetlica w Maszewie",
        "Maszewo 38",
        "66-614",
        "Maszewo",
        "0802072",
        "52.07910",
        "14.86020",
        accessibility_notes=_KROSNO_POINT + "Podjazd, toaleta dostosowana.",
    ),
    Place(
        "janow-cus",
        "janow-lubelski",
        "Centrum Usług Społecznych w Janowie Lubelskim – punkt obsługi",
        "ul. Ogrodowa 16",
        "23-300",
        "Janów Lubelski",
        "0605053",
        "50.70740",
        "22.41230",
        hearing_loop=True,
        accessibility_notes="Punkt obsługi na parterze, pętla indukcyjna, toaleta dostosowana.",
        transport_notes="Przystanek PKS „Janów Lubelski, Ogrodowa”.",
    ),
    Place(
        "janow-rehabilitacja",
        "janow-lubelski",
        "Gabinet rehabilitacji CUS",
        "ul. Bialska 3",
        "23-300",
        "Janów Lubelski",
        "0605053",
        "50.70980",
        "22.40610",
        accessibility_notes="Parter, szerokie drzwi, stół rehabilitacyjny z regulacją wysokości.",
    ),
    Place(
        "janow-klub-malucha",
        "janow-lubelski",
        "Klub malucha „Janowskie Skrzaty”",
        "ul. Zamoyskiego 59",
        "23-300",
        "Janów Lubelski",
        "0605053",
        "50.70310",
        "22.41820",
        accessibility_notes="Parter, ogródek zabaw przy sali, miejsce na wózki.",
    ),
    Place(
        "janow-warsztat",
        "janow-lubelski",
        "Warsztat KIS – serwis sprzętu",
        "ul. Przemysłowa 4",
        "23-300",
        "Janów Lubelski",
        "0605053",
        "50.71360",
        "22.39870",
        accessible_toilet=False,
        accessibility_notes="Wjazd bez progu; toaleta niedostosowana.",
    ),
    Place(
        "wojslawice-swietlica",
        "wojslawice",
        "Świetlica środowiskowa w Wojsławicach",
        "ul. Szkolna 2",
        "22-120",
        "Wojsławice",
        "0603132",
        "50.91890",
        "23.54420",
        accessibility_notes="Sala na parterze szkoły, wejście z podjazdem.",
        transport_notes="Dowóz szkolny z sołectw gminy (do 17:00).",
    ),
]

_UE = "Fundusze Europejskie dla Lubuskiego 2021–2027"
_UE_LUBELSKIE = "Fundusze Europejskie dla Lubelskiego 2021–2027"
_DISABILITY_DOC = "Orzeczenie o niepełnosprawności (lub o stopniu niepełnosprawności)."

SERVICES = [
    # --- Trzebiel (gmina wiejska): the wizard scenario -----------------------------------
    DemoService(
        centre="trzebiel",
        name="Transport door-to-door – taxi senior",
        summary="Przewóz z domu do lekarza, urzędu lub na zakupy i z powrotem. Kierowca pomaga "
        "wyjść z domu i wsiąść do auta.",
        description="Usługa transportowa „od drzwi do drzwi” (door-to-door, taxi senior) dla "
        "seniorów i osób z niepełnosprawnością, które nie mogą same dojechać: nie prowadzą "
        "samochodu, a autobusy w gminie jeżdżą rzadko. Kierowca przyjeżdża pod dom, pomaga "
        "zejść ze schodów, wsiąść do auta i dojść do gabinetu lub urzędu, a potem odwozi do "
        "domu. Jeździmy po gminie Trzebiel oraz do Żar (przychodnie, szpital, urzędy, apteki). "
        "Samochód ma rampę dla wózka inwalidzkiego. Przejazd trzeba zamówić co najmniej dwa dni "
        "wcześniej.",
        areas=("social_assistance", "disability"),
        groups=("seniors", "disability"),
        needs=("getting_around",),
        modes=("at_home", "mobile"),
        eligibility="Osoby od 60. roku życia oraz osoby z orzeczeniem o niepełnosprawności, które "
        "nie mogą same dojechać do lekarza, urzędu czy sklepu.",
        fee=Fee(
            "cofinanced",
            "ride",
            60,
            10,
            "Prawdziwy koszt kursu (tam i z powrotem) to około 60 zł. Gmina i środki UE "
            "dopłacają 50 zł, mieszkaniec płaci 10 zł. Osoby o dochodzie poniżej kryterium "
            "z ustawy o pomocy społecznej mogą być zwolnione z opłaty.",
        ),
        funding=("gmina_budget", "eu_funds"),
        capacity=(60, "month"),
        how_to_apply="Zadzwoń do CUS w dni robocze (8:00–15:00) i zamów przejazd co najmniej "
        "2 dni wcześniej. Przy pierwszym przejeździe kierowca poprosi o podpisanie krótkiego "
        "zgłoszenia.",
        hours=(Hours(WORKDAYS, "07:00", "17:00", note="kursy po zamówieniu"),),
    ),
    DemoService(
        centre="trzebiel",
        name="Dowóz posiłków",
        summary="Ciepły obiad przywożony do domu od poniedziałku do piątku. Dla seniorów i osób "
        "z niepełnosprawnością, które nie mogą same gotować.",
        description="W dni robocze przywozimy do domu ciepły, dwudaniowy obiad (zupa i drugie "
        "danie). Posiłki gotuje Spółdzielnia Socjalna „Dobra Kuchnia” z produktów od "
        "okolicznych rolników. Można zamówić dietę lekkostrawną, cukrzycową lub papkowatą. "
        "Kierowca, który przywozi obiad, sprawdza przy okazji, czy wszystko w porządku, i w "
        "razie potrzeby powiadamia rodzinę lub CUS. Dowozimy do wszystkich miejscowości gminy "
        "Trzebiel.",
        areas=("social_assistance", "disability", "health"),
        groups=("seniors", "disability"),
        needs=("meals",),
        modes=("at_home",),
        eligibility="Seniorzy i osoby z niepełnosprawnością, które nie mogą same przygotować "
        "ciepłego posiłku.",
        fee=Fee(
            "cofinanced",
            "meal",
            28,
            12,
            "Prawdziwa wartość obiadu z dowozem to 28 zł. Mieszkaniec płaci 12 zł, resztę "
            "dopłaca gmina. Osoby o niskim dochodzie mogą być zwolnione z opłaty.",
        ),
        funding=("gmina_budget",),
        capacity=(300, "week"),
        how_to_apply="Zadzwoń do CUS lub przyjdź do punktu obsługi. Obiady można zamówić od "
        "następnego dnia roboczego; rezygnację z obiadu zgłoś do 9:00 tego samego dnia.",
        provider="sc-dobra-kuchnia",
        hours=(Hours(WORKDAYS, "11:00", "14:00", note="rozwożenie obiadów"),),
    ),
    DemoService(
        centre="trzebiel",
        name="Asystent osoby starszej",
        summary="Asystent pomaga w codziennych sprawach: zakupach, wizycie u lekarza, sprawach "
        "w urzędzie. Dotrzymuje też towarzystwa.",
        description="Asystent osoby starszej odwiedza seniora w domu kilka razy w tygodniu. "
        "Usługę nazywa się też „asystent seniora”. Asystent pomaga w tym, z czym trudno "
        "poradzić sobie samemu: zrobić zakupy, wykupić leki, pójść do lekarza lub urzędu, "
        "przygotować prosty posiłek, zadbać o porządek. Rozmawia, spaceruje, czyta, pomaga "
        "utrzymać kontakt z rodziną i sąsiadami. Nie zastępuje pielęgniarki ani opiekunki – w "
        "razie potrzeby pomoże zorganizować takie wsparcie. Usługa jest przede wszystkim dla "
        "osób, które mieszkają same.",
        areas=("social_assistance", "health"),
        groups=("seniors",),
        needs=("daily_care", "loneliness", "getting_around"),
        modes=("at_home",),
        min_age=60,
        eligibility="Osoby od 60. roku życia, zwłaszcza mieszkające samotnie.",
        fee=Fee(
            "free",
            "hour",
            55,
            0,
            f"Godzina pracy asystenta jest warta około 55 zł. Dla mieszkańców usługa jest "
            f"bezpłatna: finansują ją {_UE} i gmina.",
        ),
        funding=("eu_funds", "gmina_budget"),
        capacity=(400, "month"),
        how_to_apply="Zadzwoń do CUS. Pracownik umówi się na wizytę w domu, porozmawia o "
        "potrzebach i ustali z Tobą dni i godziny wizyt asystenta.",
        hours=(Hours(WORKDAYS, "08:00", "18:00"), Hours("SA", "09:00", "13:00")),
    ),
    DemoService(
        centre="trzebiel",
        name="Bank czasu – sąsiedzka pomoc",
        summary="Wymiana przysług między sąsiadami: godzina Twojej pomocy to godzina pomocy dla "
        "Ciebie.",
        description="Przygotowujemy bank czasu: mieszkańcy wymieniają się drobnymi przysługami "
        "(podwiezienie, zakupy, pomoc w ogrodzie, nauka obsługi telefonu). Każda godzina pomocy "
        "jest zapisywana i można ją „wydać”, prosząc o pomoc innych. Ruszamy wiosną.",
        areas=("civic_activity", "social_assistance"),
        groups=("all",),
        needs=("activity", "loneliness"),
        modes=("at_home", "mobile"),
        access=AccessMode.OPEN,
        fee=Fee("free", "hour", 30, 0, "Bank czasu nie pobiera opłat."),
        funding=("gmina_budget",),
        steps=(),  # a draft: the centre is still preparing it
    ),
    # --- Żary: remote care, open to Trzebiel by agreement ------------------------------------
    DemoService(
        centre="zary",
        name="Opieka na odległość – teleopieka",
        summary="Opaska z przyciskiem SOS na rękę. Jedno naciśnięcie łączy z centrum pomocy, które "
        "wzywa rodzinę lub pogotowie.",
        description="Teleopieka to opieka na odległość dla osób starszych i z "
        "niepełnosprawnością, które mieszkają same. Dostajesz opaskę na rękę (albo wisiorek) z "
        "przyciskiem SOS, czujnikiem upadku i lokalizacją. Po naciśnięciu przycisku łączysz się "
        "z ratownikiem w centrum teleopieki, czynnym całą dobę. Ratownik rozmawia z Tobą, a w "
        "razie potrzeby powiadamia rodzinę lub sąsiada albo wzywa pogotowie. Raz w tygodniu "
        "centrum samo dzwoni zapytać o samopoczucie. Pracownik przyjeżdża do domu, zakłada "
        "opaskę i uczy z niej korzystać. Z usługi mogą korzystać także mieszkańcy gminy "
        "Trzebiel – na podstawie porozumienia międzygminnego.",
        areas=("social_assistance", "health", "disability"),
        groups=("seniors", "disability"),
        needs=("safety_at_home", "loneliness"),
        modes=("remote", "at_home"),
        eligibility="Osoby od 60. roku życia i osoby z niepełnosprawnością, które mieszkają same "
        "lub są same przez większą część dnia; mieszkańcy Żar i gminy Trzebiel.",
        residents=("0811021", "0811082"),
        fee=Fee(
            "cofinanced",
            "month",
            90,
            15,
            "Pełny koszt teleopieki (opaska, abonament, centrum alarmowe całą dobę) to około "
            "90 zł miesięcznie. Mieszkaniec płaci 15 zł miesięcznie, resztę pokrywa program "
            "rządowy i gmina (dla mieszkańców Trzebiela – gmina Trzebiel na podstawie "
            "porozumienia).",
        ),
        funding=("state_programme", "gmina_budget"),
        capacity=(150, "month"),
        how_to_apply="Zadzwoń do CUS w Żarach lub do CUS w Trzebielu (dla mieszkańców gminy "
        "Trzebiel). Opaskę zakładamy w domu w ciągu 7 dni od zgłoszenia.",
        provider="fundacja-zlota-jesien",
        hours=(Hours(EVERY_DAY, "00:00", "23:59", note="centrum alarmowe całą dobę"),),
    ),
    # --- Świebodzin ------------------------------------------------------------------------
    DemoService(
        centre="swiebodzin",
        name="Rehabilitacja w miejscu zamieszkania",
        summary="Fizjoterapeuta przychodzi do domu i prowadzi ćwiczenia. Dla osób, które nie mogą "
        "dojechać na rehabilitację.",
        description="Usługa rehabilitacji w miejscu zamieszkania: fizjoterapeuta odwiedza osobę z "
        "niepełnosprawnością w domu i prowadzi ćwiczenia ruchowe, naukę chodzenia (także o "
        "kulach i z balkonikiem), ćwiczenia oddechowe i masaż. Pokazuje też rodzinie, jak "
        "bezpiecznie pomagać przy przesiadaniu i ćwiczeniach. Cykl to zwykle 10 wizyt po "
        "60 minut. Usługa jest dla osób, które z powodu stanu zdrowia nie mogą dojechać do "
        "przychodni.",
        areas=("health", "disability"),
        groups=("disability", "seniors"),
        needs=("health",),
        modes=("at_home",),
        eligibility="Osoby z orzeczeniem o niepełnosprawności, które nie mogą same dojechać na "
        "rehabilitację.",
        fee=Fee(
            "free",
            "visit",
            150,
            0,
            "Wizyta fizjoterapeuty w domu jest warta około 150 zł. Dla mieszkańców z "
            "orzeczeniem o niepełnosprawności jest bezpłatna – finansują ją środki UE i gmina.",
        ),
        funding=("eu_funds", "gmina_budget"),
        capacity=(80, "month"),
        how_to_apply="Złóż wniosek w CUS (osobiście, pocztą lub przez ePUAP) z kopią orzeczenia "
        "i zaleceniem lekarza. Fizjoterapeuta zadzwoni, aby umówić pierwszą wizytę.",
        documents=("disability_certificate", "medical_referral"),
        hours=(Hours(WORKDAYS, "08:00", "18:00", note="wizyty domowe po umówieniu"),),
    ),
    DemoService(
        centre="swiebodzin",
        name="Koszyk pomocowy: usługi sprzątające i złota rączka",
        summary="Pomoc przy cięższych porządkach i drobne naprawy w domu: kran, karnisz, "
        "gniazdko, żarówka.",
        description="Koszyk pomocowy to pakiet usług dla osób starszych i z "
        "niepełnosprawnościami. Ekipa Spółdzielni Socjalnej „Złota Rączka” przyjeżdża do domu "
        "i pomaga w cięższych porządkach (mycie okien, pranie firan, sprzątanie po zimie) oraz w "
        "drobnych naprawach: złota rączka naprawi kran, zawiesi półkę lub karnisz, wymieni "
        "żarówkę czy uszczelkę, zamontuje uchwyt przy wannie. Materiały (np. nowy kran) "
        "kupuje mieszkaniec albo pracownik za jego zgodą. W ramach koszyka przysługuje do "
        "8 godzin pomocy w miesiącu.",
        areas=("social_assistance", "disability", "housing"),
        groups=("seniors", "disability"),
        needs=("housework",),
        modes=("at_home",),
        min_age=65,
        eligibility="Osoby od 65. roku życia oraz osoby z niepełnosprawnością w każdym wieku.",
        fee=Fee(
            "cofinanced",
            "hour",
            45,
            15,
            "Godzina pracy ekipy jest warta 45 zł. Mieszkaniec płaci 15 zł, resztę dopłaca "
            "gmina. Materiały opłaca mieszkaniec.",
        ),
        funding=("gmina_budget",),
        capacity=(160, "month"),
        how_to_apply="Zadzwoń do CUS i opisz, czego potrzebujesz. Spółdzielnia umówi termin "
        "w ciągu tygodnia.",
        provider="sc-zlota-raczka",
        hours=(Hours(WORKDAYS, "08:00", "16:00"), Hours("SA", "09:00", "13:00")),
    ),
    DemoService(
        centre="swiebodzin",
        name="Świadome rodzicielstwo – zajęcia dla kobiet w ciąży i rodziców niemowląt",
        summary="Spotkania dla przyszłych mam i ojców oraz rodziców niemowląt: poród, karmienie, "
        "pielęgnacja, pierwsze miesiące z dzieckiem.",
        description="„Świadome rodzicielstwo” to cykl zajęć prowadzonych przez położną, "
        "fizjoterapeutkę, doradczynię laktacyjną i psychologa. Rozmawiamy o przygotowaniu do "
        "porodu, karmieniu piersią, pielęgnacji i kąpieli noworodka, noszeniu dziecka, śnie, "
        "płaczu i zmęczeniu rodzica. Zapraszamy także ojców i babcie. Po urodzeniu dziecka "
        "można przychodzić na spotkania z niemowlęciem.",
        areas=("pro_family", "family_support", "health"),
        groups=("families", "children_0_3"),
        needs=("parenting",),
        modes=("at_location",),
        access=AccessMode.OPEN,
        eligibility="Kobiety w ciąży, ich partnerzy i rodzice dzieci do 1. roku życia.",
        fee=Fee(
            "free",
            "session",
            80,
            0,
            f"Spotkanie jest warte około 80 zł; jest bezpłatne dzięki {_UE}.",
        ),
        funding=("eu_funds",),
        how_to_apply="Przyjdź na zajęcia; na pierwszy cykl warto zapisać się telefonicznie "
        "(grupa do 12 par).",
        places=(("swiebodzin-rodzina", "sala na piętrze (winda)"),),
        hours=(
            Hours("TU", "17:00", "19:00", "swiebodzin-rodzina", "szkoła rodzenia"),
            Hours("SA", "10:00", "12:00", "swiebodzin-rodzina", "spotkania z niemowlętami"),
        ),
    ),
    DemoService(
        centre="swiebodzin",
        name="Klub rodziny",
        summary="Zajęcia dla rodziców z dziećmi: sensoryczne, muzyczne, kulinarne, trening "
        "umiejętności społecznych i spotkania z psychologiem dziecięcym.",
        description="Klub rodziny to miejsce, do którego rodzice przychodzą razem z dziećmi. W "
        "programie są zajęcia sensoryczne dla maluchów, zajęcia umuzykalniające, trening "
        "umiejętności społecznych (TUS) dla dzieci w wieku szkolnym, wspólne gotowanie oraz "
        "dyżury psychologa dziecięcego. To także okazja, by poznać innych rodziców z okolicy. "
        "Na niektóre warsztaty obowiązują zapisy.",
        areas=("pro_family", "family_support", "culture"),
        groups=("families", "children"),
        needs=("parenting", "activity"),
        modes=("at_location",),
        access=AccessMode.OPEN,
        fee=Fee("free", "session", 60, 0, "Zajęcia są warte około 60 zł; dla rodzin bezpłatne."),
        funding=("eu_funds", "gmina_budget"),
        places=(("swiebodzin-rodzina", ""),),
        hours=(
            Hours("WE", "16:00", "19:00", "swiebodzin-rodzina"),
            Hours("SA", "10:00", "13:00", "swiebodzin-rodzina"),
        ),
    ),
    # Commissioned in an open competition (commissioning_loader) and contracted from the
    # award (contracts_loader): the provider is set when the contract is signed.
    DemoService(
        centre="swiebodzin",
        name="Gorący obiad dla seniorów",
        summary="Dwudaniowy obiad przywożony do domu w dni robocze, z krótką rozmową przy "
        "drzwiach. Dla seniorów, którzy nie mogą sami gotować.",
        description="W dni robocze przywozimy do domu ciepły obiad: zupę i drugie danie, także "
        "w diecie lekkostrawnej lub cukrzycowej. Obiad przywozi wolontariusz albo kierowca, "
        "który przy okazji pyta, czy wszystko w porządku, i w razie potrzeby powiadamia "
        "rodzinę lub CUS. Usługę wykonuje organizacja wybrana przez CUS w otwartym konkursie "
        "ofert.",
        areas=("social_assistance", "health"),
        groups=("seniors", "disability"),
        needs=("meals",),
        modes=("at_home",),
        min_age=60,
        eligibility="Osoby od 60. roku życia i osoby z niepełnosprawnością, które nie mogą same "
        "przygotować ciepłego posiłku.",
        fee=Fee(
            "cofinanced",
            "meal",
            18,
            8,
            "Obiad z dowozem jest wart 18 zł. Mieszkaniec płaci 8 zł, resztę dopłaca gmina; "
            "osoby o niskim dochodzie mogą być zwolnione z opłaty.",
        ),
        funding=("gmina_budget",),
        capacity=(250, "week"),
        how_to_apply="Zadzwoń do CUS lub przyjdź do punktu obsługi. Obiady przywozimy od "
        "następnego dnia roboczego po przyznaniu usługi.",
        hours=(Hours(WORKDAYS, "11:00", "14:00", note="rozwożenie obiadów"),),
    ),
    # --- Zbąszynek -------------------------------------------------------------------------
    DemoService(
        centre="zbaszynek",
        name="Mobilna gimnastyka dla seniorów",
        summary="Instruktor prowadzi spokojną gimnastykę dla seniorów w świetlicach wiejskich i w "
        "mieście. Ćwiczenia są dla każdego.",
        description="Instruktor ruchu przyjeżdża do świetlic w gminie i prowadzi 45-minutowe "
        "zajęcia dla osób starszych: ćwiczenia równowagi (mniej upadków), rozciąganie, ćwiczenia "
        "na krześle, marsz z kijami. Latem ćwiczymy na świeżym powietrzu. Nie trzeba mieć "
        "sportowego stroju ani sprzętu – wystarczą wygodne buty. Osoby z chorobami serca lub "
        "po operacjach prosimy o rozmowę z lekarzem przed pierwszymi zajęciami.",
        areas=("health", "sport_tourism"),
        groups=("seniors",),
        needs=("health", "activity"),
        modes=("mobile", "at_location"),
        access=AccessMode.OPEN,
        min_age=60,
        fee=Fee("free", "session", 35, 0, "Zajęcia są warte 35 zł; finansuje je gmina."),
        funding=("gmina_budget",),
        how_to_apply="Przyjdź na zajęcia w najbliższej świetlicy – nie trzeba się zapisywać.",
        places=(
            ("zbaszynek-cus", ""),
            ("zbaszynek-rogoziniec", ""),
            ("zbaszynek-kosieczyn", ""),
        ),
        hours=(
            Hours("MO", "10:00", "11:00", "zbaszynek-cus"),
            Hours("WE", "10:00", "11:00", "zbaszynek-rogoziniec"),
            Hours("TH", "10:00", "11:00", "zbaszynek-kosieczyn"),
        ),
    ),
    DemoService(
        centre="zbaszynek",
        name="Akademia malucha",
        summary="Zajęcia dla rodziców z dziećmi do 3 lat: zabawy ruchowe, sensoryczne i muzyczne "
        "oraz porady położnej i logopedy.",
        description="„Akademia malucha” to cotygodniowe zajęcia dla rodziców i opiekunów z "
        "małymi dziećmi. Maluchy bawią się w grupie, poznają nowe dźwięki, faktury i ruch, a "
        "rodzice uczą się zabaw, które wspierają rozwój dziecka w domu. Raz w miesiącu "
        "dyżuruje położna, a raz w miesiącu logopeda. Zajęcia są bezpłatne.",
        areas=("pro_family", "family_support", "education"),
        groups=("children_0_3", "families"),
        needs=("parenting", "activity"),
        modes=("at_location",),
        access=AccessMode.OPEN,
        eligibility="Rodzice i opiekunowie z dziećmi do 3. roku życia.",
        fee=Fee("free", "session", 50, 0, "Zajęcia są warte 50 zł; dla rodzin bezpłatne."),
        funding=("eu_funds",),
        capacity=(15, "week"),
        how_to_apply="Zapisz się telefonicznie – w grupie jest 15 miejsc.",
        places=(("zbaszynek-cus", ""),),
        hours=(Hours("TU", "10:00", "11:30", "zbaszynek-cus"),),
    ),
    DemoService(
        centre="zbaszynek",
        name="Wsparcie rodzicielskie – szkolenia i konsultacje",
        summary="Warsztaty dla rodziców i rozmowy z psychologiem lub psychoterapeutą – na miejscu "
        "albo przez internet.",
        description="Usługi wsparcia rodzicielskiego: szkolenia kompetencji rodzicielskich (jak "
        "rozmawiać z dzieckiem, stawiać granice, radzić sobie ze złością i buntem nastolatka) "
        "oraz indywidualne konsultacje z psychologiem lub psychoterapeutą. Konsultacje "
        "odbywają się w CUS albo online. Warsztaty trwają 6 spotkań po 2 godziny.",
        areas=("family_support", "health"),
        groups=("families",),
        needs=("parenting", "mental_health"),
        modes=("at_location", "remote"),
        fee=Fee(
            "free",
            "session",
            150,
            0,
            "Konsultacja psychoterapeutyczna jest warta około 150 zł; dla mieszkańców bezpłatna.",
        ),
        funding=("eu_funds", "gmina_budget"),
        capacity=(40, "month"),
        how_to_apply="Zadzwoń lub napisz e-mail do CUS; konsultację umawiamy w ciągu 14 dni.",
        places=(("zbaszynek-cus", ""),),
        hours=(Hours("MO WE", "15:00", "19:00", "zbaszynek-cus"),),
    ),
    # --- Trzciel ---------------------------------------------------------------------------
    DemoService(
        centre="trzciel",
        name="Domowa regeneracja z sercem",
        summary="Proste ćwiczenia poprawiające sprawność – dla seniorów i dzieci. Ćwiczymy razem "
        "na zajęciach i w domu.",
        description="„Domowa regeneracja z sercem” to ćwiczenia dla seniorów i dzieci, które "
        "poprawiają sprawność fizyczną, równowagę i postawę. Na pierwszym spotkaniu "
        "fizjoterapeuta sprawdza, jakie ćwiczenia będą bezpieczne, i układa krótki zestaw do "
        "wykonywania w domu. Raz w tygodniu spotykamy się na wspólnych zajęciach – seniorzy "
        "ćwiczą razem z wnukami i dziećmi z okolicy. Osoby, które nie mogą wyjść z domu, "
        "fizjoterapeuta odwiedza co dwa tygodnie.",
        areas=("health", "sport_tourism", "pro_family"),
        groups=("seniors", "children"),
        needs=("health", "activity"),
        modes=("at_location", "at_home"),
        access=AccessMode.OPEN,
        fee=Fee("free", "session", 60, 0, f"Zajęcia są warte 60 zł; finansuje je {_UE}."),
        funding=("eu_funds",),
        how_to_apply="Przyjdź na zajęcia albo zadzwoń, jeśli potrzebujesz wizyty w domu.",
        places=(("trzciel-cus", ""),),
        hours=(Hours("WE", "16:00", "17:30", "trzciel-cus"),),
    ),
    DemoService(
        centre="trzciel",
        name="Zielone gospodarstwo opiekuńcze",
        summary="Dzień w gospodarstwie rolnym: praca w ogrodzie, zwierzęta, wspólne posiłki i "
        "towarzystwo. Dowozimy i odwozimy.",
        description="W zielonym gospodarstwie opiekuńczym „Pod Lipami” w Łagowcu seniorzy "
        "spędzają dzień wśród ludzi i przyrody: pracują w ogrodzie i szklarni (na miarę swoich "
        "sił), karmią zwierzęta, gotują, robią przetwory, rozmawiają przy wspólnym stole. "
        "Opiekę sprawują gospodarze przeszkoleni w opiece nad osobami starszymi, wspierani "
        "przez opiekunkę z CUS. Gospodarstwo przyjmuje seniorów trzy dni w tygodniu, z dwoma "
        "posiłkami. Dowóz z domu i odwóz busem są w cenie.",
        areas=("social_assistance", "health", "environment"),
        groups=("seniors",),
        needs=("loneliness", "daily_care", "activity"),
        modes=("at_location",),
        min_age=60,
        fee=Fee(
            "cofinanced",
            "day",
            180,
            30,
            "Dzień pobytu z wyżywieniem i dowozem jest wart około 180 zł. Senior płaci 30 zł, "
            "resztę pokrywają środki UE i gmina.",
        ),
        funding=("eu_funds", "gmina_budget"),
        capacity=(36, "week"),
        how_to_apply="Złóż wniosek w CUS. Przed pierwszym pobytem zapraszamy na dzień próbny.",
        provider="gospodarstwo-pod-lipami",
        places=(("trzciel-gospodarstwo", ""),),
        hours=(Hours("MO WE FR", "08:00", "15:00", "trzciel-gospodarstwo"),),
    ),
    DemoService(
        centre="trzciel",
        name="Biofeedback dla młodzieży i seniorów",
        summary="Trening z komputerem, który pokazuje pracę mózgu i oddech. Pomaga w stresie, "
        "koncentracji i zasypianiu.",
        description="Biofeedback to trening, w którym czujniki przyklejone do skóry pokazują na "
        "ekranie, jak pracuje mózg, serce i oddech. Pod okiem terapeuty uczysz się je "
        "uspokajać: lepiej się skupiać, radzić sobie ze stresem i łatwiej zasypiać. Z treningów "
        "korzystają uczniowie (koncentracja, stres przed egzaminami) i seniorzy (pamięć, "
        "uwaga, sen). Cykl to 10–20 sesji po 30–45 minut; przed rozpoczęciem terapeuta "
        "przeprowadza rozmowę i badanie wstępne.",
        areas=("health", "education"),
        groups=("youth", "seniors"),
        needs=("mental_health", "health", "learning"),
        modes=("at_location",),
        min_age=10,
        fee=Fee(
            "cofinanced",
            "session",
            120,
            20,
            "Sesja biofeedbacku jest warta około 120 zł. Uczestnik płaci 20 zł.",
        ),
        funding=("gmina_budget",),
        capacity=(60, "month"),
        how_to_apply="Zadzwoń do CUS i umów się na badanie wstępne.",
        places=(("trzciel-cus", "gabinet biofeedbacku"),),
        hours=(Hours("TU TH", "14:00", "19:00", "trzciel-cus"),),
    ),
    # --- Międzyrzecz: support for people with disabilities ---------------------------------
    DemoService(
        centre="miedzyrzecz",
        name="Mobilny fryzjer dla osób z niepełnosprawnością",
        summary="Fryzjer przychodzi do domu: strzyżenie, mycie i modelowanie włosów, golenie.",
        description="Mobilna usługa fryzjerska dla osób z niepełnosprawnością, które nie mogą "
        "pójść do salonu. Fryzjerka przyjeżdża ze sprzętem do domu: strzyże, myje i modeluje "
        "włosy, goli i przycina brodę. Wizyta trwa około godziny. Można ją zamawiać co 4–6 "
        "tygodni.",
        areas=("disability", "social_assistance"),
        groups=("disability", "seniors"),
        needs=("daily_care",),
        modes=("at_home", "mobile"),
        fee=Fee(
            "cofinanced",
            "visit",
            60,
            20,
            "Wizyta fryzjera w domu jest warta około 60 zł. Mieszkaniec płaci 20 zł.",
        ),
        funding=("gmina_budget", "pfron"),
        capacity=(50, "month"),
        how_to_apply="Zadzwoń do CUS. Przy pierwszym zamówieniu pokaż orzeczenie.",
        documents=("disability_certificate",),
        hours=(Hours("TU TH", "09:00", "15:00"),),
    ),
    DemoService(
        centre="miedzyrzecz",
        name="Mobilny psycholog dla osób z niepełnosprawnością",
        summary="Psycholog odwiedza w domu osoby z niepełnosprawnością i ich bliskich: rozmowa, "
        "wsparcie w trudnych chwilach, porady.",
        description="Mobilna usługa psychologa dla osób z niepełnosprawnością i ich opiekunów. "
        "Psycholog przyjeżdża do domu, gdy wyjście jest trudne. Pomaga przeżyć trudne chwile "
        "(nowa diagnoza, utrata sprawności, samotność), radzić sobie ze stresem i zmęczeniem "
        "opieką, a w razie potrzeby kieruje do dalszej pomocy. Spotkanie trwa około 50 minut.",
        areas=("disability", "health"),
        groups=("disability", "carers"),
        needs=("mental_health",),
        modes=("at_home", "mobile"),
        fee=Fee(
            "free",
            "session",
            180,
            0,
            "Wizyta psychologa w domu jest warta około 180 zł; dla mieszkańców bezpłatna.",
        ),
        funding=("eu_funds",),
        capacity=(40, "month"),
        how_to_apply="Zadzwoń do CUS; psycholog oddzwoni i umówi wizytę.",
        documents=("disability_certificate",),
        hours=(Hours("MO WE FR", "10:00", "18:00"),),
    ),
    DemoService(
        centre="miedzyrzecz",
        name="Dowóz posiłków dla osób z niepełnosprawnością",
        summary="Obiad przywożony do domu w dni robocze, także w wersji dietetycznej.",
        description="Dowozimy ciepły obiad osobom z niepełnosprawnością, które nie mogą same "
        "gotować ani wyjść po zakupy. Obiad składa się z zupy i drugiego dania; można wybrać "
        "dietę lekkostrawną, cukrzycową lub bezglutenową.",
        areas=("disability", "social_assistance"),
        groups=("disability",),
        needs=("meals",),
        modes=("at_home",),
        fee=Fee(
            "cofinanced",
            "meal",
            27,
            13,
            "Obiad z dowozem jest wart 27 zł. Mieszkaniec płaci 13 zł.",
        ),
        funding=("gmina_budget",),
        capacity=(250, "week"),
        how_to_apply="Złóż wniosek w CUS z kopią orzeczenia; obiady dowozimy od następnego "
        "tygodnia.",
        documents=("disability_certificate",),
        hours=(Hours(WORKDAYS, "11:30", "14:00"),),
    ),
    # --- Szprotawa -------------------------------------------------------------------------
    DemoService(
        centre="szprotawa",
        name="Wypożyczalnia sprzętu rehabilitacyjnego",
        summary="Wypożyczysz wózek, balkonik, łóżko rehabilitacyjne, materac przeciwodleżynowy "
        "lub koncentrator tlenu.",
        description="W wypożyczalni sprzętu dla osób z niepełnosprawnością i seniorów jest "
        "sprzęt, który ułatwia opiekę w domu i powrót do sprawności: wózki inwalidzkie, "
        "balkoniki, kule, łóżka rehabilitacyjne z materacami przeciwodleżynowymi, podnośniki, "
        "krzesła toaletowe i koncentratory tlenu. Sprzęt wypożyczamy na miesiąc, z możliwością "
        "przedłużenia; przed wydaniem jest sprawdzony i zdezynfekowany. Pracownik pokaże, jak "
        "z niego korzystać, a w razie potrzeby przywiezie i złoży łóżko w domu.",
        areas=("disability", "health"),
        groups=("disability", "seniors", "carers"),
        needs=("equipment",),
        modes=("at_location",),
        fee=Fee(
            "cofinanced",
            "loan",
            150,
            20,
            "Wypożyczenie łóżka rehabilitacyjnego na rynku kosztuje około 150 zł miesięcznie. "
            "W CUS płacisz 20 zł miesięcznie (kaucja zwrotna 100 zł).",
        ),
        funding=("gmina_budget", "pfron"),
        capacity=(40, "month"),
        how_to_apply="Przyjdź do wypożyczalni z zaświadczeniem lekarskim i dowodem osobistym. "
        "Umowę podpisujemy na miejscu.",
        documents=("medical_referral", "id_document"),
        places=(("szprotawa-wypozyczalnia", ""),),
        hours=(Hours(WORKDAYS, "08:00", "15:00", "szprotawa-wypozyczalnia"),),
    ),
    DemoService(
        centre="szprotawa",
        name="Klub Integracji Międzypokoleniowej",
        summary="Spotkania seniorów, dzieci i młodzieży: gry, rękodzieło, gotowanie, nauka obsługi "
        "smartfona.",
        description="W Klubie Integracji Międzypokoleniowej seniorzy i młodzi spotykają się, by "
        "robić coś razem: grać w planszówki, szyć, gotować według przepisów babć, sadzić "
        "kwiaty. Młodzież uczy seniorów obsługi smartfona i bankowości internetowej, a seniorzy "
        "dzielą się tym, co umieją. Klub jest otwarty dla każdego.",
        areas=("civic_activity", "culture", "pro_family"),
        groups=("seniors", "youth", "children", "all"),
        needs=("activity", "loneliness"),
        modes=("at_location",),
        access=AccessMode.OPEN,
        fee=Fee("free", "session", 40, 0, "Zajęcia są bezpłatne (wartość około 40 zł)."),
        funding=("gmina_budget",),
        places=(("szprotawa-klub", ""),),
        hours=(Hours("TU TH", "15:00", "18:00", "szprotawa-klub"),),
    ),
    DemoService(
        centre="szprotawa",
        name="Grupy wsparcia dla rodzin z dziećmi",
        summary="Spotkania rodziców, którzy przechodzą przez podobne trudności, z psychologiem.",
        description="Grupy wsparcia dla rodzin z dziećmi prowadzi Stowarzyszenie „Rodzina Plus”. "
        "Działają trzy grupy: rodziców dzieci z niepełnosprawnością, rodziców nastolatków oraz "
        "rodzin zastępczych. Spotkania prowadzi psycholog; można mówić albo tylko słuchać. W "
        "czasie spotkania dzieci mają opiekę w sali obok.",
        areas=("family_support", "foster_care", "health"),
        groups=("families", "carers"),
        needs=("parenting", "mental_health"),
        modes=("at_location",),
        access=AccessMode.OPEN,
        fee=Fee("free", "session", 70, 0, "Spotkanie jest bezpłatne (wartość około 70 zł)."),
        funding=("gmina_budget", "provider_own"),
        provider="stowarzyszenie-rodzina-plus",
        phone="+48 68 000 31 04",
        email="kontakt@rodzina-plus.opencus.example",
        places=(("szprotawa-klub", "sala na piętrze"),),
        hours=(Hours("WE", "17:00", "19:00", "szprotawa-klub"),),
    ),
    # --- Zielona Góra ----------------------------------------------------------------------
    DemoService(
        centre="zielona-gora",
        name="Opieka wytchnieniowa",
        summary="Opiekun osoby z niepełnosprawnością może odpocząć: na kilka godzin lub kilka dni "
        "zastąpi go przeszkolony opiekun.",
        description="Usługi wytchnieniowe są dla członków rodzin i opiekunów, którzy na co dzień "
        "opiekują się dzieckiem z orzeczeniem o niepełnosprawności lub dorosłym ze znacznym "
        "stopniem niepełnosprawności. Gdy potrzebujesz odpocząć, załatwić swoje sprawy albo "
        "pójść do lekarza, przeszkolony opiekun zajmie się Twoim bliskim – w Waszym domu lub w "
        "dziennym ośrodku wytchnieniowym (do 240 godzin w roku) albo w ośrodku całodobowym (do "
        "14 dni w roku). Finansuje ją program „Opieka wytchnieniowa” z Funduszu "
        "Solidarnościowego.",
        areas=("disability", "social_assistance", "family_support"),
        groups=("carers", "disability"),
        needs=("carer_break",),
        modes=("at_home", "at_location"),
        eligibility="Opiekunowie dzieci z orzeczeniem o niepełnosprawności i dorosłych ze "
        "znacznym stopniem niepełnosprawności (lub orzeczeniem równoważnym).",
        fee=Fee(
            "free",
            "hour",
            45,
            0,
            "Godzina opieki jest warta około 45 zł, a doba w ośrodku całodobowym około 350 zł. "
            "Dla opiekunów usługa jest bezpłatna.",
        ),
        funding=("state_programme",),
        capacity=(2400, "year"),
        how_to_apply="Złóż w CUS kartę zgłoszenia do programu z kopią orzeczenia osoby, którą się "
        "opiekujesz. O kolejności decyduje data zgłoszenia.",
        documents=("disability_certificate", "carer_statement"),
        places=(("zielona-gora-wytchnienie", "pobyt dzienny"),),
        hours=(
            Hours(WORKDAYS, "07:00", "19:00", "zielona-gora-wytchnienie"),
            Hours("SA", "08:00", "14:00", "zielona-gora-wytchnienie"),
        ),
    ),
    DemoService(
        centre="zielona-gora",
        name="Centrum Młodzieżowe – Klub Młodego Wolontariusza",
        summary="Miejsce dla młodzieży: spotkania, projekty, wolontariat, pomoc innym.",
        description="W Centrum Młodzieżowym młodzi ludzie spotykają się po szkole, realizują "
        "własne projekty (koncerty, zbiórki, gry miejskie), uczą się organizować wydarzenia. "
        "Klub Młodego Wolontariusza łączy ich z seniorami i organizacjami, którym potrzebna "
        "jest pomoc. Za wolontariat można dostać zaświadczenie do szkoły.",
        areas=("civic_activity", "education", "culture"),
        groups=("youth",),
        needs=("activity",),
        modes=("at_location",),
        access=AccessMode.OPEN,
        min_age=13,
        max_age=21,
        fee=Fee("free", "session", 40, 0, "Zajęcia są bezpłatne (wartość około 40 zł)."),
        funding=("gmina_budget",),
        places=(("zielona-gora-mlodziez", ""),),
        hours=(
            Hours(WORKDAYS, "14:00", "20:00", "zielona-gora-mlodziez"),
            Hours("SA", "11:00", "16:00", "zielona-gora-mlodziez"),
        ),
    ),
    DemoService(
        centre="zielona-gora",
        name="Warsztaty umiejętności społecznych",
        summary="Zajęcia w małych grupach: jak się dogadać, rozwiązywać konflikty, radzić sobie "
        "ze złością i stresem.",
        description="Warsztaty rozwijające umiejętności społeczne dla dzieci i nastolatków: "
        "rozmowa, współpraca w grupie, rozpoznawanie emocji, rozwiązywanie konfliktów, radzenie "
        "sobie ze stresem i hejtem. Prowadzą je psycholog i pedagog w grupach do 10 osób. Cykl "
        "to 10 spotkań.",
        areas=("education", "family_support", "health"),
        groups=("children", "youth"),
        needs=("mental_health", "activity", "learning"),
        modes=("at_location",),
        min_age=10,
        max_age=18,
        fee=Fee("free", "course", 600, 0, "Cykl 10 warsztatów jest wart 600 zł; bezpłatny."),
        funding=("eu_funds",),
        capacity=(40, "year"),
        how_to_apply="Zgłoszenie składa rodzic lub opiekun – osobiście albo e-mailem.",
        places=(("zielona-gora-mlodziez", "sala warsztatowa"),),
        hours=(Hours("TU TH", "16:00", "17:30", "zielona-gora-mlodziez"),),
    ),
    DemoService(
        centre="zielona-gora",
        name="Centrum Dialogu i Wspierania Rodziny",
        summary="Porady psychologa, pedagoga i prawnika dla rodzin – na miejscu, przez telefon i "
        "online.",
        description="Centrum Dialogu i Wspierania Rodziny pomaga rodzinom w trudnych chwilach: "
        "kłótnie, rozstanie, kryzys wychowawczy, choroba lub śmierć bliskiej osoby, długi. "
        "Dyżurują psycholog, pedagog, terapeuta rodzinny i prawnik. Pierwsza rozmowa pomaga "
        "ustalić, czego potrzebujesz; potem umawiamy konsultacje albo kierujemy do innych "
        "usług CUS.",
        areas=("family_support", "pro_family", "social_assistance"),
        groups=("families", "crisis"),
        needs=("parenting", "crisis", "mental_health", "paperwork"),
        modes=("at_location", "remote"),
        access=AccessMode.OPEN,
        fee=Fee("free", "session", 150, 0, "Konsultacja jest warta około 150 zł; bezpłatna."),
        funding=("gmina_budget", "eu_funds"),
        how_to_apply="Przyjdź w godzinach dyżuru albo zadzwoń, by umówić rozmowę.",
        places=(("zielona-gora-rodzina", ""),),
        hours=(Hours(WORKDAYS, "08:00", "20:00", "zielona-gora-rodzina"),),
    ),
    DemoService(
        centre="zielona-gora",
        name="Półkolonie letnie 2025",
        summary="Dwa tygodnie zajęć dla dzieci w wakacje 2025.",
        description="Półkolonie dla dzieci w wieku 7–12 lat: wycieczki, zajęcia sportowe i "
        "plastyczne, obiad. Edycja zakończona.",
        areas=("education", "sport_tourism"),
        groups=("children",),
        needs=("childcare", "activity"),
        modes=("at_location",),
        min_age=7,
        max_age=12,
        fee=Fee("cofinanced", "week", 600, 150, "Tydzień był wart 600 zł; rodzic płacił 150 zł."),
        funding=("gmina_budget",),
        places=(("zielona-gora-mlodziez", ""),),
        hours=(Hours(WORKDAYS, "08:00", "16:00", "zielona-gora-mlodziez"),),
        steps=(
            (ServiceStatus.PUBLISHED, ""),
            (ServiceStatus.ARCHIVED, "Edycja 2025 zakończona (demo)"),
        ),
    ),
    # --- Czerwieńsk ------------------------------------------------------------------------
    DemoService(
        centre="czerwiensk",
        name="Mobilny mediator rodzinny",
        summary="Mediator pomaga rodzinie dogadać się w sporze – np. przy rozstaniu albo o opiekę "
        "nad starszym rodzicem. Przyjeżdża na miejsce.",
        description="Mobilna usługa mediatora: mediator przyjeżdża do domu lub do świetlicy w "
        "Twojej miejscowości i prowadzi rozmowy, które pomagają rodzinie dojść do porozumienia "
        "– o kontakty z dziećmi po rozstaniu, podział obowiązków przy opiece nad starszym "
        "rodzicem, spory sąsiedzkie. Mediator jest bezstronny i nie rozstrzyga, kto ma rację. "
        "Zwykle wystarczają 2–4 spotkania.",
        areas=("family_support", "social_assistance"),
        groups=("families", "crisis"),
        needs=("crisis", "parenting"),
        modes=("mobile", "at_home"),
        fee=Fee("free", "session", 200, 0, "Spotkanie jest warte około 200 zł; bezpłatne."),
        funding=("eu_funds",),
        capacity=(30, "month"),
        how_to_apply="Zadzwoń do CUS – mediator skontaktuje się z Tobą i z drugą stroną sporu.",
        hours=(Hours("TU TH", "12:00", "20:00"),),
    ),
    DemoService(
        centre="czerwiensk",
        name="Mobilny psycholog dla rodzin",
        summary="Psycholog przyjeżdża do rodziny, gdy dzieje się coś trudnego: kryzys, choroba, "
        "problemy wychowawcze.",
        description="Mobilna usługa psychologa dla rodzin z dziećmi. Psycholog spotyka się z "
        "rodziną w domu lub w świetlicy wiejskiej, rozmawia z rodzicami i dziećmi, pomaga "
        "zrozumieć, co się dzieje, i zaplanować kolejne kroki. W razie potrzeby kieruje do "
        "poradni lub terapeuty.",
        areas=("family_support", "health"),
        groups=("families", "children", "youth"),
        needs=("mental_health", "parenting"),
        modes=("mobile", "at_home"),
        fee=Fee("free", "session", 180, 0, "Spotkanie jest warte około 180 zł; bezpłatne."),
        funding=("eu_funds",),
        capacity=(40, "month"),
        how_to_apply="Zadzwoń do CUS; psycholog oddzwoni w ciągu 3 dni roboczych.",
        hours=(Hours("MO WE", "10:00", "18:00"),),
    ),
    # --- Sulechów --------------------------------------------------------------------------
    DemoService(
        centre="sulechow",
        name="Rówieśnicza pomoc w nauce",
        summary="Starsi uczniowie pomagają młodszym w lekcjach: matematyka, polski, angielski.",
        description="Rówieśnicza pomoc w nauce: uczniowie szkół średnich – przeszkoleni "
        "wolontariusze – pomagają młodszym odrabiać lekcje i nadrabiać zaległości. Spotkania są "
        "w świetlicy po szkole, pod opieką nauczyciela. Wolontariusze dostają zaświadczenie.",
        areas=("education", "civic_activity"),
        groups=("children", "youth"),
        needs=("learning",),
        modes=("at_location",),
        access=AccessMode.OPEN,
        min_age=7,
        max_age=19,
        fee=Fee("free", "session", 40, 0, "Zajęcia są bezpłatne (wartość około 40 zł)."),
        funding=("gmina_budget",),
        places=(("sulechow-swietlica", ""),),
        hours=(Hours("MO TU WE TH", "14:00", "17:00", "sulechow-swietlica"),),
    ),
    DemoService(
        centre="sulechow",
        name="Klub sąsiedzki – pomoc w zakupach",
        summary="Wolontariusze robią zakupy dla osób, które nie mogą wyjść z domu.",
        description="Przygotowujemy sieć wolontariuszy, którzy raz w tygodniu zrobią zakupy i "
        "wykupią leki dla sąsiadów, którzy nie mogą wyjść z domu.",
        areas=("civic_activity", "social_assistance"),
        groups=("seniors", "disability"),
        needs=("housework", "loneliness"),
        modes=("at_home",),
        fee=Fee("free", "visit", 30, 0, "Pomoc wolontariuszy jest bezpłatna."),
        funding=("provider_own",),
        steps=(),  # a draft
    ),
    # --- Nowa Sól: a suspended service -----------------------------------------------------
    DemoService(
        centre="nowa-sol",
        name="Taxi senior – przewóz na wizyty lekarskie",
        summary="Przewóz seniorów do lekarza i z powrotem.",
        description="Przewóz osób od 65. roku życia na wizyty lekarskie i badania w Nowej Soli. "
        "Usługa jest wstrzymana do czasu naprawy samochodu.",
        areas=("social_assistance",),
        groups=("seniors",),
        needs=("getting_around",),
        modes=("at_home", "mobile"),
        min_age=65,
        fee=Fee("cofinanced", "ride", 50, 8, "Kurs jest wart 50 zł; senior płaci 8 zł."),
        funding=("gmina_budget",),
        how_to_apply="Zadzwoń do CUS.",
        hours=(Hours(WORKDAYS, "07:30", "15:30"),),
        steps=(
            (ServiceStatus.PUBLISHED, ""),
            (ServiceStatus.SUSPENDED, "Samochód w naprawie – przerwa do odwołania (demo)"),
        ),
    ),
    # --- Krosno Odrzańskie: the MUS pilot (group agreement of the seven gminas) ------------
    DemoService(
        centre="krosno",
        name="Mobilny Klub Rodzinny",
        summary="Spotkania dla rodziców dzieci do 3 lat w siedmiu miejscach powiatu krośnieńskiego: "
        "zabawy, porady specjalistów, rozmowy z innymi rodzicami.",
        description="Mobilny Klub Rodzinny przyjeżdża raz w tygodniu do każdej z siedmiu gmin "
        "powiatu krośnieńskiego: Krosna Odrzańskiego, Gubina (miasta i gminy), Bobrowic, "
        "Bytnicy, Dąbia i Maszewa. Rodzice i opiekunowie dzieci w wieku 0–3 lata spotykają się w "
        "świetlicy, bibliotece lub domu kultury. Dzieci bawią się na zajęciach ruchowych, "
        "sensorycznych i muzycznych, a dorośli mogą porozmawiać z położną, logopedą, psychologiem "
        "lub doradczynią laktacyjną. Klub działa w pilotażu międzygminnych usług społecznych "
        "(MUS), na podstawie umowy grupowej siedmiu gmin, i jest otwarty dla mieszkańców całego "
        "powiatu.",
        areas=("pro_family", "family_support", "health"),
        groups=("children_0_3", "families"),
        needs=("parenting", "activity", "childcare"),
        modes=("mobile", "at_location"),
        access=AccessMode.OPEN,
        eligibility="Rodzice i opiekunowie dzieci do 3. roku życia z gmin powiatu krośnieńskiego.",
        residents=(
            "0802011",
            "0802022",
            "0802032",
            "0802042",
            "0802052",
            "0802063",
            "0802072",
        ),
        fee=Fee(
            "free",
            "session",
            60,
            0,
            "Spotkanie jest warte około 60 zł. Jest bezpłatne: pilotaż finansują środki UE i "
            "gminy powiatu.",
        ),
        funding=("eu_funds", "gmina_budget", "powiat"),
        how_to_apply="Przyjdź do najbliższego punktu klubu – nie trzeba się zapisywać.",
        places=(
            ("krosno-biblioteka", "Krosno Odrzańskie"),
            ("krosno-gubin-miasto", "Gubin (miasto)"),
            ("krosno-chlebowo", "gmina Gubin"),
            ("krosno-bobrowice", "Bobrowice"),
            ("krosno-bytnica", "Bytnica"),
            ("krosno-dabie", "Dąbie"),
            ("krosno-maszewo", "Maszewo"),
        ),
        hours=(
            Hours("MO", "10:00", "12:00", "krosno-biblioteka"),
            Hours("MO", "15:00", "17:00", "krosno-dabie"),
            Hours("TU", "10:00", "12:00", "krosno-gubin-miasto"),
            Hours("TU", "15:00", "17:00", "krosno-chlebowo"),
            Hours("WE", "10:00", "12:00", "krosno-bobrowice"),
            Hours("TH", "10:00", "12:00", "krosno-bytnica"),
            Hours("FR", "10:00", "12:00", "krosno-maszewo"),
        ),
    ),
    DemoService(
        centre="krosno",
        name="Organizator społeczności lokalnej dla powiatu krośnieńskiego",
        summary="Pomoc w zakładaniu grup sąsiedzkich, klubów i inicjatyw mieszkańców w gminach "
        "powiatu.",
        description="Organizator społeczności lokalnej (OSL) pracuje w skali całego powiatu: "
        "pomaga mieszkańcom zakładać kluby, grupy sąsiedzkie i wolontariat, łączy inicjatywy z "
        "różnych gmin, wspiera nowych mieszkańców w programie „Nowolubuscy”. Przyjeżdża na "
        "spotkania do sołectw i osiedli.",
        areas=("civic_activity", "social_assistance"),
        groups=("all",),
        needs=("activity", "loneliness"),
        modes=("mobile",),
        access=AccessMode.OPEN,
        residents=(
            "0802011",
            "0802022",
            "0802032",
            "0802042",
            "0802052",
            "0802063",
            "0802072",
        ),
        fee=Fee("free", "hour", 70, 0, "Wsparcie organizatora jest bezpłatne."),
        funding=("eu_funds", "gmina_budget"),
        how_to_apply="Napisz lub zadzwoń – organizator przyjedzie na spotkanie z Waszą grupą.",
        hours=(Hours(WORKDAYS, "09:00", "17:00"),),
    ),
    # --- Janów Lubelski (seed 003, “optimal”: a CUS and two KIS of the Konwent) ------------
    DemoService(
        centre="janow-lubelski",
        name="Asystencja osobista osoby z niepełnosprawnością",
        summary="Asystent pomaga osobie z niepełnosprawnością żyć samodzielnie: w domu, w drodze "
        "do pracy lub szkoły, w urzędzie i w czasie wolnym.",
        description="Usługa pomocy osobistej: to osoba z niepełnosprawnością decyduje, w czym "
        "potrzebuje pomocy i kiedy. Asystent pomaga w codziennych czynnościach, w dojazdach do "
        "pracy, szkoły czy lekarza, w sprawach urzędowych, na zakupach, w kontaktach z ludźmi i "
        "w spędzaniu wolnego czasu. To nie jest opieka pielęgnacyjna ani sprzątanie domu. Można "
        "wskazać własnego asystenta (np. sąsiada), jeśli nie jest członkiem rodziny.",
        areas=("disability", "social_assistance"),
        groups=("disability",),
        needs=("daily_care", "getting_around"),
        modes=("at_home", "mobile"),
        eligibility="Dzieci do 16 lat z orzeczeniem o niepełnosprawności ze wskazaniami oraz "
        "osoby z orzeczeniem o znacznym lub umiarkowanym stopniu niepełnosprawności.",
        fee=Fee(
            "free",
            "hour",
            55,
            0,
            "Godzina asystencji jest warta około 55 zł; dla uczestnika bezpłatna (program "
            "„Asystent osobisty osoby z niepełnosprawnością”, Fundusz Solidarnościowy).",
        ),
        funding=("state_programme",),
        capacity=(600, "month"),
        how_to_apply="Złóż w CUS kartę zgłoszenia z kopią orzeczenia. Koordynator ustali z Tobą "
        "zakres i godziny asystencji.",
        documents=("disability_certificate",),
        hours=(Hours(EVERY_DAY, "07:00", "21:00", note="według ustaleń z uczestnikiem"),),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Rzecznictwo – pomoc w dochodzeniu swoich praw",
        summary="Doradca pomaga zrozumieć pisma, złożyć wniosek lub odwołanie i idzie z Tobą do "
        "urzędu.",
        description="Usługa profesjonalnego reprezentowania interesów (rzecznictwa): przeszkolony "
        "doradca Fundacji Konwent doradza i pomaga podejmować decyzje, korzystać z przysługujących "
        "uprawnień (świadczenia, ulgi, orzeczenia), przygotować wniosek lub odwołanie, a gdy "
        "trzeba – towarzyszy w rozmowach z urzędem, bankiem czy pracodawcą.",
        areas=("social_assistance", "civic_activity", "disability"),
        groups=("all", "disability", "seniors"),
        needs=("paperwork",),
        modes=("at_location", "remote"),
        access=AccessMode.OPEN,
        fee=Fee("free", "hour", 100, 0, "Godzina doradztwa jest warta około 100 zł; bezpłatna."),
        funding=("eu_funds", "provider_own"),
        how_to_apply="Przyjdź na dyżur albo zadzwoń i umów się na rozmowę.",
        provider="konwent-cis-kis",
        places=(("janow-cus", "pokój 4"),),
        hours=(Hours("TU TH", "09:00", "15:00", "janow-cus"),),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Interwencja kryzysowa",
        summary="Natychmiastowa pomoc w kryzysie: przemoc, nagła strata, próba samobójcza w "
        "rodzinie, pożar lub inne zdarzenie.",
        description="Usługa interwencji kryzysowej i pomocy w nagłych przypadkach: psycholog i "
        "pracownik socjalny pomagają od pierwszych godzin kryzysu – rozmowa, bezpieczne "
        "schronienie, pomoc w sprawach pilnych. W pierwszych dniach specjalista może być obecny w "
        "domu, a potem stopniowo pomaga wrócić do codziennych ról. Telefon zaufania działa "
        "także wieczorem i w weekendy.",
        areas=("social_assistance", "health", "family_support"),
        groups=("crisis", "families"),
        needs=("crisis", "mental_health"),
        modes=("at_location", "at_home", "remote"),
        access=AccessMode.OPEN,
        fee=Fee("free", "session", 150, 0, "Pomoc w kryzysie jest zawsze bezpłatna."),
        funding=("gmina_budget", "powiat"),
        how_to_apply="Zadzwoń albo przyjdź – bez skierowania i bez zapisów. W zagrożeniu życia "
        "dzwoń pod 112.",
        places=(("janow-cus", "punkt interwencji kryzysowej"),),
        hours=(
            Hours(WORKDAYS, "08:00", "20:00", "janow-cus"),
            Hours("SA SU", "10:00", "18:00", note="telefon zaufania"),
        ),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Usługi wytchnieniowe – krótki urlop dla opiekuna",
        summary="Kilka godzin lub dni odpoczynku dla osoby, która na co dzień opiekuje się "
        "bliskim z niepełnosprawnością.",
        description="Usługa krótkich urlopów, tzw. usługa wytchnieniowa: przeszkolony opiekun "
        "zastępuje Cię przy bliskim z niepełnosprawnością w Waszym domu, na kilka godzin lub "
        "kilka dni, żebyś mógł odpocząć, załatwić swoje sprawy lub zadbać o zdrowie.",
        areas=("disability", "social_assistance"),
        groups=("carers", "disability"),
        needs=("carer_break",),
        modes=("at_home",),
        fee=Fee("free", "hour", 45, 0, "Godzina opieki jest warta około 45 zł; bezpłatna."),
        funding=("state_programme",),
        capacity=(1200, "year"),
        how_to_apply="Złóż w CUS kartę zgłoszenia z kopią orzeczenia.",
        documents=("disability_certificate", "carer_statement"),
        hours=(Hours(EVERY_DAY, "07:00", "21:00"),),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Przyjaciel seniora – zawieranie znajomości",
        summary="Sprawdzony wolontariusz odwiedza seniora, rozmawia, wychodzi z nim na spacer i "
        "pomaga wrócić do życia towarzyskiego.",
        description="Usługa zawierania znajomości dla seniorów i osób zależnych, które czują się "
        "samotne. „Nasz” KIS dobiera przeszkoloną, godną zaufania osobę, która odwiedza seniora, "
        "rozmawia, zabiera na spacer, do biblioteki, na spotkania klubu seniora. Celem jest, by "
        "senior znów miał znajomych i chętnie wychodził z domu.",
        areas=("social_assistance", "civic_activity"),
        groups=("seniors",),
        needs=("loneliness", "activity"),
        modes=("at_home", "mobile"),
        min_age=60,
        fee=Fee("free", "visit", 40, 0, "Wizyta jest bezpłatna (wartość około 40 zł)."),
        funding=("eu_funds", "provider_own"),
        how_to_apply="Zadzwoń do CUS lub do „Nasz” KIS.",
        provider="nasz-kis",
        hours=(Hours(WORKDAYS, "10:00", "18:00"),),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Usługa towarzysza",
        summary="Towarzysz wspiera osobę w kryzysie psychicznym w codziennym życiu: rozmowa, "
        "wyjścia, powrót do aktywności.",
        description="Usługa towarzysza jest dla osób, które mają kłopoty ze zdrowiem psychicznym "
        "(i nie tylko). Przeszkolony towarzysz z KIS Humanus spotyka się z osobą regularnie, "
        "rozmawia, pomaga wyjść z domu, wrócić do zajęć i kontaktów z ludźmi. Usługa jest "
        "częścią indywidualnego planu usług społecznych (IPUS).",
        areas=("health", "reintegration", "social_assistance"),
        groups=("crisis", "disability"),
        needs=("mental_health", "loneliness"),
        modes=("at_home", "mobile"),
        access=AccessMode.IPUS_ONLY,
        fee=Fee("free", "hour", 50, 0, "Godzina jest warta około 50 zł; bezpłatna."),
        funding=("eu_funds",),
        how_to_apply="Porozmawiaj z koordynatorem indywidualnych planów (KIPUS) w CUS.",
        provider="kis-humanus",
        hours=(Hours(WORKDAYS, "09:00", "17:00"),),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Usługi rehabilitacyjne",
        summary="Zajęcia ruchowe, masaż leczniczy, kinezyterapia, nordic walking z instruktorem, "
        "integracja sensoryczna dla dzieci.",
        description="Usługi rehabilitacyjne prowadzą fizjoterapeuci i terapeuci z "
        "kwalifikacjami: kinezyterapia, masaż leczniczy, gimnastyka korekcyjna, zajęcia "
        "ruchowe dla seniorów, nordic walking z instruktorem, integracja sensoryczna i "
        "wspomaganie rozwoju mowy dla dzieci. Osoby, które nie mogą dojechać, fizjoterapeuta "
        "odwiedza w domu.",
        areas=("health", "disability"),
        groups=("disability", "seniors", "children"),
        needs=("health",),
        modes=("at_location", "at_home"),
        fee=Fee(
            "cofinanced",
            "session",
            120,
            30,
            "Zabieg lub zajęcia są warte około 120 zł; mieszkaniec płaci 30 zł. Osoby z "
            "orzeczeniem o znacznym stopniu niepełnosprawności – bez opłat.",
        ),
        funding=("gmina_budget", "pfron"),
        capacity=(200, "month"),
        how_to_apply="Zadzwoń, by umówić pierwszą wizytę; przynieś skierowanie lub zalecenie "
        "lekarza.",
        documents=("medical_referral",),
        places=(("janow-rehabilitacja", ""),),
        hours=(Hours(WORKDAYS, "07:30", "18:00", "janow-rehabilitacja"),),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Klub malucha – opieka nad dziećmi do lat 3",
        summary="Opieka nad dziećmi od 1 do 3 lat w małej grupie, od poniedziałku do piątku, z "
        "wyżywieniem.",
        description="Klub malucha to opieka nad małymi dziećmi w grupie do 15 dzieci, prowadzona "
        "przez wykwalifikowane opiekunki: zabawa, spacery, drzemka, posiłki, zajęcia "
        "rozwijające. Rodzice mogą wrócić do pracy, a dziecko uczy się bycia w grupie.",
        areas=("pro_family", "education"),
        groups=("children_0_3", "families"),
        needs=("childcare",),
        modes=("at_location",),
        min_age=1,
        max_age=3,
        fee=Fee(
            "cofinanced",
            "month",
            1900,
            400,
            "Miesiąc opieki jest wart około 1 900 zł. Program „Aktywnie w żłobku” i gmina "
            "pokrywają 1 500 zł; rodzic płaci 400 zł miesięcznie z wyżywieniem.",
        ),
        funding=("state_programme", "gmina_budget"),
        capacity=(15, "month"),
        how_to_apply="Złóż kartę zgłoszenia dziecka w klubie lub w CUS; nabór trwa cały rok.",
        places=(("janow-klub-malucha", ""),),
        hours=(Hours(WORKDAYS, "06:30", "16:30", "janow-klub-malucha"),),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Pomoc techniczna i serwis sprzętu rehabilitacyjnego",
        summary="Naprawa i przegląd wózków, balkoników, łóżek i innego sprzętu; pomoc w "
        "ustawieniu sprzętu w domu.",
        description="Usługi pomocy technicznej i serwisowania sprzętu prowadzi „Nasz” KIS: "
        "przegląd, regulacja i naprawa wózków inwalidzkich, balkoników, łóżek "
        "rehabilitacyjnych i podnośników; wymiana kół, hamulców i pokrowców. Na czas naprawy "
        "można bezpłatnie wypożyczyć sprzęt zastępczy.",
        areas=("disability", "reintegration"),
        groups=("disability", "seniors"),
        needs=("equipment",),
        modes=("at_location", "at_home"),
        fee=Fee(
            "paid",
            "visit",
            80,
            80,
            "Serwis kosztuje 80 zł za wizytę (części płatne osobno). Sprzęt zastępczy na czas "
            "naprawy – bezpłatnie.",
        ),
        funding=("provider_own",),
        how_to_apply="Zadzwoń do „Nasz” KIS albo przywieź sprzęt do warsztatu.",
        provider="nasz-kis",
        phone="+48 15 000 32 02",
        email="nasz-kis@opencus.example",
        places=(("janow-warsztat", ""),),
        hours=(Hours(WORKDAYS, "08:00", "16:00", "janow-warsztat"),),
    ),
    DemoService(
        centre="janow-lubelski",
        name="Usługi remontowo-adaptacyjne – mieszkanie bez barier",
        summary="Drobne remonty i przystosowanie mieszkania: poręcze, pochylnia, łazienka bez "
        "progu, poszerzenie drzwi.",
        description="Usługi remontowo-adaptacyjne prowadzi ekipa KIS Humanus: usuwamy bariery w "
        "mieszkaniu osoby z niepełnosprawnością lub seniora – montujemy poręcze i uchwyty, "
        "budujemy pochylnię, przerabiamy łazienkę na bezprogową, poszerzamy drzwi. Uczestnicy "
        "KIS uczą się przy tym zawodu pod okiem fachowców. Pomagamy też złożyć wniosek o "
        "dofinansowanie z PFRON na likwidację barier.",
        areas=("housing", "disability", "reintegration"),
        groups=("disability", "seniors"),
        needs=("housing", "housework"),
        modes=("at_home",),
        fee=Fee(
            "cofinanced",
            "hour",
            70,
            25,
            "Godzina pracy ekipy jest warta około 70 zł; mieszkaniec płaci 25 zł. Materiały "
            "płatne osobno (można uzyskać dofinansowanie z PFRON).",
        ),
        funding=("pfron", "provider_own"),
        capacity=(120, "month"),
        how_to_apply="Zadzwoń do CUS; ekipa przyjedzie obejrzeć mieszkanie i przygotuje kosztorys.",
        provider="kis-humanus",
        documents=("disability_certificate",),
        hours=(Hours(WORKDAYS, "07:00", "15:00"),),
    ),
    # --- Wojsławice (seed 003, “partly optimal”: a CUS, no active PES yet) ----------------
    DemoService(
        centre="wojslawice",
        name="Usługi opiekuńcze",
        summary="Opiekunka przychodzi do domu i pomaga w codziennych czynnościach: myciu, "
        "ubieraniu, jedzeniu, przyjmowaniu leków.",
        description="Usługi opiekuńcze dla osób, które z powodu wieku, choroby lub "
        "niepełnosprawności potrzebują pomocy innych. Opiekunka pomaga w higienie, ubieraniu, "
        "jedzeniu, pilnuje przyjmowania leków, dba o kontakt z lekarzem i pielęgniarką. Usługi "
        "są świadczone także po południu i w weekendy. Liczbę godzin ustala CUS po rozmowie w "
        "domu.",
        areas=("social_assistance", "health"),
        groups=("seniors", "disability"),
        needs=("daily_care",),
        modes=("at_home",),
        fee=Fee(
            "cofinanced",
            "hour",
            40,
            8,
            "Godzina usług opiekuńczych jest warta 40 zł. Opłata zależy od dochodu: od 0 do "
            "pełnej kwoty; przy dochodzie do 150% kryterium – 8 zł za godzinę.",
        ),
        funding=("gmina_budget",),
        capacity=(500, "month"),
        how_to_apply="Złóż wniosek w CUS (może go złożyć także rodzina). Pracownik przyjdzie do "
        "domu, aby ustalić zakres pomocy.",
        documents=("income_statement", "medical_referral"),
        hours=(Hours(WORKDAYS, "07:00", "19:00"), Hours("SA SU", "08:00", "14:00")),
    ),
    DemoService(
        centre="wojslawice",
        name="Pomoc w domu",
        summary="Pomoc w zakupach, sprzątaniu, praniu i paleniu w piecu dla osób, które nie dają "
        "już rady same.",
        description="Usługa pomocy domowej: okresowe wizyty, w czasie których pracownik robi "
        "zakupy, sprząta, pierze, przynosi opał i pali w piecu, pomaga wykupić leki. Pracownicy "
        "mają referencje CUS i są ubezpieczeni.",
        areas=("social_assistance",),
        groups=("seniors", "disability"),
        needs=("housework", "daily_care"),
        modes=("at_home",),
        fee=Fee(
            "cofinanced",
            "hour",
            38,
            6,
            "Godzina pomocy jest warta 38 zł. Opłata zależy od dochodu; najczęściej 6 zł.",
        ),
        funding=("gmina_budget",),
        capacity=(300, "month"),
        how_to_apply="Złóż wniosek w CUS lub zadzwoń – pracownik odwiedzi Cię w domu.",
        documents=("income_statement",),
        hours=(Hours(WORKDAYS, "07:00", "15:00"),),
    ),
    DemoService(
        centre="wojslawice",
        name="Przygotowanie i dowóz posiłków",
        summary="Obiad z kuchni szkolnej przywożony do domu w dni robocze.",
        description="Usługa przygotowywania i dowozu posiłków dla seniorów i osób zależnych. "
        "Obiady gotuje kuchnia szkolna, a kierowca CUS dowozi je do wszystkich sołectw gminy "
        "Wojsławice. W piątek można zamówić posiłek także na sobotę.",
        areas=("social_assistance", "health"),
        groups=("seniors", "disability"),
        needs=("meals",),
        modes=("at_home",),
        fee=Fee("cofinanced", "meal", 26, 11, "Obiad z dowozem jest wart 26 zł; płacisz 11 zł."),
        funding=("gmina_budget",),
        capacity=(200, "week"),
        how_to_apply="Zadzwoń do CUS dzień wcześniej.",
        hours=(Hours(WORKDAYS, "11:00", "13:30"),),
    ),
    DemoService(
        centre="wojslawice",
        name="Świetlica – opieka pozaszkolna i zajęcia pozalekcyjne",
        summary="Opieka nad dziećmi po lekcjach: odrabianie lekcji, zabawy, zajęcia plastyczne i "
        "sportowe, podwieczorek.",
        description="Świetlica środowiskowa zapewnia opiekę pozaszkolną dzieciom w wieku 6–12 lat "
        "po lekcjach i w czasie ferii: pomoc w lekcjach, zajęcia plastyczne, sportowe i "
        "komputerowe, podwieczorek. W wakacje organizujemy wycieczki.",
        areas=("education", "family_support"),
        groups=("children",),
        needs=("childcare", "learning"),
        modes=("at_location",),
        access=AccessMode.OPEN,
        min_age=6,
        max_age=12,
        fee=Fee("free", "day", 50, 0, "Dzień opieki jest wart około 50 zł; bezpłatny."),
        funding=("gmina_budget", "eu_funds"),
        capacity=(25, "week"),
        how_to_apply="Zapisz dziecko w świetlicy (karta zgłoszenia).",
        places=(("wojslawice-swietlica", ""),),
        hours=(Hours(WORKDAYS, "12:00", "17:00", "wojslawice-swietlica"),),
    ),
]
