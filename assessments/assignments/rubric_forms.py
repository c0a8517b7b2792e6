"""Forms for authoring assignments, rubrics (criteria, levels, comment banks) and gradebook weights.

The forms parse and check what a field alone can tell; the services in
`assessments.assignment_authoring` own the rules that need the database or several fields.
"""

from decimal import Decimal

from django import forms

from assessments.assignments.authoring import MAX_WEIGHT, LevelData
from assessments.models import Assignment, Criterion, Rubric
from assessments.models.assignments import MAX_POINTS
from assessments.taxonomy import CLIENT_WORKSHEETS, WorksheetKind

MAX_LEVELS = 12
MAX_COMMENT_LINES = 100


class RubricChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, rubric: Rubric) -> str:
        best = rubric.max_points()
        return f"{rubric.title} ({best.normalize():f} points)"


class AssignmentForm(forms.ModelForm):
    """An assignment's settings. The rubric choices are this course's rubrics only, so another
    course's rubric id (a tampered post) is "not one of the available choices"."""

    rubric = RubricChoiceField(
        queryset=Rubric.objects.none(),
        required=False,
        empty_label="No rubric: a single score out of the points below",
        help_text=Assignment._meta.get_field("rubric").help_text,
    )

    class Meta:
        model = Assignment
        fields = [
            "title",
            "worksheet",
            "instructions",
            "case_behaviors",
            "rubric",
            "points",
            "about_client",
            "required_for_completion",
            "pass_percent",
        ]
        widgets = {
            "worksheet": forms.RadioSelect,
            "instructions": forms.Textarea(attrs={"rows": 8, "class": "markdown-editor"}),
            "case_behaviors": forms.Textarea(attrs={"rows": 5}),
            "points": forms.NumberInput(attrs={"step": "0.01", "min": "0.01"}),
            "pass_percent": forms.NumberInput(attrs={"min": "0", "max": "100"}),
        }
        labels = {
            "worksheet": "Worksheet",
            "about_client": "Ask the trainee to confirm client-identifying details were removed",
        }
        help_texts = {
            "instructions": "Markdown: **bold**, *italic*, lists, links. Shown above the worksheet.",
            "case_behaviors": "Target hierarchy / case formulation only: the case's behaviors, one "
            "per line (at least two), for the trainee to order by stage-1 priority and justify.",
            "points": "The maximum score when there is no rubric (a rubric's levels set it "
            "otherwise).",
            "required_for_completion": "When the course's completion rules require assignments, "
            "this one must be graded (and the grade released) at or above its pass level.",
            "pass_percent": "From 0 to 100. Leave empty to use the course's pass mark.",
        }

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rubric"].queryset = (
            Rubric.objects.filter(course=course)
            .order_by("title", "pk")
            .prefetch_related("criteria__levels")
        )
        self.fields["case_behaviors"].widget.attrs["data-case-behaviors"] = ""
        self.fields["about_client"].widget.attrs["data-about-client"] = ""

    def clean_rubric(self):
        rubric = self.cleaned_data.get("rubric")
        # A rubric without points would grade every worksheet 0 / 0: never a usable grade.
        if rubric is not None and not rubric.max_points():
            raise forms.ValidationError(
                f"“{rubric.title}” has no criteria with points yet: add them in the rubric "
                "editor first, or grade by points."
            )
        return rubric

    @staticmethod
    def initial_for(kind: str) -> dict:
        """A new assignment's starting values: client worksheets ask for de-identification."""
        if kind not in WorksheetKind.values:
            kind = WorksheetKind.CHAIN_ANALYSIS
        return {"worksheet": kind, "about_client": kind in CLIENT_WORKSHEETS}


class RubricForm(forms.ModelForm):
    class Meta:
        model = Rubric
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"description": "Optional: what the rubric is for, shown to graders."}


class CriterionForm(forms.ModelForm):
    comments = forms.CharField(
        label="Comment bank",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One comment per line; graders pick from these when they score this criterion.",
    )

    class Meta:
        model = Criterion
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        labels = {"title": "Criterion"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["comments"] = "\n".join(c.text for c in self.instance.bank_comments.all())

    def clean_comments(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["comments"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_COMMENT_LINES:
            raise forms.ValidationError(f"Keep the bank to {MAX_COMMENT_LINES} comments or fewer.")
        return lines


class LevelForm(forms.Form):
    """One row of a criterion's levels; an empty row is ignored."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    title = forms.CharField(required=False, max_length=100, label="Level")
    points = forms.DecimalField(
        required=False,
        min_value=Decimal(0),
        max_value=MAX_POINTS,
        max_digits=7,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": str(MAX_POINTS)}),
    )
    description = forms.CharField(
        required=False, label="What it looks like", widget=forms.Textarea(attrs={"rows": 1})
    )

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not (data.get("title") or data.get("description") or data.get("points") is not None)

    def clean(self):
        data = super().clean()
        if self.errors or self.is_blank() or data.get("DELETE"):
            return data
        if not data.get("title"):
            self.add_error("title", "Give this level a name, e.g. “Proficient”.")
        if data.get("points") is None:
            self.add_error("points", "Give this level its points (0 or more).")
        return data

    def to_level(self) -> LevelData:
        data = self.cleaned_data
        return LevelData(
            pk=data.get("id"),
            title=data["title"],
            points=data["points"],
            description=data.get("description") or "",
        )


class BaseLevelFormSet(forms.BaseFormSet):
    def kept(self) -> list[LevelForm]:
        return [
            row
            for row in self.forms
            if row.cleaned_data and not row.cleaned_data.get("DELETE") and not row.is_blank()
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if len(self.kept()) < 2:
            raise forms.ValidationError(
                "A criterion needs at least 2 levels, e.g. “Missing — 0” and “Complete — 2”."
            )

    def levels(self) -> list[LevelData]:
        return [row.to_level() for row in self.kept()]


def level_formset(*, data=None, criterion: Criterion | None = None) -> BaseLevelFormSet:
    """The level rows of a criterion form: its levels, then empty rows to fill."""
    initial = []
    if criterion is not None:
        initial = [
            {
                "id": level.pk,
                "title": level.title,
                "points": level.points.normalize(),
                "description": level.description,
            }
            for level in criterion.levels.all()
        ]
    formset_class = forms.formset_factory(
        LevelForm,
        formset=BaseLevelFormSet,
        extra=2 if initial else 4,
        can_delete=bool(initial),
        max_num=MAX_LEVELS,
        validate_max=True,
    )
    return formset_class(data=data, initial=initial, prefix="levels")


class GradebookWeightsForm(forms.Form):
    quizzes = forms.IntegerField(min_value=0, max_value=MAX_WEIGHT, label="Quizzes")
    assignments = forms.IntegerField(min_value=0, max_value=MAX_WEIGHT, label="Assignments")
    attendance = forms.IntegerField(min_value=0, max_value=MAX_WEIGHT, label="Attendance")
