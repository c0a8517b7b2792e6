"""The CE checks of a course (issue 20, item 6): instructional time against the hours claimed,
post-test items per claimed hour, the pass mark; shown to the course's authors on the Completion
and CE page and recorded, never refused, when the course is published."""

import datetime
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from assessments.completion import authoring
from assessments.completion.ce_checks import course_ce_checks, record_ce_checks
from assessments.models import CECheckRecord, QuestionCategory
from assessments.quizzes import bank
from courses.models import Course, CourseStatus
from modules.services import publish_course
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LiveSessionFactory,
    ModuleFactory,
    QuestionFactory,
    QuizFactory,
)

pytestmark = pytest.mark.django_db

STATEMENT = "Approved by the American Psychological Association to sponsor CE for psychologists."

LESSONS_SHORT = (
    "The lessons take 3 hours (180 minutes), 7 hours less than the 10 CE hours claimed, and no "
    "current or upcoming cohort adds live sessions. Claim no more hours than the instruction "
    "takes, or add lessons or live sessions."
)
TWENTY_ITEMS = (
    "The post-test has 20 items for 10 CE hours: 2 items per hour. APA's guidance for home "
    "study is about 6 to 8 items per credit hour, so at least 60 items."
)
PASS_MARK_70 = (
    "“Final post-test” passes at 70%, below the 75% APA-approved sponsors set for home study."
)
# approvals, lessons, cohorts listed, cohorts counted, post-tests, 2 per post-test, the record
CE_CHECKS_QUERIES = 8


def approve(course, profession="Psychologists", ce_hours=None):
    return authoring.add_approval(
        course=course,
        profession=profession,
        accrediting_body="American Psychological Association",
        approval_statement=STATEMENT,
        ce_hours=ce_hours,
    )


def add_post_test(module, *, fixed=0, drawn=0, pass_mark=None, title="Final post-test"):
    """A post-test of `fixed` questions of its own and one draw of `drawn` from the bank."""
    quiz = QuizFactory(module=module, title=title, kind="post_test", pass_mark=pass_mark)
    for _ in range(fixed):
        QuestionFactory(quiz=quiz)
    if drawn:
        category = QuestionCategory.objects.create(course=module.course, name=f"{title} bank")
        bank.add_draw(quiz=quiz, category=category, count=drawn)
    return quiz


def current_cohort(course, name, *, session_minutes=(), status="open"):
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name=name,
        status=status,
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=60),
    )
    for minutes in session_minutes:
        LiveSessionFactory(cohort=cohort, duration_minutes=minutes)
    return cohort


@pytest.fixture
def over_claimed(trainer):
    """10 CE hours claimed for 3 hours of lessons (12 of 15 minutes), no cohort, a post-test of
    60 items (6 per hour) at the course's pass mark of 80%, one approval using the course's
    hours."""
    course = CourseFactory(authors=[trainer], ce_hours=Decimal("10"), pass_mark=80)
    module = ModuleFactory(course=course, position=1, lessons=12, lessons__estimated_minutes=15)
    add_post_test(module, fixed=2, drawn=58)
    approve(course)
    return course


def record_row(course):
    return list(
        CECheckRecord.objects.filter(course=course).values_list(
            "claimed_hours", "instructional_minutes", "post_test_items", "warnings", "recorded_by"
        )
    )


# --- the checks ---------------------------------------------------------------------------------


def test_over_claimed_course_without_cohort_warns_about_its_lessons(over_claimed):
    checks = course_ce_checks(over_claimed)

    assert checks.warnings == [LESSONS_SHORT]
    assert [(c.key, c.figure, c.met) for c in checks.checks] == [
        ("time", "3 hours of lessons for 10 CE hours claimed", False),
        ("items", "6 per hour (60 items for 10 CE hours)", True),
        ("pass_mark", "80%", True),
    ]
    assert (checks.claimed_hours, checks.lesson_minutes, checks.instructional_minutes) == (
        Decimal("10"),
        180,
        180,
    )
    assert (checks.cohorts, checks.unlisted_cohorts, checks.post_test_items) == ((), 0, 60)


def test_every_check_warns_at_once_with_its_number(over_claimed):
    over_claimed.pass_mark = 70
    over_claimed.save()
    post_test = over_claimed.modules.get().quizzes.get()
    post_test.draws.update(count=18)  # 2 fixed + 18 drawn: 20 items for 10 hours

    checks = course_ce_checks(Course.objects.get(pk=over_claimed.pk))

    assert checks.warnings == [LESSONS_SHORT, TWENTY_ITEMS, PASS_MARK_70]
    assert [c.figure for c in checks.checks][1:] == [
        "2 per hour (20 items for 10 CE hours)",
        "70%",
    ]


def test_a_cohort_whose_sessions_reach_the_claim_shows_no_warning(over_claimed):
    # 180 minutes of lessons + 5 × 90 = 630 minutes ≥ 600; + 2 × 90 = 360 < 600.
    enough = current_cohort(over_claimed, "Spring 2027", session_minutes=[90] * 5)
    short = current_cohort(over_claimed, "Summer 2027", session_minutes=[90, 90])
    current_cohort(over_claimed, "Archived run", status="archived")
    CohortFactory(course=over_claimed, name="Ended", starts_on="2020-01-06", ends_on="2020-03-06")

    checks = course_ce_checks(over_claimed)

    assert [(r.cohort, r.session_minutes, r.minutes, r.short) for r in checks.cohorts] == [
        (enough, 450, 630, False),
        (short, 180, 360, True),
    ]
    assert checks.warnings == [
        "Summer 2027: lessons and live sessions take 6 hours (360 minutes), 4 hours less than "
        "the 10 CE hours claimed."
    ]
    assert checks.instructional_minutes == 360  # the cohort with the least


def test_cohorts_beyond_those_listed_are_counted_in_one_warning(over_claimed):
    for number in range(12):
        current_cohort(over_claimed, f"Run {number:02d}")

    checks = course_ce_checks(over_claimed)

    assert len(checks.cohorts) == 10
    assert checks.unlisted_cohorts == 2
    assert checks.warnings[-1] == (
        "2 more current or upcoming cohorts, not listed here, have less instructional time than "
        "the 10 CE hours claimed."
    )
    assert len(checks.warnings) == 11


def test_an_approvals_own_larger_hours_are_the_claim_checked(over_claimed):
    approve(over_claimed, profession="Social workers", ce_hours=Decimal("12.5"))

    checks = course_ce_checks(over_claimed)

    assert [(c.hours, c.label) for c in checks.claims] == [
        (Decimal("10.00"), "for the course"),
        (Decimal("12.50"), "for Social workers"),
    ]
    assert checks.claimed_hours == Decimal("12.50")
    assert checks.warnings[0].startswith(
        "The lessons take 3 hours (180 minutes), 9.50 hours less than the 12.50 CE hours "
        "claimed for Social workers, and no current"
    )
    assert checks.warnings[1] == (
        "The post-test has 60 items for 12.50 CE hours for Social workers: 4.8 items per hour. "
        "APA's guidance for home study is about 6 to 8 items per credit hour, so at least 75 "
        "items."
    )


def test_a_post_tests_own_higher_pass_mark_is_the_one_checked(trainer):
    course = CourseFactory(authors=[trainer], ce_hours=Decimal("1"), pass_mark=70)
    module = ModuleFactory(course=course, lessons=4, lessons__estimated_minutes=15)
    add_post_test(module, fixed=6, pass_mark=80)
    approve(course)

    checks = course_ce_checks(course)

    assert checks.warnings == []
    assert checks.checks[2].figure == "80%"


def test_a_course_without_a_post_test_is_told_so(trainer):
    course = CourseFactory(authors=[trainer], ce_hours=Decimal("1"), pass_mark=70)
    ModuleFactory(course=course, lessons=4, lessons__estimated_minutes=15)
    approve(course)

    checks = course_ce_checks(course)

    assert checks.warnings == [
        "There is no post-test, so no items for 1 CE hour. APA's guidance for home study is "
        "about 6 to 8 items per credit hour, so at least 6 items.",
        "The course's pass mark is 70%, below the 75% APA-approved sponsors set for home study.",
    ]


def test_a_course_without_approvals_has_no_checks(trainer):
    course = CourseFactory(authors=[trainer], ce_hours=Decimal("10"))
    ModuleFactory(course=course, lessons=1)

    assert course_ce_checks(course) is None
    assert record_ce_checks(course=course, by=trainer) is None
    assert CECheckRecord.objects.count() == 0


def test_a_demo_like_course_shows_no_warning(trainer):
    # 26.75 CE hours = 1,605 minutes of lessons; 167 post-test items; pass mark 80; three
    # approvals on the course's hours.
    course = CourseFactory(authors=[trainer], ce_hours=Decimal("26.75"), pass_mark=80)
    ModuleFactory(course=course, position=1, lessons=107, lessons__estimated_minutes=15)
    last = ModuleFactory(course=course, position=2, lessons=0)
    add_post_test(last, drawn=167, pass_mark=80)
    for profession in ("Psychologists", "Social workers", "Counselors"):
        approve(course, profession=profession)
    current_cohort(course, "Spring cohort")  # no live sessions: the lessons alone suffice

    checks = course_ce_checks(course)

    assert checks.warnings == []
    assert [c.figure for c in checks.checks] == [
        "26.75 hours of lessons for 26.75 CE hours claimed",
        "6.2 per hour (167 items for 26.75 CE hours)",
        "80%",
    ]


def test_the_demo_course_was_published_without_a_warning():
    call_command("seed_demo")
    course = Course.objects.get(ce_approvals__profession="Psychologists")

    assert record_row(course) == [(Decimal("26.75"), 1616, 167, [], None)]
    assert course_ce_checks(course).warnings == []


@pytest.mark.parametrize("cohorts", [2, 20])
def test_queries_do_not_grow_with_cohorts_or_approvals(
    over_claimed, cohorts, django_assert_max_num_queries
):
    for number in range(cohorts):
        current_cohort(over_claimed, f"Run {number:02d}", session_minutes=[60, 90])
        approve(over_claimed, profession=f"Board {number:02d}", ce_hours=Decimal(number + 11))
    record_ce_checks(course=over_claimed, by=None)

    with django_assert_max_num_queries(CE_CHECKS_QUERIES):
        checks = course_ce_checks(over_claimed)

    assert len(checks.claims) == cohorts + 1
    assert len(checks.cohorts) == min(cohorts, 10)
    assert checks.latest is not None


# --- recorded at publishing ---------------------------------------------------------------------


def test_publishing_records_the_warnings_once_and_still_publishes(over_claimed, trainer):
    published = publish_course(course=over_claimed, by=trainer)

    assert published.status == CourseStatus.PUBLISHED
    assert published.publication_notes == ["1 CE check needs attention: see Completion and CE."]
    assert record_row(over_claimed) == [(Decimal("10.00"), 180, 60, [LESSONS_SHORT], trainer.pk)]

    again = publish_course(course=over_claimed, by=trainer)

    assert again.publication_notes == []
    assert CECheckRecord.objects.filter(course=over_claimed).count() == 1


def test_publishing_a_course_without_warnings_says_nothing_more(over_claimed, trainer):
    over_claimed.ce_hours = Decimal("3")
    over_claimed.save()

    published = publish_course(course=over_claimed, by=trainer)

    assert published.publication_notes == []
    assert record_row(over_claimed) == [(Decimal("3.00"), 180, 60, [], trainer.pk)]


def test_a_refused_publication_records_nothing(trainer):
    course = CourseFactory(authors=[trainer], ce_hours=Decimal("10"))
    approve(course)

    with pytest.raises(Exception, match="Add at least one module with a lesson"):
        publish_course(course=course, by=trainer)

    assert Course.objects.get(pk=course.pk).status == CourseStatus.DRAFT
    assert CECheckRecord.objects.count() == 0


def test_publish_page_names_the_warnings_count(client, over_claimed, trainer):
    over_claimed.pass_mark = 70
    over_claimed.save()
    client.force_login(trainer)

    response = client.post(reverse("authoring:course_publish", args=[over_claimed.slug]))

    assert response.status_code == HTTPStatus.FOUND
    assert [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)] == [
        (
            "warning",
            f"“{over_claimed.title}” is published in the catalogue. "
            "2 CE checks need attention: see Completion and CE.",
        )
    ]
    assert Course.objects.get(pk=over_claimed.pk).status == CourseStatus.PUBLISHED
    assert record_row(over_claimed) == [
        (Decimal("10.00"), 180, 60, [LESSONS_SHORT, PASS_MARK_70], trainer.pk)
    ]


@pytest.mark.parametrize("who", ["trainee", "other_trainer"])
def test_publish_refused_to_a_non_author_records_nothing(client, over_claimed, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.post(reverse("authoring:course_publish", args=[over_claimed.slug]))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Course.objects.get(pk=over_claimed.pk).status == CourseStatus.DRAFT
    assert CECheckRecord.objects.count() == 0


# --- on the Completion and CE page --------------------------------------------------------------


def rules_url(course) -> str:
    return reverse("certificates:rules", args=[course.slug])


def test_partial_shows_each_check_and_the_last_record(over_claimed, trainer):
    over_claimed.pass_mark = 70
    over_claimed.save()
    publish_course(course=over_claimed, by=trainer)
    CECheckRecord.objects.update(
        recorded_at=datetime.datetime(2026, 12, 3, 15, 0, tzinfo=datetime.UTC)
    )

    html = render_to_string(
        "assessments/completion/_ce_checks.html", {"checks": course_ce_checks(over_claimed)}
    )

    assert "2 CE checks need attention." in html
    assert f"<strong>Warning:</strong> {LESSONS_SHORT}" in html
    assert 'Pass mark: <span class="checklist-status">70%</span>' in html
    assert (
        "At publishing on 3 Dec 2026 by Terry Chen: 2 warnings (10 CE hours claimed, 180 "
        "minutes of instruction, 60 post-test items)." in html
    )
    assert "No current or upcoming cohort yet: the lessons alone are checked (180 minutes)." in html


def test_partial_shows_nothing_for_a_course_without_approvals():
    assert render_to_string("assessments/completion/_ce_checks.html", {"checks": None}).strip() == (
        ""
    )


def test_rules_page_shows_the_checks_to_the_courses_author(client, over_claimed, trainer):
    client.force_login(trainer)

    body = client.get(rules_url(over_claimed)).content.decode()

    assert '<h2 id="ce-checks-title">CE checks</h2>' in body
    assert LESSONS_SHORT in body


def test_visitor_is_sent_to_sign_in_for_the_checks(client, over_claimed):
    response = client.get(rules_url(over_claimed))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["trainee", "other_trainer"])
def test_a_non_author_cannot_see_the_checks(client, over_claimed, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(rules_url(over_claimed))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "CE checks" not in response.content.decode()
    assert LESSONS_SHORT not in response.content.decode()
