from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.management.commands.import_gift import write_report
from assessments.models import Quiz
from assessments.quizzes import moodle_xml, services


class Command(BaseCommand):
    help = (
        "Add the questions of a Moodle XML file (with their images and categories) to a quiz. A "
        "file with any error imports nothing unless --skip-invalid is given; question types this "
        "platform lacks are listed as left out."
    )

    def add_arguments(self, parser):
        parser.add_argument("quiz_id", type=int)
        parser.add_argument("path", help="A Moodle XML file (Question bank → Export → Moodle XML).")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid questions and report the others.",
        )

    def handle(self, *args, quiz_id: int, path: str, json: bool, skip_invalid: bool, **options):
        quiz = Quiz.objects.select_related("module__course").filter(pk=quiz_id).first()
        if quiz is None:
            raise CommandError(f"There is no quiz with id {quiz_id}.")
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No file at {path}.")
        if source.stat().st_size > moodle_xml.MAX_BYTES:  # refused before a byte is read
            raise CommandError(f"{path} is larger than 30 MB.")
        report = services.import_moodle_xml(
            quiz=quiz, data=source.read_bytes(), skip_invalid=skip_invalid
        )
        write_report(self, report, quiz=quiz, as_json=json, skip_invalid=skip_invalid)
