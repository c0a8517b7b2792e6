from django.apps import AppConfig


class OutboxConfig(AppConfig):
    """Layer 0 beside `dbt_training.core`: every email the app sends is a row here first, written
    in the transaction of the change that causes it, so every layer can send mail without
    importing a higher one."""

    name = "dbt_training.outbox"
    label = "outbox"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Queued by name after each commit (`core.queue`): every process must know the task.
        from . import tasks  # noqa: F401
