"""The tests' objects: a factory per model with the defaults most tests want, the few builders of
larger shapes the tests share (sessions held, a question of every kind), and shared content
(a chain analysis, an approval statement, sample files).

Related objects default to ones that agree with each other: an attempt's enrollment is in a
cohort of its quiz's course, a submission's in a cohort of its assignment's course, a grade's
enrollment is its submission's. Questions are saved through the authoring service, which checks
their answers and numbers them.
"""

import datetime
import io
import zipfile
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from dbt_training.users.models import User
from dbt_training.users.second_factor import needs_second_factor
from modules.content import render_markdown
from tests.second_factor import give_second_factor

# --- shared content ------------------------------------------------------------------------------

# A complete chain analysis worksheet: SubmissionFactory's content.
CHAIN = {
    "problem_behavior": "Client A skipped Tuesday's session (stayed in bed, urge 4/5).",
    "prompting_event": "A critical email from a supervisor on Monday night.",
    "vulnerability_factors": "Slept four hours; skipped dinner.",
    "links": "Thought: I'll fail anyway.\nShame 4/5.\nUrge to hide.",
    "consequences": "Short-term relief; long-term more shame and a missed skills review.",
    "solution_analysis": "Check the facts on the email; opposite action to shame; PLEASE skills.",
    "repair_commitment": "Called to reschedule; committed to a coaching call next time.",
}

# The APA's approval wording: CertificateFactory's statement on a CE certificate.
APA_STATEMENT = (
    "The DBT Training Institute is approved by the American Psychological Association to sponsor "
    "continuing education for psychologists. The DBT Training Institute maintains responsibility "
    "for this program and its content."
)

# Files as uploads carry them: the smallest PDF, and Office packages (ZIPs of XML parts).
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def ooxml(*parts: str) -> bytes:
    """A ZIP package holding the named parts, as Word and PowerPoint write them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for part in parts:
            package.writestr(part, '<?xml version="1.0" encoding="UTF-8"?><x/>')
    return buffer.getvalue()


DOCX = ooxml("[Content_Types].xml", "_rels/.rels", "word/document.xml")


# --- accounts, courses and cohorts ------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a verified primary email, so allauth's mandatory verification lets them in."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"clinician{n}@example.org")
    full_name = factory.Faker("name")
    time_zone = "America/Chicago"
    password = factory.django.Password("a-Long-passphrase-42")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=[role.value for role in extracted]))

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        """Staff have an authenticator app (tests.second_factor.SECRET), as the site requires;
        second_factor=False makes one who has not set it up yet."""
        # Asked of a fresh copy: has_perm() caches on the instance, and a test may change the
        # groups of this one afterwards.
        if create and extracted is not False and needs_second_factor(User.objects.get(pk=self.pk)):
            give_second_factor(self)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Course"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"dbt-course-{n}")
    title = factory.Sequence(lambda n: f"DBT Course {n}")
    summary = "An introduction to comprehensive DBT for clinicians."
    audience = "Licensed clinicians joining a DBT consultation team."
    learning_objectives = "Describe the biosocial theory\nName the four modes of DBT"
    ce_hours = "12.50"
    pass_mark = 80

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.add(*extracted)

    @factory.post_generation
    def modules(self, create, extracted, chained=False, **kwargs):
        """`modules=3`: three modules at positions 1 to 3. `modules__lessons=2` gives each two
        lessons, `modules__chained=True` makes each module a prerequisite of the next, and any
        other `modules__<field>` is passed to every ModuleFactory."""
        if not (create and extracted):
            return
        previous = None
        for position in range(1, extracted + 1):
            module = ModuleFactory(course=self, position=position, **kwargs)
            if chained and previous is not None:
                module.prerequisites.add(previous)
            previous = module


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "modules.Module"
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."
    component = "foundations"
    position = factory.Sequence(lambda n: n + 1)

    @factory.post_generation
    def lessons(self, create, extracted, **kwargs):
        """`lessons=3`: three lessons at positions 1 to 3; `lessons__<field>` sets a field of each."""
        if create and extracted:
            for position in range(1, extracted + 1):
                LessonFactory(module=self, position=position, **kwargs)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "modules.Lesson"

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    kind = "reading"
    body_markdown = "Validation is **not** approval."
    body_html = "<p>Validation is <strong>not</strong> approval.</p>\n"
    estimated_minutes = 15
    position = factory.Sequence(lambda n: n + 1)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Cohort"
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    starts_on = datetime.date(2027, 1, 11)
    ends_on = datetime.date(2027, 7, 9)
    time_zone = "America/New_York"
    status = "open"

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.trainers.add(*extracted)


class EnrollmentFactory(factory.django.DjangoModelFactory):
    """An active enrollment, enrolled just now."""

    class Meta:
        model = "courses.Enrollment"

    user = factory.SubFactory(UserFactory)
    cohort = factory.SubFactory(CohortFactory)
    status = "active"
    enrolled_at = factory.LazyFunction(timezone.now)


class LessonProgressFactory(factory.django.DjangoModelFactory):
    """A lesson viewed just now (pass `completed_at` for a completed one), written as a bulk load
    would and then brought into the progress read model by its repair, as seed data is."""

    class Meta:
        model = "modules.LessonProgress"

    first_viewed_at = factory.LazyFunction(timezone.now)
    last_viewed_at = factory.SelfAttribute("first_viewed_at")
    completed_at = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from modules.progress import repair_progress

        row = super()._create(model_class, *args, **kwargs)
        repair_progress([row.enrollment_id])
        return row


class LiveSessionFactory(factory.django.DjangoModelFactory):
    """A 90-minute didactic session a week from now."""

    class Meta:
        model = "courses.LiveSession"

    cohort = factory.SubFactory(CohortFactory)
    kind = "didactic"
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class AttendanceFactory(factory.django.DjangoModelFactory):
    """Present at a session, as the trainer recorded it."""

    class Meta:
        model = "courses.Attendance"

    live_session = factory.SubFactory(LiveSessionFactory)
    enrollment = factory.SubFactory(
        EnrollmentFactory, cohort=factory.SelfAttribute("..live_session.cohort")
    )
    present = True
    source = "trainer"


def hold_sessions(cohort, attended: dict, count: int) -> list:
    """`count` sessions of the cohort held on the days before today; `attended` maps an
    enrollment to how many of them (the first ones) it was present at."""
    start = timezone.now() - datetime.timedelta(days=count + 1)
    sessions = [
        LiveSessionFactory(
            cohort=cohort, title=f"Session {n}", starts_at=start + datetime.timedelta(days=n)
        )
        for n in range(count)
    ]
    for enrollment, present in attended.items():
        for session in sessions[:present]:
            AttendanceFactory(live_session=session, enrollment=enrollment)
    return sessions


# --- quizzes -------------------------------------------------------------------------------------


class QuizFactory(factory.django.DjangoModelFactory):
    """A knowledge check. Saved as it is: its position stays 0 unless given (the authoring
    service numbers a module's quizzes from 1)."""

    class Meta:
        model = "assessments.Quiz"

    module = factory.SubFactory(ModuleFactory)
    title = "Check"
    kind = "knowledge_check"
    instructions = ""
    # Stored HTML as the quiz service renders it when it saves (models render nothing).
    instructions_html = factory.LazyAttribute(lambda o: render_markdown(o.instructions))


def default_answers(kind: str) -> list:
    """Answers that make a complete question of this kind (none for an essay)."""
    from assessments.quizzes.services import AnswerData as A

    full, none = Decimal(100), Decimal(0)
    return {
        "single": [A("Radical acceptance", full), A("Opposite action", none)],
        "multiple": [A("Observe", Decimal(50)), A("Describe", Decimal(50)), A("PLEASE", none)],
        "true_false": [A("True", full), A("False", none)],
        "matching": [
            A("TIPP", match="Distress tolerance"),
            A("Wise mind", match="Mindfulness"),
        ],
        "ordering": [A("Life-threatening behaviors"), A("Therapy-interfering behaviors")],
        "short": [A("wise mind", full)],
        "numeric": [A(value=Decimal(4), tolerance=none, fraction=full)],
        "essay": [],
        "likert": [A("Disagree"), A("Neutral"), A("Agree")],
    }[kind]


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question with its answers, saved through the authoring service, so the answers pass the
    rules the form applies and the question goes last in its quiz. `answers` is a list of
    `AnswerData`; without it, the kind gets `default_answers`."""

    class Meta:
        model = "assessments.Question"

    quiz = factory.SubFactory(QuizFactory)
    kind = "single"
    text = factory.LazyAttribute(lambda o: f"A {o.kind} question")
    answers = factory.LazyAttribute(lambda o: default_answers(o.kind))

    @classmethod
    def _build(cls, model_class, *args, answers=(), **kwargs):
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *, quiz, answers=(), **fields):
        from assessments.quizzes import services

        return services.save_question(quiz=quiz, answers=list(answers), **fields)


def every_kind(quiz) -> dict:
    """One question of each kind in `quiz`, keyed by kind; points 1 unless said."""
    from assessments.quizzes.services import AnswerData as A

    def question(kind, answers=(), **fields):
        return QuestionFactory(quiz=quiz, kind=kind, answers=answers, **fields)

    return {
        "single": question(
            "single",
            [
                A(
                    "TIP skills",
                    Decimal(100),
                    "Right: temperature, intense exercise, paced breathing.",
                ),
                A("DEAR MAN", Decimal(0), "That is an interpersonal effectiveness skill."),
                A("Check the facts", Decimal(0)),
            ],
            text="Which skills bring extreme arousal down fast?",
        ),
        "multiple": question(
            "multiple",
            [
                A("Observe", Decimal(50)),
                A("Describe", Decimal(50)),
                A("Opposite action", Decimal(-100), "An emotion regulation skill."),
                A("Radical acceptance", Decimal(0)),
            ],
            text="Which are mindfulness “what” skills?",
            points=Decimal(2),
        ),
        "true_false": question(
            "true_false",
            [A("True", Decimal(100), "Yes."), A("False", Decimal(0), "No: it does.")],
            text="DBT includes phone coaching.",
        ),
        "matching": question(
            "matching",
            [
                A("TIPP", match="Distress tolerance"),
                A("DEAR MAN", match="Interpersonal effectiveness"),
                A("Wise mind", match="Mindfulness"),
                A("", match="Walking the middle path"),
            ],
            text="Match each skill to its module.",
            points=Decimal(3),
        ),
        "ordering": question(
            "ordering",
            [
                A("Life-threatening behaviors"),
                A("Therapy-interfering behaviors"),
                A("Quality-of-life-interfering behaviors"),
                A("Increasing behavioral skills"),
            ],
            text="Order the stage-1 targets, highest priority first.",
            points=Decimal(4),
        ),
        "short": question(
            "short",
            [A("wise mind", Decimal(100)), A("wisemind", Decimal(50), "Two words.")],
            text="Where reasonable mind and emotion mind overlap:",
        ),
        "numeric": question(
            "numeric",
            [
                A(value=Decimal(4), tolerance=Decimal(0), fraction=Decimal(100)),
                A(low=Decimal(3), high=Decimal(5), fraction=Decimal(50)),
            ],
            text="How many modes of comprehensive DBT?",
        ),
        "essay": question("essay", text="Describe a chain analysis you would run."),
        "likert": question(
            "likert",
            [A(t) for t in ("Disagree", "Neutral", "Agree")],
            text="The module was useful.",
        ),
    }


class AttemptFactory(factory.django.DjangoModelFactory):
    """A submitted attempt whose score is written in, out of 100 points (`percent` is also the
    score), as the gradebook reads it; it holds no responses. `in_progress=True` leaves it open
    and unscored. An attempt scored from its answers is one the quiz service starts and submits."""

    class Meta:
        model = "assessments.Attempt"

    class Params:
        in_progress = factory.Trait(submitted_at=None, percent=None, max_score=None)

    quiz = factory.SubFactory(QuizFactory)
    enrollment = factory.SubFactory(
        EnrollmentFactory, cohort__course=factory.SelfAttribute("...quiz.module.course")
    )
    number = 1
    started_at = factory.LazyFunction(timezone.now)
    submitted_at = factory.SelfAttribute("started_at")
    percent = Decimal(80)
    score = factory.SelfAttribute("percent")
    max_score = Decimal(100)
    awaiting_grading = False


# --- assignments and grades ----------------------------------------------------------------------


class LevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessments.Level"

    criterion = factory.SubFactory("tests.factories.CriterionFactory", levels=[])
    title = "Complete"
    points = Decimal(2)


class BankCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessments.BankComment"

    criterion = factory.SubFactory("tests.factories.CriterionFactory", bank_comments=[])
    text = "Say what happened moment by moment."


LEVEL_TITLES = ("Missing", "Partial", "Complete")


class CriterionFactory(factory.django.DjangoModelFactory):
    """A criterion with the levels Missing, Partial and Complete (0, 1 and 2 points) and a comment
    bank of two. `levels=(0, 2, 4)` gives other points (`levels=[]` none); `bank_comments=[...]`
    other comments."""

    class Meta:
        model = "assessments.Criterion"
        skip_postgeneration_save = True

    rubric = factory.SubFactory("tests.factories.RubricFactory", criteria=[])
    title = factory.Sequence(lambda n: f"Criterion {n}")

    @factory.post_generation
    def levels(self, create, extracted, **kwargs):
        if not create:
            return
        points = (0, 1, 2) if extracted is None else extracted
        titles = LEVEL_TITLES if len(points) == 3 else [f"Level {n}" for n in range(len(points))]
        for position, (title, value) in enumerate(zip(titles, points, strict=True)):
            LevelFactory(criterion=self, title=title, points=Decimal(value), position=position)

    @factory.post_generation
    def bank_comments(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = [
                f"Good work on: {self.title.lower()}.",
                "Say what happened moment by moment.",
            ]
        for position, text in enumerate(extracted):
            BankCommentFactory(criterion=self, text=text, position=position)


class RubricFactory(factory.django.DjangoModelFactory):
    """The chain analysis rubric: two criteria of three levels each (0/1/2 and 0/2/4 points, so 6
    at most), each with a comment bank of two. `criteria=[(title, points), ...]` gives others
    (`criteria=[]` none)."""

    class Meta:
        model = "assessments.Rubric"
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    title = "Chain analysis rubric"

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = [("Links are specific", (0, 1, 2)), ("Solutions fit each link", (0, 2, 4))]
        for position, (title, points) in enumerate(extracted):
            CriterionFactory(rubric=self, title=title, position=position, levels=points)


def pick_levels(rubric, *positions) -> dict:
    """{criterion id: level id} choosing the level at each position, criterion by criterion
    (0 = Missing … 2 = Complete in a RubricFactory rubric)."""
    return {
        criterion.pk: list(criterion.levels.all())[position].pk
        for criterion, position in zip(rubric.criteria.all(), positions, strict=True)
    }


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A free-text worksheet out of 10 points, graded without a rubric. Saved as it is: its
    position stays 0 unless given. `chain_analysis=True` makes it the chain analysis of a missed
    session, graded with the course's chain analysis rubric."""

    class Meta:
        model = "assessments.Assignment"

    class Params:
        chain_analysis = factory.Trait(
            title="Chain analysis of a missed session",
            instructions="Analyse the chain that led to the missed session.",
            worksheet="chain_analysis",
            rubric=factory.SubFactory(
                RubricFactory, course=factory.SelfAttribute("..module.course")
            ),
        )

    module = factory.SubFactory(ModuleFactory)
    title = "Worksheet"
    worksheet = "free_text"
    instructions = ""
    # Stored HTML as the authoring service renders it when it saves (models render nothing).
    instructions_html = factory.LazyAttribute(lambda o: render_markdown(o.instructions))


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A chain analysis (CHAIN, whatever the assignment's worksheet) submitted and de-identified
    `hours_ago` hours ago, 24 unless said, waiting in the grading queue. `status="draft"` leaves it
    unsubmitted."""

    class Meta:
        model = "assessments.Submission"

    class Params:
        hours_ago = 24

    assignment = factory.SubFactory(AssignmentFactory, chain_analysis=True)
    enrollment = factory.SubFactory(
        EnrollmentFactory, cohort__course=factory.SelfAttribute("...assignment.module.course")
    )
    status = "submitted"
    content = factory.LazyFunction(lambda: dict(CHAIN))
    saved_at = factory.LazyAttribute(
        lambda o: timezone.now() - datetime.timedelta(hours=o.hours_ago)
    )
    submitted_at = factory.LazyAttribute(lambda o: None if o.status == "draft" else o.saved_at)
    revision = factory.LazyAttribute(lambda o: 0 if o.status == "draft" else 1)
    deidentified_at = factory.SelfAttribute("saved_at")


class GradeFactory(factory.django.DjangoModelFactory):
    """4 points out of the assignment's maximum for a submission graded (and released) just now,
    with no rubric scores. The submission, and with it the grade's enrollment, is made unless
    given: `GradeFactory(submission__assignment=sheet, submission__enrollment=enrollment)`.
    `released=False` keeps the grade hidden from the trainee."""

    class Meta:
        model = "assessments.Grade"

    class Params:
        released = True

    submission = factory.SubFactory(
        SubmissionFactory, status="graded", saved_at=factory.SelfAttribute("..graded_at")
    )
    enrollment = factory.SelfAttribute("submission.enrollment")
    score = Decimal(4)
    max_score = factory.LazyAttribute(lambda o: o.submission.assignment.max_points())
    graded_at = factory.LazyFunction(timezone.now)
    released_at = factory.Maybe("released", factory.SelfAttribute("graded_at"), None)


# --- certificates --------------------------------------------------------------------------------


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate as `claim_certificate` would freeze it, for a name that is not ASCII: a CE
    certificate for psychologists unless `kind` says otherwise (an attendance certificate has the
    hours but no approval, a letter of participation neither). Its code is a fresh random one."""

    class Meta:
        model = "assessments.Certificate"

    class Params:
        ce = factory.LazyAttribute(lambda o: o.kind == "ce")

    enrollment = factory.SubFactory(EnrollmentFactory, status="completed")
    kind = "ce"
    issued_at = datetime.datetime(2027, 6, 30, 15, 0, tzinfo=datetime.UTC)
    full_name = "Łukasz Żółć"
    credentials = "PhD, LCSW"
    course_title = "Foundational DBT for clinicians"
    cohort_name = "Spring 2027"
    starts_on = datetime.date(2027, 1, 11)
    completed_on = datetime.date(2027, 6, 30)
    ce_hours = factory.LazyAttribute(
        lambda o: None if o.kind == "participation" else Decimal("12.50")
    )
    profession = factory.Maybe("ce", "Psychologists", "")
    accrediting_body = factory.Maybe("ce", "American Psychological Association", "")
    approval_statement = factory.Maybe("ce", APA_STATEMENT, "")
    lead_trainer = "Terry Chen, PhD"


# --- reminders -----------------------------------------------------------------------------------


class ReminderFactory(factory.django.DjangoModelFactory):
    """A reminder of tomorrow's skills group, due (and waiting to be emailed) since 1 March 2027,
    15:00 UTC."""

    class Meta:
        model = "reminders.Reminder"

    enrollment = factory.SubFactory(EnrollmentFactory)
    kind = "live_session_24h"
    key = factory.Sequence(lambda n: f"session:{n + 1}")
    due_at = datetime.datetime(2027, 3, 1, 15, 0, tzinfo=datetime.UTC)
    payload = factory.LazyFunction(lambda: {"title": "Skills group: mindfulness"})
