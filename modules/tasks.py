"""Thin Celery task: the nightly check that the progress read model equals LessonProgress and
repairs what does not (a row written by hand, a bulk load, a bug). Scheduled by migration
modules/0007 in django-celery-beat's tables."""

import logging

from celery import shared_task

from .progress import repair_progress

logger = logging.getLogger(__name__)


@shared_task
def repair_progress_model() -> int:
    wrong = repair_progress()
    if wrong:
        # Each is a row some writer left out of step: worth a look, not an alarm.
        logger.warning("Progress read model: %s enrollment row(s) repaired", wrong)
    return wrong
