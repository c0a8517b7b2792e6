from django.core.management.base import BaseCommand

from courses.models import Enrollment
from modules.progress import repair_progress


class Command(BaseCommand):
    help = (
        "Rebuild the progress read model from LessonProgress (all enrollments, or one cohort's), "
        "correcting rows that differ; prints how many were wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cohort", type=int, help="Only this cohort's enrollments (its id).")

    def handle(self, *args, cohort=None, **options):
        ids = None
        if cohort is not None:
            ids = list(Enrollment.objects.filter(cohort_id=cohort).values_list("pk", flat=True))
        wrong = repair_progress(ids)
        self.stdout.write(f"Progress read model: {wrong} enrollment row(s) corrected.")
