import datetime as dt

import factory

from opencus.territory.enums import (
    AgreementKind,
    BoundaryLevel,
    CentreStatus,
    CreationMode,
    GminaKind,
    NetworkKind,
    PowiatKind,
)
from opencus.territory.models import (
    Boundary,
    Centre,
    CentreStatusChange,
    Gmina,
    InterMunicipalAgreement,
    Network,
    Powiat,
    Voivodeship,
)

# A small square near Zielona Góra (lon, lat), closed as GeoJSON rings are.
SQUARE = [[15.0, 52.0], [15.1, 52.0], [15.1, 52.1], [15.0, 52.1], [15.0, 52.0]]


class VoivodeshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voivodeship
        django_get_or_create = ("code",)

    code = "08"
    name = "lubuskie"


class PowiatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Powiat
        django_get_or_create = ("code",)

    voivodeship = factory.SubFactory(VoivodeshipFactory)
    code = factory.Sequence(lambda n: f"08{n % 60 + 20:02d}")
    name = factory.Sequence(lambda n: f"powiat-{n}")
    kind = PowiatKind.POWIAT


class GminaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gmina

    powiat = factory.SubFactory(PowiatFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.powiat.code}{n % 99 + 1:02d}{o.kind}")
    name = factory.Sequence(lambda n: f"Gmina {n}")
    kind = GminaKind.URBAN_RURAL
    population = 12000


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Centrum Usług Społecznych {n}")
    slug = factory.Sequence(lambda n: f"cus-{n}")
    seat_gmina = factory.SubFactory(GminaFactory)
    creation_mode = CreationMode.OPS_TRANSFORMATION
    status = CentreStatus.OPERATING
    status_since = dt.date(2025, 1, 1)

    @factory.post_generation
    def served(self, create, extracted, **kwargs):
        if not create:
            return
        self.gminas.set(extracted or [self.seat_gmina])
        CentreStatusChange.objects.create(
            centre=self, status=self.status, effective_on=self.status_since
        )


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Sieć {n}")
    slug = factory.Sequence(lambda n: f"siec-{n}")
    kind = NetworkKind.REGIONAL


class BoundaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Boundary

    code = factory.Sequence(lambda n: f"08{n % 60 + 20:02d}011")
    level = BoundaryLevel.GMINA
    geometry = factory.LazyFunction(lambda: {"type": "Polygon", "coordinates": [SQUARE]})


class AgreementFactory(factory.django.DjangoModelFactory):
    """A bilateral agreement between ``lead_gmina`` and one more gmina (``parties`` overrides)."""

    class Meta:
        model = InterMunicipalAgreement
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Porozumienie {n}")
    kind = AgreementKind.BILATERAL
    lead_gmina = factory.SubFactory(GminaFactory)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create:
            self.parties.set(extracted or [self.lead_gmina, GminaFactory()])
