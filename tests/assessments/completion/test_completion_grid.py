"""A cohort's completion grid (trainers and admins): a row per trainee, a column per requirement
item, a state per cell and a status per trainee; sorted and filtered through GET parameters;
its downloads saying the same figures; a flat query count however many trainees."""

import datetime
import io
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from assessments.completion.views import cohort as cohort_views
from assessments.models import Attempt, Certificate, CompletionRules, Grade, Submission
from courses.models import Attendance, Enrollment, EnrollmentStatus, Team
from dbt_training.users.models import User
from modules.models import LessonProgress
from modules.progress import repair_progress
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    CertificateFactory,
    CohortFactory,
    EnrollmentFactory,
    GradeFactory,
    LessonFactory,
    LessonProgressFactory,
    ModuleFactory,
    QuizFactory,
    SubmissionFactory,
    UserFactory,
    hold_sessions,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_items(course):
    """Two modules: Foundations, due four days ago (overdue), and Skills, due in two months. A
    required and an optional lesson in the first, a required lesson in the second; a post-test
    (the course's pass mark, 80%), two required assignments (70% and the course's 80%), the
    course evaluation; at least 50% of the live sessions."""
    CompletionRules.objects.create(course=course, min_attendance_percent=50)
    foundations = ModuleFactory(course=course, title="Foundations", position=1, due_offset_days=3)
    skills = ModuleFactory(course=course, title="Skills", position=2, due_offset_days=60)
    return {
        "lessons": [
            LessonFactory(module=foundations, title="Biosocial theory", position=1),
            LessonFactory(module=skills, title="Validation in practice", position=1),
        ],
        "optional": LessonFactory(
            module=foundations, title="Further reading", position=2, required=False
        ),
        "chain": AssignmentFactory(
            module=foundations, title="Chain analysis", pass_percent=70, position=1
        ),
        "post_test": QuizFactory(module=skills, title="Final test", kind="post_test", position=1),
        "diary": AssignmentFactory(module=skills, title="Diary card", position=2),
        "survey": QuizFactory(
            module=skills, title="Course evaluation", kind="evaluation", position=3
        ),
    }


def complete(enrollment, *lessons):
    now = timezone.now()
    for lesson in lessons:
        LessonProgressFactory(
            enrollment=enrollment,
            lesson=lesson,
            first_viewed_at=now,
            last_viewed_at=now,
            completed_at=now,
        )


def grade(enrollment, assignment, score) -> None:
    GradeFactory(
        submission__enrollment=enrollment, submission__assignment=assignment, score=Decimal(score)
    )


def do_everything(enrollment, items, *, test=Decimal(90)) -> None:
    complete(enrollment, *items["lessons"])
    AttemptFactory(enrollment=enrollment, quiz=items["post_test"], percent=test)
    grade(enrollment, items["chain"], 8)
    grade(enrollment, items["diary"], 9)
    AttemptFactory(enrollment=enrollment, quiz=items["survey"], percent=None)


def trainee(cohort, name: str, email: str, team=None) -> Enrollment:
    return EnrollmentFactory(
        cohort=cohort, user=UserFactory(full_name=name, email=email), team=team
    )


@pytest.fixture
def team(cohort):
    return Team.objects.create(cohort=cohort, name="North")


@pytest.fixture
def five(cohort, course_items, team):
    """Ana holds a CE certificate; Ben is on his way (nothing overdue); Cara has done nothing
    and the first module is past its due date; Dev is complete without a certificate; Eve's
    certificate was revoked. Ben and Cara are in team North."""
    ana = trainee(cohort, "Ana Alvarez", "ana@example.org")
    ben = trainee(cohort, "Ben Brown", "ben@example.org", team)
    cara = trainee(cohort, "Cara Chen", "cara@example.org", team)
    dev = trainee(cohort, "Dev Diaz", "dev@example.org")
    eve = trainee(cohort, "Eve Evans", "eve@example.org")
    do_everything(ana, course_items, test=Decimal(90))
    do_everything(dev, course_items, test=Decimal(85))
    do_everything(eve, course_items, test=Decimal(95))
    complete(ben, course_items["lessons"][0])
    # 2 of 3 points: 66.67%, shown 66% (never 67%).
    AttemptFactory(
        enrollment=ben,
        quiz=course_items["post_test"],
        percent=Decimal("66.67"),
        score=Decimal(2),
        max_score=Decimal(3),
    )
    grade(ben, course_items["chain"], 7)  # 70%: exactly the pass level
    SubmissionFactory(enrollment=ben, assignment=course_items["diary"])  # awaiting grading
    hold_sessions(cohort, {ana: 2, ben: 1, dev: 2, eve: 2}, count=2)
    issued = datetime.datetime(2026, 11, 2, 14, 49, tzinfo=datetime.UTC)
    ce = CertificateFactory(enrollment=ana, code="DBT-AAAA-BBBB-CCCC", issued_at=issued)
    revoked = CertificateFactory(
        enrollment=eve,
        code="DBT-EEEE-FFFF-GGGG",
        issued_at=issued,
        revoked_at=issued + datetime.timedelta(days=1),
        revoke_reason="Issued in error.",
    )
    return {
        "ana": ana,
        "ben": ben,
        "cara": cara,
        "dev": dev,
        "eve": eve,
        "ce": ce,
        "revoked": revoked,
    }


def grid_url(cohort) -> str:
    return reverse("certificates:cohort", args=[cohort.pk])


def export_url(cohort, fmt: str) -> str:
    return reverse(f"certificates:cohort_{fmt}", args=[cohort.pk])


def names(response) -> list[str]:
    return [row.name for row, _, _ in response.context["lines"]]


def table(response) -> list[tuple]:
    """(name, status, items met, [(cell text, cell state)]) per row shown."""
    return [
        (
            row.name,
            row.status_label,
            row.checklist.share,
            [(cell.text, cell.state) for cell in row.cells],
        )
        for row, _, _ in response.context["lines"]
    ]


MET, GOING, NOT_YET = "met", "in_progress", "not_started"


def done_cells(test: str) -> list[tuple]:
    return [
        ("2 of 2", MET),
        (f"{test}%, passed", MET),
        ("80%, passed", MET),
        ("90%, passed", MET),
        ("Submitted", MET),
        ("100%", MET),
    ]


# --- rows, cells and columns ---------------------------------------------------------------------


def test_grid_shows_each_trainee_by_requirement_with_exact_figures(
    client, trainer, cohort, course_items, five
):
    client.force_login(trainer)

    response = client.get(grid_url(cohort))

    assert response.status_code == HTTPStatus.OK
    assert [(c.key, c.label, c.kind) for c in response.context["grid"].columns] == [
        ("lessons", "Lessons", "2 required"),
        (f"quiz:{course_items['post_test'].pk}", "Final test", "Post-test · pass 80%"),
        (f"assignment:{course_items['chain'].pk}", "Chain analysis", "Assignment · pass 70%"),
        (f"assignment:{course_items['diary'].pk}", "Diary card", "Assignment · pass 80%"),
        (f"quiz:{course_items['survey'].pk}", "Course evaluation", "Course evaluation"),
        ("attendance", "Attendance", "Live sessions · 50% needed"),
    ]
    assert table(response) == [
        ("Ana Alvarez", "Certificate issued", 100, done_cells("90")),
        (
            "Ben Brown",
            "In progress",
            42,  # 3 of 7 items: a lesson, the chain analysis, attendance
            [
                ("1 of 2", GOING),
                ("66%, not passed", GOING),
                ("70%, passed", MET),
                ("Awaiting grading", GOING),
                ("Not submitted", NOT_YET),
                ("50%", MET),
            ],
        ),
        (
            "Cara Chen",
            "Behind",  # the Foundations module is past its due date
            0,
            [
                ("0 of 2", NOT_YET),
                ("Not taken", NOT_YET),
                ("Not submitted", NOT_YET),
                ("Not submitted", NOT_YET),
                ("Not submitted", NOT_YET),
                ("0%", NOT_YET),
            ],
        ),
        ("Dev Diaz", "Complete", 100, done_cells("85")),
        ("Eve Evans", "Revoked", 100, done_cells("95")),
    ]
    body = response.content.decode()
    assert "<strong>3 of 5</strong> trainees complete." in body
    assert (
        '<td class="cg-cell is-in-progress"><span class="cg-chip">'
        '<span class="cg-icon" aria-hidden="true">◐</span> 66%, not passed'
        '<span class="visually-hidden"> (in progress)</span></span></td>'
    ) in body
    assert '<span class="status-chip status-behind">Behind</span>' in body
    assert '<td class="cg-share">42%<span class="cg-sub">3 of 7</span></td>' in body
    # Ben and Cara's team under their names; details one click away, not inline.
    ben_page = reverse("certificates:trainee", args=[cohort.pk, five["ben"].pk])
    assert f'<a href="{ben_page}">Ben Brown</a><span class="cg-sub">North</span>' in body
    assert "Validation in practice" not in body
    assert "Biosocial theory" not in body
    assert 'aria-sort="ascending"' in body  # by name, unless asked otherwise
    assert "Trainees by requirement, sorted by trainee, ascending" in body


def test_the_grid_counts_statuses_and_requirements(client, trainer, cohort, five):
    client.force_login(trainer)

    response = client.get(grid_url(cohort))

    assert [(label, count) for label, count, _ in response.context["counts"]] == [
        ("Behind", 1),
        ("In progress", 1),
        ("Complete", 1),
        ("Certificate issued", 1),
        ("Revoked", 1),
    ]
    assert [(r.key, met, left) for r, met, left in response.context["by_requirement"]] == [
        ("lessons", 3, 2),
        ("post_test", 3, 2),
        ("assignments", 3, 2),
        ("evaluation", 3, 2),
        ("attendance", 4, 1),
    ]
    status = response.context["form"]["status"]
    assert '<option value="behind">Behind (1)</option>' in str(status)
    assert '<option value="" selected>Every status (5)</option>' in str(status)


def test_a_letter_of_participation_reads_as_a_letter(client, trainer, cohort, five):
    CertificateFactory(enrollment=five["ben"], kind=Certificate.Kind.PARTICIPATION)
    client.force_login(trainer)

    rows = {row.name: row for row, _, _ in client.get(grid_url(cohort)).context["lines"]}

    assert (rows["Ben Brown"].status, rows["Ben Brown"].status_label) == ("issued", "Letter issued")


def test_after_the_cohort_ends_anyone_incomplete_is_behind(client, trainer, cohort, five):
    cohort.ends_on = timezone.localdate() - datetime.timedelta(days=2)
    cohort.save(update_fields=["ends_on"])
    client.force_login(trainer)

    response = client.get(grid_url(cohort), {"status": "behind"})

    assert names(response) == ["Ben Brown", "Cara Chen"]


def test_a_cohort_without_trainees_says_so(client, trainer, cohort, course_items):
    client.force_login(trainer)

    response = client.get(grid_url(cohort))

    assert response.status_code == HTTPStatus.OK
    assert "No active or completed trainees in this cohort yet." in response.content.decode()
    assert response.context["grid"].columns == []


# --- sorting and filtering by GET ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Ana Alvarez", "Ben Brown", "Cara Chen", "Dev Diaz", "Eve Evans"]),
        (
            {"sort": "name", "dir": "desc"},
            ["Eve Evans", "Dev Diaz", "Cara Chen", "Ben Brown", "Ana Alvarez"],
        ),
        # Equal shares keep the order by name, both ways.
        ({"sort": "share"}, ["Cara Chen", "Ben Brown", "Ana Alvarez", "Dev Diaz", "Eve Evans"]),
        (
            {"sort": "share", "dir": "desc"},
            ["Ana Alvarez", "Dev Diaz", "Eve Evans", "Ben Brown", "Cara Chen"],
        ),
        ({"sort": "status"}, ["Cara Chen", "Ben Brown", "Dev Diaz", "Ana Alvarez", "Eve Evans"]),
        ({"sort": "lessons"}, ["Cara Chen", "Ben Brown", "Ana Alvarez", "Dev Diaz", "Eve Evans"]),
        (
            {"sort": "attendance", "dir": "desc"},
            ["Ana Alvarez", "Dev Diaz", "Eve Evans", "Ben Brown", "Cara Chen"],
        ),
        (
            {"sort": "certificates", "dir": "desc"},
            ["Ana Alvarez", "Eve Evans", "Ben Brown", "Cara Chen", "Dev Diaz"],
        ),
    ],
)
def test_sorting_by_a_column(client, trainer, cohort, five, query, expected):
    client.force_login(trainer)

    assert names(client.get(grid_url(cohort), query)) == expected


def test_sorting_by_an_items_result_and_the_headers_links(
    client, trainer, cohort, course_items, five
):
    key = f"quiz:{course_items['post_test'].pk}"
    client.force_login(trainer)

    response = client.get(grid_url(cohort), {"sort": key, "dir": "desc", "team": ""})

    assert names(response) == ["Eve Evans", "Ana Alvarez", "Dev Diaz", "Ben Brown", "Cara Chen"]
    headers = {h["column"].key: h for h in response.context["headers"]}
    # The sorted column offers the other direction; the others start ascending; the filters
    # stay and paging starts again.
    assert headers[key]["aria_sort"] == "descending"
    assert headers[key]["href"] == f"?sort=quiz%3A{course_items['post_test'].pk}&dir=asc&team="
    assert headers["share"]["href"] == "?sort=share&dir=asc&team="
    assert headers["share"]["aria_sort"] == ""
    body = response.content.decode()
    link = f"?sort=quiz%3A{course_items['post_test'].pk}&amp;dir=asc&amp;team="
    assert (
        f'<a href="{link}" class="cg-sort">Final test<span class="visually-hidden"> (sort '
        'ascending)</span><span class="cg-arrow" aria-hidden="true"> ▼</span></a>'
    ) in body
    assert "sorted by final test, descending" in body


def test_filtering_by_status_team_and_name(client, trainer, cohort, five, team):
    client.force_login(trainer)

    def shown(**query):
        return names(client.get(grid_url(cohort), query))

    assert shown(status="behind") == ["Cara Chen"]
    assert shown(status="issued") == ["Ana Alvarez"]
    assert shown(team=team.pk) == ["Ben Brown", "Cara Chen"]
    assert shown(team=0) == ["Ana Alvarez", "Dev Diaz", "Eve Evans"]
    assert shown(search="CHEN") == ["Cara Chen"]
    assert shown(search="dev@example") == ["Dev Diaz"]
    assert shown(team=team.pk, status="in_progress") == ["Ben Brown"]
    assert shown(team=team.pk, sort="share", dir="desc") == ["Ben Brown", "Cara Chen"]
    response = client.get(grid_url(cohort), {"search": "nobody"})
    assert "No trainee matches these filters." in response.content.decode()
    # The counts above the table always cover everyone.
    assert "<strong>3 of 5</strong> trainees complete." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"sort": "password"}, "The table cannot be sorted by “password”; it is sorted by name."),
        ({"dir": "sideways"}, "Sort “ascending” or “descending”."),
        ({"status": "lost"}, "Select a valid choice. lost is not one of the available choices."),
        ({"team": "x"}, "Select a valid choice. x is not one of the available choices."),
        ({"search": "x" * 101}, "Ensure this value has at most 100 characters (it has 101)."),
    ],
)
def test_parameters_that_do_not_fit_are_reported_and_ignored(
    client, trainer, cohort, five, query, message
):
    client.force_login(trainer)

    response = client.get(grid_url(cohort), query)

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode().replace("&quot;", '"')
    assert names(response) == ["Ana Alvarez", "Ben Brown", "Cara Chen", "Dev Diaz", "Eve Evans"]


def test_another_cohorts_team_is_not_a_choice(client, trainer, cohort, five):
    elsewhere = Team.objects.create(cohort=CohortFactory(course=cohort.course), name="South")
    client.force_login(trainer)

    response = client.get(grid_url(cohort), {"team": elsewhere.pk})

    assert "South" not in response.content.decode()
    assert len(names(response)) == 5


def test_pages_of_trainees_keep_the_sort(client, trainer, cohort, five, monkeypatch):
    monkeypatch.setattr(cohort_views, "ROWS_PER_PAGE", 2)
    client.force_login(trainer)

    second = client.get(grid_url(cohort), {"sort": "share", "page": 2})
    beyond = client.get(grid_url(cohort), {"sort": "share", "page": 99})
    garbled = client.get(grid_url(cohort), {"sort": "share", "page": "two"})

    assert names(second) == ["Ana Alvarez", "Dev Diaz"]
    assert names(beyond) == ["Eve Evans"]
    assert names(garbled) == ["Cara Chen", "Ben Brown"]
    body = second.content.decode()
    assert "Showing 3–4 of 5 trainees." in body
    assert 'href="?sort=share&amp;page=3" rel="next"' in body


# --- the downloads say what the page shows -------------------------------------------------------


def test_downloads_hold_the_grids_figures_in_its_order(client, trainer, cohort, course_items, five):
    client.force_login(trainer)

    csv = client.get(export_url(cohort, "csv"), {"sort": "share", "dir": "desc", "status": ""})
    workbook = client.get(export_url(cohort, "xlsx"), {"team": five["ben"].team_id})

    assert csv.status_code == HTTPStatus.OK
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert lines == [
        "\ufeffName,Email,Team,Status,Items met,Lessons (2 required),"
        "Final test (Post-test · pass 80%),Chain analysis (Assignment · pass 70%),"
        "Diary card (Assignment · pass 80%),Course evaluation (Course evaluation),"
        "Attendance (Live sessions · 50% needed),Certificates,Last issued",
        # Scores and attendance are numbers (decimals kept); cells without one are text.
        "Ana Alvarez,ana@example.org,,Certificate issued,100,2 of 2,90.00,"
        "80.00,90.00,Submitted,100,CE certificate DBT-AAAA-BBBB-CCCC,"
        "2026-11-02 09:49",
        "Dev Diaz,dev@example.org,,Complete,100,2 of 2,85.00,80.00,90.00,Submitted,100,,",
        "Eve Evans,eve@example.org,,Revoked,100,2 of 2,95.00,80.00,"
        "90.00,Submitted,100,CE certificate DBT-EEEE-FFFF-GGGG (revoked),"
        "2026-11-02 09:49",
        "Ben Brown,ben@example.org,North,In progress,42,1 of 2,66.67,"
        "70.00,Awaiting grading,Not submitted,50,,",
        "Cara Chen,cara@example.org,North,Behind,0,0 of 2,Not taken,Not submitted,"
        "Not submitted,Not submitted,0,,",
    ]
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[:7] for row in rows[1:]] == [
        ("Ben Brown", "ben@example.org", "North", "In progress", 0.42, "1 of 2", 0.6667),
        ("Cara Chen", "cara@example.org", "North", "Behind", 0, "0 of 2", "Not taken"),
    ]
    assert sheet["E2"].number_format == "0%"
    assert sheet["G2"].number_format == "0.00%"  # the post-test score, a percentage cell
    assert sheet["K2"].value == 0.5 and sheet["K2"].number_format == "0%"  # attendance


def test_a_download_with_a_parameter_that_does_not_fit_has_every_trainee(
    client, trainer, cohort, five
):
    client.force_login(trainer)

    csv = client.get(export_url(cohort, "csv"), {"sort": "password", "team": "x"})

    assert csv.status_code == HTTPStatus.OK
    assert len(b"".join(csv.streaming_content).decode().splitlines()) == 6


# --- who may see it ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("trainee", HTTPStatus.FORBIDDEN),
        ("other_trainer", HTTPStatus.FORBIDDEN),
        ("trainer", HTTPStatus.OK),
        ("enrollment_admin", HTTPStatus.OK),
    ],
)
def test_the_sorted_and_filtered_grid_is_for_the_cohorts_staff(
    client, cohort, five, request, who, expected
):
    client.force_login(request.getfixturevalue(who))
    query = {"sort": "share", "status": "behind"}

    assert client.get(grid_url(cohort), query).status_code == expected
    assert client.get(export_url(cohort, "csv"), query).status_code == expected


def test_a_visitor_is_sent_to_sign_in_from_the_grid(client, cohort, five):
    response = client.get(grid_url(cohort), {"sort": "share"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_an_enrollment_admin_sees_revoke_links_and_a_trainer_does_not(
    client, trainer, enrollment_admin, cohort, five
):
    revoke = reverse("certificates:revoke", kwargs={"code": five["ce"].code})
    client.force_login(trainer)
    assert revoke not in client.get(grid_url(cohort)).content.decode()
    client.force_login(enrollment_admin)
    assert revoke in client.get(grid_url(cohort)).content.decode()


# --- queries: the same budget at 10 and at 500 trainees ------------------------------------------


# Session, user, the cohort (with its rules, its count of sessions and whether the viewer
# manages it), the gradebook's rows (trainees, attempts, submissions, overrides), the progress
# read model, the certificates, the cohort's teams.
GRID_QUERIES = 10


def add_trainees(cohort, items, count: int, team) -> None:
    """`count` trainees written in bulk: each with the first lesson done, the post-test taken,
    the chain analysis graded, the evaluation submitted, one session of two attended; every
    third in the team, every fifth with a certificate of attendance."""
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"bulk{n}@example.org", full_name=f"Trainee {n:03d}") for n in range(count)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            user=user,
            cohort=cohort,
            status=EnrollmentStatus.ACTIVE,
            enrolled_at=now,
            team=team if n % 3 == 0 else None,
        )
        for n, user in enumerate(users)
    )
    LessonProgress.objects.bulk_create(
        LessonProgress(
            enrollment=e,
            lesson=items["lessons"][0],
            first_viewed_at=now,
            last_viewed_at=now,
            completed_at=now,
        )
        for e in enrollments
    )
    repair_progress([e.pk for e in enrollments])
    Attempt.objects.bulk_create(
        Attempt(
            quiz=quiz,
            enrollment=e,
            number=1,
            started_at=now,
            submitted_at=now,
            percent=percent,
            score=percent,
            max_score=None if percent is None else Decimal(100),
        )
        for e in enrollments
        for quiz, percent in ((items["post_test"], Decimal(88)), (items["survey"], None))
    )
    submissions = Submission.objects.bulk_create(
        Submission(
            assignment=items["chain"],
            enrollment=e,
            status="graded",
            saved_at=now,
            submitted_at=now,
            revision=1,
            deidentified_at=now,
        )
        for e in enrollments
    )
    Grade.objects.bulk_create(
        Grade(
            submission=s,
            enrollment_id=s.enrollment_id,
            score=Decimal(8),
            max_score=Decimal(10),
            graded_at=now,
            released_at=now,
        )
        for s in submissions
    )
    session = items["session"]
    Attendance.objects.bulk_create(
        Attendance(live_session=session, enrollment=e, present=True, source="trainer")
        for e in enrollments
    )
    Certificate.objects.bulk_create(
        Certificate(
            enrollment=e,
            kind=Certificate.Kind.ATTENDANCE,
            issued_at=now,
            full_name="Bulk",
            course_title=cohort.course.title,
            cohort_name=cohort.name,
            starts_on=cohort.starts_on,
            completed_on=now.date(),
        )
        for n, e in enumerate(enrollments)
        if n % 5 == 0
    )


@pytest.mark.parametrize("size", [10, 500])
def test_the_grids_queries_do_not_grow_with_trainees(
    client, trainer, cohort, course_items, team, size, django_assert_max_num_queries
):
    course_items["session"] = hold_sessions(cohort, {}, count=2)[0]
    add_trainees(cohort, course_items, size, team)
    client.force_login(trainer)
    client.get(grid_url(cohort))  # what a process keeps: the course's outline and items

    with django_assert_max_num_queries(GRID_QUERIES):
        response = client.get(grid_url(cohort), {"sort": "share", "team": team.pk})
    with django_assert_max_num_queries(GRID_QUERIES):
        export = client.get(export_url(cohort, "csv"), {"status": "in_progress"})

    grid = response.context["grid"]
    assert len(grid.rows) == size
    assert response.context["shown"] == len(range(0, size, 3))
    assert grid.counts()["issued"] == len(range(0, size, 5))
    assert len(b"".join(export.streaming_content).decode().splitlines()) == 1 + size - len(
        range(0, size, 5)
    )
