from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from assessments.models import Question, QuestionCategory, Quiz
from assessments.models.quizzes import MAX_DRAW, MAX_TYPO_TOLERANCE
from assessments.quizzes import moodle_xml
from assessments.quizzes.bank import CategoryTree
from assessments.quizzes.rules import variant_lines
from assessments.quizzes.services import AGREE_SCALE, QUIZ_FIELDS, AnswerData
from assessments.taxonomy import UNANSWERED_KINDS, UNSCORED_KINDS, QuestionKind
from dbt_training.core.formatting import plain_number

GIFT_MAX_BYTES = 2 * 1024 * 1024
XML_MAX_BYTES = moodle_xml.MAX_BYTES
TEXT_LIMITS = {QuestionKind.SHORT: 500, QuestionKind.NUMERIC: 100, QuestionKind.ESSAY: 50_000}


class QuizForm(forms.ModelForm):
    class Meta:
        model = Quiz
        fields = list(QUIZ_FIELDS)  # what the quiz service saves, and nothing else
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 4}),
            "feedback_timing": forms.RadioSelect,
            "grading_method": forms.RadioSelect,
        }


TYPO_CHOICES = [(0, "None: the spelling must match"), (1, "1 letter"), (2, "2 letters")]


class QuestionForm(forms.ModelForm):
    # Only short answers show it; the other kinds post nothing and keep 0.
    typo_tolerance = forms.TypedChoiceField(
        choices=TYPO_CHOICES[: MAX_TYPO_TOLERANCE + 1],
        coerce=int,
        empty_value=0,
        required=False,
        label="Misspellings allowed",
        help_text="Letters that may be wrong, missing, extra or swapped in an accepted answer of "
        "4 characters or more; shorter answers must be typed as listed.",
    )

    class Meta:
        model = Question
        fields = [
            "name",
            "text",
            "text_format",
            "points",
            "general_feedback",
            "case_sensitive",
            "typo_tolerance",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "general_feedback": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"text": "Question text", "name": "Short name"}

    def __init__(self, *args, kind: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if kind in UNSCORED_KINDS:
            # The page does not show points for a kind that is never scored: keep what is stored.
            self.fields["points"].required = False

    def clean_points(self):
        points = self.cleaned_data.get("points")
        if points is None:
            return (
                self.instance.points
                if self.instance.pk
                else Question._meta.get_field("points").default
            )
        return points


class AnswerForm(forms.Form):
    """One row of a question's answers; which columns show depends on the question's kind."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    text = forms.CharField(
        required=False, label="Answer text", widget=forms.Textarea(attrs={"rows": 1})
    )
    variants = forms.CharField(
        required=False,
        label="Other spellings",
        help_text="One a line: spellings and synonyms that count as this answer.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    match = forms.CharField(required=False, label="Matches")
    fraction = forms.DecimalField(
        required=False, label="Weight (%)", max_digits=8, decimal_places=5
    )
    feedback = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 1}))
    value = forms.DecimalField(required=False, max_digits=24, decimal_places=8)
    tolerance = forms.DecimalField(required=False, max_digits=24, decimal_places=8, min_value=0)
    low = forms.DecimalField(required=False, max_digits=24, decimal_places=8, label="From")
    high = forms.DecimalField(required=False, max_digits=24, decimal_places=8, label="To")

    def is_blank(self) -> bool:
        data = self.cleaned_data
        return not any(
            data.get(name) not in (None, "")
            for name in ("text", "variants", "match", "feedback", "value", "low", "high")
        )

    def clean_variants(self) -> str:
        return "\n".join(variant_lines(self.cleaned_data.get("variants", "")))

    def to_answer(self) -> AnswerData:
        data = self.cleaned_data
        return AnswerData(
            pk=data.get("id"),
            text=data.get("text") or "",
            variants=data.get("variants") or "",
            match=data.get("match") or "",
            fraction=data.get("fraction") if data.get("fraction") is not None else Decimal(0),
            feedback=data.get("feedback") or "",
            value=data.get("value"),
            tolerance=data.get("tolerance"),
            low=data.get("low"),
            high=data.get("high"),
        )


def answer_formset(kind: str, *, data=None, question: Question | None = None) -> forms.BaseFormSet:
    """The answer rows for a question form: its current answers, plus empty rows to fill."""
    initial = []
    if question is not None:
        initial = [
            {
                "id": a.pk,
                "text": a.text,
                "variants": a.variants,
                "match": a.match,
                # As people write numbers ("100", "0.5"): a stored 100.00 would show as "1E+2".
                "fraction": plain_number(a.fraction) if a.fraction else "0",
                "feedback": a.feedback,
                **{
                    name: None if getattr(a, name) is None else plain_number(getattr(a, name))
                    for name in ("value", "tolerance", "low", "high")
                },
            }
            for a in question.answers.all()
        ]
    elif kind == QuestionKind.TRUE_FALSE:
        initial = [{"text": "True", "fraction": 100}, {"text": "False", "fraction": 0}]
    elif kind == QuestionKind.LIKERT:
        labels = list(AGREE_SCALE)
        initial = [{"text": label, "fraction": 0} for label in labels]
    formset_class = forms.formset_factory(
        AnswerForm,
        extra=0 if kind in (QuestionKind.TRUE_FALSE, QuestionKind.ESSAY) else 3,
        can_delete=kind != QuestionKind.TRUE_FALSE,
        max_num=50,
        validate_max=True,
    )
    return formset_class(data=data, initial=initial, prefix="answers")


XML, GIFT = "moodle_xml", "gift"


class QuestionImportForm(forms.Form):
    """A GIFT file or pasted GIFT text, or a Moodle XML file (told apart by its content)."""

    file = forms.FileField(
        required=False,
        label="Question file",
        help_text="Moodle XML (.xml, with images) or GIFT (.txt or .gift), as Moodle exports them.",
    )
    text = forms.CharField(
        required=False,
        label="Or paste GIFT text",
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )
    skip_invalid = forms.BooleanField(
        required=False,
        label="If some questions have errors, import the others and list the errors",
        help_text="Otherwise a file with any error imports nothing.",
    )
    file_categories = forms.BooleanField(
        required=False,
        initial=True,
        label="Use the categories the file names",
        help_text="As Moodle's “Get category from file”: otherwise every question goes into this "
        "category.",
    )

    def __init__(self, *args, into_bank: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not into_bank:
            # A quiz's own questions only carry their category along (it files them in the
            # bank's tree); there is no other place to put them.
            del self.fields["file_categories"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        # Refused by size before a byte is parsed (an XML file may be large for its images).
        if upload.size > XML_MAX_BYTES:
            raise ValidationError("The file is larger than 30 MB.")
        head = upload.read(512)
        upload.seek(0)
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return (XML, upload.read())
        if upload.size > GIFT_MAX_BYTES:
            raise ValidationError("The file is larger than 2 MB; GIFT files are plain text.")
        raw = upload.read()
        if b"\x00" in raw:
            raise ValidationError("This is neither a GIFT file (plain text) nor a Moodle XML file.")
        try:
            return (GIFT, raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ValidationError(
                "The file is not UTF-8 text. In Moodle, export as GIFT (which writes UTF-8)."
            ) from None

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("file"):
            data["format"], data["source"] = data["file"]
            return data
        text = data.get("text") or ""
        if not text.strip():
            raise ValidationError("Choose a Moodle XML or GIFT file, or paste GIFT text.")
        if len(text.encode()) > GIFT_MAX_BYTES:
            raise ValidationError("The text is larger than 2 MB.")
        data["format"], data["source"] = GIFT, text
        return data


# --- reading a trainee's answer -----------------------------------------------------------------


class BadAnswer(ValueError):
    """The posted answer cannot come from the page we served (a tampered or foreign id)."""


def _id_among(raw: str, allowed: set[int]) -> int:
    if not raw.isdigit() or len(raw) > 18 or int(raw) not in allowed:
        raise BadAnswer("not one of this question's answers")
    return int(raw)


def read_answer(question: Question, answers: list, data) -> dict:
    """The answer to `question` in posted form data, in the shape `Response.answer` stores.
    Field names are `q<question id>` (and `q<question id>-<item id>` for matching and
    ordering). Raises BadAnswer for ids that are not this question's."""
    name = f"q{question.pk}"
    ids = {a.pk for a in answers}
    kind = question.kind
    if kind in UNANSWERED_KINDS:
        raise BadAnswer("this item is text to read; it takes no answer")
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE, QuestionKind.LIKERT):
        raw = data.get(name, "")
        return {"choice": _id_among(raw, ids) if raw else None}
    if kind == QuestionKind.MULTIPLE:
        return {"choices": sorted({_id_among(raw, ids) for raw in data.getlist(name)})}
    if kind == QuestionKind.MATCHING:
        pairs = {}
        for item in answers:
            if not item.text.strip():
                continue  # a distractor: only a right-hand option
            raw = data.get(f"{name}-{item.pk}", "")
            pairs[str(item.pk)] = _id_among(raw, ids) if raw else None
        return {"pairs": pairs}
    if kind == QuestionKind.ORDERING:
        positions = {}
        for item in answers:
            raw = data.get(f"{name}-{item.pk}", "")
            if raw and (not raw.isdigit() or not 1 <= int(raw) <= len(answers)):
                raise BadAnswer("not a position in this list")
            positions[str(item.pk)] = int(raw) if raw else None
        return {"positions": positions}
    text = data.get(name, "")
    if len(text) > TEXT_LIMITS[kind]:
        raise BadAnswer(f"longer than {TEXT_LIMITS[kind]:,} characters")
    return {"text": text}


class CategoryForm(forms.Form):
    name = forms.CharField(max_length=200)
    parent = forms.ModelChoiceField(
        queryset=QuestionCategory.objects.none(),
        required=False,
        empty_label="— At the top —",
        label="Inside",
    )
    info = forms.CharField(
        required=False,
        label="What belongs here",
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, course, exclude=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = QuestionCategory.objects.filter(course=course).exclude(
            pk__in=list(exclude)
        )
        _label_by_path(self.fields["parent"], course)


class DrawForm(forms.Form):
    category = forms.ModelChoiceField(
        queryset=QuestionCategory.objects.none(), empty_label=None, label="From category"
    )
    count = forms.IntegerField(
        min_value=1, max_value=MAX_DRAW, initial=1, label="Number of questions"
    )
    include_subcategories = forms.BooleanField(
        required=False, label="Include the categories inside it"
    )

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = QuestionCategory.objects.filter(course=course)
        _label_by_path(self.fields["category"], course)


def _label_by_path(field, course) -> None:
    """Name each category by its path ("Skills › Distress tolerance"), the tree read once."""
    tree = CategoryTree(course.pk)
    field.label_from_instance = lambda category: " › ".join(tree.names(category.pk))
