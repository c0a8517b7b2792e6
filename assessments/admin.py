from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from assessments.assignments import authoring as assignment_authoring
from assessments.completion.authoring import period_problem
from assessments.models import (
    Answer,
    Assignment,
    Attempt,
    BankComment,
    CECheckRecord,
    Certificate,
    CompletionRules,
    CourseApproval,
    Criterion,
    CriterionScore,
    Grade,
    GradebookWeights,
    GradeChange,
    GradeOverride,
    Level,
    Nudge,
    ProgramSignatory,
    Question,
    Quiz,
    Response,
    Rubric,
    Submission,
)
from assessments.quizzes import services as quiz_services


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = [
        "position",
        "text",
        "match",
        "fraction",
        "feedback",
        "value",
        "tolerance",
        "low",
        "high",
    ]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "kind", "attempts_allowed", "time_limit_minutes"]
    list_filter = ["kind", "module__course"]
    search_fields = ["title", "module__title", "module__course__title"]
    raw_id_fields = ["module"]

    def save_model(self, request, obj, form, change):
        # The stored HTML is rendered where the services render it, never in save().
        quiz_services.render_quiz(obj)
        super().save_model(request, obj, form, change)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "quiz", "kind", "points", "position"]
    list_filter = ["kind"]
    search_fields = ["name", "text", "quiz__title"]
    raw_id_fields = ["quiz"]
    inlines = [AnswerInline]

    def save_model(self, request, obj, form, change):
        quiz_services.render_question(obj)
        super().save_model(request, obj, form, change)


class ResponseInline(admin.TabularInline):
    model = Response
    extra = 0
    fields = ["question", "answer", "saved_at", "checked_at", "fraction", "score"]
    readonly_fields = fields
    can_delete = False


@admin.register(Attempt)
class AttemptAdmin(ReadOnlyAdmin):
    """Read-only like grades: a score changed here would leave no trace in the grade trail."""

    list_display = [
        "quiz",
        "enrollment",
        "number",
        "started_at",
        "submitted_at",
        "percent",
        "passed",
    ]
    list_filter = ["passed", "awaiting_grading", "submitted_by_time_limit"]
    search_fields = ["quiz__title", "enrollment__user__email", "enrollment__user__full_name"]
    raw_id_fields = ["quiz", "enrollment"]
    readonly_fields = ["question_order", "choice_order"]
    inlines = [ResponseInline]


# --- assignments and grading --------------------------------------------------------------------
# Authoring is editable here as in the course editor. Submissions, grades, overrides, the audit
# trail and nudges are read-only: a change to a grade must go through the grading services, which
# write the audit trail in the same transaction (an admin edit would leave no trace).


class LevelInline(admin.TabularInline):
    model = Level
    extra = 0
    fields = ["title", "points", "description"]


class BankCommentInline(admin.TabularInline):
    model = BankComment
    extra = 0
    fields = ["text"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["title", "description"]
    show_change_link = True


@admin.register(Rubric)
class RubricAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "criterion_count", "created_at"]
    list_filter = ["course"]
    search_fields = ["title", "course__title"]
    raw_id_fields = ["course"]
    inlines = [CriterionInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("course")
            .annotate(criterion_total=Count("criteria"))
        )

    @admin.display(description="criteria", ordering="criterion_total")
    def criterion_count(self, rubric) -> int:
        return rubric.criterion_total


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["title", "rubric", "position"]
    search_fields = ["title", "rubric__title"]
    raw_id_fields = ["rubric"]
    inlines = [LevelInline, BankCommentInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "worksheet", "rubric", "points", "about_client", "position"]
    list_filter = ["worksheet", "about_client", "module__course"]
    search_fields = ["title", "module__title", "module__course__title"]
    raw_id_fields = ["module", "rubric"]
    list_select_related = ["module", "rubric"]

    def save_model(self, request, obj, form, change):
        assignment_authoring.render_assignment(obj)
        super().save_model(request, obj, form, change)


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["assignment", "enrollment", "status", "revision", "submitted_at", "returned_at"]
    list_filter = ["status", "assignment__worksheet"]
    search_fields = ["assignment__title", "enrollment__user__email", "enrollment__user__full_name"]
    list_select_related = ["assignment", "enrollment__user", "enrollment__cohort"]
    date_hierarchy = "submitted_at"


class CriterionScoreInline(admin.TabularInline):
    model = CriterionScore
    extra = 0
    fields = ["criterion", "level", "points", "comment"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Grade)
class GradeAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "submission", "response", "graded_by", "graded_at", "released_at"]
    list_filter = [("released_at", admin.EmptyFieldListFilter)]
    search_fields = ["enrollment__user__email", "enrollment__user__full_name"]
    list_select_related = [
        "enrollment__user",
        "enrollment__cohort",
        "submission__assignment",
        "submission__enrollment__user",
        "submission__enrollment__cohort",
        "response__question",
        "graded_by",
    ]
    inlines = [CriterionScoreInline]


@admin.register(GradeOverride)
class GradeOverrideAdmin(ReadOnlyAdmin):
    list_display = ["enrollment", "item", "percent", "reason", "set_by", "set_at"]
    search_fields = ["item", "reason", "enrollment__user__email"]
    list_select_related = ["enrollment__user", "enrollment__cohort", "set_by"]


@admin.register(GradeChange)
class GradeChangeAdmin(ReadOnlyAdmin):
    list_display = [
        "changed_at",
        "enrollment",
        "item_title",
        "action",
        "old_value",
        "new_value",
        "changed_by",
        "reason",
    ]
    list_filter = ["action"]
    search_fields = ["item", "item_title", "reason", "enrollment__user__email"]
    list_select_related = ["enrollment__user", "enrollment__cohort", "changed_by"]
    date_hierarchy = "changed_at"


@admin.register(GradebookWeights)
class GradebookWeightsAdmin(admin.ModelAdmin):
    list_display = ["course", "quizzes", "assignments", "attendance"]
    search_fields = ["course__title"]
    raw_id_fields = ["course"]
    list_select_related = ["course"]


@admin.register(Nudge)
class NudgeAdmin(ReadOnlyAdmin):
    list_display = ["enrollment", "sent_by", "sent_at", "reason", "emailed_at"]
    search_fields = ["reason", "enrollment__user__email"]
    list_select_related = ["enrollment__user", "enrollment__cohort", "sent_by"]
    date_hierarchy = "sent_at"


# --- completion and certificates ------------------------------------------------------------------


@admin.register(CompletionRules)
class CompletionRulesAdmin(admin.ModelAdmin):
    list_display = [
        "course",
        "require_lessons",
        "require_post_test",
        "require_assignments",
        "require_evaluation",
        "min_attendance_percent",
        "participation_letter_percent",
    ]
    search_fields = ["course__title"]
    raw_id_fields = ["course", "updated_by"]
    list_select_related = ["course"]


class CourseApprovalAdminForm(forms.ModelForm):
    class Meta:
        model = CourseApproval
        fields = [
            "course",
            "profession",
            "accrediting_body",
            "approval_statement",
            "ce_hours",
            "approval_number",
            "valid_from",
            "valid_until",
            "requires_license",
            "position",
        ]

    def clean(self):
        cleaned = super().clean()
        # The same rule as the Completion and CE page (`completion.authoring`).
        problem = period_problem(cleaned.get("valid_from"), cleaned.get("valid_until"))
        if problem:
            self.add_error("valid_until", problem)
        return cleaned


@admin.register(CourseApproval)
class CourseApprovalAdmin(admin.ModelAdmin):
    form = CourseApprovalAdminForm
    list_display = [
        "course",
        "profession",
        "accrediting_body",
        "ce_hours",
        "approval_number",
        "valid_from",
        "valid_until",
        "requires_license",
        "position",
    ]
    list_filter = ["requires_license"]
    search_fields = ["course__title", "profession", "accrediting_body", "approval_number"]
    raw_id_fields = ["course"]
    list_select_related = ["course"]


@admin.register(ProgramSignatory)
class ProgramSignatoryAdmin(ReadOnlyAdmin):
    """Read here, set on the course's signatory page: its upload checks the image by content,
    and signature images are never linked to a public address."""

    list_display = ["course", "name", "title", "has_signature", "updated_at", "updated_by"]
    search_fields = ["course__title", "name", "title"]
    list_select_related = ["course", "updated_by"]
    fields = ["course", "name", "title", "has_signature", "updated_at", "updated_by", "edit"]
    readonly_fields = fields

    @admin.display(description="signature image", boolean=True)
    def has_signature(self, signatory) -> bool:
        return bool(signatory.signature)

    @admin.display(description="change")
    def edit(self, signatory) -> str:
        url = reverse("certificates:signatory", args=[signatory.course.slug])
        return format_html('<a href="{}">Change on the signatory page…</a>', url)


@admin.register(CECheckRecord)
class CECheckRecordAdmin(ReadOnlyAdmin):
    """What the CE checks found when the course was published: kept as recorded."""

    list_display = [
        "course",
        "recorded_at",
        "recorded_by",
        "claimed_hours",
        "instructional_minutes",
        "post_test_items",
        "warning_count",
    ]
    search_fields = ["course__title"]
    list_select_related = ["course", "recorded_by"]
    date_hierarchy = "recorded_at"

    @admin.display(description="warnings")
    def warning_count(self, record) -> int:
        return len(record.warnings or [])


class RevokedFilter(admin.SimpleListFilter):
    title = "revoked"
    parameter_name = "revoked"

    def lookups(self, request, model_admin):
        return [("yes", "Revoked"), ("no", "Valid")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(revoked_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(revoked_at__isnull=True)
        return queryset


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    """Certificates are never edited by hand: each is a frozen record of what was certified.
    Revoking goes through the revoke page, which records who did it and why."""

    list_display = [
        "code",
        "kind",
        "full_name",
        "course_title",
        "cohort_name",
        "issued_at",
        "valid",
    ]
    list_filter = ["kind", RevokedFilter]
    search_fields = ["code", "full_name", "enrollment__user__email"]
    date_hierarchy = "issued_at"
    list_select_related = ["enrollment__user"]
    fieldsets = [
        (None, {"fields": ["code", "kind", "enrollment", "issued_at", "verification_page"]}),
        (
            "As printed",
            {
                "fields": [
                    "full_name",
                    "credentials",
                    "license_number",
                    "license_jurisdiction",
                    "course_title",
                    "cohort_name",
                    "starts_on",
                    "ends_on",
                    "completed_on",
                    "delivery_format",
                    "ce_hours",
                    "profession",
                    "accrediting_body",
                    "approval_statement",
                    "approval_number",
                    "approval_valid_from",
                    "approval_valid_until",
                    "provider_name",
                    "provider_address",
                    "provider_contact",
                    "lead_trainer",
                    "signatory_name",
                    "signatory_title",
                    "has_signature",
                ]
            },
        ),
        ("Revocation", {"fields": ["revoked_at", "revoked_by", "revoke_reason", "revoke"]}),
    ]
    readonly_fields = [field for _, options in fieldsets for field in options["fields"]]

    # The image itself only inside the PDF: a file field here would link to its storage path.
    @admin.display(description="signature image", boolean=True)
    def has_signature(self, certificate) -> bool:
        return bool(certificate.signature)

    @admin.display(description="valid", boolean=True, ordering="revoked_at")
    def valid(self, certificate) -> bool:
        return not certificate.is_revoked

    @admin.display(description="verification page")
    def verification_page(self, certificate) -> str:
        url = reverse("certificates:verify", kwargs={"code": certificate.code})
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description="revoke")
    def revoke(self, certificate) -> str:
        if certificate.is_revoked:
            return "Revoked."
        url = reverse("certificates:revoke", kwargs={"code": certificate.code})
        return format_html('<a href="{}">Revoke this certificate (with a reason)…</a>', url)
