import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils import timezone

from dbt_training.demo import seed_demo_accounts
from dbt_training.demo_course import (
    reset_demo_course,
    seed_demo_course,
    seed_demo_finished_cohort,
    seed_demo_running_cohort,
)

CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"
# Kept in memory for the run and dropped with it: the demo's invitations, announcements and
# notices go to invented people, and a screenful of them would hide the logins.
DISCARDED_EMAIL = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = (
        "Load the demo accounts, the demo course “Introduction to DBT for Clinicians”, a cohort in "
        "mid-flight and a finished one. Idempotent; --reset starts again. The emails the demo "
        "causes are discarded unless --show-email prints them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete demo data first.")
        parser.add_argument(
            "--show-email",
            action="store_true",
            help="Print the emails the demo sends (invitations, announcements, notices).",
        )

    def handle(self, *args, reset: bool = False, show_email: bool = False, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo refuses to run in production mode (DJANGO_PRODUCTION).")
        backend = CONSOLE_EMAIL if show_email else DISCARDED_EMAIL
        with override_settings(EMAIL_BACKEND=backend), _quiet_tasks(options["verbosity"]):
            if reset:
                reset_demo_course()
            accounts = seed_demo_accounts(reset=reset)
            seed_demo_course()
            cohort = seed_demo_running_cohort()
            finished = seed_demo_finished_cohort()
        session = cohort.live_sessions.filter(starts_at__gt=timezone.now()).first()
        self.stdout.write(
            f"The trainee is in “{cohort.name}” of {cohort.course.title}, three weeks in; its next "
            f"live session, “{session.title}”, starts at {session.starts_at:%H:%M} UTC. They "
            f"finished “{finished.name}”, so its certificate can be claimed."
        )
        # The logins and the address last, where a terminal leaves them in view.
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with:"))
        for account in accounts:
            self.stdout.write(f"  {account.role:<9} {account.email:<22} {settings.DEMO_PASSWORD}")
        self.stdout.write(f"at {settings.SITE_URL.rstrip('/')}/")


@contextmanager
def _quiet_tasks(verbosity: int):
    """Without a broker every task runs inline, and Celery logs a line for each one; at the
    default verbosity those lines would bury the logins."""
    trace = logging.getLogger("celery.app.trace")
    before = trace.level
    if verbosity < 2:
        trace.setLevel(logging.WARNING)
    try:
        yield
    finally:
        trace.setLevel(before)
