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
        from assessments.completion import audit as completion_audit
        from assessments.completion import authoring as completion_authoring
        from assessments.completion import ce_checks
        from assessments.evaluation import report as evaluation_report
        from assessments.quizzes import results, services
        from dbt_training.outbox import services as outbox
        from modules import activities, progress, publication
        from reminders import registry

        from .grading import behind

        activities.register(
            trainee=results.quiz_activities,
            authoring=results.quiz_authoring_items,
            copier=services.copy_quizzes,
            records=results.submitted_attempts_in,
        )
        activities.register(
            trainee=submissions.assignment_activities,
            authoring=assignment_authoring.assignment_authoring_items,
            copier=assignment_authoring.copy_assignments,
            records=assignment_authoring.submitted_work_in,
        )
        activities.register(copier=completion_authoring.copy_completion)
        publication.register_publish_hook(ce_checks.notes_at_publishing)
        # Completion may not import evaluation (the concepts' order): the app hands it over.
        completion_audit.register_evaluation_report(
            report=evaluation_report.report, sheet=evaluation_report.evaluation_sheet
        )
        # Quizzes and assignments are read from memory on trainee pages (modules.progress.course_memo).
        progress.watch_module_items(models.Quiz)
        progress.watch_module_items(models.Assignment)
        registry.register_source(reminders.due_soon)
        registry.register_source(reminders.overdue)
        registry.register_source(reminders.inactive)
        outbox.register_send_check("nudge", behind.nudges_no_longer_wanted)
        _register_package_parts()


def _register_package_parts() -> None:
    """Each concept's part of a course package (`modules.transfer`), in course.json's order."""
    from assessments.assignments import package as assignments
    from assessments.completion import package as completion
    from assessments.quizzes import package as quizzes
    from modules.transfer import register_part

    register_part(
        "question_bank",
        export=quizzes.export_bank,
        check=quizzes.check_bank,
        create=quizzes.create_bank,
        empty={},
    )
    register_part(
        "quizzes",
        export=quizzes.export_quizzes,
        check=quizzes.check_quizzes,
        create=quizzes.create_quizzes,
        empty=[],
    )
    register_part(
        "rubrics",
        export=assignments.export_rubrics,
        check=assignments.check_rubrics,
        create=assignments.create_rubrics,
        empty=[],
    )
    register_part(
        "assignments",
        export=assignments.export_assignments,
        check=assignments.check_assignments,
        create=assignments.create_assignments,
        empty=[],
    )
    register_part(
        "gradebook_weights",
        export=assignments.export_weights,
        check=assignments.check_weights,
        create=assignments.create_weights,
        empty=None,
    )
    register_part(
        "completion_rules",
        export=completion.export_rules,
        check=completion.check_rules,
        create=completion.create_rules,
        empty=None,
    )
    register_part(
        "ce_approvals",
        export=completion.export_approvals,
        check=completion.check_approvals,
        create=completion.create_approvals,
        empty=[],
    )
