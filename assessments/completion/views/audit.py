"""The CE audit pack of a cohort, for the enrollment admins who manage it
(`ManagedCohortMixin`: a visitor is sent to sign in, anyone else gets 403, another cohort's id
404)."""

import tempfile

from django.http import FileResponse
from django.utils import timezone
from django.views import View

from assessments.completion.audit import pack_filename, write_audit_pack
from courses.access import ManagedCohortMixin

# Packs of a few megabytes stay in memory; a larger one spills to a temporary file.
IN_MEMORY_BYTES = 8 * 1024 * 1024


class AuditPackView(ManagedCohortMixin, View):
    """The zip: the roster, attendance, overrides, post-test attempts, the evaluation report,
    certificates, approvals and CE checks, with a README."""

    def get(self, request, cohort_id):
        cohort = self.get_cohort()
        now = timezone.now()
        out = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)
        write_audit_pack(out, cohort=cohort, by=request.user, now=now)
        out.seek(0)
        return FileResponse(
            out,
            as_attachment=True,
            filename=pack_filename(cohort, now=now),
            content_type="application/zip",
        )
