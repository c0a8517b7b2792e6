from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "dbt_training.users"
    label = "users"
    verbose_name = "Users and roles"

    def ready(self) -> None:
        from . import audit, permissions

        permissions.connect_signals()
        audit.connect_signals()
