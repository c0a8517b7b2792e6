"""Completion and certificates for the trainee: the checklist, the claim and the certificates
issued. The enrollment comes from `Enrollment.objects.for_trainee(user)` (another cohort: 404).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views import View

from assessments.completion import certificates
from assessments.completion.certificates import (
    COMPLETION_KINDS,
    COMPLETION_NAME,
    DOCUMENT_NAMES,
    LICENSE_REQUIRED,
    held_reason,
    license_missing,
)
from assessments.completion.checklists import (
    checklist_for,
    course_approvals,
    scheduled_sessions,
)
from assessments.completion.forms import ClaimForm
from assessments.models import Certificate, CourseApproval
from courses.models import SEAT_HOLDING, Enrollment
from dbt_training.core.formatting import hours_text
from modules.views.learn import EnrollmentMixin

# The link under a requirement that is not met yet: where to go to meet it.
ACTION_TEXT = {
    "lessons": "Open the course schedule to finish these lessons",
    "post_test": "Take the post-test",
    "assignments": "Open the course schedule for these assignments",
    "evaluation": "Complete the course evaluation",
    "attendance": "See the live sessions",
}

# --- the trainee ---------------------------------------------------------------------------------


class CertificatePageMixin(EnrollmentMixin):
    template_name = "assessments/completion/mine.html"

    def enrollment_queryset(self):
        """With what the checklist reads in the same query: the course's rules and the cohort's
        count of scheduled sessions (the progress read model comes with EnrollmentMixin's)."""
        return (
            super()
            .enrollment_queryset()
            .select_related("cohort__course__completion_rules")
            .annotate(scheduled_sessions=scheduled_sessions())
        )

    def render_page(self, enrollment: Enrollment, *, status: int = 200, **extra):
        """Session, user, the enrollment, the certificates issued and the gradebook's row (its
        trainee, attempts, submissions, overrides): eight queries at most, however many lessons,
        approvals or trainees (the course's items and approvals are kept in memory)."""
        cohort = enrollment.cohort
        course = cohort.course
        approvals = course_approvals(course)
        issued = list(
            Certificate.objects.for_trainee(self.request.user).filter(enrollment=enrollment)
        )
        completion = next((c for c in issued if c.kind in COMPLETION_KINDS), None)
        letter = next((c for c in issued if c.kind == Certificate.Kind.PARTICIPATION), None)
        checklist = checklist_for(enrollment)
        may_claim = enrollment.status in SEAT_HOLDING
        user = self.request.user
        context = {
            "enrollment": enrollment,
            "cohort": cohort,
            "course": course,
            "checklist": checklist,
            # One unit for the share and for what is left: the checklist's required items.
            "items": checklist.items_total,
            "items_met": checklist.items_met,
            "items_left": checklist.items_left,
            "share": checklist.share,
            "lines": [(r, ACTION_TEXT.get(r.key, "Go there")) for r in checklist.requirements],
            "approvals": approvals,
            "course_hours": hours_text(course.ce_hours),
            "certificates": issued,
            "may_claim": may_claim,
            "show_claim": may_claim and checklist.complete and not issued,
            "show_letter": (
                may_claim and checklist.letter_available and letter is None and completion is None
            ),
            "letter_threshold": checklist.rules.participation_letter_percent,
            "letter": letter,
            # One document per enrollment: why the other kinds can no longer be claimed.
            "completion_held_reason": (
                held_reason(letter, wanted=COMPLETION_NAME)
                if letter is not None and completion is None
                else ""
            ),
            "letter_held_reason": (
                held_reason(completion, wanted=DOCUMENT_NAMES[Certificate.Kind.PARTICIPATION])
                if completion is not None and letter is None
                else ""
            ),
            # Approvals the trainee cannot claim under until their profile holds a licence.
            "needs_license": [a for a in approvals if license_missing(user, a)],
            "claim_form": ClaimForm(approvals=approvals),
            **extra,
        }
        return render(self.request, self.template_name, context, status=status)


class MyCertificateView(CertificatePageMixin, View):
    """What is done and what is left, the claim, and the certificates issued."""

    def get(self, request, cohort_id):
        return self.render_page(self.get_enrollment())


class ClaimCertificateView(CertificatePageMixin, View):
    def post(self, request, cohort_id):
        enrollment = self.get_enrollment()
        approvals = CourseApproval.objects.filter(course=enrollment.cohort.course).select_related(
            "course"
        )
        form = ClaimForm(request.POST, approvals=approvals)
        if not form.is_valid():
            errors = [message for field in form.errors.values() for message in field]
            return self.render_page(enrollment, status=400, claim_errors=errors)
        try:
            certificates.claim_certificate(
                enrollment=enrollment, approval=form.cleaned_data["approval"]
            )
        except ValidationError as error:
            codes = {e.code for e in error.error_list}
            return self.render_page(
                enrollment,
                status=400,
                claim_errors=error.messages,
                profile_link=LICENSE_REQUIRED in codes,
            )
        messages.success(request, "Your certificate is ready.")
        return redirect("certificates:mine", cohort_id)


class ClaimLetterView(CertificatePageMixin, View):
    def post(self, request, cohort_id):
        enrollment = self.get_enrollment()
        try:
            certificates.claim_participation_letter(enrollment=enrollment)
        except ValidationError as error:
            return self.render_page(enrollment, status=400, letter_errors=error.messages)
        messages.success(request, "Your letter of participation is ready.")
        return redirect("certificates:mine", cohort_id)
