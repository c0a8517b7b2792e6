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
        _register_package_parts()


def _register_package_parts() -> None:
    """Each concept's part of a course package, in the order course.json lists them."""
    from assessments.assignments import package as assignments
    from assessments.completion import package as completion
    from assessments.quizzes import package as quizzes
    from modules import transfer

    for name, module, export, check, create, empty in (
        ("question_bank", quizzes, "export_bank", "check_bank", "create_bank", {}),
        ("quizzes", quizzes, "export_quizzes", "check_quizzes", "create_quizzes", []),
        ("rubrics", assignments, "export_rubrics", "check_rubrics", "create_rubrics", []),
        (
            "assignments",
            assignments,
            "export_assignments",
            "check_assignments",
            "create_assignments",
            [],
        ),
        ("gradebook_weights", assignments, "export_weights", "check_weights", "create_weights", None),
        ("completion_rules", completion, "export_rules", "check_rules", "create_rules", None),
        ("ce_approvals", completion, "export_approvals", "check_approvals", "create_approvals", []),
    ):
        transfer.register_part(
            name,
            export=getattr(module, export),
            check=getattr(module, check),
            create=getattr(module, create),
            empty=empty,
        )
