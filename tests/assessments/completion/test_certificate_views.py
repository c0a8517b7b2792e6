"""The trainee's certificate page (checklist, claim, letter) and a cohort's completion page."""

import datetime
from decimal import Decimal
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.completion.certificates import claim_certificate, revoke_certificate
from assessments.models import Certificate, CompletionRules, CourseApproval
from assessments.quizzes import services
from courses.models import Attendance, Enrollment, EnrollmentStatus
from tests.factories import (
    CohortFactory,
    CourseFactory,
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
    assert texts(response, "checklist-summary") == ["2 of 2 requirements still to meet."]
    assert texts(response, "checklist-left") == ["Validation in practice", "Course evaluation"]
    body = response.content.decode()
    assert f'href="{reverse("quizzes:quiz", args=[cohort.pk, survey.pk])}"' in body
    assert f'href="{reverse("learn:cohort", args=[cohort.pk])}"' in body
    assert "33% of the requirements met" in body
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
    done = client.get(completion(cohort), {"show": "complete"})
    not_done = client.get(completion(cohort), {"show": "incomplete"})

    assert texts(everyone, "lead")[0].startswith("Each active or completed trainee")
    assert "<strong>1 of 2</strong> trainees complete." in everyone.content.decode()
    rows = [
        (checklist.enrollment.user.full_name, checklist.share, issued)
        for checklist, issued in everyone.context["rows"]
    ]
    assert rows == [
        ("Dana Rivera", Decimal(100), [certificate]),
        ("Sam Okafor", Decimal(50), []),
    ]
    body = everyone.content.decode()
    verify = reverse("certificates:verify", kwargs={"code": certificate.code})
    assert f'CE certificate <a href="{verify}"><code>{certificate.code}</code></a>' in body
    assert "Revoke" not in body  # trainers see certificates; enrollment admins revoke
    assert "Not done: Validation in practice" in body
    assert "Wren Withdrawn" not in body
    assert [c.enrollment.user.full_name for c, _ in done.context["rows"]] == ["Dana Rivera"]
    assert [c.enrollment.user.full_name for c, _ in not_done.context["rows"]] == ["Sam Okafor"]
    assert "<strong>1 of 2</strong> trainees complete." in not_done.content.decode()


def test_cohort_detail_links_to_the_completion_page(client, trainer, cohort):
    client.force_login(trainer)

    body = client.get(reverse("cohorts:detail", args=[cohort.pk])).content.decode()

    assert f'<a href="{completion(cohort)}">Completion and certificates</a>' in body


def add_trainees(cohort, lessons, session, start: int, count: int) -> None:
    """Trainees `start`..`start + count - 1`: all with one lesson done and the session attended,
    every third with both lessons done and a certificate of attendance."""
    now = timezone.now()
    for n in range(start, start + count):
        user = UserFactory(email=f"trainee{n}@example.org", full_name=f"Trainee {n:02d}")
        enrollment = Enrollment.objects.create(
            user=user, cohort=cohort, status=EnrollmentStatus.ACTIVE
        )
        Attendance.objects.create(
            live_session=session, enrollment=enrollment, present=True, source="trainer"
        )
        complete(enrollment, *(lessons if n % 3 == 0 else lessons[:1]))
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


# Session, user, two permission reads, the cohort, the checklists' fixed reads (with the count
# of the cohort's scheduled sessions), the certificates.
QUERIES = 20
# The trainee's page: the same, with the approvals and certificates in place of the cohort.
MINE_QUERIES = 20


def test_completion_page_queries_do_not_grow_with_trainees(
    client, trainer, cohort, lessons, django_assert_max_num_queries
):
    CompletionRules.objects.create(course=cohort.course, min_attendance_percent=50)
    module = lessons[0].module
    services.create_quiz(module=module, title="Post-test", kind="post_test")
    services.create_quiz(module=module, title="Course evaluation", kind="evaluation")
    session = cohort.live_sessions.create(
        kind="didactic", title="Didactic 1", starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    client.force_login(trainer)
    add_trainees(cohort, lessons, session, 0, 5)
    with django_assert_max_num_queries(QUERIES):
        assert client.get(completion(cohort)).status_code == HTTPStatus.OK

    add_trainees(cohort, lessons, session, 5, 55)
    with django_assert_max_num_queries(QUERIES):
        response = client.get(completion(cohort))

    assert len(response.context["rows"]) == 60
    assert "<strong>0 of 60</strong> trainees complete." in response.content.decode()
    assert response.content.decode().count('Certificate of attendance <a href="/verify/') == 20


def test_certificate_page_queries_do_not_grow_with_lessons_or_approvals(
    client, trainee, cohort, finished, lessons, approval, django_assert_max_num_queries
):
    claim_certificate(enrollment=finished, approval=approval)
    module = lessons[0].module
    services.create_quiz(module=module, title="Course evaluation", kind="evaluation")
    client.force_login(trainee)
    with django_assert_max_num_queries(MINE_QUERIES):
        assert client.get(mine(cohort)).status_code == HTTPStatus.OK

    for n in range(20):
        LessonFactory(module=module, title=f"Extra {n}", position=10 + n)
        CourseApproval.objects.create(
            course=cohort.course,
            profession=f"Board {n}",
            accrediting_body="A body",
            approval_statement="Approved.",
        )
    CompletionRules.objects.filter(course=cohort.course).update(participation_letter_percent=50)
    with django_assert_max_num_queries(MINE_QUERIES):
        response = client.get(mine(cohort))

    assert len(response.context["approvals"]) == 21
    assert texts(response, "checklist-summary") == ["2 of 2 requirements still to meet."]


def test_an_enrollment_admin_finds_the_revoke_link_on_the_completion_page(
    client, enrollment_admin, cohort, finished, approval
):
    certificate = claim_certificate(enrollment=finished, approval=approval)
    client.force_login(enrollment_admin)
    body = client.get(completion(cohort)).content.decode()
    assert reverse("certificates:revoke", kwargs={"code": certificate.code}) in body
