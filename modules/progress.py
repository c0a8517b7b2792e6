"""Where trainees stand: which modules are open (and, if not, why), what they completed, and
how far they are overall and by DBT component, treatment priority and skills module.

The one place these numbers come from: the dashboard, the cohort home, the lesson player and
(later) the trainer roster all call `progress_for`. It loads any number of enrollments in a
fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils import timezone

from courses.models import Enrollment, EnrollmentStatus

from .models import Lesson, LessonProgress, Module, ModuleScheduleOverride
from .schedule import module_dates
from .taxonomy import Component, SkillsModule, TreatmentPriority


@dataclass
class ModuleState:
    module: Module
    release_on: date
    due_on: date | None
    lessons: list
    completed_ids: set[int]
    lock_reason: str = ""

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.pk in self.completed_ids)

    @property
    def is_complete(self) -> bool:
        return self.done == self.total

    @property
    def is_open(self) -> bool:
        return not self.lock_reason

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


@dataclass(frozen=True)
class Share:
    """Lessons done out of lessons in one part of DBT (a component, priority or skills module)."""

    key: str
    label: str
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class CohortProgress:
    enrollment: Enrollment
    modules: list[ModuleState]
    resume_lesson: object | None = None
    by_component: list[Share] = field(default_factory=list)
    by_priority: list[Share] = field(default_factory=list)
    by_skills_module: list[Share] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(m.total for m in self.modules)

    @property
    def done(self) -> int:
        return sum(m.done for m in self.modules)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def next_lesson(self):
        """The first lesson not yet completed in an open module, in course order."""
        for state in self.modules:
            if state.is_open:
                for lesson in state.lessons:
                    if lesson.pk not in state.completed_ids:
                        return lesson
        return None

    def state_of(self, module_id: int) -> ModuleState | None:
        return next((m for m in self.modules if m.module.pk == module_id), None)


def progress_for(enrollments: list[Enrollment], *, now: datetime | None = None) -> dict:
    """{enrollment id: CohortProgress} for enrollments with `cohort` loaded, in seven queries."""
    now = now or timezone.now()
    if not enrollments:
        return {}
    course_ids = {e.cohort.course_id for e in enrollments}
    modules = list(
        Module.objects.filter(course__in=course_ids)
        .order_by("course", "position")
        .select_related("team_gate")
        .prefetch_related(
            # Titles and order only: bodies are large and these pages never print them.
            Prefetch(
                "lessons",
                queryset=Lesson.objects.only(
                    "id", "module_id", "title", "kind", "estimated_minutes", "position"
                ),
            ),
            "prerequisites",
        )
    )
    modules_by_course = defaultdict(list)
    for module in modules:
        modules_by_course[module.course_id].append(module)
    overrides = {
        (o.cohort_id, o.module_id): o
        for o in ModuleScheduleOverride.objects.filter(
            cohort__in={e.cohort_id for e in enrollments}
        )
    }
    completed = defaultdict(set)
    resume = {}
    rows = (
        LessonProgress.objects.filter(enrollment__in=enrollments)
        .select_related("lesson__module")
        .order_by("last_viewed_at")
    )
    for row in rows:
        resume[row.enrollment_id] = row.lesson  # last one wins: the most recently viewed
        if row.completed_at is not None:
            completed[row.enrollment_id].add(row.lesson_id)
    team_done = _team_completions(enrollments, modules)
    result = {}
    for enrollment in enrollments:
        cohort = enrollment.cohort
        today = now.astimezone(ZoneInfo(cohort.time_zone)).date()
        done_ids = completed[enrollment.pk]
        states = []
        for module in modules_by_course[cohort.course_id]:
            release_on, due_on = module_dates(cohort, module, overrides.get((cohort.pk, module.pk)))
            lessons = sorted(module.lessons.all(), key=lambda lesson: lesson.position)
            states.append(ModuleState(module, release_on, due_on, lessons, done_ids))
        complete = {s.module.pk for s in states if s.is_complete}
        for state in states:
            state.lock_reason = _lock_reason(state, today, complete, enrollment, team_done)
        progress = CohortProgress(enrollment, states, resume_lesson=resume.get(enrollment.pk))
        progress.by_component = _shares(states, "component", Component)
        progress.by_priority = _shares(states, "treatment_priority", TreatmentPriority)
        progress.by_skills_module = _shares(states, "skills_module", SkillsModule)
        result[enrollment.pk] = progress
    return result


def cohort_progress(enrollment: Enrollment, *, now: datetime | None = None) -> CohortProgress:
    return progress_for([enrollment], now=now)[enrollment.pk]


def _lock_reason(state, today, complete, enrollment, team_done) -> str:
    module = state.module
    if today < state.release_on:
        return f"Opens on {state.release_on:%-d %B %Y}."
    missing = [p for p in module.prerequisites.all() if p.pk not in complete]
    if missing:
        titles = ", ".join(f"“{p.title}”" for p in sorted(missing, key=lambda p: p.position))
        return f"Complete {titles} first."
    if module.team_gate_id and enrollment.team_id:
        # A team with nobody left to wait for (all withdrawn or finished) is not held back.
        if not team_done.get((enrollment.team_id, module.team_gate_id), True):
            gate = next((p for p in [module.team_gate] if p is not None), None)
            name = f"“{gate.title}”" if gate else "the earlier module"
            return f"Opens when everyone on your team has completed {name}."
    return ""


def _team_completions(enrollments, modules) -> dict[tuple[int, int], bool]:
    """{(team id, gate module id): every active member completed it} for the teams involved."""
    gates = {m.team_gate_id for m in modules if m.team_gate_id}
    teams = {e.team_id for e in enrollments if e.team_id}
    if not gates or not teams:
        return {}
    lessons_in_gate = defaultdict(set)
    for module in modules:
        if module.pk in gates:
            lessons_in_gate[module.pk] = {lesson.pk for lesson in module.lessons.all()}
    members = Enrollment.objects.filter(
        team__in=teams, status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
    )
    done = defaultdict(set)
    for enrollment_id, lesson_id in LessonProgress.objects.filter(
        enrollment__in=members, completed_at__isnull=False, lesson__module__in=gates
    ).values_list("enrollment_id", "lesson_id"):
        done[enrollment_id].add(lesson_id)
    by_team = defaultdict(list)
    for member_id, team_id in members.values_list("pk", "team_id"):
        by_team[team_id].append(member_id)
    return {
        (team_id, gate): all(lessons_in_gate[gate] <= done[m] for m in member_ids)
        for team_id, member_ids in by_team.items()
        for gate in gates
    }


def _shares(states, attribute: str, choices) -> list[Share]:
    totals, dones = defaultdict(int), defaultdict(int)
    for state in states:
        key = getattr(state.module, attribute)
        if key:
            totals[key] += state.total
            dones[key] += state.done
    return [
        Share(key, label, dones[key], totals[key])
        for key, label in choices.choices
        if totals.get(key)
    ]
