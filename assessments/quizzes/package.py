"""Quizzes and the question bank as parts of a course package (`modules.transfer`).

Two parts: `question_bank` (categories, parents first, and the bank's questions) and `quizzes`
(each with its module's index, settings, own questions and random draws). A question names its
category by index in `question_bank.categories`; its images travel in the zip under
`question-media/`. Registered in `AssessmentsConfig.ready()`.
"""

from dataclasses import dataclass, field
from typing import Any

from assessments.models import Answer, Question, QuestionCategory, Quiz, QuizDraw
from assessments.quizzes import bank, services
from assessments.quizzes.interchange import ANSWER_FIELDS, MediaData
from assessments.quizzes.rules import answer_problems
from assessments.taxonomy import QuizKind
from modules.transfer import Checker, Created, ExportContext, decimal_text, service_errors

MEDIA_FOLDER = "question-media"
# The question's fields as the document lists them (services.QUESTION_FIELDS plus the flag).
QUESTION_KEYS = (*services.QUESTION_FIELDS, "case_sensitive")


# --- export -------------------------------------------------------------------------------------


def _category_order(course) -> tuple[list[QuestionCategory], dict[int, int]]:
    categories = [category for _depth, category in bank.CategoryTree(course.pk).in_order()]
    return categories, {category.pk: i for i, category in enumerate(categories)}


def _answer_entry(answer: Answer) -> dict:
    entry = {}
    for name in ANSWER_FIELDS:
        value = getattr(answer, name)
        model_field = Answer._meta.get_field(name)
        if model_field.get_internal_type() == "DecimalField":
            value = decimal_text(value, model_field.decimal_places)
        entry[name] = value
    return entry


def _question_entry(question: Question, categories: dict[int, int], context) -> dict:
    return {
        "kind": question.kind,
        "name": question.name,
        "text": question.text,
        "text_format": question.text_format,
        "general_feedback": question.general_feedback,
        "points": decimal_text(question.points, 2),
        "case_sensitive": question.case_sensitive,
        "typo_tolerance": question.typo_tolerance,
        "category": categories.get(question.category_id),
        "learning_objective": question.learning_objective,
        "answers": [_answer_entry(answer) for answer in question.answers.all()],
        "media": [
            {"name": item.name, "file": context.add_file(MEDIA_FOLDER, item.file, item.name)}
            for item in question.media.all()
        ],
    }


def export_bank(course, context: ExportContext) -> dict:
    categories, index = _category_order(course)
    questions = sorted(
        bank.bank_questions(course).prefetch_related("answers", "media"),
        key=lambda q: (index[q.category_id], q.position, q.pk),
    )
    return {
        "categories": [
            {"name": c.name, "info": c.info, "parent": index.get(c.parent_id)} for c in categories
        ],
        "questions": [_question_entry(q, index, context) for q in questions],
    }


def export_quizzes(course, context: ExportContext) -> list:
    _categories, index = _category_order(course)
    quizzes = (
        Quiz.objects.filter(module__course=course)
        .in_course_order()
        .prefetch_related("questions__answers", "questions__media", "draws")
    )
    return [
        {
            "module": context.module_index[quiz.module_id],
            **{name: getattr(quiz, name) for name in services.QUIZ_FIELDS},
            "questions": [_question_entry(q, index, context) for q in quiz.questions.all()],
            "draws": [
                {
                    "category": index[draw.category_id],
                    "count": draw.count,
                    "include_subcategories": draw.include_subcategories,
                }
                for draw in quiz.draws.all()
            ],
        }
        for quiz in quizzes
    ]


# --- check --------------------------------------------------------------------------------------


@dataclass
class CategoryPlan:
    path: str
    fields: dict[str, Any]
    parent: int | None


@dataclass
class QuestionPlan:
    path: str
    fields: dict[str, Any]
    case_sensitive: bool
    category: int | None
    answers: list[services.AnswerData]
    media: list[tuple[str, str]]  # (name, zip member)


@dataclass
class BankPlan:
    categories: list[CategoryPlan] = field(default_factory=list)
    questions: list[QuestionPlan] = field(default_factory=list)


@dataclass
class DrawPlan:
    path: str
    category: int
    fields: dict[str, Any]


@dataclass
class QuizPlan:
    path: str
    module: int
    fields: dict[str, Any]
    questions: list[QuestionPlan]
    draws: list[DrawPlan]


def _in_range(checker: Checker, path: str, index, count: int, what: str, whats: str) -> bool:
    if index is None or 0 <= index < count:
        return True
    if count == 0:
        checker.problem(path, f"There is no {what} {index}: the document has none.")
    else:
        checker.problem(path, f"There is no {what} {index}; {whats} are numbered 0 to {count - 1}.")
    return False


def check_bank(value: dict, path: str, checker: Checker) -> BankPlan:
    plan = BankPlan()
    names_seen: dict[tuple, int] = {}
    for i, item in enumerate(value.get("categories", [])):
        at = f"{path}.categories[{i}]"
        fields = checker.fields(item, at, QuestionCategory, ("name", "info"))
        parent = item.get("parent")
        if parent is not None and not 0 <= parent < i:
            checker.problem(
                f"{at}.parent",
                "Name an earlier category as the parent (by its index): parents come first.",
            )
            parent = None
        name = " ".join(fields.get("name", "").split())
        if name and (parent, name) in names_seen:
            checker.problem(
                f"{at}.name",
                f"Category {names_seen[(parent, name)]} has this name in the same place.",
            )
        names_seen.setdefault((parent, name), i)
        plan.categories.append(CategoryPlan(at, fields, parent))
    count = len(plan.categories)
    for k, item in enumerate(value.get("questions", [])):
        at = f"{path}.questions[{k}]"
        question = check_question(item, at, checker, count)
        if question.category is None and item.get("category") is None:
            checker.problem(f"{at}.category", "A bank question needs its category.")
        plan.questions.append(question)
    return plan


def check_question(item: dict, path: str, checker: Checker, category_count: int) -> QuestionPlan:
    fields = checker.fields(item, path, Question, services.QUESTION_FIELDS)
    case_sensitive = item.get("case_sensitive", False)
    category = item.get("category")
    if not _in_range(
        checker, f"{path}.category", category, category_count, "category", "categories"
    ):
        category = None
    answers, complete = [], True
    for j, answer in enumerate(item.get("answers", [])):
        cleaned = checker.fields(answer, f"{path}.answers[{j}]", Answer, ANSWER_FIELDS)
        complete = complete and len(cleaned) == len([n for n in ANSWER_FIELDS if n in answer])
        answers.append(services.AnswerData(**cleaned))
    if complete and "kind" in fields:
        for message in answer_problems(fields["kind"], answers):
            checker.problem(f"{path}.answers", message)
    media, names = [], set()
    for j, entry in enumerate(item.get("media", [])):
        at = f"{path}.media[{j}]"
        name = entry["name"]
        if name in names:
            checker.problem(f"{at}.name", f"“{name}” is this question's file already.")
            continue
        names.add(name)
        member = checker.zip_member(
            entry["file"], f"{at}.file", limit=services.MEDIA_MAX_BYTES, what="question images"
        )
        content = checker.read(member, f"{at}.file") if member else None
        if content is None:
            continue
        problems = services.media_problems([MediaData(name=name, content=content)])
        for message in problems:
            checker.problem(at, message)
        if not problems:
            media.append((name, member))
    return QuestionPlan(path, fields, case_sensitive, category, answers, media)


def check_quizzes(value: list, path: str, checker: Checker) -> list[QuizPlan]:
    bank_plan = checker.plans.get("question_bank") or BankPlan()
    category_count = len(bank_plan.categories)
    plans = []
    for i, item in enumerate(value):
        at = f"{path}[{i}]"
        module = item["module"]
        _in_range(checker, f"{at}.module", module, checker.module_count, "module", "modules")
        fields = checker.fields(item, at, Quiz, services.QUIZ_FIELDS)
        questions = [
            check_question(q, f"{at}.questions[{k}]", checker, category_count)
            for k, q in enumerate(item.get("questions", []))
        ]
        draws = []
        for k, draw in enumerate(item.get("draws", [])):
            draw_at = f"{at}.draws[{k}]"
            draw_fields = checker.fields(
                draw, draw_at, QuizDraw, ("count", "include_subcategories")
            )
            if _in_range(
                checker,
                f"{draw_at}.category",
                draw["category"],
                category_count,
                "category",
                "categories",
            ):
                draws.append(DrawPlan(draw_at, draw["category"], draw_fields))
        if draws and fields.get("kind") == QuizKind.EVALUATION:
            checker.problem(
                f"{at}.draws", "An evaluation survey asks everyone the same questions: no draws."
            )
        plans.append(QuizPlan(at, module, fields, questions, draws))
    return plans


# --- create -------------------------------------------------------------------------------------


def _create_question(plan: QuestionPlan, created: Created, *, quiz, categories) -> Question:
    category = categories[plan.category] if plan.category is not None else None
    with service_errors(plan.path):
        question = services.save_question(
            quiz=quiz,
            category=category,
            answers=plan.answers,
            case_sensitive=plan.case_sensitive,
            **plan.fields,
        )
    if plan.media:
        with service_errors(plan.path):
            services.attach_media(
                question=question,
                media=[MediaData(name=name, content=created.read(m)) for name, m in plan.media],
            )
        created.keep([item.file for item in question.media.all()])
    return question


def create_bank(plan: BankPlan, created: Created) -> list[QuestionCategory]:
    categories: list[QuestionCategory] = []
    for entry in plan.categories:
        with service_errors(entry.path):
            categories.append(
                bank.create_category(
                    course=created.course,
                    parent=categories[entry.parent] if entry.parent is not None else None,
                    **entry.fields,
                )
            )
    for question in plan.questions:
        _create_question(question, created, quiz=None, categories=categories)
    return categories


def create_quizzes(plans: list[QuizPlan], created: Created) -> list[Quiz]:
    categories = created.parts.get("question_bank") or []
    quizzes = []
    for plan in plans:
        with service_errors(plan.path):
            quiz = services.create_quiz(module=created.modules[plan.module], **plan.fields)
        for question in plan.questions:
            _create_question(question, created, quiz=quiz, categories=categories)
        for draw in plan.draws:
            with service_errors(draw.path):
                bank.add_draw(quiz=quiz, category=categories[draw.category], **draw.fields)
        quizzes.append(quiz)
    return quizzes
