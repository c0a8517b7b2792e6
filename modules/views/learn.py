"""The trainee's side: cohort home (schedule, locks and why, progress by part of DBT) and the
lesson player. Everything is found through `Enrollment.objects.for_trainee(user)`: another
cohort's pages answer 404, a locked lesson 403 with the reason."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, Case, Count, Q, When, Window
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View

from courses.models import Enrollment, EnrollmentStatus, LiveSession
from dbt_training.core.errors import error_text
from dbt_training.core.http import file_download

from .. import services
from ..activities import activities_for
from ..content import video_embed_url
from ..models import Lesson, LessonAttachment
from ..progress import cohort_progress, forget_loaded_progress, with_progress

VISIBLE = (
    EnrollmentStatus.ACTIVE,
    EnrollmentStatus.COMPLETED,
    EnrollmentStatus.WITHDRAWN,
    EnrollmentStatus.WAITLISTED,
)


class EnrollmentMixin(LoginRequiredMixin):
    def enrollment_queryset(self):
        """The viewer's visible enrollments with their progress; pages that read more of the
        enrollment in the same query extend it."""
        return (
            with_progress(Enrollment.objects.for_trainee(self.request.user))
            .filter(status__in=VISIBLE)
            .select_related("team")
        )

    def get_enrollment(self) -> Enrollment:
        return get_object_or_404(self.enrollment_queryset(), cohort_id=self.kwargs["cohort_id"])


class CohortHomeView(EnrollmentMixin, View):
    """Scannable first: next deadlines and announcements at the top, then the modules as
    disclosures with only the current one open (issue 25, item 14)."""

    template_name = "modules/learn/cohort_home.html"
    announcements_shown = 3
    # The rest fold under "Earlier announcements"; the trainers' page keeps every one.
    announcements_listed = 10

    def get(self, request, cohort_id):
        enrollment = self.get_enrollment()
        now = timezone.now()
        progress = cohort_progress(enrollment, now=now)
        by_module = activities_for(enrollment, progress)
        for state in progress.modules:
            state.activities = by_module.get(state.module.pk, [])
        deadlines, more_deadlines = progress.next_deadlines(now=now)
        sessions, sessions_held = sessions_ahead(enrollment.cohort, now=now)
        announcements = list(
            enrollment.cohort.announcements.select_related("author")[: self.announcements_listed]
        )
        active = enrollment.status == EnrollmentStatus.ACTIVE
        return render(
            request,
            self.template_name,
            {
                "enrollment": enrollment,
                "cohort": enrollment.cohort,
                "progress": progress,
                "current": progress.current_module,
                # The lesson the progress panel's button leads to, marked in the module list.
                "up_next": (
                    progress.continue_lesson if progress.resume_lesson else progress.next_lesson
                )
                if active
                else None,
                "shows_deadlines": active and not progress.is_finished,
                "deadlines": deadlines,
                "more_deadlines": more_deadlines,
                "sessions": sessions,
                "sessions_held": sessions_held,
                "announcements": announcements[: self.announcements_shown],
                "earlier_announcements": announcements[self.announcements_shown :],
            },
        )


def sessions_ahead(cohort, *, now, limit: int = 10) -> tuple[list, int]:
    """The cohort's next `limit` live sessions (one still running counts for three hours), and
    how many were held before them, in one query: with none ahead the page says how many were
    held instead of "none scheduled"."""
    cutoff = now - timedelta(hours=3)
    past = Q(starts_at__lt=cutoff)
    rows = list(
        LiveSession.objects.filter(cohort=cohort)
        .annotate(
            # Counted over all the cohort's sessions, before the limit: ahead first, then held.
            held=Window(Count("pk", filter=past)),
            is_past=Case(When(past, then=True), default=False, output_field=BooleanField()),
        )
        .order_by("is_past", "starts_at", "pk")[:limit]
    )
    return [s for s in rows if not s.is_past], rows[0].held if rows else 0


class LessonView(EnrollmentMixin, View):
    template_name = "modules/learn/lesson.html"

    def get_lesson(self, enrollment) -> Lesson:
        return get_object_or_404(
            Lesson.objects.select_related("module"),
            pk=self.kwargs["lesson_id"],
            module__course=enrollment.cohort.course_id,
        )

    def get(self, request, cohort_id, lesson_id):
        enrollment = self.get_enrollment()
        lesson = self.get_lesson(enrollment)
        if enrollment.status == EnrollmentStatus.WAITLISTED:
            raise PermissionDenied(
                "You are on this cohort's waitlist; lessons open once you have a seat."
            )
        progress = cohort_progress(enrollment)
        state = progress.state_of(lesson.module_id)
        if not state.is_open:
            raise PermissionDenied(f"“{lesson.title}” is locked. {state.lock_reason}")
        if enrollment.status == EnrollmentStatus.ACTIVE:
            services.record_lesson_view(enrollment=enrollment, lesson=lesson)
        # Both from the course outline this process keeps in memory: no query.
        previous_lesson, next_lesson = progress.outline.neighbours_of(lesson.pk)
        return render(
            request,
            self.template_name,
            {
                "enrollment": enrollment,
                "cohort": enrollment.cohort,
                "lesson": lesson,
                "module": lesson.module,
                "state": state,
                "progress": progress,
                "completed": lesson.pk in state.completed_ids,
                "attachments": progress.outline.lessons[lesson.pk].attachments.all(),
                "video_embed": video_embed_url(lesson.video_url) if lesson.video_url else None,
                "previous_lesson": previous_lesson,
                "next_lesson": next_lesson,
                # The module outline beside the lesson: (lesson, done, this one).
                "outline_lessons": [
                    (item, item.pk in state.completed_ids, item.pk == lesson.pk)
                    for item in state.lessons
                ],
            },
        )


class CompleteLessonView(EnrollmentMixin, View):
    """Mark complete: an HTMX request gets the updated status fragment, a plain form post is
    sent on to the next lesson (or back to this one)."""

    def post(self, request, cohort_id, lesson_id):
        enrollment = self.get_enrollment()
        lesson = get_object_or_404(Lesson, pk=lesson_id, module__course=enrollment.cohort.course_id)
        try:
            services.complete_lesson(enrollment=enrollment, lesson=lesson)
        except (services.LessonLocked, ValidationError) as error:
            reason = error.reason if isinstance(error, services.LessonLocked) else error_text(error)
            if request.htmx:
                # htmx does not swap error responses: say it in the live region instead.
                return render(
                    request, "modules/learn/lesson_status.html", {"fragment": True, "error": reason}
                )
            raise PermissionDenied(reason) from None
        forget_loaded_progress(enrollment)  # loaded before the completion: read it again
        progress = cohort_progress(enrollment)
        if request.htmx:
            return render(
                request,
                "modules/learn/lesson_status.html",
                {
                    "fragment": True,
                    "cohort": enrollment.cohort,
                    "lesson": lesson,
                    "completed": True,
                    "progress": progress,
                    "state": progress.state_of(lesson.module_id),
                    "enrollment": enrollment,
                    "just_completed": True,
                },
            )
        messages.success(request, f"“{lesson.title}” is complete.")
        _previous, following = Lesson.objects.filter(
            module__course=enrollment.cohort.course_id
        ).neighbours_of(lesson)
        target = (
            following if following and progress.state_of(following.module_id).is_open else lesson
        )
        return redirect("learn:lesson", enrollment.cohort_id, target.pk)


class AttachmentView(EnrollmentMixin, View):
    """A lesson's file, for trainees whose module is open."""

    def get(self, request, cohort_id, attachment_id):
        enrollment = self.get_enrollment()
        attachment = get_object_or_404(
            LessonAttachment.objects.select_related("lesson"),
            pk=attachment_id,
            lesson__module__course=enrollment.cohort.course_id,
        )
        if enrollment.status == EnrollmentStatus.WAITLISTED:
            raise PermissionDenied("Files open once you have a seat in the cohort.")
        state = cohort_progress(enrollment).state_of(attachment.lesson.module_id)
        if not state.is_open:
            raise PermissionDenied(state.lock_reason)
        return file_download(attachment.file)
