import factory

from opencus.accounts.models import Membership, User
from opencus.accounts.roles import Role

PASSWORD = "Tajne-Haslo-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@opencus.example")
    first_name = factory.Sequence(lambda n: f"Imię{n}")
    last_name = factory.Sequence(lambda n: f"Nazwisko{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(self, create, extracted, **kwargs):
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.KIPUS
    centre = factory.SubFactory("opencus.territory.tests.factories.CentreFactory")
