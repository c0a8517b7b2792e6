"""A cohort's completion at a glance, for its trainers and admins (`CohortStaffMixin`): the grid
of trainees by requirement, its downloads, and one trainee's checklist item by item."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views import View

from assessments.completion.checklists import checklist_for, scheduled_sessions
from assessments.completion.exports import completion_sheet
from assessments.completion.grid import NAME, CellState, Grid, GridRow, Status, completion_grid
from assessments.models import Certificate
from courses.access import CohortStaffMixin
from courses.models import Cohort, Enrollment, Team
from dbt_training.core.spreadsheets import spreadsheet_download

# 100 rows of a course with 30 requirement columns is about 400 KB of HTML; the downloads
# have every row the filters keep.
ROWS_PER_PAGE = 100
NO_TEAM = "0"


class CompletionGridForm(forms.Form):
    """The grid's GET filters and sort, shared by the page and its downloads (a download is what
    the page shows). A value that does not fit is reported and its default used instead."""

    search = forms.CharField(
        label="Name or email",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    status = forms.ChoiceField(label="Status", required=False)
    team = forms.ChoiceField(label="Team", required=False)
    sort = forms.ChoiceField(
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": "The table cannot be sorted by “%(value)s”; it is sorted by name."
        },
    )
    dir = forms.ChoiceField(
        required=False,
        choices=[("asc", "ascending"), ("desc", "descending")],
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Sort “ascending” or “descending”."},
    )

    def __init__(self, *args, grid: Grid, teams: list[Team], **kwargs):
        super().__init__(*args, **kwargs)
        counts = grid.counts()
        self.fields["status"].choices = [
            ("", f"Every status ({len(grid.rows)})"),
            *((key, f"{label} ({counts[key]})") for key, label in Status.LABELS.items()),
        ]
        self.fields["team"].choices = [
            ("", "Every team"),
            *((str(team.pk), team.name) for team in teams),
            (NO_TEAM, "No team"),
        ]
        self.fields["sort"].choices = [(column.key, column.label) for column in grid.sortable]
        self.has_teams = bool(teams)

    def choice(self, name: str, default=""):
        """The field's cleaned value, or `default` when it was missing or did not fit."""
        if not self.is_bound:
            return default
        self.is_valid()  # cleans once; the fields that fit are in cleaned_data
        return self.cleaned_data.get(name) or default

    def chosen(self) -> dict:
        team = self.choice("team")
        return {
            "status": self.choice("status"),
            "team": int(team) if team else None,
            "search": self.choice("search"),
            "sort": self.choice("sort", NAME.key),
            "descending": self.choice("dir") == "desc",
        }


class CohortCompletionMixin(CohortStaffMixin):
    def cohort_queryset(self):
        """The cohort with what the checklists read (its course's rules, its count of scheduled
        sessions) and whether the viewer manages it (enrollment admins revoke certificates)."""
        managed = Cohort.objects.managed_by(self.request.user).filter(pk=OuterRef("pk"))
        return Cohort.objects.select_related("course__completion_rules").annotate(
            scheduled_sessions=scheduled_sessions("pk"), viewer_manages=Exists(managed)
        )


class CohortGridMixin(CohortCompletionMixin):
    """The grid and the rows the GET parameters keep, for the page and its downloads alike: a
    fixed number of queries however many trainees, lessons or items."""

    def grid(self) -> tuple[Cohort, Grid, CompletionGridForm, list[GridRow]]:
        cohort = self.get_cohort()
        grid = completion_grid(cohort)
        teams = list(Team.objects.filter(cohort=cohort).order_by("name"))
        form = CompletionGridForm(self.request.GET or None, grid=grid, teams=teams)
        return cohort, grid, form, grid.chosen(**form.chosen())


class CohortCompletionView(CohortGridMixin, View):
    """Every active or completed trainee by requirement: a status per trainee and a state per
    requirement, sortable and filterable; what is left item by item is on each trainee's page."""

    template_name = "assessments/completion/cohort.html"

    def get(self, request, cohort_id):
        cohort, grid, form, shown = self.grid()
        chosen = form.chosen()
        page = Paginator(shown, ROWS_PER_PAGE).get_page(request.GET.get("page"))
        # Each trainee's page link made here, not by {% url %} per row: a few hundred rows.
        trainee_url = reverse("certificates:trainee", args=[cohort.pk, 0])[: -len("0/")]
        filters = request.GET.copy()
        filters.pop("page", None)
        return render(
            request,
            self.template_name,
            {
                "cohort": cohort,
                "grid": grid,
                "form": form,
                "page": page,
                "lines": [
                    (row, f"{trainee_url}{row.enrollment.pk}/", cells_html(row))
                    for row in page.object_list
                ],
                "headers": headers(grid, filters, chosen["sort"], chosen["descending"]),
                "shown": len(shown),
                "filtered": any(chosen[name] for name in ("status", "search"))
                or chosen["team"] is not None,
                "counts": [
                    (Status.LABELS[key], count, Status.MEANINGS[key])
                    for key, count in grid.counts().items()
                ],
                "by_requirement": grid.by_requirement(),
                # Enrollment admins revoke; trainers see the certificates only.
                "can_revoke": cohort.viewer_manages,
                "query": filters.urlencode(),
                "export_query": f"?{filters.urlencode()}" if filters else "",
            },
        )


class CohortCompletionExportView(CohortGridMixin, View):
    """The grid as CSV or XLSX: every row the page's filters keep, in the page's order."""

    def get(self, request, cohort_id, fmt):
        cohort, grid, form, shown = self.grid()
        return spreadsheet_download(
            completion_sheet(cohort, grid.columns, shown),
            fmt=fmt,
            filename=f"cohort-{cohort.pk}-completion",
        )


def headers(grid: Grid, filters: QueryDict, sort: str, descending: bool) -> list[dict]:
    """Each sortable column's header: its link (the other direction when it is the sorted
    column, ascending otherwise; the filters kept, back to the first page) and its aria-sort."""
    found = []
    for column in grid.sortable:
        current = column.key == sort
        query = filters.copy()
        query["sort"] = column.key
        query["dir"] = "desc" if current and not descending else "asc"
        found.append(
            {
                "column": column,
                "href": f"?{query.urlencode()}",
                "aria_sort": ("descending" if descending else "ascending") if current else "",
                "next": "ascending" if query["dir"] == "asc" else "descending",
            }
        )
    return found


ICONS = {CellState.MET: "✓", CellState.IN_PROGRESS: "◐", CellState.NOT_STARTED: "○"}


def cells_html(row: GridRow) -> SafeString:
    """One trainee's requirement cells, written here rather than by the template engine: a page
    holds thousands of cells, and a template tag per cell would cost most of its time."""
    parts = [
        f'<td class="cg-cell is-{cell.state.replace("_", "-")}"><span class="cg-chip">'
        f'<span class="cg-icon" aria-hidden="true">{ICONS[cell.state]}</span> '
        f'{escape(cell.text)}<span class="visually-hidden"> ({cell.state_label})</span>'
        "</span></td>"
        for cell in row.cells
    ]
    # Safe: fixed markup, escaped texts.
    return mark_safe("".join(parts))


class TraineeCompletionView(CohortCompletionMixin, View):
    """One trainee of the cohort: every requirement with what is left, item by item, and the
    certificates issued (the details the cohort's grid summarises)."""

    template_name = "assessments/completion/trainee.html"

    def get(self, request, cohort_id, enrollment_id):
        cohort = self.get_cohort()
        enrollment = get_object_or_404(
            Enrollment.objects.filter(cohort=cohort).select_related("user"), pk=enrollment_id
        )
        enrollment.cohort = cohort  # loaded with its course and rules
        enrollment.scheduled_sessions = cohort.scheduled_sessions
        checklist = checklist_for(enrollment)
        return render(
            request,
            self.template_name,
            {
                "cohort": cohort,
                "enrollment": enrollment,
                "checklist": checklist,
                "lines": [(requirement, "") for requirement in checklist.requirements],
                "certificates": list(
                    Certificate.objects.filter(enrollment=enrollment).order_by("issued_at", "pk")
                ),
                "can_revoke": cohort.viewer_manages,
            },
        )
