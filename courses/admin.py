from django.contrib import admin

from .models import Cohort, Course, Enrollment, EnrollmentEvent


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


class EnrollmentEventInline(admin.TabularInline):
    model = EnrollmentEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "actor", "note", "at"]

    def has_add_permission(self, request, obj=None):
        return False  # the audit trail is written by courses.services only


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "course", "starts_on", "ends_on", "status", "capacity"]
    list_filter = ["status", "course"]
    search_fields = ["name", "course__title", "enroll_code"]
    ordering = ["-starts_on"]
    list_select_related = ["course"]
    filter_horizontal = ["trainers"]
    date_hierarchy = "starts_on"


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    """Read-only here: seats and the waitlist change through the cohort pages, which keep the
    capacity and the audit trail right."""

    list_display = ["user", "cohort", "status", "enrolled_at", "withdrawn_at"]
    list_filter = ["status", "cohort__course", "cohort"]
    search_fields = ["user__email", "user__full_name", "cohort__name"]
    ordering = ["cohort", "user__full_name"]
    list_select_related = ["user", "cohort__course"]
    readonly_fields = [
        "user",
        "cohort",
        "status",
        "enrolled_at",
        "waitlisted_at",
        "withdrawn_at",
        "created_at",
    ]
    inlines = [EnrollmentEventInline]

    def has_add_permission(self, request):
        return False


@admin.register(EnrollmentEvent)
class EnrollmentEventAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "action", "actor", "at"]
    list_filter = ["action"]
    search_fields = ["enrollment__user__email", "note"]
    ordering = ["-at"]
    list_select_related = ["enrollment__user", "enrollment__cohort", "actor"]
    readonly_fields = ["enrollment", "action", "actor", "note", "at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
