import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assessments.completion.audit import pack_filename, write_audit_pack
from courses.models import Cohort
from dbt_training.users.models import User


class Command(BaseCommand):
    help = (
        "Write a cohort's CE audit pack (the zip an enrollment admin downloads from the cohort "
        "page): roster, attendance, overrides, post-test attempts, evaluation report, "
        "certificates, approvals and CE checks, with a README."
    )

    def add_arguments(self, parser):
        parser.add_argument("cohort_id", type=int)
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write the zip (default: ce-audit-pack-cohort-<id>-<date>.zip here).",
        )
        parser.add_argument(
            "--by",
            metavar="EMAIL",
            help="The account the README names as having asked for the pack.",
        )

    def handle(self, *args, cohort_id: int, output: Path | None, by: str | None, **options):
        cohort = Cohort.objects.select_related("course").filter(pk=cohort_id).first()
        if cohort is None:
            raise CommandError(f"No cohort with id {cohort_id}.")
        person = None
        if by:
            person = User.objects.with_email(by).first()
            if person is None:
                raise CommandError(f"No account with the email {by}.")
        now = timezone.now()
        path = output or Path(pack_filename(cohort, now=now))
        # Written beside the target and renamed when complete, so a failed run never leaves a
        # truncated pack under the name an auditor would be sent.
        partial = path.with_name(f".{path.name}.partial")
        try:
            with partial.open("wb") as out:
                write_audit_pack(out, cohort=cohort, by=person, now=now)
            os.replace(partial, path)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from None
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Wrote the CE audit pack of {cohort} to {path}."))
