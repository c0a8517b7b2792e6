"""The grading form: a level per rubric criterion (or one score), comments, overall feedback."""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from assessments.models import Criterion, Grade

COMMENT_MAX = 10_000


@dataclass
class CriterionFields:
    """What the page prints for one criterion: its levels as radios, a comment, the bank."""

    criterion: Criterion
    level: forms.BoundField
    comment: forms.BoundField
    bank: forms.BoundField

    @property
    def chosen(self) -> str:
        return str(self.level.value() or "")


class GradeForm(forms.Form):
    """Rubric levels (when `criteria` are given) or a score out of `max_score`, and feedback.

    With `returning`, only the feedback counts: it is the note that sends work back."""

    feedback = forms.CharField(
        label="Overall feedback",
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The trainee reads this with the grade once it is released, or at once when "
        "you return the work for revision.",
    )

    def __init__(
        self,
        *args,
        criteria: list[Criterion] = (),
        max_score: Decimal | None = None,
        grade: Grade | None = None,
        returning: bool = False,
        **kwargs,
    ):
        kwargs.setdefault("initial", _initial(grade))
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.returning = returning
        if not self.criteria:
            between = f"Give a score from 0 to {max_score.normalize():f}."
            self.fields["score"] = forms.DecimalField(
                label=f"Score (0 to {max_score.normalize():f})",
                required=not returning,
                max_digits=9,
                decimal_places=2,
                validators=[
                    MinValueValidator(Decimal(0), message=between),
                    MaxValueValidator(max_score, message=between),
                ],
                error_messages={"required": "Give a score."},
                widget=forms.NumberInput(
                    attrs={"min": "0", "max": f"{max_score.normalize():f}", "step": "0.01"}
                ),
            )
        for criterion in self.criteria:
            pk = criterion.pk
            self.fields[f"level_{pk}"] = forms.ChoiceField(
                label=criterion.title,
                choices=[(str(level.pk), level.title) for level in criterion.levels.all()],
                required=not returning,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose a level for “{criterion.title}”.",
                    "invalid_choice": f"Choose one of the levels of “{criterion.title}”.",
                },
            )
            self.fields[f"comment_{pk}"] = forms.CharField(
                label=f"Comment on “{criterion.title}”",
                required=False,
                max_length=COMMENT_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"bank_{pk}"] = forms.ChoiceField(
                label=f"Add a saved comment on “{criterion.title}”",
                required=False,
                choices=[("", "Choose a saved comment…")]
                + [(str(c.pk), c.text) for c in criterion.bank_comments.all()],
                error_messages={"invalid_choice": "Choose one of the saved comments."},
            )
        if returning:
            feedback = self.fields["feedback"]
            feedback.required = True
            feedback.error_messages["required"] = (
                "Say what to revise: the trainee reads this note when the work comes back."
            )

    @property
    def criterion_fields(self) -> list[CriterionFields]:
        return [
            CriterionFields(c, self[f"level_{c.pk}"], self[f"comment_{c.pk}"], self[f"bank_{c.pk}"])
            for c in self.criteria
        ]

    def levels(self) -> dict[int, int]:
        """{criterion id: level id} as chosen."""
        return {
            c.pk: int(self.cleaned_data[f"level_{c.pk}"])
            for c in self.criteria
            if self.cleaned_data.get(f"level_{c.pk}")
        }

    def comments(self) -> dict[int, str]:
        """{criterion id: comment}, with the chosen saved comment appended (with the page's
        script the select is disabled once its comments become buttons that insert into the
        text, so nothing is appended twice)."""
        result = {}
        for criterion in self.criteria:
            text = self.cleaned_data.get(f"comment_{criterion.pk}", "").strip()
            bank_id = self.cleaned_data.get(f"bank_{criterion.pk}")
            if bank_id:
                saved = next(c.text for c in criterion.bank_comments.all() if str(c.pk) == bank_id)
                text = f"{text}\n{saved}" if text else saved
            result[criterion.pk] = text
        return result


def _initial(grade: Grade | None) -> dict:
    """A regrade starts from the grade as it stands."""
    if grade is None:
        return {}
    initial = {"score": grade.score, "feedback": grade.feedback}
    for row in grade.criterion_scores.all():
        initial[f"level_{row.criterion_id}"] = str(row.level_id) if row.level_id else ""
        initial[f"comment_{row.criterion_id}"] = row.comment
    return initial
