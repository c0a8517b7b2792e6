from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Layer 3: reminders (scan, send, preferences, unsubscribe), in-app notifications and
    calendar feeds. The layers above register what is due (module releases, due work, grades)."""

    name = "reminders"

    def ready(self) -> None:
        from courses.signals import announcement_posted

        from . import announcements, registry, sources, tasks  # noqa: F401 (tasks: queued by name)

        announcement_posted.connect(
            announcements.email_announcement, dispatch_uid="reminders.email_announcement"
        )

        registry.register_source(sources.cohort_starting)
        registry.register_source(sources.live_sessions)
        registry.register_calendar_source(sources.live_session_events)
