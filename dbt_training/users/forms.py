from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from .models import User, time_zone_choices


class SignupForm(AllauthSignupForm):
    """allauth's sign-up plus the two fields every trainee needs from the first page."""

    full_name = forms.CharField(
        max_length=200,
        label="Full name",
        help_text="As it should appear on your CE certificates.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        initial="UTC",
        label="Time zone",
        help_text="Deadlines and live sessions are shown in this time zone.",
        # static/js/timezone.js preselects the browser's zone when the field is untouched.
        widget=forms.Select(attrs={"data-detect-time-zone": "true"}),
    )

    field_order = ["full_name", "email", "password1", "password2", "time_zone"]

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "time_zone", "credentials", "license_number", "license_jurisdiction"]
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name
