"""Course querysets (who may see and author what) and course services."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from courses.models import Course, CourseStatus
from courses.services import create_course, update_course
from dbt_training.users.roles import Role
from tests.factories import CourseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(trainer):
    """Two drafts and a published course; the trainer authors one draft and the published one."""
    other_trainer = UserFactory(email="robin@example.org", roles=[Role.TRAINER])
    return {
        "own_draft": CourseFactory(slug="own-draft", title="A own draft", authors=[trainer]),
        "own_published": CourseFactory(
            slug="own-published",
            title="B own published",
            status=CourseStatus.PUBLISHED,
            authors=[trainer, other_trainer],
        ),
        "others_draft": CourseFactory(
            slug="others-draft", title="C others draft", authors=[other_trainer]
        ),
        "orphan_published": CourseFactory(
            slug="orphan-published", title="D orphan published", status=CourseStatus.PUBLISHED
        ),
    }


def slugs(queryset) -> list[str]:
    return list(queryset.order_by("slug").values_list("slug", flat=True))


# --- querysets ----------------------------------------------------------------------------------


def test_published_lists_only_published_courses(courses):
    assert slugs(Course.objects.published()) == ["orphan-published", "own-published"]


def test_published_is_chainable(courses, trainer):
    assert slugs(Course.objects.editable_by(trainer).published()) == ["own-published"]


@pytest.mark.parametrize("visitor", [AnonymousUser(), None])
def test_visitor_may_edit_nothing(courses, visitor):
    assert slugs(Course.objects.editable_by(visitor)) == []


def test_trainee_may_edit_nothing(courses, trainee):
    assert slugs(Course.objects.editable_by(trainee)) == []


def test_trainee_who_is_listed_as_author_still_may_edit_nothing(courses, trainee):
    # Being on a course's team means nothing without the authoring permission.
    courses["own_draft"].authors.add(trainee)

    assert slugs(Course.objects.editable_by(trainee)) == []


def test_trainer_may_edit_the_courses_they_author(courses, trainer):
    assert slugs(Course.objects.editable_by(trainer)) == ["own-draft", "own-published"]


def test_trainer_on_no_course_team_may_edit_nothing(courses):
    outsider = UserFactory(email="kai@example.org", roles=[Role.TRAINER])

    assert slugs(Course.objects.editable_by(outsider)) == []


def test_course_with_two_authors_is_listed_once(courses):
    other_trainer = courses["others_draft"].authors.get()

    assert slugs(Course.objects.editable_by(other_trainer)) == ["others-draft", "own-published"]


def test_inactive_trainer_may_edit_nothing(courses, trainer):
    trainer.is_active = False
    trainer.save()

    assert slugs(Course.objects.editable_by(trainer)) == []


def test_enrollment_admin_may_edit_every_course(courses, enrollment_admin):
    assert slugs(Course.objects.editable_by(enrollment_admin)) == [
        "orphan-published",
        "others-draft",
        "own-draft",
        "own-published",
    ]


def test_superuser_may_edit_every_course(courses):
    root = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)

    assert len(slugs(Course.objects.editable_by(root))) == 4


def test_course_defaults_and_objectives():
    course = CourseFactory(learning_objectives="- Describe the biosocial theory\n\n* Validate\n")

    assert course.status == CourseStatus.DRAFT
    assert course.is_published is False
    assert course.published_at is None
    assert course.objectives == ["Describe the biosocial theory", "Validate"]
    assert str(course) == course.title


# --- create_course ------------------------------------------------------------------------------

VALID = {
    "slug": "dbt-foundations",
    "title": "DBT Foundations",
    "summary": "The biosocial theory and the modes of comprehensive DBT.",
    "audience": "Licensed clinicians.",
    "learning_objectives": "Describe the biosocial theory",
    "ce_hours": Decimal("6.50"),
    "pass_mark": 75,
}


def test_create_course_makes_a_draft_with_the_author_on_its_team(trainer):
    course = create_course(author=trainer, **VALID)

    course = Course.objects.get(pk=course.pk)
    assert {name: getattr(course, name) for name in VALID} == VALID
    assert course.status == CourseStatus.DRAFT
    assert course.published_at is None
    assert list(course.authors.all()) == [trainer]
    assert slugs(Course.objects.editable_by(trainer)) == ["dbt-foundations"]


def test_create_course_ignores_status_and_unknown_fields(trainer):
    course = create_course(
        author=trainer, **VALID, status=CourseStatus.PUBLISHED, published_at="2024-01-01"
    )

    course.refresh_from_db()
    assert course.status == CourseStatus.DRAFT
    assert course.published_at is None


def test_create_course_uses_defaults_for_omitted_fields(trainer):
    course = create_course(author=trainer, slug="short", title="Short", summary="Brief.")

    course.refresh_from_db()
    assert (course.audience, course.learning_objectives) == ("", "")
    assert course.ce_hours == Decimal("0.00")
    assert course.pass_mark == 80


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"slug": "not a slug!"}, "slug"),
        ({"slug": ""}, "slug"),
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"summary": ""}, "summary"),
        ({"pass_mark": 101}, "pass_mark"),
        ({"ce_hours": Decimal("1000.00")}, "ce_hours"),
    ],
)
def test_create_course_refuses_invalid_fields_and_saves_nothing(trainer, changes, field):
    with pytest.raises(ValidationError) as excinfo:
        create_course(author=trainer, **{**VALID, **changes})

    assert field in excinfo.value.message_dict
    assert Course.objects.count() == 0
    assert Course.authors.through.objects.count() == 0


def test_create_course_refuses_negative_ce_hours_and_saves_nothing(trainer):
    # Refused by the course_ce_hours_positive check constraint (a form-wide error, not a field's).
    with pytest.raises(ValidationError):
        create_course(author=trainer, **{**VALID, "ce_hours": Decimal("-1")})

    assert Course.objects.count() == 0
    assert Course.authors.through.objects.count() == 0


def test_create_course_refuses_a_taken_slug_and_saves_nothing(trainer):
    existing = CourseFactory(slug="dbt-foundations", title="The original")

    with pytest.raises(ValidationError) as excinfo:
        create_course(author=trainer, **VALID)

    assert excinfo.value.message_dict == {"slug": ["Course with this Slug already exists."]}
    assert list(Course.objects.all()) == [existing]
    assert list(trainer.authored_courses.all()) == []


# --- update_course ------------------------------------------------------------------------------


def test_update_course_changes_the_given_fields_only(trainer):
    course = create_course(author=trainer, **VALID)

    update_course(course=course, title="DBT Foundations II", pass_mark=90)

    course = Course.objects.get(pk=course.pk)
    assert course.title == "DBT Foundations II"
    assert course.pass_mark == 90
    assert course.slug == "dbt-foundations"
    assert course.summary == VALID["summary"]
    assert course.ce_hours == Decimal("6.50")


def test_update_course_cannot_publish(trainer):
    course = create_course(author=trainer, **VALID)

    update_course(course=course, status=CourseStatus.PUBLISHED, title="Renamed")

    course.refresh_from_db()
    assert course.status == CourseStatus.DRAFT
    assert course.title == "Renamed"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"title": ""}, "title"),
        ({"slug": "has spaces"}, "slug"),
        ({"pass_mark": 150}, "pass_mark"),
    ],
)
def test_update_course_refuses_invalid_fields_and_saves_nothing(trainer, changes, field):
    course = create_course(author=trainer, **VALID)

    with pytest.raises(ValidationError) as excinfo:
        update_course(course=course, summary="A new summary.", **changes)

    assert field in excinfo.value.message_dict
    stored = Course.objects.get(pk=course.pk)
    assert {name: getattr(stored, name) for name in VALID} == VALID


def test_update_course_refuses_negative_ce_hours_and_saves_nothing(trainer):
    course = create_course(author=trainer, **VALID)

    with pytest.raises(ValidationError):
        update_course(course=course, ce_hours=Decimal("-0.5"), title="Renamed")

    stored = Course.objects.get(pk=course.pk)
    assert {name: getattr(stored, name) for name in VALID} == VALID


def test_update_course_refuses_another_courses_slug_and_saves_nothing(trainer):
    CourseFactory(slug="taken")
    course = create_course(author=trainer, **VALID)

    with pytest.raises(ValidationError) as excinfo:
        update_course(course=course, slug="taken", title="Renamed")

    assert excinfo.value.message_dict == {"slug": ["Course with this Slug already exists."]}
    stored = Course.objects.get(pk=course.pk)
    assert (stored.slug, stored.title) == ("dbt-foundations", "DBT Foundations")
