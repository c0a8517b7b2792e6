"""A course's question bank: categories, the questions kept in them, and quizzes' random draws.

A question is either a quiz's own (fixed: every attempt shows it) or a bank question (no quiz: an
attempt meets it only through a draw, "N at random from category C"). Either kind may sit in a
category, which is how GIFT's `$CATEGORY` and Moodle XML's categories travel. Each attempt draws
its own questions when it starts and keeps them in `Attempt.question_order`, so the player, the
review, a regrade and item analysis all see exactly what the trainee saw.
"""

import random
from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q, Sum

from assessments.models import Attempt, Question, QuestionCategory, Quiz, QuizDraw, Response
from assessments.quizzes.interchange import join_path, split_path
from assessments.taxonomy import QuestionKind
from courses.models import Course
from modules.services import renumber

# What Moodle writes before a category's own names: a context token ($course$, $system$, …) and
# the context's invisible "top" category.
CONTEXT_TOKEN_PREFIX = "$"
TOP = "top"
# A description is read, not answered: a random draw never picks one.
UNDRAWABLE_KINDS = {QuestionKind.DESCRIPTION}


# --- reads --------------------------------------------------------------------------------------


class CategoryTree:
    """A course's categories, read in one query: paths, descendants and the tree's order."""

    def __init__(self, course_id: int):
        self.by_id = {
            c.pk: c for c in QuestionCategory.objects.filter(course_id=course_id).in_tree_order()
        }
        self.children = defaultdict(list)
        for category in self.by_id.values():
            self.children[category.parent_id].append(category)

    def names(self, category_id: int) -> list[str]:
        names, seen = [], set()
        while category_id is not None and category_id not in seen:
            seen.add(category_id)
            category = self.by_id[category_id]
            names.append(category.name)
            category_id = category.parent_id
        return names[::-1]

    def path(self, category_id: int | None) -> str:
        return join_path(self.names(category_id)) if category_id is not None else ""

    def descendants(self, category_id: int) -> list[int]:
        """The category's id and those of every category inside it."""
        ids, stack = [], [category_id]
        while stack:
            current = stack.pop()
            ids.append(current)
            stack.extend(child.pk for child in self.children[current])
        return ids

    def in_order(self) -> list[tuple[int, QuestionCategory]]:
        """(depth, category) for every category, parents before their children."""
        rows, stack = [], [(0, c) for c in reversed(self.children[None])]
        while stack:
            depth, category = stack.pop()
            rows.append((depth, category))
            stack.extend((depth + 1, c) for c in reversed(self.children[category.pk]))
        return rows


def bank_questions(course) -> "Iterable[Question]":
    """The questions kept in the course's bank (not a quiz's own)."""
    return Question.objects.filter(quiz__isnull=True, category__course=course)


def drawable_questions(course):
    """The bank questions a random draw may pick."""
    return bank_questions(course).exclude(kind__in=UNDRAWABLE_KINDS)


def _per_category(questions) -> dict[int, int]:
    return dict(
        questions.values_list("category_id").annotate(n=Count("pk")).values_list("category_id", "n")
    )


def category_counts(course) -> dict[int, int]:
    """Bank questions per category id."""
    return _per_category(bank_questions(course))


def filed_counts(course) -> dict[int, int]:
    """Quizzes' own questions filed in each category (by GIFT's `$CATEGORY` or Moodle XML)."""
    return _per_category(Question.objects.filter(quiz__isnull=False, category__course=course))


def pool_sizes(quiz: Quiz) -> dict[int, int]:
    """For each of the quiz's draws, how many questions it can draw from (by draw id)."""
    draws = list(quiz.draws.all())
    if not draws:
        return {}
    tree = CategoryTree(quiz.module.course_id)
    counts = _per_category(drawable_questions(quiz.module.course_id))
    return {draw.pk: sum(counts.get(c, 0) for c in _draw_categories(draw, tree)) for draw in draws}


def question_count(quiz: Quiz) -> int:
    """How many questions an attempt shows: the fixed ones and every draw's count."""
    fixed = quiz.questions.count()
    drawn = quiz.draws.aggregate(n=Sum("count"))["n"] or 0
    return fixed + drawn


def _draw_categories(draw: QuizDraw, tree: CategoryTree) -> list[int]:
    if draw.include_subcategories:
        return tree.descendants(draw.category_id)
    return [draw.category_id]


# --- attempts -----------------------------------------------------------------------------------


def questions_for_attempt(quiz: Quiz, *, rng: random.Random) -> list[Question]:
    """The quiz's fixed questions in their order, then each draw's questions, drawn now (answers
    prefetched). A draw whose category holds fewer questions than it asks for gives what there is;
    no question is drawn twice in one attempt."""
    questions = list(quiz.questions.order_by("position").prefetch_related("answers"))
    draws = list(quiz.draws.order_by("position", "pk"))
    if not draws:
        return questions
    tree = CategoryTree(quiz.module.course_id)
    candidates = defaultdict(list)
    for pk, category_id in (
        drawable_questions(quiz.module.course_id).order_by("pk").values_list("pk", "category_id")
    ):
        candidates[category_id].append(pk)
    taken: set[int] = set()
    drawn: list[int] = []
    for draw in draws:
        pool = [
            pk
            for category_id in _draw_categories(draw, tree)
            for pk in candidates[category_id]
            if pk not in taken
        ]
        picked = rng.sample(pool, min(draw.count, len(pool)))
        taken.update(picked)
        drawn.extend(picked)
    by_id = Question.objects.filter(pk__in=drawn).prefetch_related("answers").in_bulk()
    return questions + [by_id[pk] for pk in drawn]


# --- categories ---------------------------------------------------------------------------------


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Give the category a name."})
    if len(name) > 200:
        raise ValidationError({"name": "Keep the name to 200 characters."})
    return name


def _refuse_duplicate(course, parent_id, name, *, own_pk=None) -> None:
    clash = QuestionCategory.objects.filter(course=course, parent_id=parent_id, name=name)
    if own_pk:
        clash = clash.exclude(pk=own_pk)
    if clash.exists():
        raise ValidationError({"name": f"There is already a category “{name}” here."})


@transaction.atomic
def create_category(
    *, course: Course, name: str, parent: QuestionCategory | None = None, info: str = ""
) -> QuestionCategory:
    Course.objects.select_for_update().get(pk=course.pk)  # names and positions, one at a time
    name = _clean_name(name)
    if parent is not None and parent.course_id != course.pk:
        raise ValidationError({"parent": "That category belongs to another course."})
    _refuse_duplicate(course, parent.pk if parent else None, name)
    last = QuestionCategory.objects.filter(course=course, parent=parent).aggregate(
        p=Max("position")
    )["p"]
    return QuestionCategory.objects.create(
        course=course, parent=parent, name=name, info=info, position=(last or 0) + 1
    )


@transaction.atomic
def update_category(
    *, category: QuestionCategory, name: str, info: str = "", parent=...
) -> QuestionCategory:
    Course.objects.select_for_update().get(pk=category.course_id)
    name = _clean_name(name)
    parent_id = category.parent_id if parent is ... else (parent.pk if parent else None)
    if parent_id is not None:
        tree = CategoryTree(category.course_id)
        if parent_id not in tree.by_id:
            raise ValidationError({"parent": "That category belongs to another course."})
        if parent_id in tree.descendants(category.pk):
            raise ValidationError({"parent": "A category cannot go inside itself."})
    _refuse_duplicate(category.course_id, parent_id, name, own_pk=category.pk)
    category.name, category.info, category.parent_id = name, info, parent_id
    category.save(update_fields=["name", "info", "parent"])
    return category


@transaction.atomic
def delete_category(*, category: QuestionCategory) -> None:
    """Only an empty category goes: questions, categories inside it and quizzes' draws from it
    must move first (so nothing a trainee answered disappears with a folder)."""
    Course.objects.select_for_update().get(pk=category.course_id)
    if category.questions.exists():
        raise ValidationError("Move or delete the questions in this category first.")
    if category.children.exists():
        raise ValidationError("Move or delete the categories inside this one first.")
    draws = list(category.draws.select_related("quiz"))
    if draws:
        titles = ", ".join(sorted({f"“{d.quiz.title}”" for d in draws}))
        raise ValidationError(f"Quizzes draw questions from this category: {titles}.")
    parent_id, course_id = category.parent_id, category.course_id
    category.delete()
    renumber(
        QuestionCategory.objects.filter(course_id=course_id, parent_id=parent_id).order_by(
            "position"
        )
    )


def category_names(path: str) -> list[str]:
    """A GIFT or Moodle XML category path as the names of our categories: Moodle's context
    token (`$course$`) and its invisible `top` category are left out."""
    names = split_path(path)
    if names and names[0].startswith(CONTEXT_TOKEN_PREFIX) and names[0].endswith("$"):
        names = names[1:]
    if names and names[0] == TOP:
        names = names[1:]
    return names


@transaction.atomic
def category_for_path(*, course: Course, path: str) -> QuestionCategory | None:
    """The category a path names, made (with its parents) when missing; None for an empty path."""
    parent = None
    for name in category_names(path):
        name = _clean_name(name[:200])
        found = QuestionCategory.objects.filter(course=course, parent=parent, name=name).first()
        parent = found or create_category(course=course, name=name, parent=parent)
    return parent


# --- draws --------------------------------------------------------------------------------------


def _check_draw(quiz: Quiz, category: QuestionCategory, count) -> None:
    if category.course_id != quiz.module.course_id:
        raise ValidationError({"category": "That category belongs to another course."})
    if quiz.is_survey:
        raise ValidationError("An evaluation survey asks everyone the same questions.")


@transaction.atomic
def add_draw(
    *, quiz: Quiz, category: QuestionCategory, count: int, include_subcategories: bool = False
) -> QuizDraw:
    Quiz.objects.select_for_update().get(pk=quiz.pk)
    _check_draw(quiz, category, count)
    last = quiz.draws.aggregate(p=Max("position"))["p"]
    draw = QuizDraw(
        quiz=quiz,
        category=category,
        count=count,
        include_subcategories=include_subcategories,
        position=(last or 0) + 1,
    )
    draw.full_clean()
    draw.save()
    return draw


@transaction.atomic
def update_draw(
    *, draw: QuizDraw, category: QuestionCategory, count: int, include_subcategories: bool
) -> QuizDraw:
    """Later attempts draw the new way; attempts already started keep what they drew."""
    _check_draw(draw.quiz, category, count)
    draw.category, draw.count, draw.include_subcategories = category, count, include_subcategories
    draw.full_clean()
    draw.save()
    return draw


@transaction.atomic
def delete_draw(*, draw: QuizDraw) -> None:
    quiz_id = draw.quiz_id
    draw.delete()
    renumber(QuizDraw.objects.filter(quiz_id=quiz_id).order_by("position"))


# --- questions that were shown ------------------------------------------------------------------


def was_shown(question: Question) -> bool:
    """Whether any submitted attempt showed this bank question (its review needs it)."""
    if Response.objects.filter(question=question, attempt__submitted_at__isnull=False).exists():
        return True
    attempts = Attempt.objects.submitted().filter(
        Q(quiz__draws__category__course_id=question.category.course_id)
    )
    return any(
        question.pk in order
        for order in attempts.values_list("question_order", flat=True).distinct().iterator()
    )
