from django.contrib import admin

from .models import Course


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "status", "ce_hours", "pass_mark", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "slug", "summary"]
    ordering = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["authors"]
    # Publishing checks the course first: use Publish / Unpublish in the authoring pages.
    readonly_fields = ["status", "published_at", "created_at", "updated_at"]
    date_hierarchy = "updated_at"
