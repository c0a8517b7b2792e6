from django.core.management.base import BaseCommand, CommandError

from courses.models import Course
from modules.transfer import export_course_zip


class Command(BaseCommand):
    help = (
        "Export a course (modules, lessons, attachments, question bank, quizzes, rubrics, "
        "assignments, completion rules, CE approvals, gradebook weights) as one .zip holding "
        "course.json (version 2, docs/course-package.schema.json) and the files; import it "
        "elsewhere with import_course."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The slug of the course to export.")
        parser.add_argument("path", help="Where to write the .zip (replaced if it exists).")

    def handle(self, *args, slug: str, path: str, **options):
        course = Course.objects.filter(slug=slug).first()
        if course is None:
            raise CommandError(f"No course has the slug “{slug}”.")
        try:
            export_course_zip(course, path)
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error}") from error
        self.stdout.write(f"Exported {course.title} to {path}")
