import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.models import Quiz
from assessments.quizzes import services


class Command(BaseCommand):
    help = "Write a quiz's questions as Moodle XML, with their categories and images."

    def add_arguments(self, parser):
        parser.add_argument("quiz_id", type=int)
        parser.add_argument("path", help="Where to write the XML file ('-' for standard output).")

    def handle(self, *args, quiz_id: int, path: str, **options):
        quiz = Quiz.objects.select_related("module__course").filter(pk=quiz_id).first()
        if quiz is None:
            raise CommandError(f"There is no quiz with id {quiz_id}.")
        data = services.export_moodle_xml(quiz=quiz)
        if path == "-":
            sys.stdout.buffer.write(data)
            return
        Path(path).write_bytes(data)
        self.stdout.write(f"Wrote {quiz.questions.count()} question(s) to {path}")
