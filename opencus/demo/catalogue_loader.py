"""Loads the demo service catalogue (``catalogue_data``) through the catalogue's services, so
that its rules, history and search index apply.

Safe to run again: it adds what is missing and never undoes what users have changed since. A
service is keyed by (centre, name) and left alone once it exists — whatever its status, hours or
places are now. Its locations (keyed by centre and name) are made only with a service that needs
them; providers (by slug) and the agreement (by title) are made once. A demo service a user has
renamed or deleted comes back on the next run.
"""

import datetime as dt

from opencus.catalogue import services as catalogue
from opencus.catalogue.models import Location, Service, Term, Vocabulary
from opencus.demo import data
from opencus.demo.catalogue_data import CONTACTS, PLACES, PROVIDERS, SERVICES, DemoService
from opencus.providers.models import Organisation
from opencus.territory import services as territory
from opencus.territory.enums import AgreementKind
from opencus.territory.models import Centre, Gmina, InterMunicipalAgreement

D = dt.date
MODES = ("at_home", "at_location", "mobile", "remote")


def _agreements(centres: dict[str, Centre], gminas: dict[str, Gmina]) -> None:
    for title, lead, other, centre_slug, scope in data.SERVICE_AGREEMENTS:
        if InterMunicipalAgreement.objects.filter(title=title).exists():
            continue
        territory.agreement_create(
            by=None,
            title=title,
            kind=AgreementKind.BILATERAL,
            lead_gmina=gminas[lead],
            parties=[gminas[lead], gminas[other]],
            centre=centres[centre_slug],
            scope=scope,
            signed_on=D(2025, 11, 20),
            valid_from=D(2026, 1, 1),
            is_demo=True,
        )


def _providers(gminas: dict[str, Gmina]) -> dict[str, Organisation]:
    for p in PROVIDERS:
        Organisation.objects.get_or_create(
            slug=p.slug,
            defaults={
                "name": p.name,
                "legal_form": p.legal_form,
                "seat_gmina": gminas[p.seat_gmina],
                "email": p.email,
                "phone": p.phone,
                "is_demo": p.is_demo,
            },
        )
    slugs = {s.provider for s in SERVICES if s.provider}
    return {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}


class _Locations:
    """The demo locations, by Place key: found by (centre, name) or created on first use, so
    that a rerun with every service in place creates none."""

    def __init__(self, centres: dict[str, Centre], gminas: dict[str, Gmina]):
        self.centres, self.gminas = centres, gminas
        self.places = {place.key: place for place in PLACES}
        self.have = {
            (loc.centre_id, loc.name): loc
            for loc in Location.objects.filter(centre__in=centres.values())
        }

    def __getitem__(self, key: str) -> Location:
        place = self.places[key]
        centre = self.centres[place.centre]
        location = self.have.get((centre.pk, place.name))
        if location is None:
            location = catalogue.location_save(
                centre=centre,
                by=None,
                name=place.name,
                street=place.street,
                postal_code=place.postal_code,
                city=place.city,
                gmina=self.gminas[place.gmina],
                latitude=place.latitude,
                longitude=place.longitude,
                wheelchair_access=place.wheelchair_access,
                accessible_toilet=place.accessible_toilet,
                hearing_loop=place.hearing_loop,
                parking=place.parking,
                accessibility_notes=place.accessibility_notes,
                transport_notes=place.transport_notes,
                is_demo=True,
            )
            self.have[centre.pk, place.name] = location
        return location


def _time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _create(
    spec: DemoService,
    *,
    centre: Centre,
    providers: dict[str, Organisation],
    locations: _Locations,
    gminas: dict[str, Gmina],
    terms: dict[tuple[str, str], Term],
) -> Service:
    phone, email = CONTACTS[spec.centre]
    relations: dict = {
        "areas": [terms[Vocabulary.AREA, code] for code in spec.areas],
        "target_groups": [terms[Vocabulary.TARGET_GROUP, code] for code in spec.groups],
        "needs": [terms[Vocabulary.NEED, code] for code in spec.needs],
        "funding": [terms[Vocabulary.FUNDING, code] for code in spec.funding],
        "documents": list(spec.documents),
    }
    if spec.residents:
        relations["residents_of"] = [gminas[code] for code in spec.residents]
    unknown = set(spec.modes) - set(MODES)
    if unknown:
        raise ValueError(f"{spec.name}: unknown delivery modes {sorted(unknown)}")
    service = catalogue.service_create(
        centre=centre,
        by=None,
        name=spec.name,
        summary=spec.summary,
        description=spec.description,
        provider=providers[spec.provider] if spec.provider else None,
        **{mode: mode in spec.modes for mode in MODES},
        access_mode=spec.access,
        min_age=spec.min_age,
        max_age=spec.max_age,
        eligibility_notes=spec.eligibility,
        fee_kind=spec.fee.kind,
        unit=spec.fee.unit,
        market_value=spec.fee.market_value,
        resident_price=spec.fee.resident_price,
        fee_notes=spec.fee.notes,
        capacity=spec.capacity[0] if spec.capacity else None,
        capacity_period=spec.capacity[1] if spec.capacity else "",
        how_to_apply=spec.how_to_apply,
        phone=spec.phone or phone,
        email=spec.email or email,
        is_demo=True,
        **relations,
    )
    links = {
        key: catalogue.service_location_add(
            service=service, location=locations[key], by=None, description=note
        )
        for key, note in spec.places
    }
    for hours in spec.hours:
        for day in hours.days.split():
            catalogue.schedule_add(
                service=service,
                by=None,
                weekday=day,
                opens_at=_time(hours.opens),
                closes_at=_time(hours.closes),
                service_location=links[hours.at] if hours.at else None,
                note=hours.note,
            )
    for status, note in spec.steps:
        service = catalogue.service_change_status(
            service=service, by=None, status=status, note=note
        )
    return service


def load_catalogue() -> int:
    """Create the demo providers, locations and services that are missing; returns how many
    services were created. Runs inside ``load_demo``'s transaction."""
    slugs = {s.centre for s in SERVICES} | {p.centre for p in PLACES}
    slugs |= {slug for *_, slug, _scope in data.SERVICE_AGREEMENTS}
    centres = {c.slug: c for c in Centre.objects.filter(slug__in=slugs)}
    codes = {p.seat_gmina for p in PROVIDERS} | {p.gmina for p in PLACES}
    codes |= {code for s in SERVICES for code in s.residents}
    codes |= {code for _t, lead, other, *_ in data.SERVICE_AGREEMENTS for code in (lead, other)}
    gminas = {g.code: g for g in Gmina.objects.filter(code__in=codes)}
    _agreements(centres, gminas)
    providers = _providers(gminas)
    locations = _Locations(centres, gminas)
    terms = {(t.vocabulary, t.code): t for t in Term.objects.all()}
    existing = set(
        Service.objects.filter(centre__in=centres.values()).values_list("centre__slug", "name")
    )
    created = 0
    for spec in SERVICES:
        if (spec.centre, spec.name) in existing:
            continue
        _create(
            spec,
            centre=centres[spec.centre],
            providers=providers,
            locations=locations,
            gminas=gminas,
            terms=terms,
        )
        created += 1
    return created
