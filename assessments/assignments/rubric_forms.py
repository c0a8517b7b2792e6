"""Forms for authoring assignments, rubrics (criteria, levels, comment banks) and gradebook weights.

The forms parse and check what a field alone can tell; the services in
`assessments.assignment_authoring` own the rules that need the database or several fields.
"""

from decimal import Decimal

from django import forms

from assessments.assignments import worksheets as ws
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
            "personal_rows_allowed",
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
            "personal_rows_allowed": "Each trainee may add up to five rows of their own "
            "targets to their card (a rating 0–5, yes or no, or a count).",
        }

    # The diary card's rows: the standard rows to keep (named `diary_rows`, so the service's
    # errors about the rows land here), then the trainer's own rows in numbered slots.
    diary_rows = forms.MultipleChoiceField(
        label="Standard rows",
        choices=[(row.key, row.describe().capitalize()) for row in ws.DIARY_ROWS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Untick the rows this card does not need.",
    )
    OWN_SLOTS = range(1, ws.MAX_TRAINER_ROWS + 1)
    TOP_FIELDS = ("title", "worksheet", "instructions", "case_behaviors")

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_own_row_fields()
        self.fields["rubric"].queryset = (
            Rubric.objects.filter(course=course)
            .order_by("title", "pk")
            .prefetch_related("criteria__levels")
        )
        self.fields["case_behaviors"].widget.attrs["data-case-behaviors"] = ""
        self.fields["about_client"].widget.attrs["data-about-client"] = ""

    def _add_own_row_fields(self) -> None:
        rows = ws.assignment_rows(self.instance) if self.instance.diary_rows else ws.DIARY_ROWS
        self.initial.setdefault(
            "diary_rows", [row.key for row in rows if row.key in ws.STANDARD_ROWS]
        )
        own = [row for row in rows if row.key not in ws.STANDARD_ROWS]
        for n in self.OWN_SLOTS:
            row = own[n - 1] if n <= len(own) else None
            self.fields[f"own_{n}_key"] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=row.key if row else ""
            )
            self.fields[f"own_{n}_label"] = forms.CharField(
                label=f"Row {n}: name",
                required=False,
                max_length=ws.MAX_ROW_LABEL,
                initial=row.label if row else "",
            )
            self.fields[f"own_{n}_group"] = forms.ChoiceField(
                label=f"Row {n}: group",
                required=False,
                choices=[(code, ws.DIARY_GROUPS[code]) for code in ws.TRAINER_GROUPS],
                initial=row.group_code if row and row.group_code in ws.TRAINER_GROUPS else "other",
            )
            self.fields[f"own_{n}_kind"] = forms.ChoiceField(
                label=f"Row {n}: recorded as",
                required=False,
                choices=list(ws.ROW_KINDS.items()),
                initial=row.kind if row else ws.RATING,
            )

    def own_rows(self) -> list[dict]:
        """The own-row slots for the template: each slot's bound fields."""
        return [
            {part: self[f"own_{n}_{part}"] for part in ("key", "label", "group", "kind")}
            for n in self.OWN_SLOTS
        ]

    def top_fields(self) -> list:
        return [self[name] for name in self.TOP_FIELDS]

    def bottom_fields(self) -> list:
        skip = {*self.TOP_FIELDS, "diary_rows", "personal_rows_allowed"}
        return [
            f for f in self.visible_fields() if f.name not in skip and not f.name.startswith("own_")
        ]

    def clean(self):
        cleaned = super().clean()
        chosen = set(cleaned.get("diary_rows") or ())
        rows = [row.as_dict() for row in ws.DIARY_ROWS if row.key in chosen]
        used = {row["key"] for row in rows}
        for n in self.OWN_SLOTS:
            label = cleaned.pop(f"own_{n}_label", "") or ""
            group, kind = cleaned.pop(f"own_{n}_group", ""), cleaned.pop(f"own_{n}_kind", "")
            key = (cleaned.pop(f"own_{n}_key", "") or "").strip() or f"own_{n}"
            if not label.strip():
                continue
            try:
                label = ws.check_label(label, what=f"Row {n}")
            except forms.ValidationError as error:
                self.add_error(f"own_{n}_label", error)
                continue
            if key in used:
                key = next(f"own_{m}" for m in range(n, 100) if f"own_{m}" not in used)
            used.add(key)
            rows.append(ws.new_row(key, label, group or "other", kind or ws.RATING).as_dict())
        if cleaned.get("worksheet") == WorksheetKind.DIARY_CARD and not rows:
            self.add_error("diary_rows", "Keep at least one standard row, or add one of your own.")
        cleaned["diary_rows"] = rows
        return cleaned

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
