"""Django admin for content: find, filter and fix. Structure (adding modules and lessons, order,
prerequisites, files, publication) is changed in the authoring pages, whose services enforce
the rules; the admin saves through the same services."""

from django import forms
from django.contrib import admin

from . import services
from .forms import LessonForm
from .models import Lesson, LessonAttachment, Module


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "course",
        "position",
        "component",
        "treatment_stage",
    ]
    list_filter = ["component", "treatment_stage", "course"]
    search_fields = ["title", "summary", "course__title"]
    ordering = ["course__title", "position"]
    list_select_related = ["course"]
    fields = [
        "course",
        "title",
        "summary",
        "component",
        "components",
        "treatment_priorities",
        "skills_modules",
        "treatment_stage",
        "release_offset_days",
        "due_offset_days",
        "position",
        "prerequisites",
    ]
    readonly_fields = ["course", "position", "prerequisites"]

    def has_add_permission(self, request):
        return False  # modules are added in the authoring pages, at the end of their course

    def save_model(self, request, obj, form, change):
        services.update_module(module=obj)


class LessonAdminForm(forms.ModelForm):
    video_url = LessonForm.base_fields["video_url"]
    clean_video_url = LessonForm.clean_video_url

    class Meta:
        model = Lesson
        fields = ["title", "kind", "estimated_minutes", "video_url", "body_markdown"]


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    form = LessonAdminForm
    list_display = ["title", "module", "position", "kind", "estimated_minutes"]
    list_filter = ["kind", "module__course"]
    search_fields = ["title", "body_markdown", "module__title"]
    ordering = ["module__course__title", "module__position", "position"]
    list_select_related = ["module"]
    readonly_fields = ["module", "position", "body_html"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        # The service renders and sanitizes the Markdown; the admin must not store it unrendered.
        services.update_lesson(lesson=obj)


@admin.register(LessonAttachment)
class LessonAttachmentAdmin(admin.ModelAdmin):
    list_display = ["title", "lesson", "kind", "size", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["title", "lesson__title"]
    ordering = ["-uploaded_at"]
    list_select_related = ["lesson"]
    fields = ["lesson", "title", "file", "kind", "size", "uploaded_at"]
    readonly_fields = ["lesson", "file", "kind", "size", "uploaded_at"]

    def has_add_permission(self, request):
        return False  # uploads go through modules.services.add_attachment (size and type checks)

    def delete_model(self, request, obj):
        services.delete_attachment(attachment=obj)

    def delete_queryset(self, request, queryset):
        for attachment in queryset:
            services.delete_attachment(attachment=attachment)
