from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Layer 5: quizzes, assignments, rubrics, grades, completion rules, certificates."""

    name = "assessments"

    def ready(self) -> None:
        # modules sits below us: it learns about quizzes through its registry, not an import.
        from assessments import reminders
        from assessments.assignments import authoring as assignment_authoring
        from assessments.assignments import submissions
        from assessments.quizzes import results, services
        from modules import activities
        from reminders import registry

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
        registry.register_source(reminders.due_soon)
        registry.register_source(reminders.overdue)
        registry.register_source(reminders.inactive)
