"""What higher apps do when a course goes live.

`modules` publishes courses but sits below `assessments`, which keeps what must be recorded at
that moment (the CE checks, issue 20). So `assessments` registers a hook here in its
`AppConfig.ready()`, as course duplication's copiers and the package parts do, and
`publish_course` calls every hook inside its transaction: what a hook records is kept exactly
when the course is published.
"""

from collections.abc import Callable

# hook(*, course, by) -> list[str]: records what it must, returns notes for the person
# publishing ("2 CE checks need attention: see Completion and CE."), never refuses.
_hooks: list[Callable] = []


def register_publish_hook(hook: Callable) -> None:
    if hook not in _hooks:
        _hooks.append(hook)


def course_published(*, course, by) -> list[str]:
    """Called by `publish_course` when a draft goes live; the notes of every hook, in order."""
    notes: list[str] = []
    for hook in _hooks:
        notes.extend(hook(course=course, by=by))
    return notes
