from django.contrib import admin

from .models import CalendarFeed, CohortReminderSwitch, EmailOptOut, Reminder


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """Rows come from the scan and `services.notify`. An admin may put a failed one back to
    pending (with a new next attempt) so the next sweep tries it again."""

    list_display = ["kind", "key", "enrollment", "status", "attempts", "due_at", "sent_at"]
    list_filter = ["kind", "status"]
    search_fields = [
        "enrollment__user__email",
        "enrollment__user__full_name",
        "key",
    ]
    ordering = ["-due_at", "-pk"]
    list_select_related = ["enrollment__user", "enrollment__cohort__course"]
    raw_id_fields = ["enrollment"]
    readonly_fields = [
        "payload",
        "due_at",
        "created_at",
        "sent_at",
        "read_at",
        "unsubscribed_at",
    ]
    date_hierarchy = "due_at"

    def has_add_permission(self, request):
        # A hand-made row would lack the payload (title, time, link) its email is built from.
        return False


@admin.register(EmailOptOut)
class EmailOptOutAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "source", "created_at"]
    list_filter = ["kind", "source"]
    search_fields = ["user__email", "user__full_name"]
    ordering = ["-created_at"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = ["created_at"]


@admin.register(CohortReminderSwitch)
class CohortReminderSwitchAdmin(admin.ModelAdmin):
    """Each row is a kind switched off for a cohort; its trainers switch them on its
    reminders page."""

    list_display = ["cohort", "kind", "switched_off_by", "switched_off_at"]
    list_filter = ["kind"]
    search_fields = ["cohort__name", "cohort__course__title"]
    ordering = ["cohort", "kind"]
    list_select_related = ["cohort__course", "switched_off_by"]
    raw_id_fields = ["cohort", "switched_off_by"]
    readonly_fields = ["switched_off_at"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """The token is the feed's password: never shown here. Deleting a feed revokes its URL
    (the user's next visit makes a new one)."""

    list_display = ["user", "issued_at"]
    search_fields = ["user__email", "user__full_name"]
    ordering = ["-issued_at"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    fields = ["user", "issued_at"]
    readonly_fields = ["issued_at"]
