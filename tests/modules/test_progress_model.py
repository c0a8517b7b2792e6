"""The progress read model (EnrollmentProgress) and the in-memory course outline: after every kind
of change the stored rows equal what LessonProgress says and what progress_for shows equals the
outline loaded afresh; a row corrupted on purpose is repaired; a failure to update the model
undoes the change that caused it."""

import datetime

import pytest
from django.core.management import call_command
from django.db import DatabaseError

from courses import services as enrollment_services
from courses.models import Enrollment, EnrollmentStatus
from modules import progress, services, tasks
from modules.models import EnrollmentProgress, LessonProgress
from modules.progress import computed_summaries, progress_for, repair_progress, with_progress
from modules.schedule import set_cohort_dates
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    LessonProgressFactory,
    ModuleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2027, 6, 1, 12, 0, tzinfo=UTC)


def later(minutes: int) -> datetime.datetime:
    return NOW + datetime.timedelta(minutes=minutes)


@pytest.fixture
def course():
    course = CourseFactory()
    for m in (1, 2):
        module = ModuleFactory(course=course, title=f"Module {m}", position=m)
        for n in (1, 2, 3):
            LessonFactory(module=module, title=f"Lesson {m}.{n}", position=n)
    return course


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course, capacity=None)


@pytest.fixture
def trainees(cohort):
    return [
        Enrollment.objects.create(cohort=cohort, user=UserFactory(), status=EnrollmentStatus.ACTIVE)
        for _ in range(3)
    ]


def lessons(course):
    from modules.models import Lesson

    return list(Lesson.objects.filter(module__course=course).in_course_order())


def stored() -> dict:
    return {
        row.pk: (row.completed_lesson_ids, row.resume_id, row.resume_viewed_at)
        for row in EnrollmentProgress.objects.all()
    }


def shown(enrollments) -> dict:
    """What a page shows of each enrollment's progress, the same whether the page loaded the
    read model with the enrollments (`with_progress`) or progress_for reads it."""
    found = Enrollment.objects.filter(pk__in=[e.pk for e in enrollments])
    result = progress_for(list(found.select_related("cohort")), now=later(600))
    preloaded = progress_for(list(with_progress(found)), now=later(600))
    assert _shown(preloaded) == _shown(result)
    return _shown(result)


def _shown(result) -> dict:
    return {
        pk: (
            p.done,
            p.total,
            p.percent,
            p.resume_lesson and p.resume_lesson.title,
            p.next_lesson and p.next_lesson.title,
            [
                (s.module.title, s.done, s.total, s.lock_reason, [x.title for x in s.lessons])
                for s in p.modules
            ],
            [(s.key, s.done, s.total) for s in p.by_component],
        )
        for pk, p in result.items()
    }


def assert_model_is_true(enrollments):
    """The stored rows equal LessonProgress, and pages read the same from the outline in memory
    as from one loaded afresh."""
    ids = [e.pk for e in enrollments]
    assert stored() == {pk: summary for pk, summary in computed_summaries(ids).items()}
    warm = shown(enrollments)
    progress._OUTLINES.clear()
    assert shown(enrollments) == warm


def test_views_and_completions_keep_the_model_true(course, trainees):
    dana, sam, _ = trainees
    first, second = lessons(course)[:2]

    services.record_lesson_view(enrollment=dana, lesson=first, now=NOW)
    services.complete_lesson(enrollment=dana, lesson=first, now=later(1))
    services.record_lesson_view(enrollment=dana, lesson=second, now=later(2))
    services.complete_lesson(enrollment=sam, lesson=second, now=later(3))  # no view first
    services.record_lesson_view(enrollment=sam, lesson=first, now=later(4))
    services.record_lesson_view(enrollment=dana, lesson=first, now=later(5))  # back to the first
    services.complete_lesson(enrollment=dana, lesson=first, now=later(6))  # twice is once

    assert stored() == {
        dana.pk: (
            [first.pk],
            LessonProgress.objects.get(enrollment=dana, lesson=first).pk,
            later(5),
        ),
        sam.pk: (
            [second.pk],
            LessonProgress.objects.get(enrollment=sam, lesson=first).pk,
            later(4),
        ),
    }
    assert shown([dana])[dana.pk][:5] == (1, 6, 16, "Lesson 1.1", "Lesson 1.2")
    assert_model_is_true(trainees)


def test_a_view_recorded_with_an_earlier_time_does_not_move_the_resume_point(course, trainees):
    dana = trainees[0]
    first, second = lessons(course)[:2]
    services.record_lesson_view(enrollment=dana, lesson=second, now=later(10))

    services.record_lesson_view(enrollment=dana, lesson=first, now=later(5))

    assert shown([dana])[dana.pk][3] == "Lesson 1.2"
    assert_model_is_true(trainees)


def test_course_edits_show_at_once_and_touch_no_trainee_row(course, cohort, trainees):
    dana = trainees[0]
    all_lessons = lessons(course)
    for lesson in all_lessons[:3]:
        services.complete_lesson(enrollment=dana, lesson=lesson, now=NOW)
    module_1, module_2 = course.modules.order_by("position")
    assert shown([dana])[dana.pk][:3] == (3, 6, 50)
    rows_before = stored()

    services.add_lesson(module=module_1, title="Lesson 1.4", kind="reading")
    assert shown([dana])[dana.pk][:3] == (3, 7, 42)
    services.move_lesson(lesson=all_lessons[0], offset=1)
    assert shown([dana])[dana.pk][5][0][4] == [
        "Lesson 1.2",
        "Lesson 1.1",
        "Lesson 1.3",
        "Lesson 1.4",
    ]
    services.update_module(module=module_2, title="Module two")
    assert shown([dana])[dana.pk][5][1][:4] == ("Module two", 0, 3, "")
    services.set_prerequisites(module=module_2, prerequisites=[module_1])
    assert shown([dana])[dana.pk][5][1][:4] == ("Module two", 0, 3, "Complete “Module 1” first.")
    services.move_module(module=module_2, offset=-1)
    assert [s[0] for s in shown([dana])[dana.pk][5]] == ["Module two", "Module 1"]

    assert stored() == rows_before
    assert_model_is_true(trainees)


def test_deleting_the_lesson_to_resume_falls_back_to_the_one_viewed_before(course, trainees):
    dana = trainees[0]
    first, second = lessons(course)[:2]
    services.complete_lesson(enrollment=dana, lesson=first, now=NOW)
    services.record_lesson_view(enrollment=dana, lesson=second, now=later(1))

    services.delete_lesson(lesson=second)

    assert shown([dana])[dana.pk][3] == "Lesson 1.1"
    assert_model_is_true(trainees)


def test_deleting_a_completed_lesson_leaves_a_harmless_id_the_repair_drops(course, trainees):
    dana = trainees[0]
    first, second = lessons(course)[:2]
    services.complete_lesson(enrollment=dana, lesson=first, now=NOW)
    services.complete_lesson(enrollment=dana, lesson=second, now=later(1))

    services.delete_lesson(lesson=first)

    assert shown([dana])[dana.pk][:3] == (1, 5, 20)  # the deleted lesson counts nowhere
    assert repair_progress() == 1
    assert stored()[dana.pk][0] == [second.pk]
    assert_model_is_true(trainees)


def test_schedule_transfer_withdrawal_and_return_keep_it_true(course, cohort, trainees):
    dana = trainees[0]
    first = lessons(course)[0]
    services.complete_lesson(enrollment=dana, lesson=first, now=NOW)
    module_2 = course.modules.get(position=2)

    set_cohort_dates(cohort=cohort, dates={module_2.pk: (datetime.date(2027, 7, 1), None)})
    assert shown([dana])[dana.pk][5][1][3] == "Opens on 1 July 2027."
    other = CohortFactory(course=course, capacity=None)
    enrollment_services.transfer(enrollment=dana, to_cohort=other)
    assert shown([dana])[dana.pk][5][1][3] == ""  # the new cohort's dates
    enrollment_services.withdraw(enrollment=Enrollment.objects.get(pk=dana.pk))
    enrollment_services.enroll(cohort=other, user=dana.user)

    assert shown([dana])[dana.pk][:3] == (1, 6, 16)
    assert_model_is_true(trainees)


def test_a_corrupted_row_is_repaired_by_the_command_and_the_nightly_task(course, trainees, capsys):
    dana, sam, lee = trainees
    first, second = lessons(course)[:2]
    services.complete_lesson(enrollment=dana, lesson=first, now=NOW)
    services.complete_lesson(enrollment=sam, lesson=second, now=NOW)
    truth = stored()
    EnrollmentProgress.objects.filter(pk=dana.pk).update(completed_lesson_ids=[first.pk, second.pk])
    EnrollmentProgress.objects.filter(pk=sam.pk).delete()
    EnrollmentProgress.objects.create(enrollment=lee, completed_lesson_ids=[first.pk])

    call_command("rebuild_progress")

    assert capsys.readouterr().out == "Progress read model: 3 enrollment row(s) corrected.\n"
    assert stored() == truth
    EnrollmentProgress.objects.filter(pk=dana.pk).update(resume=None)
    assert tasks.repair_progress_model.delay().get() == 1
    assert stored() == truth
    assert tasks.repair_progress_model() == 0


def test_rows_loaded_in_bulk_are_brought_in_by_the_repair(course, trainees):
    dana = trainees[0]
    first, second = lessons(course)[:2]
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                enrollment=dana,
                lesson=first,
                first_viewed_at=NOW,
                last_viewed_at=NOW,
                completed_at=NOW,
            ),
            LessonProgress(
                enrollment=dana, lesson=second, first_viewed_at=later(1), last_viewed_at=later(1)
            ),
        ]
    )
    assert stored() == {}

    assert repair_progress([dana.pk]) == 1
    assert shown([dana])[dana.pk][:4] == (1, 6, 16, "Lesson 1.2")
    assert_model_is_true(trainees)


def test_a_failed_model_update_undoes_the_completion(course, trainees, monkeypatch):
    dana = trainees[0]
    first = lessons(course)[0]

    def refuse(row):
        raise DatabaseError("the read model could not be written")

    monkeypatch.setattr(services, "note_completion", refuse)
    with pytest.raises(DatabaseError):
        services.complete_lesson(enrollment=dana, lesson=first, now=NOW)

    assert LessonProgress.objects.filter(enrollment=dana).count() == 0
    assert stored() == {}


def test_factory_rows_are_in_the_model(course, trainees):
    dana = trainees[0]
    first = lessons(course)[0]

    LessonProgressFactory(enrollment=dana, lesson=first, completed_at=NOW)

    assert shown([dana])[dana.pk][:3] == (1, 6, 16)
    assert_model_is_true(trainees)
