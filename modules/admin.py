from django.contrib import admin

from . import services
from .models import Lesson, LessonAttachment, Module


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "course",
        "position",
        "component",
        "treatment_priority",
        "skills_module",
    ]
    list_filter = ["component", "treatment_priority", "skills_module", "course"]
    search_fields = ["title", "summary", "course__title"]
    ordering = ["course__title", "position"]
    list_select_related = ["course"]
    filter_horizontal = ["prerequisites"]


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "position", "kind", "estimated_minutes"]
    list_filter = ["kind", "module__course"]
    search_fields = ["title", "body_markdown", "module__title"]
    ordering = ["module__course__title", "module__position", "position"]
    list_select_related = ["module"]
    readonly_fields = ["body_html"]

    def save_model(self, request, obj, form, change):
        # The service renders and sanitizes the Markdown; the admin must not store it unrendered.
        if change:
            services.update_lesson(lesson=obj)
        else:
            fields = {name: getattr(obj, name) for name in services.LESSON_FIELDS}
            created = services.add_lesson(module=obj.module, **fields)
            obj.pk, obj.position, obj.body_html = created.pk, created.position, created.body_html


@admin.register(LessonAttachment)
class LessonAttachmentAdmin(admin.ModelAdmin):
    list_display = ["title", "lesson", "kind", "size", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["title", "lesson__title"]
    ordering = ["-uploaded_at"]
    list_select_related = ["lesson"]
    readonly_fields = ["kind", "size", "uploaded_at"]
