from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Layer 2: courses, cohorts, teams, enrollment, live sessions, reminder machinery."""

    name = "courses"
