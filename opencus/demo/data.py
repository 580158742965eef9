"""The demo region, from the seed documents.

Lubuskie (seed 004, ROPS Zielona Góra, April 2026): "2024 – 0 CUS"; nine OPS worked with the
ROPS from 2022/2023 (Świebodzin, Zbąszynek, Trzciel, Trzebień, Międzyrzecz, Szprotawa,
Zielona Góra, Czerwieńsk, Sulechów), seven of them the "leaders"; 23 centres operate now and
4 more will open by January 2027 (27). The inter-municipal pilot (MUS) runs in powiat
krośnieński: a group agreement of its seven gminas and bilateral agreements (larger gmina –
smaller gmina).

Lubelskie (seed 003, the partnership strategy): a test of the strategy in 5 gminas, at least
2 with a CUS and at least 3 preparing one, in four territory categories; the Konwent of
CIS/KIS of the Lublin region as the partner organisation.

Everything the seeds do not name (the other 14 + 4 Lubuskie centres, opening dates, the
choice of Lublin test gminas and their categories, addresses, people, populations) is
invented and flagged ``is_demo`` / labelled "demo data" in the UI.
"""

import datetime as dt

POPULATION_SOURCE = "demo data: approximate figure (about 2023), not an official statistic"
DEMO_PASSWORD = "Demo-CUS-2026"  # noqa: S105  (printed by `make run`, documented in README)

D = dt.date

# gmina code -> approximate population (demo figures)
POPULATIONS = {
    "0808053": 30000,
    "0808063": 9300,
    "0803063": 5600,
    "0811082": 5800,
    "0803023": 24000,
    "0810073": 19000,
    "0862011": 137000,
    "0809033": 10000,
    "0809063": 26000,
    "0802011": 16000,
    "0802022": 3000,
    "0802032": 2500,
    "0802042": 5000,
    "0802052": 7500,
    "0802063": 17000,
    "0802072": 3000,
    "0861011": 118000,
    "0804011": 38000,
    "0811021": 36000,
    "0810021": 25000,
    "0805053": 19000,
    "0807043": 15000,
    "0806043": 17000,
    "0806023": 16000,
    "0812033": 24000,
    "0801011": 17000,
    "0811063": 21000,
    "0803053": 12000,
    "0804043": 15000,
    "0809013": 6500,
    "0809043": 5600,
    "0805043": 9500,
    "0801073": 13000,
    "0605053": 16500,
    "0603132": 6000,
    "0601092": 8000,
    "0612063": 14000,
    "0604022": 6800,
}

LEADERS = [  # (slug, name, gmina code, name as in the seed where it differs)
    ("swiebodzin", "Centrum Usług Społecznych w Świebodzinie", "0808053", ""),
    ("zbaszynek", "Centrum Usług Społecznych w Zbąszynku", "0808063", ""),
    ("trzciel", "Centrum Usług Społecznych w Trzcielu", "0803063", ""),
    # The seed writes "Trzebień"; the register has no such gmina in Lubuskie. The nearest
    # match is gmina Trzebiel (powiat żarski), used here.
    ("trzebiel", "Centrum Usług Społecznych w Trzebielu", "0811082", "Trzebień"),
    ("miedzyrzecz", "Centrum Usług Społecznych w Międzyrzeczu", "0803023", ""),
    ("szprotawa", "Centrum Usług Społecznych w Szprotawie", "0810073", ""),
    ("zielona-gora", "Centrum Usług Społecznych w Zielonej Górze", "0862011", ""),
]
SECOND_WAVE = [
    ("czerwiensk", "Centrum Usług Społecznych w Czerwieńsku", "0809033"),
    ("sulechow", "Centrum Usług Społecznych w Sulechowie", "0809063"),
]
# Invented to reach the 23 operating centres the seed reports (demo data).
OTHER_OPERATING = [
    ("gorzow", "Centrum Usług Społecznych w Gorzowie Wielkopolskim", "0861011", D(2025, 10, 1)),
    ("nowa-sol", "Centrum Usług Społecznych w Nowej Soli", "0804011", D(2025, 10, 1)),
    ("zary", "Centrum Usług Społecznych w Żarach", "0811021", D(2025, 10, 1)),
    ("zagan", "Centrum Usług Społecznych w Żaganiu", "0810021", D(2025, 10, 1)),
    ("slubice", "Centrum Usług Społecznych w Słubicach", "0805053", D(2025, 10, 1)),
    ("sulecin", "Centrum Usług Społecznych w Sulęcinie", "0807043", D(2025, 10, 1)),
    ("strzelce", "Centrum Usług Społecznych w Strzelcach Krajeńskich", "0806043", D(2026, 1, 1)),
    ("drezdenko", "Centrum Usług Społecznych w Drezdenku", "0806023", D(2026, 1, 1)),
    ("wschowa", "Centrum Usług Społecznych we Wschowie", "0812033", D(2026, 1, 1)),
    ("kostrzyn", "Centrum Usług Społecznych w Kostrzynie nad Odrą", "0801011", D(2026, 1, 1)),
    ("lubsko", "Centrum Usług Społecznych w Lubsku", "0811063", D(2026, 1, 1)),
    ("skwierzyna", "Centrum Usług Społecznych w Skwierzynie", "0803053", D(2026, 1, 1)),
    ("kozuchow", "Centrum Usług Społecznych w Kożuchowie", "0804043", D(2026, 1, 1)),
    ("babimost", "Centrum Usług Społecznych w Babimoście", "0809013", D(2026, 1, 1)),
]
# Invented: the 4 centres that open by January 2027 (27 in all).
BEING_CREATED = [
    ("krosno", "Centrum Usług Społecznych w Krośnie Odrzańskim", ["0802063"], D(2026, 12, 1)),
    ("kargowa", "Centrum Usług Społecznych w Kargowej", ["0809043"], D(2027, 1, 1)),
    ("rzepin", "Centrum Usług Społecznych w Rzepinie", ["0805043"], D(2027, 1, 1)),
    ("witnica", "Centrum Usług Społecznych w Witnicy", ["0801073"], D(2027, 1, 1)),
]

KROSNO_POWIAT_GMINAS = ["0802011", "0802022", "0802032", "0802042", "0802052", "0802063", "0802072"]
BILATERAL_PAIRS = [  # (larger, smaller) – demo pairs for the MUS pilot
    ("0802063", "0802032"),  # Krosno Odrzańskie – Bytnica
    ("0802011", "0802052"),  # Gubin (town) – Gubin (rural)
    ("0802011", "0802042"),  # Gubin (town) – Dąbie
]

# Demo: a bilateral agreement (larger gmina – smaller gmina) that opens the remote care
# (teleopieka) of CUS Żary to the residents of the rural gmina Trzebiel next door.
SERVICE_AGREEMENTS = [  # (title, lead gmina, other gmina, centre slug, scope)
    (
        "Porozumienie bilateralne: Żary (gmina miejska) – Trzebiel, teleopieka (demo)",
        "0811021",
        "0811082",
        "zary",
        "CUS w Żarach świadczy usługę opieki na odległość (teleopieki) także mieszkańcom gminy "
        "Trzebiel; gmina Trzebiel pokrywa część kosztów (demo).",
    ),
]

LUBLIN_TEST = [  # (code, category, centre slug or "", note) – demo choice of the 5 test gminas
    (
        "0605053",
        "optimal",
        "janow-lubelski",
        "CUS and two KIS of the Konwent (Humanus, “Nasz” KIS)",
    ),
    ("0603132", "partly_optimal", "wojslawice", "CUS; no PES active in the 14 areas yet"),
    ("0601092", "prospective_full", "", "Gmina ready to create a CUS; KIS „TŁOKA” active"),
    ("0612063", "prospective_full", "", "Gmina ready to create a CUS; KIS „Tulipan” active"),
    ("0604022", "prospective_partial", "", "Gmina ready to create a CUS; a partner NGO is sought"),
]
LUBLIN_CENTRES = [
    ("janow-lubelski", "Centrum Usług Społecznych w Janowie Lubelskim", "0605053", D(2022, 1, 1)),
    ("wojslawice", "Centrum Usług Społecznych w Wojsławicach", "0603132", D(2023, 7, 1)),
]

# (email, first, last, job title, [(role, context kind, context slug)])
USERS = [
    (
        "dyrektor.swiebodzin@opencus.example",
        "Joanna",
        "Wiśniewska",
        "Dyrektor CUS",
        [("director", "centre", "swiebodzin")],
    ),
    (
        "ous.swiebodzin@opencus.example",
        "Marek",
        "Kowalczyk",
        "Organizator usług społecznych",
        [("ous", "centre", "swiebodzin")],
    ),
    (
        "kipus.swiebodzin@opencus.example",
        "Anna",
        "Nowak",
        "Koordynatorka IPUS",
        [("kipus", "centre", "swiebodzin"), ("osl", "centre", "zbaszynek")],
    ),
    (
        "osl.swiebodzin@opencus.example",
        "Katarzyna",
        "Zielińska",
        "Organizatorka społeczności lokalnej",
        [("osl", "centre", "swiebodzin")],
    ),
    (
        "punkt.swiebodzin@opencus.example",
        "Piotr",
        "Lewandowski",
        "Punkt informacyjny",
        [("front_desk", "centre", "swiebodzin")],
    ),
    (
        "dyrektor.zbaszynek@opencus.example",
        "Ewa",
        "Kamińska",
        "Dyrektor CUS",
        [("director", "centre", "zbaszynek")],
    ),
    (
        "dyrektor.zielonagora@opencus.example",
        "Tomasz",
        "Wójcik",
        "Dyrektor CUS",
        [("director", "centre", "zielona-gora")],
    ),
    (
        "dyrektor.janow@opencus.example",
        "Agnieszka",
        "Mazur",
        "Dyrektor CUS",
        [("director", "centre", "janow-lubelski")],
    ),
    (
        "analityk.rops@opencus.example",
        "Magdalena",
        "Krawczyk",
        "Analityczka ROPS",
        [("analyst", "network", "lubuska-siec-cus")],
    ),
    (
        "obserwatorium@opencus.example",
        "Paweł",
        "Szymański",
        "Obserwatorium CUS",
        [("analyst", "network", "obserwatorium-cus-lubelszczyzna")],
    ),
    (
        "lider.konwent@opencus.example",
        "Barbara",
        "Dąbrowska",
        "Liderka ds. współpracy z CUS",
        [("provider_staff", "organisation", "konwent-cis-kis")],
    ),
]
ADMIN_EMAIL = "admin@opencus.example"
