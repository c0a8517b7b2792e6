"""Every state change of quizzes: authoring, GIFT import, and attempts from start to grade.

Attempts are serialised on their own row (`select_for_update`): autosaves, checks and submits of
one attempt take turns, so twenty parallel saves keep the last answer of each question and five
parallel submits grade once. Starting an attempt locks the enrollment row, so two tabs starting
at once share one attempt.

The autosave is a hot path (issue 17): `save_answer` locks the attempt and reads the question
with its answers in one query, and writes the response in a second (`upsert`: an INSERT … ON
CONFLICT … DO UPDATE that leaves a checked answer alone).
"""

import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Aggregate, JSONField, QuerySet, Subquery
from django.db.models.functions import JSONArray
from django.utils import timezone
from django.utils.formats import date_format

from assessments.models import (
    Answer,
    Attempt,
    Question,
    QuestionCategory,
    QuestionMedia,
    Quiz,
    QuizDraw,
    Response,
)
from assessments.quizzes import bank, formats, gift, interchange, moodle_xml
from assessments.quizzes.interchange import ANSWER_FIELDS
from assessments.quizzes.results import attempts_left
from assessments.quizzes.rules import answer_problems
from assessments.quizzes.scoring import fraction_of
from assessments.taxonomy import UNSCORED_KINDS, FeedbackTiming, QuestionKind, QuizKind, TextFormat
from courses.models import Enrollment, EnrollmentStatus
from dbt_training.core.db import upsert
from dbt_training.core.errors import Refused, error_text
from dbt_training.core.formatting import lower_first
from modules.content import render_markdown
from modules.models import Module
from modules.progress import cohort_progress
from modules.services import move_among, renumber

# Saves and submits that arrive this long after the deadline still count: the browser's final
# autosave and its own submit at 0:00 travel over the network. Nothing later is accepted.
GRACE = timedelta(seconds=10)

QUIZ_FIELDS = (
    "title",
    "kind",
    "instructions",
    "pass_mark",
    "attempts_allowed",
    "time_limit_minutes",
    "shuffle_questions",
    "shuffle_choices",
    "feedback_timing",
    "grading_method",
)
QUESTION_FIELDS = (
    "kind",
    "name",
    "text",
    "text_format",
    "general_feedback",
    "points",
    "typo_tolerance",
    "learning_objective",
)
SHUFFLED_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE}
ALWAYS_SHUFFLED = {QuestionKind.MATCHING, QuestionKind.ORDERING}
UNWEIGHTED_KINDS = {QuestionKind.MATCHING, QuestionKind.ORDERING}


class QuizUnavailable(Refused):
    """The trainee cannot start an attempt; `reason` says why, for the page."""


class AttemptClosed(Refused):
    """The attempt takes no more answers (submitted, or out of time); `reason` is for the page."""

    def __init__(self, reason: str, attempt: Attempt):
        super().__init__(reason)
        self.attempt = attempt


# --- authoring ----------------------------------------------------------------------------------


@transaction.atomic
def create_quiz(*, module: Module, **fields) -> Quiz:
    Module.objects.select_for_update().get(pk=module.pk)
    last = Quiz.objects.filter(module=module).order_by("-position").first()
    quiz = Quiz(module=module, position=(last.position + 1) if last else 1)
    return _save_quiz(quiz, fields)


@transaction.atomic
def update_quiz(*, quiz: Quiz, **fields) -> Quiz:
    return _save_quiz(quiz, fields)


def _save_quiz(quiz: Quiz, fields: dict) -> Quiz:
    for name in QUIZ_FIELDS:
        if name in fields:
            setattr(quiz, name, fields[name])
    quiz.full_clean()
    render_quiz(quiz)
    quiz.save()
    return quiz


def render_quiz(quiz: Quiz) -> None:
    """The instructions as stored HTML: rendered and sanitized once, when they are saved."""
    quiz.instructions_html = render_markdown(quiz.instructions)


def render_question_text(text: str, text_format: str, *, question_id: int | None = None) -> str:
    """Question text in any format to HTML that is safe to print; the question's files
    (`@@PLUGINFILE@@/name`) point at the view that serves them to the quiz's readers."""
    return formats.render_text(text, text_format, question_id=question_id)


def render_question(question: Question) -> None:
    question.text_html = render_question_text(
        question.text, question.text_format, question_id=question.pk
    )


@transaction.atomic
def delete_quiz(*, quiz: Quiz) -> None:
    if Attempt.objects.filter(quiz=quiz).submitted().exists():
        raise ValidationError(
            "Trainees have submitted attempts at this quiz; their scores are part of the record, "
            "so it cannot be deleted."
        )
    module_id = quiz.module_id
    quiz.delete()
    renumber(Quiz.objects.filter(module_id=module_id).order_by("position"))


@dataclass
class AnswerData(interchange.AnswerData):
    """One answer as a form or an import gives it; `pk` names the saved answer it changes."""

    pk: int | None = None


@transaction.atomic
def save_question(
    *,
    quiz: Quiz | None = None,
    category: QuestionCategory | None = None,
    question: Question | None = None,
    answers: list,
    case_sensitive=False,
    **fields,
) -> Question:
    """Create or change a question with its answers: a quiz's own question (`quiz`, and a
    `category` if it has one) or a bank question (`category` only). Answers carrying the `pk` of
    one of the question's answers change that row in place (so saved responses keep pointing at
    it)."""
    kind = fields.get("kind") or (question.kind if question else "")
    problems = answer_problems(kind, answers)
    if problems:
        raise ValidationError({"answers": problems})
    if quiz is None and category is None and question is None:
        raise ValidationError("A question belongs to a quiz or to a category of the bank.")
    if category is not None:
        course_id = quiz.module.course_id if quiz else category.course_id
        if category.course_id != course_id:
            raise ValidationError({"category": "That category belongs to another course."})
    if question is None:
        if quiz is not None:
            Quiz.objects.select_for_update().get(pk=quiz.pk)
            last = quiz.questions.order_by("-position").first()
        else:
            QuestionCategory.objects.select_for_update().get(pk=category.pk)
            last = bank.bank_questions(category.course_id).filter(category=category)
            last = last.order_by("-position").first()
        question = Question(quiz=quiz, position=(last.position + 1) if last else 1)
    elif quiz is not None and question.quiz_id != quiz.pk:
        raise ValidationError("That question belongs to another quiz.")
    if category is not None:
        question.category = category
    for name in QUESTION_FIELDS:
        if name in fields:
            setattr(question, name, fields[name])
    question.case_sensitive = bool(case_sensitive) and question.kind == QuestionKind.SHORT
    if question.kind != QuestionKind.SHORT:
        question.typo_tolerance = 0  # only a typed word can be misspelt
    question.full_clean()
    render_question(question)
    question.save()
    if question.text_html and interchange.PLUGINFILE in question.text:
        render_question(question)  # a new question's files are addressed by its id
        question.save(update_fields=["text_html"])
    existing = {a.pk: a for a in question.answers.all()}
    kept, rows = set(), []
    for position, data in enumerate(answers, start=1):
        row = existing.get(getattr(data, "pk", None)) or Answer(question=question)
        kept.add(row.pk)
        row.position = position
        for name in ANSWER_FIELDS:
            setattr(row, name, getattr(data, name))
        if kind in UNWEIGHTED_KINDS:
            row.fraction = Decimal(0)  # pairs and places score by count, not by weight
        row.text, row.match, row.feedback = row.text or "", row.match or "", row.feedback or ""
        row.text_format = row.text_format or ""
        row.full_clean(exclude=["question"])
        rows.append(row)
    question.answers.exclude(pk__in=[pk for pk in kept if pk]).delete()
    for row in rows:
        row.save()
    return question


@transaction.atomic
def delete_question(*, question: Question) -> None:
    quiz_id = question.quiz_id
    if quiz_id is None:
        if bank.was_shown(question):
            raise ValidationError(
                "Submitted attempts drew this question, and their reviews show it; it cannot be "
                "deleted. You can still edit it."
            )
        question.delete()
        return
    if Attempt.objects.filter(quiz_id=quiz_id).submitted().exists():
        raise ValidationError(
            "Trainees have submitted attempts at this quiz, and their reviews show this question; "
            "it cannot be deleted. You can still edit it."
        )
    question.delete()
    renumber(Question.objects.filter(quiz_id=quiz_id).order_by("position"))


@transaction.atomic
def move_question(*, question: Question, offset: int) -> Question:
    Quiz.objects.select_for_update().get(pk=question.quiz_id)
    return move_among(
        question,
        list(Question.objects.filter(quiz_id=question.quiz_id).order_by("position")),
        offset,
    )


# --- course evaluation: one rating item per learning objective --------------------------------

# The scale of a new rating item when the evaluation has none yet to follow (the question form's
# default for a Likert question too).
AGREE_SCALE = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")


def objective_statement(objective: str) -> str:
    """The statement a trainee rates for one learning objective: "This course enabled me to:
    describe the biosocial theory". The objective's first word loses its capital unless it is
    an acronym or a name written in capitals ("DBT", "PLEASE")."""
    text = objective.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        text = first[0].lower() + text[1:]
    return f"This course enabled me to: {text}"


@transaction.atomic
def add_objective_items(*, quiz: Quiz) -> list[Question]:
    """Give a course evaluation one Likert item per learning objective of its course (the
    objective's number in `Question.learning_objective`), for the objectives that have none yet:
    twice adds nothing. The items take the scale of the evaluation's first Likert item (so the
    report reads alike) and go after its last one, before the open questions. Returns the items
    added, in objective order."""
    # APA's standards for CE sponsors ask that the evaluation ask about each stated objective.
    if quiz.kind != QuizKind.EVALUATION:
        raise ValidationError(
            "Only a course evaluation survey asks trainees to rate the learning objectives."
        )
    # Two clicks at once: the second waits here, then finds the items the first added.
    quiz = Quiz.objects.select_for_update().select_related("module__course").get(pk=quiz.pk)
    objectives = quiz.module.course.objectives
    if not objectives:
        raise ValidationError(
            "The course lists no learning objectives yet: add them to the course's details "
            "(one a line), then add their rating items."
        )
    questions = list(quiz.questions.order_by("position", "pk").prefetch_related("answers"))
    covered = {q.learning_objective for q in questions}
    missing = [n for n in range(1, len(objectives) + 1) if n not in covered]
    if not missing:
        return []
    ratings = [q for q in questions if q.kind == QuestionKind.LIKERT]
    scale = [a.text for a in ratings[0].answers.all()] if ratings else list(AGREE_SCALE)
    added = [
        save_question(
            quiz=quiz,
            kind=QuestionKind.LIKERT,
            name=f"Objective {number}",
            text=objective_statement(objectives[number - 1]),
            text_format=TextFormat.PLAIN,
            learning_objective=number,
            answers=[AnswerData(text=point) for point in scale],
        )
        for number in missing
    ]
    after = questions.index(ratings[-1]) + 1 if ratings else 0
    renumber([*questions[:after], *added, *questions[after:]])
    return added


# --- GIFT ---------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    imported: list = field(default_factory=list)  # of Question
    errors: list = field(default_factory=list)  # of interchange.ImportProblem
    warnings: list = field(default_factory=list)  # of interchange.ImportProblem

    @property
    def by_type(self) -> dict[str, int]:
        return dict(Counter(q.kind for q in self.imported))

    @property
    def kind_summary(self) -> str:
        """The counts as people read them: "2 single choice, 1 true/false"."""
        return ", ".join(
            f"{count} {lower_first(QuestionKind(kind).label)}"
            for kind, count in self.by_type.items()
        )

    def as_json(self) -> dict:
        return {
            "imported": len(self.imported),
            "by_type": self.by_type,
            "errors": [{"line": e.line, "name": e.name, "reason": e.reason} for e in self.errors],
            "warnings": [
                {"line": w.line, "name": w.name, "reason": w.reason} for w in self.warnings
            ],
        }


@transaction.atomic
def import_questions(
    *,
    parsed: interchange.ParseResult,
    quiz: Quiz | None = None,
    category: QuestionCategory | None = None,
    skip_invalid: bool = False,
    file_categories: bool = True,
) -> ImportReport:
    """Save what a GIFT or Moodle XML file held: into the quiz as its own questions, or into the
    bank under `category`. A question's category path (`$CATEGORY`, Moodle's categories) names a
    category of the course's bank, made when missing; in the bank, questions without one go to
    `category` (and with `file_categories` off, every question does). A file with any error imports nothing, unless `skip_invalid` says to import its
    valid questions and report the rest; no question is ever imported in part."""
    report = ImportReport(errors=parsed.errors, warnings=parsed.warnings)
    if parsed.errors and not skip_invalid:
        return report
    course = quiz.module.course if quiz is not None else category.course
    by_path: dict[str, QuestionCategory | None] = {}
    saved, refused = [], []
    for item in parsed.questions:
        if quiz is None and not file_categories:
            item.category = ""
        try:
            # A savepoint per question: one the model refuses (points of 1500, an image that is
            # not one) is reported like a parse error, and the questions around it stand.
            with transaction.atomic():
                if item.category not in by_path:
                    by_path[item.category] = bank.category_for_path(
                        course=course, path=item.category
                    )
                question = save_question(
                    quiz=quiz,
                    category=by_path[item.category] or (category if quiz is None else None),
                    kind=item.kind,
                    name=item.name[:200],
                    text=item.text,
                    text_format=item.text_format,
                    general_feedback=item.general_feedback,
                    points=item.points,
                    case_sensitive=item.case_sensitive,
                    typo_tolerance=item.typo_tolerance,
                    answers=[AnswerData(**vars(a)) for a in item.answers],
                )
                if item.media:
                    attach_media(question=question, media=item.media)
        except ValidationError as error:
            by_path.pop(item.category, None)  # made inside the savepoint that rolled back
            refused.append(
                interchange.ImportProblem(line=item.line, reason=error_text(error), name=item.name)
            )
        else:
            saved.append(question)
    report.errors = sorted([*report.errors, *refused], key=lambda e: e.line)
    if refused and not skip_invalid:
        transaction.set_rollback(True)  # all or nothing: not one question of this file stays
        return report
    report.imported = saved
    return report


def import_gift(*, text: str, **target) -> ImportReport:
    """Add the questions of a GIFT file to the quiz, or to the bank under `category` (the
    keywords of `import_questions`)."""
    return import_questions(parsed=gift.parse(text), **target)


def exported_questions(
    *, quiz: Quiz | None = None, category: QuestionCategory | None = None, media: bool = False
) -> list[interchange.QuestionData]:
    """A quiz's own questions, or a bank category's with those of the categories inside it, in
    the interchange shape, each with its category path."""
    if quiz is not None:
        course_id = quiz.module.course_id
        questions = quiz.questions.order_by("position")
    else:
        course_id = category.course_id
        tree = bank.CategoryTree(course_id)
        order = {pk: n for n, (_depth, c) in enumerate(tree.in_order()) for pk in [c.pk]}
        questions = sorted(
            bank.bank_questions(course_id).filter(category__in=tree.descendants(category.pk)),
            key=lambda q: (order[q.category_id], q.position, q.pk),
        )
        questions = [q.pk for q in questions]
        by_id = Question.objects.prefetch_related("answers", "media").in_bulk(questions)
        return [
            interchange.question_data(
                by_id[pk], category=tree.path(by_id[pk].category_id), media=media
            )
            for pk in questions
        ]
    tree = bank.CategoryTree(course_id)
    return [
        interchange.question_data(q, category=tree.path(q.category_id), media=media)
        for q in questions.prefetch_related("answers", "media")
    ]


def export_gift(*, quiz: Quiz | None = None, category: QuestionCategory | None = None) -> str:
    """The questions as GIFT; importing them into an empty quiz (or bank) gives them back."""
    return gift.dump(exported_questions(quiz=quiz, category=category))


def import_moodle_xml(*, data: bytes, **target) -> ImportReport:
    """Add the questions of a Moodle XML file (images included) to the quiz, or to the bank (the
    keywords of `import_questions`)."""
    return import_questions(parsed=moodle_xml.parse(data), **target)


def export_moodle_xml(
    *, quiz: Quiz | None = None, category: QuestionCategory | None = None
) -> bytes:
    """The questions as Moodle XML, with their categories and images."""
    return moodle_xml.dump(exported_questions(quiz=quiz, category=category, media=True))


# --- question media -----------------------------------------------------------------------------

MEDIA_MAX_BYTES = 5 * 1024 * 1024
# Images only, told by their first bytes (never by the name an import gave them): SVG can carry
# script, so it is not among them.
IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def image_type(content: bytes) -> str | None:
    for signature, content_type in IMAGE_SIGNATURES:
        if content.startswith(signature):
            return content_type
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return None


def media_problems(media: list[interchange.MediaData]) -> list[str]:
    """Why these files cannot be kept with a question (checked before anything is saved)."""
    problems = []
    for item in media:
        if len(item.content) > MEDIA_MAX_BYTES:
            problems.append(f"“{item.name}” is larger than 5 MB.")
        elif image_type(item.content) is None:
            problems.append(f"“{item.name}” is not a PNG, JPEG, GIF or WebP image.")
        elif not item.name or "/" in item.name or "\\" in item.name or len(item.name) > 200:
            problems.append(f"“{item.name[:60]}” is not a usable file name.")
    return problems


@transaction.atomic
def attach_media(*, question: Question, media: list[interchange.MediaData]) -> None:
    """Keep the files the question's text refers to (`@@PLUGINFILE@@/name`)."""
    problems = media_problems(media)
    if problems:
        raise ValidationError({"media": problems})
    for item in media:
        QuestionMedia.objects.filter(question=question, name=item.name).delete()
        row = QuestionMedia(
            question=question,
            name=item.name,
            content_type=image_type(item.content),
            size=len(item.content),
        )
        row.file.save(item.name, ContentFile(item.content), save=False)
        row.save()


# --- attempts -----------------------------------------------------------------------------------


@transaction.atomic
def start_attempt(*, enrollment: Enrollment, quiz: Quiz, now: datetime | None = None) -> Attempt:
    """The trainee's open attempt at the quiz, or a new one when they may start one."""
    now = now or timezone.now()
    enrollment = (
        Enrollment.objects.select_for_update().select_related("cohort").get(pk=enrollment.pk)
    )
    if enrollment.status != EnrollmentStatus.ACTIVE:
        raise QuizUnavailable("Only trainees with an active place in the cohort can take quizzes.")
    if quiz.module.course_id != enrollment.cohort.course_id:
        raise QuizUnavailable("This quiz is not part of your cohort's course.")
    state = cohort_progress(enrollment, now=now).state_of(quiz.module_id)
    if state is None or not state.is_open:
        raise QuizUnavailable(state.lock_reason if state else "This quiz is not available.")
    open_attempt = Attempt.objects.filter(quiz=quiz, enrollment=enrollment).in_progress().first()
    if open_attempt is not None:
        if not _submit_if_out_of_time(open_attempt, now):
            return open_attempt
    used = Attempt.objects.filter(quiz=quiz, enrollment=enrollment).count()
    if attempts_left(quiz, used) == 0:
        raise QuizUnavailable(
            f"You have used all {quiz.attempts_allowed} attempt"
            f"{'s' if quiz.attempts_allowed != 1 else ''} at this quiz."
        )
    rng = random.SystemRandom()
    questions = bank.questions_for_attempt(quiz, rng=rng)
    if not questions:
        raise QuizUnavailable("This quiz has no questions yet.")
    shuffle = rng.shuffle
    if quiz.shuffle_questions:
        shuffle(questions)
    choice_order = {}
    for question in questions:
        ids = [a.pk for a in question.answers.all()]
        if question.kind == QuestionKind.MATCHING:
            # The right-hand column: each distinct match once.
            seen, ids = set(), []
            for answer in question.answers.all():
                if answer.match not in seen:
                    seen.add(answer.match)
                    ids.append(answer.pk)
        # Ordering items and matching answers are always shuffled: in their stored order they
        # would give the answer away. Choices follow the quiz's setting.
        if question.kind in ALWAYS_SHUFFLED or (
            quiz.shuffle_choices and question.kind in SHUFFLED_KINDS
        ):
            correct = list(ids)
            shuffle(ids)
            # Items shown in their right order would give the answer away.
            if question.kind == QuestionKind.ORDERING and ids == correct and len(ids) > 1:
                ids = ids[1:] + ids[:1]
        choice_order[str(question.pk)] = ids
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    return Attempt.objects.create(
        quiz=quiz,
        enrollment=enrollment,
        number=used + 1,
        started_at=now,
        deadline=deadline,
        question_order=[q.pk for q in questions],
        choice_order=choice_order,
    )


def _lock(attempt: Attempt) -> Attempt:
    return (
        Attempt.objects.select_for_update(of=("self",))
        .select_related("quiz", "enrollment")
        .get(pk=attempt.pk)
    )


def _submit_if_out_of_time(attempt: Attempt, now: datetime) -> bool:
    """Submit an attempt whose time is up, with the answers it saved; True if it was."""
    if attempt.submitted_at is None and attempt.deadline and now > attempt.deadline + GRACE:
        _grade_and_submit(attempt, submitted_at=attempt.deadline, by_time_limit=True)
        return True
    return False


def _refuse_if_closed(attempt: Attempt) -> None:
    if attempt.submitted_by_time_limit:
        raise AttemptClosed(
            "Time is up: this attempt was submitted with the answers saved by "
            f"{_local_time(attempt.deadline)}. This answer was not saved.",
            attempt,
        )
    if attempt.submitted_at is None and attempt.enrollment.status != EnrollmentStatus.ACTIVE:
        raise AttemptClosed(
            "Your place in this cohort is no longer active, so answers are not recorded.", attempt
        )
    if attempt.submitted_at is not None:
        raise AttemptClosed(
            f"This attempt was submitted at {_local_time(attempt.submitted_at)}; "
            "this answer was not saved.",
            attempt,
        )


def _local_time(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "H:i")


def save_response(
    *, attempt: Attempt, question: Question, answer: dict, now: datetime | None = None
) -> Response:
    """Store the trainee's current answer to one question (autosave); the latest save wins."""
    # An attempt out of time is submitted (and stays so) before this save is refused.
    close_if_out_of_time(attempt=attempt, now=now)
    with transaction.atomic():
        attempt = _lock(attempt)
        _refuse_if_closed(attempt)
        # Read the clock under the lock: saves of one attempt then carry increasing times.
        response = _store_answer(attempt, question.pk, answer, now or timezone.now())
        response.question = question
        return response


class QuestionNotInAttempt(Refused):
    """The posted question is not one the attempt showed (a tampered or stale id)."""


def save_answer(
    *,
    attempts: QuerySet,
    attempt_id: int,
    question_id: int,
    read: Callable[[Question, list[Answer]], dict],
    now: datetime | None = None,
) -> Response:
    """The autosave of one answer, in two queries: the attempt (from `attempts`, the viewer's
    queryset: Attempt.DoesNotExist when it is not theirs) locked and read with the question and
    its answers, then the response written (`upsert`). `read(question, answers)` turns the post
    into the stored answer and may raise (nothing is written then). The refusals are those of
    `save_response`: an attempt out of time is submitted, and stays so, before the save is
    refused; a submitted attempt or a checked answer refuses it (AttemptClosed)."""
    with transaction.atomic():
        attempt = _lock_with_question(attempts, attempt_id, question_id)
        question = attempt.asked
        if question is None:
            raise QuestionNotInAttempt("That question is not part of this attempt.")
        answer = read(question, list(question.answers.all()))
        now = now or timezone.now()  # read under the lock, as save_response does
        if not _submit_if_out_of_time(attempt, now):
            _refuse_if_closed(attempt)
            response = _store_answer(attempt, question.pk, answer, now)
            response.question = question
            return response
    _refuse_if_closed(attempt)  # out of time: submitted and committed above; this save is not
    raise AssertionError("an attempt submitted by its time limit refuses saves")


class _JSONRows(Aggregate):
    """The aggregated values as one JSON array (SQLite's JSON_GROUP_ARRAY, PostgreSQL's
    JSONB_AGG); the order of the rows is not defined."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def _lock_with_question(attempts: QuerySet, attempt_id: int, question_id: int) -> Attempt:
    """The attempt locked (as `_lock`), with `asked`: the question `question_id` with what reading
    a posted answer and the autosave's status line need (its kind; its answers' ids, positions,
    texts and matches), or None when the attempt did not show it or it is gone. One query; the
    question is read fresh each time, so an edit to it (by its service or in the admin) counts at
    once."""
    # Whether the attempt showed it is its question order's to say (a question drawn from the
    # bank belongs to no quiz).
    kind = Question.objects.filter(pk=question_id).values("kind")
    answers = (
        Answer.objects.filter(question_id=question_id)
        .order_by()
        .values("question_id")
        .annotate(rows=_JSONRows(JSONArray("pk", "position", "text", "match")))
        .values("rows")
    )
    attempt = (
        attempts.select_for_update(of=("self",))
        .select_related("quiz", "enrollment__cohort")
        .annotate(
            asked_kind=Subquery(kind[:1]),
            asked_answers=Subquery(answers, output_field=JSONField()),
        )
        .get(pk=attempt_id)
    )
    attempt.asked = None
    if attempt.asked_kind and question_id in attempt.question_order:
        question = Question(pk=question_id, kind=attempt.asked_kind)
        rows = sorted(attempt.asked_answers or [], key=lambda row: (row[1], row[0]))
        loaded = question.answers.all()  # no query: filled in as prefetch_related fills it
        loaded._result_cache = [
            Answer(pk=pk, question=question, position=position, text=text, match=match)
            for pk, position, text, match in rows
        ]
        loaded._prefetch_done = True
        question._prefetched_objects_cache = {"answers": loaded}
        attempt.asked = question
    return attempt


def _store_answer(attempt: Attempt, question_id: int, answer: dict, now: datetime) -> Response:
    """Write the answer (one statement), unless it was checked: then it is final."""
    if question_id not in attempt.question_order:
        raise ValidationError("That question is not part of this attempt.")
    response = upsert(
        Response(attempt=attempt, question_id=question_id, answer=answer, saved_at=now),
        unique=("attempt", "question"),
        update=("answer", "saved_at"),
        only_if={"checked_at": [None]},
    )
    if response is None:
        raise AttemptClosed("You checked this answer, so it is final.", attempt)
    response.attempt = attempt
    return response


def save_responses(
    *, attempt: Attempt, answers: dict[Question, dict], now: datetime | None = None
) -> Attempt:
    """Store many answers at once (the page's plain "Save" and "Submit" buttons). Answers already
    checked under immediate feedback are final and stay as they are."""
    close_if_out_of_time(attempt=attempt, now=now)
    with transaction.atomic():
        return _save_all(attempt, answers, now)


def _save_all(attempt, answers, now) -> Attempt:
    attempt = _lock(attempt)
    _refuse_if_closed(attempt)
    now = now or timezone.now()
    existing = {r.question_id: r for r in attempt.responses.all()}
    for question, answer in answers.items():
        response = existing.get(question.pk)
        if response is None or response.checked_at is None:
            _store(attempt, question, answer, response, now)
    return attempt


def _store(attempt, question, answer, response, now) -> Response:
    if question.pk not in attempt.question_order:
        raise ValidationError("That question is not part of this attempt.")
    if response is None:
        return Response.objects.create(
            attempt=attempt, question=question, answer=answer, saved_at=now
        )
    response.answer, response.saved_at = answer, now
    response.save(update_fields=["answer", "saved_at"])
    return response


def check_response(
    *, attempt: Attempt, question: Question, answer: dict, now: datetime | None = None
) -> Response:
    """Immediate feedback: save the answer, score it, and make it final."""
    if attempt.quiz.feedback_timing != FeedbackTiming.IMMEDIATE:
        raise ValidationError("This quiz shows feedback only at the end.")
    now = now or timezone.now()
    close_if_out_of_time(attempt=attempt, now=now)
    with transaction.atomic():
        response = save_response(attempt=attempt, question=question, answer=answer, now=now)
        response.fraction = fraction_of(question, list(question.answers.all()), response.answer)
        response.score = _points(question, response.fraction)
        response.checked_at = now
        response.save(update_fields=["fraction", "score", "checked_at"])
        return response


@transaction.atomic
def submit_attempt(
    *, attempt: Attempt, now: datetime | None = None, by_time_limit: bool = False
) -> Attempt:
    """Grade and close the attempt. Twice is once: a second submit returns the graded attempt."""
    attempt = _lock(attempt)
    if attempt.submitted_at is not None:
        return attempt
    now = now or timezone.now()  # read under the lock, after any save that came first
    if _submit_if_out_of_time(attempt, now):
        return attempt
    _grade_and_submit(attempt, submitted_at=now, by_time_limit=by_time_limit)
    return attempt


def close_if_out_of_time(*, attempt: Attempt, now: datetime | None = None) -> Attempt:
    """Called by every page that shows an attempt: one past its time is submitted first."""
    now = now or timezone.now()
    if attempt.submitted_at is None and attempt.deadline and now > attempt.deadline + GRACE:
        with transaction.atomic():
            attempt = _lock(attempt)
            _submit_if_out_of_time(attempt, now)
    return attempt


def submit_expired_attempts(*, now: datetime | None = None) -> int:
    """Submit every attempt past its time limit (the periodic task); returns how many."""
    now = now or timezone.now()
    count = 0
    for attempt_id in Attempt.objects.expired(now=now - GRACE).values_list("pk", flat=True):
        with transaction.atomic():
            try:
                attempt = Attempt.objects.select_for_update(skip_locked=True).get(pk=attempt_id)
            except Attempt.DoesNotExist:
                continue  # another worker has it, or it is gone
            count += _submit_if_out_of_time(attempt, now)
    return count


def _points(question: Question, fraction: Decimal | None) -> Decimal | None:
    if fraction is None:
        return None
    return (question.points * fraction).quantize(Decimal("0.01"))


def _grade_and_submit(attempt: Attempt, *, submitted_at: datetime, by_time_limit: bool) -> None:
    questions = {
        q.pk: q
        for q in Question.objects.filter(pk__in=attempt.question_order).prefetch_related("answers")
    }
    responses = {r.question_id: r for r in attempt.responses.all()}
    changed = _tally(attempt, questions, responses, rescore=True)
    Response.objects.bulk_update(changed, ["fraction", "score"])
    attempt.submitted_at = submitted_at
    attempt.submitted_by_time_limit = by_time_limit
    attempt.save()


@transaction.atomic
def retotal_attempts(*, attempts: list[Attempt]) -> list[Attempt]:
    """Total submitted attempts again from their stored response scores (a trainer's essay grade
    was released); nothing is rescored. Four queries however many attempts."""
    locked = list(
        Attempt.objects.select_for_update(of=("self",))
        .select_related("quiz__module__course")
        .filter(pk__in=[a.pk for a in attempts], submitted_at__isnull=False)
        .order_by("pk")
    )
    question_ids = {pk for attempt in locked for pk in attempt.question_order}
    questions = Question.objects.in_bulk(question_ids)
    responses = defaultdict(dict)
    for response in Response.objects.filter(attempt__in=locked):
        responses[response.attempt_id][response.question_id] = response
    for attempt in locked:
        _tally(attempt, questions, responses[attempt.pk], rescore=False)
    Attempt.objects.bulk_update(
        locked, ["score", "max_score", "percent", "passed", "awaiting_grading"]
    )
    return locked


def _tally(attempt: Attempt, questions: dict, responses: dict, *, rescore: bool) -> list[Response]:
    """Set the attempt's score, percent, pass and `awaiting_grading` from its responses; with
    `rescore`, score each automatically marked response first and return those."""
    quiz = attempt.quiz
    score, max_score, awaiting = Decimal(0), Decimal(0), False
    changed = []
    for question_id in attempt.question_order:
        question = questions.get(question_id)
        if question is None or question.kind in UNSCORED_KINDS or quiz.is_survey:
            continue  # deleted since the attempt began, or never scored
        max_score += question.points
        response = responses.get(question_id)
        if question.kind == QuestionKind.ESSAY:
            if response is not None and response.score is not None:
                score += response.score
            elif response is not None and (response.answer.get("text") or "").strip():
                # A trainer scores it in the grading queue; its score counts once released.
                awaiting = True
            continue
        if response is None:
            continue
        if rescore:
            response.fraction = fraction_of(question, list(question.answers.all()), response.answer)
            response.score = _points(question, response.fraction)
            changed.append(response)
        score += response.score or Decimal(0)
    attempt.awaiting_grading = awaiting
    if quiz.is_survey or not max_score:
        attempt.score = attempt.max_score = attempt.percent = attempt.passed = None
    else:
        attempt.score, attempt.max_score = score, max_score
        attempt.percent = (100 * score / max_score).quantize(Decimal("0.01"))
        attempt.passed = None if awaiting else attempt.percent >= quiz.effective_pass_mark()
    return changed


def feedback_visible(
    attempt: Attempt, *, due_on: date | None, time_zone: str, now: datetime | None = None
) -> bool:
    """Whether a submitted attempt's review shows right answers and feedback (the quiz's
    setting). "After the due date" means the day after the due day in the cohort's time zone;
    a module without a due date never reaches it."""
    if attempt.submitted_at is None:
        return False
    timing = attempt.quiz.feedback_timing
    if timing == FeedbackTiming.NEVER:
        return False
    if timing == FeedbackTiming.AFTER_DUE:
        today = (now or timezone.now()).astimezone(ZoneInfo(time_zone)).date()
        return due_on is not None and today > due_on
    return True


# --- course copies ------------------------------------------------------------------------------


def copy_quizzes(new_by_old: dict) -> None:
    """Copy every quiz of the given modules, with its questions, answers and draws, and the
    course's question bank, into the modules' copies (registered with `modules.activities` for
    `duplicate_course`). Attempts stay behind. A fixed number of queries (and one file copy per
    question image) however many quizzes and questions."""
    if not new_by_old:
        return
    source_course_id = Module.objects.filter(pk__in=list(new_by_old)).values_list(
        "course_id", flat=True
    )[0]
    target_course = next(iter(new_by_old.values())).course
    new_category = _copy_categories(source_course_id, target_course)
    quizzes = list(
        Quiz.objects.filter(module__in=list(new_by_old))
        .order_by("pk")
        .prefetch_related("questions__answers", "questions__media", "draws")
    )
    new_quizzes = Quiz.objects.bulk_create(
        Quiz(
            module=new_by_old[quiz.module_id],
            position=quiz.position,
            instructions_html=quiz.instructions_html,
            **{name: getattr(quiz, name) for name in QUIZ_FIELDS},
        )
        for quiz in quizzes
    )
    QuizDraw.objects.bulk_create(
        QuizDraw(
            quiz=new,
            category=new_category[draw.category_id],
            count=draw.count,
            include_subcategories=draw.include_subcategories,
            position=draw.position,
        )
        for old, new in zip(quizzes, new_quizzes, strict=True)
        for draw in old.draws.all()
    )
    pairs = [
        (question, new)
        for old, new in zip(quizzes, new_quizzes, strict=True)
        for question in old.questions.all()
    ]
    pairs += [
        (question, None)
        for question in bank.bank_questions(source_course_id).prefetch_related("answers", "media")
    ]
    new_questions = Question.objects.bulk_create(
        Question(
            quiz=new_quiz,
            category=new_category.get(question.category_id),
            position=question.position,
            text_html=question.text_html,
            case_sensitive=question.case_sensitive,
            **{name: getattr(question, name) for name in QUESTION_FIELDS},
        )
        for question, new_quiz in pairs
    )
    Answer.objects.bulk_create(
        Answer(
            question=new, position=answer.position, **{n: getattr(answer, n) for n in ANSWER_FIELDS}
        )
        for (old, _quiz), new in zip(pairs, new_questions, strict=True)
        for answer in old.answers.all()
    )
    for (old, _quiz), new in zip(pairs, new_questions, strict=True):
        if old.media.all():
            attach_media(
                question=new, media=[interchange.read_media(item) for item in old.media.all()]
            )
        if old.text_html != render_question_text(old.text, old.text_format, question_id=new.pk):
            render_question(new)
            new.save(update_fields=["text_html"])


def _copy_categories(source_course_id: int, target_course) -> dict[int, QuestionCategory]:
    """The source course's bank categories, copied into the target course, by old id."""
    tree = bank.CategoryTree(source_course_id)
    new_category: dict[int, QuestionCategory] = {}
    for _depth, category in tree.in_order():  # parents first
        new_category[category.pk] = QuestionCategory.objects.create(
            course=target_course,
            parent=new_category.get(category.parent_id),
            name=category.name,
            info=category.info,
            position=category.position,
        )
    return new_category
