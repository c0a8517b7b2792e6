"""Certificate PDFs, public verification and revocation.

The PDF is for its trainee and the cohort's staff (`Certificate.objects.visible_to`); verification
is public and answers from `certificates.find_certificate` alone, so a malformed code costs the
same query as a real one; revoking is for enrollment admins (`Certificate.objects.revocable_by`).
Anyone else gets 404: a certificate code is no one's to probe."""

from http import HTTPStatus

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views import View

from assessments.completion import certificates
from assessments.completion import pdf as certificate_pdf
from assessments.models import Certificate
from dbt_training.core.http import attachment_headers
from dbt_training.core.sites import absolute_url

CODE_INPUT_LENGTH = 40  # a code is 18 characters; room for spaces and a pasted prefix


class VerificationForm(forms.Form):
    code = forms.CharField(
        label="Verification code",
        max_length=CODE_INPUT_LENGTH,
        help_text="Printed on the certificate, e.g. DBT-7KQ2-M9XH-4TRW.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason for revoking",
        max_length=Certificate._meta.get_field("revoke_reason").max_length,
        help_text="Shown on the public verification page, so anyone checking the certificate "
        "learns why it is no longer valid.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def verify_url(code: str) -> str:
    return absolute_url(reverse("certificates:verify", kwargs={"code": code}))


def details_context(certificate: Certificate) -> dict:
    """What `_details.html` shows besides the certificate's own fields: the facts the PDF
    prints, worded as the PDF words them."""
    return {
        "certificate": certificate,
        "dates": certificate_pdf.dates_text(certificate),
        "self_paced": certificate_pdf.is_self_paced(certificate),
        "licence": certificate_pdf.license_text(certificate),
        "approval_period": (
            certificate_pdf.period_text(
                certificate.approval_valid_from, certificate.approval_valid_until
            )
            if certificate.approval_valid_from or certificate.approval_valid_until
            else ""
        ),
        "issued_on": certificate_pdf.issued_on(certificate),
    }


def not_found(request, typed: str = ""):
    """One answer for every code that finds nothing, whatever its shape."""
    form = VerificationForm(initial={"code": typed[:CODE_INPUT_LENGTH]})
    return render(
        request,
        "assessments/completion/verification/not_found.html",
        {"form": form},
        status=HTTPStatus.NOT_FOUND,
    )


class CertificatePdfView(LoginRequiredMixin, View):
    """The PDF for its trainee and for the cohort's trainers and enrollment admins."""

    def get(self, request, code):
        certificate = get_object_or_404(
            Certificate.objects.visible_to(request.user).select_related("enrollment__cohort"),
            code=code,
        )
        if certificate.is_revoked:
            return render(
                request,
                "assessments/completion/verification/revoked_pdf.html",
                {"certificate": certificate},
                status=HTTPStatus.GONE,
            )
        response = HttpResponse(
            certificate_pdf.render(certificate, verify_url=verify_url(certificate.code)),
            content_type="application/pdf",
        )
        attachment_headers(response, f"certificate-{certificate.code}.pdf")
        patch_cache_control(response, private=True, no_store=True)
        return response


class VerifyFormView(View):
    """Type a code; a well-formed one goes to its verification page."""

    def get(self, request):
        typed = request.GET.get("code", "").strip()
        if not typed:
            return render(
                request,
                "assessments/completion/verification/verify_form.html",
                {"form": VerificationForm()},
            )
        code = certificates.normalise_code(typed)
        if not certificates.CODE_SHAPE.match(code):
            return not_found(request, typed)
        return redirect("certificates:verify", code=code)


class VerifyView(View):
    """Valid, revoked or not found; nothing about the person beyond what the certificate says."""

    def get(self, request, code):
        certificate = certificates.find_certificate(code)
        if certificate is None:
            return not_found(request, code)
        return render(
            request,
            "assessments/completion/verification/verify.html",
            details_context(certificate),
        )


class RevokeView(LoginRequiredMixin, View):
    template_name = "assessments/completion/verification/revoke.html"

    def get_certificate(self) -> Certificate:
        return get_object_or_404(
            Certificate.objects.revocable_by(self.request.user).select_related(
                "enrollment__cohort"
            ),
            code=self.kwargs["code"],
        )

    def get(self, request, code):
        return self.show(self.get_certificate(), RevokeForm())

    def post(self, request, code):
        certificate = self.get_certificate()
        form = RevokeForm(request.POST)
        if not form.is_valid():
            return self.show(certificate, form, status=HTTPStatus.BAD_REQUEST)
        try:
            certificates.revoke_certificate(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.show(certificate, form, status=HTTPStatus.BAD_REQUEST)
        messages.success(
            request,
            f"Certificate {certificate.code} is revoked: its verification page now says so, "
            "with your reason.",
        )
        return redirect("certificates:verify", code=certificate.code)

    def show(self, certificate, form, status=HTTPStatus.OK):
        return render(
            request=self.request,
            template_name=self.template_name,
            context={**details_context(certificate), "form": form},
            status=status,
        )
