"""What else a module holds besides lessons (quizzes now, assignments later).

`modules` sits below `assessments`, so it cannot import quizzes. Higher apps register providers
here in their `AppConfig.ready()` (the way apps register with the admin), and the cohort home and
the course editor ask the registry.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Activity:
    """A trainee's view of one item in a module: where it is, and how they stand with it."""

    title: str
    url: str
    kind: str
    status: str = ""
    done: bool = False


@dataclass
class AuthoringItems:
    """A trainer's view of a module's items in the course editor, and how to add more."""

    items: list = field(default_factory=list)  # of Activity
    add_links: list = field(default_factory=list)  # of (label, url)


_trainee_providers: list[Callable] = []
_authoring_providers: list[Callable] = []
_copiers: list[Callable] = []
_record_keepers: list[Callable] = []


def register(
    *,
    trainee: Callable | None = None,
    authoring: Callable | None = None,
    copier: Callable | None = None,
    records: Callable | None = None,
) -> None:
    """trainee(enrollment, progress) -> {module id: [Activity]};
    authoring(course, modules) -> {module id: AuthoringItems};
    copier(new_by_old: {old module id: new Module}) copies a module's items into its copy when a
    course is duplicated; records(module) -> [why the module cannot be deleted]: trainees' work
    in it that is part of the CE record. Each runs a fixed number of queries however many
    modules there are."""
    for hook, registry in (
        (trainee, _trainee_providers),
        (authoring, _authoring_providers),
        (copier, _copiers),
        (records, _record_keepers),
    ):
        if hook and hook not in registry:
            registry.append(hook)


def copy_items(new_by_old: dict) -> None:
    """Called inside `duplicate_course`'s transaction, after the modules are copied."""
    for copier in _copiers:
        copier(new_by_old)


def records_in(module) -> list[str]:
    """Why deleting the module would destroy trainees' records (empty when it would not)."""
    return [problem for keeper in _record_keepers for problem in keeper(module)]


def activities_for(enrollment, progress) -> dict[int, list[Activity]]:
    result = defaultdict(list)
    for provider in _trainee_providers:
        for module_id, activities in provider(enrollment, progress).items():
            result[module_id].extend(activities)
    return result


def authoring_items_for(course, modules) -> dict[int, AuthoringItems]:
    result = defaultdict(AuthoringItems)
    for provider in _authoring_providers:
        for module_id, extra in provider(course, modules).items():
            result[module_id].items.extend(extra.items)
            result[module_id].add_links.extend(extra.add_links)
    return result
