"""Issue 25, item 16: lesson and worksheet pages keep their headings in order (axe
`heading-order`): a trainer's "## Section" sits under an <h2>, never straight under the <h1>."""

import re

import pytest
from django.urls import reverse

from modules.content import render_markdown
from tests.factories import AssignmentFactory, LessonFactory

pytestmark = pytest.mark.django_db

BODY = "## Practice\n\nObserve the breath.\n\n### At home\n\nTen minutes a day."


def heading_levels(page: str) -> list[int]:
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    return [int(level) for level in re.findall(r"<h([1-6])\b", main)]


def assert_in_order(levels: list[int]) -> None:
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_lesson_page_headings_go_h1_h2_h3(client, enrollment, module):
    lesson = LessonFactory(
        module=module, position=9, body_markdown=BODY, body_html=render_markdown(BODY)
    )
    client.force_login(enrollment.user)
    page = client.get(reverse("learn:lesson", args=[enrollment.cohort_id, lesson.pk]))
    levels = heading_levels(page.content.decode())
    assert levels[:4] == [1, 2, 3, 4]
    assert '<h2 class="visually-hidden">Lesson text</h2>' in page.content.decode()
    assert_in_order(levels)


def test_lesson_preview_headings_go_h1_h2_h3(client, trainer, course, module):
    lesson = LessonFactory(
        module=module, position=9, body_markdown=BODY, body_html=render_markdown(BODY)
    )
    client.force_login(trainer)
    page = client.get(reverse("authoring:lesson_preview", args=[course.slug, lesson.pk]))
    assert_in_order(heading_levels(page.content.decode()))


@pytest.mark.parametrize("worksheet", ["chain_analysis", "diary_card", "case_formulation"])
def test_worksheet_page_headings_go_h1_h2_h3(client, enrollment, module, worksheet):
    assignment = AssignmentFactory(
        module=module,
        worksheet=worksheet,
        instructions=BODY,
        case_behaviors="Cutting\nMissing sessions",
    )
    client.force_login(enrollment.user)
    page = client.get(reverse("assignments:assignment", args=[enrollment.cohort_id, assignment.pk]))
    text = page.content.decode()
    assert '<h2 id="instructions-title">Instructions</h2>' in text
    levels = heading_levels(text)
    assert levels[:4] == [1, 2, 3, 4]
    assert_in_order(levels)
