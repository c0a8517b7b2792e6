from django.contrib import admin, messages
from django.db.models import Min

from .models import OutboxStatus, OutgoingEmail
from .services import PRIVATE_KINDS


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """Every email the site sent or will send. Read-only: an email is written by the change that
    causes it; staff may only put a failed one back in the queue."""

    list_display = ["kind", "to", "subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject", "key"]
    ordering = ["-created_at", "-pk"]
    date_hierarchy = "created_at"
    actions = ["send_again"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and obj.kind in PRIVATE_KINDS:
            # A reset or confirmation link would let whoever reads it into the account.
            return [name for name in fields if name not in ("body_text", "body_html")]
        return fields

    def changelist_view(self, request, extra_context=None):
        backlog = OutgoingEmail.objects.backlog()
        extra_context = {
            **(extra_context or {}),
            "backlog": backlog.count(),
            "oldest_pending": backlog.aggregate(oldest=Min("created_at"))["oldest"],
            "failed": OutgoingEmail.objects.filter(status=OutboxStatus.FAILED).count(),
        }
        return super().changelist_view(request, extra_context=extra_context)

    def has_resend_permission(self, request) -> bool:
        return request.user.has_perm("outbox.change_outgoingemail")

    @admin.action(description="Send the selected failed emails again", permissions=["resend"])
    def send_again(self, request, queryset):
        changed = queryset.filter(status=OutboxStatus.FAILED).update(
            status=OutboxStatus.PENDING, attempts=0, next_attempt_at=None, last_error=""
        )
        self.message_user(request, f"{changed} email(s) back in the queue.", messages.SUCCESS)
