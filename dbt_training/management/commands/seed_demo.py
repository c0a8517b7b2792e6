from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from dbt_training.demo import seed_demo_accounts
from dbt_training.demo_course import (
    reset_demo_course,
    seed_demo_course,
    seed_demo_finished_cohort,
    seed_demo_running_cohort,
)


class Command(BaseCommand):
    help = (
        "Load the demo accounts, the demo course “DBT Foundations for Clinicians”, a cohort in "
        "mid-flight and a finished one. Idempotent; --reset starts again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete demo data first.")

    def handle(self, *args, reset: bool = False, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo refuses to run in production mode (DJANGO_PRODUCTION).")
        if reset:
            reset_demo_course()
        accounts = seed_demo_accounts(reset=reset)
        seed_demo_course()
        cohort = seed_demo_running_cohort()
        finished = seed_demo_finished_cohort()
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with:"))
        for account in accounts:
            self.stdout.write(f"  {account.role:<9} {account.email:<22} {settings.DEMO_PASSWORD}")
        session = cohort.live_sessions.filter(starts_at__gt=timezone.now()).first()
        self.stdout.write(
            f"The trainee is in “{cohort.name}” of {cohort.course.title}, three weeks in; its next "
            f"live session, “{session.title}”, starts at {session.starts_at:%H:%M} UTC. They "
            f"finished “{finished.name}”, so its certificate can be claimed."
        )
