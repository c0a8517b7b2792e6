"""The gradebook: the trainer's page (filters, paging), its export (CSV streamed, or XLSX), the
CSV import of overrides (upload → preview → confirm), the grade history, and the trainee's own
grades.

Trainer pages find the cohort through `TaughtCohortMixin` (the one policy of `courses.access`);
the trainee's page through `Enrollment.objects.for_trainee(user)`.
"""

from urllib.parse import quote

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views import View

from assessments.grading import gradebook
from assessments.grading.gradebook.forms import (
    CellOverrideForm,
    GradebookFilterForm,
    HistoryFilterForm,
    OverrideConfirmForm,
    OverrideUploadForm,
)
from assessments.models import GradeChange, GradeOverride
from courses.access import TaughtCohortMixin
from courses.models import Enrollment
from dbt_training.core.errors import add_service_errors
from dbt_training.core.formatting import whole_percent
from dbt_training.core.spreadsheets import spreadsheet_download
from modules.views.learn import EnrollmentMixin

# 50 rows of a 41-item course is about 150 KB of HTML; the CSV export has every row.
ROWS_PER_PAGE = 50
HISTORY_PER_PAGE = 50
# A preview waits this long for its confirmation; then the file must be uploaded again.
PREVIEW_MAX_AGE = 60 * 60
SIGNING_SALT = "assessments.gradebook.import"


def page_number(value) -> int:
    value = str(value or "1")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 7 else 1


class GradebookView(TaughtCohortMixin, View):
    """Trainees × items, filtered by team, status, result; one page of rows at a time."""

    template_name = "assessments/grading/gradebook/gradebook.html"

    def get(self, request, cohort_id):
        cohort = self.get_cohort()
        filters = GradebookFilterForm(request.GET or None, cohort=cohort)
        items = gradebook.gradebook_items(cohort.course)
        weights = gradebook.weights_for(cohort.course)
        page = gradebook.gradebook_page(
            cohort,
            filters.enrollments(cohort),
            items,
            result=filters.chosen_result,
            released_only=filters.released_only,
            weights=weights,
            number=page_number(request.GET.get("page")),
            per_page=ROWS_PER_PAGE,
        )
        query = request.GET.copy()
        query.pop("page", None)
        paths = [escape(quote(item.key, safe=":")) for item in items]
        return render(
            request,
            self.template_name,
            {
                "cohort": cohort,
                "filters": filters,
                "items": items,
                "page": page,
                "lines": [(row, cells_html(row, paths)) for row in page.rows],
                "query": query.urlencode(),
                "has_pre_tests": any(not item.counted for item in items),
                "weights": weights,
            },
        )


def cells_html(row: gradebook.Row, paths: list[str]) -> SafeString:
    """One row's item cells, each a link to override it, written here rather than by the template
    engine: a page holds thousands of cells, and a template tag per cell cost most of its time.

    The links are relative to the gradebook page (`trainees/<id>/items/<key>/`, the override
    URL), which keeps the cells light; `paths` are the items' escaped keys, in column order."""
    base = f"trainees/{row.enrollment.pk}/items/"
    parts = []
    for cell, path in zip(row.cells, paths, strict=True):
        href = f'<a href="{base}{path}/"'
        if cell.value is not None:
            value = f"{whole_percent(cell.value)}%"
            if cell.overridden:
                parts.append(
                    f'<td class="is-overridden">{href}>{value} '
                    '<span class="gb-flag gb-flag-override">overridden</span></a></td>'
                )
            elif cell.unreleased:
                parts.append(
                    f'<td class="is-unreleased">{href}>{value} '
                    '<span class="gb-flag gb-flag-hidden">not released</span></a></td>'
                )
            else:
                parts.append(f"<td>{href}>{value}</a></td>")
        elif cell.status:
            parts.append(
                f'<td>{href}><span class="gb-status">{escape(cell.status)}</span></a></td>'
            )
        else:
            parts.append(f'<td>{href} aria-label="No grade">–</a></td>')
    # Safe: numbers, fixed words, escaped statuses and escaped keys only.
    return mark_safe("".join(parts))


class GradebookExportView(TaughtCohortMixin, View):
    """The filtered gradebook as CSV (streamed a row at a time) or XLSX."""

    def get(self, request, cohort_id, fmt):
        cohort = self.get_cohort()
        filters = GradebookFilterForm(request.GET or None, cohort=cohort)
        items = gradebook.gradebook_items(cohort.course)
        found = gradebook.rows(
            cohort, filters.enrollments(cohort), items, released_only=filters.released_only
        )
        sheet = gradebook.gradebook_sheet(
            items, gradebook.with_result(found, filters.chosen_result)
        )
        return spreadsheet_download(sheet, fmt=fmt, filename=f"cohort-{cohort.pk}-gradebook")


class GradebookImportView(TaughtCohortMixin, View):
    """Upload an edited export, preview every change (or every problem), confirm with a reason.

    Between preview and confirmation the file travels in a signed hidden field, tied to this
    trainer and cohort, so any web process can take the confirmation and nobody can forge one;
    it is planned again on confirmation."""

    template_name = "assessments/grading/gradebook/import.html"

    def get(self, request, cohort_id):
        return self.show(upload=OverrideUploadForm())

    def post(self, request, cohort_id):
        if "token" in request.POST:
            return self.confirm(request)
        upload = OverrideUploadForm(request.POST, request.FILES)
        if not upload.is_valid():
            return self.show(upload=upload, status=400)
        data = upload.cleaned_data["file"].read()
        plan = gradebook.plan_override_import(cohort=self.get_cohort(), data=data)
        if not plan.ok:
            return self.show(upload=upload, plan=plan, status=400)
        token = signing.dumps(
            {
                "cohort": self.kwargs["cohort_id"],
                "by": request.user.pk,
                "csv": gradebook.csv_text(data),  # decodable: the plan read it
            },
            salt=SIGNING_SALT,
            compress=True,
        )
        return self.show(plan=plan, confirm=OverrideConfirmForm(initial={"token": token}))

    def confirm(self, request):
        cohort = self.get_cohort()
        confirm = OverrideConfirmForm(request.POST)
        try:
            payload = signing.loads(
                request.POST.get("token", ""), salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE
            )
        except signing.SignatureExpired:
            messages.error(request, "That preview has expired. Upload the file again.")
            return redirect("gradebook:import", cohort.pk)
        except signing.BadSignature:
            return HttpResponseBadRequest("The preview was altered. Upload the file again.")
        if payload.get("cohort") != cohort.pk or payload.get("by") != request.user.pk:
            return HttpResponseBadRequest("That preview belongs to another gradebook.")
        data = payload["csv"].encode()
        if not confirm.is_valid():
            plan = gradebook.plan_override_import(cohort=cohort, data=data)
            return self.show(plan=plan, confirm=confirm, status=400)
        try:
            plan = gradebook.apply_override_import(
                cohort=cohort, data=data, reason=confirm.cleaned_data["reason"], by=request.user
            )
        except ValidationError as error:
            return self.show(upload=OverrideUploadForm(), errors=error.messages, status=400)
        count = len(plan.changes)
        messages.success(
            request, f"{count} grade{'s' if count != 1 else ''} overridden; see the history."
        )
        return redirect("gradebook:gradebook", cohort.pk)

    def show(self, status: int = 200, **context):
        return render(
            self.request,
            self.template_name,
            {"cohort": self.get_cohort(), **context},
            status=status,
        )


class GradebookHistoryView(TaughtCohortMixin, View):
    """The audit trail of the cohort's grades: who changed what, when, from what, to what, why."""

    template_name = "assessments/grading/gradebook/history.html"

    def get(self, request, cohort_id):
        cohort = self.get_cohort()
        filters = HistoryFilterForm(request.GET or None, cohort=cohort)
        changes = GradeChange.objects.filter(enrollment__cohort=cohort).select_related(
            "enrollment__user", "changed_by"
        )
        if filters.chosen_trainee:
            changes = changes.filter(enrollment=filters.chosen_trainee)
        page = Paginator(changes, HISTORY_PER_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            self.template_name,
            {"cohort": cohort, "filters": filters, "page": page, "query": query.urlencode()},
        )


class CellOverrideView(TaughtCohortMixin, View):
    """One gradebook cell by hand: override it with a percentage and a reason, or remove the
    override so the computed value counts again. Both are written to the grade history."""

    template_name = "assessments/grading/gradebook/override.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.cohort = self.get_cohort()
        self.enrollment = get_object_or_404(
            Enrollment.objects.filter(cohort=self.cohort).select_related("user", "cohort"),
            pk=kwargs["enrollment_id"],
        )
        self.item = gradebook.item_of(self.cohort.course, kwargs["item"])
        if self.item is None:
            raise Http404("No such item in this course.")
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, form, status=200):
        cell = gradebook.current_cell(self.enrollment, self.item)
        override = GradeOverride.objects.filter(
            enrollment=self.enrollment, item=self.item.key
        ).first()
        context = {
            "cohort": self.cohort,
            "enrollment": self.enrollment,
            "item": self.item,
            "cell": cell,
            "override": override,
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, cohort_id, enrollment_id, item):
        return self.render_page(CellOverrideForm())

    def post(self, request, cohort_id, enrollment_id, item):
        form = CellOverrideForm(request.POST)
        removing = request.POST.get("action") == "remove"
        if form.is_valid():
            data = form.cleaned_data
            try:
                if removing:
                    gradebook.clear_override(
                        enrollment=self.enrollment,
                        item=self.item,
                        reason=data["reason"],
                        by=request.user,
                    )
                elif data["percent"] is None:
                    form.add_error("percent", "Enter a percentage from 0 to 100.")
                else:
                    gradebook.set_override(
                        enrollment=self.enrollment,
                        item=self.item,
                        percent=data["percent"],
                        reason=data["reason"],
                        by=request.user,
                    )
            except ValidationError as error:
                add_service_errors(form, error)
        if not form.is_valid():
            return self.render_page(form, status=400)
        done = "removed" if removing else "saved"
        messages.success(
            request, f"Override {done} for {self.enrollment.user.full_name}: {self.item.title}."
        )
        return redirect("gradebook:gradebook", self.cohort.pk)


class MyGradesView(EnrollmentMixin, View):
    """A trainee's own row: each item's released value, category percents, total and result."""

    template_name = "assessments/grading/gradebook/mine.html"

    def get(self, request, cohort_id):
        enrollment = self.get_enrollment()
        cohort = enrollment.cohort
        items = gradebook.gradebook_items(cohort.course)
        weights = gradebook.weights_for(cohort.course)
        row = next(
            gradebook.rows(
                cohort,
                Enrollment.objects.filter(pk=enrollment.pk),
                items,
                released_only=True,
                weights=weights,
            )
        )
        return render(
            request,
            self.template_name,
            {
                "enrollment": enrollment,
                "cohort": cohort,
                "row": row,
                "lines": [(cell, cell.item.trainee_url(cohort.pk)) for cell in row.cells],
                "has_pre_tests": any(not item.counted for item in items),
                "weights": weights,
            },
        )
