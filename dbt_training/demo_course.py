"""The demo course and its cohorts, for `seed_demo` (never in production mode).

- "Introduction to DBT for Clinicians": fifteen modules from `dbt_training.demo_content`, each
  with its lessons and knowledge check; a chain-analysis and a diary-card assignment with rubrics;
  the final post-test (80%), drawn from a bank six items per hour of lessons, and the evaluation
  (general statements, one rating item per learning objective, two open questions); CE approvals
  (demo numbers and periods), the program's signatory and completion rules. Built through the
  services the authoring pages use, so it is what a trainer could have built by hand.
- "Spring cohort": started three weeks ago, live sessions behind and ahead (one a little over an
  hour away, so the reminders show at once), a team, the demo trainer, the demo trainee and 30
  trainees at varied stages (lessons, quiz attempts, worksheets graded and waiting, attendance).
- "Autumn cohort (finished)": an earlier run. One trainee completed it and holds a CE
  certificate; the demo trainee completed it too and can claim theirs; ten more completed it
  without claiming yet. Their post-test answers and evaluations vary (seeded), so the post-test's
  item analysis and the evaluation report show real figures.

Everything is keyed by name, so a second run adds nothing.
"""

import math
import random
import unicodedata
from collections import Counter
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from assessments.assignments import submissions
from assessments.assignments.authoring import (
    LevelData,
    create_assignment,
    create_rubric,
    save_criterion,
)
from assessments.assignments.worksheets import (
    COUNT,
    DAYS,
    TEXT,
    YES_NO,
    assignment_rows,
    cell_name,
)
from assessments.completion.authoring import set_program_signatory
from assessments.completion.certificates import claim_certificate
from assessments.grading import services as grading
from assessments.models import (
    Assignment,
    CompletionRules,
    CourseApproval,
    Grade,
    GradeChange,
    ProgramSignatory,
    Question,
    Quiz,
    item_key,
)
from assessments.quizzes import bank as quiz_bank
from assessments.quizzes import services as quiz_services
from assessments.taxonomy import CHOICE_KINDS, QuestionKind, QuizKind
from courses.models import (
    Attendance,
    Cohort,
    Course,
    Enrollment,
    EnrollmentStatus,
    LiveSession,
    Team,
)
from dbt_training.users.models import User
from modules.models import Lesson, LessonProgress
from modules.progress import repair_progress
from modules.services import add_lesson, add_module, publish_course

from . import demo_content
from .demo_content import assessment
from .demo_content import post_test as post_test_items

COURSE_SLUG = "dbt-foundations"
COURSE_TITLE = demo_content.COURSE["title"]
RUNNING = "Spring cohort"
FINISHED = "Autumn cohort (finished)"
ZONE = "America/New_York"

# Invented people, for the roster (no real persons).
TRAINEES = [
    ("Amara Okafor", "LCSW"),
    ("Ben Hartley", "PsyD"),
    ("Carmen Ruiz", "LMFT"),
    ("Daniel Kim", "LPC"),
    ("Elif Demir", "PhD"),
    ("Farah Haddad", "MSW"),
    ("Grace Liu", "LCSW"),
    ("Hugo Martin", "RN"),
    ("Isla MacLeod", "DClinPsy"),
    ("Jonas Berg", "MD"),
    ("Keira Walsh", "LPC"),
    ("Luis Fernández", "LMHC"),
    ("Maya Patel", "PhD"),
    ("Noah Goldberg", "LCSW"),
    ("Olivia Brown", "MA"),
    ("Pedro Alves", "PsyD"),
    ("Quinn Taylor", "LMFT"),
    ("Rosa Romano", "MSW"),
    ("Samuel Osei", "LPC"),
    ("Tara Singh", "PhD"),
    ("Uma Nair", "LCSW"),
    ("Victor Novak", "MD"),
    ("Wen Zhou", "LMHC"),
    ("Ximena Castro", "MSW"),
    ("Yusuf Aydın", "PsyD"),
    ("Zoë Lambert", "LCSW"),
    ("Aiden Murphy", "LPC"),
    ("Bianca Rossi", "PhD"),
    ("Chidi Eze", "LMFT"),
    ("Dana Whitfield", "MSW"),
]
CERTIFIED = ("Priya Raman", "PhD")  # completed the finished cohort and holds a CE certificate
# Completed the finished cohort too: with the two above, enough post-test attempts for the item
# analysis (assessments.quizzes.analysis.MIN_ATTEMPTS) and evaluations for the report
# (assessments.evaluation.report.MIN_RESPONSES) to show figures, per cohort as well as in total.
FINISHERS = [
    ("Aoife Byrne", "LCSW"),
    ("Bruno Costa", "PsyD"),
    ("Chiara Bianchi", "LMFT"),
    ("Dmitri Volkov", "MD"),
    ("Esther Adeyemi", "LPC"),
    ("Felix Wagner", "PhD"),
    ("Greta Lindqvist", "MSW"),
    ("Hana Sato", "LMHC"),
    ("Ibrahim Khalil", "LCSW"),
    ("Julia Nowak", "MA"),
]
SIGNATORY = {"name": "Morgan Ellis", "title": "CE program director (demo)"}  # invented
TEAM = "Riverbend clinic team"


@transaction.atomic
def seed_demo_course(*, now: datetime | None = None) -> Course:
    """The course, built once from the content files; its signatory and the evaluation's
    objective items are added when missing (to a demo course built before them, too)."""
    course = Course.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        course = _build_course()
    if not ProgramSignatory.objects.filter(course=course).exists():
        set_program_signatory(course=course, by=None, **SIGNATORY)  # no signature image
    for survey in Quiz.objects.filter(module__course=course, kind=QuizKind.EVALUATION):
        quiz_services.add_objective_items(quiz=survey)  # adds only the missing ones
    return course


def _build_course() -> Course:
    trainer = User.objects.get(email="trainer@example.com")
    course = Course.objects.create(
        slug=COURSE_SLUG,
        title=COURSE_TITLE,
        summary=demo_content.COURSE["summary"],
        audience=demo_content.COURSE["audience"],
        learning_objectives="\n".join(demo_content.COURSE["learning_objectives"]),
        ce_hours=demo_content.ce_hours(),
        pass_mark=assessment.POST_TEST.get("pass_mark", 80),
    )
    course.authors.add(trainer)
    modules = []
    for data in demo_content.modules():
        module = add_module(
            course=course,
            title=data["title"],
            summary=data.get("summary", ""),
            component=data["component"],
            **_dbt_tags(data),
            release_offset_days=data["release_offset_days"],
            due_offset_days=data["due_offset_days"],
        )
        for lesson in data["lessons"]:
            add_lesson(
                module=module,
                title=lesson["title"],
                kind=lesson["kind"],
                body_markdown=lesson["body"],
                estimated_minutes=lesson["estimated_minutes"],
            )
        quiz = quiz_services.create_quiz(
            module=module,
            title=data["quiz"]["title"],
            kind=QuizKind.KNOWLEDGE_CHECK,
            shuffle_choices=True,
        )
        _import(quiz, data["quiz"]["gift"])
        modules.append(module)
    for data in assessment.ASSIGNMENTS:
        _add_assignment(course, modules[data["module"] - 1], data)
    post_test = quiz_services.create_quiz(
        module=modules[-1],
        title=assessment.POST_TEST["title"],
        kind=QuizKind.POST_TEST,
        pass_mark=assessment.POST_TEST.get("pass_mark", 80),
        # The content lists the keyed answer first more often than not: each attempt shows the
        # choices in an order of its own (Moodle's default too).
        shuffle_choices=True,
    )
    _post_test_bank(post_test)
    survey = quiz_services.create_quiz(
        module=modules[-1], title=assessment.EVALUATION["title"], kind=QuizKind.EVALUATION
    )
    _import(survey, assessment.EVALUATION["gift"])
    quiz_services.add_objective_items(quiz=survey)
    for position, approval in enumerate(assessment.APPROVALS):
        CourseApproval.objects.create(course=course, position=position, **approval)
    CompletionRules.objects.create(
        course=course, min_attendance_percent=75, participation_letter_percent=75
    )
    publish_course(course=course)
    return course


def _post_test_bank(post_test: Quiz) -> None:
    """The post-test's items go to the course's question bank, one category per module, and each
    attempt draws six per hour of the module's lessons (`post_test.draw_count`): the CE norm of
    about six items per credit hour, with two more in each category than the draw takes, so a
    trainee who takes it again meets other items."""
    course = post_test.module.course
    top = quiz_bank.category_for_path(course=course, path=assessment.POST_TEST_CATEGORY)
    report = quiz_services.import_gift(category=top, text=assessment.post_test_gift())
    if report.errors:
        raise ValueError(f"Demo post-test GIFT does not import: {report.errors}")
    held = Counter(question.category_id for question in report.imported)
    for number, module in enumerate(demo_content.modules(), start=1):
        path = assessment.post_test_category(number, module)
        category = quiz_bank.category_for_path(course=course, path=path)
        count = post_test_items.draw_count(module)
        if held[category.pk] <= count:  # the content checks keep this from happening
            raise ValueError(f"{path}: {held[category.pk]} items for a draw of {count}")
        quiz_bank.add_draw(quiz=post_test, category=category, count=count)


def _import(quiz: Quiz, gift: str) -> None:
    report = quiz_services.import_gift(quiz=quiz, text=gift)
    if getattr(report, "errors", None):  # the content tests keep this from happening
        raise ValueError(f"Demo GIFT for “{quiz.title}” does not import: {report.errors}")


def _add_assignment(course: Course, module, data: dict) -> Assignment:
    spec = data["rubric"]
    rubric = create_rubric(
        course=course, title=spec["title"], description=spec.get("description", "")
    )
    for criterion in spec["criteria"]:
        save_criterion(
            rubric=rubric,
            title=criterion["title"],
            description=criterion.get("description", ""),
            levels=[
                LevelData(title=title, points=Decimal(points), description=description)
                for title, points, description in criterion["levels"]
            ],
            comments=criterion.get("comments", []),
        )
    return create_assignment(
        module=module,
        title=data["title"],
        worksheet=data["worksheet"],
        instructions=data.get("instructions", ""),
        rubric=rubric,
        pass_percent=data.get("pass_percent"),
        diary_rows=data.get("diary_rows", []),
        personal_rows_allowed=data.get("personal_rows_allowed", False),
    )


# --- people and cohorts ---------------------------------------------------------------------------


def _email(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ascii_name.lower().replace(" ", ".") + "@example.org"


def _person(name: str, credentials: str) -> User:
    email = _email(name)
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"full_name": name, "credentials": credentials, "time_zone": "America/Chicago"},
    )
    if created:
        user.set_unusable_password()  # demo roster only: they never sign in
        user.save(update_fields=["password"])
    return user


def _enroll(cohort: Cohort, user: User, *, now, team: Team | None = None) -> Enrollment:
    return Enrollment.objects.get_or_create(
        user=user,
        cohort=cohort,
        defaults={"status": EnrollmentStatus.ACTIVE, "enrolled_at": now, "team": team},
    )[0]


def _weekly_sessions(cohort: Cohort, *, weeks: int) -> list[LiveSession]:
    """A skills-practice session every week at 17:00 in the cohort's zone, from the first week."""
    sessions = []
    for week in range(weeks):
        day = cohort.starts_on + timedelta(days=1 + 7 * week)
        sessions.append(
            LiveSession.objects.get_or_create(
                cohort=cohort,
                title=f"Week {week + 1}: skills group practice",
                defaults={
                    "kind": LiveSession.Kind.SKILLS_GROUP_PRACTICE,
                    "starts_at": datetime.combine(day, time(17), ZoneInfo(cohort.time_zone)),
                    "duration_minutes": 90,
                    "join_url": "https://meet.example.org/dbt-foundations",
                },
            )[0]
        )
    return sessions


def _complete_lessons(enrollment: Enrollment, lessons, *, at) -> None:
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                enrollment=enrollment,
                lesson=lesson,
                first_viewed_at=at,
                last_viewed_at=at,
                completed_at=at,
            )
            for lesson in lessons
        ],
        ignore_conflicts=True,
    )
    repair_progress([enrollment.pk])  # bulk rows bypass the services that keep the read model


def demo_answer(question, answers: list, *, right: bool) -> dict:
    """An answer the scoring rules mark right (or wrong) for any question kind."""
    kind = question.kind
    best = max(answers, key=lambda a: a.fraction, default=None)
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE):
        wrong = next((a for a in answers if a.fraction <= 0), best)
        return {"choice": (best if right else wrong).pk}
    if kind == QuestionKind.MULTIPLE:
        good = [a.pk for a in answers if a.fraction > 0]
        return {"choices": good if right else good[:1]}
    if kind == QuestionKind.MATCHING:
        items = [a for a in answers if a.text.strip()]
        shifted = items[1:] + items[:1]
        return {
            "pairs": {
                str(item.pk): (item if right else other).pk
                for item, other in zip(items, shifted, strict=True)
            }
        }
    if kind == QuestionKind.ORDERING:
        count = len(answers)
        return {
            "positions": {
                str(a.pk): (index + 1 if right else count - index)
                for index, a in enumerate(answers)
            }
        }
    if kind == QuestionKind.SHORT:
        return {"text": best.text if right else "not sure"}
    if kind == QuestionKind.NUMERIC:
        value = best.value if best.value is not None else best.low
        return {"text": str(value) if right else "-999"}
    if kind == QuestionKind.LIKERT:
        return {"choice": answers[min(3, len(answers) - 1)].pk}
    return {"text": "The chain analysis practice helped most; I would like more role plays."}


def _take(enrollment: Enrollment, quiz: Quiz, *, share_right: float, at, rng) -> None:
    """One submitted attempt, about `share_right` of the questions answered right."""
    if quiz.attempts.filter(enrollment=enrollment).exists():
        return
    attempt = quiz_services.start_attempt(enrollment=enrollment, quiz=quiz, now=at)
    # The attempt's own questions: a post-test's are drawn from the bank when it starts.
    shown = Question.objects.filter(pk__in=attempt.question_order).prefetch_related("answers")
    for question in shown:
        answer = demo_answer(
            question, list(question.answers.all()), right=rng.random() < share_right
        )
        quiz_services.save_response(attempt=attempt, question=question, answer=answer, now=at)
    quiz_services.submit_attempt(attempt=attempt, now=at + timedelta(minutes=12))


def _item_seed(question: Question) -> random.Random:
    """A generator of the question's own, the same in every database (ids differ)."""
    return random.Random(f"{question.name}|{question.text}")


def _take_post_test(enrollment: Enrollment, quiz: Quiz, *, ability: float, at, rng) -> None:
    """A passing attempt that reads like a person's. Each item is answered right with the chance
    a two-parameter logistic model gives (item response theory): the trainee's `ability` against
    the item's own difficulty, so some items are hard for everyone and strong trainees miss
    fewer than weak ones, as the item analysis's facility and discrimination then show. If
    chance alone would fail the trainee, some wrong answers (picked at random) become right:
    every demo finisher completes the course."""
    if quiz.attempts.filter(enrollment=enrollment).exists():
        return
    attempt = quiz_services.start_attempt(enrollment=enrollment, quiz=quiz, now=at)
    shown = list(
        Question.objects.filter(pk__in=attempt.question_order)
        .order_by("pk")  # the seeded answers follow one order (the draw itself is random)
        .prefetch_related("answers")
    )
    right = {}
    for question in shown:
        difficulty = _item_seed(question).gauss(-2.0, 1.0)
        chance = 1 / (1 + math.exp(-1.7 * (ability - difficulty)))
        right[question] = rng.random() < chance
    # Every post-test item is worth one point: this many wrong still scores at least 2 percentage
    # points above the pass mark (a multiple-answer item answered wrong keeps partial credit).
    allowed = len(shown) * (100 - quiz.effective_pass_mark() - 2) // 100
    wrong = [question for question in shown if not right[question]]
    for question in rng.sample(wrong, max(0, len(wrong) - allowed)):
        right[question] = True
    answers = {}
    for question in shown:
        options = list(question.answers.all())
        if not right[question] and question.kind in CHOICE_KINDS:
            rng.shuffle(options)  # a distractor of its own, not always the first one listed
        answers[question] = demo_answer(question, options, right=right[question])
    quiz_services.save_responses(attempt=attempt, answers=answers, now=at)
    quiz_services.submit_attempt(attempt=attempt, now=at + timedelta(minutes=95))


# Invented comments for the evaluation's two open questions, the n-th finisher writing the n-th
# (those past the end of a list leave the question blank, as some trainees do).
MOST_USEFUL = [
    "The chain analysis practice helped most; I would like more role plays.",
    "Seeing a diary card used to set the session agenda by the target hierarchy.",
    "The validation levels with example responses: I use them with clients now.",
    "The worked suicide risk case gave me clear steps I can follow.",
    "Learning how the consultation team meeting runs before joining one.",
    "The distress tolerance skills, taught so that I can explain them to clients.",
    "The missing-links analysis: I had never asked why a skill was not used.",
    "Practising the four-miss rule conversation with a written case.",
    "Dialectics explained with examples from sessions, not only theory.",
]
WHAT_TO_CHANGE = [
    "More live practice time, and shorter readings in module 4.",
    "A second worked chain analysis with a different problem behavior.",
    "Recordings of skills group practice to watch before the sessions.",
    "The post-test was long; breaking it into two parts would help.",
    "More on adapting DBT for adolescents and families.",
    "Feedback on the diary card came late; a week sooner would help.",
    "A glossary of the DBT terms used across the modules.",
]


def _evaluate(enrollment: Enrollment, quiz: Quiz, *, index: int, at, rng) -> None:
    """A submitted evaluation with ratings that differ from trainee to trainee and item to item
    (most agree, a few do not), and the `index`-th comments of the lists above."""
    if quiz.attempts.filter(enrollment=enrollment).exists():
        return
    attempt = quiz_services.start_attempt(enrollment=enrollment, quiz=quiz, now=at)
    mood = rng.uniform(-0.6, 0.4)
    answers = {}
    for question in quiz.questions.order_by("position").prefetch_related("answers"):
        points = list(question.answers.all())
        if question.kind == QuestionKind.LIKERT:
            # 1..n on the item's scale, around a mean of its own between 3.6 and 4.6 of 5.
            centre = 3.6 + _item_seed(question).random() + mood
            rating = min(len(points), max(1, round(rng.gauss(centre, 0.8) * len(points) / 5)))
            answers[question] = {"choice": points[rating - 1].pk}
        elif question.kind == QuestionKind.ESSAY:
            comments = MOST_USEFUL if question.name == "Most useful" else WHAT_TO_CHANGE
            answers[question] = {"text": comments[index] if index < len(comments) else ""}
    quiz_services.save_responses(attempt=attempt, answers=answers, now=at)
    quiz_services.submit_attempt(attempt=attempt, now=at + timedelta(minutes=6))


def _chain_analysis(name: str) -> dict:
    return {
        "problem_behavior": f"Client (de-identified, for {name}'s practice) left the skills group "
        "after twenty minutes last Tuesday; urge to leave 4/5.",
        "prompting_event": "Another member described a conflict much like the client's own.",
        "vulnerability_factors": "Slept about four hours; skipped lunch; a stressful week at work.",
        "links": "Thought: everyone can see I'm falling apart.\nShame 4/5, face hot.\n"
        "Urge to escape; said nothing to the leaders.",
        "consequences": "Relief in the car; later more shame and a missed homework review.",
        "solution_analysis": "Sleep and food (PLEASE) before group; check the facts on being "
        "judged; opposite action to shame: stay and say one sentence; a coaching call plan.",
        "repair_commitment": "Told the group leader next session and agreed on a signal to step "
        "out for five minutes instead of leaving.",
    }


def _diary_week(rng, rows) -> dict:
    """A week of a practice diary card as the form posts it: low urges, no actions, medication
    taken, emotions that rise and fall, skills used most days, and the card's own rows."""
    data = {}
    for day, _label in DAYS:
        for row in rows:
            if row.kind == YES_NO:
                value = "yes" if row.key == "medication" else "no"
            elif row.key.startswith("own_"):
                value = str(rng.randint(5, 8))  # hours slept
            elif row.kind == COUNT:
                value = "0"
            elif row.kind == TEXT:
                value = "Wise mind; check the facts" if row.key == "skills_practised" else ""
            elif row.key == "skills_use":
                value = str(rng.randint(3, 6))
            elif row.group == "Urges" or row.key == "suicidal_ideation":
                value = str(rng.randint(0, 1))
            else:
                value = str(rng.randint(0, 3))
            data[cell_name(day, row)] = value
    return data


def _grade(submission, grader, *, top: bool, release: bool, at: datetime | None = None) -> None:
    """Grade with the rubric (and release); `at` dates the grade back to when the demo's story
    has it given: one seed run stands for months, and a certificate's completion date is the day
    the last requirement was met, a released grade included."""
    rubric = submission.assignment.rubric
    levels = {}
    for criterion in rubric.criteria.prefetch_related("levels"):
        ordered = list(criterion.levels.all())
        levels[criterion.pk] = (ordered[-1] if top else ordered[len(ordered) // 2]).pk
    grading.grade_submission(
        submission=submission,
        grader=grader,
        levels=levels,
        comments={},
        feedback="Specific links and a solution analysis tied to them. Well done."
        if top
        else "A good start: make the links more specific (thoughts, sensations, urges).",
        release=release,
    )
    if at is not None:
        Grade.objects.filter(submission=submission).update(
            graded_at=at, released_at=at if release else None
        )
        GradeChange.objects.filter(
            enrollment=submission.enrollment, item=item_key(submission.assignment)
        ).update(changed_at=at)


@transaction.atomic
def seed_demo_running_cohort(*, now: datetime | None = None) -> Cohort:
    """The cohort in mid-flight (see the module docstring)."""
    now = now or timezone.now()
    course = Course.objects.get(slug=COURSE_SLUG)
    trainer = User.objects.get(email="trainer@example.com")
    demo_trainee = User.objects.get(email="trainee@example.com")
    today = now.astimezone(ZoneInfo(ZONE)).date()
    cohort, created = Cohort.objects.get_or_create(
        course=course,
        name=RUNNING,
        defaults={
            "starts_on": today - timedelta(days=21),
            "ends_on": today + timedelta(days=91),  # 16 weeks: the last module is due on day 111
            "time_zone": ZONE,
            "status": "open",
            "capacity": 40,
        },
    )
    cohort.trainers.add(trainer)
    sessions = _weekly_sessions(cohort, weeks=12)
    _soon_session(cohort, now)
    demo = _enroll(cohort, demo_trainee, now=now)
    if not created:
        return cohort
    team = Team.objects.create(cohort=cohort, name=TEAM)
    people = []
    for index, (name, credentials) in enumerate(TRAINEES):
        user = _person(name, credentials)
        enrollment = _enroll(
            cohort, user, now=now - timedelta(days=30), team=team if index < 5 else None
        )
        people.append(enrollment)
    team.leader = people[0].user
    team.save(update_fields=["leader"])
    _lived_in(cohort, [demo, *people], sessions, trainer, now=now)
    return cohort


def _dbt_tags(data: dict) -> dict:
    """A content module's further components, priorities, skills modules and stage; a single
    `treatment_priority` or `skills_module` (the content's older keys) joins its list."""
    priorities = [*data.get("treatment_priorities", [])]
    skills = [*data.get("skills_modules", [])]
    if data.get("treatment_priority") and data["treatment_priority"] not in priorities:
        priorities.append(data["treatment_priority"])
    if data.get("skills_module") and data["skills_module"] not in skills:
        skills.append(data["skills_module"])
    return {
        "components": [*data.get("components", [])],
        "treatment_priorities": priorities,
        "skills_modules": skills,
        "treatment_stage": data.get("treatment_stage", ""),
    }


def _soon_session(cohort: Cohort, now: datetime) -> None:
    """A session a little over an hour away when none starts within two hours: the 24-hour
    reminder goes at the first scan and the 1-hour one a few minutes later (issue 8's demo)."""
    if LiveSession.objects.filter(
        cohort=cohort, starts_at__gt=now, starts_at__lte=now + timedelta(hours=2)
    ).exists():
        return
    start = (now + timedelta(minutes=70)).replace(second=0, microsecond=0)
    start -= timedelta(minutes=start.minute % 5)
    LiveSession.objects.create(
        cohort=cohort,
        kind=LiveSession.Kind.QA_OFFICE_HOURS,
        title="Drop-in consultation: your first chain analysis",
        starts_at=start,
        duration_minutes=60,
        join_url="https://meet.example.org/dbt-foundations-dropin",
    )


def _lived_in(cohort, enrollments, sessions, trainer, *, now) -> None:
    """Varied progress: the further down the list, the further behind (the demo trainee first,
    partway through module 3)."""
    rng = random.Random(8)  # the same roster every time
    modules = list(
        cohort.course.modules.order_by("position").prefetch_related("lessons", "quizzes")
    )
    chain = Assignment.objects.get(module__course=cohort.course, worksheet="chain_analysis")
    held = [s for s in sessions if s.starts_at <= now]
    for index, enrollment in enumerate(enrollments):
        stage = (
            3 - (index % 4) if index else 2
        )  # modules fully done: 3, 2, 1, 0 …; the demo trainee 2
        start = now - timedelta(days=20)
        for number, module in enumerate(modules[:stage]):
            at = start + timedelta(days=7 * number + 2)
            _complete_lessons(enrollment, module.lessons.all(), at=at)
            quiz = module.quizzes.filter(kind=QuizKind.KNOWLEDGE_CHECK).first()
            if quiz is not None:
                _take(enrollment, quiz, share_right=0.55 + 0.45 * rng.random(), at=at, rng=rng)
        if stage < len(modules):  # partway through the next module
            lessons = list(modules[stage].lessons.all())
            done = index % 3 if index else 2  # the demo trainee: two lessons in
            _complete_lessons(enrollment, lessons[:done], at=now - timedelta(days=1))
        for session in held:
            if rng.random() < 0.8 or enrollment.user.email == "trainee@example.com":
                Attendance.objects.get_or_create(
                    live_session=session,
                    enrollment=enrollment,
                    defaults={
                        "present": True,
                        "minutes": 90,
                        "source": "trainer",
                        "recorded_by": trainer,
                    },
                )
        if index and index % 3 == 0:  # every third handed in their chain analysis
            submission = submissions.save_and_submit(
                enrollment=enrollment,
                assignment=chain,
                data=_chain_analysis(enrollment.user.full_name),
                confirm_deidentified=True,
                now=now - timedelta(hours=index),
            )
            if index % 2 == 0:  # half of those graded (some released), the rest waiting
                _grade(submission, trainer, top=index % 4 == 0, release=index % 4 == 0)


@transaction.atomic
def seed_demo_finished_cohort(*, now: datetime | None = None) -> Cohort:
    """An earlier cohort: one trainee completed it and holds a CE certificate; the demo trainee
    completed it too and may claim theirs."""
    now = now or timezone.now()
    course = Course.objects.get(slug=COURSE_SLUG)
    trainer = User.objects.get(email="trainer@example.com")
    cohort, _ = Cohort.objects.get_or_create(
        course=course,
        name=FINISHED,
        defaults={
            "starts_on": (now - timedelta(days=140)).date(),
            "ends_on": (now - timedelta(days=20)).date(),
            "time_zone": ZONE,
            "status": "closed",
        },
    )
    cohort.trainers.add(trainer)
    sessions = _weekly_sessions(cohort, weeks=4)
    certified = _person(*CERTIFIED)
    finishers = [
        certified,
        User.objects.get(email="trainee@example.com"),
        *(_person(name, credentials) for name, credentials in FINISHERS),
    ]
    for index, user in enumerate(finishers):
        if Enrollment.objects.filter(user=user, cohort=cohort).exists():
            continue
        enrollment = _enroll(cohort, user, now=now - timedelta(days=145))
        # Done over the last weeks of the cohort, at times of their own.
        done = now - timedelta(days=25 + index % 6, hours=3 * index)
        _finish(enrollment, sessions, trainer, now=done, index=index)
    enrollment = Enrollment.objects.get(user=certified, cohort=cohort)
    if not enrollment.certificates.exists():
        claim_certificate(
            enrollment=enrollment,
            approval=CourseApproval.objects.filter(course=course).order_by("position").first(),
            now=now - timedelta(days=24),
        )
    return cohort


def _finish(enrollment, sessions, trainer, *, now, index: int = 0) -> None:
    """Everything the completion rules ask for, done the way a trainee does it (the `index`-th
    of the cohort's finishers)."""
    rng = random.Random(enrollment.user.email)  # the same answers in every database
    course = enrollment.cohort.course
    _complete_lessons(enrollment, Lesson.objects.filter(module__course=course), at=now)
    for quiz in Quiz.objects.filter(module__course=course).exclude(kind=QuizKind.KNOWLEDGE_CHECK):
        if quiz.kind == QuizKind.EVALUATION:
            _evaluate(enrollment, quiz, index=index, at=now, rng=rng)
        else:
            _take_post_test(enrollment, quiz, ability=rng.gauss(0.3, 0.7), at=now, rng=rng)
    for assignment in Assignment.objects.filter(
        module__course=course, required_for_completion=True
    ):
        data = (
            _chain_analysis(enrollment.user.full_name)
            if assignment.worksheet == "chain_analysis"
            else _diary_week(rng, assignment_rows(assignment))
        )
        submission = submissions.save_and_submit(
            enrollment=enrollment,
            assignment=assignment,
            data=data,
            confirm_deidentified=True,
            now=now,
        )
        _grade(submission, trainer, top=True, release=True, at=now)
    for session in sessions:
        Attendance.objects.get_or_create(
            live_session=session,
            enrollment=enrollment,
            defaults={"present": True, "minutes": 90, "source": "trainer", "recorded_by": trainer},
        )


def roster_emails() -> list[str]:
    return [_email(name) for name, _ in [*TRAINEES, CERTIFIED, *FINISHERS]]


@transaction.atomic
def reset_demo_course() -> None:
    """Remove the demo course, its cohorts and the invented roster (for `seed_demo --reset`)."""
    from assessments.models import Certificate

    course = Course.objects.filter(slug=COURSE_SLUG).first()
    if course is not None:
        # Certificates protect their enrollments and cohorts protect their course: a record must
        # not vanish by accident. The demo's own may go, in that order.
        Certificate.objects.filter(enrollment__cohort__course=course).delete()
        Cohort.objects.filter(course=course).delete()
        Assignment.objects.filter(module__course=course).delete()  # rubrics are theirs (PROTECT)
        course.delete()
    User.objects.filter(email__in=roster_emails()).delete()
