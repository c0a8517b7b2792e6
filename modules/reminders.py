"""Stub: module-released reminders (issue 8)."""


def module_released(now):
    return []
