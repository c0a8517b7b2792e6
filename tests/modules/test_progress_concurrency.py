"""Completions and views of one trainee racing each other, on PostgreSQL's row locks: the read
model ends with every completion and the latest view."""

import datetime

import pytest
from django.db import connection

from courses.models import Enrollment, EnrollmentStatus
from modules import services
from modules.models import EnrollmentProgress, Lesson
from modules.progress import computed_summaries
from tests.factories import CohortFactory, CourseFactory, LessonFactory, ModuleFactory, UserFactory
from tests.threads import run_together

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime.datetime(2027, 6, 1, 12, 0, tzinfo=datetime.UTC)


def test_eight_lessons_completed_at_once_all_count(request):
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is under test; SQLite has none")
    module = ModuleFactory(course=CourseFactory(), position=1)
    for n in range(8):
        LessonFactory(module=module, position=n + 1)
    enrollment = Enrollment.objects.create(
        cohort=CohortFactory(course=module.course), user=UserFactory(), status="active"
    )
    lessons = list(Lesson.objects.filter(module=module).order_by("position"))
    minute = datetime.timedelta(minutes=1)

    # No read-model row yet: the first writers race to create it as well.
    run_together(
        [
            lambda lesson=lesson, n=n: services.complete_lesson(
                enrollment=enrollment, lesson=lesson, now=NOW + n * minute
            )
            for n, lesson in enumerate(lessons)
        ]
        + [
            lambda lesson=lesson, n=n: services.record_lesson_view(
                enrollment=enrollment, lesson=lesson, now=NOW + (10 + n) * minute
            )
            for n, lesson in enumerate(lessons[:4])
        ]
    )

    row = EnrollmentProgress.objects.get(pk=enrollment.pk)
    assert row.completed_lesson_ids == sorted(lesson.pk for lesson in lessons)
    assert row.resume.lesson_id == lessons[3].pk
    assert computed_summaries([enrollment.pk]) == {
        enrollment.pk: (row.completed_lesson_ids, row.resume_id, row.resume_viewed_at)
    }
    assert enrollment.status == EnrollmentStatus.ACTIVE
