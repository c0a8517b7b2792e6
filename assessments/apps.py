from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Layer 4: quizzes, assignments, rubrics, grades, completion rules, certificates."""

    name = "assessments"
