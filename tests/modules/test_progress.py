"""Where a trainee stands: release in the cohort's time zone, prerequisites, team gates,
idempotent completion, the percentages by part of DBT, and a fixed number of queries."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services as enrollment_services
from courses.models import Enrollment, EnrollmentStatus, Team
from modules import progress, services
from modules.models import LessonProgress
from modules.progress import Share, cohort_progress, progress_for
from modules.schedule import set_cohort_dates
from modules.taxonomy import Component, SkillsModule, TreatmentPriority
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
# Well after every module below opens (cohorts start 2027-01-11 unless a test says otherwise).
NOW = datetime.datetime(2027, 6, 1, 12, 0, tzinfo=UTC)


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


def module_with_lessons(course, title, lessons=1, **fields):
    module = ModuleFactory(course=course, title=title, **fields)
    for position in range(1, lessons + 1):
        LessonFactory(module=module, title=f"{title} {position}", position=position)
    return module


def enroll(cohort, user=None, **fields):
    return Enrollment.objects.create(
        cohort=cohort,
        user=user or UserFactory(),
        status=fields.pop("status", EnrollmentStatus.ACTIVE),
        **fields,
    )


def complete_module(enrollment, module, now=NOW):
    for lesson in module.lessons.order_by("position"):
        services.complete_lesson(enrollment=enrollment, lesson=lesson, now=now)


def reason(enrollment, module, now=NOW) -> str:
    return cohort_progress(enrollment, now=now).state_of(module.pk).lock_reason


# --- release dates, in the cohort's time zone ---------------------------------------------------


@pytest.fixture
def new_york(trainee):
    """Starts 10 March 2027 in New York; one module opens 14 March (US daylight saving time
    starts that night), one 7 November (it ends that night)."""
    cohort = CohortFactory(
        time_zone="America/New_York", starts_on=D(2027, 3, 10), ends_on=D(2027, 12, 17)
    )
    spring = module_with_lessons(cohort.course, "Spring", release_offset_days=4, position=1)
    autumn = module_with_lessons(
        cohort.course,
        "Autumn",
        release_offset_days=(D(2027, 11, 7) - D(2027, 3, 10)).days,
        position=2,
    )
    return enroll(cohort, trainee), spring, autumn


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # 22:59 EST on 13 March: still the 13th in New York.
        (at(2027, 3, 14, 3, 59), "Opens on 14 March 2027."),
        # 19:30 EST on the 13th, though already the 14th in UTC.
        (at(2027, 3, 14, 0, 30), "Opens on 14 March 2027."),
        # 23:59:59 EST, the last second of the 13th.
        (at(2027, 3, 14, 4, 59, 59), "Opens on 14 March 2027."),
        # 00:00 EST on the 14th: local midnight, the module opens.
        (at(2027, 3, 14, 5, 0), ""),
        # 03:00 EDT on the 14th, after the clocks went forward.
        (at(2027, 3, 14, 7, 0), ""),
    ],
)
def test_spring_module_opens_at_midnight_in_new_york_on_the_day_dst_starts(new_york, now, expected):
    enrollment, spring, _autumn = new_york

    state = cohort_progress(enrollment, now=now).state_of(spring.pk)

    assert state.release_on == D(2027, 3, 14)
    assert state.lock_reason == expected
    assert state.is_open is (expected == "")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # 23:59 EDT on 6 November (UTC-4 until 02:00 local on the 7th).
        (at(2027, 11, 7, 3, 59), "Opens on 7 November 2027."),
        # 00:00 EDT on the 7th.
        (at(2027, 11, 7, 4, 0), ""),
        # 23:30 EST on the 7th, after the clocks went back: still open, of course.
        (at(2027, 11, 8, 4, 30), ""),
    ],
)
def test_autumn_module_opens_at_midnight_in_new_york_on_the_day_dst_ends(new_york, now, expected):
    enrollment, _spring, autumn = new_york

    state = cohort_progress(enrollment, now=now).state_of(autumn.pk)

    assert state.release_on == D(2027, 11, 7)
    assert state.lock_reason == expected


def test_same_instant_is_a_different_day_in_tokyo_and_new_york(db):
    course = CourseFactory()
    module = module_with_lessons(course, "Orientation", release_offset_days=0)
    tokyo = enroll(CohortFactory(course=course, time_zone="Asia/Tokyo", starts_on=D(2027, 3, 14)))
    new_york = enroll(CohortFactory(course=course, starts_on=D(2027, 3, 14)))
    now = at(2027, 3, 13, 16, 0)  # 01:00 on the 14th in Tokyo, 11:00 on the 13th in New York

    assert reason(tokyo, module, now) == ""
    assert reason(new_york, module, now) == "Opens on 14 March 2027."


def test_locked_lesson_page_opens_at_new_york_midnight(client, new_york, trainee):
    enrollment, spring, _autumn = new_york
    lesson = spring.lessons.get()
    url = reverse("learn:lesson", args=[enrollment.cohort_id, lesson.pk])

    with time_machine.travel(at(2027, 3, 14, 4, 59), tick=False):
        client.force_login(trainee)
        locked = client.get(url)
    with time_machine.travel(at(2027, 3, 14, 5, 0), tick=False):
        opened = client.get(url)

    assert locked.status_code == HTTPStatus.FORBIDDEN
    assert "“Spring 1” is locked. Opens on 14 March 2027." in locked.content.decode()
    assert opened.status_code == HTTPStatus.OK
    row = LessonProgress.objects.get()
    assert (row.enrollment, row.lesson, row.first_viewed_at) == (
        enrollment,
        lesson,
        at(2027, 3, 14, 5, 0),
    )


def test_cohort_override_moves_the_release_for_that_cohort_only(trainee):
    course = CourseFactory()
    early = module_with_lessons(course, "Early", release_offset_days=0, position=1)
    late = module_with_lessons(course, "Late", release_offset_days=60, position=2)
    mine = enroll(CohortFactory(course=course, starts_on=D(2027, 1, 11)), trainee)
    theirs = enroll(CohortFactory(course=course, starts_on=D(2027, 1, 11)))
    now = at(2027, 2, 1, 17, 0)

    assert (reason(mine, early, now), reason(mine, late, now)) == ("", "Opens on 12 March 2027.")

    set_cohort_dates(
        cohort=mine.cohort,
        dates={early.pk: (D(2027, 2, 15), None), late.pk: (D(2027, 1, 20), None)},
    )

    assert (reason(mine, early, now), reason(mine, late, now)) == (
        "Opens on 15 February 2027.",
        "",
    )
    assert (reason(theirs, early, now), reason(theirs, late, now)) == (
        "",
        "Opens on 12 March 2027.",
    )
    set_cohort_dates(cohort=mine.cohort, dates={early.pk: (None, None), late.pk: (None, None)})
    assert (reason(mine, early, now), reason(mine, late, now)) == ("", "Opens on 12 March 2027.")


# --- prerequisites and team gates ---------------------------------------------------------------


def test_prerequisite_module_must_be_complete_first(trainee):
    cohort = CohortFactory()
    first = module_with_lessons(cohort.course, "A", lessons=2, position=1)
    second = module_with_lessons(cohort.course, "B", lessons=1, position=2)
    services.set_prerequisites(module=second, prerequisites=[first])
    enrollment = enroll(cohort, trainee)
    b_lesson = second.lessons.get()

    assert reason(enrollment, second) == "Complete “A” first."
    with pytest.raises(services.LessonLocked) as locked:
        services.complete_lesson(enrollment=enrollment, lesson=b_lesson, now=NOW)
    assert locked.value.reason == "Complete “A” first."
    assert not LessonProgress.objects.filter(lesson=b_lesson).exists()

    services.complete_lesson(enrollment=enrollment, lesson=first.lessons.get(position=1), now=NOW)
    assert reason(enrollment, second) == "Complete “A” first."

    services.complete_lesson(enrollment=enrollment, lesson=first.lessons.get(position=2), now=NOW)
    assert reason(enrollment, second) == ""
    services.complete_lesson(enrollment=enrollment, lesson=b_lesson, now=NOW)
    assert cohort_progress(enrollment, now=NOW).percent == 100


def test_viewing_a_prerequisite_is_not_completing_it(trainee):
    cohort = CohortFactory()
    first = module_with_lessons(cohort.course, "A", lessons=1, position=1)
    second = module_with_lessons(cohort.course, "B", lessons=1, position=2)
    services.set_prerequisites(module=second, prerequisites=[first])
    enrollment = enroll(cohort, trainee)

    services.record_lesson_view(enrollment=enrollment, lesson=first.lessons.get(), now=NOW)

    assert reason(enrollment, second) == "Complete “A” first."


def test_several_missing_prerequisites_are_named_in_course_order(trainee):
    cohort = CohortFactory()
    a = module_with_lessons(cohort.course, "Biosocial theory", position=1)
    b = module_with_lessons(cohort.course, "Dialectics", position=2)
    c = module_with_lessons(cohort.course, "Chain analysis", position=3)
    services.set_prerequisites(module=c, prerequisites=[b, a])
    enrollment = enroll(cohort, trainee)

    assert reason(enrollment, c) == "Complete “Biosocial theory”, “Dialectics” first."
    complete_module(enrollment, a)
    assert reason(enrollment, c) == "Complete “Dialectics” first."


TEAM_GATE = "Opens when everyone on your team has completed “P1”."


@pytest.fixture
def intensive(trainee):
    """Intensive training: part 2 opens for a team once every active member finished part 1."""
    cohort = CohortFactory()
    part1 = module_with_lessons(cohort.course, "P1", lessons=2, position=1)
    part2 = module_with_lessons(cohort.course, "P2", lessons=1, position=2, team_gate=part1)
    team = Team.objects.create(cohort=cohort, name="Riverside DBT")
    members = [
        enroll(cohort, trainee, team=team),
        enroll(cohort, team=team),
        enroll(cohort, team=team),
    ]
    return cohort, part1, part2, team, members


def test_team_gate_opens_when_all_three_members_completed_part_one(intensive):
    _cohort, part1, part2, _team, members = intensive
    first_lesson = part1.lessons.get(position=1)

    assert [reason(m, part2) for m in members] == [TEAM_GATE] * 3

    complete_module(members[0], part1)
    complete_module(members[1], part1)
    services.complete_lesson(enrollment=members[2], lesson=first_lesson, now=NOW)
    assert [reason(m, part2) for m in members] == [TEAM_GATE] * 3
    with pytest.raises(services.LessonLocked):
        services.complete_lesson(enrollment=members[0], lesson=part2.lessons.get(), now=NOW)

    complete_module(members[2], part1)

    assert [reason(m, part2) for m in members] == ["", "", ""]
    services.complete_lesson(enrollment=members[0], lesson=part2.lessons.get(), now=NOW)


def test_withdrawn_team_member_does_not_hold_the_team_back(intensive):
    _cohort, part1, part2, team, members = intensive
    leaver = enroll(intensive[0], team=team)
    services.complete_lesson(enrollment=leaver, lesson=part1.lessons.get(position=1), now=NOW)
    for member in members:
        complete_module(member, part1)
    assert reason(members[0], part2) == TEAM_GATE

    enrollment_services.withdraw(enrollment=leaver)

    assert [reason(m, part2) for m in members] == ["", "", ""]


def test_enrollment_without_a_team_is_not_team_gated(intensive):
    cohort, _part1, part2, _team, members = intensive
    solo = enroll(cohort)

    assert reason(solo, part2) == ""
    assert reason(members[0], part2) == TEAM_GATE


def test_team_gate_counts_only_this_team(intensive):
    cohort, part1, part2, _team, members = intensive
    other_team = Team.objects.create(cohort=cohort, name="Lakeside DBT")
    other = enroll(cohort, team=other_team)
    complete_module(other, part1)

    assert reason(other, part2) == ""
    assert [reason(m, part2) for m in members] == [TEAM_GATE] * 3


# --- completing and viewing lessons -------------------------------------------------------------


@pytest.fixture
def open_lesson(trainee):
    cohort = CohortFactory()
    module = module_with_lessons(cohort.course, "Foundations", lessons=2, position=1)
    return enroll(cohort, trainee), module.lessons.get(position=1)


def test_completing_twice_keeps_one_row_and_the_first_completion(open_lesson):
    enrollment, lesson = open_lesson
    later = NOW + datetime.timedelta(days=2)

    first = services.complete_lesson(enrollment=enrollment, lesson=lesson, now=NOW)
    second = services.complete_lesson(enrollment=enrollment, lesson=lesson, now=later)

    row = LessonProgress.objects.get()
    assert first.pk == second.pk == row.pk
    assert (row.first_viewed_at, row.last_viewed_at, row.completed_at) == (NOW, NOW, NOW)
    assert second.completed_at == NOW


def test_completing_a_viewed_lesson_keeps_its_view_times(open_lesson):
    enrollment, lesson = open_lesson
    viewed = NOW - datetime.timedelta(hours=1)
    services.record_lesson_view(enrollment=enrollment, lesson=lesson, now=viewed)

    services.complete_lesson(enrollment=enrollment, lesson=lesson, now=NOW)

    row = LessonProgress.objects.get()
    assert (row.first_viewed_at, row.last_viewed_at, row.completed_at) == (viewed, viewed, NOW)


def test_locked_lesson_cannot_be_completed(open_lesson):
    enrollment, _lesson = open_lesson
    later = module_with_lessons(
        enrollment.cohort.course, "Later", release_offset_days=200, position=2
    )

    with pytest.raises(services.LessonLocked) as locked:
        services.complete_lesson(enrollment=enrollment, lesson=later.lessons.get(), now=NOW)

    assert locked.value.reason == "Opens on 30 July 2027."
    assert LessonProgress.objects.count() == 0


def test_lesson_of_another_course_cannot_be_completed(open_lesson):
    enrollment, _lesson = open_lesson
    elsewhere = module_with_lessons(CourseFactory(), "Elsewhere").lessons.get()

    with pytest.raises(services.LessonLocked) as locked:
        services.complete_lesson(enrollment=enrollment, lesson=elsewhere, now=NOW)

    assert locked.value.reason == "This lesson is not part of your cohort's course."
    assert LessonProgress.objects.count() == 0


@pytest.mark.parametrize("status", [EnrollmentStatus.WITHDRAWN, EnrollmentStatus.WAITLISTED])
def test_only_active_enrollments_complete_lessons(open_lesson, status):
    enrollment, lesson = open_lesson
    Enrollment.objects.filter(pk=enrollment.pk).update(status=status)
    enrollment.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        services.complete_lesson(enrollment=enrollment, lesson=lesson, now=NOW)

    assert refused.value.messages == ["Only active enrollments can complete lessons."]
    assert LessonProgress.objects.count() == 0


def test_withdrawal_through_the_service_stops_completion(open_lesson):
    enrollment, lesson = open_lesson
    enrollment = enrollment_services.withdraw(enrollment=enrollment)

    with pytest.raises(ValidationError):
        services.complete_lesson(enrollment=enrollment, lesson=lesson, now=NOW)

    assert LessonProgress.objects.count() == 0


def test_views_record_first_and_last_view_and_resume_at_the_latest(open_lesson):
    enrollment, first = open_lesson
    second = enrollment.cohort.course.modules.get().lessons.get(position=2)
    t1, t2, t3 = (NOW + datetime.timedelta(minutes=m) for m in (0, 10, 20))

    services.record_lesson_view(enrollment=enrollment, lesson=first, now=t1)
    services.record_lesson_view(enrollment=enrollment, lesson=second, now=t2)
    assert cohort_progress(enrollment, now=t3).resume_lesson == second

    services.record_lesson_view(enrollment=enrollment, lesson=first, now=t3)

    rows = {r.lesson_id: r for r in LessonProgress.objects.all()}
    assert (rows[first.pk].first_viewed_at, rows[first.pk].last_viewed_at) == (t1, t3)
    assert (rows[second.pk].first_viewed_at, rows[second.pk].last_viewed_at) == (t2, t2)
    assert rows[first.pk].completed_at is None
    progress = cohort_progress(enrollment, now=t3)
    assert progress.resume_lesson == first
    assert progress.done == 0


def test_nothing_viewed_means_no_resume_lesson(open_lesson):
    enrollment, first = open_lesson

    progress = cohort_progress(enrollment, now=NOW)

    assert progress.resume_lesson is None
    assert progress.next_lesson == first


def test_other_trainees_views_are_not_my_resume_lesson(open_lesson):
    enrollment, first = open_lesson
    other = enroll(enrollment.cohort)
    services.record_lesson_view(enrollment=other, lesson=first, now=NOW)

    assert cohort_progress(enrollment, now=NOW).resume_lesson is None
    assert cohort_progress(other, now=NOW).resume_lesson == first


# --- percentages --------------------------------------------------------------------------------


@pytest.fixture
def three_modules(trainee):
    """10 lessons: foundations 2, skills group (emotion regulation) 4, individual therapy
    (life-threatening behaviors) 4."""
    cohort = CohortFactory()
    course = cohort.course
    foundations = module_with_lessons(
        course, "Biosocial theory", lessons=2, position=1, component=Component.FOUNDATIONS
    )
    skills = module_with_lessons(
        course,
        "Emotion regulation",
        lessons=4,
        position=2,
        component=Component.SKILLS_TRAINING_GROUP,
        skills_modules=[SkillsModule.EMOTION_REGULATION],
    )
    individual = module_with_lessons(
        course,
        "Suicidal behavior",
        lessons=4,
        position=3,
        component=Component.INDIVIDUAL_THERAPY,
        treatment_priorities=[TreatmentPriority.LIFE_THREATENING],
    )
    enrollment = enroll(cohort, trainee)
    for module, positions in ((foundations, [1]), (skills, [1, 2]), (individual, [1])):
        for position in positions:
            services.complete_lesson(
                enrollment=enrollment, lesson=module.lessons.get(position=position), now=NOW
            )
    return enrollment, foundations, skills, individual


def shares(items):
    return [(s.key, s.label, s.done, s.total, s.percent) for s in items]


def test_percentages_overall_and_by_part_of_dbt(three_modules):
    enrollment, foundations, skills, individual = three_modules

    progress = cohort_progress(enrollment, now=NOW)

    assert (progress.done, progress.total, progress.percent) == (4, 10, 40)
    assert [(m.module, m.done, m.total, m.percent, m.is_complete) for m in progress.modules] == [
        (foundations, 1, 2, 50, False),
        (skills, 2, 4, 50, False),
        (individual, 1, 4, 25, False),
    ]
    # In the order DBT lists its components, not the course's order.
    assert shares(progress.by_component) == [
        ("foundations", "Foundations", 1, 2, 50),
        ("individual_therapy", "Individual therapy", 1, 4, 25),
        ("skills_training_group", "Skills training group", 2, 4, 50),
    ]
    assert progress.by_priority == [Share("life_threatening", "Life-threatening behaviors", 1, 4)]
    assert shares(progress.by_priority) == [
        ("life_threatening", "Life-threatening behaviors", 1, 4, 25)
    ]
    assert shares(progress.by_skills_module) == [
        ("emotion_regulation", "Emotion regulation", 2, 4, 50)
    ]
    assert progress.next_lesson == foundations.lessons.get(position=2)


def test_next_lesson_skips_locked_modules_and_locked_lessons_still_count(three_modules):
    enrollment, foundations, skills, _individual = three_modules
    set_cohort_dates(cohort=enrollment.cohort, dates={foundations.pk: (D(2027, 9, 1), None)})

    progress = cohort_progress(enrollment, now=NOW)

    assert progress.state_of(foundations.pk).lock_reason == "Opens on 1 September 2027."
    assert progress.next_lesson == skills.lessons.get(position=3)
    assert (progress.done, progress.total, progress.percent) == (4, 10, 40)


def test_finishing_everything_is_one_hundred_percent_and_no_next_lesson(three_modules):
    enrollment, *modules = three_modules
    for module in modules:
        complete_module(enrollment, module)

    progress = cohort_progress(enrollment, now=NOW)

    assert progress.percent == 100
    assert progress.next_lesson is None
    assert [s.percent for s in progress.by_component] == [100, 100, 100]
    assert all(m.is_complete for m in progress.modules)


def test_course_without_lessons_is_zero_percent(trainee):
    cohort = CohortFactory()
    ModuleFactory(course=cohort.course, title="Empty")

    progress = cohort_progress(enroll(cohort, trainee), now=NOW)

    assert (progress.done, progress.total, progress.percent) == (0, 0, 0)
    assert progress.modules[0].percent == 100  # nothing to do in it
    assert progress.next_lesson is None
    assert shares(progress.by_component) == []  # no lessons, no share


def test_progress_for_keeps_each_enrollment_apart(three_modules, other_trainee):
    enrollment, foundations, _skills, _individual = three_modules
    other = enroll(enrollment.cohort, other_trainee)
    enrollments = list(
        Enrollment.objects.filter(pk__in=[enrollment.pk, other.pk]).select_related("cohort")
    )

    result = progress_for(enrollments, now=NOW)

    assert {pk: p.percent for pk, p in result.items()} == {enrollment.pk: 40, other.pk: 0}
    assert result[other.pk].next_lesson == foundations.lessons.get(position=1)
    assert progress_for([], now=NOW) == {}


# --- queries ------------------------------------------------------------------------------------


def cohorts_with_progress(count: int) -> list[Enrollment]:
    """`count` enrollments of one trainee, each in a cohort of its own course (a gated second
    module, a prerequisite, a team, an override, some progress), loaded as the views load them."""
    user = UserFactory()
    for n in range(count):
        cohort = CohortFactory(course=CourseFactory())
        first = module_with_lessons(cohort.course, f"First {n}", lessons=3, position=1)
        second = module_with_lessons(
            cohort.course, f"Second {n}", lessons=3, position=2, team_gate=first
        )
        services.set_prerequisites(module=second, prerequisites=[first])
        set_cohort_dates(cohort=cohort, dates={second.pk: (D(2027, 2, 1), None)})
        team = Team.objects.create(cohort=cohort, name="Team")
        enrollment = enroll(cohort, user, team=team)
        enroll(cohort, team=team)
        services.complete_lesson(enrollment=enrollment, lesson=first.lessons.first(), now=NOW)
    return list(Enrollment.objects.filter(user=user).select_related("cohort"))


def count_queries(enrollments) -> int:
    with CaptureQueriesContext(connection) as queries:
        result = progress_for(enrollments, now=NOW)
        for progress in result.values():  # touch everything a page shows
            _ = (progress.percent, progress.next_lesson, progress.resume_lesson.module)
            _ = [(m.lock_reason, m.done, m.release_on) for m in progress.modules]
    return len(queries)


def test_progress_for_runs_a_fixed_number_of_queries():
    one = cohorts_with_progress(1)
    ten = cohorts_with_progress(10)

    # Cold: the outline stamps, then the outlines (modules with team gates, their lessons, the
    # lessons' attachments, the prerequisites), the cohorts' dates, the read model, the team
    # members' rows. Warm (outlines and dates in the process's memory, as for every request
    # after a process's first): the stamps, the read model, the team. Loaded `with_progress`:
    # the team only.
    for enrollments in (one, ten):
        progress._forget_here()
        assert count_queries(enrollments) == 8
        assert count_queries(enrollments) == 3
        preloaded = list(
            progress.with_progress(Enrollment.objects.filter(pk__in=[e.pk for e in enrollments]))
        )
        assert count_queries(preloaded) == 1
    result = progress_for(ten, now=NOW)
    assert [p.percent for p in result.values()] == [16] * 10
    assert {p.modules[1].lock_reason for p in result.values()} == {
        f"Complete “First {n}” first." for n in range(10)
    }


def test_transferred_member_leaves_the_team_and_stops_holding_it_back(intensive):
    cohort, part1, part2, _team, members = intensive
    other_cohort = CohortFactory(course=cohort.course, capacity=None)
    enrollment_services.transfer(enrollment=members[2], to_cohort=other_cohort)
    members[2].refresh_from_db()
    complete_module(members[0], part1)
    complete_module(members[1], part1)

    assert members[2].team is None
    assert [reason(m, part2) for m in members] == ["", "", ""]


def test_team_with_nobody_left_active_is_not_locked(intensive):
    _cohort, part1, part2, _team, members = intensive
    for member in members[1:]:
        enrollment_services.withdraw(enrollment=member)
    complete_module(members[0], part1)
    members[0].status = "completed"
    members[0].save()

    assert reason(members[0], part2) == ""
