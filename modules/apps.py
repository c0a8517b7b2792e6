from django.apps import AppConfig


class ModulesConfig(AppConfig):
    """Layer 4: modules, lessons, the DBT taxonomy, release schedule, lesson progress."""

    name = "modules"

    def ready(self) -> None:
        # reminders sits below us: it learns of module releases and due dates by registration.
        from reminders import registry

        from . import calendar_events, progress, reminders, tasks  # noqa: F401 (tasks: registered)

        progress.connect_signals()
        registry.register_source(reminders.module_released)
        registry.register_calendar_source(calendar_events.due_date_events)
