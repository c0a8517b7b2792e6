"""The one Celery app. Workers: `celery -A dbt_training worker`; beat (one process only):
`celery -A dbt_training beat`. Settings come from Django's, prefixed CELERY_."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dbt_training.settings.base")

app = Celery("dbt_training")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
