from django.apps import AppConfig


class ModulesConfig(AppConfig):
    """Layer 3: modules, lessons, the DBT taxonomy, release schedule, lesson progress."""

    name = "modules"
