"""Scan and send reminders, and deliver the outbox, in this process: for deployments without a
broker (cron every minute or few). `--dry-run` lists what would be recorded and sent and changes
nothing."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from dbt_training.outbox import services as outbox
from reminders import delivery, scan
from reminders.models import Reminder


class Command(BaseCommand):
    help = "Record the reminders that are due and email them now (no Celery worker needed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        now = timezone.now()
        if dry_run:
            dues = scan.plan(now=now)
            waiting = Reminder.objects.ready_to_send(now).count()
            for due in sorted(dues, key=lambda d: (d.due_at, d.kind, d.enrollment_id)):
                self.stdout.write(
                    f"would send {due.kind} “{due.payload.get('title', '')}” "
                    f"to enrollment {due.enrollment_id} (due {due.due_at:%Y-%m-%d %H:%M} UTC)"
                )
            self.stdout.write(
                f"Dry run: {len(dues)} new reminder(s) due, {waiting} recorded and waiting; "
                "nothing recorded or sent."
            )
            return
        result = scan.scan(now=now)
        sent = skipped = retry = failed = 0
        for chunk in result.chunks():
            outcome = delivery.send_batch(reminder_ids=chunk, now=now)
            sent += len(outcome.sent)
            skipped += len(outcome.skipped)
            retry += len(outcome.retry)
            failed += len(outcome.failed)
        self.stdout.write(
            f"Recorded {len(result.recorded)} new reminder(s); sent {sent}, not sent {skipped} "
            f"(opted out, withdrawn or switched off), {retry} to retry, {failed} failed."
        )
        mail = outbox.deliver(now=now)
        self.stdout.write(
            f"Outbox: sent {len(mail.sent)}, {len(mail.retry)} to retry, {len(mail.failed)} failed."
        )
