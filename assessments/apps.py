from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Layer 5: quizzes, assignments, grading, completion and evaluation (docs/architecture.md)."""

    name = "assessments"

    def ready(self) -> None:
        # The layers below learn about this app through their registries, never an import; and
        # each concept copies its own part of a duplicated course.
        from assessments import models, reminders, tasks  # noqa: F401 (tasks: known by name to queue)
        from assessments.assignments import authoring as assignment_authoring
        from assessments.assignments import submissions
        from assessments.completion import authoring as completion_authoring
        from assessments.quizzes import results, services
        from dbt_training.outbox import services as outbox
        from modules import activities, progress
        from reminders import registry

        from .grading import behind

        activities.register(
            trainee=results.quiz_activities,
            authoring=results.quiz_authoring_items,
            copier=services.copy_quizzes,
        )
        activities.register(
            trainee=submissions.assignment_activities,
            authoring=assignment_authoring.assignment_authoring_items,
            copier=assignment_authoring.copy_assignments,
        )
        activities.register(copier=completion_authoring.copy_completion)
        # Quizzes and assignments are read from memory on trainee pages (modules.progress.course_memo).
        progress.watch_module_items(models.Quiz)
        progress.watch_module_items(models.Assignment)
        registry.register_source(reminders.due_soon)
        registry.register_source(reminders.overdue)
        registry.register_source(reminders.inactive)
        outbox.register_send_check("nudge", behind.nudges_no_longer_wanted)
