"""The progress read model, built for every enrollment that has viewed a lesson."""

import django.db.models.deletion
from django.db import migrations, models


def build(apps, schema_editor):
    # Historical models only (this must work whatever modules.progress becomes): one pass over
    # LessonProgress in (enrollment, last view, id) order.
    LessonProgress = apps.get_model("modules", "LessonProgress")
    EnrollmentProgress = apps.get_model("modules", "EnrollmentProgress")
    rows = {}
    for row_id, enrollment_id, lesson_id, completed_at, viewed_at in (
        LessonProgress.objects.order_by("enrollment_id", "last_viewed_at", "pk")
        .values_list("pk", "enrollment_id", "lesson_id", "completed_at", "last_viewed_at")
        .iterator(chunk_size=5000)
    ):
        summary = rows.setdefault(enrollment_id, {"completed": [], "resume": None})
        summary["resume"], summary["viewed_at"] = row_id, viewed_at  # the last in view order
        if completed_at is not None:
            summary["completed"].append(lesson_id)
    EnrollmentProgress.objects.bulk_create(
        (
            EnrollmentProgress(
                enrollment_id=enrollment_id,
                completed_lesson_ids=sorted(summary["completed"]),
                resume_id=summary["resume"],
                resume_viewed_at=summary["viewed_at"],
            )
            for enrollment_id, summary in rows.items()
        ),
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_progress_stamps"),
        ("modules", "0005_lesson_required"),
    ]

    operations = [
        migrations.CreateModel(
            name="EnrollmentProgress",
            fields=[
                (
                    "enrollment",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="progress_summary",
                        serialize=False,
                        to="courses.enrollment",
                    ),
                ),
                ("completed_lesson_ids", models.JSONField(blank=True, default=list)),
                ("resume_viewed_at", models.DateTimeField(blank=True, null=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "resume",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="modules.lessonprogress",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "enrollment progress",
            },
        ),
        migrations.RunPython(build, migrations.RunPython.noop),
    ]
