import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from dbt_training.users.models import User


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified primary email, so allauth's mandatory verification lets them in."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"clinician{n}@example.org")
    full_name = factory.Faker("name")
    time_zone = "America/Chicago"
    password = factory.django.Password("a-Long-passphrase-42")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=[role.value for role in extracted]))
