from django.core import mail

from reminders import delivery, scan
from reminders.models import Reminder

from .conftest import at


def test_live_session_reminder_is_recorded_and_sent_once(enrollment, session_at):
    session_at(at(2027, 3, 2, 15))
    result = scan.scan(now=at(2027, 3, 1, 16))
    assert len(result.recorded) == 1
    sent = delivery.send_batch(reminder_ids=result.ready_ids, now=at(2027, 3, 1, 16))
    assert len(sent.sent) == 1
    again = scan.scan(now=at(2027, 3, 1, 16, 5))
    assert again.recorded == [] and again.ready_ids == []
    assert len(mail.outbox) == 1
    print(mail.outbox[0].subject, mail.outbox[0].extra_headers, mail.outbox[0].body)
    assert Reminder.objects.get().status == "sent"
