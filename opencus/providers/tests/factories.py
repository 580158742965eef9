import factory

from opencus.providers.enums import LegalForm
from opencus.providers.models import Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Stowarzyszenie {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    legal_form = LegalForm.ASSOCIATION
