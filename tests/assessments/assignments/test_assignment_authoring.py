"""Authoring assignments: who may, the form's rules, delete and move, the course editor's lines,
copying with a duplicated course, gradebook weights and the admin."""

import re
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.assignments import authoring as services
from assessments.models import (
    Assignment,
    BankComment,
    Criterion,
    Grade,
    GradebookWeights,
    Level,
    Rubric,
    Submission,
)
from courses.models import Course
from modules import activities
from modules.models import Module
from modules.services import duplicate_course
from tests.factories import (
    AssignmentFactory,
    CourseFactory,
    GradeFactory,
    ModuleFactory,
    RubricFactory,
    SubmissionFactory,
)

pytestmark = pytest.mark.django_db


def page_urls(course, module, assignment):
    return [
        reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk]),
        reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk]),
        reverse("assignment_authoring:assignment_delete", args=[course.slug, assignment.pk]),
        reverse("assignment_authoring:weights", args=[course.slug]),
    ]


def form_data(**overrides) -> dict:
    data = {
        "title": "Chain analysis of a missed session",
        "worksheet": "chain_analysis",
        "instructions": "Analyse **one** chain.",
        "case_behaviors": "",
        "rubric": "",
        "points": "10",
        "about_client": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def snapshot() -> list:
    return list(
        Assignment.objects.order_by("pk").values_list(
            "pk", "title", "worksheet", "rubric_id", "points", "about_client", "position"
        )
    )


# --- who may --------------------------------------------------------------------------------------


def test_visitor_trainee_and_other_trainer_are_kept_out(
    client, course, module, assignment, trainee, other_trainer
):
    urls = page_urls(course, module, assignment)
    for page in urls:
        response = client.get(page)
        assert response.status_code == HTTPStatus.FOUND, page
        assert response.url.startswith(reverse("account_login"))
    client.force_login(trainee)
    for page in urls:
        assert client.get(page).status_code == HTTPStatus.FORBIDDEN, page
    client.force_login(other_trainer)
    for page in urls:
        assert client.get(page).status_code == HTTPStatus.FORBIDDEN, page
    before = snapshot()
    edit = reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk])
    move = reverse("assignment_authoring:assignment_move", args=[course.slug, assignment.pk])
    delete = reverse("assignment_authoring:assignment_delete", args=[course.slug, assignment.pk])
    assert client.post(edit, form_data(title="Hijacked")).status_code == HTTPStatus.FORBIDDEN
    assert client.post(move, {"direction": "down"}).status_code == HTTPStatus.FORBIDDEN
    assert client.post(delete).status_code == HTTPStatus.FORBIDDEN
    weights = reverse("assignment_authoring:weights", args=[course.slug])
    assert (
        client.post(weights, {"quizzes": 1, "assignments": 0, "attendance": 0}).status_code == 403
    )
    assert snapshot() == before
    assert not GradebookWeights.objects.exists()


def test_author_opens_every_page(client, trainer, course, module, assignment):
    client.force_login(trainer)
    for page in page_urls(course, module, assignment):
        assert client.get(page).status_code == HTTPStatus.OK, page


def test_enrollment_admin_may_author_any_course(client, enrollment_admin, course, assignment):
    client.force_login(enrollment_admin)
    page = reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk])
    assert client.get(page).status_code == HTTPStatus.OK


def test_another_courses_assignment_and_module_are_404(client, trainer, course, assignment):
    mine = CourseFactory(authors=[trainer])
    my_module = ModuleFactory(course=mine)
    client.force_login(trainer)
    assert (
        client.get(
            reverse("assignment_authoring:assignment", args=[mine.slug, assignment.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("assignment_authoring:assignment_create", args=[course.slug, my_module.pk])
        ).status_code
        == 404
    )


# --- creating -------------------------------------------------------------------------------------


def test_author_creates_an_assignment_from_the_course_editor(
    client, trainer, course, module, rubric
):
    client.force_login(trainer)
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    response = client.post(
        create,
        form_data(instructions="Analyse **one** chain.<script>alert(1)</script>", rubric=rubric.pk),
    )
    assignment = Assignment.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("authoring:course", args=[course.slug]) + f"#module-{module.pk}"
    assert (
        assignment.module,
        assignment.title,
        assignment.worksheet,
        assignment.rubric,
        assignment.points,
        assignment.about_client,
        assignment.position,
        assignment.case_behaviors,
    ) == (
        module,
        "Chain analysis of a missed session",
        "chain_analysis",
        rubric,
        Decimal(10),
        True,
        1,
        "",
    )
    assert "<strong>one</strong>" in assignment.instructions_html
    assert "<script" not in assignment.instructions_html
    second = services.create_assignment(module=module, title="Diary card", worksheet="diary_card")
    assert second.position == 2


def test_new_form_ticks_de_identification_for_client_worksheets_only(
    client, trainer, course, module
):
    client.force_login(trainer)
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    default = client.get(create).context["form"]
    assert default["about_client"].value() is True
    assert default["worksheet"].value() == "chain_analysis"
    for kind, expected in [
        ("diary_card", True),
        ("case_formulation", True),
        ("free_text", False),
        ("file_upload", False),
        ("nonsense", True),
    ]:
        form = client.get(create, {"worksheet": kind}).context["form"]
        assert form["about_client"].value() is expected, kind
    page = client.get(create, {"worksheet": "free_text"}).content.decode()
    checkbox = re.search(r'<input type="checkbox" name="about_client"[^>]*>', page).group(0)
    assert "data-about-client" in checkbox
    assert "checked" not in checkbox


def test_free_text_assignment_without_de_identification(client, trainer, course, module):
    client.force_login(trainer)
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    client.post(create, form_data(worksheet="free_text", about_client=None, points="5.5"))
    assignment = Assignment.objects.get()
    assert (assignment.worksheet, assignment.about_client, assignment.points) == (
        "free_text",
        False,
        Decimal("5.5"),
    )


def test_case_formulation_needs_two_behaviors(client, trainer, course, module):
    client.force_login(trainer)
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    for behaviors in ["", "Overdose last month", "  \n Overdose \n\n"]:
        response = client.post(
            create, form_data(worksheet="case_formulation", case_behaviors=behaviors)
        )
        assert response.status_code == HTTPStatus.OK
        assert response.context["form"].errors["case_behaviors"] == [
            "List at least two of the case's behaviors, one per line, for the trainee to order "
            "by stage-1 priority."
        ]
        assert 'aria-describedby="id_case_behaviors_helptext id_case_behaviors_error"' in (
            response.content.decode()
        )
    assert not Assignment.objects.exists()
    client.post(
        create,
        form_data(
            worksheet="case_formulation",
            case_behaviors=" Overdose last month \n\nMissed two sessions\nSkips skills group\n",
        ),
    )
    assignment = Assignment.objects.get()
    assert assignment.behaviors == [
        "Overdose last month",
        "Missed two sessions",
        "Skips skills group",
    ]


def test_case_behaviors_are_listed_once(course, module):
    with pytest.raises(ValidationError) as error:
        services.create_assignment(
            module=module,
            title="Targets",
            worksheet="case_formulation",
            case_behaviors="Self-harm\nMissed sessions\n Self-harm ",
        )
    assert error.value.message_dict == {
        "case_behaviors": ["List each behavior once: “Self-harm” appears twice."]
    }
    assert not Assignment.objects.exists()


def test_case_behaviors_are_dropped_for_other_worksheets(course, module):
    assignment = services.create_assignment(
        module=module, title="Chain", worksheet="chain_analysis", case_behaviors="A\nB"
    )
    assert assignment.case_behaviors == ""


def test_another_courses_rubric_is_a_form_error(client, trainer, course, module, rubric):
    foreign = RubricFactory(course=CourseFactory(), title="Someone else's rubric")
    client.force_login(trainer)
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    response = client.post(create, form_data(rubric=foreign.pk))
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["rubric"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert not Assignment.objects.exists()
    page = response.content.decode()
    assert "Chain analysis rubric (6 points)" in page
    assert "Someone else" not in page
    with pytest.raises(ValidationError):
        services.create_assignment(module=module, title="X", worksheet="free_text", rubric=foreign)
    assert not Assignment.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("points", "0"),
        ("points", "1000.01"),
        ("points", "-3"),
        ("points", "ten"),
        ("title", ""),
        ("worksheet", "essay"),
    ],
)
def test_bad_fields_are_form_errors_and_create_nothing(
    client, trainer, course, module, field, value
):
    client.force_login(trainer)
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    response = client.post(create, form_data(**{field: value}))
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["form"].errors) == [field]
    assert not Assignment.objects.exists()


# --- editing --------------------------------------------------------------------------------------


def test_changing_the_scale_of_a_graded_assignment_keeps_given_scores(
    client, trainer, course, assignment, submission
):
    given = GradeFactory(
        submission=submission,
        graded_by=trainer,
        score=Decimal(4),
        max_score=Decimal(6),
        released=False,
    )
    client.force_login(trainer)
    page = reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk])
    assert "grades already given keep their scores" in client.get(page).content.decode()
    response = client.post(page, form_data(title="Chain analysis", points="20"), follow=True)
    assignment.refresh_from_db()
    assert (assignment.title, assignment.rubric, assignment.points) == (
        "Chain analysis",
        None,
        Decimal(20),
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Saved the assignment “Chain analysis”. Grades already given keep their scores; new "
        "grades use the new scale."
    ]
    given.refresh_from_db()
    assert (given.score, given.max_score) == (Decimal(4), Decimal(6))


def test_worksheet_kind_is_fixed_once_trainees_started(
    client, trainer, course, assignment, submission, rubric
):
    client.force_login(trainer)
    page = reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk])
    before = snapshot()
    response = client.post(page, form_data(worksheet="free_text", rubric=rubric.pk))
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["worksheet"] == [
        "Trainees have started this worksheet, so its kind can no longer change. Create a new "
        "assignment instead."
    ]
    assert snapshot() == before


# --- deleting and moving --------------------------------------------------------------------------


def test_deleting_a_submitted_assignment_is_refused(
    client, trainer, course, assignment, submission
):
    client.force_login(trainer)
    delete = reverse("assignment_authoring:assignment_delete", args=[course.slug, assignment.pk])
    assert "cannot be deleted" in client.get(delete).content.decode()
    response = client.post(delete, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "assignment_authoring:assignment", args=[course.slug, assignment.pk]
    )
    assert [str(m) for m in response.context["messages"]] == [
        "1 trainee has submitted “Chain analysis of a missed session”; their work and grades are "
        "part of the record, so it cannot be deleted."
    ]
    assert Assignment.objects.filter(pk=assignment.pk).exists()
    assert Submission.objects.filter(pk=submission.pk).exists()


def test_deleting_takes_drafts_and_renumbers(client, trainer, course, module, enrollment):
    first = services.create_assignment(module=module, title="First", worksheet="free_text")
    second = services.create_assignment(module=module, title="Second", worksheet="diary_card")
    Submission.objects.create(assignment=first, enrollment=enrollment, saved_at=timezone.now())
    client.force_login(trainer)
    delete = reverse("assignment_authoring:assignment_delete", args=[course.slug, first.pk])
    assert "1 trainee draft will be deleted" in client.get(delete).content.decode()
    response = client.post(delete)
    assert response.url == reverse("authoring:course", args=[course.slug]) + f"#module-{module.pk}"
    assert list(Assignment.objects.values_list("title", "position")) == [("Second", 1)]
    assert not Submission.objects.exists()
    second.refresh_from_db()
    assert second.position == 1


def test_moving_assignments(client, trainer, course, module):
    first = services.create_assignment(module=module, title="First", worksheet="free_text")
    second = services.create_assignment(module=module, title="Second", worksheet="free_text")
    client.force_login(trainer)
    move = reverse("assignment_authoring:assignment_move", args=[course.slug, second.pk])
    response = client.post(move, {"direction": "up"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Moved “Second” up."]
    assert list(Assignment.objects.order_by("position").values_list("title", flat=True)) == [
        "Second",
        "First",
    ]
    response = client.post(move, {"direction": "up"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["“Second” is already first."]
    assert client.post(move, {"direction": "sideways"}).status_code == HTTPStatus.BAD_REQUEST
    first.refresh_from_db()
    assert first.position == 2


# --- the course editor and course copies ----------------------------------------------------------


def test_course_editor_lists_assignments_and_links(
    client, trainer, course, module, assignment, monkeypatch, django_assert_num_queries
):
    free = services.create_assignment(
        module=module, title="Reflection", worksheet="free_text", points=Decimal("7.5")
    )
    with django_assert_num_queries(1):
        items = services.assignment_authoring_items(course, [module])
    assert [(a.title, a.kind, a.status) for a in items[module.pk].items] == [
        (
            "Chain analysis of a missed session",
            "Behavioral chain analysis",
            "Rubric: Chain analysis rubric",
        ),
        ("Reflection", "Free text", "7.5 points"),
    ]
    assert items[module.pk].items[1].url == reverse(
        "assignment_authoring:assignment", args=[course.slug, free.pk]
    )
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    assert items[module.pk].add_links == [("Add an assignment", create)]

    monkeypatch.setattr(
        activities,
        "_authoring_providers",
        [*activities._authoring_providers, services.assignment_authoring_items],
    )
    client.force_login(trainer)
    page = client.get(reverse("authoring:course", args=[course.slug])).content.decode()
    assert reverse("assignment_authoring:rubrics", args=[course.slug]) in page
    assert reverse("assignment_authoring:weights", args=[course.slug]) in page
    assert create in page
    assert "Rubric: Chain analysis rubric" in page


def test_duplicating_a_course_copies_rubrics_assignments_and_weights(
    trainer, course, module, assignment, submission, monkeypatch
):
    monkeypatch.setattr(activities, "_copiers", [services.copy_assignments])
    RubricFactory(course=course, title="Unused rubric")
    services.set_gradebook_weights(course=course, quizzes=20, assignments=70, attendance=10)
    copy = duplicate_course(course=course, author=trainer, title="Copy", slug="copy")

    copied = Assignment.objects.get(module__course=copy)
    assert copied.module == Module.objects.get(course=copy)
    assert (copied.title, copied.worksheet, copied.instructions_html) == (
        assignment.title,
        assignment.worksheet,
        assignment.instructions_html,
    )
    assert copied.rubric.course == copy and copied.rubric.title == "Chain analysis rubric"
    assert copied.rubric.max_points() == Decimal(6)
    assert list(
        Rubric.objects.filter(course=copy).order_by("title").values_list("title", flat=True)
    ) == [
        "Chain analysis rubric",
        "Unused rubric",
    ]
    criteria = Criterion.objects.filter(rubric=copied.rubric)
    assert list(criteria.values_list("title", flat=True)) == [
        "Links are specific",
        "Solutions fit each link",
    ]
    assert list(
        Level.objects.filter(criterion__rubric=copied.rubric).values_list("title", "points")
    ) == [
        ("Missing", Decimal(0)),
        ("Partial", Decimal(1)),
        ("Complete", Decimal(2)),
        ("Missing", Decimal(0)),
        ("Partial", Decimal(2)),
        ("Complete", Decimal(4)),
    ]
    assert BankComment.objects.filter(criterion__rubric=copied.rubric).count() == 4
    assert not Submission.objects.filter(assignment=copied).exists()
    weights = GradebookWeights.objects.get(course=copy)
    assert (weights.quizzes, weights.assignments, weights.attendance) == (20, 70, 10)
    # The original is untouched.
    assert assignment.rubric.course == course
    assert Rubric.objects.filter(course=course).count() == 2


def test_copying_runs_a_fixed_number_of_queries(trainer):
    counts = []
    for size in (1, 6):
        course = CourseFactory(authors=[trainer])
        module = ModuleFactory(course=course, position=1)
        for n in range(size):
            AssignmentFactory(
                module=module,
                title=f"Assignment {n}",
                worksheet="chain_analysis",
                rubric=RubricFactory(course=course, title=f"Rubric {n}"),
            )
        AssignmentFactory(module=module, title="Free")
        services.set_gradebook_weights(course=course, quizzes=0, assignments=3, attendance=1)
        modules = list(Module.objects.filter(course=course))
        target = CourseFactory()
        new_modules = [ModuleFactory(course=target, position=m.position) for m in modules]
        with CaptureQueriesContext(connection) as queries:
            services.copy_assignments(dict(zip([m.pk for m in modules], new_modules, strict=True)))
        counts.append(len(queries))
        assert Assignment.objects.filter(module__course=target).count() == size + 1
        assert Level.objects.filter(criterion__rubric__course=target).count() == size * 6
    assert counts[0] == counts[1]


def test_copying_nothing_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        services.copy_assignments({})


# --- gradebook weights ----------------------------------------------------------------------------


def test_weights_start_from_the_defaults_and_save(client, trainer, course):
    client.force_login(trainer)
    page = reverse("assignment_authoring:weights", args=[course.slug])
    response = client.get(page)
    assert response.context["form"].initial == {"quizzes": 40, "assignments": 50, "attendance": 10}
    assert "80%" in response.content.decode()  # the course's pass mark
    response = client.post(page, {"quizzes": "30", "assignments": "60", "attendance": "0"})
    assert response.url == page
    weights = GradebookWeights.objects.get(course=course)
    assert (weights.quizzes, weights.assignments, weights.attendance) == (30, 60, 0)
    shares = client.get(page).context["shares"]
    assert shares == [("Quizzes", 30, 33), ("Assignments", 60, 66), ("Attendance", 0, 0)]
    client.post(page, {"quizzes": "1", "assignments": "1", "attendance": "1"})
    assert GradebookWeights.objects.filter(course=course).count() == 1
    weights.refresh_from_db()
    assert (weights.quizzes, weights.assignments, weights.attendance) == (1, 1, 1)


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (
            {"quizzes": "0", "assignments": "0", "attendance": "0"},
            {"__all__": ["At least one category needs a weight above 0."]},
        ),
        (
            {"quizzes": "101", "assignments": "0", "attendance": "0"},
            {"quizzes": ["Ensure this value is less than or equal to 100."]},
        ),
        (
            {"quizzes": "-1", "assignments": "5", "attendance": "0"},
            {"quizzes": ["Ensure this value is greater than or equal to 0."]},
        ),
        (
            {"quizzes": "2.5", "assignments": "5", "attendance": ""},
            {"quizzes": ["Enter a whole number."], "attendance": ["This field is required."]},
        ),
    ],
)
def test_bad_weights_change_nothing(client, trainer, course, data, errors):
    services.set_gradebook_weights(course=course, quizzes=40, assignments=50, attendance=10)
    client.force_login(trainer)
    response = client.post(reverse("assignment_authoring:weights", args=[course.slug]), data)
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors == errors
    weights = GradebookWeights.objects.get(course=course)
    assert (weights.quizzes, weights.assignments, weights.attendance) == (40, 50, 10)


def test_weights_service_validates(course):
    with pytest.raises(ValidationError) as error:
        services.set_gradebook_weights(course=course, quizzes=0, assignments=0, attendance=0)
    assert error.value.messages == ["At least one category needs a weight above 0."]
    with pytest.raises(ValidationError) as error:
        services.set_gradebook_weights(course=course, quizzes=200, assignments=1, attendance=-1)
    assert sorted(error.value.message_dict) == ["attendance", "quizzes"]
    assert not GradebookWeights.objects.exists()


# --- admin ----------------------------------------------------------------------------------------


def test_admin_lists_the_new_models(admin_client, assignment, submission, trainer):
    GradeFactory(
        submission=submission,
        graded_by=trainer,
        score=Decimal(4),
        max_score=Decimal(6),
        released=False,
    )
    services.set_gradebook_weights(
        course=assignment.module.course, quizzes=1, assignments=1, attendance=1
    )
    for model in [
        "rubric",
        "criterion",
        "assignment",
        "submission",
        "grade",
        "gradeoverride",
        "gradechange",
        "gradebookweights",
        "nudge",
        "quiz",
    ]:
        response = admin_client.get(reverse(f"admin:assessments_{model}_changelist"))
        assert response.status_code == HTTPStatus.OK, model
    grade_page = reverse("admin:assessments_grade_change", args=[Grade.objects.get().pk])
    assert admin_client.get(grade_page).status_code == HTTPStatus.OK
    assert admin_client.post(grade_page, {"score": "6"}).status_code == HTTPStatus.FORBIDDEN
    assert Grade.objects.get().score == Decimal(4)
    assert Course.objects.count() >= 1


def test_a_rubric_without_points_cannot_be_chosen(client, trainer, course, module):
    """It would grade every worksheet 0 / 0 (found in review)."""
    from assessments.models import Rubric

    empty = Rubric.objects.create(course=course, title="Empty")
    client.force_login(trainer)
    create = reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])
    response = client.post(create, form_data(rubric=empty.pk))
    assert response.status_code == HTTPStatus.OK
    assert "“Empty” has no criteria with points yet" in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_module_with_handed_in_work_cannot_be_deleted_but_one_with_drafts_only_can():
    from django.core.exceptions import ValidationError

    from modules.services import delete_module

    handed_in = SubmissionFactory(assignment__title="Chain analysis")
    module = handed_in.assignment.module
    ModuleFactory(course=module.course, position=2, lessons=1)

    with pytest.raises(ValidationError) as refused:
        delete_module(module=module)

    assert refused.value.messages == [
        "Trainees have submitted “Chain analysis”; their work and grades are part of the record, "
        "so the module cannot be deleted."
    ]
    assert Submission.objects.filter(pk=handed_in.pk).exists()

    draft = SubmissionFactory(status="draft")
    other = draft.assignment.module
    ModuleFactory(course=other.course, position=2, lessons=1)
    delete_module(module=other)
    assert not Module.objects.filter(pk=other.pk).exists()
    assert not Submission.objects.filter(pk=draft.pk).exists()
