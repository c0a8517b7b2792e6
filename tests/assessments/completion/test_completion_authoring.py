"""Authoring completion: the course's completion rules and CE approvals (page and services), the
lesson's "required" and the assignment's "required for the certificate" and pass level."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assessments.assignments.worksheets import DIARY_ROWS
from assessments.completion import authoring as services
from assessments.completion.certificates import claim_certificate
from assessments.models import Assignment, Certificate, CompletionRules, CourseApproval
from courses.models import Enrollment, EnrollmentStatus
from modules.models import Lesson
from modules.services import duplicate_course
from tests.factories import CourseFactory, LessonProgressFactory

pytestmark = pytest.mark.django_db

STATEMENT = (
    "DBT Training Institute is approved by the American Psychological Association to sponsor "
    "continuing education for psychologists."
)


def rules_url(course) -> str:
    return reverse("certificates:rules", args=[course.slug])


def rules_data(**overrides) -> dict:
    data = {
        "require_lessons": "on",
        "require_post_test": "on",
        "require_assignments": "on",
        "require_evaluation": "on",
        "min_attendance_percent": "100",
        "participation_letter_percent": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def approval_data(prefix: str, **overrides) -> dict:
    data = {
        "profession": "Psychologists",
        "accrediting_body": "American Psychological Association",
        "approval_statement": STATEMENT,
        "ce_hours": "12",
    }
    data.update(overrides)
    return {f"{prefix}-{k}": v for k, v in data.items()}


def rules_row(course):
    return list(
        CompletionRules.objects.filter(course=course).values_list(
            "require_lessons",
            "require_post_test",
            "require_assignments",
            "require_evaluation",
            "min_attendance_percent",
            "participation_letter_percent",
        )
    )


def approvals_of(course):
    return list(
        CourseApproval.objects.filter(course=course).values_list(
            "profession", "accrediting_body", "approval_statement", "ce_hours", "position"
        )
    )


@pytest.fixture
def approval(course):
    return services.add_approval(
        course=course,
        profession="Psychologists",
        accrediting_body="American Psychological Association",
        approval_statement=STATEMENT,
        ce_hours=Decimal("12"),
    )


# --- who may ------------------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in(client, course, approval):
    for url in (
        rules_url(course),
        reverse("certificates:approval_add", args=[course.slug]),
        reverse("certificates:approval_edit", args=[course.slug, approval.pk]),
        reverse("certificates:approval_delete", args=[course.slug, approval.pk]),
    ):
        response = client.post(url, rules_data(min_attendance_percent="50"))
        assert response.status_code == HTTPStatus.FOUND, url
        assert response["Location"].startswith(reverse("account_login"))
    assert client.get(rules_url(course)).status_code == HTTPStatus.FOUND
    assert rules_row(course) == []
    assert len(approvals_of(course)) == 1


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("trainee", HTTPStatus.FORBIDDEN),
        ("other_trainer", HTTPStatus.FORBIDDEN),
        ("trainer", HTTPStatus.OK),
        ("enrollment_admin", HTTPStatus.OK),
    ],
)
def test_rules_page_is_for_the_courses_authors(client, course, request, who, expected):
    client.force_login(request.getfixturevalue(who))

    assert client.get(rules_url(course)).status_code == expected


@pytest.mark.parametrize("who", ["trainee", "other_trainer"])
def test_refused_authors_change_nothing(client, course, approval, request, who):
    client.force_login(request.getfixturevalue(who))
    prefix = f"approval-{approval.pk}"
    before = approvals_of(course)

    posts = [
        (rules_url(course), rules_data(min_attendance_percent="10")),
        (
            reverse("certificates:approval_add", args=[course.slug]),
            approval_data("new", profession="Counselors"),
        ),
        (
            reverse("certificates:approval_edit", args=[course.slug, approval.pk]),
            approval_data(prefix, profession="Hijacked"),
        ),
        (reverse("certificates:approval_delete", args=[course.slug, approval.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)

    assert rules_row(course) == []
    assert approvals_of(course) == before


def test_another_courses_approval_is_404(client, trainer, course, approval):
    mine = CourseFactory(authors=[trainer])
    client.force_login(trainer)
    before = approvals_of(course)

    edit = reverse("certificates:approval_edit", args=[mine.slug, approval.pk])
    delete = reverse("certificates:approval_delete", args=[mine.slug, approval.pk])

    prefix = f"approval-{approval.pk}"
    assert client.post(edit, approval_data(prefix, profession="X")).status_code == 404
    assert client.post(delete).status_code == HTTPStatus.NOT_FOUND
    assert approvals_of(course) == before


def test_course_editor_links_to_completion_and_ce(client, trainer, course):
    client.force_login(trainer)

    body = client.get(reverse("authoring:course", args=[course.slug])).content.decode()

    assert f'<a class="button" href="{rules_url(course)}">Completion and CE</a>' in body


# --- the rules ----------------------------------------------------------------------------------


def test_rules_page_shows_the_defaults_until_saved(client, trainer, course):
    client.force_login(trainer)

    response = client.get(rules_url(course))

    body = response.content.decode()
    assert "These are the defaults: nothing is saved for this course yet." in body
    assert 'name="min_attendance_percent" value="100"' in body
    assert "CE hours default to the course's (12.50, set in" in body
    assert "gets a certificate of attendance instead" in body


def test_author_saves_exact_rules(client, trainer, course):
    client.force_login(trainer)

    response = client.post(
        rules_url(course),
        rules_data(
            require_post_test=None,
            require_evaluation=None,
            min_attendance_percent="75",
            participation_letter_percent="60",
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == rules_url(course)
    assert rules_row(course) == [(True, False, True, False, 75, 60)]
    assert CompletionRules.objects.get(course=course).updated_by == trainer

    client.post(rules_url(course), rules_data(min_attendance_percent="0"))

    assert rules_row(course) == [(True, True, True, True, 0, None)]
    assert CompletionRules.objects.filter(course=course).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("min_attendance_percent", "150", "Ensure this value is less than or equal to 100."),
        ("min_attendance_percent", "-1", "Ensure this value is greater than or equal to 0."),
        ("participation_letter_percent", "0", "Ensure this value is greater than or equal to 1."),
        ("participation_letter_percent", "100", "Ensure this value is less than or equal to 99."),
        ("participation_letter_percent", "half", "Enter a whole number."),
    ],
)
def test_bad_rules_are_refused_and_nothing_changes(client, trainer, course, field, value, error):
    services.save_completion_rules(course=course, by=trainer, min_attendance_percent=80)
    client.force_login(trainer)

    response = client.post(rules_url(course), rules_data(**{field: value}))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["rules_form"].errors == {field: [error]}
    assert rules_row(course) == [(True, True, True, True, 80, None)]


def test_save_completion_rules_validates_without_the_form(trainer, course):
    with pytest.raises(ValidationError) as caught:
        services.save_completion_rules(course=course, by=trainer, participation_letter_percent=100)

    assert caught.value.message_dict == {
        "participation_letter_percent": ["Ensure this value is less than or equal to 99."]
    }
    assert rules_row(course) == []
    with pytest.raises(TypeError):
        services.save_completion_rules(course=course, by=trainer, pass_mark=50)


# --- CE approvals -------------------------------------------------------------------------------


def test_author_adds_approvals_in_order(client, trainer, course):
    client.force_login(trainer)
    add = reverse("certificates:approval_add", args=[course.slug])

    first = client.post(add, approval_data("new", ce_hours="12.25"))
    second = client.post(
        add,
        approval_data(
            "new",
            profession="  Social   workers ",
            accrediting_body="Association of Social Work Boards",
            approval_statement="Approved by ASWB ACE.",
            ce_hours="",
        ),
    )

    assert (first.status_code, second.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    assert approvals_of(course) == [
        ("Psychologists", "American Psychological Association", STATEMENT, Decimal("12.25"), 1),
        ("Social workers", "Association of Social Work Boards", "Approved by ASWB ACE.", None, 2),
    ]
    social = CourseApproval.objects.get(profession="Social workers")
    assert social.hours == Decimal("12.50")
    assert second["Location"] == rules_url(course) + f"#approval-{social.pk}"
    body = client.get(rules_url(course)).content.decode()
    assert (
        'Social workers <span class="muted">· Association of Social Work Boards · '
        "12.50 CE hours (the course's)</span>" in body
    )


def test_a_second_approval_for_one_profession_is_refused(client, trainer, course, approval):
    client.force_login(trainer)

    response = client.post(
        reverse("certificates:approval_add", args=[course.slug]),
        approval_data("new", profession="psychologists", accrediting_body="Another body"),
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["add_form"].errors == {
        "profession": ["This course already has an approval for “psychologists”."]
    }
    assert len(approvals_of(course)) == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ce_hours", "0"),
        ("ce_hours", "1000"),
        ("profession", ""),
        ("approval_statement", "x" * 1501),  # would overprint the certificate's footer
    ],
)
def test_bad_approvals_are_refused(client, trainer, course, field, value):
    client.force_login(trainer)

    response = client.post(
        reverse("certificates:approval_add", args=[course.slug]),
        approval_data("new", **{field: value}),
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.context["add_form"].errors) == [field]
    assert approvals_of(course) == []


def test_author_edits_an_approval(client, trainer, course, approval):
    client.force_login(trainer)
    prefix = f"approval-{approval.pk}"

    response = client.post(
        reverse("certificates:approval_edit", args=[course.slug, approval.pk]),
        approval_data(prefix, accrediting_body="APA", ce_hours=""),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert approvals_of(course) == [("Psychologists", "APA", STATEMENT, None, 1)]


def test_a_failed_edit_shows_its_errors_and_changes_nothing(client, trainer, course, approval):
    client.force_login(trainer)
    prefix = f"approval-{approval.pk}"
    before = approvals_of(course)

    response = client.post(
        reverse("certificates:approval_edit", args=[course.slug, approval.pk]),
        approval_data(prefix, approval_statement=""),
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    [(shown, form, hours)] = response.context["approvals"]
    assert form.errors == {"approval_statement": ["This field is required."]}
    assert approvals_of(course) == before


def test_deleting_an_approval_keeps_certificates_issued_under_it(
    client, trainer, trainee, course, module, cohort, approval
):
    enrollment = Enrollment.objects.create(
        user=trainee, cohort=cohort, status=EnrollmentStatus.ACTIVE
    )
    CompletionRules.objects.create(course=course, min_attendance_percent=0)
    now = timezone.now()
    for lesson in module.lessons.all():
        LessonProgressFactory(
            enrollment=enrollment,
            lesson=lesson,
            first_viewed_at=now,
            last_viewed_at=now,
            completed_at=now,
        )
    certificate = claim_certificate(enrollment=enrollment, approval=approval)
    client.force_login(trainer)

    response = client.post(reverse("certificates:approval_delete", args=[course.slug, approval.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert approvals_of(course) == []
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert (certificate.profession, certificate.approval_statement, certificate.ce_hours) == (
        "Psychologists",
        STATEMENT,
        Decimal("12.00"),
    )


def test_approval_pages_take_posts_only(client, trainer, course, approval):
    client.force_login(trainer)

    for url in (
        reverse("certificates:approval_add", args=[course.slug]),
        reverse("certificates:approval_edit", args=[course.slug, approval.pk]),
        reverse("certificates:approval_delete", args=[course.slug, approval.pk]),
    ):
        assert client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED


# --- lessons and assignments --------------------------------------------------------------------


def test_author_marks_a_lesson_optional(client, trainer, course, module):
    lesson = module.lessons.get()
    client.force_login(trainer)

    page = client.get(reverse("authoring:lesson_edit", args=[course.slug, module.pk, lesson.pk]))
    response = client.post(
        reverse("authoring:lesson_edit", args=[course.slug, module.pk, lesson.pk]),
        {"title": "Optional reading", "kind": "reading", "estimated_minutes": "5"},
    )

    assert 'name="required"' in page.content.decode()
    assert response.status_code == HTTPStatus.FOUND
    assert Lesson.objects.values_list("title", "required").get(pk=lesson.pk) == (
        "Optional reading",
        False,
    )

    client.post(
        reverse("authoring:lesson_edit", args=[course.slug, module.pk, lesson.pk]),
        {
            "title": "Optional reading",
            "kind": "reading",
            "estimated_minutes": "5",
            "required": "on",
        },
    )
    assert Lesson.objects.get(pk=lesson.pk).required is True


def assignment_data(**overrides) -> dict:
    data = {
        "title": "Diary card week 1",
        "worksheet": "diary_card",
        "instructions": "",
        "case_behaviors": "",
        "rubric": "",
        "points": "10",
        "pass_percent": "",
        # The diary card's standard rows, ticked as the page renders them.
        "diary_rows": [row.key for row in DIARY_ROWS],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_author_sets_an_assignments_completion_fields(client, trainer, course, module):
    client.force_login(trainer)
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])

    page = client.get(create).content.decode()
    response = client.post(create, assignment_data(pass_percent="70"))

    assert 'id="id_required_for_completion" checked>' in page
    assert response.status_code == HTTPStatus.FOUND
    assignment = Assignment.objects.get()
    assert (assignment.required_for_completion, assignment.pass_percent) == (False, 70)

    edit = reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk])
    client.post(edit, assignment_data(required_for_completion="on"))

    assignment.refresh_from_db()
    assert (assignment.required_for_completion, assignment.pass_percent) == (True, None)


def test_a_pass_level_above_100_is_refused(client, trainer, course, module, assignment):
    client.force_login(trainer)
    edit = reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk])

    response = client.post(edit, assignment_data(pass_percent="101"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors == {
        "pass_percent": ["Ensure this value is less than or equal to 100."]
    }
    assignment.refresh_from_db()
    assert (assignment.title, assignment.pass_percent) == (
        "Chain analysis of a missed session",
        None,
    )


def test_duplicating_a_course_copies_the_completion_fields(trainer, course, module, assignment):
    Assignment.objects.filter(pk=assignment.pk).update(
        required_for_completion=False, pass_percent=65
    )
    Lesson.objects.filter(module=module).update(required=False)

    copy = duplicate_course(course=course, author=trainer, title="Copy", slug="copy")

    assert list(
        Assignment.objects.filter(module__course=copy).values_list(
            "required_for_completion", "pass_percent"
        )
    ) == [(False, 65)]
    assert list(Lesson.objects.filter(module__course=copy).values_list("required", flat=True)) == [
        False
    ]


def test_duplicating_a_course_copies_its_rules_and_approvals(trainer, course, module, approval):
    services.save_completion_rules(
        course=course, by=trainer, min_attendance_percent=75, participation_letter_percent=60
    )
    services.add_approval(
        course=course,
        profession="Social workers",
        accrediting_body="Association of Social Work Boards",
        approval_statement="Approved by ASWB ACE.",
    )

    copy = duplicate_course(course=course, author=trainer, title="Copy", slug="copy")

    assert rules_row(copy) == [(True, True, True, True, 75, 60)]
    assert approvals_of(copy) == [
        ("Psychologists", "American Psychological Association", STATEMENT, Decimal("12.00"), 1),
        ("Social workers", "Association of Social Work Boards", "Approved by ASWB ACE.", None, 2),
    ]
    assert len(approvals_of(course)) == 2
