"""Large data for benchmarks (`manage.py seed_load`); never in production mode.

One published course ("Load test course", slug `load-test`) of K modules × L lessons, each module
with a three-question knowledge check and a free-text assignment; M cohorts with a trainer each,
N trainees per cohort, and what trainees leave behind as a cohort runs: lesson progress, submitted
quiz attempts with their responses, submissions (graded and released, the latest waiting in the
grading queue) and attendance at the live sessions held so far.

Everything is written with `bulk_create` in batches, so no per-row service (and no reminder or
email) runs: 10,000 trainees take seconds, not hours. On PostgreSQL it ends with ANALYZE of the
tables it filled, so the first queries are planned on statistics. Which rows exist depends only
on the sizes and today's date; `seed` only changes scores, attendance and times. Load users are
recognised by their email domain and the course by its slug, so `reset` removes load data and
nothing else.
"""

import gc
import random
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import islice
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, models, transaction
from django.utils import timezone

from assessments.grading.audit import grade_change
from assessments.models import (
    Answer,
    Assignment,
    Attempt,
    Certificate,
    Grade,
    GradeChange,
    Question,
    Quiz,
    Response,
    Submission,
    item_key,
)
from assessments.quizzes.services import render_question_text
from assessments.taxonomy import GradeAction, QuestionKind, SubmissionStatus, WorksheetKind
from courses.models import (
    Attendance,
    Cohort,
    CohortStatus,
    Course,
    CourseStatus,
    Enrollment,
    EnrollmentStatus,
    LiveSession,
    Team,
)
from dbt_training.core.formatting import score_text
from dbt_training.users.models import User
from dbt_training.users.roles import Role
from modules.content import render_markdown
from modules.models import EnrollmentProgress, Lesson, LessonProgress, Module
from modules.progress import repair_progress
from modules.schedule import module_dates
from modules.taxonomy import Component, SkillsModule, TreatmentPriority

LOAD_COURSE_SLUG = "load-test"
LOAD_EMAIL_DOMAIN = "load.example.org"
LOAD_PASSWORD = "load-test"
# The load trainers' authenticator-app secret (staff need a second factor): the harness computes
# their codes from it. Load data only; never a real account's.
LOAD_TOTP_SECRET = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"
BATCH = 5_000
TEAM_SIZE = 10
SESSIONS_PER_COHORT = 6
ZONES = ("America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London")
FIRST_NAMES = (
    "Ana", "Ben", "Chidi", "Dana", "Eli", "Fatima", "Grace", "Hiro", "Ines", "Jonas",
    "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas",
)  # fmt: skip
LAST_NAMES = (
    "Abbott", "Becker", "Costa", "Diallo", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
    "Jensen", "Khan", "Lopez", "Moreau", "Nguyen", "Okafor", "Park", "Rossi", "Silva",
    "Tanaka", "Weber",
)  # fmt: skip
LESSON_BODY = "Generated for load testing: this lesson has no teaching content.\n\n" + (
    "The seed_load command writes the same text into every lesson so that pages render a body "
    "of a realistic length. " * 4
)
# A correct answer for each question comes first; each is true to the DBT fact sheet.
QUESTIONS = (
    (
        QuestionKind.TRUE_FALSE,
        "In stage 1 of DBT, life-threatening behaviors are the highest-priority target.",
        (("True", 100), ("False", 0)),
    ),
    (
        QuestionKind.SINGLE,
        "Which of these is a mode of comprehensive DBT?",
        (("Skills training group", 100), ("A weekly medication review", 0), ("Hypnotherapy", 0)),
    ),
    (
        QuestionKind.SINGLE,
        "Which skills module teaches wise mind?",
        (("Mindfulness", 100), ("Distress tolerance", 0), ("Emotion regulation", 0)),
    ),
)
RIGHT_ANSWER_CHANCE = 0.8
SUBMISSION_TEXT = "I would coach the client through the skill in session, then review it."
ASSIGNMENT_TEXT = "Describe how you would use this module's skills in session."


class LoadDataExists(Exception):
    """Load data from an earlier run is present and no reset was asked for."""


@dataclass
class LoadSummary:
    """Rows written, by model (and how long it took)."""

    courses: int = 0
    modules: int = 0
    lessons: int = 0
    quizzes: int = 0
    questions: int = 0
    answers: int = 0
    assignments: int = 0
    cohorts: int = 0
    teams: int = 0
    trainers: int = 0
    trainees: int = 0
    email_addresses: int = 0
    enrollments: int = 0
    live_sessions: int = 0
    lesson_progress: int = 0
    attempts: int = 0
    responses: int = 0
    submissions: int = 0
    grades: int = 0
    grade_changes: int = 0
    attendance: int = 0
    seconds: float = field(default=0.0, compare=False)

    @property
    def rows(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self) if f.name != "seconds")

    def counts(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "seconds"}


def load_users() -> models.QuerySet:
    return User.objects.filter(email__iendswith=f"@{LOAD_EMAIL_DOMAIN}")


def load_data_exists() -> bool:
    return Course.objects.filter(slug=LOAD_COURSE_SLUG).exists() or load_users().exists()


@transaction.atomic
def remove_load(*, report: Callable[[str], None] = lambda line: None) -> None:
    """Delete the load course, its cohorts and the load users, with everything hanging off them."""
    started = time.perf_counter()
    cohorts = Cohort.objects.filter(course__slug=LOAD_COURSE_SLUG)
    # Certificates protect their enrollments (issued in a benchmark, they may go with the rest).
    Certificate.objects.filter(
        models.Q(enrollment__cohort__in=cohorts) | models.Q(enrollment__user__in=load_users())
    ).delete()
    # The users take their enrollments and everything recorded against them along; then the
    # cohorts (teams, sessions, anyone else enrolled there), then the course (PROTECTed by them).
    load_users().delete()
    cohorts.delete()
    Course.objects.filter(slug=LOAD_COURSE_SLUG).delete()
    report(f"Removed earlier load data ({time.perf_counter() - started:.1f} s).")


@dataclass
class _Module:
    module: Module
    lessons: list[Lesson]
    quiz: Quiz
    questions: list[tuple[Question, list[Answer]]]
    assignment: Assignment


@dataclass
class _Cohort:
    cohort: Cohort
    trainer: User
    released: int  # how many modules have opened by today
    held: list[LiveSession]  # sessions already held


@dataclass
class _Plan:
    enrollment: Enrollment
    state: _Cohort
    done: list[tuple[_Module, datetime]]  # finished modules, and when
    current: tuple[_Module, datetime] | None  # the module they are on; None: never started


def build_load(
    *,
    cohorts: int,
    trainees_per_cohort: int,
    course_modules: int = 20,
    lessons_per_module: int = 8,
    seed: int = 1,
    reset: bool = False,
    now: datetime | None = None,
    report: Callable[[str], None] = lambda line: None,
) -> LoadSummary:
    """Write the load course, cohorts, trainees and their activity in one transaction."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Load data is never created in production mode.")
    for name, value in (
        ("cohorts", cohorts),
        ("trainees_per_cohort", trainees_per_cohort),
        ("course_modules", course_modules),
        ("lessons_per_module", lessons_per_module),
    ):
        if value < 1:
            raise ValueError(f"{name} must be at least 1.")
    started = time.perf_counter()
    with _gc_paused(), transaction.atomic():
        if load_data_exists():
            if not reset:
                raise LoadDataExists(
                    f"Load data already exists (course “{LOAD_COURSE_SLUG}” or users "
                    f"@{LOAD_EMAIL_DOMAIN}); pass --reset to replace it."
                )
            remove_load(report=report)
        builder = _Builder(now=now or timezone.now(), seed=seed, report=report)
        builder.course(modules=course_modules, lessons=lessons_per_module)
        builder.cohorts(count=cohorts, trainees=trainees_per_cohort)
        builder.activity()
        # Bulk rows bypass the services that keep the progress read model: build it here.
        progressing = time.perf_counter()
        repair_progress(
            Enrollment.objects.filter(cohort__course__slug=LOAD_COURSE_SLUG).values_list(
                "pk", flat=True
            )
        )
        report(f"Built the progress read model ({time.perf_counter() - progressing:.1f} s).")
        committing = time.perf_counter()
    # PostgreSQL checks the deferred foreign keys of every new row now.
    report(f"Committed ({time.perf_counter() - committing:.1f} s).")
    analyze(report=report)
    builder.summary.seconds = time.perf_counter() - started
    return builder.summary


# Every table build_load writes to (the M2M tables included).
ANALYZED_MODELS = (
    Course, Course.authors.through, Module, Lesson, Quiz, Question, Answer, Assignment,
    Cohort, Cohort.trainers.through, Team, LiveSession, User, User.groups.through, EmailAddress,
    Enrollment, LessonProgress, EnrollmentProgress, Attempt, Response, Submission, Grade, GradeChange, Attendance,
)  # fmt: skip


def analyze(*, report: Callable[[str], None] = lambda line: None) -> None:
    """PostgreSQL: refresh the planner's statistics of the tables just filled. Without them the
    planner takes the new tables for empty until autovacuum comes round (one query took 2.6 s
    on 10,000 trainees until ANALYZE, issue 17). Other databases: nothing to do."""
    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in ANALYZED_MODELS)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
    report(f"Analyzed {len(ANALYZED_MODELS)} tables ({time.perf_counter() - started:.1f} s).")


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Hundreds of thousands of model instances, none in a reference cycle: without the pause the
    # cyclic collector's full passes over everything still alive take a fifth of the run.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Builder:
    def __init__(self, *, now: datetime, seed: int, report: Callable[[str], None]):
        self.now = now
        self.random = random.Random(seed)
        self.report = report
        self.summary = LoadSummary()
        self.started = time.perf_counter()

    def insert(self, model, rows: Iterable, *, count: str, then=None) -> list:
        """bulk_create in batches; `then(created)` runs after each batch (children of new rows).
        Returns the created rows only when there is no `then` to hand them to."""
        kept = []
        for chunk in _chunks(rows, BATCH):
            created = model.objects.bulk_create(chunk, batch_size=BATCH)
            setattr(self.summary, count, getattr(self.summary, count) + len(created))
            if then is not None:
                then(created)
            else:
                kept.extend(created)
        self.report(
            f"  {count.replace('_', ' ')}: {getattr(self.summary, count):,} "
            f"({time.perf_counter() - self.started:.1f} s)"
        )
        return kept

    # --- the course ------------------------------------------------------------------------

    def course(self, *, modules: int, lessons: int) -> None:
        self.report(f"Course: {modules} modules × {lessons} lessons")
        self.course_row = Course.objects.create(
            slug=LOAD_COURSE_SLUG,
            title="Load test course",
            summary="Generated by seed_load for benchmarks: no teaching content.",
            audience="Nobody: benchmark data.",
            learning_objectives="Measure the pages at a realistic size",
            ce_hours=Decimal("20.00"),
            status=CourseStatus.PUBLISHED,
            published_at=self.now,
        )
        self.summary.courses = 1
        tags = _module_tags()
        module_rows = self.insert(
            Module,
            (
                Module(
                    course=self.course_row,
                    title=f"Load module {k + 1}",
                    position=k + 1,
                    # One module a week, each due a week after it opens.
                    release_offset_days=7 * k,
                    due_offset_days=7 * k + 7,
                    **tags[k % len(tags)],
                )
                for k in range(modules)
            ),
            count="modules",
        )
        body_html = render_markdown(LESSON_BODY)
        lesson_rows = self.insert(
            Lesson,
            (
                Lesson(
                    module=module,
                    title=f"Lesson {module.position}.{n + 1}",
                    body_markdown=LESSON_BODY,
                    body_html=body_html,
                    estimated_minutes=10,
                    position=n + 1,
                )
                for module in module_rows
                for n in range(lessons)
            ),
            count="lessons",
        )
        quiz_rows = self.insert(
            Quiz,
            (
                Quiz(module=module, title=f"Knowledge check {module.position}", position=1)
                for module in module_rows
            ),
            count="quizzes",
        )
        question_rows = self.insert(
            Question,
            (
                Question(
                    quiz=quiz,
                    kind=kind,
                    name=f"Q{n + 1}",
                    text=text,
                    text_html=render_question_text(text, "markdown"),
                    position=n + 1,
                )
                for quiz in quiz_rows
                for n, (kind, text, _) in enumerate(QUESTIONS)
            ),
            count="questions",
        )
        answer_rows = self.insert(
            Answer,
            (
                Answer(question=question, position=n, text=text, fraction=Decimal(fraction))
                for question, (_, _, answers) in zip(
                    question_rows, QUESTIONS * len(quiz_rows), strict=True
                )
                for n, (text, fraction) in enumerate(answers)
            ),
            count="answers",
        )
        instructions_html = render_markdown(ASSIGNMENT_TEXT)
        assignment_rows = self.insert(
            Assignment,
            (
                Assignment(
                    module=module,
                    title=f"Reflection {module.position}",
                    instructions=ASSIGNMENT_TEXT,
                    instructions_html=instructions_html,
                    worksheet=WorksheetKind.FREE_TEXT,
                    about_client=False,
                    position=1,
                )
                for module in module_rows
            ),
            count="assignments",
        )
        answers_of = {}
        for answer in answer_rows:
            answers_of.setdefault(answer.question_id, []).append(answer)
        self.modules = [
            _Module(
                module=module,
                lessons=lesson_rows[k * lessons : (k + 1) * lessons],
                quiz=quiz_rows[k],
                questions=[
                    (q, answers_of[q.pk])
                    for q in question_rows[k * len(QUESTIONS) : (k + 1) * len(QUESTIONS)]
                ],
                assignment=assignment_rows[k],
            )
            for k, module in enumerate(module_rows)
        ]

    # --- cohorts and people ----------------------------------------------------------------

    def cohorts(self, *, count: int, trainees: int) -> None:
        self.report(f"Cohorts: {count} × {trainees} trainees")
        password = make_password(LOAD_PASSWORD)  # one hash for everyone: hashing is slow
        trainers = self.insert(
            User,
            (
                User(
                    email=f"trainer-{c + 1:03}@{LOAD_EMAIL_DOMAIN}",
                    full_name=f"Load Trainer {c + 1:03}",
                    credentials="PhD",
                    password=password,
                    time_zone=ZONES[c % len(ZONES)],
                )
                for c in range(count)
            ),
            count="trainers",
        )
        group = Group.objects.get(name=Role.TRAINER.value)
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=t.pk, group_id=group.pk) for t in trainers
        )
        for trainer in trainers:
            TOTP.activate(trainer, LOAD_TOTP_SECRET)
        self.course_row.authors.add(trainers[0])
        starts = []
        for c in range(count):
            zone = ZoneInfo(ZONES[c % len(ZONES)])
            # Started one to five weeks ago, so cohorts stand at different modules.
            starts_on = self.now.astimezone(zone).date() - timedelta(days=7 + 7 * (c % 5))
            starts.append(starts_on)
        cohort_rows = self.insert(
            Cohort,
            (
                Cohort(
                    course=self.course_row,
                    name=f"Load cohort {c + 1:03}",
                    starts_on=starts_on,
                    ends_on=starts_on + timedelta(days=7 * len(self.modules) + 14),
                    time_zone=ZONES[c % len(ZONES)],
                    status=CohortStatus.OPEN,
                )
                for c, starts_on in enumerate(starts)
            ),
            count="cohorts",
        )
        Cohort.trainers.through.objects.bulk_create(
            Cohort.trainers.through(cohort_id=cohort.pk, user_id=trainer.pk)
            for cohort, trainer in zip(cohort_rows, trainers, strict=True)
        )
        team_count = -(-trainees // TEAM_SIZE)
        team_rows = self.insert(
            Team,
            (
                Team(cohort=cohort, name=f"Team {t + 1}")
                for cohort in cohort_rows
                for t in range(team_count)
            ),
            count="teams",
        )
        session_rows = self.insert(LiveSession, self._sessions(cohort_rows), count="live_sessions")
        self.cohort_states = []
        for c, cohort in enumerate(cohort_rows):
            today = self.now.astimezone(ZoneInfo(cohort.time_zone)).date()
            released = sum(
                1 for m in self.modules if module_dates(cohort, m.module, None)[0] <= today
            )
            held = [
                s
                for s in session_rows[c * SESSIONS_PER_COHORT : (c + 1) * SESSIONS_PER_COHORT]
                if s.starts_at <= self.now
            ]
            self.cohort_states.append(_Cohort(cohort, trainers[c], released, held))
        trainee_rows = self.insert(
            User,
            (
                User(
                    email=f"trainee-{n + 1:05}@{LOAD_EMAIL_DOMAIN}",
                    full_name=(
                        f"{FIRST_NAMES[n % len(FIRST_NAMES)]} "
                        f"{LAST_NAMES[n // len(FIRST_NAMES) % len(LAST_NAMES)]}"
                    ),
                    credentials="LCSW",
                    password=password,
                    time_zone=ZONES[n // trainees % len(ZONES)],
                )
                for n in range(count * trainees)
            ),
            count="trainees",
        )
        self.insert(
            EmailAddress,
            (
                EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True)
                for user in (*trainers, *trainee_rows)
            ),
            count="email_addresses",
        )
        self.enrollments = self.insert(
            Enrollment,
            (
                Enrollment(
                    user=user,
                    cohort=cohort_rows[n // trainees],
                    team=team_rows[n // trainees * team_count + n % trainees % team_count],
                    status=EnrollmentStatus.ACTIVE,
                    enrolled_at=self._midnight(starts[n // trainees], cohort_rows[n // trainees])
                    - timedelta(days=7),
                )
                for n, user in enumerate(trainee_rows)
            ),
            count="enrollments",
        )
        self.trainees = trainees

    def _sessions(self, cohort_rows: list[Cohort]) -> Iterator[LiveSession]:
        kinds = list(LiveSession.Kind)
        for cohort in cohort_rows:
            for s in range(SESSIONS_PER_COHORT):
                kind = kinds[s % len(kinds)]
                # Mid-week, never on the day the cohort's week turns: held or not is certain.
                day = cohort.starts_on + timedelta(days=7 * s + 3)
                yield LiveSession(
                    cohort=cohort,
                    kind=kind,
                    title=f"Week {s + 1}: {kind.label}",
                    starts_at=self._midnight(day, cohort) + timedelta(hours=17),
                    join_url=f"https://meet.example.org/load-{cohort.pk}",
                )

    @staticmethod
    def _midnight(day: date, cohort: Cohort) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(cohort.time_zone))

    # --- what trainees did -----------------------------------------------------------------

    def _plan(self) -> list[_Plan]:
        """What each trainee did. One in five never started; the others are up to date or one
        or two modules behind, and have opened the first lesson of the module they are on."""
        plans = []
        for n, enrollment in enumerate(self.enrollments):
            state = self.cohort_states[n // self.trainees]
            j = n % self.trainees
            if j % 5 == 4:
                plans.append(_Plan(enrollment, state, done=[], current=None))
                continue
            done = max(state.released - 1 - j % 3, 0)
            plans.append(
                _Plan(
                    enrollment,
                    state,
                    done=[(m, self._when(state, m)) for m in self.modules[:done]],
                    current=(self.modules[done], self._when(state, self.modules[done])),
                )
            )
        return plans

    def _when(self, state: _Cohort, module: _Module) -> datetime:
        """Some day in the week after the module opened, in working hours, never in the future."""
        release, _ = module_dates(state.cohort, module.module, None)
        at = self._midnight(release, state.cohort) + timedelta(
            days=self.random.randrange(7), hours=self.random.randrange(8, 20)
        )
        # In UTC: rows derived from it are stored without another zone conversion each.
        return min(at, self.now - timedelta(minutes=5)).astimezone(UTC)

    def activity(self) -> None:
        self.report("Activity")
        self.plans = self._plan()
        self.insert(LessonProgress, self._progress(), count="lesson_progress")
        self.insert(Attempt, self._attempts(), count="attempts", then=self._responses)
        self.insert(Submission, self._submissions(), count="submissions", then=self._grades)
        self.insert(Attendance, self._attendance(), count="attendance")

    def _progress(self) -> Iterator[LessonProgress]:
        for plan in self.plans:
            for module, at in plan.done:
                # Lessons a quarter of an hour apart, the last one just before the quiz.
                for n, lesson in enumerate(module.lessons):
                    seen = at - timedelta(minutes=15 * (len(module.lessons) - n))
                    yield LessonProgress(
                        enrollment_id=plan.enrollment.pk,
                        lesson_id=lesson.pk,
                        first_viewed_at=seen,
                        last_viewed_at=seen,
                        completed_at=seen,
                    )
            if plan.current is not None:
                module, at = plan.current
                yield LessonProgress(
                    enrollment_id=plan.enrollment.pk,
                    lesson_id=module.lessons[0].pk,
                    first_viewed_at=at,
                    last_viewed_at=at,
                )

    def _attempts(self) -> Iterator[Attempt]:
        """One submitted attempt at each finished module's knowledge check."""
        for plan in self.plans:
            for module, at in plan.done:
                picks = [
                    answers[0] if self.random.random() < RIGHT_ANSWER_CHANCE else answers[-1]
                    for _, answers in module.questions
                ]
                score = Decimal(sum(1 for pick in picks if pick.fraction == 100))
                max_score = Decimal(len(picks))
                percent = (100 * score / max_score).quantize(Decimal("0.01"))
                attempt = Attempt(
                    quiz_id=module.quiz.pk,
                    enrollment_id=plan.enrollment.pk,
                    number=1,
                    started_at=at - timedelta(minutes=6),
                    submitted_at=at,
                    question_order=[q.pk for q, _ in module.questions],
                    choice_order={
                        str(q.pk): [a.pk for a in answers] for q, answers in module.questions
                    },
                    score=score,
                    max_score=max_score,
                    percent=percent,
                    passed=percent >= self.course_row.pass_mark,
                )
                attempt.picks = picks
                yield attempt

    def _responses(self, attempts: list[Attempt]) -> None:
        rows = (
            Response(
                attempt_id=attempt.pk,
                question_id=pick.question_id,
                answer={"choice": pick.pk},
                saved_at=attempt.submitted_at,
                fraction=Decimal(1) if pick.fraction == 100 else Decimal(0),
                score=Decimal(1) if pick.fraction == 100 else Decimal(0),
            )
            for attempt in attempts
            for pick in attempt.picks
        )
        for chunk in _chunks(rows, BATCH):
            self.summary.responses += len(Response.objects.bulk_create(chunk, batch_size=BATCH))

    def _submissions(self) -> Iterator[Submission]:
        """Work for every finished module: graded and released, the latest one still waiting."""
        for plan in self.plans:
            for k, (module, at) in enumerate(plan.done):
                submitted_at = min(at + timedelta(minutes=30), self.now)
                waiting = k == len(plan.done) - 1
                submission = Submission(
                    assignment=module.assignment,
                    enrollment_id=plan.enrollment.pk,
                    status=SubmissionStatus.SUBMITTED if waiting else SubmissionStatus.GRADED,
                    content={"response": SUBMISSION_TEXT},
                    saved_at=submitted_at,
                    submitted_at=submitted_at,
                    revision=1,
                )
                submission.grader = plan.state.trainer
                yield submission

    def _grades(self, submissions: list[Submission]) -> None:
        graded = [s for s in submissions if s.status == SubmissionStatus.GRADED]
        grades = []
        for submission in graded:
            graded_at = min(submission.submitted_at + timedelta(days=2), self.now)
            grades.append(
                Grade(
                    submission_id=submission.pk,
                    enrollment_id=submission.enrollment_id,
                    score=Decimal(self.random.randint(6, 10)),
                    max_score=submission.assignment.points,
                    feedback="Clear and specific.",
                    graded_by_id=submission.grader.pk,
                    graded_at=graded_at,
                    released_at=graded_at,
                )
            )
        self.summary.grades += len(Grade.objects.bulk_create(grades, batch_size=BATCH))
        # The audit trail that grading and releasing through the services would have written.
        changes = (
            grade_change(
                enrollment_id=grade.enrollment_id,
                item=item_key(submission.assignment),
                item_title=submission.assignment.title,
                action=action,
                new=score_text(grade.score, grade.max_score),
                by=submission.grader,
                at=grade.graded_at,
            )
            for submission, grade in zip(graded, grades, strict=True)
            for action in (GradeAction.GRADED, GradeAction.RELEASED)
        )
        for chunk in _chunks(changes, BATCH):
            self.summary.grade_changes += len(
                GradeChange.objects.bulk_create(chunk, batch_size=BATCH)
            )

    def _attendance(self) -> Iterator[Attendance]:
        """A trainer's roster for every session held: those who never started stayed away."""
        for plan in self.plans:
            for session in plan.state.held:
                present = plan.current is not None and self.random.random() < 0.9
                yield Attendance(
                    live_session_id=session.pk,
                    enrollment_id=plan.enrollment.pk,
                    present=present,
                    minutes=session.duration_minutes if present else 0,
                    source=Attendance.Source.TRAINER,
                    recorded_by_id=plan.state.trainer.pk,
                )


def _module_tags() -> list[dict]:
    """A DBT place for each module in turn: foundations, then each mode, the skills modules."""
    skills = [
        {
            "component": Component.SKILLS_TRAINING_GROUP,
            "treatment_priorities": [TreatmentPriority.BEHAVIORAL_SKILLS],
            "skills_modules": [module],
        }
        for module in SkillsModule
    ]
    return [
        {"component": Component.FOUNDATIONS},
        {
            "component": Component.INDIVIDUAL_THERAPY,
            "treatment_priorities": [TreatmentPriority.LIFE_THREATENING],
        },
        *skills,
        {"component": Component.PHONE_COACHING},
        {"component": Component.CONSULTATION_TEAM},
    ]
