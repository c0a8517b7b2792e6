"""The demo course: its content files are sound (every module tagged, lessons long enough,
every quiz imports, every scored question has a right answer, the stage-1 targets in order),
and `seed_demo` builds a course and cohorts the pages show as the data says, once."""

import datetime
from collections import Counter
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from assessments.quizzes.gift import parse
from dbt_training import demo_content
from dbt_training.demo_content import assessment
from dbt_training.demo_content.checks import course_problems, gift_problems, module_problems
from modules.taxonomy import TreatmentPriority

STAGE_ONE = [
    "Life-threatening behaviors",
    "Therapy-interfering behaviors",
    "Quality-of-life-interfering behaviors",
    "Increasing behavioral skills",
]


@pytest.mark.parametrize("number", range(1, 16))
def test_each_module_is_sound(number):
    assert module_problems(demo_content.modules()[number - 1]) == []


def test_fifteen_modules_the_fact_sheets_ten_then_the_treatment_in_practice():
    modules = demo_content.modules()
    assert [m["title"] for m in modules[10:]] == [
        "Treatment structure, pre-treatment and agreements",
        "Suicide risk assessment and management",
        "Problem solving beyond the chain",
        "Change procedures",
        "The consultation team at work",
    ]
    assert all(m["component"] for m in modules)
    offsets = [m["release_offset_days"] for m in modules]
    assert offsets == sorted(offsets)
    assert all(m["due_offset_days"] > m["release_offset_days"] for m in modules)


def test_the_course_as_a_whole_is_sound():
    """Hours claimed = lesson time, six post-test items drawn per hour from a larger bank, every
    component and stage used, no post-test item repeating a knowledge check, every key valid."""
    assert course_problems() == []
    minutes = sum(demo_content.lesson_minutes(m) for m in demo_content.modules())
    assert demo_content.ce_hours() == Decimal(minutes // 15) / 4


def test_the_course_checks_find_a_repeated_knowledge_check_and_a_bad_key(monkeypatch):
    from dbt_training.demo_content import post_test

    knowledge_check = demo_content.modules()[0]["quiz"]["gift"]
    first = parse(knowledge_check).questions[0]
    items = post_test.items
    monkeypatch.setattr(
        post_test,
        "items",
        lambda number: items(number) + ("\n\n" + knowledge_check if number == 1 else ""),
    )
    problems = course_problems()
    assert f"post-test items of module 1: “{first.name}” repeats a knowledge-check question" in (
        problems
    )
    bad = "::Two keys::Which comes first? {=Life-threatening behaviors =Skills ~Fees}"
    assert gift_problems("x", bad, minimum=1) == [
        "x: “Two keys”: a single choice needs one right answer and at least two others"
    ]


def test_the_claimed_hours_never_exceed_the_lesson_time(monkeypatch):
    modules = demo_content.modules()
    monkeypatch.setattr(demo_content, "modules", lambda: modules[:1])
    # Module 1's lessons: 115 minutes, claimed as 1.75 hours (rounded down to a quarter hour).
    assert demo_content.lesson_minutes(modules[0]) == 115
    assert demo_content.ce_hours() == Decimal("1.75")


def test_the_final_assessment_is_sound():
    gift = assessment.post_test_gift()
    assert gift_problems("post-test", gift, minimum=150) == []
    assert gift_problems("evaluation", assessment.EVALUATION["gift"], minimum=3) == []
    assert assessment.POST_TEST["pass_mark"] == 80
    kinds = {q.kind for q in parse(assessment.EVALUATION["gift"]).questions}
    assert {"likert", "essay"} <= kinds


def ordering_questions(gift: str):
    return [q for q in parse(gift).questions if q.kind == "ordering"]


@pytest.mark.parametrize(
    "gift",
    [demo_content.modules()[2]["quiz"]["gift"], assessment.post_test_gift()],
    ids=["module 3 knowledge check", "post-test"],
)
def test_the_stage_one_targets_are_ordered_by_priority(gift):
    hierarchies = [
        q for q in ordering_questions(gift) if {a.text for a in q.answers} == set(STAGE_ONE)
    ]
    assert hierarchies, "an ordering question on the four stage-1 targets"
    for question in hierarchies:
        # An ordering question's answers are stored in their right order.
        assert [a.text for a in question.answers] == STAGE_ONE
    assert [label for _, label in TreatmentPriority.choices][0].startswith("Life-threatening")


def test_a_matching_question_pairs_skills_with_skills_modules():
    matching = [
        q
        for q in parse(demo_content.modules()[8]["quiz"]["gift"]).questions
        if q.kind == "matching"
    ]
    pairs = {a.text: a.match for q in matching for a in q.answers if a.text}
    assert any("DEAR MAN" in skill and "nterpersonal" in module for skill, module in pairs.items())


def test_each_assignment_has_a_rubric_with_rising_points():
    assert {a["worksheet"] for a in assessment.ASSIGNMENTS} == {"chain_analysis", "diary_card"}
    for data in assessment.ASSIGNMENTS:
        criteria = data["rubric"]["criteria"]
        assert 3 <= len(criteria) <= 5
        for criterion in criteria:
            points = [points for _, points, _ in criterion["levels"]]
            assert len(points) >= 2 and points == sorted(points) and points[0] < points[-1]


def test_approvals_say_they_are_demo_data():
    assert assessment.APPROVALS
    assert all("demo" in a["approval_statement"].lower() for a in assessment.APPROVALS)
    # Invented numbers, valid from an invented date with no end, so the demo seeds in any year.
    assert [a["approval_number"] for a in assessment.APPROVALS] == [
        "DEMO-APA-0000",
        "DEMO-ASWB-0000",
        "DEMO-NBCC-0000",
    ]
    assert {(a["valid_from"], a["valid_until"]) for a in assessment.APPROVALS} == {
        (datetime.date(2026, 1, 1), None)
    }


# --- the seeded data -----------------------------------------------------------------------------


def counts() -> Counter:
    from django.apps import apps

    return Counter(
        {
            model._meta.label: model.objects.count()
            for model in apps.get_models()
            if model._meta.app_label in ("courses", "modules", "assessments", "users", "reminders")
        }
    )


@pytest.mark.django_db
def test_seed_demo_builds_the_course_and_a_second_run_changes_nothing():
    from assessments.models import Attempt, Certificate, Quiz, Submission
    from assessments.quizzes import bank
    from courses.models import Cohort, Course

    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first

    course = Course.objects.get(slug="dbt-foundations")
    assert course.title == "Introduction to DBT for Clinicians"
    assert course.status == "published"
    assert course.modules.count() == 15
    assert all(3 <= m.lessons.count() <= 6 for m in course.modules.all())
    assert Quiz.objects.filter(module__course=course, kind="knowledge_check").count() == 15
    # CE hours are the lesson time (1,616 minutes), rounded down to a quarter hour.
    assert course.ce_hours == Decimal("26.75")
    post_test = Quiz.objects.get(module__course=course, kind="post_test")
    # The post-test draws six items per hour of each module's lessons, rounded up, from that
    # module's category, which holds two more: a second attempt meets other items.
    assert (post_test.pass_mark, post_test.questions.count()) == (80, 0)
    # The content often lists the keyed answer first: every attempt shuffles the choices.
    assert set(
        Quiz.objects.filter(module__course=course)
        .exclude(kind="evaluation")
        .values_list("shuffle_choices", flat=True)
    ) == {True}
    draws = list(post_test.draws.select_related("category").order_by("position"))
    assert [d.category.name for d in draws[:3]] == [
        "01 Foundations of DBT",
        "02 Structure of comprehensive DBT",
        "03 Stages and targets",
    ]
    assert {d.category.parent.name for d in draws} == {"Post-test"}
    assert [d.count for d in draws] == [12, 11, 12, 14, 10, 10, 14, 13, 12, 11, 10, 9, 10, 10, 9]
    assert bank.question_count(post_test) == 167  # at least 6 × 26.75
    sizes = bank.pool_sizes(post_test)
    assert [sizes[d.pk] for d in draws] == [d.count + 2 for d in draws]
    assert Quiz.objects.filter(module__course=course, kind="evaluation").count() == 1
    running = Cohort.objects.get(course=course, name="Spring cohort")
    assert running.enrollments.count() == 31  # the demo trainee and 30 more
    assert running.teams.count() == 1
    now = timezone.now()
    assert running.live_sessions.filter(starts_at__lte=now).exists()
    assert running.live_sessions.filter(starts_at__gt=now).exists()
    assert Attempt.objects.filter(enrollment__cohort=running, submitted_at__isnull=False).exists()
    states = set(
        Submission.objects.filter(enrollment__cohort=running).values_list("status", flat=True)
    )
    assert {"submitted", "graded"} <= states
    assert Certificate.objects.filter(enrollment__cohort__course=course, kind="ce").count() == 1
    # The finished cohort's certificate: its last requirement met (25 days ago) before the trainee
    # claimed (24 days ago) and the cohort ended (20), never on the day the demo was seeded.
    issued = Certificate.objects.get(enrollment__cohort__course=course, kind="ce")
    assert issued.completed_on < issued.issued_at.date() < issued.ends_on < now.date()


@pytest.mark.django_db
def test_the_demo_evaluation_and_post_test_reports_show_real_figures():
    """Enough finishers in the autumn cohort for both reports' thresholds, with answers that
    vary: the evaluation rates each learning objective, the item analysis is not flat."""
    from assessments.evaluation.report import MIN_RESPONSES, report
    from assessments.models import Attempt, ProgramSignatory, Quiz
    from assessments.quizzes.analysis import MIN_ATTEMPTS, analyse
    from courses.models import Cohort

    call_command("seed_demo")
    course = Quiz.objects.get(kind="evaluation").module.course
    finished = Cohort.objects.get(course=course, name="Autumn cohort (finished)")
    assert finished.enrollments.count() == 12

    survey = Quiz.objects.get(module__course=course, kind="evaluation")
    items = list(survey.questions.order_by("position"))
    assert [q.name for q in items[:6]] == [
        "Clear content",
        "Relevant to practice",
        "Fair assessment",
        "Useful feedback",
        "Ready to apply",
        "No commercial bias",
    ]
    assert [(q.kind, q.learning_objective) for q in items[6:16]] == [
        ("likert", n) for n in range(1, 11)
    ]
    assert items[6].text == (
        "This course enabled me to: describe the biosocial theory and the central dialectic of "
        "acceptance and change"
    )
    assert [q.name for q in items[16:]] == ["Most useful", "What to change"]
    for cohort in (None, finished):
        evaluation = report(survey, cohort=cohort)
        assert evaluation.withheld is False
        assert evaluation.respondents == 12 >= MIN_RESPONSES
        assert [o.number for o in evaluation.objectives] == list(range(1, 11))
        assert [o.text for o in evaluation.objectives] == course.objectives
        assert all(o.summary.answered == 12 for o in evaluation.objectives)
        # Ratings differ from objective to objective, and not everyone agrees.
        assert len({o.summary.mean for o in evaluation.objectives}) > 3
        assert any(o.summary.points[2].count for o in evaluation.objectives)
    comments = evaluation.questions[16].texts
    assert len(comments) == len(set(comments)) == 9

    post_test = Quiz.objects.get(module__course=course, kind="post_test")
    attempts = Attempt.objects.filter(quiz=post_test).submitted()
    assert attempts.count() == 12 and all(a.passed for a in attempts)
    assert len({a.score for a in attempts}) > 6  # some wrong, and not the same number
    for cohort_id in (None, finished.pk):
        analysis = analyse(post_test, cohort_id=cohort_id)
        assert analysis.attempt_count == 12 >= MIN_ATTEMPTS and analysis.enough
        facilities = [item.facility for item in analysis.items if item.facility is not None]
        assert min(facilities) < 0.6 and max(facilities) == 1
        discriminations = [i.discrimination for i in analysis.items if i.discrimination]
        assert len(discriminations) > 60
        assert sum(discriminations) / len(discriminations) > 0.1  # strong trainees do better

    signatory = ProgramSignatory.objects.get(course=course)
    assert (signatory.name, signatory.title, signatory.signature.name) == (
        "Morgan Ellis",
        "CE program director (demo)",
        "",
    )
    approvals = course.ce_approvals.order_by("position")
    assert list(approvals.values_list("approval_number", "valid_from", "valid_until")) == [
        (number, datetime.date(2026, 1, 1), None)
        for number in ("DEMO-APA-0000", "DEMO-ASWB-0000", "DEMO-NBCC-0000")
    ]


@pytest.mark.django_db
def test_the_demo_trainees_progress_reads_the_same_on_the_pages(client):
    from courses.models import Enrollment
    from dbt_training.users.models import User
    from modules.progress import progress_for

    call_command("seed_demo")
    trainee = User.objects.get(email="trainee@example.com")
    enrollment = Enrollment.objects.select_related("cohort").get(
        user=trainee, cohort__name="Spring cohort"
    )
    progress = progress_for([enrollment])[enrollment.pk]
    assert 0 < progress.done < progress.total
    client.force_login(trainee)
    home = client.get(reverse("learn:cohort", args=[enrollment.cohort_id])).content.decode()
    assert f"{progress.percent}% · {progress.done} of {progress.total} lessons" in home
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert f"{progress.percent}% complete" in dashboard
