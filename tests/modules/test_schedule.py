import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse

from modules.models import ModuleScheduleOverride
from modules.schedule import cohort_schedule
from tests.factories import CohortFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def cohort(trainer):
    cohort = CohortFactory(starts_on=D(2027, 1, 11), trainers=[trainer])
    ModuleFactory(
        course=cohort.course,
        title="Foundations",
        position=1,
        release_offset_days=0,
        due_offset_days=14,
    )
    ModuleFactory(course=cohort.course, title="Mindfulness", position=2, release_offset_days=14)
    return cohort


def dates(cohort):
    return [(d.module.title, d.release_on, d.due_on, d.overridden) for d in cohort_schedule(cohort)]


def test_dates_come_from_offsets_then_overrides(client, cohort, trainer):
    second = cohort.course.modules.get(position=2)
    client.force_login(trainer)
    assert dates(cohort) == [
        ("Foundations", D(2027, 1, 11), D(2027, 1, 25), False),
        ("Mindfulness", D(2027, 1, 25), None, False),
    ]

    response = client.post(
        reverse("schedule:cohort", args=[cohort.pk]),
        {
            f"release-{second.pk}": "2027-02-01",
            f"due-{second.pk}": "2027-02-15",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert dates(cohort)[1] == ("Mindfulness", D(2027, 2, 1), D(2027, 2, 15), True)
    client.post(reverse("schedule:cohort", args=[cohort.pk]), {})  # both empty: back to default
    assert ModuleScheduleOverride.objects.count() == 0


@pytest.mark.parametrize(
    ("release", "due", "message"),
    [
        ("2027-03-01", "2027-02-01", "the due date comes before the release date"),
        ("01/02/2027", "", "is not a date (use YYYY-MM-DD)"),
    ],
)
def test_bad_dates_save_nothing(client, cohort, trainer, release, due, message):
    second = cohort.course.modules.get(position=2)
    client.force_login(trainer)

    response = client.post(
        reverse("schedule:cohort", args=[cohort.pk]),
        {f"release-{second.pk}": release, f"due-{second.pk}": due},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert ModuleScheduleOverride.objects.count() == 0


@pytest.mark.parametrize(
    ("who", "expected"),
    [("visitor", 302), ("trainee", 403), ("other_trainer", 403), ("enrollment_admin", 200)],
)
def test_schedule_page_by_viewer(client, cohort, request, who, expected):
    from dbt_training.users.roles import Role

    if who == "other_trainer":
        client.force_login(UserFactory(email="otto@example.org", roles=[Role.TRAINER]))
    elif who != "visitor":
        client.force_login(request.getfixturevalue(who))
    second = cohort.course.modules.get(position=2)

    assert client.get(reverse("schedule:cohort", args=[cohort.pk])).status_code == expected
    client.post(
        reverse("schedule:cohort", args=[cohort.pk]), {f"release-{second.pk}": "2027-02-01"}
    )
    assert ModuleScheduleOverride.objects.count() == (1 if expected == 200 else 0)


def test_schedule_queries_do_not_grow_with_modules(client, trainer, django_assert_max_num_queries):
    for size in (1, 60):
        cohort = CohortFactory(trainers=[trainer])
        for n in range(size):
            ModuleFactory(course=cohort.course, position=n + 1)
        client.force_login(trainer)
        with django_assert_max_num_queries(8):
            assert client.get(reverse("schedule:cohort", args=[cohort.pk])).status_code == 200
