"""Forms of the gradebook pages: filters, the override upload and its confirmation, the history
filter."""

from django import forms
from django.db.models import Q

from assessments.grading.gradebook import MAX_IMPORT_BYTES
from courses.models import Cohort, Enrollment, EnrollmentStatus, Team

SEATED = "seated"  # the default: people holding a seat (active or completed)


class GradebookFilterForm(forms.Form):
    """GET filters shared by the page and the CSV export, so a download is what was on screen."""

    search = forms.CharField(
        label="Name or email",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.none(), required=False, empty_label="Every team"
    )
    status = forms.ChoiceField(
        label="Enrollment status",
        choices=[
            ("", "Active and completed"),
            *EnrollmentStatus.choices,
            ("all", "Everyone"),
        ],
        required=False,
    )
    result = forms.ChoiceField(
        choices=[
            ("", "Any result"),
            ("pass", "Pass"),
            ("fail", "Fail"),
            ("in_progress", "In progress"),
        ],
        required=False,
    )
    grades = forms.ChoiceField(
        label="Grades shown",
        choices=[("", "All, released or not"), ("released", "Released only (as trainees see)")],
        required=False,
    )

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(cohort=cohort)

    def choices(self) -> dict:
        """The cleaned filters; the defaults when the query string is missing or tampered."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {"search": "", "team": None, "status": "", "result": "", "grades": ""}

    def enrollments(self, cohort: Cohort):
        chosen = self.choices()
        found = Enrollment.objects.filter(cohort=cohort)
        if search := chosen["search"].strip():
            found = found.filter(
                Q(user__full_name__icontains=search) | Q(user__email__icontains=search)
            )
        if chosen["team"]:
            found = found.filter(team=chosen["team"])
        if chosen["status"] == "all":
            return found
        if chosen["status"]:
            return found.filter(status=chosen["status"])
        return found.holding_seats()

    @property
    def released_only(self) -> bool:
        return self.choices()["grades"] == "released"

    @property
    def chosen_result(self) -> str:
        return self.choices()["result"]


class OverrideUploadForm(forms.Form):
    file = forms.FileField(
        label="Edited gradebook (CSV)",
        help_text="Export the gradebook, change percentages in the item columns, save as CSV "
        "UTF-8 and upload it here. Empty or unchanged cells change nothing. At most 2 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB; export fewer trainees.")
        head = upload.read(8)
        upload.seek(0)
        # Spreadsheet workbooks renamed to .csv: say what they are instead of "not UTF-8".
        if head.startswith(b"PK\x03\x04"):
            raise forms.ValidationError(
                "This is a spreadsheet workbook (such as .xlsx), not CSV: use “Save as… CSV "
                "UTF-8” in your spreadsheet."
            )
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise forms.ValidationError(
                "This is an old Excel workbook (.xls), not CSV: use “Save as… CSV UTF-8”."
            )
        if head.startswith(b"%PDF"):
            raise forms.ValidationError("This is a PDF, not CSV: upload the exported CSV file.")
        return upload


class OverrideConfirmForm(forms.Form):
    reason = forms.CharField(
        label="Reason for these changes",
        max_length=300,
        help_text="Recorded with every change in the grade history, e.g. “Marks from the "
        "in-person skills assessment”.",
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def clean_reason(self) -> str:
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError("Say why the grades change.")
        return reason


class HistoryFilterForm(forms.Form):
    trainee = forms.ModelChoiceField(
        queryset=Enrollment.objects.none(), required=False, empty_label="Every trainee"
    )

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["trainee"]
        field.queryset = (
            Enrollment.objects.filter(cohort=cohort)
            .select_related("user")
            .order_by("user__full_name", "pk")
        )
        field.label_from_instance = lambda e: f"{e.user.full_name} ({e.user.email})"

    @property
    def chosen_trainee(self):
        return self.cleaned_data["trainee"] if self.is_bound and self.is_valid() else None


class CellOverrideForm(forms.Form):
    """One cell by hand: a percentage that replaces it, or (without one) removing the override."""

    percent = forms.DecimalField(
        label="Override (%)",
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        help_text="0 to 100. Leave empty with “Remove override” to use the computed value again.",
    )
    reason = forms.CharField(
        label="Reason",
        max_length=300,
        help_text="Recorded in the grade history, e.g. “Make-up assessment on 3 May”.",
    )

    def clean_reason(self) -> str:
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError("Say why the grade changes.")
        return reason
