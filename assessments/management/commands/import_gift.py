import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.models import Quiz
from assessments.quizzes import services


class Command(BaseCommand):
    help = (
        "Add the questions of a GIFT file (Moodle's question format) to a quiz. A file with any "
        "error imports nothing unless --skip-invalid is given; every error names its line."
    )

    def add_arguments(self, parser):
        parser.add_argument("quiz_id", type=int)
        parser.add_argument("path", help="A GIFT text file (UTF-8).")
        parser.add_argument(
            "--json",
            action="store_true",
            help='Print {"imported": N, "by_type": {...}, "errors": [...]} instead of prose.',
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid questions and report the others.",
        )

    def handle(self, *args, quiz_id: int, path: str, json: bool, skip_invalid: bool, **options):
        quiz = Quiz.objects.filter(pk=quiz_id).first()
        if quiz is None:
            raise CommandError(f"There is no quiz with id {quiz_id}.")
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"No file at {path}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text.") from None
        report = services.import_gift(quiz=quiz, text=text, skip_invalid=skip_invalid)
        write_report(self, report, quiz=quiz, as_json=json, skip_invalid=skip_invalid)


def write_report(command, report, *, quiz, as_json: bool, skip_invalid: bool) -> None:
    """An import's report as prose (errors and left-out items on stderr) or JSON; a CommandError
    when errors kept the file out (shared by import_gift and import_moodle_xml)."""
    if as_json:
        command.stdout.write(_json(report.as_json()))
    else:
        for problem in report.errors:
            name = f" ({problem.name})" if problem.name else ""
            command.stderr.write(f"line {problem.line}{name}: {problem.reason}")
        for warning in report.warnings:
            name = f" ({warning.name})" if warning.name else ""
            command.stderr.write(f"left out, line {warning.line}{name}: {warning.reason}")
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(report.by_type.items()))
        command.stdout.write(
            f"Imported {len(report.imported)} question(s) into “{quiz.title}”"
            + (f": {kinds}" if kinds else "")
        )
    if report.errors and not skip_invalid:
        raise CommandError(
            f"Nothing imported: {len(report.errors)} error(s). Fix them or pass --skip-invalid."
        )


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False)
