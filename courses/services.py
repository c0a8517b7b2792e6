"""State changes of courses themselves; their modules and lessons change in modules.services."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dbt_training.users.models import User

from .models import Course

COURSE_FIELDS = (
    "slug",
    "title",
    "summary",
    "audience",
    "learning_objectives",
    "ce_hours",
    "pass_mark",
)


@transaction.atomic
def create_course(*, author: User, **fields) -> Course:
    """A new draft course with the author on its team."""
    course = Course(**{name: fields[name] for name in COURSE_FIELDS if name in fields})
    course.full_clean()
    try:
        with transaction.atomic():
            course.save()
    except IntegrityError:
        # Two people took the same slug at the same moment; full_clean saw it free.
        raise ValidationError({"slug": "A course with this web address already exists."}) from None
    course.authors.add(author)
    return course


@transaction.atomic
def update_course(*, course: Course, **fields) -> Course:
    for name in COURSE_FIELDS:
        if name in fields:
            setattr(course, name, fields[name])
    course.full_clean()
    course.save()
    return course
