import datetime

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


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Course"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"dbt-course-{n}")
    title = factory.Sequence(lambda n: f"DBT Course {n}")
    summary = "An introduction to comprehensive DBT for clinicians."
    audience = "Licensed clinicians joining a DBT consultation team."
    learning_objectives = "Describe the biosocial theory\nName the four modes of DBT"
    ce_hours = "12.50"
    pass_mark = 80

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.add(*extracted)


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "modules.Module"

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."
    component = "foundations"
    position = factory.Sequence(lambda n: n + 1)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "modules.Lesson"

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    kind = "reading"
    body_markdown = "Validation is **not** approval."
    body_html = "<p>Validation is <strong>not</strong> approval.</p>\n"
    estimated_minutes = 15
    position = factory.Sequence(lambda n: n + 1)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Cohort"
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    starts_on = datetime.date(2027, 1, 11)
    ends_on = datetime.date(2027, 7, 9)
    time_zone = "America/New_York"
    status = "open"

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.trainers.add(*extracted)
