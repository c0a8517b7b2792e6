"""What a person may choose about their own notifications: which kinds reach them by email."""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.forms.boundfield import BoundWidget

from dbt_training.core.formatting import lower_first

from .kinds import EmailKind, ReminderKind
from .models import EmailOptOut

# One line per kind saying when it comes, shown under its checkbox.
KIND_HINTS = {
    ReminderKind.COHORT_STARTING: "The day before a cohort you are enrolled in starts",
    ReminderKind.MODULE_RELEASED: "When a new module opens in your cohort",
    ReminderKind.LIVE_SESSION_24H: "24 hours before each live session of your cohorts",
    ReminderKind.LIVE_SESSION_1H: "One hour before each live session of your cohorts",
    ReminderKind.DUE_SOON: "48 hours before work is due, only if you have not handed it in",
    ReminderKind.OVERDUE: "Once, when work is past its due date and not handed in",
    ReminderKind.INACTIVE: "When you have not been active in a course for 7 days",
    ReminderKind.GRADE_RELEASED: "When your trainer releases a grade for your work",
    ReminderKind.CERTIFICATE_READY: "When your course certificate is ready to download",
    EmailKind.ANNOUNCEMENT: "When a trainer posts an announcement to your cohort (it also "
    "shows on your cohort's page)",
}

# The settings page's fieldsets, in the order a trainee meets them in a course.
KIND_GROUPS = (
    (
        "Live sessions and course dates",
        (
            ReminderKind.LIVE_SESSION_24H,
            ReminderKind.LIVE_SESSION_1H,
            ReminderKind.COHORT_STARTING,
            ReminderKind.MODULE_RELEASED,
        ),
    ),
    ("Your work", (ReminderKind.DUE_SOON, ReminderKind.OVERDUE, ReminderKind.INACTIVE)),
    ("Grades and certificates", (ReminderKind.GRADE_RELEASED, ReminderKind.CERTIFICATE_READY)),
    ("From your trainers", (EmailKind.ANNOUNCEMENT,)),
)
OTHER_GROUP = "Other notifications"


def kind_phrase(kind: str) -> str:
    """The kind's label to follow "emails about": "live session (24 hours before)"."""
    return lower_first(EmailKind(kind).label)


class KindCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes that each point to their own hint, so a screen reader reads it with them."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}-hint"
        return option


@dataclass(frozen=True)
class KindChoice:
    checkbox: BoundWidget  # .tag, .id_for_label, .choice_label
    hint: str
    unsubscribed_at: datetime | None  # set when an email's unsubscribe link turned it off


class EmailPreferencesForm(forms.Form):
    emailed_kinds = forms.MultipleChoiceField(
        label="Email me about",
        choices=[(kind, f"Email me about {kind_phrase(kind)}") for kind in EmailKind.values],
        required=False,  # nothing checked means no reminder emails at all
        widget=KindCheckboxes,
        error_messages={
            "invalid_choice": "“%(value)s” is not a kind of notification we send. "
            "Nothing was saved; reload the page and choose again."
        },
    )

    def __init__(self, *args, opt_outs: list[EmailOptOut], **kwargs):
        super().__init__(*args, **kwargs)
        self.opt_outs = {opt_out.kind: opt_out for opt_out in opt_outs}
        self.fields["emailed_kinds"].initial = [
            kind for kind in EmailKind.values if kind not in self.opt_outs
        ]

    def groups(self) -> list[tuple[str, list[KindChoice]]]:
        """The checkboxes in their fieldsets; a kind no group names lands in a last one."""
        checkboxes = {checkbox.data["value"]: checkbox for checkbox in self["emailed_kinds"]}
        grouped = [(legend, [str(kind) for kind in kinds]) for legend, kinds in KIND_GROUPS]
        placed = {kind for _, kinds in grouped for kind in kinds}
        rest = [kind for kind in EmailKind.values if kind not in placed]
        if rest:
            grouped.append((OTHER_GROUP, rest))
        return [(legend, [self._choice(checkboxes[k]) for k in kinds]) for legend, kinds in grouped]

    def _choice(self, checkbox) -> KindChoice:
        kind = checkbox.data["value"]
        opt_out = self.opt_outs.get(kind)
        from_link = opt_out is not None and opt_out.source == EmailOptOut.Source.UNSUBSCRIBE
        return KindChoice(
            checkbox=checkbox,
            hint=KIND_HINTS.get(kind, ""),
            unsubscribed_at=opt_out.created_at if from_link else None,
        )


class CohortKindsForm(forms.Form):
    enabled_kinds = forms.MultipleChoiceField(
        label="Reminders this cohort sends",
        choices=ReminderKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Unticked kinds are sent to nobody in this cohort, by email or in the app. "
        "Trainees can still turn off the emails they do not want.",
    )
