from http import HTTPStatus

import pytest
from django.urls import reverse

from courses.models import CourseStatus
from modules.models import Lesson
from tests.factories import CourseFactory, LessonFactory, ModuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(trainer):
    course = CourseFactory(
        slug="dbt-foundations",
        title="DBT Foundations",
        status=CourseStatus.PUBLISHED,
        ce_hours="24.00",
        learning_objectives="Explain the biosocial theory\n- Order the stage-1 targets",
        authors=[trainer],
    )
    theory = ModuleFactory(
        course=course, title="Biosocial theory", position=1, component="foundations"
    )
    skills = ModuleFactory(
        course=course,
        title="Distress tolerance",
        position=2,
        component="skills_training_group",
        skills_modules=["distress_tolerance"],
    )
    targets = ModuleFactory(
        course=course,
        title="Stage-1 targets",
        position=3,
        component="individual_therapy",
        treatment_priorities=["life_threatening"],
    )
    mindful = ModuleFactory(
        course=course,
        title="Mindfulness",
        position=4,
        component="skills_training_group",
        skills_modules=["mindfulness"],
    )
    for module in (theory, skills, targets, mindful):
        LessonFactory(module=module, title=f"{module.title}: overview", estimated_minutes=20)
    return course


def test_catalogue_lists_published_courses_only(client, published):
    CourseFactory(title="Draft course")

    response = client.get(reverse("catalogue:list"))

    assert response.status_code == HTTPStatus.OK
    courses = list(response.context["courses"])
    assert [(c.title, c.module_count, c.lesson_count) for c in courses] == [
        ("DBT Foundations", 4, 4)
    ]
    assert "Draft course" not in response.content.decode()


def test_course_page_groups_the_outline_by_dbt_component_in_dbt_order(client, published):
    response = client.get(reverse("catalogue:course", args=["dbt-foundations"]))

    assert response.status_code == HTTPStatus.OK
    groups = [(g.label, [m.title for m in g.modules]) for g in response.context["components"]]
    assert groups == [
        ("Foundations", ["Biosocial theory"]),
        ("Individual therapy", ["Stage-1 targets"]),
        ("Skills training group", ["Distress tolerance", "Mindfulness"]),
    ]
    html = response.content.decode()
    assert "Target: Life-threatening behaviors" in html
    assert "Skills: Distress tolerance" in html
    assert "<li>Order the stage-1 targets</li>" in html
    assert "24 CE hours" in html or ">24<" in html


def test_draft_course_page_is_not_found(client, trainer):
    CourseFactory(slug="secret-draft", authors=[trainer])

    assert client.get(reverse("catalogue:course", args=["secret-draft"])).status_code == 404


def test_author_sees_an_edit_link_on_the_public_page(client, published, trainer, trainee):
    client.force_login(trainee)
    assert "Edit this course" not in client.get(published.get_absolute_url()).content.decode()
    client.force_login(trainer)
    assert "Edit this course" in client.get(published.get_absolute_url()).content.decode()


# CourseFactory's modules: skills training group modules, each the prerequisite of the next.
SKILLS_PATH = {
    "modules__component": "skills_training_group",
    "modules__skills_modules": ["emotion_regulation"],
    "modules__treatment_priorities": ["behavioral_skills"],
    "modules__chained": True,
}


def test_catalogue_and_outline_queries_do_not_grow_with_50_modules_of_10_lessons(
    client, trainer, django_assert_max_num_queries
):
    small = CourseFactory(
        slug="small", status=CourseStatus.PUBLISHED, modules=1, modules__lessons=1, **SKILLS_PATH
    )
    large = CourseFactory(
        slug="large", status=CourseStatus.PUBLISHED, modules=50, modules__lessons=10, **SKILLS_PATH
    )
    for n in range(20):
        CourseFactory(slug=f"other-{n}", status=CourseStatus.PUBLISHED)
    client.force_login(trainer)

    # session, user, the two permission lookups of the menu, and one for the courses.
    with django_assert_max_num_queries(5):
        assert client.get(reverse("catalogue:list")).status_code == 200
    for course in (small, large):
        # session, user, course, editable check, perms (2), modules, lessons, attachments,
        # prerequisites, open cohorts: the same for 1 lesson as for 500.
        with django_assert_max_num_queries(11):
            response = client.get(reverse("catalogue:course", args=[course.slug]))
        assert response.status_code == 200
    assert len(response.context["modules"]) == 50


def test_authoring_editor_queries_do_not_grow(client, trainer, django_assert_max_num_queries):
    small = CourseFactory(
        slug="small", status=CourseStatus.PUBLISHED, modules=1, modules__lessons=1, **SKILLS_PATH
    )
    large = CourseFactory(
        slug="large", status=CourseStatus.PUBLISHED, modules=50, modules__lessons=10, **SKILLS_PATH
    )
    small.authors.add(trainer)
    large.authors.add(trainer)
    client.force_login(trainer)

    # One query per registered provider (quizzes, assignments) on top of the editor's own.
    for course in (small, large):
        with django_assert_max_num_queries(13):
            response = client.get(reverse("authoring:course", args=[course.slug]))
        assert response.status_code == 200


def test_lesson_preview_links_to_neighbours_across_modules(client, trainer):
    course = CourseFactory(
        slug="three", status=CourseStatus.PUBLISHED, modules=3, modules__lessons=2, **SKILLS_PATH
    )
    course.authors.add(trainer)
    client.force_login(trainer)
    lessons = list(
        Lesson.objects.filter(module__course=course).in_course_order().values_list("pk", flat=True)
    )

    def neighbours(pk):
        context = client.get(reverse("authoring:lesson_preview", args=[course.slug, pk])).context
        return (
            context["previous_lesson"] and context["previous_lesson"].pk,
            context["next_lesson"] and context["next_lesson"].pk,
        )

    assert neighbours(lessons[0]) == (None, lessons[1])
    assert neighbours(lessons[1]) == (lessons[0], lessons[2])  # into the next module
    assert neighbours(lessons[2]) == (lessons[1], lessons[3])  # back into the previous one
    assert neighbours(lessons[5]) == (lessons[4], None)


def test_lesson_preview_queries_do_not_grow(client, trainer, django_assert_max_num_queries):
    small = CourseFactory(
        slug="small", status=CourseStatus.PUBLISHED, modules=1, modules__lessons=1, **SKILLS_PATH
    )
    large = CourseFactory(
        slug="large", status=CourseStatus.PUBLISHED, modules=50, modules__lessons=10, **SKILLS_PATH
    )
    for course in (small, large):
        course.authors.add(trainer)
    client.force_login(trainer)

    for course in (small, large):
        lesson = Lesson.objects.filter(module__course=course).in_course_order().last()
        with django_assert_max_num_queries(11):
            response = client.get(
                reverse("authoring:lesson_preview", args=[course.slug, lesson.pk])
            )
        assert response.status_code == 200


def test_cohort_home_shows_the_cohorts_announcements(client, trainee, trainer):
    from courses import services as course_services
    from tests.factories import CohortFactory

    cohort = CohortFactory(name="Spring 2027", capacity=None)
    course_services.enroll(cohort=cohort, user=trainee)
    course_services.post_announcement(
        cohort=cohort, author=trainer, title="Room change", body="We meet online this week."
    )
    client.force_login(trainee)

    html = client.get(reverse("learn:cohort", args=[cohort.pk])).content.decode()

    assert "Room change" in html and "We meet online this week." in html
