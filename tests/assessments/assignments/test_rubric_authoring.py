"""Authoring rubrics: who may, criteria with levels and comment banks, the rules on levels and
points, delete and move, and a rubric editor whose query count does not grow with its criteria."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.assignments import authoring as services
from assessments.assignments.authoring import LevelData
from assessments.models import (
    Assignment,
    BankComment,
    Criterion,
    CriterionScore,
    Grade,
    Level,
    Rubric,
)
from tests.factories import CourseFactory, RubricFactory

pytestmark = pytest.mark.django_db


def rubric_urls(course, rubric):
    criterion = rubric.criteria.first()
    args = [course.slug, rubric.pk]
    return [
        reverse("assignment_authoring:rubrics", args=[course.slug]),
        reverse("assignment_authoring:rubric", args=args),
        reverse("assignment_authoring:rubric_delete", args=args),
        reverse("assignment_authoring:criterion_create", args=args),
        reverse("assignment_authoring:criterion", args=[*args, criterion.pk]),
        reverse("assignment_authoring:criterion_delete", args=[*args, criterion.pk]),
    ]


def snapshot() -> tuple:
    """Everything a rubric page could change."""
    return (
        list(Rubric.objects.order_by("pk").values_list("pk", "course_id", "title", "description")),
        list(Criterion.objects.order_by("pk").values_list("pk", "rubric_id", "title", "position")),
        list(Level.objects.order_by("pk").values_list("pk", "criterion_id", "title", "points")),
        list(BankComment.objects.order_by("pk").values_list("pk", "criterion_id", "text")),
    )


def criterion_data(levels, comments="", title="Validates the client", description="", **extra):
    """A criterion form post: `levels` as (title, points, description[, id]) tuples."""
    data = {
        "title": title,
        "description": description,
        "comments": comments,
        "levels-TOTAL_FORMS": str(len(levels)),
        "levels-INITIAL_FORMS": str(sum(1 for level in levels if len(level) > 3)),
        "levels-MIN_NUM_FORMS": "0",
        "levels-MAX_NUM_FORMS": "12",
    }
    for n, level in enumerate(levels):
        data[f"levels-{n}-title"] = level[0]
        data[f"levels-{n}-points"] = level[1]
        data[f"levels-{n}-description"] = level[2]
        if len(level) > 3:
            data[f"levels-{n}-id"] = level[3]
        if len(level) > 4 and level[4]:
            data[f"levels-{n}-DELETE"] = "on"
    data.update(extra)
    return data


# --- who may --------------------------------------------------------------------------------------


def test_visitor_trainee_and_other_trainer_are_kept_out(
    client, course, rubric, trainee, other_trainer
):
    urls = rubric_urls(course, rubric)
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
    criterion = rubric.criteria.first()
    args = [course.slug, rubric.pk]
    posts = [
        (reverse("assignment_authoring:rubrics", args=[course.slug]), {"title": "Mine now"}),
        (reverse("assignment_authoring:rubric", args=args), {"title": "Renamed"}),
        (reverse("assignment_authoring:rubric_delete", args=args), {}),
        (
            reverse("assignment_authoring:criterion_create", args=args),
            criterion_data([("A", "0", ""), ("B", "1", "")]),
        ),
        (
            reverse("assignment_authoring:criterion_move", args=[*args, criterion.pk]),
            {"direction": "down"},
        ),
        (reverse("assignment_authoring:criterion_delete", args=[*args, criterion.pk]), {}),
    ]
    for page, data in posts:
        assert client.post(page, data).status_code == HTTPStatus.FORBIDDEN, page
    client.force_login(trainee)
    for page, data in posts:
        assert client.post(page, data).status_code == HTTPStatus.FORBIDDEN, page
    assert snapshot() == before


def test_author_opens_every_page(client, trainer, course, rubric):
    client.force_login(trainer)
    for page in rubric_urls(course, rubric):
        assert client.get(page).status_code == HTTPStatus.OK, page


def test_another_courses_rubric_and_criterion_are_404(client, trainer, course, rubric):
    mine = CourseFactory(authors=[trainer])
    other = RubricFactory(course=mine, title="Mine")
    client.force_login(trainer)
    assert (
        client.get(reverse("assignment_authoring:rubric", args=[mine.slug, rubric.pk])).status_code
        == 404
    )
    foreign_criterion = other.criteria.first()
    page = reverse(
        "assignment_authoring:criterion", args=[course.slug, rubric.pk, foreign_criterion.pk]
    )
    assert client.get(page).status_code == HTTPStatus.NOT_FOUND
    before = snapshot()
    delete = reverse(
        "assignment_authoring:criterion_delete", args=[course.slug, rubric.pk, foreign_criterion.pk]
    )
    assert client.post(delete).status_code == HTTPStatus.NOT_FOUND
    assert snapshot() == before


# --- rubrics --------------------------------------------------------------------------------------


def test_rubric_list_shows_max_points_and_creates(client, trainer, course, rubric, assignment):
    client.force_login(trainer)
    page = reverse("assignment_authoring:rubrics", args=[course.slug])
    response = client.get(page)
    listed = list(response.context["rubrics"])
    assert [(r.title, r.criterion_count, r.assignment_count, r.max_points()) for r in listed] == [
        ("Chain analysis rubric", 2, 1, Decimal(6))
    ]
    assert "6 points" in response.content.decode()
    response = client.post(page, {"title": "Diary card review", "description": "Weekly."})
    created = Rubric.objects.get(title="Diary card review")
    assert response.url == reverse("assignment_authoring:rubric", args=[course.slug, created.pk])
    assert (created.course, created.description) == (course, "Weekly.")


def test_rubric_without_a_title_is_a_form_error(client, trainer, course, rubric):
    client.force_login(trainer)
    before = snapshot()
    response = client.post(
        reverse("assignment_authoring:rubrics", args=[course.slug]), {"title": ""}
    )
    assert response.context["form"].errors == {"title": ["This field is required."]}
    response = client.post(
        reverse("assignment_authoring:rubric", args=[course.slug, rubric.pk]), {"title": " "}
    )
    assert response.context["form"].errors == {"title": ["This field is required."]}
    assert snapshot() == before


def test_rubric_editor_shows_criteria_levels_and_bank(client, trainer, course, rubric, assignment):
    client.force_login(trainer)
    response = client.get(reverse("assignment_authoring:rubric", args=[course.slug, rubric.pk]))
    page = response.content.decode()
    assert response.context["rubric"].max_points() == Decimal(6)
    assert [c.title for c in response.context["criteria"]] == [
        "Links are specific",
        "Solutions fit each link",
    ]
    for text in [
        "Links are specific",
        "Complete",
        "Good work on: links are specific.",
        "Say what happened moment by moment.",
        assignment.title,
        "6 points",
    ]:
        assert text in page, text


def test_renaming_a_rubric(client, trainer, course, rubric):
    client.force_login(trainer)
    page = reverse("assignment_authoring:rubric", args=[course.slug, rubric.pk])
    response = client.post(page, {"title": "Chain analysis (v2)", "description": "Stage 1 cases."})
    assert response.url == page
    rubric.refresh_from_db()
    assert (rubric.title, rubric.description) == ("Chain analysis (v2)", "Stage 1 cases.")


def test_deleting_a_rubric_in_use_names_the_assignment(client, trainer, course, rubric, assignment):
    client.force_login(trainer)
    delete = reverse("assignment_authoring:rubric_delete", args=[course.slug, rubric.pk])
    assert "Chain analysis of a missed session" in client.get(delete).content.decode()
    before = snapshot()
    response = client.post(delete, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "“Chain analysis rubric” is used by the assignment “Chain analysis of a missed session”. "
        "Choose another rubric (or none) there first."
    ]
    assert snapshot() == before
    assignment.refresh_from_db()
    assert assignment.rubric == rubric


def test_deleting_an_unused_rubric(client, trainer, course, rubric):
    client.force_login(trainer)
    response = client.post(
        reverse("assignment_authoring:rubric_delete", args=[course.slug, rubric.pk])
    )
    assert response.url == reverse("assignment_authoring:rubrics", args=[course.slug])
    assert not Rubric.objects.exists()
    assert not Level.objects.exists() and not BankComment.objects.exists()


def test_deleting_a_rubric_that_scored_grades_is_refused(
    trainer, course, rubric, assignment, submission
):
    criterion = rubric.criteria.first()
    grade = Grade.objects.create(
        submission=submission,
        enrollment=submission.enrollment,
        score=Decimal(1),
        max_score=Decimal(6),
        graded_by=trainer,
        graded_at=timezone.now(),
    )
    CriterionScore.objects.create(grade=grade, criterion=criterion, points=Decimal(1))
    services.update_assignment(
        assignment=assignment, title=assignment.title, worksheet="chain_analysis", rubric=None
    )
    before = snapshot()
    with pytest.raises(ValidationError) as error:
        services.delete_rubric(rubric=rubric)
    assert error.value.messages == [
        "Grades were given with “Chain analysis rubric”, and their criterion scores are part of "
        "the record, so it cannot be deleted."
    ]
    assert snapshot() == before
    assert CriterionScore.objects.count() == 1


def test_delete_rubric_names_every_assignment(course, module, rubric):
    for title in ("Chain A", "Chain B"):
        services.create_assignment(
            module=module, title=title, worksheet="chain_analysis", rubric=rubric
        )
    with pytest.raises(ValidationError) as error:
        services.delete_rubric(rubric=rubric)
    assert error.value.messages == [
        "“Chain analysis rubric” is used by the assignments “Chain A”, “Chain B”. "
        "Choose another rubric (or none) there first."
    ]


# --- criteria -------------------------------------------------------------------------------------


def test_adding_a_criterion_with_levels_and_a_comment_bank(client, trainer, course, rubric):
    client.force_login(trainer)
    page = reverse("assignment_authoring:criterion_create", args=[course.slug, rubric.pk])
    form = client.get(page).context["formset"]
    assert len(form.forms) == 4
    response = client.post(
        page,
        criterion_data(
            [
                ("Not yet", "0", "Judges or argues."),
                ("Partly", "1.5", ""),
                ("", "", ""),  # an empty row is ignored
                ("Fully", "3", "Reflects and normalises."),
            ],
            comments="Name the emotion you heard.\n\n  Validate before problem solving.  \n",
            description="Levels 1–6 of validation.",
        ),
    )
    criterion = Criterion.objects.get(title="Validates the client")
    assert (
        response.url
        == reverse("assignment_authoring:rubric", args=[course.slug, rubric.pk])
        + f"#criterion-{criterion.pk}"
    )
    assert (criterion.rubric, criterion.description) == (rubric, "Levels 1–6 of validation.")
    assert list(rubric.criteria.values_list("title", flat=True)) == [
        "Links are specific",
        "Solutions fit each link",
        "Validates the client",
    ]
    assert list(criterion.levels.values_list("title", "points", "description", "position")) == [
        ("Not yet", Decimal(0), "Judges or argues.", 1),
        ("Partly", Decimal("1.5"), "", 2),
        ("Fully", Decimal(3), "Reflects and normalises.", 3),
    ]
    assert list(criterion.bank_comments.values_list("text", "position")) == [
        ("Name the emotion you heard.", 1),
        ("Validate before problem solving.", 2),
    ]
    rubric = Rubric.objects.prefetch_related("criteria__levels").get(pk=rubric.pk)
    assert rubric.max_points() == Decimal(9)


def test_levels_may_share_points(course, rubric):
    criterion = services.save_criterion(
        rubric=rubric,
        title="Same points",
        levels=[LevelData("Absent", Decimal(0)), LevelData("Also absent", Decimal(0))],
    )
    assert criterion.levels.count() == 2


@pytest.mark.parametrize(
    ("levels", "problem"),
    [
        ([("Only one", "2", "")], "A criterion needs at least 2 levels"),
        ([("", "", ""), ("", "", "")], "A criterion needs at least 2 levels"),
        ([("Low", "0", ""), ("High", "1000.01", "")], "less than or equal to 1000"),
        ([("Low", "-1", ""), ("High", "2", "")], "greater than or equal to 0"),
        ([("Low", "0", ""), ("", "2", "")], "Give this level a name"),
        ([("Low", "0", ""), ("High", "", "Has no points")], "Give this level its points"),
        ([("Low", "0", ""), ("High", "two", "")], "Enter a number."),
        ([("Low", "0", ""), ("High", "1.005", "")], "no more than 2 decimal places"),
    ],
)
def test_bad_levels_are_form_errors_and_change_nothing(
    client, trainer, course, rubric, levels, problem
):
    client.force_login(trainer)
    before = snapshot()
    response = client.post(
        reverse("assignment_authoring:criterion_create", args=[course.slug, rubric.pk]),
        criterion_data(levels),
    )
    assert response.status_code == HTTPStatus.OK
    assert problem in response.content.decode()
    assert 'id="form-error-summary"' in response.content.decode()
    assert snapshot() == before


def test_a_criterion_needs_a_title(client, trainer, course, rubric):
    client.force_login(trainer)
    before = snapshot()
    response = client.post(
        reverse("assignment_authoring:criterion_create", args=[course.slug, rubric.pk]),
        criterion_data([("A", "0", ""), ("B", "1", "")], title=""),
    )
    assert response.context["form"].errors == {"title": ["This field is required."]}
    assert snapshot() == before


def test_too_many_level_rows_are_refused(client, trainer, course, rubric):
    client.force_login(trainer)
    before = snapshot()
    response = client.post(
        reverse("assignment_authoring:criterion_create", args=[course.slug, rubric.pk]),
        criterion_data([(f"L{n}", str(n), "") for n in range(13)]),
    )
    assert response.status_code == HTTPStatus.OK
    assert "Please submit at most 12 forms." in response.content.decode()
    assert snapshot() == before


def test_editing_a_criterion_changes_levels_in_place(client, trainer, course, rubric):
    criterion = rubric.criteria.first()
    missing, partial, complete = criterion.levels.all()
    client.force_login(trainer)
    page = reverse("assignment_authoring:criterion", args=[course.slug, rubric.pk, criterion.pk])
    initial = client.get(page).context["form"].initial
    assert initial["comments"] == (
        "Good work on: links are specific.\nSay what happened moment by moment."
    )
    response = client.post(
        page,
        criterion_data(
            [
                ("Absent", "0", "No links.", missing.pk),
                ("Partial", "1", "", partial.pk, True),  # removed
                ("Complete", "3", "Every link.", complete.pk),
                ("Beyond", "4", "", ""),
            ],
            title="Links are specific and complete",
            comments="Only this one now.",
        ),
    )
    assert response.status_code == HTTPStatus.FOUND
    criterion.refresh_from_db()
    assert criterion.title == "Links are specific and complete"
    assert list(criterion.levels.values_list("pk", "title", "points", "position")) == [
        (missing.pk, "Absent", Decimal(0), 1),
        (complete.pk, "Complete", Decimal(3), 2),
        (criterion.levels.get(title="Beyond").pk, "Beyond", Decimal(4), 3),
    ]
    assert not Level.objects.filter(pk=partial.pk).exists()
    assert list(criterion.bank_comments.values_list("text", flat=True)) == ["Only this one now."]


def test_a_level_id_of_another_criterion_is_not_taken_over(course, rubric):
    first, second = rubric.criteria.all()
    foreign = second.levels.first()
    services.save_criterion(
        rubric=rubric,
        criterion=first,
        title=first.title,
        levels=[LevelData("A", Decimal(0), pk=foreign.pk), LevelData("B", Decimal(1))],
    )
    foreign.refresh_from_db()
    assert (foreign.criterion, foreign.title) == (second, "Missing")
    assert list(first.levels.values_list("title", flat=True)) == ["A", "B"]


def test_deleting_a_criterion_renumbers(client, trainer, course, rubric):
    first, second = rubric.criteria.all()
    client.force_login(trainer)
    delete = reverse(
        "assignment_authoring:criterion_delete", args=[course.slug, rubric.pk, first.pk]
    )
    assert "Links are specific" in client.get(delete).content.decode()
    response = client.post(delete)
    assert response.url == reverse("assignment_authoring:rubric", args=[course.slug, rubric.pk])
    assert list(rubric.criteria.values_list("title", "position")) == [
        ("Solutions fit each link", 1)
    ]


def test_deleting_a_scored_criterion_is_refused(
    client, trainer, course, rubric, assignment, submission
):
    criterion = rubric.criteria.first()
    grade = Grade.objects.create(
        submission=submission,
        enrollment=submission.enrollment,
        score=Decimal(2),
        max_score=Decimal(6),
        graded_by=trainer,
        graded_at=timezone.now(),
    )
    CriterionScore.objects.create(
        grade=grade, criterion=criterion, level=criterion.levels.last(), points=Decimal(2)
    )
    client.force_login(trainer)
    before = snapshot()
    response = client.post(
        reverse(
            "assignment_authoring:criterion_delete", args=[course.slug, rubric.pk, criterion.pk]
        ),
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Graders have scored “Links are specific”, and those scores would be lost; it cannot be "
        "deleted. You can still edit it."
    ]
    assert snapshot() == before
    assert CriterionScore.objects.count() == 1
    assert "1 grade already given with this rubric" in response.content.decode()


def test_moving_criteria(client, trainer, course, rubric):
    first, second = rubric.criteria.all()
    client.force_login(trainer)
    move = reverse("assignment_authoring:criterion_move", args=[course.slug, rubric.pk, first.pk])
    response = client.post(move, {"direction": "down"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Moved “Links are specific” down."]
    assert list(rubric.criteria.order_by("position").values_list("title", flat=True)) == [
        "Solutions fit each link",
        "Links are specific",
    ]
    response = client.post(move, {"direction": "down"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "“Links are specific” is already last."
    ]
    assert client.post(move, {"direction": "left"}).status_code == HTTPStatus.BAD_REQUEST


def test_save_criterion_refuses_a_criterion_of_another_rubric(course, rubric):
    other = RubricFactory(course=course, title="Other")
    before = snapshot()
    with pytest.raises(ValidationError):
        services.save_criterion(
            rubric=rubric,
            criterion=other.criteria.first(),
            title="Moved?",
            levels=[LevelData("A", Decimal(0)), LevelData("B", Decimal(1))],
        )
    assert snapshot() == before


# --- query counts ---------------------------------------------------------------------------------


def add_criteria(rubric, count):
    for n in range(count):
        services.save_criterion(
            rubric=rubric,
            title=f"Criterion {n}",
            levels=[LevelData(f"Level {p}", Decimal(p)) for p in range(4)],
            comments=[f"Comment {n}.{c}" for c in range(3)],
        )


def page_query_counts(client, course, module, rubric) -> list[int]:
    criterion = rubric.criteria.last()
    pages = [
        reverse("assignment_authoring:rubric", args=[course.slug, rubric.pk]),
        reverse("assignment_authoring:rubrics", args=[course.slug]),
        reverse("assignment_authoring:criterion", args=[course.slug, rubric.pk, criterion.pk]),
        reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk]),
    ]
    counts = []
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page).status_code == HTTPStatus.OK
        counts.append(len(queries))
    return counts


def test_rubric_pages_query_counts_are_flat_for_2_and_10_criteria(
    client, trainer, course, module, django_assert_max_num_queries
):
    rubric = services.create_rubric(course=course, title="Big rubric")
    client.force_login(trainer)
    add_criteria(rubric, 2)
    Assignment.objects.create(module=module, title="A0", worksheet="free_text", rubric=rubric)
    small = page_query_counts(client, course, module, rubric)
    add_criteria(rubric, 8)
    RubricFactory(course=course, title="Another rubric")
    for n in range(1, 10):
        Assignment.objects.create(
            module=module, title=f"A{n}", worksheet="free_text", rubric=rubric
        )
    large = page_query_counts(client, course, module, rubric)
    assert small == large
    with django_assert_max_num_queries(13):
        response = client.get(reverse("assignment_authoring:rubric", args=[course.slug, rubric.pk]))
    assert len(response.context["criteria"]) == 10
    assert len(response.context["assignments"]) == 10
    assert response.context["rubric"].max_points() == Decimal(30)
