from collections import Counter

from django import forms

from dbt_training.users.forms import TimeZoneSelect
from dbt_training.users.models import User

from .models import Announcement, Cohort, Course, EnrollmentStatus, LiveSession, Team
from .services import CAPACITY_MESSAGE, CAPACITY_RANGE


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "title",
            "slug",
            "summary",
            "audience",
            "learning_objectives",
            "ce_hours",
            "pass_mark",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "audience": forms.Textarea(attrs={"rows": 3}),
            "learning_objectives": forms.Textarea(attrs={"rows": 5}),
        }


class CourseChoiceField(forms.ModelChoiceField):
    """Courses by title; a title shared by several courses (a course and its imported copy)
    also shows each one's web address and creation date, so the admin can tell them apart."""

    shared_titles: frozenset[str] = frozenset()

    def label_from_instance(self, course: Course) -> str:
        if course.title in self.shared_titles:
            return f"{course.title} ({course.slug}, created {course.created_at:%-d %b %Y})"
        return course.title


class CohortForm(forms.ModelForm):
    course = CourseChoiceField(
        queryset=Course.objects.none(),
        empty_label="Choose a course",
        error_messages={
            "invalid_choice": "Choose a published course: cohorts run only published courses."
        },
        help_text="Only published courses are listed.",
    )
    capacity = forms.IntegerField(
        required=False,
        min_value=CAPACITY_RANGE[0],
        max_value=CAPACITY_RANGE[1],
        error_messages={"min_value": CAPACITY_MESSAGE, "max_value": CAPACITY_MESSAGE},
        help_text="Seats, from 1 to 10,000; leave empty for no limit. When full, new people "
        "join the waitlist.",
    )
    trainers = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="People with the trainer role who run this cohort.",
    )

    class Meta:
        model = Cohort
        fields = [
            "course",
            "name",
            "starts_on",
            "ends_on",
            "time_zone",
            "delivery_format",
            "capacity",
            "status",
            "trainers",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "time_zone": TimeZoneSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainers"].queryset = (
            User.objects.filter(groups__permissions__codename="teach_cohorts")
            .distinct()
            .order_by("full_name")
        )
        course = self.fields["course"]
        if self.instance.pk:
            # A cohort stays a run of the course it started as (shown even if unpublished since).
            course.queryset = Course.objects.filter(pk=self.instance.course_id)
            course.disabled = True
        else:
            course.queryset = Course.objects.published().order_by("title", "created_at")
            titles = Counter(course.queryset.values_list("title", flat=True))
            course.shared_titles = frozenset(t for t, n in titles.items() if n > 1)
        # Left out of a post (an older form, a script), the format stays what it is.
        self.fields["delivery_format"].required = False

    def clean_delivery_format(self) -> str:
        return self.cleaned_data["delivery_format"] or self.instance.delivery_format


class EnrollByEmailForm(forms.Form):
    email = forms.EmailField(label="Email address")

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class SelfEnrollForm(forms.Form):
    code = forms.CharField(
        label="Cohort code",
        max_length=16,
        help_text="The code your trainer or training institute gave you.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class RosterFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "Every status"), *EnrollmentStatus.choices], required=False
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.none(), required=False, empty_label="Every team"
    )

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(cohort=cohort)


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: email (required), full_name and team (optional). UTF-8; commas or "
        "semicolons. At most 10,000 rows.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    # 10,000 rows of email, name and team fit well inside this.
    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB; split it into parts.")
        return upload


class LiveSessionForm(forms.ModelForm):
    """Start time typed in the cohort's time zone (the view activates it while cleaning)."""

    join_url = forms.URLField(
        label="Join link",
        required=False,
        assume_scheme="https",
        help_text="Video meeting link, if online.",
    )

    class Meta:
        model = LiveSession
        fields = ["kind", "title", "starts_at", "duration_minutes", "join_url", "location"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )
        }

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].label = f"Starts at ({cohort.time_zone} time)"


class CheckInForm(forms.Form):
    code = forms.CharField(
        label="Session code",
        max_length=8,
        help_text="The code your trainer shows during the live session.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class AnnouncementForm(forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


class TeamApplicationForm(forms.Form):
    team_name = forms.CharField(
        max_length=100, help_text="Your DBT team's name, e.g. the clinic's."
    )


class TeamMemberForm(forms.Form):
    full_name = forms.CharField(max_length=200, required=False, label="Full name")
    email = forms.EmailField(required=False, label="Email")
    team_role = forms.CharField(max_length=100, required=False, label="Role on the DBT team")

    def clean(self):
        data = super().clean()
        if data.get("email") and not data.get("full_name"):
            self.add_error("full_name", "Give this member's name.")
        if data.get("full_name") and not data.get("email"):
            self.add_error("email", "Give this member's email.")
        return data


TeamMemberFormSet = forms.formset_factory(TeamMemberForm, extra=7, max_num=7)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        max_length=500, widget=forms.Textarea(attrs={"rows": 2}), label="Reason for the team leader"
    )
