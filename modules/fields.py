"""A model field for a module's multi-valued DBT tags."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class TagListField(models.JSONField):
    """Values of one taxonomy (a TextChoices), each at most once, in the taxonomy's order.

    A JSON list rather than an ArrayField (PostgreSQL only) or tag tables (a query more per
    outline, for a vocabulary fixed in code): the same on SQLite and PostgreSQL, read with the
    module row. Forms offer it as labelled checkboxes."""

    def __init__(self, *args, taxonomy: type[models.TextChoices] | None = None, **kwargs):
        self.taxonomy = taxonomy
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["taxonomy"] = self.taxonomy
        return name, path, args, kwargs

    def to_python(self, value):
        # full_clean keeps what this returns: one spelling of every set of tags.
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            order = {v: i for i, v in enumerate(self.taxonomy.values)}
            return sorted(set(value), key=lambda v: (order.get(v, len(order)), v))
        return value

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError("Expected a list of tags.", code="invalid")
        for tag in value:
            if tag not in self.taxonomy.values:
                raise ValidationError(
                    "“%(value)s” is not one of: %(allowed)s.",
                    code="invalid_choice",
                    params={"value": tag, "allowed": ", ".join(self.taxonomy.values)},
                )

    def formfield(self, **kwargs):
        return models.Field.formfield(
            self,
            **{
                "form_class": forms.TypedMultipleChoiceField,
                "choices": self.taxonomy.choices,
                "widget": forms.CheckboxSelectMultiple,
                # A list default would otherwise add a hidden "initial-" input to every form.
                "show_hidden_initial": False,
                **kwargs,
            },
        )
