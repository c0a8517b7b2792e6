from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from courses import services
from courses.models import Cohort


class Command(BaseCommand):
    help = (
        "Enroll the people in a CSV file (email, full_name, team) into a cohort: all rows or "
        "none. With --dry-run, only print what would happen to each row."
    )

    def add_arguments(self, parser):
        parser.add_argument("cohort_id", type=int)
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, cohort_id: int, path: Path, dry_run: bool, **options):
        cohort = Cohort.objects.filter(pk=cohort_id).first()
        if cohort is None:
            raise CommandError(f"No cohort with id {cohort_id}.")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        if dry_run:
            plan = services.plan_csv_enrollment(cohort=cohort, data=data)
            if not plan.ok:
                lines = [
                    f"Line {p.line}: {p.message}" if p.line else p.message for p in plan.problems
                ]
                raise CommandError("Nothing was changed.\n" + "\n".join(lines))
            self.write_rows(plan)
            self.stdout.write("Dry run: nothing was changed.")
            return
        try:
            # What is printed is the plan applied under the cohort lock, not one made before it:
            # a second run at the same moment sees the first one's enrollments.
            plan = services.apply_csv_enrollment(cohort=cohort, data=data)
        except ValidationError as error:
            raise CommandError("Nothing was changed.\n" + "\n".join(error.messages)) from None
        self.write_rows(plan)
        counts = ", ".join(f"{label.lower()}: {n}" for label, n in plan.counts.items() if n)
        self.stdout.write(self.style.SUCCESS(f"Applied to {cohort} ({counts})."))

    def write_rows(self, plan) -> None:
        for planned in plan.rows:
            detail = f" ({planned.detail})" if planned.detail else ""
            self.stdout.write(
                f"line {planned.row.line}: {planned.row.email}: {planned.label}{detail}"
            )
