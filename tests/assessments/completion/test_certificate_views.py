"""The trainee's certificate page (checklist, claim, letter) and a cohort's completion page."""

import datetime
import io
from decimal import Decimal
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from assessments.completion import authoring
from assessments.completion.certificates import claim_certificate, revoke_certificate
from assessments.models import (
    ATTENDANCE_ITEM,
    Certificate,
    CompletionRules,
    CourseApproval,
    GradeOverride,
)
from assessments.quizzes import services
from courses.models import Attendance, Course, Enrollment, EnrollmentStatus
from tests.factories import (
    AssignmentFactory,
    AttemptFactory,
    CohortFactory,
    CourseFactory,
    EnrollmentFactory,
    GradeFactory,
    LessonFactory,
    LessonProgressFactory,
    UserFactory,
)

STATEMENT = (
    "DBT Training Institute is approved by the American Psychological Association to sponsor "
    "continuing education for psychologists."
)


class _Texts(HTMLParser):
    """The text of every element carrying `css_class`, whitespace collapsed (nested ones too)."""

    def __init__(self, css_class: str):
        super().__init__()
        self.css_class, self.open, self.found = css_class, [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "input", "img", "meta", "link"):
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.css_class in classes:
            self.open.append([tag, 0, []])
        for entry in self.open:
            if entry[0] == tag:
                entry[1] += 1

    def handle_endtag(self, tag):
        for entry in list(self.open):
            if entry[0] == tag:
                entry[1] -= 1
                if entry[1] == 0:
                    self.open.remove(entry)
                    self.found.append(" ".join("".join(entry[2]).split()))

    def handle_data(self, data):
        for entry in self.open:
            entry[2].append(data)


def texts(response, css_class: str) -> list[str]:
    parser = _Texts(css_class)
    parser.feed(response.content.decode())
    return parser.found


@pytest.fixture
def lessons(module):
    """The module's lesson (from the fixture) renamed, and a second required lesson."""
    first = module.lessons.get()
    first.title = "Biosocial theory"
    first.save()
    second = LessonFactory(module=module, title="Validation in practice", position=2)
    return [first, second]


@pytest.fixture
def rules(course):
    return CompletionRules.objects.create(course=course, min_attendance_percent=0)


@pytest.fixture
def approval(course):
    return CourseApproval.objects.create(
        course=course,
        profession="Psychologists",
        accrediting_body="American Psychological Association",
        approval_statement=STATEMENT,
        ce_hours=Decimal("12.00"),
        position=1,
    )


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


@pytest.fixture
def finished(enrollment, lessons, rules):
    """The trainee has met every requirement: both lessons done, no attendance rule."""
    complete(enrollment, *lessons)
    return enrollment


def mine(cohort) -> str:
    return reverse("certificates:mine", args=[cohort.pk])


def claim(cohort) -> str:
    return reverse("certificates:claim", args=[cohort.pk])


def letter(cohort) -> str:
    return reverse("certificates:letter", args=[cohort.pk])


def other_course_approval():
    return CourseApproval.objects.create(
        course=CourseFactory(),
        profession="Social workers",
        accrediting_body="Association of Social Work Boards",
        approval_statement="Approved by ASWB.",
    )


# --- who may see the trainee's page ---------------------------------------------------------------


def test_visitor_is_sent_to_sign_in_from_the_certificate_pages(client, cohort, enrollment):
    for url in (mine(cohort), claim(cohort), letter(cohort)):
        response = client.post(url) if url != mine(cohort) else client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("account_login"))
    assert Certificate.objects.count() == 0


def test_another_trainee_gets_404_and_claims_nothing(client, cohort, finished, other_trainee):
    client.force_login(other_trainee)

    assert client.get(mine(cohort)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(claim(cohort), {"approval": "other"}).status_code == 404
    assert client.post(letter(cohort)).status_code == HTTPStatus.NOT_FOUND
    assert Certificate.objects.count() == 0


def test_a_trainee_of_another_cohort_gets_404(client, cohort, finished, other_trainee):
    elsewhere = CohortFactory(course=cohort.course)
    Enrollment.objects.create(user=other_trainee, cohort=elsewhere, status=EnrollmentStatus.ACTIVE)
    client.force_login(other_trainee)

    assert client.get(mine(cohort)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(claim(cohort), {"approval": "other"}).status_code == 404
    assert Certificate.objects.count() == 0


@pytest.mark.parametrize("who", ["trainer", "other_trainer"])
def test_trainers_have_no_certificate_page_of_their_own(client, cohort, finished, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(mine(cohort)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(claim(cohort), {"approval": "other"}).status_code == 404
    assert Certificate.objects.count() == 0


# --- the checklist ------------------------------------------------------------------------------


def test_trainee_sees_exactly_what_is_left(client, trainee, cohort, enrollment, lessons, rules):
    survey = services.create_quiz(
        module=lessons[0].module, title="Course evaluation", kind="evaluation"
    )
    complete(enrollment, lessons[0])
    client.force_login(trainee)

    response = client.get(mine(cohort))

    assert response.status_code == HTTPStatus.OK
    assert texts(response, "checklist-item") == [
        "✗ Required lessons completed: not done "
        "1 of 2 required lessons completed "
        "Left to do: Validation in practice "
        "Open the course schedule to finish these lessons",
        "✗ Course evaluation submitted: not done "
        "Not submitted yet "
        "Left to do: Course evaluation "
        "Complete the course evaluation",
    ]
    # One unit for the share and what is left: each required item (issue 20, item 7).
    assert texts(response, "checklist-summary") == ["2 of 3 requirements still to meet."]
    assert texts(response, "checklist-left") == ["Validation in practice", "Course evaluation"]
    body = response.content.decode()
    assert f'href="{reverse("quizzes:quiz", args=[cohort.pk, survey.pk])}"' in body
    assert f'href="{reverse("learn:cohort", args=[cohort.pk])}"' in body
    assert '<span id="share-figure">33% of the requirements met (1 of 3)</span>' in body
    assert '<progress max="100" value="33"' in body
    assert 'action="' + claim(cohort) + '"' not in body
    assert (
        "You can claim your certificate once every requirement above is met: 2 are still open."
        in body
    )


def test_complete_trainee_sees_the_claim_form_with_each_approval(
    client, trainee, cohort, finished, approval
):
    client.force_login(trainee)

    response = client.get(mine(cohort))

    body = response.content.decode()
    assert texts(response, "checklist-item") == [
        "✓ Required lessons completed: done 2 of 2 required lessons completed"
    ]
    assert texts(response, "checklist-summary") == ["Every requirement is met."]
    assert 'action="' + claim(cohort) + '"' in body
    assert "<legend>Your profession or licensing board:</legend>" in body
    assert (
        f'value="{approval.pk}" required id="id_approval_0">\n'
        " Psychologists — American Psychological Association, 12 CE hours</label>"
    ) in body
    assert (
        'value="other" required id="id_approval_1">\n Other / not listed: certificate of attendance'
        in body
    )
    assert "for that board only" in body
    assert "certificate of attendance for 12.50 hours of training instead" in body
    assert "certified" not in body.lower()


# --- claiming -----------------------------------------------------------------------------------


def test_claim_before_completion_is_refused_with_what_is_left(
    client, trainee, cohort, enrollment, lessons, rules, approval
):
    complete(enrollment, lessons[0])
    client.force_login(trainee)

    response = client.post(claim(cohort), {"approval": str(approval.pk)})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert texts(response, "message-error") == [
        "No certificate was issued. "
        "Not yet: the certificate needs every requirement met. "
        "Required lessons completed: 1 of 2 required lessons completed."
    ]
    assert Certificate.objects.count() == 0
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ACTIVE


def test_claim_with_an_approval_issues_one_ce_certificate(
    client, trainee, trainer, cohort, finished, approval
):
    client.force_login(trainee)

    response = client.post(claim(cohort), {"approval": str(approval.pk)})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == mine(cohort)
    certificate = Certificate.objects.get()
    assert certificate.enrollment == finished
    assert certificate.kind == Certificate.Kind.CE
    assert certificate.ce_hours == Decimal("12.00")
    assert certificate.profession == "Psychologists"
    assert certificate.accrediting_body == "American Psychological Association"
    assert certificate.approval_statement == STATEMENT
    assert certificate.full_name == "Dana Rivera"
    assert certificate.lead_trainer == "Terry Chen"
    finished.refresh_from_db()
    assert finished.status == EnrollmentStatus.COMPLETED
    page = client.get(mine(cohort))
    assert [str(m) for m in page.context["messages"]] == ["Your certificate is ready."]


def test_claim_with_other_issues_a_certificate_of_attendance(
    client, trainee, cohort, finished, approval
):
    client.force_login(trainee)

    client.post(claim(cohort), {"approval": "other"})

    certificate = Certificate.objects.get()
    assert certificate.kind == Certificate.Kind.ATTENDANCE
    assert certificate.ce_hours == Decimal("12.50")
    assert (certificate.profession, certificate.accrediting_body) == ("", "")
    assert certificate.approval_statement == ""


def test_claiming_twice_keeps_one_certificate(client, trainee, cohort, finished, approval):
    client.force_login(trainee)

    first = client.post(claim(cohort), {"approval": str(approval.pk)})
    second = client.post(claim(cohort), {"approval": "other"})

    assert (first.status_code, second.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    certificate = Certificate.objects.get()
    assert certificate.kind == Certificate.Kind.CE


def test_another_courses_approval_is_refused(client, trainee, cohort, finished, approval):
    foreign = other_course_approval()
    client.force_login(trainee)

    response = client.post(claim(cohort), {"approval": str(foreign.pk)})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert texts(response, "message-error") == [
        "No certificate was issued. Choose one of the professions listed for this course."
    ]
    assert Certificate.objects.count() == 0


@pytest.mark.parametrize("posted", [{}, {"approval": ""}, {"approval": "abc"}])
def test_claim_without_a_valid_choice_is_refused(client, trainee, cohort, finished, posted):
    client.force_login(trainee)

    response = client.post(claim(cohort), posted)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert Certificate.objects.count() == 0


def test_withdrawn_trainee_cannot_claim(client, trainee, cohort, finished):
    Enrollment.objects.filter(pk=finished.pk).update(status=EnrollmentStatus.WITHDRAWN)
    client.force_login(trainee)

    page = client.get(mine(cohort))
    response = client.post(claim(cohort), {"approval": "other"})

    assert 'action="' + claim(cohort) + '"' not in page.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Only trainees enrolled in the cohort can claim its certificate." in (
        response.content.decode()
    )
    assert Certificate.objects.count() == 0


def test_issued_certificates_are_listed_with_their_links(
    client, trainee, enrollment_admin, cohort, finished, approval
):
    certificate = claim_certificate(enrollment=finished, approval=approval)
    client.force_login(trainee)

    response = client.get(mine(cohort))

    body = response.content.decode()
    assert f"<code>{certificate.code}</code>" in body
    assert f'href="/certificates/{certificate.code}.pdf"' in body
    assert f'href="/verify/{certificate.code}/"' in body
    assert "CE certificate (Psychologists)" in body
    assert 'action="' + claim(cohort) + '"' not in body
    assert "Your certificate has been issued: see below." in body

    revoke_certificate(certificate=certificate, by=enrollment_admin, reason="Issued in error.")
    body = client.get(mine(cohort)).content.decode()
    assert "Revoked on" in body
    assert "This certificate was revoked: Issued in error." in body
    assert f'href="/certificates/{certificate.code}.pdf"' not in body
    assert f'href="/verify/{certificate.code}/"' in body


# --- letters of participation -------------------------------------------------------------------


def test_letter_is_issued_once_the_threshold_is_met(
    client, trainee, cohort, enrollment, lessons, rules
):
    CompletionRules.objects.filter(pk=rules.pk).update(participation_letter_percent=50)
    complete(enrollment, lessons[0])
    client.force_login(trainee)

    page = client.get(mine(cohort)).content.decode()
    response = client.post(letter(cohort))
    again = client.post(letter(cohort))

    assert 'action="' + letter(cohort) + '"' in page
    assert (response.status_code, again.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    certificate = Certificate.objects.get()
    assert certificate.kind == Certificate.Kind.PARTICIPATION
    assert certificate.ce_hours is None
    assert 'action="' + letter(cohort) + '"' not in client.get(mine(cohort)).content.decode()


def test_letter_below_the_threshold_is_refused(client, trainee, cohort, enrollment, lessons, rules):
    CompletionRules.objects.filter(pk=rules.pk).update(participation_letter_percent=75)
    complete(enrollment, lessons[0])
    client.force_login(trainee)

    page = client.get(mine(cohort)).content.decode()
    response = client.post(letter(cohort))

    assert 'action="' + letter(cohort) + '"' not in page
    assert "once 75% of the requirements are met (you have 50%)" in page
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert texts(response, "message-error") == [
        "No letter was issued. "
        "A letter of participation needs 75% of the requirements; 50% are met so far."
    ]
    assert Certificate.objects.count() == 0


def test_letter_not_offered_is_refused(client, trainee, cohort, finished):
    client.force_login(trainee)

    page = client.get(mine(cohort)).content.decode()
    response = client.post(letter(cohort))

    assert "Letter of participation" not in page
    assert 'action="' + letter(cohort) + '"' not in page
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This course does not offer letters of participation." in response.content.decode()
    assert Certificate.objects.count() == 0


def test_cohort_home_links_to_the_certificate_page(client, trainee, cohort, enrollment):
    client.force_login(trainee)

    body = client.get(reverse("learn:cohort", args=[cohort.pk])).content.decode()

    assert f'<a href="{mine(cohort)}">Your certificate: what is done and what is left</a>' in body


# --- a cohort's completion (trainers and admins) ------------------------------------------------


def completion(cohort) -> str:
    return reverse("certificates:cohort", args=[cohort.pk])


def lines(response) -> list:
    """(row, trainee page, cells) of the grid's page shown (tests/.../test_completion_grid.py)."""
    return response.context["lines"]


def by_requirement(response) -> list[tuple[str, int, int]]:
    """(requirement, trainees who met it, trainees who have not yet), as the page counts them."""
    return [(r.key, met, open_) for r, met, open_ in response.context["by_requirement"]]


def test_visitor_is_sent_to_sign_in_from_the_completion_page(client, cohort):
    response = client.get(completion(cohort))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("trainee", HTTPStatus.FORBIDDEN),
        ("other_trainer", HTTPStatus.FORBIDDEN),
        ("trainer", HTTPStatus.OK),
        ("enrollment_admin", HTTPStatus.OK),
    ],
)
def test_completion_page_is_for_the_cohorts_staff(
    client, cohort, enrollment, request, who, expected
):
    client.force_login(request.getfixturevalue(who))

    assert client.get(completion(cohort)).status_code == expected


def test_completion_page_counts_and_filters(
    client, trainer, cohort, finished, other_enrollment, lessons, approval
):
    complete(other_enrollment, lessons[0])
    certificate = claim_certificate(enrollment=finished, approval=approval)
    withdrawn = Enrollment.objects.create(
        user=UserFactory(full_name="Wren Withdrawn"), cohort=cohort, status="withdrawn"
    )
    complete(withdrawn, *lessons)
    client.force_login(trainer)

    everyone = client.get(completion(cohort))
    issued = client.get(completion(cohort), {"status": "issued"})
    going = client.get(completion(cohort), {"status": "in_progress"})

    assert texts(everyone, "lead")[0].startswith("Each active or completed trainee")
    assert "<strong>1 of 2</strong> trainees complete." in everyone.content.decode()
    rows = [(row.name, row.checklist.share, row.certificates) for row, _, _ in lines(everyone)]
    assert rows == [
        ("Dana Rivera", 100, [certificate]),
        ("Sam Okafor", 50, []),
    ]
    body = everyone.content.decode()
    verify = reverse("certificates:verify", kwargs={"code": certificate.code})
    assert f'CE certificate <a href="{verify}"><code>{certificate.code}</code></a>' in body
    # Trainers see certificates; enrollment admins revoke.
    assert reverse("certificates:revoke", kwargs={"code": certificate.code}) not in body
    # Counts per requirement and per trainee; what is left, item by item, on each trainee's page.
    assert texts(everyone, "cg-cell") == ["✓ 2 of 2 (met)", "◐ 1 of 2 (in progress)"]
    assert "Validation in practice" not in body
    assert by_requirement(everyone) == [("lessons", 1, 1)]
    sam = reverse("certificates:trainee", args=[cohort.pk, other_enrollment.pk])
    assert f'<a href="{sam}">Sam Okafor</a>' in body
    assert texts(client.get(sam), "checklist-left") == ["Validation in practice"]
    assert "Wren Withdrawn" not in body
    assert [row.name for row, _, _ in lines(issued)] == ["Dana Rivera"]
    assert [row.name for row, _, _ in lines(going)] == ["Sam Okafor"]
    assert "<strong>1 of 2</strong> trainees complete." in going.content.decode()


def test_cohort_detail_links_to_the_completion_page(client, trainer, cohort):
    client.force_login(trainer)

    body = client.get(reverse("cohorts:detail", args=[cohort.pk])).content.decode()

    assert f'<a href="{completion(cohort)}">Completion and certificates</a>' in body


def statements(queries) -> int:
    """Queries as production runs them: the test's transaction turns each `atomic` block into
    SAVEPOINT / RELEASE statements, which in production are a BEGIN and COMMIT Django does not
    count."""
    return sum(1 for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")))


def second_request(client, url) -> tuple[int, object]:
    """The statements of the second request (the first loads what a process keeps: the course
    outline and items, the session)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return statements(queries), response


@pytest.fixture
def everything(cohort, lessons, trainer):
    """Every kind of requirement, each with something recorded against it: a post-test, a
    required assignment, the course evaluation, 50% attendance over held and coming sessions."""
    course = cohort.course
    CompletionRules.objects.create(course=course, min_attendance_percent=50)
    module = lessons[0].module
    return {
        "post_test": services.create_quiz(module=module, title="Post-test", kind="post_test"),
        "survey": services.create_quiz(module=module, title="Course evaluation", kind="evaluation"),
        "assignment": AssignmentFactory(module=module, title="Chain analysis", pass_percent=70),
        "session": cohort.live_sessions.create(
            kind="didactic",
            title="Didactic 1",
            starts_at=timezone.now() - datetime.timedelta(days=1),
        ),
        "coming": cohort.live_sessions.create(
            kind="didactic",
            title="Didactic 2",
            starts_at=timezone.now() + datetime.timedelta(days=7),
        ),
    }


def excuse(enrollment) -> None:
    """A trainer's attendance override: 100%."""
    GradeOverride.objects.create(
        enrollment=enrollment,
        item=ATTENDANCE_ITEM,
        percent=Decimal(100),
        reason="Excused",
        set_at=timezone.now(),
    )


def add_trainees(cohort, lessons, everything, start: int, count: int) -> list[Enrollment]:
    """Trainees `start`..`start + count - 1`: all with one lesson done, the session attended,
    the post-test taken, the assignment graded and the evaluation submitted; every third with
    both lessons done and a certificate of attendance, every fifth with an attendance override."""
    now = timezone.now()
    made = []
    for n in range(start, start + count):
        user = UserFactory(email=f"trainee{n}@example.org", full_name=f"Trainee {n:03d}")
        enrollment = Enrollment.objects.create(
            user=user, cohort=cohort, status=EnrollmentStatus.ACTIVE
        )
        made.append(enrollment)
        Attendance.objects.create(
            live_session=everything["session"],
            enrollment=enrollment,
            present=True,
            source="trainer",
        )
        complete(enrollment, *(lessons if n % 3 == 0 else lessons[:1]))
        AttemptFactory(enrollment=enrollment, quiz=everything["post_test"], percent=Decimal(90))
        AttemptFactory(enrollment=enrollment, quiz=everything["survey"], percent=None)
        GradeFactory(
            submission__enrollment=enrollment,
            submission__assignment=everything["assignment"],
            score=Decimal(8),
        )
        if n % 5 == 0:
            excuse(enrollment)
        if n % 3 == 0:
            Certificate.objects.create(
                enrollment=enrollment,
                kind=Certificate.Kind.ATTENDANCE,
                issued_at=now,
                full_name=user.full_name,
                course_title=cohort.course.title,
                cohort_name=cohort.name,
                starts_on=cohort.starts_on,
                completed_on=now.date(),
            )
    return made


# Session, user, the cohort (with its rules, its count of sessions and whether the viewer
# manages it), the gradebook's rows (trainees, attempts, submissions, overrides), the progress
# read model, the certificates, the cohort's teams (the grid's filter).
COHORT_STATEMENTS = 10
# Session, user, the enrollment (with its progress, rules and count of sessions), the
# certificates, the gradebook's row (the trainee, attempts, submissions, overrides).
MINE_STATEMENTS = 8


def test_completion_page_statements_do_not_grow_with_trainees(
    client, trainer, cohort, lessons, everything
):
    client.force_login(trainer)
    add_trainees(cohort, lessons, everything, 0, 10)
    few, response = second_request(client, completion(cohort))
    assert len(response.context["grid"].rows) == 10

    add_trainees(cohort, lessons, everything, 10, 190)
    LessonFactory(module=lessons[0].module, title="One more", position=3)
    many, response = second_request(client, completion(cohort))

    assert few == many <= COHORT_STATEMENTS, (few, many)
    assert len(response.context["grid"].rows) == 200
    assert response.context["grid"].counts()["issued"] == 67
    body = response.content.decode()
    assert "<strong>0 of 200</strong> trainees complete." in body
    # The page shows the first 100 of them, by name (Trainee 000 to 099): 34 with a certificate.
    assert body.count('Certificate of attendance <a href="/verify/') == 34
    assert by_requirement(response) == [
        ("lessons", 0, 200),
        ("post_test", 200, 0),
        ("assignments", 200, 0),
        ("evaluation", 200, 0),
        ("attendance", 200, 0),
    ]
    assert "Live-session attendance of at least 50%</th><td>200</td><td>0</td>" in body


def test_certificate_page_runs_eight_statements_however_much_there_is(
    client, trainee, cohort, enrollment, lessons, everything, approval
):
    """Issue 17's budget, flat as trainees, lessons, approvals and cohorts grow."""
    add_trainees(cohort, lessons, everything, 0, 1)
    complete(enrollment, *lessons)
    AttemptFactory(enrollment=enrollment, quiz=everything["post_test"], percent=Decimal(85))
    GradeFactory(
        submission__enrollment=enrollment,
        submission__assignment=everything["assignment"],
        score=Decimal(7),
    )
    client.force_login(trainee)
    few, response = second_request(client, mine(cohort))
    assert texts(response, "checklist-summary") == ["2 of 6 requirements still to meet."]

    add_trainees(cohort, lessons, everything, 1, 30)
    for n in range(20):
        LessonFactory(module=lessons[0].module, title=f"Extra {n}", position=10 + n)
        CourseApproval.objects.create(
            course=cohort.course,
            profession=f"Board {n}",
            accrediting_body="A body",
            approval_statement="Approved.",
        )
    add_trainees(CohortFactory(course=cohort.course), lessons, everything, 31, 10)
    AttemptFactory(enrollment=enrollment, quiz=everything["survey"], percent=None)
    excuse(enrollment)
    many, response = second_request(client, mine(cohort))

    assert few == many <= MINE_STATEMENTS, (few, many)
    assert len(response.context["approvals"]) == 21
    assert texts(response, "checklist-summary") == ["20 of 26 requirements still to meet."]
    assert "23% of the requirements met (6 of 26)" in response.content.decode()


def test_a_complete_trainee_with_the_claim_form_stays_within_the_budget(
    client, trainee, cohort, finished, approval
):
    for n in range(10):
        CourseApproval.objects.create(
            course=cohort.course,
            profession=f"Board {n}",
            accrediting_body="A body",
            approval_statement="Approved.",
        )
    client.force_login(trainee)

    count, response = second_request(client, mine(cohort))

    assert count <= MINE_STATEMENTS
    assert response.context["show_claim"]
    assert len(response.context["claim_form"].fields["approval"].choices) == 12


def test_an_approval_changed_after_the_page_was_read_shows_at_once(
    client, trainer, trainee, cohort, finished, approval
):
    client.force_login(trainee)
    assert "Psychologists — American" in client.get(mine(cohort)).content.decode()

    stamp = Course.objects.get(pk=cohort.course_id).outline_stamp
    authoring.update_approval(
        approval=approval,
        profession="Counselors",
        accrediting_body=approval.accrediting_body,
        approval_statement=approval.approval_statement,
        ce_hours=approval.ce_hours,
    )
    # Every process reads the approvals again: the course's stamp is renewed.
    assert Course.objects.get(pk=cohort.course_id).outline_stamp != stamp
    body = client.get(mine(cohort)).content.decode()
    assert "Counselors — American" in body
    assert "Psychologists" not in body

    authoring.delete_approval(approval=approval)
    assert "Counselors" not in client.get(mine(cohort)).content.decode()


# --- one trainee's completion, for the cohort's staff --------------------------------------------


def trainee_page(cohort, enrollment) -> str:
    return reverse("certificates:trainee", args=[cohort.pk, enrollment.pk])


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("trainee", HTTPStatus.FORBIDDEN),
        ("other_trainer", HTTPStatus.FORBIDDEN),
        ("trainer", HTTPStatus.OK),
        ("enrollment_admin", HTTPStatus.OK),
    ],
)
def test_a_trainees_completion_page_is_for_the_cohorts_staff(
    client, cohort, enrollment, request, who, expected
):
    client.force_login(request.getfixturevalue(who))

    assert client.get(trainee_page(cohort, enrollment)).status_code == expected


def test_a_visitor_is_sent_to_sign_in_from_a_trainees_completion_page(client, cohort, enrollment):
    response = client.get(trainee_page(cohort, enrollment))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_another_cohorts_trainee_is_404_on_the_completion_page(client, trainer, cohort, trainee):
    elsewhere = Enrollment.objects.create(
        user=trainee, cohort=CohortFactory(course=cohort.course), status=EnrollmentStatus.ACTIVE
    )
    client.force_login(trainer)

    assert client.get(trainee_page(cohort, elsewhere)).status_code == HTTPStatus.NOT_FOUND


def test_a_trainees_completion_page_lists_what_is_left_and_what_was_issued(
    client, trainer, enrollment_admin, cohort, enrollment, lessons, everything, approval
):
    complete(enrollment, lessons[0])
    AttemptFactory(enrollment=enrollment, quiz=everything["post_test"], percent=Decimal(60))
    client.force_login(trainer)

    response = client.get(trainee_page(cohort, enrollment))

    assert texts(response, "checklist-item") == [
        "✗ Required lessons completed: not done 1 of 2 required lessons completed "
        "Left to do: Validation in practice",
        "✗ Post-test passed: not done Post-test: 60% (pass mark 80%) Left to do: Post-test",
        "✗ Required assignments passed: not done 0 of 1 passed (graded, released, at or above "
        "each one's pass level) Left to do: Chain analysis",
        "✗ Course evaluation submitted: not done Not submitted yet Left to do: Course evaluation",
        "✗ Live-session attendance of at least 50%: not done 0 of 2 sessions attended (0%); "
        "1 still to come Left to do: 0% attended",
    ]
    body = response.content.decode()
    assert "Take the post-test" not in body  # the trainee's links are not the trainer's
    assert "None yet." in body

    excuse(enrollment)
    for lesson in lessons[1:]:
        complete(enrollment, lesson)
    AttemptFactory(
        enrollment=enrollment, quiz=everything["post_test"], number=2, percent=Decimal(90)
    )
    GradeFactory(
        submission__enrollment=enrollment,
        submission__assignment=everything["assignment"],
        score=Decimal(7),
    )
    AttemptFactory(enrollment=enrollment, quiz=everything["survey"], percent=None)
    certificate = claim_certificate(enrollment=enrollment, approval=approval)
    client.force_login(enrollment_admin)

    response = client.get(trainee_page(cohort, enrollment))

    assert texts(response, "checklist-summary") == ["Every requirement is met."]
    body = response.content.decode()
    assert f"<code>{certificate.code}</code>" in body
    assert reverse("certificates:revoke", kwargs={"code": certificate.code}) in body


def test_an_enrollment_admin_finds_the_revoke_link_on_the_completion_page(
    client, enrollment_admin, cohort, finished, approval
):
    certificate = claim_certificate(enrollment=finished, approval=approval)
    client.force_login(enrollment_admin)
    body = client.get(completion(cohort)).content.decode()
    assert reverse("certificates:revoke", kwargs={"code": certificate.code}) in body


# --- the completion table as CSV and XLSX --------------------------------------------------------


# Session, user, cohort, the checklists' reads, certificates, the cohort's teams (the filter)
# and, on a process's first look at the cohort, its module dates: however many trainees.
COMPLETION_EXPORT_QUERIES = 15


def completion_export(cohort, fmt: str) -> str:
    return reverse(f"certificates:cohort_{fmt}", args=[cohort.pk])


def test_visitor_is_sent_to_sign_in_from_the_completion_downloads(client, cohort):
    for fmt in ("csv", "xlsx"):
        response = client.get(completion_export(cohort, fmt))
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("trainee", HTTPStatus.FORBIDDEN),
        ("other_trainer", HTTPStatus.FORBIDDEN),
        ("trainer", HTTPStatus.OK),
        ("enrollment_admin", HTTPStatus.OK),
    ],
)
def test_completion_downloads_are_for_the_cohorts_staff(
    client, cohort, enrollment, request, who, expected
):
    client.force_login(request.getfixturevalue(who))

    for fmt in ("csv", "xlsx"):
        assert client.get(completion_export(cohort, fmt)).status_code == expected, fmt


def test_completion_table_as_csv_and_xlsx(
    client, trainer, cohort, finished, other_enrollment, lessons, approval
):
    complete(other_enrollment, lessons[0])
    certificate = claim_certificate(enrollment=finished, approval=approval)
    # 14:49 UTC is 09:49 in the cohort's zone (New York).
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=datetime.datetime(2026, 11, 2, 14, 49, 10, tzinfo=datetime.UTC)
    )
    client.force_login(trainer)
    page = client.get(completion(cohort)).content.decode()
    assert f'href="{completion_export(cohort, "xlsx")}" download>Download as Excel (.xlsx)' in page

    export = client.get(completion_export(cohort, "csv"))
    workbook = client.get(completion_export(cohort, "xlsx"), {"status": "in_progress"})

    assert export["Content-Disposition"] == (
        f'attachment; filename="cohort-{cohort.pk}-completion.csv"'
    )
    assert b"".join(export.streaming_content).decode() == (
        "\ufeffName,Email,Team,Status,Items met,Lessons (2 required),Certificates,Last issued\r\n"
        f"Dana Rivera,{finished.user.email},,Certificate issued,100,2 of 2,"
        f"CE certificate {certificate.code},2026-11-02 09:49\r\n"
        f"Sam Okafor,{other_enrollment.user.email},,In progress,50,1 of 2,,\r\n"
    )
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet.title == "Completion"
    assert list(sheet.iter_rows(values_only=True)) == [
        (
            "Name",
            "Email",
            "Team",
            "Status",
            "Items met",
            "Lessons (2 required)",
            "Certificates",
            "Last issued",
        ),
        ("Sam Okafor", other_enrollment.user.email, None, "In progress", 0.5, "1 of 2", None, None),
    ]
    assert sheet["E2"].number_format == "0%"
    full = load_workbook(io.BytesIO(client.get(completion_export(cohort, "xlsx")).content)).active
    assert full["H2"].value == datetime.datetime(2026, 11, 2, 9, 49)
    assert full["H2"].is_date and full["H2"].number_format == "yyyy-mm-dd hh:mm"


@pytest.mark.parametrize("size", [2, 30])
def test_completion_xlsx_queries_do_not_grow_with_trainees(
    client, trainer, cohort, lessons, rules, size, django_assert_max_num_queries
):
    for _ in range(size):
        complete(EnrollmentFactory(cohort=cohort), lessons[0])
    client.force_login(trainer)

    with django_assert_max_num_queries(COMPLETION_EXPORT_QUERIES):
        response = client.get(completion_export(cohort, "xlsx"))

    assert load_workbook(io.BytesIO(response.content)).active.max_row == size + 1
