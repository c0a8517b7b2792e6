from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dbt_training.users.models import User
from modules.transfer import ImportProblems, import_course_zip


class Command(BaseCommand):
    help = (
        "Import a course exported with export_course as a new draft course. Nothing is created "
        "unless the whole export is valid; otherwise every problem is listed with its JSON path."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .zip written by export_course.")
        parser.add_argument("--slug", help="Use this slug instead of the one in the export.")
        parser.add_argument(
            "--author",
            metavar="EMAIL",
            help="The trainer put on the new course's team (default: the first superuser).",
        )

    def handle(self, *args, path: str, slug: str | None, author: str | None, **options):
        if author:
            user = User.objects.with_email(author).first()
            if user is None:
                raise CommandError(f"No user has the email “{author}”.")
        else:
            user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
            if user is None:
                raise CommandError("There is no superuser to author the course; pass --author.")
        if not Path(path).is_file():
            raise CommandError(f"No file at {path}.")
        try:
            course = import_course_zip(path, author=user, slug=slug)
        except ImportProblems as problems:
            raise CommandError(f"The course was not imported:\n{problems}") from problems
        self.stdout.write(f"Imported {course.title} as {course.slug} (draft)")
