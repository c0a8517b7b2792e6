import argparse

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dbt_training.load import LOAD_EMAIL_DOMAIN, LOAD_PASSWORD, LoadDataExists, build_load


def at_least_one(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


class Command(BaseCommand):
    help = (
        "Build large data for benchmarks with bulk inserts: a load-test course, cohorts, trainees "
        "and their activity. Refuses when load data exists unless --reset."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cohorts", type=at_least_one, required=True)
        parser.add_argument("--trainees-per-cohort", type=at_least_one, required=True)
        parser.add_argument("--course-modules", type=at_least_one, default=20)
        parser.add_argument("--lessons-per-module", type=at_least_one, default=8)
        parser.add_argument(
            "--seed", type=int, default=1, help="Changes scores and times, not which rows exist."
        )
        parser.add_argument(
            "--reset", action="store_true", help="Remove earlier load data (only that) first."
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_load refuses to run in production mode (DJANGO_PRODUCTION).")
        try:
            summary = build_load(
                cohorts=options["cohorts"],
                trainees_per_cohort=options["trainees_per_cohort"],
                course_modules=options["course_modules"],
                lessons_per_module=options["lessons_per_module"],
                seed=options["seed"],
                reset=options["reset"],
                report=self.stdout.write,
            )
        except LoadDataExists as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Load data ready: {summary.rows:,} rows in {summary.seconds:.1f} s."
            )
        )
        for name, count in summary.counts().items():
            self.stdout.write(f"  {name.replace('_', ' '):<16} {count:>10,}")
        self.stdout.write(
            f"Sign in as trainer-001@{LOAD_EMAIL_DOMAIN} or trainee-00001@{LOAD_EMAIL_DOMAIN} "
            f"with the password {LOAD_PASSWORD}."
        )
