from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Layer 5: quizzes, assignments, rubrics, grades, completion rules, certificates."""

    name = "assessments"

    def ready(self) -> None:
        # modules sits below us: it learns about quizzes through its registry, not an import.
        from modules import activities
        from reminders import registry

        from . import assignment_authoring, reminders, results, services, submissions

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
