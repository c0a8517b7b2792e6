"""The gradebook pages: who may see them, what each shows (hidden until released), the import's
upload → preview → confirm through the browser's posts, the history, and flat query counts."""

import re
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assessments.grading import gradebook
from assessments.models import GradeChange, GradeOverride
from courses.models import Enrollment, EnrollmentStatus, Team
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    EnrollmentFactory,
    GradeFactory,
    QuizFactory,
    hold_sessions,
)

pytestmark = pytest.mark.django_db

D = Decimal
TRAINER_VIEWS = ["gradebook", "export", "export_xlsx", "import", "history"]


def url(name, cohort, **query):
    path = reverse(f"gradebook:{name}", args=[cohort.pk])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def upload(content: bytes, name="gradebook.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.fixture
def graded(cohort, module, enrollment, other_enrollment):
    """Dana: quiz 75, worksheet 8/10 released; Sam: quiz 60, worksheet 6/10 not released."""
    quiz = QuizFactory(module=module, title="Module 1 check")
    sheet = AssignmentFactory(module=module, title="Chain analysis")
    AttemptFactory(enrollment=enrollment, quiz=quiz, percent=D(75))
    AttemptFactory(enrollment=other_enrollment, quiz=quiz, percent=D(60))
    GradeFactory(
        submission__enrollment=enrollment, submission__assignment=sheet, score=D(8), max_score=D(10)
    )
    GradeFactory(
        submission__enrollment=other_enrollment,
        submission__assignment=sheet,
        score=D(6),
        max_score=D(10),
        released=False,
    )
    return quiz, sheet


# --- permissions ---------------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in(client, cohort):
    for name in [*TRAINER_VIEWS, "mine"]:
        response = client.get(url(name, cohort))
        assert response.status_code == HTTPStatus.FOUND, name
        assert response.url.startswith(reverse("account_login"))
    response = client.post(url("import", cohort), {"file": upload(b"Email\n")})
    assert response.status_code == HTTPStatus.FOUND


@pytest.mark.parametrize("who", ["trainee", "other_trainer"])
def test_trainer_pages_are_403_for_anyone_but_the_cohorts_trainers(
    client, cohort, enrollment, graded, who, request, trainer
):
    client.force_login(request.getfixturevalue(who))
    for name in TRAINER_VIEWS:
        assert client.get(url(name, cohort)).status_code == HTTPStatus.FORBIDDEN, name
    token = signing.dumps(
        {"cohort": cohort.pk, "by": trainer.pk, "csv": "Email,Attendance [attendance]\n"},
        salt="assessments.gradebook.import",
        compress=True,
    )
    response = client.post(url("import", cohort), {"token": token, "reason": "x"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not GradeOverride.objects.exists()


def test_the_cohorts_trainer_sees_every_trainer_page(client, trainer, cohort, graded):
    client.force_login(trainer)
    for name in TRAINER_VIEWS:
        assert client.get(url(name, cohort)).status_code == HTTPStatus.OK, name


@pytest.mark.parametrize("who", ["trainer", "other_trainee"])
def test_my_grades_is_404_for_anyone_not_enrolled(client, cohort, enrollment, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url("mine", cohort)).status_code == HTTPStatus.NOT_FOUND


# --- the gradebook page --------------------------------------------------------------------------


def test_gradebook_page_marks_unreleased_and_overridden_cells(
    client, trainer, cohort, module, graded, enrollment
):
    QuizFactory(module=module, title="Baseline", kind="pre_test")
    GradeOverride.objects.create(
        enrollment=enrollment,
        item="attendance",
        percent=D(100),
        reason="Excused",
        set_at=timezone.now(),
    )
    client.force_login(trainer)
    page = client.get(url("gradebook", cohort)).content.decode()
    assert "Pre-tests are shown but do not count towards the total." in page
    assert "Baseline" in page and "not counted" in page
    assert page.count("not released") == 1  # Sam's worksheet
    assert page.count(">overridden<") == 1  # Dana's attendance
    assert "Dana Rivera" in page and "Sam Okafor" in page
    # Dana: quizzes 75, worksheet 80, attendance 100 → (40·75 + 50·80 + 10·100) / 100 = 80 → Pass
    assert '<span class="gb-result gb-result-pass">Pass</span>' in page


def test_gradebook_filters_by_team_status_and_result(client, trainer, cohort, graded, enrollment):
    team = Team.objects.create(cohort=cohort, name="Blue")
    Enrollment.objects.filter(pk=enrollment.pk).update(team=team)
    EnrollmentFactory(
        cohort=cohort, user__full_name="Wes Withdrawn", status=EnrollmentStatus.WITHDRAWN
    )
    client.force_login(trainer)

    def names(**query):
        page = client.get(url("gradebook", cohort, **query)).content.decode()
        return re.findall(r'<th scope="row" class="gb-name">([^<]+)<', page)

    assert names() == ["Dana Rivera", "Sam Okafor"]
    assert names(team=team.pk) == ["Dana Rivera"]
    assert names(status="withdrawn") == ["Wes Withdrawn"]
    assert names(status="all") == ["Dana Rivera", "Sam Okafor", "Wes Withdrawn"]
    # No session held: Dana (75, 80) is complete and at 77.78 fails; Sam has all values too.
    assert names(result="fail") == ["Dana Rivera", "Sam Okafor"]
    assert names(result="pass") == []
    assert names(grades="released", result="in_progress") == ["Sam Okafor"]


def test_gradebook_pages_through_rows(client, trainer, cohort, monkeypatch):
    from assessments.grading.views import gradebook as views

    monkeypatch.setattr(views, "ROWS_PER_PAGE", 2)
    for n in range(5):
        EnrollmentFactory(cohort=cohort, user__full_name=f"Trainee {n}")
    client.force_login(trainer)
    page = client.get(url("gradebook", cohort, page=3)).content.decode()
    assert "Showing 5–5 of 5 trainees" in page
    assert re.findall(r'<th scope="row" class="gb-name">([^<]+)<', page) == ["Trainee 4"]
    assert client.get(url("gradebook", cohort, page="x")).status_code == HTTPStatus.OK
    assert (
        "No trainees on this page" in client.get(url("gradebook", cohort, page=9)).content.decode()
    )


# --- the trainee's own grades --------------------------------------------------------------------


def test_my_grades_show_released_grades_only(client, cohort, graded, other_enrollment):
    quiz, sheet = graded
    client.force_login(other_enrollment.user)
    page = client.get(url("mine", cohort)).content.decode()
    # Sam's worksheet is graded 6/10 but not released: it counts for nothing yet.
    assert "<div><dt>Assignments</dt><dd>–</dd></div>" in page
    assert "<div><dt>Total</dt><dd>60%</dd></div>" in page  # the quiz alone
    assert "<div><dt>Result</dt><dd>In progress</dd></div>" in page
    assert '<span class="gb-status">Awaiting grading</span>' in page
    assert "not released" not in page
    assert (
        f'<a href="{reverse("quizzes:quiz", args=[cohort.pk, quiz.pk])}">Module 1 check</a>' in page
    )

    grade = sheet.submissions.get(enrollment=other_enrollment).grade
    grade.released_at = timezone.now()
    grade.save()
    page = client.get(url("mine", cohort)).content.decode()
    assert "Awaiting grading" not in page
    assert "<div><dt>Assignments</dt><dd>60%</dd></div>" in page
    assert "<div><dt>Total</dt><dd>60%</dd></div>" in page  # (40·60 + 50·60) / 90
    assert "<div><dt>Result</dt><dd>Fail</dd></div>" in page


def test_my_grades_show_only_my_row(client, cohort, graded, enrollment):
    client.force_login(enrollment.user)
    page = client.get(url("mine", cohort)).content.decode()
    assert "75%" in page and "80%" in page
    assert "Sam Okafor" not in page and "60%" not in page


# --- import through the pages --------------------------------------------------------------------


def good_file(quiz, sheet) -> bytes:
    head = f"Name,Email,Module 1 check [quiz:{quiz.pk}],Chain analysis [assignment:{sheet.pk}]"
    rows = "Dana Rivera,dana@example.org,75.00,90,\nSam Okafor,sam@example.org,,55.5,\n"
    return f"\ufeff{head},Total %\n{rows}".encode()


def preview_token(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def test_import_previews_then_applies_on_confirmation(
    client, trainer, cohort, graded, enrollment, other_enrollment
):
    quiz, sheet = graded
    client.force_login(trainer)
    preview = client.post(url("import", cohort), {"file": upload(good_file(quiz, sheet))})
    assert preview.status_code == HTTPStatus.OK
    html = preview.content.decode()
    assert "Preview: 2 changes" in html
    assert re.findall(r"<th scope=\"row\">([^<]+) <", html) == ["Dana Rivera", "Sam Okafor"]
    assert "90%" in html and "55%" in html and "55.50%" not in html  # whole, rounded down
    assert not GradeOverride.objects.exists()

    token = preview_token(preview)
    missing = client.post(url("import", cohort), {"token": token, "reason": "  "})
    assert missing.status_code == HTTPStatus.BAD_REQUEST
    assert "This field is required." in missing.content.decode()
    assert not GradeOverride.objects.exists()

    done = client.post(url("import", cohort), {"token": token, "reason": "Practical exam"})
    assert done.status_code == HTTPStatus.FOUND
    assert done.url == url("gradebook", cohort)
    assert sorted(GradeOverride.objects.values_list("enrollment", "percent")) == sorted(
        [(enrollment.pk, D("90.00")), (other_enrollment.pk, D("55.50"))]
    )
    assert sorted(GradeChange.objects.values_list("old_value", "new_value", "reason")) == [
        ("60%", "55.5%", "Practical exam"),
        ("80%", "90%", "Practical exam"),
    ]


def test_import_with_row_errors_shows_them_and_changes_nothing(client, trainer, cohort, graded):
    quiz, sheet = graded
    data = good_file(quiz, sheet) + b"Who,nobody@example.org,abc,101,\n"
    client.force_login(trainer)
    response = client.post(url("import", cohort), {"file": upload(data)})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert "Nothing was changed. Fix 1 problem" in html
    assert "Line 4: No one with the email “nobody@example.org” is in this cohort." in html
    assert 'name="token"' not in html
    assert not GradeOverride.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04rest-of-a-zip", "spreadsheet workbook"),
        (b"%PDF-1.7 ...", "This is a PDF"),
        (b"x" * (2 * 1024 * 1024 + 1), "larger than 2 MB"),
    ],
)
def test_import_refuses_disguised_or_large_files(client, trainer, cohort, graded, content, message):
    client.force_login(trainer)
    response = client.post(url("import", cohort), {"file": upload(content)})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert not GradeOverride.objects.exists()


def test_a_tampered_or_foreign_preview_is_refused(client, trainer, cohort, graded, other_trainer):
    quiz, sheet = graded
    client.force_login(trainer)
    token = preview_token(
        client.post(url("import", cohort), {"file": upload(good_file(quiz, sheet))})
    )
    tampered = client.post(url("import", cohort), {"token": token[:-2] + "xx", "reason": "x"})
    assert tampered.status_code == HTTPStatus.BAD_REQUEST
    foreign = signing.dumps(
        {"cohort": cohort.pk, "by": other_trainer.pk, "csv": good_file(quiz, sheet).decode()},
        salt="assessments.gradebook.import",
        compress=True,
    )
    response = client.post(url("import", cohort), {"token": foreign, "reason": "x"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not GradeOverride.objects.exists()
    assert not GradeChange.objects.exists()


# --- history -------------------------------------------------------------------------------------


def test_history_lists_changes_filters_by_trainee_and_pages(
    client, trainer, cohort, graded, enrollment, other_enrollment
):
    attendance = gradebook.gradebook_items(cohort.course)[-1]
    for n in range(51):
        gradebook.set_override(
            enrollment=enrollment, item=attendance, percent=D(n), reason=f"Step {n}", by=trainer
        )
    gradebook.set_override(
        enrollment=other_enrollment, item=attendance, percent=D(99), reason="Sam's", by=trainer
    )
    client.force_login(trainer)
    first = client.get(url("history", cohort)).content.decode()
    assert "Changes 1–50 of 52, newest first" in first
    assert "Sam&#x27;s" in first and "Terry Chen" in first and "Overridden" in first
    second = client.get(url("history", cohort, page=2)).content.decode()
    assert "Changes 51–52 of 52" in second
    assert "Page 2 of 2" in second
    assert "Step 0" in second and "Step 1<" in second
    only_sam = client.get(url("history", cohort, trainee=other_enrollment.pk)).content.decode()
    assert "Changes 1–1 of 1" in only_sam
    assert "<td>—</td>\n              <td>99%</td>" in only_sam  # no session held: old is empty
    assert client.get(url("history", cohort, trainee="999999")).status_code == HTTPStatus.OK


# --- queries -------------------------------------------------------------------------------------

# Session, user, the menu's permissions (2), cohort, items (2), teams (2: the filter checks and
# prints them), weights, the trainees' count and page, and the four streams.
PAGE_QUERIES = 16
HISTORY_QUERIES = 9  # session, user, menu (2), cohort, trainee check and list, count, page
MINE_QUERIES = 12  # session, user, menu (2), enrollment, items (2), weights, four streams


@pytest.mark.parametrize("trainees", [10, 100])
def test_page_queries_do_not_grow_with_trainees(
    client, trainer, cohort, module, trainees, django_assert_max_num_queries
):
    from assessments.grading.views import gradebook as views

    quizzes = [QuizFactory(module=module, title=f"Check {n}") for n in range(3)]
    sheets = [AssignmentFactory(module=module, title=f"Sheet {n}") for n in range(3)]
    team = Team.objects.create(cohort=cohort, name="Blue")
    people = [
        EnrollmentFactory(cohort=cohort, user__full_name=f"Trainee {n:03}", team=team)
        for n in range(trainees)
    ]
    hold_sessions(cohort, {person: 1 for person in people}, count=2)
    attendance = gradebook.gradebook_items(cohort.course)[-1]
    for person in people:
        for quiz in quizzes:
            AttemptFactory(enrollment=person, quiz=quiz, percent=D(70))
        for sheet in sheets:
            GradeFactory(submission__enrollment=person, submission__assignment=sheet, score=D(7))
        gradebook.set_override(
            enrollment=person, item=attendance, percent=D(90), reason="x", by=trainer
        )
    client.force_login(trainer)
    with django_assert_max_num_queries(PAGE_QUERIES):
        page = client.get(url("gradebook", cohort, team=team.pk))
    shown = min(trainees, views.ROWS_PER_PAGE)
    assert page.content.decode().count('<th scope="row" class="gb-name">') == shown
    with django_assert_max_num_queries(PAGE_QUERIES):
        failing = client.get(url("gradebook", cohort, result="fail"))  # every row computed
    # (40·70 + 50·70 + 10·90) / 100 = 72: everyone fails.
    assert failing.content.decode().count('<th scope="row" class="gb-name">') == shown
    assert f"of {trainees} trainees" in failing.content.decode()
    with django_assert_max_num_queries(HISTORY_QUERIES):
        history = client.get(url("history", cohort, trainee=people[0].pk))
    assert "Changes 1–1 of 1" in history.content.decode()
    client.force_login(people[-1].user)
    with django_assert_max_num_queries(MINE_QUERIES):
        mine = client.get(url("mine", cohort))
    assert "70%" in mine.content.decode()
