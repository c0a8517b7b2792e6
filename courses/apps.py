from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Layer 2: courses, cohorts, teams, enrollment, live sessions."""

    name = "courses"

    def ready(self) -> None:
        from dbt_training.users.adapters import register_signup_hook

        from .views import accept_pending_invitation

        register_signup_hook(accept_pending_invitation)
