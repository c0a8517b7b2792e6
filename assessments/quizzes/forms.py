from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from assessments.models import Question, Quiz
from assessments.quizzes.services import QUIZ_FIELDS, AnswerData
from assessments.taxonomy import QuestionKind

GIFT_MAX_BYTES = 2 * 1024 * 1024
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


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["name", "text", "text_format", "points", "general_feedback", "case_sensitive"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "general_feedback": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"text": "Question text", "name": "Short name"}


class AnswerForm(forms.Form):
    """One row of a question's answers; which columns show depends on the question's kind."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    text = forms.CharField(
        required=False, label="Answer text", widget=forms.Textarea(attrs={"rows": 1})
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
            for name in ("text", "match", "feedback", "value", "low", "high")
        )

    def to_answer(self) -> AnswerData:
        data = self.cleaned_data
        return AnswerData(
            pk=data.get("id"),
            text=data.get("text") or "",
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
                "match": a.match,
                "fraction": a.fraction.normalize() if a.fraction else Decimal(0),
                "feedback": a.feedback,
                "value": a.value,
                "tolerance": a.tolerance,
                "low": a.low,
                "high": a.high,
            }
            for a in question.answers.all()
        ]
    elif kind == QuestionKind.TRUE_FALSE:
        initial = [{"text": "True", "fraction": 100}, {"text": "False", "fraction": 0}]
    elif kind == QuestionKind.LIKERT:
        labels = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
        initial = [{"text": label, "fraction": 0} for label in labels]
    formset_class = forms.formset_factory(
        AnswerForm,
        extra=0 if kind in (QuestionKind.TRUE_FALSE, QuestionKind.ESSAY) else 3,
        can_delete=kind != QuestionKind.TRUE_FALSE,
        max_num=50,
        validate_max=True,
    )
    return formset_class(data=data, initial=initial, prefix="answers")


class GiftImportForm(forms.Form):
    file = forms.FileField(
        required=False, label="GIFT file", help_text="A .txt or .gift file exported from Moodle."
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

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if upload.size > GIFT_MAX_BYTES:
            raise ValidationError("The file is larger than 2 MB; GIFT files are plain text.")
        raw = upload.read()
        if b"\x00" in raw:
            raise ValidationError("This is not a text file. Choose a GIFT file (plain text).")
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                "The file is not UTF-8 text. In Moodle, export as GIFT (which writes UTF-8)."
            ) from None

    def clean(self):
        data = super().clean()
        source = data.get("file") or data.get("text") or ""
        if not self.errors and not source.strip():
            raise ValidationError("Choose a GIFT file or paste its text.")
        if len(source.encode()) > GIFT_MAX_BYTES:
            raise ValidationError("The text is larger than 2 MB.")
        data["source"] = source
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
