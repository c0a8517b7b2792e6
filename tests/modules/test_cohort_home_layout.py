"""Issue 25, item 14: a scannable cohort home (next deadlines and announcements at the top, the
modules as disclosures with only the current one open, check marks with words behind them) and
a module outline beside the lesson, from the progress read model without a query more."""

import datetime
import re
from http import HTTPStatus

import pytest
import time_machine
from django.urls import reverse

from assessments.quizzes import services as quiz_services
from courses import services as enrollment_services
from courses.models import Announcement, EnrollmentStatus
from modules import services
from modules.models import LessonProgress
from tests.factories import (
    CohortFactory,
    CourseFactory,
    LessonFactory,
    ModuleFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)
from tests.query_budgets import COHORT_HOME_QUERIES

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# Friday 12 March 2027, 10:00 in New York (the cohort's zone), 09:00 in Chicago (the trainee's);
# both move to summer time on the 14th.
NOW = datetime.datetime(2027, 3, 12, 15, 0, tzinfo=UTC)
PASSWORD = "a-Long-passphrase-42"


def module(course, position, title, lessons, *, release, due=None, quiz=None):
    made = ModuleFactory(
        course=course,
        position=position,
        title=title,
        release_offset_days=release,
        due_offset_days=due,
    )
    for n, lesson_title in enumerate(lessons, start=1):
        LessonFactory(module=made, title=lesson_title, position=n, estimated_minutes=10)
    if quiz:
        check = QuizFactory(module=made, title=quiz, position=1)
        QuestionFactory(quiz=check, kind="short")
    return made


@pytest.fixture
def cohort():
    """DBT Skills in New York from Monday 1 March 2027: mindfulness due on the 8th, distress
    tolerance open from the 8th and due on the 22nd, the last two modules not open yet."""
    course = CourseFactory(title="DBT Skills", status="published")
    module(
        course, 1, "Mindfulness", ["Wise mind", "What skills"], release=0, due=7,
        quiz="Mindfulness check",
    )  # fmt: skip
    module(
        course, 2, "Distress tolerance", ["TIP", "Radical acceptance", "Self-soothe"],
        release=7, due=21, quiz="Distress tolerance check",
    )  # fmt: skip
    module(
        course, 3, "Emotion regulation", ["Check the facts", "Opposite action"], release=60, due=74
    )
    module(course, 4, "Interpersonal effectiveness", ["DEAR MAN"], release=70)
    return CohortFactory(
        course=course,
        name="Spring 2027",
        time_zone="America/New_York",
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 6, 30),
        capacity=None,
    )


def lesson(cohort, title):
    return cohort.course.modules.get(lessons__title=title).lessons.get(title=title)


def complete(enrollment, *titles):
    for title in titles:
        done = lesson(enrollment.cohort, title)
        services.record_lesson_view(enrollment=enrollment, lesson=done)
        services.complete_lesson(enrollment=enrollment, lesson=done)


@pytest.fixture
def enrollment(cohort, trainee):
    """Dana, in Chicago: mindfulness's lessons done (not its check), TIP done."""
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
        placed = enrollment_services.enroll(cohort=cohort, user=trainee)
        complete(placed, "Wise mind", "What skills", "TIP")
    return placed


def page(client, enrollment, *, at=NOW) -> str:
    with time_machine.travel(at, tick=False):
        client.force_login(enrollment.user)
        response = client.get(reverse("learn:cohort", args=[enrollment.cohort_id]))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def text(html: str) -> str:
    """What the markup says, tags dropped and white space folded (visually hidden text kept)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def deadlines(html: str) -> list[str]:
    return [text(item) for item in re.findall(r'<li class="deadline[^"]*">(.*?)</li>', html, re.S)]


def summaries(html: str) -> list[tuple[str, str]]:
    """(opening tag of each module's <details>, its summary line as text), in order."""
    return [
        (re.sub(r"\s+", " ", tag), text(summary))
        for tag, summary in re.findall(r"(<details[^>]*>)\s*<summary>(.*?)</summary>", html, re.S)
    ]


def module_pk(cohort, position) -> int:
    return cohort.course.modules.get(position=position).pk


# --- the module list --------------------------------------------------------------------------


def test_only_the_current_module_is_open_and_each_summary_says_its_state(client, enrollment):
    html = page(client, enrollment)

    assert summaries(html) == [
        (
            '<details class="module module-in_progress">',
            "Module 1: Mindfulness In progress · 2 of 3 "
            "Open from 1 Mar 2027 · due 8 Mar 2027 Overdue",
        ),
        (
            '<details class="module module-in_progress" id="current-module" open>',
            "Module 2: Distress tolerance In progress · 1 of 4 "
            "Open from 8 Mar 2027 · due 22 Mar 2027",
        ),
        (
            '<details class="module module-locked">',
            "Module 3: Emotion regulation Locked Open from 30 Apr 2027 · due 14 May 2027",
        ),
        (
            '<details class="module module-locked">',
            "Module 4: Interpersonal effectiveness Locked Open from 10 May 2027",
        ),
    ]
    # The skip link leads to it; the lesson the progress panel continues with is marked.
    assert '<li><a href="#current-module">Skip to current module: Module 2</a></li>' in html
    radical = lesson(enrollment.cohort, "Radical acceptance")
    assert (
        f'<a class="button button-primary" href="{reverse("learn:lesson", args=[enrollment.cohort_id, radical.pk])}">'
        "Continue: Radical acceptance</a>"
    ) in html
    assert html.count('<span class="badge badge-next">Up next</span>') == 1
    assert (
        'Radical acceptance</a> <span class="muted">· Reading, 10 min</span> <span class="badge badge-next">Up next</span>'
        in html
    )


def test_done_lessons_and_activities_carry_a_check_mark_and_the_word_behind_it(client, enrollment):
    cohort = enrollment.cohort
    wise_mind = lesson(cohort, "Wise mind")
    quiz = cohort.course.modules.get(position=1).quizzes.get()
    with time_machine.travel(NOW - datetime.timedelta(hours=2), tick=False):
        attempt = quiz_services.start_attempt(enrollment=enrollment, quiz=quiz)
        quiz_services.save_response(
            attempt=attempt, question=quiz.questions.get(), answer={"text": "wise mind"}
        )
        quiz_services.submit_attempt(attempt=attempt)

    html = page(client, enrollment)

    url = reverse("learn:lesson", args=[cohort.pk, wise_mind.pk])
    assert (
        f'<li class="is-done"><span class="mark" aria-hidden="true">✓</span><a href="{url}">'
        'Wise mind</a><span class="visually-hidden"> (completed)</span> '
        '<span class="muted">· Reading, 10 min</span></li>'
    ) in html
    quiz_url = reverse("quizzes:quiz", args=[cohort.pk, quiz.pk])
    assert (
        f'<li class="activity is-done"><span class="mark" aria-hidden="true">✓</span>'
        f'<a href="{quiz_url}">Mindfulness check</a><span class="visually-hidden"> (completed)'
        '</span> <span class="muted">· Knowledge check · 100%, passed</span></li>'
    ) in html
    # Every lesson and the check done: the module reads "Done", the mark hidden from readers.
    assert summaries(html)[0] == (
        '<details class="module module-done">',
        "Module 1: Mindfulness Done ✓ Open from 1 Mar 2027 · due 8 Mar 2027",
    )
    assert (
        '<span class="module-state state-done">Done <span aria-hidden="true">✓</span></span>'
        in html
    )
    assert "<strong>completed</strong>" not in html
    assert html.count("(completed)") == 4  # three lessons and the check


def test_a_locked_module_says_why_and_lists_nothing_to_open(client, enrollment):
    html = page(client, enrollment)

    body = html.split(f'id="module-{module_pk(enrollment.cohort, 3)}"')[1].split("</details>")[0]
    assert '<p><span class="badge">Locked</span> Opens on 30 April 2027.</p>' in body
    assert "Check the facts" not in html


def test_with_everything_done_no_module_is_open_and_no_skip_link(client, trainee):
    course = CourseFactory(title="One module")
    module(course, 1, "Mindfulness", ["Wise mind"], release=0, due=7)
    cohort = CohortFactory(
        course=course, starts_on=datetime.date(2027, 3, 1), ends_on=datetime.date(2027, 6, 30)
    )
    with time_machine.travel(NOW, tick=False):
        enrollment = enrollment_services.enroll(cohort=cohort, user=trainee)
        complete(enrollment, "Wise mind")

    html = page(client, enrollment)

    assert summaries(html) == [
        (
            '<details class="module module-done">',
            "Module 1: Mindfulness Done ✓ Open from 1 Mar 2027 · due 8 Mar 2027",
        )
    ]
    assert "Skip to current module" not in html
    assert "<p>No deadlines ahead.</p>" in html


@pytest.mark.parametrize("claimed", [False, True])
def test_a_finished_cohort_has_no_current_module_and_a_claim_is_acknowledged(
    client, trainee, claimed
):
    """The trial: an ended cohort offered "Skip to current module: Module 1" (a knowledge check
    left), and after the certificate was claimed still said how to earn one."""
    course = CourseFactory(title="Two modules")
    module(course, 1, "Mindfulness", ["Wise mind", "What skills"], release=0, due=7)
    cohort = CohortFactory(
        course=course, starts_on=datetime.date(2027, 1, 4), ends_on=datetime.date(2027, 3, 1)
    )
    with time_machine.travel(datetime.datetime(2027, 1, 5, 15, tzinfo=UTC), tick=False):
        enrollment = enrollment_services.enroll(cohort=cohort, user=trainee)
        complete(enrollment, "Wise mind")
    if claimed:  # what claiming a certificate does to the place
        enrollment.status = EnrollmentStatus.COMPLETED
        enrollment.save(update_fields=["status"])

    html = page(client, enrollment)  # NOW is after the cohort's last day

    assert "Skip to current module" not in html
    assert 'id="current-module"' not in html
    assert [tag for tag, _ in summaries(html)] == ['<details class="module module-in_progress">']
    assert ("You have claimed your certificate for this cohort." in html) is claimed
    assert ("Once you meet every requirement of the course" in html) is not claimed


# --- next deadlines ---------------------------------------------------------------------------


def test_next_deadlines_in_order_in_the_trainees_zone_with_the_overdue_marked(client, enrollment):
    html = page(client, enrollment)

    # The end of each due day in New York, shown in Chicago (an hour behind): the last minute.
    assert deadlines(html) == [
        "Mon 8 Mar 2027, 22:59 Overdue Mindfulness check · Knowledge check in Module 1",
        "Mon 22 Mar 2027, 22:59 Module 2: Distress tolerance · lessons, 1 of 3 done",
        "Mon 22 Mar 2027, 22:59 Distress tolerance check · Knowledge check in Module 2",
        "Fri 14 May 2027, 22:59 Module 3: Emotion regulation · lessons, 0 of 2 done",
    ]
    assert '<time datetime="2027-03-08T22:59:00-06:00">Mon 8 Mar 2027, 22:59</time>' in html
    assert '<time datetime="2027-03-22T22:59:00-05:00">Mon 22 Mar 2027, 22:59</time>' in html
    assert (
        f'<a href="#module-{module_pk(enrollment.cohort, 2)}">Module 2: Distress tolerance</a>'
        in html
    )
    assert "Times in your time zone, America/Chicago:" in html
    assert "more in the modules below" not in html
    # The deadlines come before the module list.
    assert html.index('id="deadlines-title"') < html.index('id="modules-title"')


def test_deadlines_in_another_zone_and_the_day_itself_is_not_overdue(client, enrollment):
    user = enrollment.user
    user.time_zone = "Europe/Berlin"
    user.save(update_fields=["time_zone"])
    # 23:30 on the 22nd in New York: distress tolerance is due, not yet late.
    html = page(client, enrollment, at=datetime.datetime(2027, 3, 23, 3, 30, tzinfo=UTC))

    assert deadlines(html)[1:3] == [
        "Tue 23 Mar 2027, 04:59 Module 2: Distress tolerance · lessons, 1 of 3 done",
        "Tue 23 Mar 2027, 04:59 Distress tolerance check · Knowledge check in Module 2",
    ]
    late = page(client, enrollment, at=datetime.datetime(2027, 3, 23, 4, 0, tzinfo=UTC))
    assert deadlines(late)[1] == (
        "Tue 23 Mar 2027, 04:59 Overdue Module 2: Distress tolerance · lessons, 1 of 3 done"
    )


def test_only_five_deadlines_and_how_many_more(client, trainee):
    course = CourseFactory()
    for position in range(1, 8):
        module(course, position, f"Part {position}", ["Read"], release=0, due=10 + position)
    cohort = CohortFactory(
        course=course, starts_on=datetime.date(2027, 3, 1), ends_on=datetime.date(2027, 6, 30)
    )
    with time_machine.travel(NOW, tick=False):
        enrollment = enrollment_services.enroll(cohort=cohort, user=trainee)

    html = page(client, enrollment)

    assert [item.split(" Module ")[1].split(" ·")[0] for item in deadlines(html)] == [
        f"{n}: Part {n}" for n in range(1, 6)
    ]
    assert '<p class="muted">And 2 more in the modules below.</p>' in html


@pytest.mark.parametrize("status", [EnrollmentStatus.WITHDRAWN, EnrollmentStatus.WAITLISTED])
def test_no_deadlines_for_a_place_that_is_not_active(client, enrollment, status):
    enrollment.status = status
    enrollment.save(update_fields=["status"])

    html = page(client, enrollment)

    assert "Next deadlines" not in html
    assert "Overdue" not in html
    banner = {
        EnrollmentStatus.WITHDRAWN: "<p>You have withdrawn from this cohort. The course stays "
        "readable here, but nothing you do is recorded.",
        EnrollmentStatus.WAITLISTED: "<p>You are on this cohort's waitlist. Lessons open as "
        "soon as a seat frees for you.</p>",
    }[status]
    assert banner in html
    assert "Continue:" not in html
    assert "Up next" not in html


def test_a_finished_cohort_lists_no_deadlines_and_keeps_its_banner(client, enrollment):
    html = page(client, enrollment, at=datetime.datetime(2027, 7, 2, 12, 0, tzinfo=UTC))

    assert "<p>This cohort has finished. Your lessons, grades and certificate stay here" in html
    assert "Next deadlines" not in html
    assert "Overdue" not in html


# --- announcements ----------------------------------------------------------------------------


def announce(cohort, count):
    for n in range(1, count + 1):
        made = Announcement.objects.create(cohort=cohort, title=f"Note {n}", body=f"Body {n}.")
        Announcement.objects.filter(pk=made.pk).update(
            posted_at=datetime.datetime(2027, 3, n, 14, 0, tzinfo=UTC)
        )


def test_the_latest_three_announcements_at_the_top_the_rest_folded(client, enrollment):
    announce(enrollment.cohort, 5)

    html = page(client, enrollment)

    top, earlier = html.split('<details class="earlier">')
    assert re.findall(r"<h3>(Note \d)</h3>", top) == ["Note 5", "Note 4", "Note 3"]
    assert "<summary>Earlier announcements (2)</summary>" in earlier
    assert re.findall(r"<h3>(Note \d)</h3>", earlier) == ["Note 2", "Note 1"]
    # Posted at 14:00 UTC: 08:00 in Chicago.
    assert '<p class="muted">5 Mar 2027, 08:00</p>' in html
    assert html.index('id="announcements-title"') < html.index('id="progress-title"')


def test_three_announcements_need_no_fold(client, enrollment):
    announce(enrollment.cohort, 3)

    html = page(client, enrollment)

    assert re.findall(r"<h3>(Note \d)</h3>", html) == ["Note 3", "Note 2", "Note 1"]
    assert "Earlier announcements" not in html


# --- the lesson page's module outline ---------------------------------------------------------


def lesson_page(client, enrollment, title) -> str:
    with time_machine.travel(NOW, tick=False):
        client.force_login(enrollment.user)
        response = client.get(
            reverse(
                "learn:lesson", args=[enrollment.cohort_id, lesson(enrollment.cohort, title).pk]
            )
        )
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_the_outline_shows_done_current_and_locked(client, enrollment):
    cohort = enrollment.cohort
    html = lesson_page(client, enrollment, "Radical acceptance")

    outline = html.split('<nav class="module-outline" aria-label="Module outline">')[1]
    outline = outline.split("</nav>")[0]
    tip, radical, soothe = (lesson(cohort, t) for t in ("TIP", "Radical acceptance", "Self-soothe"))
    url = lambda item: reverse("learn:lesson", args=[cohort.pk, item.pk])  # noqa: E731
    assert "<h2>Module 2: Distress tolerance</h2>" in outline
    assert '<p id="outline-count" class="muted">1 of 3 lessons done</p>' in outline
    assert (
        f'<li id="outline-lesson-{tip.pk}" class="is-done"><span class="mark" aria-hidden="true">'
        f'✓</span><a href="{url(tip)}">TIP</a><span class="visually-hidden"> (completed)</span></li>'
    ) in outline
    assert (
        f'<li id="outline-lesson-{radical.pk}" class=" is-current"><span class="mark" '
        f'aria-hidden="true"></span><a href="{url(radical)}" aria-current="page">'
        "Radical acceptance</a></li>"
    ) in outline
    assert (
        f'<li id="outline-lesson-{soothe.pk}" class=""><span class="mark" aria-hidden="true">'
        f'</span><a href="{url(soothe)}">Self-soothe</a></li>'
    ) in outline
    home = reverse("learn:cohort", args=[cohort.pk])
    assert (
        f'<a href="{home}#module-{module_pk(cohort, 2)}">Quizzes and worksheets of this module</a>'
        in outline
    )
    # Every module: open ones lead to their first lesson, locked ones to the cohort home.
    wise_mind = lesson(cohort, "Wise mind")
    every = re.search(r"<summary>All modules</summary>(.*)</details>", outline, re.S).group(1)
    assert [text(item) for item in every.split("</li>")[:-1]] == [
        "✓ Module 1: Mindfulness · 2 of 2 lessons (completed)",
        "Module 2: Distress tolerance · 1 of 3 lessons",
        "Module 3: Emotion regulation · Locked",
        "Module 4: Interpersonal effectiveness · Locked",
    ]
    assert f'<a href="{url(wise_mind)}">Module 1: Mindfulness</a>' in outline
    assert f'<a href="{url(tip)}" aria-current="true">Module 2: Distress tolerance</a>' in outline
    assert (
        f'<a href="{home}#module-{module_pk(cohort, 3)}">Module 3: Emotion regulation</a>'
        in outline
    )
    # The breadcrumb's module leads to it on the cohort home.
    assert (
        f'<li><a href="{home}#module-{module_pk(cohort, 2)}">Module 2: Distress tolerance</a></li>'
        in html
    )


def test_mark_complete_by_htmx_also_ticks_the_outline(client, enrollment):
    radical = lesson(enrollment.cohort, "Radical acceptance")
    with time_machine.travel(NOW, tick=False):
        client.force_login(enrollment.user)
        response = client.post(
            reverse("learn:complete", args=[enrollment.cohort_id, radical.pk]),
            HTTP_HX_REQUEST="true",
        )
    html = response.content.decode()

    assert html.lstrip().startswith('<p class="message message-success" tabindex="-1" autofocus>')
    url = reverse("learn:lesson", args=[enrollment.cohort_id, radical.pk])
    assert (
        f'<li id="outline-lesson-{radical.pk}" class="is-done is-current" hx-swap-oob="true">'
        f'<span class="mark" aria-hidden="true">✓</span><a href="{url}" aria-current="page">'
        'Radical acceptance</a><span class="visually-hidden"> (completed)</span></li>'
    ) in html
    # The count above the list moves with it (the trial saw it stay at the old figure).
    assert '<p id="outline-count" class="muted" hx-swap-oob="true">2 of 3 lessons done</p>' in html


def test_a_refused_completion_sends_no_outline_tick(client, enrollment):
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save(update_fields=["status"])
    radical = lesson(enrollment.cohort, "Radical acceptance")
    before = LessonProgress.objects.filter(completed_at__isnull=False).count()
    with time_machine.travel(NOW, tick=False):
        client.force_login(enrollment.user)
        response = client.post(
            reverse("learn:complete", args=[enrollment.cohort_id, radical.pk]),
            HTTP_HX_REQUEST="true",
        )

    assert "Only active enrollments can complete lessons." in response.content.decode()
    assert "hx-swap-oob" not in response.content.decode()
    assert LessonProgress.objects.filter(completed_at__isnull=False).count() == before


# --- who sees it, and at what cost -------------------------------------------------------------


def test_the_home_and_its_outline_are_the_trainees_own(client, enrollment, other_trainee, trainer):
    url = reverse("learn:cohort", args=[enrollment.cohort_id])
    lesson_url = reverse(
        "learn:lesson", args=[enrollment.cohort_id, lesson(enrollment.cohort, "TIP").pk]
    )
    enrollment.cohort.trainers.add(trainer)
    views_before = LessonProgress.objects.count()

    visitor = client.get(url)
    assert visitor.status_code == HTTPStatus.FOUND
    assert visitor.url.startswith(reverse("account_login"))
    for person in (other_trainee, trainer):
        client.force_login(person)
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND
        assert client.get(lesson_url).status_code == HTTPStatus.NOT_FOUND
    assert LessonProgress.objects.count() == views_before


def test_the_home_stays_within_its_query_budget_with_deadlines_and_announcements(
    client, enrollment, django_assert_max_num_queries
):
    announce(enrollment.cohort, 12)
    with time_machine.travel(NOW, tick=False):
        client.force_login(enrollment.user)
        url = reverse("learn:cohort", args=[enrollment.cohort_id])
        client.get(url)  # the process's first: the outline
        with django_assert_max_num_queries(COHORT_HOME_QUERIES):
            html = client.get(url).content.decode()

    assert len(deadlines(html)) == 4
    assert "<summary>Earlier announcements (7)</summary>" in html


def test_a_trainee_in_the_cohorts_own_zone_sees_the_last_minute_of_the_day(client, cohort):
    kai = UserFactory(email="kai@example.org", time_zone="America/New_York", password=PASSWORD)
    with time_machine.travel(NOW, tick=False):
        enrollment = enrollment_services.enroll(cohort=cohort, user=kai)

    html = page(client, enrollment)

    assert deadlines(html)[:2] == [
        "Mon 8 Mar 2027, 23:59 Overdue Module 1: Mindfulness · lessons, 0 of 2 done",
        "Mon 8 Mar 2027, 23:59 Overdue Mindfulness check · Knowledge check in Module 1",
    ]
    assert "Times in your time zone, America/New York:" in html
