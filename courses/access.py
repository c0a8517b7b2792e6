"""Who may act on a course or a cohort: one mixin per kind of access, one policy for all.

The policy (docs/architecture.md): a visitor is sent to sign in; a course or cohort that does not
exist answers 404; one that exists but that the viewer may not act on answers 403; inside an
allowed course or cohort, another course's or cohort's object id answers 404 (each view looks
its objects up within `self.course` / `get_cohort()`). The rights themselves live in the
viewer-named querysets (`Course.objects.editable_by`, `Cohort.objects.taught_by`, …); these
mixins only apply them to the URL.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from .models import Cohort, Course


class AuthorRequiredMixin(LoginRequiredMixin):
    """Signed in and allowed to author courses at all (trainers, enrollment admins)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.can_author_courses:
            raise PermissionDenied("Only trainers and course administrators can author courses.")
        return super().dispatch(request, *args, **kwargs)


class CourseAuthorMixin(AuthorRequiredMixin):
    """The course named by `slug` in the URL, which the viewer must be allowed to edit
    (`Course.objects.editable_by`): lessons, quizzes, assignments, rubrics, completion rules."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.can_author_courses:
            editable = Course.objects.editable_by(request.user).filter(pk=OuterRef("pk"))
            course = get_object_or_404(
                Course.objects.annotate(viewer_may_edit=Exists(editable)), slug=kwargs["slug"]
            )
            if not course.viewer_may_edit:
                raise PermissionDenied("You are not one of this course's authors.")
            self.course = course
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(course=self.course, **kwargs)

    def editor_url(self, anchor: str = "") -> str:
        return reverse("authoring:course", args=[self.course.slug]) + (
            f"#{anchor}" if anchor else ""
        )


class _CohortAccessMixin(LoginRequiredMixin):
    """The cohort named by `cohort_id` in the URL, among those the viewer may act on."""

    refusal = "You may not act on this cohort."

    def cohorts_for(self, user) -> QuerySet:
        raise NotImplementedError

    def cohort_queryset(self) -> QuerySet:
        """Cohorts as this view needs them; views add `select_related` or annotations by
        overriding this. Who may act is decided by `cohorts_for`, not here."""
        return Cohort.objects.select_related("course")

    def get_cohort(self) -> Cohort:
        """One query: the cohort, and whether the viewer may act on it."""
        allowed = self.cohorts_for(self.request.user).filter(pk=OuterRef("pk"))
        cohort = (
            self.cohort_queryset()
            .annotate(viewer_may_act=Exists(allowed))
            .filter(pk=self.kwargs["cohort_id"])
            .first()
        )
        if cohort is None:
            raise Http404("No such cohort.")
        if not cohort.viewer_may_act:
            raise PermissionDenied(self.refusal)
        return cohort


class TaughtCohortMixin(_CohortAccessMixin):
    """A cohort the viewer teaches (`Cohort.objects.taught_by`): grading, the gradebook, who is
    behind."""

    refusal = "Only this cohort's trainers can open this page."

    def cohorts_for(self, user) -> QuerySet:
        return Cohort.objects.taught_by(user)


class CohortStaffMixin(_CohortAccessMixin):
    """A cohort the viewer teaches or manages (`Cohort.objects.visible_to`): live sessions and
    attendance, the schedule, reminders, announcements, teams, completion."""

    refusal = "Only this cohort's trainers and enrollment administrators can open this page."

    def cohorts_for(self, user) -> QuerySet:
        return Cohort.objects.visible_to(user)


class ManagedCohortMixin(_CohortAccessMixin):
    """A cohort the viewer manages as an enrollment admin (`Cohort.objects.managed_by`)."""

    refusal = "Only enrollment administrators can do this."

    def cohorts_for(self, user) -> QuerySet:
        return Cohort.objects.managed_by(user)
