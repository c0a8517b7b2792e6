from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.models import Quiz
from assessments.quizzes import services


class Command(BaseCommand):
    help = "Write a quiz's questions as GIFT (import_gift reads it back unchanged)."

    def add_arguments(self, parser):
        parser.add_argument("quiz_id", type=int)
        parser.add_argument("path", help="Where to write the GIFT file ('-' for standard output).")

    def handle(self, *args, quiz_id: int, path: str, **options):
        quiz = Quiz.objects.select_related("module__course").filter(pk=quiz_id).first()
        if quiz is None:
            raise CommandError(f"There is no quiz with id {quiz_id}.")
        text = services.export_gift(quiz=quiz)
        if path == "-":
            self.stdout.write(text, ending="")
            return
        Path(path).write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {quiz.questions.count()} question(s) to {path}")
