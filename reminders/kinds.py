"""The kinds of reminder: what each is called, what its email says, and who may switch it off."""

from django.db import models


class ReminderKind(models.TextChoices):
    COHORT_STARTING = "cohort_starting", "Cohort starting (the day before)"
    MODULE_RELEASED = "module_released", "Module released"
    LIVE_SESSION_24H = "live_session_24h", "Live session (24 hours before)"
    LIVE_SESSION_1H = "live_session_1h", "Live session (1 hour before)"
    DUE_SOON = "due_soon", "Work due soon (48 hours before)"
    OVERDUE = "overdue", "Work overdue"
    INACTIVE = "inactive", "No activity for 7 days"
    GRADE_RELEASED = "grade_released", "Grade released"
    CERTIFICATE_READY = "certificate_ready", "Certificate ready"


# Every kind of email a person can turn off: the reminders, and the announcements trainers
# post (emailed through the outbox when posted, never recorded as reminders).
EmailKind = models.TextChoices(
    "EmailKind",
    [(kind.name, (kind.value, kind.label)) for kind in ReminderKind]
    + [("ANNOUNCEMENT", ("announcement", "Announcements from your trainers"))],
)


# The subject line's lead and the email's first sentence, per kind. `{title}` is the item.
SUBJECTS = {
    ReminderKind.COHORT_STARTING: "Your cohort starts tomorrow",
    ReminderKind.MODULE_RELEASED: "New module open: {title}",
    ReminderKind.LIVE_SESSION_24H: "Live session coming up: {title}",
    ReminderKind.LIVE_SESSION_1H: "Live session in one hour: {title}",
    ReminderKind.DUE_SOON: "Due soon: {title}",
    ReminderKind.OVERDUE: "Overdue: {title}",
    ReminderKind.INACTIVE: "We miss you in {title}",
    ReminderKind.GRADE_RELEASED: "Your grade for {title} is ready",
    ReminderKind.CERTIFICATE_READY: "Your certificate for {title} is ready",
}

# Kinds an enrollment that has completed the course still receives.
AFTER_COMPLETION = {ReminderKind.GRADE_RELEASED, ReminderKind.CERTIFICATE_READY}

# Date-based reminders are sent from this hour in the trainee's own time zone, never at night.
LOCAL_SEND_HOUR = 9
