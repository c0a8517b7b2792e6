"""The public catalogue: published courses and their outlines, grouped by DBT component."""

from dataclasses import dataclass

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.views.generic import ListView, TemplateView

from courses.models import Cohort, CohortStatus, Course

from ..models import Module
from ..taxonomy import Component


@dataclass(frozen=True)
class ComponentGroup:
    component: str
    label: str
    modules: list[Module]


def group_by_component(modules: list[Module]) -> list[ComponentGroup]:
    """The outline the way DBT practitioners read it: one group per primary component, in DBT's
    order, modules in course order within each (each module once; its tags name the rest)."""
    groups = []
    for component in Component:
        members = [m for m in modules if m.component == component]
        if members:
            groups.append(ComponentGroup(component.value, component.label, members))
    return groups


class CatalogueView(ListView):
    template_name = "modules/catalogue/course_list.html"
    context_object_name = "courses"

    def get_queryset(self):
        return (
            Course.objects.published()
            .annotate(
                module_count=Count("modules", distinct=True),
                lesson_count=Count("modules__lessons", distinct=True),
            )
            .order_by("title")
        )


class CourseDetailView(TemplateView):
    template_name = "modules/catalogue/course_detail.html"

    def get_context_data(self, **kwargs):
        course = get_object_or_404(Course.objects.published(), slug=self.kwargs["slug"])
        modules = list(Module.objects.filter(course=course).outline())
        can_edit = Course.objects.editable_by(self.request.user).filter(pk=course.pk).exists()
        open_cohorts = Cohort.objects.filter(course=course, status=CohortStatus.OPEN).order_by(
            "starts_on"
        )
        return super().get_context_data(
            course=course,
            modules=modules,
            components=group_by_component(modules),
            can_edit=can_edit,
            open_cohorts=open_cohorts,
            **kwargs,
        )
