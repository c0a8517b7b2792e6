"""Where trainees stand: which modules are open (and, if not, why), what they completed, and
how far they are overall and by DBT component, treatment priority and skills module.

The one place these numbers come from: the dashboard, the cohort home, the lesson player, the
trainers' pages all call `progress_for`. It reads

- the **progress read model** (`EnrollmentProgress`: completed lesson ids and the lesson to
  resume, one row per enrollment), kept by `note_view` / `note_completion` in the transaction of
  the service that records the view or completion, repaired by `repair_progress`;
- the **course outline** (modules, lesson titles, prerequisites, team gates): the same for every
  trainee of a course, so each process keeps it in memory under the course's `outline_stamp`,
  which any change to the course's modules, lessons or prerequisites renews (signals below);
- the cohort's schedule overrides and, for team gates, the team's read-model rows.

Date locks are computed at read time from the stored dates, never stored. Any number of
enrollments costs four queries at most (three without team gates), however long the course.
"""

import uuid
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from courses.models import Cohort, CohortStatus, Course, Enrollment, EnrollmentStatus
from dbt_training.core.formatting import share_percent
from reminders.timing import end_of_day

from .models import (
    EnrollmentProgress,
    Lesson,
    LessonAttachment,
    LessonProgress,
    Module,
    ModuleScheduleOverride,
)
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
    # The module's quizzes and worksheets (`modules.activities`), on the pages that ask for them.
    activities: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @cached_property
    def done(self) -> int:
        # Read many times per state (locks, shares, bars); worked out once.
        return sum(1 for lesson in self.lessons if lesson.pk in self.completed_ids)

    @property
    def is_complete(self) -> bool:
        return self.done == self.total

    @property
    def is_open(self) -> bool:
        return not self.lock_reason

    @property
    def percent(self) -> int:
        return share_percent(self.done, self.total)

    @property
    def items_total(self) -> int:
        """Lessons and activities: what the cohort home counts in a module's "n of m"."""
        return self.total + len(self.activities)

    @property
    def items_done(self) -> int:
        return self.done + sum(1 for activity in self.activities if activity.done)

    @property
    def standing(self) -> str:
        """ "locked", "done" (every lesson and activity), "in_progress" (something done) or
        "open" (nothing done yet): the state the cohort home's module list shows."""
        if not self.is_open:
            return "locked"
        if self.items_done == self.items_total:
            return "done"
        return "in_progress" if self.items_done else "open"


@dataclass(frozen=True)
class Deadline:
    """One item of the trainee's next deadlines: a module's lessons or one of its activities,
    due by the end of the module's due date in the cohort's time zone."""

    due_at: datetime  # the moment the work is late (reminders.timing.end_of_day)
    title: str
    detail: str
    state: ModuleState
    overdue: bool
    activity: object | None = None  # None: the module's lessons

    @property
    def last_minute(self) -> datetime:
        # "Due 9 Dec, 23:59" reads as that day; the exact moment, 00:00, as the next one.
        return self.due_at - timedelta(minutes=1)


@dataclass(frozen=True)
class Share:
    """Lessons done out of lessons in one part of DBT (a component, priority or skills module)."""

    key: str
    label: str
    done: int
    total: int

    @property
    def percent(self) -> int:
        return share_percent(self.done, self.total) if self.total else 0


@dataclass
class CohortProgress:
    enrollment: Enrollment
    modules: list[ModuleState]
    resume_lesson: object | None = None
    outline: "Outline | None" = None
    today: date | None = None  # in the cohort's time zone
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
        return share_percent(self.done, self.total) if self.total else 0

    @property
    def next_lesson(self):
        """The first lesson not yet completed in an open module, in course order."""
        for state in self.modules:
            if state.is_open:
                for lesson in state.lessons:
                    if lesson.pk not in state.completed_ids:
                        return lesson
        return None

    @property
    def continue_lesson(self):
        """Where "Continue where you left off" leads (the dashboard and the cohort home both ask
        here): from the lesson last viewed or completed (`resume_lesson`, ties in view time
        broken by the later progress row), the first lesson not yet completed in course order,
        that one included, coming round to the start of the course when the end is passed;
        only lessons of open modules. None before any view (the pages offer "Start" instead)
        and when nothing open is left to do."""
        if self.resume_lesson is None:
            return None
        to_do = [
            (lesson, state.is_open and lesson.pk not in state.completed_ids)
            for state in self.modules
            for lesson in state.lessons
        ]
        ids = [lesson.pk for lesson, _ in to_do]
        if self.resume_lesson.pk not in ids:  # deleted meanwhile: the first lesson left to do
            return self.next_lesson
        anchor = ids.index(self.resume_lesson.pk)
        return next((lesson for lesson, left in to_do[anchor:] + to_do[:anchor] if left), None)

    @property
    def is_finished(self) -> bool:
        """The cohort is over: its last day has passed (in its time zone) or it is archived.
        ("Enrollment closed" is not the end: a cohort runs on after enrollment closes.)"""
        cohort = self.enrollment.cohort
        ended = self.today is not None and self.today > cohort.ends_on
        return ended or cohort.status == CohortStatus.ARCHIVED

    @property
    def status_label(self) -> str:
        """The trainee's standing in the cohort as the dashboard's badge says it: "Completed"
        once they have completed it, "Finished" for an active place in a cohort that is over."""
        status = self.enrollment.status
        if status == EnrollmentStatus.ACTIVE and self.is_finished:
            return "Finished"
        return self.enrollment.get_status_display()

    def state_of(self, module_id: int) -> ModuleState | None:
        return next((m for m in self.modules if m.module.pk == module_id), None)

    @property
    def current_module(self) -> ModuleState | None:
        """The module the trainee is on: the one holding the lesson "Continue" (else "Start")
        leads to, else the first open module with an activity left to do; None when nothing
        open is left, and once the cohort is over or the place is no longer active (a finished
        cohort is read, not worked through: no module is "current")."""
        if self.is_finished or self.enrollment.status != EnrollmentStatus.ACTIVE:
            return None
        lesson = self.continue_lesson or self.next_lesson
        if lesson is not None:
            return self.state_of(lesson.module_id)
        return next((s for s in self.modules if s.standing in ("open", "in_progress")), None)

    def next_deadlines(self, *, now: datetime, limit: int = 5) -> tuple[list[Deadline], int]:
        """The first `limit` items not yet done whose module has a due date, earliest first
        (overdue ones are the earliest), and how many more there are: each module's lessons
        as one item, each activity (attached to the states by the page) as another. Only for
        an active place in a cohort still running: nothing else is due."""
        if self.enrollment.status != EnrollmentStatus.ACTIVE or self.is_finished:
            return [], 0
        zone = self.enrollment.cohort.time_zone
        items = []
        for state in self.modules:
            if state.due_on is None:
                continue
            due_at = end_of_day(state.due_on, zone)
            module = state.module
            if not state.is_complete:
                items.append(
                    Deadline(
                        due_at,
                        f"Module {module.position}: {module.title}",
                        f"lessons, {state.done} of {state.total} done",
                        state,
                        due_at <= now,
                    )
                )
            items.extend(
                Deadline(due_at, activity.title, activity.kind, state, due_at <= now, activity)
                for activity in state.activities
                if not activity.done
            )
        # Modules are in course order and the sort is stable: one day's items keep that order.
        items.sort(key=lambda item: item.due_at)
        return items[:limit], max(len(items) - limit, 0)


# --- the course outline, kept in memory ------------------------------------------------------


@dataclass(frozen=True)
class Outline:
    """A course's modules in order, each with its lessons (titles and order only: bodies are large
    and progress never prints them), prerequisites and team gate. Shared by every request of the
    process: read it, never change it."""

    modules: tuple
    lessons: dict  # id -> Lesson, in course order

    def neighbours_of(self, lesson_id: int) -> tuple:
        """The lessons just before and after this one in course order (None at either end)."""
        order = list(self.lessons)
        index = order.index(lesson_id)
        before = self.lessons[order[index - 1]] if index > 0 else None
        after = self.lessons[order[index + 1]] if index + 1 < len(order) else None
        return before, after

    @classmethod
    def load(cls, course_ids) -> dict[int, "Outline"]:
        """{course id: Outline} for these courses, in four queries however many (modules with
        team gates, lessons, their attachments, prerequisites)."""
        modules = (
            Module.objects.filter(course_id__in=course_ids)
            .order_by("course_id", "position")
            .select_related("team_gate")
            .prefetch_related(
                Prefetch(
                    "lessons",
                    queryset=Lesson.objects.only(
                        "id",
                        "module_id",
                        "title",
                        "kind",
                        "estimated_minutes",
                        "position",
                        "required",
                    )
                    .order_by("position")
                    .prefetch_related("attachments"),
                ),
                Prefetch("prerequisites", queryset=Module.objects.order_by("position")),
            )
        )
        by_course = {course_id: [] for course_id in course_ids}
        for module in modules:
            by_course[module.course_id].append(module)
        return {
            course_id: cls(
                tuple(course_modules),
                {lesson.pk: lesson for module in course_modules for lesson in module.lessons.all()},
            )
            for course_id, course_modules in by_course.items()
        }


class _Kept:
    """What this process keeps in memory under keys that carry a stamp renewed by every change
    (so an entry is never stale, only unused), the least recently used dropped past `size`."""

    def __init__(self, size: int):
        self.size, self.items = size, OrderedDict()

    def __contains__(self, key) -> bool:
        return key in self.items

    def __len__(self) -> int:
        return len(self.items)

    def get(self, key):
        self.items.move_to_end(key)
        return self.items[key]

    def put(self, key, value):
        self.items[key] = value
        while len(self.items) > self.size:
            self.items.popitem(last=False)
        return value

    def clear(self) -> None:
        self.items.clear()


# (course id, outline stamp) -> Outline.
_OUTLINES = _Kept(64)


def course_outlines(course_ids, known_stamps: dict | None = None) -> dict[int, Outline]:
    """{course id: Outline}: one query for the stamps (none when `known_stamps` has them all), and
    four more when any of the courses is new to this process in its current version."""
    stamps = dict(known_stamps or {})
    if set(course_ids) - set(stamps):
        stamps = dict(Course.objects.filter(pk__in=course_ids).values_list("pk", "outline_stamp"))
    missing = [
        course_id for course_id, stamp in stamps.items() if (course_id, stamp) not in _OUTLINES
    ]
    loaded = Outline.load(missing) if missing else {}
    for course_id, outline in loaded.items():
        _OUTLINES.put((course_id, stamps[course_id]), outline)
    return {
        course_id: loaded.get(course_id) or _OUTLINES.get((course_id, stamp))
        for course_id, stamp in stamps.items()
    }


# (cohort id, schedule stamp) -> {module id: override}.
_SCHEDULES = _Kept(512)


def cohort_overrides(cohorts) -> dict[tuple[int, int], ModuleScheduleOverride]:
    """{(cohort id, module id): override} for these cohorts (loaded rows, with their stamps):
    no query for cohorts this process knows in their current schedule, one for the rest."""
    missing = [c.pk for c in cohorts if (c.pk, c.schedule_stamp) not in _SCHEDULES]
    loaded = defaultdict(dict)
    if missing:
        for override in ModuleScheduleOverride.objects.filter(cohort__in=missing):
            loaded[override.cohort_id][override.module_id] = override
    result = {}
    for cohort in cohorts:
        key = (cohort.pk, cohort.schedule_stamp)
        dates = (
            _SCHEDULES.put(key, loaded[cohort.pk]) if cohort.pk in missing else _SCHEDULES.get(key)
        )
        result.update({(cohort.pk, module_id): o for module_id, o in dates.items()})
    return result


# (course id, outline stamp, name) -> what a higher app derived from the course's structure.
_MEMOS = _Kept(256)


def course_memo(course, name: str, load):
    """`load()` once per process and version of `course`'s outline: for what higher apps read
    from a course on every trainee page and change only when the course is edited (its quizzes,
    its assignments). They renew the stamp when they change it (`outline_changed`). `course` is
    a loaded Course (its stamp is read from it); treat what comes back as read-only."""
    key = (course.pk, course.outline_stamp, name)
    return _MEMOS.get(key) if key in _MEMOS else _MEMOS.put(key, load())


def outline_changed(course_ids) -> None:
    """Renew the stamps of these courses' outlines (in the caller's transaction), so every
    process loads them again. Called by the signals below and by bulk writes they miss."""
    for course_id in set(course_ids):
        Course.objects.filter(pk=course_id).update(outline_stamp=uuid.uuid4())
    _forget_here()


def _forget_here() -> None:
    # This process may still hold the course or cohort rows read before the change (with their
    # old stamps) for the rest of the request: it forgets what it kept, and loads again. Edits
    # are rare; reads are not.
    _OUTLINES.clear()
    _SCHEDULES.clear()
    _MEMOS.clear()


# --- the read model -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    completed: frozenset = frozenset()
    resume_lesson_id: int | None = None


def with_progress(enrollments):
    """The enrollment queryset with what progress_for reads loaded in the same query: the cohort
    (dates, schedule stamp), its course (outline stamp), the read-model row and its resume
    lesson. Pages that show progress load their enrollments through it."""
    return enrollments.select_related("cohort__course", "progress_summary__resume")


def forget_loaded_progress(enrollment) -> None:
    """Drop the read-model row `with_progress` loaded with `enrollment`, after a change to it in
    the same request, so progress_for reads it again."""
    relation = Enrollment.progress_summary.related
    if relation.is_cached(enrollment):
        relation.delete_cached_value(enrollment)


def summaries(enrollments) -> dict[int, Summary]:
    """{enrollment id: Summary} from the read model: the rows `with_progress` loaded, and one
    query for the other enrollments; none for an enrollment that never opened a lesson."""
    loaded, rest = {}, []
    for enrollment in enrollments:
        if not Enrollment.progress_summary.is_cached(enrollment):
            rest.append(enrollment.pk)
            continue
        try:
            row = enrollment.progress_summary
        except EnrollmentProgress.DoesNotExist:  # loaded, and none: never opened a lesson
            continue
        if row is not None:
            resume = row.resume.lesson_id if row.resume_id else None
            loaded[enrollment.pk] = Summary(frozenset(row.completed_lesson_ids or ()), resume)
    if not rest:
        return loaded
    return loaded | {
        enrollment_id: Summary(frozenset(completed or ()), resume_lesson_id)
        for enrollment_id, completed, resume_lesson_id in EnrollmentProgress.objects.filter(
            enrollment_id__in=rest
        ).values_list("enrollment_id", "completed_lesson_ids", "resume__lesson_id")
    }


def note_view(row: LessonProgress) -> None:
    """The trainee viewed `row`'s lesson at `row.last_viewed_at`: it is the lesson to resume unless
    another was viewed later. One UPDATE in the usual case; call it in the view's transaction."""
    viewed_at = row.last_viewed_at
    not_later = (
        Q(resume_viewed_at__isnull=True)
        | Q(resume_viewed_at__lt=viewed_at)
        | Q(resume_viewed_at=viewed_at, resume_id__lte=row.pk)
    )
    moved = EnrollmentProgress.objects.filter(not_later, enrollment_id=row.enrollment_id).update(
        resume=row, resume_viewed_at=viewed_at
    )
    if not moved:
        summary, created = EnrollmentProgress.objects.get_or_create(
            enrollment_id=row.enrollment_id,
            defaults={"resume": row, "resume_viewed_at": viewed_at},
        )
        if not created:
            # Made meanwhile by a concurrent first view: compare again, now against its row.
            EnrollmentProgress.objects.filter(not_later, pk=summary.pk).update(
                resume=row, resume_viewed_at=viewed_at
            )


def note_completion(row: LessonProgress) -> None:
    """Add `row`'s lesson to the completed ones (the row is locked: two completions at once
    both count). Call it in the completion's transaction."""
    summary, _ = EnrollmentProgress.objects.select_for_update().get_or_create(
        enrollment_id=row.enrollment_id,
        defaults={"resume": row, "resume_viewed_at": row.last_viewed_at},
    )
    if row.lesson_id not in summary.completed_lesson_ids:
        summary.completed_lesson_ids = sorted({*summary.completed_lesson_ids, row.lesson_id})
        summary.save(update_fields=["completed_lesson_ids", "updated_at"])


def computed_summaries(enrollment_ids) -> dict[int, tuple[list[int], int | None, datetime]]:
    """{enrollment id: (sorted completed lesson ids, resume LessonProgress id, its last view)}
    computed from LessonProgress itself: the truth the read model must equal."""
    truth: dict = {}
    rows = (
        LessonProgress.objects.filter(enrollment_id__in=enrollment_ids)
        .order_by("enrollment_id", "last_viewed_at", "pk")
        .values_list("pk", "enrollment_id", "lesson_id", "completed_at", "last_viewed_at")
    )
    for row_id, enrollment_id, lesson_id, completed_at, viewed_at in rows.iterator(chunk_size=5000):
        completed = truth[enrollment_id][0] if enrollment_id in truth else []
        if completed_at is not None:
            completed.append(lesson_id)
        # The last in view order is the lesson to resume.
        truth[enrollment_id] = (completed, row_id, viewed_at)
    return {key: (sorted(done), *resume) for key, (done, *resume) in truth.items()}


def repair_progress(enrollment_ids=None, *, batch: int = 1000) -> int:
    """Make the read model equal to what LessonProgress says, for the given enrollments (all by
    default), one short transaction per batch: missing rows are made, wrong ones corrected, rows
    of enrollments with no progress removed. Returns how many rows were wrong (a lesson deleted
    since leaves its id in trainees' rows, harmless to readers; the repair drops it and counts
    the row)."""
    if enrollment_ids is None:
        wanted = Enrollment.objects.order_by("pk").values_list("pk", flat=True)
        enrollment_ids = list(wanted.iterator(chunk_size=10000))
    enrollment_ids = sorted(set(enrollment_ids))
    wrong = 0
    for start in range(0, len(enrollment_ids), batch):
        with transaction.atomic():
            wrong += _repair_batch(enrollment_ids[start : start + batch])
    return wrong


def _repair_batch(chunk: list[int]) -> int:
    # Lock the stored rows first, then read the truth: a completion committed meanwhile waits for
    # this batch (note_completion locks the row) and then adds itself to what was written here.
    stored = {
        row.pk: row for row in EnrollmentProgress.objects.select_for_update().filter(pk__in=chunk)
    }
    truth = computed_summaries(chunk)
    create, update = [], []
    for enrollment_id, (completed, resume_id, viewed_at) in truth.items():
        row = stored.pop(enrollment_id, None)
        if row is None:
            row = EnrollmentProgress(enrollment_id=enrollment_id)
            create.append(row)
        elif (row.completed_lesson_ids, row.resume_id, row.resume_viewed_at) != (
            completed,
            resume_id,
            viewed_at,
        ):
            update.append(row)
        row.completed_lesson_ids, row.resume_id, row.resume_viewed_at = (
            completed,
            resume_id,
            viewed_at,
        )
    # A row a service made meanwhile (a first view) stands; the next repair checks it.
    EnrollmentProgress.objects.bulk_create(create, batch_size=500, ignore_conflicts=True)
    EnrollmentProgress.objects.bulk_update(
        update, ["completed_lesson_ids", "resume", "resume_viewed_at"], batch_size=500
    )
    EnrollmentProgress.objects.filter(pk__in=list(stored)).delete()
    return len(create) + len(update) + len(stored)


# --- reading it ----------------------------------------------------------------------------------


def progress_for(enrollments: list[Enrollment], *, now: datetime | None = None) -> dict:
    """{enrollment id: CohortProgress} for enrollments with `cohort` loaded. Loaded through
    `with_progress`, and with the course outline and the cohorts' dates in this process's memory
    (every request after a process's first), it runs no query at all (one with team gates);
    otherwise one each for the outline stamps, the cohorts' dates and the read model, plus four
    for an outline this process has not loaded yet."""
    now = now or timezone.now()
    if not enrollments:
        return {}
    cohorts = list({e.cohort_id: e.cohort for e in enrollments}.values())
    known_stamps = {
        c.course_id: c.course.outline_stamp for c in cohorts if Cohort.course.is_cached(c)
    }
    outlines = course_outlines({c.course_id for c in cohorts}, known_stamps)
    overrides = cohort_overrides(cohorts)
    done = summaries(enrollments)
    team_done = _team_completions(enrollments, outlines)
    # Shared by every enrollment of a cohort (a trainer's page has hundreds): worked out once.
    schedules = {
        cohort.pk: [
            (
                module,
                *module_dates(cohort, module, overrides.get((cohort.pk, module.pk))),
                list(module.lessons.all()),
            )
            for module in outlines[cohort.course_id].modules
        ]
        for cohort in cohorts
    }
    result = {}
    for enrollment in enrollments:
        cohort = enrollment.cohort
        outline = outlines[cohort.course_id]
        summary = done.get(enrollment.pk, Summary())
        today = now.astimezone(ZoneInfo(cohort.time_zone)).date()
        states = [
            ModuleState(module, release_on, due_on, lessons, summary.completed)
            for module, release_on, due_on, lessons in schedules[cohort.pk]
        ]
        complete = {s.module.pk for s in states if s.is_complete}
        for state in states:
            state.lock_reason = _lock_reason(state, today, complete, enrollment, team_done)
        progress = CohortProgress(
            enrollment,
            states,
            resume_lesson=outline.lessons.get(summary.resume_lesson_id),
            outline=outline,
            today=today,
        )
        progress.by_component = _shares(states, "all_components", Component)
        progress.by_priority = _shares(states, "treatment_priorities", TreatmentPriority)
        progress.by_skills_module = _shares(states, "skills_modules", SkillsModule)
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


def _team_completions(enrollments, outlines) -> dict[tuple[int, int], bool]:
    """{(team id, gate module id): every active member completed it} for the teams involved, from
    the members' read-model rows in one query."""
    teams = {e.team_id for e in enrollments if e.team_id}
    modules = [module for outline in outlines.values() for module in outline.modules]
    gates = {module.team_gate_id for module in modules if module.team_gate_id}
    if not gates or not teams:
        return {}
    lessons_in = {
        module.pk: {lesson.pk for lesson in module.lessons.all()}
        for module in modules
        if module.pk in gates
    }
    by_team = defaultdict(list)
    for team_id, completed in Enrollment.objects.filter(
        team__in=teams, status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
    ).values_list("team_id", "progress_summary__completed_lesson_ids"):
        by_team[team_id].append(set(completed or ()))
    return {
        (team_id, gate): all(lessons_in.get(gate, set()) <= done for done in members)
        for team_id, members in by_team.items()
        for gate in gates
    }


def _shares(states, attribute: str, choices) -> list[Share]:
    """Lessons done out of lessons under each tag, in the taxonomy's order: a module counts under
    every tag it carries (a module on the structure of DBT counts under all four modes)."""
    totals, dones = defaultdict(int), defaultdict(int)
    for state in states:
        for key in getattr(state.module, attribute):
            totals[key] += state.total
            dones[key] += state.done
    return [
        Share(key, label, dones[key], totals[key])
        for key, label in choices.choices
        if totals.get(key)
    ]


# --- keeping the outline stamp and the read model right when a course changes -------------------


def _module_changed(sender, instance, **kwargs) -> None:
    outline_changed([instance.course_id])


def _lesson_changed(sender, instance, **kwargs) -> None:
    # One statement, whether or not the lesson's module is loaded.
    Course.objects.filter(modules=instance.module_id).update(outline_stamp=uuid.uuid4())
    _forget_here()


def _module_item_changed(sender, instance, **kwargs) -> None:
    Course.objects.filter(modules=instance.module_id).update(outline_stamp=uuid.uuid4())
    _forget_here()


def watch_module_items(model) -> None:
    """Renew the course's outline stamp whenever a `model` row (anything with a `module` foreign
    key that a higher app keeps in `course_memo`: quizzes, assignments) is saved or deleted.
    Called from that app's AppConfig.ready()."""
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(
            _module_item_changed, sender=model, dispatch_uid=f"progress-item-{model._meta.label}"
        )


def _attachment_changed(sender, instance, **kwargs) -> None:
    Course.objects.filter(modules__lessons=instance.lesson_id).update(outline_stamp=uuid.uuid4())
    _forget_here()


def _schedule_changed(sender, instance, **kwargs) -> None:
    Cohort.objects.filter(pk=instance.cohort_id).update(schedule_stamp=uuid.uuid4())
    _forget_here()


def _prerequisites_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        outline_changed([instance.course_id])


def _before_lesson_delete(sender, instance, **kwargs) -> None:
    # Trainees resuming at this lesson resume at the one they viewed before it instead.
    instance._resuming = list(
        EnrollmentProgress.objects.filter(resume__lesson=instance).values_list("pk", flat=True)
    )


def _after_lesson_delete(sender, instance, **kwargs) -> None:
    if getattr(instance, "_resuming", None):
        repair_progress(instance._resuming)


def connect_signals() -> None:
    """Called by ModulesConfig.ready(): every save or delete of a module, lesson or attachment,
    from a service, the admin or an import, renews the course's outline stamp; of a cohort's
    own module dates, the cohort's schedule stamp."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    for signal in (post_save, post_delete):
        signal.connect(_module_changed, sender=Module, dispatch_uid="progress-module")
        signal.connect(_lesson_changed, sender=Lesson, dispatch_uid="progress-lesson")
        signal.connect(
            _attachment_changed, sender=LessonAttachment, dispatch_uid="progress-attachment"
        )
        signal.connect(
            _schedule_changed, sender=ModuleScheduleOverride, dispatch_uid="progress-schedule"
        )
    m2m_changed.connect(
        _prerequisites_changed, sender=Module.prerequisites.through, dispatch_uid="progress-prereq"
    )
    pre_delete.connect(_before_lesson_delete, sender=Lesson, dispatch_uid="progress-lesson-resume")
    post_delete.connect(_after_lesson_delete, sender=Lesson, dispatch_uid="progress-lesson-repair")
