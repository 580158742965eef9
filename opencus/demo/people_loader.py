"""Demo residents, carers and relations (all invented, marked demo data).

Demo people carry no PESEL: an invented number with a valid check digit could be a real
person's. They are told apart by birth date, as foreigners without PESEL are.
"""

import datetime as dt

from opencus.people import services
from opencus.people.models import Person
from opencus.territory.models import Centre, Gmina

D = dt.date

# centre slug -> [(first, last, birth date, gmina code, street, phone, needs)]
PEOPLE = {
    "swiebodzin": [
        (
            "Halina",
            "Kowalska",
            D(1942, 3, 14),
            "0808053",
            "ul. Sobieskiego 12/3",
            "+48 600 100 201",
            {"needs_large_print": True},
        ),
        (
            "Janusz",
            "Kowalski",
            D(1968, 11, 2),
            "0808053",
            "ul. Sobieskiego 12/3",
            "+48 600 100 202",
            {},
        ),
        (
            "Stanisław",
            "Wójcik",
            D(1939, 7, 30),
            "0808053",
            "Rusinów 4",
            "+48 600 100 203",
            {"needs_sign_language": True},
        ),
        ("Maria", "Lewandowska", D(1990, 5, 21), "0808053", "ul. Wałowa 8", "+48 600 100 204", {}),
        ("Zofia", "Lewandowska", D(2024, 2, 10), "0808053", "ul. Wałowa 8", "", {}),
        (
            "Krystyna",
            "Zając",
            D(1951, 9, 5),
            "0808053",
            "ul. Kolejowa 3/1",
            "+48 600 100 205",
            {"needs_easy_to_read": True},
        ),
    ],
    "trzebiel": [
        ("Irena", "Mazur", D(1944, 1, 19), "0811082", "Żarki Wielkie 21", "+48 600 200 301", {}),
        ("Tomasz", "Mazur", D(1970, 4, 8), "0811082", "Żarki Wielkie 21", "+48 600 200 302", {}),
        (
            "Władysław",
            "Krawczyk",
            D(1936, 12, 1),
            "0811082",
            "Trzebiel, ul. Żarska 5",
            "+48 600 200 303",
            {},
        ),
    ],
    # Delivered to by the Konwent (the demo provider login): see enrolments_loader.
    "janow-lubelski": [
        (
            "Teresa",
            "Wrona",
            D(1958, 6, 11),
            "0605053",
            "ul. Zamoyskiego 40/2",
            "+48 600 300 401",
            {},
        ),
    ],
}
# (centre, person's last+first, other's last+first, kind)
RELATIONS = [
    ("swiebodzin", ("Kowalska", "Halina"), ("Kowalski", "Janusz"), "actual_carer"),
    ("swiebodzin", ("Lewandowska", "Zofia"), ("Lewandowska", "Maria"), "legal_representative"),
    ("trzebiel", ("Mazur", "Irena"), ("Mazur", "Tomasz"), "actual_carer"),
]


def load_people() -> int:
    created = 0
    for slug, people in PEOPLE.items():
        centre = Centre.objects.get(slug=slug)
        for first, last, born, gmina_code, street, phone, needs in people:
            if Person.objects.filter(
                centre=centre, first_name=first, last_name=last, birth_date=born
            ).exists():
                continue
            gmina = Gmina.objects.get(code=gmina_code)
            person = services.person_create(
                centre=centre,
                by=None,
                confirm_new=True,
                first_name=first,
                last_name=last,
                birth_date=born,
                street=street,
                city=gmina.name,
                gmina=gmina,
                phone=phone,
                is_demo=True,
                **needs,
            )
            if born.year < 1960:
                services.consent_give(
                    person=person, by=None, purpose="share_with_provider", form="written"
                )
            created += 1
    for slug, (last, first), (other_last, other_first), kind in RELATIONS:
        person = Person.objects.get(centre__slug=slug, last_name=last, first_name=first)
        other = Person.objects.get(centre__slug=slug, last_name=other_last, first_name=other_first)
        if not person.relations.filter(other=other, kind=kind).exists():
            services.relation_add(
                person=person, other=other, kind=kind, by=None, started_on=D(2025, 1, 1)
            )
    return created
