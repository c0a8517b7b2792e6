"""Mounted at the root: the paths carry their own prefixes (/learn/…, /cohorts/…, /author/…,
/verify/…, /certificates/…), since a certificate is the trainee's, the trainer's and the public's."""

from django.urls import path

from assessments.completion.views import audit, certificates, cohort, rules, verification

app_name = "certificates"

COURSE = "author/courses/<slug:slug>/completion/"
APPROVAL = COURSE + "approvals/<int:approval_id>/"
LEARN = "learn/<int:cohort_id>/certificate/"

certificate_patterns = [
    path(LEARN, certificates.MyCertificateView.as_view(), name="mine"),
    path(LEARN + "claim/", certificates.ClaimCertificateView.as_view(), name="claim"),
    path(LEARN + "letter/", certificates.ClaimLetterView.as_view(), name="letter"),
    path(COURSE, rules.CompletionRulesView.as_view(), name="rules"),
    path(COURSE + "approvals/new/", rules.ApprovalAddView.as_view(), name="approval_add"),
    path(APPROVAL, rules.ApprovalEditView.as_view(), name="approval_edit"),
    path(APPROVAL + "delete/", rules.ApprovalDeleteView.as_view(), name="approval_delete"),
    path(COURSE + "signatory/", rules.SignatoryView.as_view(), name="signatory"),
    path(COURSE + "signatory/signature/", rules.SignatureImageView.as_view(), name="signature"),
    path(
        "cohorts/<int:cohort_id>/completion/",
        cohort.CohortCompletionView.as_view(),
        name="cohort",
    ),
    path(
        "cohorts/<int:cohort_id>/completion.csv",
        cohort.CohortCompletionExportView.as_view(),
        {"fmt": "csv"},
        name="cohort_csv",
    ),
    path(
        "cohorts/<int:cohort_id>/completion.xlsx",
        cohort.CohortCompletionExportView.as_view(),
        {"fmt": "xlsx"},
        name="cohort_xlsx",
    ),
    path(
        "cohorts/<int:cohort_id>/ce-audit-pack.zip",
        audit.AuditPackView.as_view(),
        name="audit_pack",
    ),
    path(
        "cohorts/<int:cohort_id>/completion/<int:enrollment_id>/",
        cohort.TraineeCompletionView.as_view(),
        name="trainee",
    ),
]

verification_patterns = [
    path("certificates/<str:code>.pdf", verification.CertificatePdfView.as_view(), name="pdf"),
    path("certificates/<str:code>/revoke/", verification.RevokeView.as_view(), name="revoke"),
    path("verify/", verification.VerifyFormView.as_view(), name="verify_form"),
    path("verify/<str:code>/", verification.VerifyView.as_view(), name="verify"),
]

urlpatterns = certificate_patterns + verification_patterns
