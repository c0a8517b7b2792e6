"""What courses tells the layers above, inside the transaction of the change."""

from django.dispatch import Signal

# Sent by `services.post_announcement` with `announcement=`, inside its transaction. The
# reminders layer writes the emails (its template, list headers and opt-outs), so they are
# committed or rolled back with the announcement itself.
announcement_posted = Signal()
