"""Builds the demo region: centres and agreements through the app's services (with their
rules and history), reference rows and demo accounts directly. Safe to run again: it adds
what is missing and never undoes what users have changed since."""

import datetime as dt

from django.core.management import call_command
from django.db import transaction

from opencus.accounts.models import Membership, User
from opencus.demo import data
from opencus.demo.cards_loader import load_cards
from opencus.demo.cases_loader import load_cases
from opencus.demo.catalogue_loader import load_catalogue
from opencus.demo.commissioning_loader import load_commissioning
from opencus.demo.contracts_loader import load_contracts
from opencus.demo.cooperation_loader import load_cooperation
from opencus.demo.enrolments_loader import load_enrolments
from opencus.demo.equipment_loader import load_equipment
from opencus.demo.partners_loader import load_partners
from opencus.demo.people_loader import load_people
from opencus.demo.plans_loader import load_plans
from opencus.demo.referrals_loader import load_referrals
from opencus.providers.enums import LegalForm
from opencus.providers.models import Organisation
from opencus.territory import services
from opencus.territory.enums import AgreementKind, CentreStatus, CreationMode, NetworkKind
from opencus.territory.models import (
    Centre,
    Gmina,
    InterMunicipalAgreement,
    Network,
    NetworkTerritory,
    Voivodeship,
)

D = dt.date


def _gmina(code: str) -> Gmina:
    return Gmina.objects.select_related("powiat").get(code=code)


def _set_populations() -> None:
    for code, people in data.POPULATIONS.items():
        Gmina.objects.filter(code=code).exclude(population=people).update(
            population=people, population_year=2023, population_source=data.POPULATION_SOURCE
        )


def _centre(
    slug: str,
    name: str,
    codes: list[str],
    *,
    mode: str,
    steps: list[tuple[str, dt.date, str]],
    is_demo: bool,
    planned_opening_on: dt.date | None = None,
    predecessor: str = "",
) -> Centre:
    existing = Centre.objects.filter(slug=slug).first()
    if existing:
        return existing
    gminas = [_gmina(code) for code in codes]
    seat = gminas[0]
    first_status, first_date, first_note = steps[0]
    centre = services.centre_create(
        by=None,
        name=name,
        slug=slug,
        seat_gmina=seat,
        gminas=gminas,
        creation_mode=mode,
        status=first_status,
        status_since=first_date,
        predecessor_ops=predecessor,
        is_demo=is_demo,
        planned_opening_on=planned_opening_on,
        city=seat.name,
        email=f"sekretariat@cus-{slug}.opencus.example",
        phone="+48 68 000 00 00",
        street="ul. Przykładowa 1",
        postal_code="66-000",
    )
    centre.status_changes.filter(status=first_status).update(note=first_note)
    for status, date, note in steps[1:]:
        services.centre_change_status(
            centre=centre, by=None, status=status, effective_on=date, note=note
        )
    return centre


def _lubuskie_centres() -> list[Centre]:
    centres = []
    cooperation = (
        CentreStatus.PLANNED,
        D(2023, 3, 1),
        "Współpraca z ROPS w Zielonej Górze (seed 004)",
    )
    for slug, name, code, seed_name in data.LEADERS:
        is_city = code == "0862011"
        note = f"Lider zmiany (seed 004){f'; w materiale: {seed_name}' if seed_name else ''}"
        centres.append(
            _centre(
                slug,
                name,
                [code],
                mode=CreationMode.NEW_UNIT_CITY_OVER_100K
                if is_city
                else CreationMode.OPS_TRANSFORMATION,
                steps=[
                    cooperation,
                    (CentreStatus.BEING_CREATED, D(2024, 6, 1), "Uchwała rady (demo)"),
                    (CentreStatus.OPERATING, D(2025, 1, 1), note),
                ],
                is_demo=False,
                predecessor="" if is_city else f"Ośrodek Pomocy Społecznej ({_gmina(code).name})",
            )
        )
    for slug, name, code in data.SECOND_WAVE:
        centres.append(
            _centre(
                slug,
                name,
                [code],
                mode=CreationMode.OPS_TRANSFORMATION,
                steps=[
                    cooperation,
                    (CentreStatus.BEING_CREATED, D(2025, 1, 1), "Uchwała rady (demo)"),
                    (CentreStatus.OPERATING, D(2025, 7, 1), "Otwarcie (data demo)"),
                ],
                is_demo=False,
                predecessor=f"Ośrodek Pomocy Społecznej ({_gmina(code).name})",
            )
        )
    for slug, name, code, opened in data.OTHER_OPERATING:
        centres.append(
            _centre(
                slug,
                name,
                [code],
                mode=CreationMode.OPS_TRANSFORMATION,
                steps=[
                    (CentreStatus.PLANNED, D(2024, 9, 1), "Deklaracja gminy (demo)"),
                    (CentreStatus.BEING_CREATED, D(2025, 3, 1), "Uchwała rady (demo)"),
                    (CentreStatus.OPERATING, opened, "Otwarcie (demo)"),
                ],
                is_demo=True,
                predecessor=f"Ośrodek Pomocy Społecznej ({_gmina(code).name})",
            )
        )
    for slug, name, codes, opening in data.BEING_CREATED:
        centres.append(
            _centre(
                slug,
                name,
                codes,
                mode=CreationMode.OPS_TRANSFORMATION,
                steps=[
                    (CentreStatus.PLANNED, D(2025, 9, 1), "Deklaracja gminy (demo)"),
                    (CentreStatus.BEING_CREATED, D(2026, 6, 1), "Uchwała rady (demo)"),
                ],
                is_demo=True,
                planned_opening_on=opening,
                predecessor=f"Ośrodek Pomocy Społecznej ({_gmina(codes[0]).name})",
            )
        )
    return centres


def _krosno_agreements(krosno_centre: Centre) -> None:
    title = "Umowa grupowa o międzygminnych usługach społecznych (MUS) – powiat krośnieński"
    if not InterMunicipalAgreement.objects.filter(title=title).exists():
        services.agreement_create(
            by=None,
            title=title,
            kind=AgreementKind.GROUP,
            lead_gmina=_gmina("0802063"),
            parties=[_gmina(code) for code in data.KROSNO_POWIAT_GMINAS],
            centre=krosno_centre,
            scope=(
                "Pilotaż MUS (seed 004): Mobilny Klub Rodzinny dla rodziców dzieci 0–3 w 7–9 "
                "punktach powiatu; organizator społeczności lokalnej w skali powiatu."
            ),
            signed_on=D(2026, 5, 15),
            valid_from=D(2026, 6, 1),
            valid_to=D(2028, 12, 31),
            is_demo=True,
        )
    for larger, smaller in data.BILATERAL_PAIRS:
        a, b = _gmina(larger), _gmina(smaller)
        title = f"Porozumienie bilateralne MUS: {a.name} ({a.get_kind_display()}) – {b.name}"
        if not InterMunicipalAgreement.objects.filter(title=title).exists():
            services.agreement_create(
                by=None,
                title=title,
                kind=AgreementKind.BILATERAL,
                lead_gmina=a,
                parties=[a, b],
                scope="Wspólne usługi gminy większej i mniejszej (pilotaż MUS, demo).",
                signed_on=D(2026, 6, 1),
                valid_from=D(2026, 7, 1),
                is_demo=True,
            )


def _networks(lubuskie: list[Centre], lublin: list[Centre]) -> None:
    siec, _ = Network.objects.update_or_create(
        slug="lubuska-siec-cus",
        defaults={
            "name": "Lubuska sieć centrów usług społecznych",
            "kind": NetworkKind.REGIONAL,
            "voivodeship": Voivodeship.objects.get(code="08"),
            "description": (
                "Sieć CUS województwa lubuskiego koordynowana przez ROPS w Zielonej Górze "
                "(seed 004): od 0 CUS w 2024 r. do 27 w styczniu 2027 r."
            ),
        },
    )
    siec.centres.add(*lubuskie)
    for code in data.KROSNO_POWIAT_GMINAS:
        NetworkTerritory.objects.get_or_create(
            network=siec,
            gmina=_gmina(code),
            defaults={"note": "Pilotaż międzygminnych usług społecznych (MUS), powiat krośnieński"},
        )
    obs, _ = Network.objects.update_or_create(
        slug="obserwatorium-cus-lubelszczyzna",
        defaults={
            "name": "Obserwatorium CUS Lubelszczyzny",
            "kind": NetworkKind.OBSERVATORY,
            "voivodeship": Voivodeship.objects.get(code="06"),
            "description": (
                "Obywatelskie Obserwatorium Informacji o CUS przy Fundacji Konwent Klubów i "
                "Centrów Integracji Społecznej (seed 003): test Strategii Partycypacji w 5 gminach."
            ),
        },
    )
    obs.centres.add(*lublin)
    for code, category, _slug, note in data.LUBLIN_TEST:
        NetworkTerritory.objects.update_or_create(
            network=obs,
            gmina=_gmina(code),
            defaults={"category": category, "note": f"{note} (demo)"},
        )


def _lublin_centres() -> list[Centre]:
    return [
        _centre(
            slug,
            name,
            [code],
            mode=CreationMode.OPS_TRANSFORMATION,
            steps=[
                (CentreStatus.PLANNED, opened - dt.timedelta(days=540), "Deklaracja gminy (demo)"),
                (
                    CentreStatus.BEING_CREATED,
                    opened - dt.timedelta(days=180),
                    "Uchwała rady (demo)",
                ),
                (CentreStatus.OPERATING, opened, "Otwarcie (demo)"),
            ],
            is_demo=True,
            predecessor=f"Ośrodek Pomocy Społecznej ({_gmina(code).name})",
        )
        for slug, name, code, opened in data.LUBLIN_CENTRES
    ]


def _organisation() -> Organisation:
    org, _ = Organisation.objects.update_or_create(
        slug="konwent-cis-kis",
        defaults={
            "name": "Fundacja Konwent Klubów i Centrów Integracji Społecznej",
            "legal_form": LegalForm.FOUNDATION,
            "seat_gmina": _gmina("0605053"),
            "email": "konwent@opencus.example",
        },
    )
    return org


def _users() -> list[tuple[str, str]]:
    logins = []
    admin = User.objects.filter(email=data.ADMIN_EMAIL).first()
    if admin is None:
        User.objects.create_superuser(
            data.ADMIN_EMAIL,
            data.DEMO_PASSWORD,
            first_name="Administrator",
            last_name="OpenCUS",
            is_demo=True,
        )
    logins.append((data.ADMIN_EMAIL, "administrator (Django admin)"))
    contexts = {
        "centre": {c.slug: c for c in Centre.objects.all()},
        "organisation": {o.slug: o for o in Organisation.objects.all()},
        "network": {n.slug: n for n in Network.objects.all()},
    }
    for email, first, last, title, roles in data.USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email,
                data.DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                job_title=title,
                is_demo=True,
            )
        for role, kind, slug in roles:
            # Any membership, ended or not: a role a director has ended stays ended on rerun.
            if not Membership.objects.filter(
                user=user, role=role, **{kind: contexts[kind][slug]}
            ).exists():
                Membership.objects.create(
                    user=user, role=role, started_on=D(2025, 1, 1), **{kind: contexts[kind][slug]}
                )
        logins.append((email, ", ".join(f"{role} @ {slug}" for role, _k, slug in roles)))
    return logins


@transaction.atomic
def load_demo(*, stdout=None) -> list[tuple[str, str]]:
    call_command("import_teryt", verbosity=0, stdout=stdout)
    call_command("import_boundaries", verbosity=0, stdout=stdout)
    _set_populations()
    lubuskie = _lubuskie_centres()
    _krosno_agreements(next(c for c in lubuskie if c.slug == "krosno"))
    lublin = _lublin_centres()
    _networks(lubuskie, lublin)
    _organisation()
    logins = _users()
    load_partners()
    load_cards()
    load_catalogue()
    load_people()
    load_equipment()
    load_enrolments()  # services given before the applications below
    logins += load_cases()
    load_plans()
    load_referrals()
    load_commissioning()
    load_cooperation()
    load_contracts()  # for services with deliveries (enrolments_loader) and the partners
    return logins
