from django.apps import AppConfig


class DbtTrainingConfig(AppConfig):
    """Layer 5, the top: URLs, the home dashboard, Celery wiring, demo data."""

    name = "dbt_training"
    label = "dbt_training"
    verbose_name = "DBT Training"
