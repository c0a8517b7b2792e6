"""Forms for claiming a certificate (trainee), for a course's completion rules and CE approvals
(authors) and for its program signatory (enrollment admins). The services in
`completion.certificates` and `completion.authoring` own the rules that need the database."""

from django import forms

from assessments.completion.certificates import NOT_APPROVED
from assessments.completion.signatures import SIGNATURE_MAX_BYTES
from assessments.models import CompletionRules, CourseApproval
from dbt_training.core.formatting import hours_text

OTHER_LABEL = "Other / not listed: certificate of attendance"


def approval_label(approval: CourseApproval) -> str:
    label = (
        f"{approval.profession} — {approval.accrediting_body}, "
        f"{hours_text(approval.hours)} CE hours"
    )
    return f"{label} (licence number required)" if approval.requires_license else label


class ClaimForm(forms.Form):
    """The profession or board the trainee's certificate is for. The choices are this course's
    approvals only, so another course's approval id (a tampered post) is not a valid choice."""

    approval = forms.ChoiceField(
        label="Your profession or licensing board",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose your profession or licensing board, or “Other / not listed”.",
            "invalid_choice": "Choose one of the professions listed for this course.",
        },
    )

    def __init__(self, *args, approvals, **kwargs):
        super().__init__(*args, **kwargs)
        self.approvals = {str(approval.pk): approval for approval in approvals}
        self.fields["approval"].choices = [
            (pk, approval_label(approval)) for pk, approval in self.approvals.items()
        ] + [(NOT_APPROVED, OTHER_LABEL)]

    def clean_approval(self) -> CourseApproval | None:
        """The approval picked, or None for a certificate of attendance."""
        value = self.cleaned_data["approval"]
        return None if value == NOT_APPROVED else self.approvals[value]


class CompletionRulesForm(forms.ModelForm):
    class Meta:
        model = CompletionRules
        fields = [
            "require_lessons",
            "require_post_test",
            "require_assignments",
            "require_evaluation",
            "min_attendance_percent",
            "participation_letter_percent",
        ]
        widgets = {
            "min_attendance_percent": forms.NumberInput(
                attrs={"min": 0, "max": 100, "inputmode": "numeric"}
            ),
            "participation_letter_percent": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        help_texts = {
            "min_attendance_percent": "From 0 to 100: the share of the cohort's held live "
            "sessions attended (verified attendance); 0 for no requirement.",
            "participation_letter_percent": "From 1 to 99: offer a letter of participation once "
            "this share of the requirements is met. Leave empty to offer none.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's validators allow 1 to 99; the browser's hint should say the same.
        self.fields["participation_letter_percent"].widget.attrs.update(min=1, max=99)


class ApprovalForm(forms.ModelForm):
    class Meta:
        model = CourseApproval
        fields = [
            "profession",
            "accrediting_body",
            "approval_statement",
            "ce_hours",
            "approval_number",
            "valid_from",
            "valid_until",
            "requires_license",
        ]
        widgets = {
            "approval_statement": forms.Textarea(attrs={"rows": 3}),
            "ce_hours": forms.NumberInput(attrs={"step": "0.25", "min": "0.25"}),
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "ce_hours": "Leave empty to use the course's CE hours.",
            "valid_from": "Printed with the approval number. A CE certificate is issued under "
            "this approval only for a completion inside its valid period.",
            "valid_until": "On or after the start; leave empty for an approval without an end.",
        }


class SignatoryForm(forms.Form):
    """The person responsible for the course's CE program; the image is checked by its content
    (`completion.signatures`), whatever its name says."""

    name = forms.CharField(max_length=200, help_text="As it should print under the signature.")
    title = forms.CharField(
        max_length=200, help_text="E.g. “CE program director” or “Director of training”."
    )
    signature = forms.FileField(
        label="Signature image",
        required=False,
        help_text=f"A PNG or JPEG file of at most {SIGNATURE_MAX_BYTES // 1024} KB, "
        "on a white or transparent background. Leave empty to keep the current one.",
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
