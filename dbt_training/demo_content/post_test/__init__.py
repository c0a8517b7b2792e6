"""The final post-test's item bank: one file per module (`pNN.py`, GIFT without categories),
applied case-based items answerable from that module's lessons, none repeating a knowledge check.

CE home-study norms ask about six post-test items per credit hour, and the course claims its
lesson time as CE hours, so each attempt draws six items per hour of a module's lessons (rounded
up) from that module's file, which holds two more than that: a retake meets other items."""

import importlib
from math import ceil

ITEMS_PER_HOUR = 6
SPARE_ITEMS = 2


def items(number: int) -> str:
    """The GIFT of module `number`'s items (1-based, in course order)."""
    return importlib.import_module(f"{__name__}.p{number:02d}").ITEMS


def draw_count(module: dict) -> int:
    """How many of a module's items each attempt draws: six per hour of its lessons."""
    from dbt_training.demo_content import lesson_minutes

    return ceil(ITEMS_PER_HOUR * lesson_minutes(module) / 60)
