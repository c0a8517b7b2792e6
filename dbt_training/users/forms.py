import functools

from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .models import User, time_zone_choices


def clean_person_name(value: str) -> str:
    """A name as it will print on a certificate: inner runs of spaces collapsed."""
    name = " ".join(value.split())
    if not name:
        raise forms.ValidationError("Enter your full name.")
    return name


@functools.cache
def _time_zone_options() -> tuple[tuple[str, str], ...]:
    """Escaped <option> markup for every time zone, built once per process."""
    return tuple(
        (zone, str(format_html('<option value="{}">{}</option>', zone, label)))
        for zone, label in time_zone_choices()
    )


class TimeZoneSelect(forms.Select):
    """A select of the ~600 IANA time zones with its option markup built once per process.

    Rendering each option through Django's option template cost about 100 ms per page
    (docs/benchmarks.md). The attributes BoundField adds (id, required, aria-describedby,
    aria-invalid) are kept.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = str(value or "")
        options = "".join(
            markup.replace("<option ", "<option selected ", 1) if zone == selected else markup
            for zone, markup in _time_zone_options()
        )
        # Safe: every option was escaped by format_html in _time_zone_options().
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe(options))


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
        widget=TimeZoneSelect(attrs={"data-detect-time-zone": "true"}),
    )

    field_order = ["full_name", "email", "password1", "password2", "time_zone"]

    def clean_full_name(self) -> str:
        return clean_person_name(self.cleaned_data["full_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "time_zone", "credentials", "license_number", "license_jurisdiction"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "time_zone": TimeZoneSelect,
        }

    def clean_full_name(self) -> str:
        return clean_person_name(self.cleaned_data["full_name"])


class ResetPasswordForm(AllauthResetPasswordForm):
    """allauth's reset form, except that an address without an account is not an error: the page
    answers the same for every address (whether someone has an account is not the page's to
    tell), and allauth's flow emails that address to say it has no account."""

    def clean_email(self) -> str:
        try:
            return super().clean_email()
        except forms.ValidationError:
            if getattr(self, "users", None) is None or self.users:
                raise  # not the "no such account" refusal: a malformed or blocked address
            return self.cleaned_data["email"]
