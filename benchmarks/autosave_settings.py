"""The project's own settings (DEBUG off), with a URLconf that adds the bare baseline view."""

from dbt_training.settings.base import *  # noqa: F403

ROOT_URLCONF = "benchmarks.autosave_urls"
