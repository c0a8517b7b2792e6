"""The demo course's content, written in the project's own words from ../shared/dbt-facts.md:
one file per module (lessons in Markdown, a knowledge check in GIFT), and the final post-test and
course evaluation in `assessment.py`. `dbt_training.demo` builds the course from it through the
same services the authoring pages use."""

import importlib

MODULE_FILES = [f"m{number:02d}" for number in range(1, 11)]


def modules() -> list[dict]:
    """The ten modules in course order."""
    return [importlib.import_module(f"{__name__}.{name}").MODULE for name in MODULE_FILES]
