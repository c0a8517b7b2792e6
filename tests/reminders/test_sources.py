"""The sources registered from above: module released (modules), due soon, overdue and
inactive (assessments). Times worked out by hand from the cohort's zone (New York) and each
trainee's own (Chicago by default, Auckland, Los Angeles)."""

import datetime as dt

import pytest
from django.utils import timezone

from assessments import reminders as work
from assessments.models import Assignment, Submission
from assessments.taxonomy import SubmissionStatus
from modules import reminders as schedule_reminders
from modules.models import ModuleScheduleOverride
from reminders import scan
from reminders.models import Reminder
from tests.factories import LessonFactory, LessonProgressFactory, ModuleFactory

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(course):
    # Opens a week after the start (8 March, New York), due two weeks after (15 March).
    return ModuleFactory(
        course=course, title="Distress tolerance", release_offset_days=7, due_offset_days=14
    )


@pytest.fixture
def lessons(module):
    return [LessonFactory(module=module, title=f"TIPP {n}") for n in (1, 2)]


def whens(dues):
    return sorted((d.enrollment_id, d.kind, d.key, d.due_at) for d in dues)


# --- module released ---------------------------------------------------------------------------


def test_a_release_is_told_in_each_trainees_daytime(
    module, enroll, trainee, auckland, los_angeles, cohort
):
    chicago, nz, la = enroll(trainee), enroll(auckland), enroll(los_angeles)
    key = f"module:{module.pk}:released:2027-03-08"
    # Opens at midnight in New York: 05:00 UTC, which is 18:00 in Auckland (daytime: at once),
    # 23:00 the evening before in Chicago (09:00 CST = 15:00 UTC) and 21:00 in Los Angeles
    # (09:00 PST = 17:00 UTC).
    assert list(schedule_reminders.module_released(at(2027, 3, 8, 4, 59))) == []
    assert whens(schedule_reminders.module_released(at(2027, 3, 8, 5))) == [
        (nz.pk, "module_released", key, at(2027, 3, 8, 5))
    ]
    assert whens(schedule_reminders.module_released(at(2027, 3, 8, 17))) == [
        (chicago.pk, "module_released", key, at(2027, 3, 8, 15)),
        (nz.pk, "module_released", key, at(2027, 3, 8, 5)),
        (la.pk, "module_released", key, at(2027, 3, 8, 17)),
    ]
    [due] = [
        d
        for d in schedule_reminders.module_released(at(2027, 3, 8, 17))
        if d.enrollment_id == la.pk
    ]
    assert due.payload == {
        "title": "Distress tolerance",
        "on": "2027-03-08",
        "path": f"/learn/{cohort.pk}/#module-{module.pk}",
        "detail": "Due Monday 15 March 2027.",
    }
    # Told for three days after the release, then no more.
    assert list(schedule_reminders.module_released(at(2027, 3, 11, 5))) == []


def test_a_cohort_override_moves_the_release(module, enrollment, cohort):
    ModuleScheduleOverride.objects.create(
        cohort=cohort, module=module, release_on=dt.date(2027, 3, 10)
    )
    assert list(schedule_reminders.module_released(at(2027, 3, 8, 16))) == []
    [due] = schedule_reminders.module_released(at(2027, 3, 10, 16))
    assert due.key == f"module:{module.pk}:released:2027-03-10"


def test_only_active_trainees_hear_of_a_release(module, enroll, trainee, other_trainee):
    enroll(trainee, status="withdrawn")
    enroll(other_trainee, status="waitlisted")
    assert list(schedule_reminders.module_released(at(2027, 3, 8, 20))) == []


# --- due soon and overdue ------------------------------------------------------------------------


def test_due_soon_lists_the_open_work_48_hours_before(
    module, lessons, enrollment, cohort, rubric_free_assignment
):
    # Due at the end of 15 March in New York (EDT since 14 March): 04:00 UTC on the 16th.
    # 48 hours before is 04:00 UTC on the 14th: 22:00 the evening before in Chicago (CST), so
    # it waits for 09:00 CDT = 14:00 UTC.
    assert list(work.due_soon(at(2027, 3, 14, 13, 59))) == []
    [due] = work.due_soon(at(2027, 3, 14, 14))
    assert (due.enrollment_id, due.kind, due.key, due.due_at) == (
        enrollment.pk,
        "due_soon",
        f"module:{module.pk}:due:2027-03-15",
        at(2027, 3, 14, 14),
    )
    assert due.payload == {
        "title": "Distress tolerance",
        "on": "2027-03-15",
        "path": f"/learn/{cohort.pk}/#module-{module.pk}",
        "items": [
            "Module: Distress tolerance (0 of 2 lessons done)",
            "Assignment: Chain analysis of a skipped group",
        ],
    }
    # Until the moment it is due, not after.
    assert len(list(work.due_soon(at(2027, 3, 16, 3, 59)))) == 1
    assert list(work.due_soon(at(2027, 3, 16, 4))) == []


def test_nothing_is_due_soon_when_all_the_work_is_done(
    module, lessons, enrollment, rubric_free_assignment
):
    now = timezone.now()
    for lesson in lessons:
        LessonProgressFactory(
            enrollment=enrollment,
            lesson=lesson,
            first_viewed_at=now,
            last_viewed_at=now,
            completed_at=now,
        )
    Submission.objects.create(
        enrollment=enrollment,
        assignment=rubric_free_assignment,
        status=SubmissionStatus.SUBMITTED,
        saved_at=now,
        submitted_at=now,
    )
    assert list(work.due_soon(at(2027, 3, 15, 12))) == []
    assert list(work.overdue(at(2027, 3, 16, 14))) == []


def test_overdue_goes_once_the_morning_after_and_for_a_week(module, lessons, enrollment):
    # Due 04:00 UTC on the 16th = 23:00 CDT on the 15th in Chicago: told at 09:00 CDT on the 16th.
    assert list(work.overdue(at(2027, 3, 16, 13, 59))) == []
    [due] = work.overdue(at(2027, 3, 16, 14))
    assert (due.kind, due.key, due.due_at) == (
        "overdue",
        f"module:{module.pk}:due:2027-03-15",
        at(2027, 3, 16, 14),
    )
    assert due.payload["items"] == ["Module: Distress tolerance (0 of 2 lessons done)"]
    scan.scan(now=at(2027, 3, 16, 14))
    scan.scan(now=at(2027, 3, 17, 14))
    assert Reminder.objects.filter(kind="overdue").count() == 1
    assert list(work.overdue(at(2027, 3, 23, 4))) == []


# --- inactive ----------------------------------------------------------------------------------


def test_a_quiet_week_from_the_start_is_told_once(module, lessons, enrollment):
    # Days before the start do not count: quiet since the start (midnight in New York, 05:00
    # UTC on 1 March); seven days later is 23:00 CST on the 7th in Chicago, so 09:00 CST on
    # the 8th (15:00 UTC).
    assert list(work.inactive(at(2027, 3, 8, 14, 59))) == []
    [due] = work.inactive(at(2027, 3, 8, 15))
    assert (due.enrollment_id, due.kind, due.key, due.due_at) == (
        enrollment.pk,
        "inactive",
        "inactive:since:20270301T050000",
        at(2027, 3, 8, 15),
    )
    scan.scan(now=at(2027, 3, 8, 15))
    scan.scan(now=at(2027, 3, 9, 15))
    assert Reminder.objects.filter(kind="inactive").count() == 1


def test_activity_starts_a_new_quiet_spell(module, lessons, enrollment):
    scan.scan(now=at(2027, 3, 8, 15))
    viewed = at(2027, 3, 10, 18)
    LessonProgressFactory(
        enrollment=enrollment, lesson=lessons[0], first_viewed_at=viewed, last_viewed_at=viewed
    )
    assert list(work.inactive(at(2027, 3, 12, 15))) == []
    # 10 March 18:00 UTC + 7 days = 17 March 13:00 CDT: daytime, so at once.
    assert list(work.inactive(at(2027, 3, 17, 17, 59))) == []
    [due] = work.inactive(at(2027, 3, 17, 18))
    assert due.key == "inactive:since:20270310T180000"


def test_no_inactivity_reminders_outside_the_cohorts_dates(module, lessons, enrollment):
    assert list(work.inactive(at(2027, 2, 27, 15))) == []
    assert list(work.inactive(at(2027, 7, 2, 15))) == []


@pytest.fixture
def rubric_free_assignment(module):
    return Assignment.objects.create(
        module=module,
        title="Chain analysis of a skipped group",
        instructions="Analyse the chain.",
        worksheet="chain_analysis",
    )


def test_the_reminder_link_lands_on_the_module_on_the_cohort_home(
    module, enrollment, cohort, client, trainee
):
    [due] = schedule_reminders.module_released(at(2027, 3, 8, 20))
    client.force_login(trainee)
    path, anchor = due.payload["path"].split("#")
    page = client.get(path).content.decode()
    assert f'id="{anchor}"' in page


def test_due_soon_waits_for_the_module_to_open(course, enrollment, cohort):
    # Released and due the same day (8 March, New York): not "due soon" before it opens at
    # 05:00 UTC, which is 23:00 CST the evening before in Chicago, so it goes at 09:00 CST.
    ModuleFactory(course=course, title="Same day", release_offset_days=7, due_offset_days=7)
    LessonFactory(module=course.modules.get(), title="Only lesson")
    assert list(work.due_soon(at(2027, 3, 7, 15))) == []
    assert list(work.due_soon(at(2027, 3, 8, 14, 59))) == []
    [due] = work.due_soon(at(2027, 3, 8, 15))
    assert due.due_at == at(2027, 3, 8, 15)


def test_work_due_after_the_cohort_ends_is_still_reminded(course, enrollment, cohort):
    # The cohort ends 30 June; a final project is due 15 July.
    module = ModuleFactory(
        course=course, title="Final project", release_offset_days=100, due_offset_days=136
    )
    LessonFactory(module=module)
    [soon] = work.due_soon(at(2027, 7, 14, 16))
    [late] = work.overdue(at(2027, 7, 16, 16))
    assert (soon.kind, late.kind) == ("due_soon", "overdue")


def test_pre_work_the_cohort_opens_before_its_start_is_announced(course, enrollment, cohort):
    from modules.schedule import set_cohort_dates

    module = ModuleFactory(course=course, title="Pre-work", release_offset_days=0)
    LessonFactory(module=module)
    set_cohort_dates(cohort=cohort, dates={module.pk: (dt.date(2027, 2, 22), dt.date(2027, 2, 26))})
    [released] = schedule_reminders.module_released(at(2027, 2, 22, 16))
    [soon] = work.due_soon(at(2027, 2, 25, 16))
    assert released.key == f"module:{module.pk}:released:2027-02-22"
    assert soon.key == f"module:{module.pk}:due:2027-02-26"


def test_a_source_that_breaks_does_not_stop_the_others(enrollment, session_at, monkeypatch):
    from reminders import registry

    def broken(now):
        raise ValueError("a bug in one source")

    monkeypatch.setattr(registry, "_reminder_sources", [broken, *registry.reminder_sources()])
    session_at(at(2027, 3, 2, 15))
    assert [d.kind for d in scan.scan(now=at(2027, 3, 1, 16)).recorded] == ["live_session_24h"]
