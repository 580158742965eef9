"""Demo partner organisations: the Konwent of CIS and KIS of the Lublin region (seed 003,
part II "Grupa PES – podmioty reintegracyjne": its 27 members), and the demo organisation's
partnerships and cooperation leader.

Names and places are the seed's; the seed gives no NIP, REGON or KRS, so they stay blank, and
a place the seed names ambiguously (two gminas of the name, or a village) gets no seat gmina.
Idempotent: rows are found by their slug and only added when missing.
"""

from django.db import transaction
from django.utils import timezone

from opencus.accounts.models import User
from opencus.catalogue.enums import ServiceArea
from opencus.providers import services
from opencus.providers.enums import LegalForm, PartnershipStatus
from opencus.providers.models import (
    CooperationLeader,
    Organisation,
    OrganisationArea,
    OrganisationNetwork,
    Partnership,
)
from opencus.territory.models import Centre, Gmina, Voivodeship

NETWORK_SLUG = "konwent-cis-kis-lubelszczyzny"
NETWORK_NAME = "Konwent Dyrektorów CIS i KIS Województwa Lubelskiego"
NETWORK_DESCRIPTION = (
    "Konwent Klubów i Centrów Integracji Społecznej Lubelszczyzny: regionalna platforma "
    "współpracy podmiotów zatrudnienia socjalnego, adresat Strategii Partycypacji (seed 003)."
)

# (number in the seed, name, CIS or KIS, run by "JST" or "NGO", seat gmina TERYT or "")
MEMBERS = [
    (1, "CIS w Chełnie", "cis", "JST", ""),
    (2, "CIS Mieniany/Hrubieszów", "cis", "NGO", "0604042"),
    (3, "Centrum Integracji Społecznej Biała Podlaska", "cis", "NGO", "0661011"),
    (4, "Centrum Integracji Społecznej Nielisz", "cis", "JST", "0620072"),
    (5, "Centrum Integracji Społecznej Jancja Adamów", "cis", "JST", ""),
    (6, "Centrum Integracji Społecznej Komarów Osada", "cis", "JST", "0620032"),
    (7, "KIS „Nowa Szansa” w Zamościu", "kis", "NGO", "0664011"),
    (8, "KIS Humanus w Janowie Lubelskim", "kis", "NGO", "0605053"),
    (9, "KIS „Stella” Chełm", "kis", "NGO", "0662011"),
    (10, "KIS „Moja szansa” w Chełmie", "kis", "NGO", "0662011"),
    (11, "KIS GOPS Tomaszów Lubelski", "kis", "JST", "0618112"),
    (12, "„PO-MOC do KIS” w Lubartowie", "kis", "NGO", ""),
    (13, "KIS MOPS Puławy", "kis", "JST", "0614011"),
    (14, "KIS w Sawinie", "kis", "NGO", "0603102"),
    (15, "KIS MOPS Tomaszów Lubelski", "kis", "JST", "0618011"),
    (16, "CIS w Krasnymstawie", "cis", "JST", ""),
    (17, "KIS „SZANSA” w Lublinie", "kis", "NGO", "0663011"),
    (18, "„Nasz” KIS w Janowie Lubelskim", "kis", "NGO", "0605053"),
    (19, "KIS „Akademia Niezależnego Życia” w Lublinie", "kis", "NGO", "0663011"),
    (20, "KIS „Razem możemy więcej” w Łęcznej", "kis", "NGO", "0610033"),
    (21, "CIS POSTIS w Świdniku", "cis", "NGO", "0617011"),
    (22, "KIS GOPS w Krzywdzie", "kis", "JST", "0611042"),
    (23, "KIS Stella w Wierzbie", "kis", "NGO", ""),
    (24, "KIS „Kuznia Talentów” w Hrubieszowie (miasto)", "kis", "NGO", "0604011"),
    (25, "KIS „Przystań” w Hrubieszowie (gmina)", "kis", "NGO", "0604042"),
    (26, "KIS „TŁOKA” Łomazy", "kis", "NGO", "0601092"),
    (27, "KIS „Tulipan” w Poniatowej", "kis", "NGO", "0612063"),
]
RUN_BY = {"JST": "jednostkę samorządu terytorialnego", "NGO": "organizację pozarządową"}

# Members that work with a demo centre of their gmina (verified by its director).
PARTNERS = {"janow-lubelski": [8, 18]}
DEMO_ORGANISATION = "konwent-cis-kis"
DEMO_ORGANISATION_CENTRES = ["swiebodzin", "janow-lubelski"]
DEMO_LEADER = "lider.konwent@opencus.example"


def member_slug(number: int) -> str:
    return f"konwent-lub-{number:02d}"


def _statute(name: str, kind: str, run_by: str) -> str:
    unit = "Centrum Integracji Społecznej" if kind == "cis" else "Klub Integracji Społecznej"
    return (
        f"{unit} prowadzony przez {RUN_BY[run_by]}: reintegracja społeczna i zawodowa osób "
        "zagrożonych wykluczeniem społecznym (ustawa o zatrudnieniu socjalnym). Dane z listy "
        "członków Konwentu w Strategii Partycypacji."
    )


def _network() -> OrganisationNetwork:
    network, _ = OrganisationNetwork.objects.get_or_create(
        slug=NETWORK_SLUG,
        defaults={
            "name": NETWORK_NAME,
            "description": NETWORK_DESCRIPTION,
            "voivodeship": Voivodeship.objects.filter(code="06").first(),
            "is_demo": True,
        },
    )
    return network


def _members(network: OrganisationNetwork) -> list[Organisation]:
    gminas = {g.code: g for g in Gmina.objects.filter(code__in={m[4] for m in MEMBERS if m[4]})}
    organisations = []
    for number, name, kind, run_by, code in MEMBERS:
        organisation = Organisation.objects.filter(slug=member_slug(number)).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                slug=member_slug(number),
                name=name,
                legal_form=LegalForm.CIS if kind == "cis" else LegalForm.KIS,
                seat_gmina=gminas.get(code),
                statutory_activity=_statute(name, kind, run_by),
                is_demo=True,
            )
            OrganisationArea.objects.bulk_create(
                [
                    OrganisationArea(organisation=organisation, area=area)
                    for area in (ServiceArea.REINTEGRATION, ServiceArea.UNEMPLOYMENT)
                ]
            )
            if code in gminas:
                organisation.operating_gminas.add(gminas[code])
        organisation.networks.add(network)
        organisations.append(organisation)
    return organisations


def _partnership(centre: Centre, organisation: Organisation, director: User | None) -> None:
    if Partnership.objects.filter(centre=centre, organisation=organisation).exists():
        return
    Partnership.objects.create(
        centre=centre,
        organisation=organisation,
        status=PartnershipStatus.VERIFIED,
        decided_at=timezone.now(),
        decided_by=director,
        message="Współpraca w teście Strategii Partycypacji (dane demonstracyjne).",
        is_demo=True,
    )


def _director(centre: Centre) -> User | None:
    return User.objects.filter(
        memberships__centre=centre, memberships__role="director", memberships__ended_on=None
    ).first()


@transaction.atomic
def load_partners() -> int:
    """The Konwent and its members, the demo partnerships and leader; returns the members."""
    network = _network()
    members = {int(m.slug[-2:]): m for m in _members(network)}
    centres = {
        c.slug: c for c in Centre.objects.filter(slug__in={*PARTNERS, *DEMO_ORGANISATION_CENTRES})
    }
    for slug, numbers in PARTNERS.items():
        if slug in centres:
            for number in numbers:
                _partnership(centres[slug], members[number], _director(centres[slug]))
    demo = Organisation.objects.filter(slug=DEMO_ORGANISATION).first()
    if demo is not None:
        for slug in DEMO_ORGANISATION_CENTRES:
            if slug in centres:
                _partnership(centres[slug], demo, _director(centres[slug]))
        leader_user = User.objects.filter(email=DEMO_LEADER).first()
        if leader_user and not CooperationLeader.objects.filter(organisation=demo).exists():
            services.leader_appoint(
                organisation=demo,
                by=leader_user,
                first_name=leader_user.first_name,
                last_name=leader_user.last_name,
                role="Liderka ds. współpracy z CUS",
                phone="+48 15 000 00 00",
                email=leader_user.email,
            )
    return len(members)
