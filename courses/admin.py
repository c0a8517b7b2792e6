from django import forms
from django.contrib import admin

from . import services
from .models import (
    Attendance,
    Cohort,
    Course,
    Enrollment,
    EnrollmentEvent,
    Invitation,
    LiveSession,
)


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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A larger capacity must reach the waitlist first, as on the cohort pages.
        services.offer_free_seats(cohort=obj)


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
    list_select_related = ["enrollment__user", "enrollment__cohort__course", "actor"]
    readonly_fields = ["enrollment", "action", "actor", "note", "at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are made from the cohort pages (which email the signed link)."""

    list_display = ["email", "cohort", "invited_by", "sent_at", "accepted_at", "revoked_at"]
    list_filter = ["cohort"]
    search_fields = ["email", "full_name", "cohort__name"]
    ordering = ["-created_at"]
    list_select_related = ["cohort__course", "invited_by"]
    readonly_fields = [
        "cohort",
        "email",
        "full_name",
        "invited_by",
        "created_at",
        "sent_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    ]

    def has_add_permission(self, request):
        return False


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["enrollment", "recorded_by"]


class LiveSessionAdminForm(forms.ModelForm):
    join_url = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = LiveSession
        fields = [
            "cohort",
            "kind",
            "title",
            "starts_at",
            "duration_minutes",
            "join_url",
            "location",
        ]


@admin.register(LiveSession)
class LiveSessionAdmin(admin.ModelAdmin):
    form = LiveSessionAdminForm
    list_display = ["title", "cohort", "kind", "starts_at", "duration_minutes"]
    list_filter = ["kind", "cohort"]
    search_fields = ["title", "cohort__name"]
    ordering = ["-starts_at"]
    list_select_related = ["cohort__course"]
    date_hierarchy = "starts_at"
    inlines = [AttendanceInline]
