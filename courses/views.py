"""Cohort pages: admins run enrollment; trainers see the cohorts they teach; anyone signed in
can enroll with a cohort code. Cohorts are found through `Cohort.objects.managed_by(user)` or
`taught_by(user)`, never by id alone."""

import secrets
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, Prefetch, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.views import View
from django.views.generic import FormView, TemplateView

from dbt_training.core.errors import add_service_errors, error_text, flat_errors
from dbt_training.core.http import posted_id
from dbt_training.core.spreadsheets import spreadsheet_download
from dbt_training.users.models import User

from . import services
from .access import CohortStaffMixin, ManagedCohortMixin
from .exports import roster_sheet
from .forms import (
    AnnouncementForm,
    CheckInForm,
    CohortForm,
    CsvUploadForm,
    DeclineForm,
    EnrollByEmailForm,
    LiveSessionForm,
    RosterFilterForm,
    SelfEnrollForm,
    TeamApplicationForm,
    TeamMemberFormSet,
)
from .models import (
    Attendance,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Invitation,
    InvitationStatus,
    LiveSession,
    Team,
    TeamApplication,
)


class EnrollmentAdminMixin(ManagedCohortMixin):
    """Enrollment admins only (403 for anyone else signed in), on every page: cohort lists,
    creation, and the cohort named in the URL."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_enrollment_admin:
            raise PermissionDenied("Only enrollment administrators can do this.")
        return super().dispatch(request, *args, **kwargs)


class CohortListView(LoginRequiredMixin, TemplateView):
    template_name = "courses/cohort_list.html"

    def get(self, request, *args, **kwargs):
        if not (request.user.is_enrollment_admin or request.user.is_trainer):
            raise PermissionDenied("Cohorts are for trainers and enrollment administrators.")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        cohorts = (
            Cohort.objects.visible_to(self.request.user)
            .select_related("course")
            .with_seat_counts()
            .order_by("-starts_on", "name")
        )
        return super().get_context_data(cohorts=cohorts, **kwargs)


class CohortCreateView(EnrollmentAdminMixin, FormView):
    form_class = CohortForm
    template_name = "courses/cohort_form.html"

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            cohort = services.create_cohort(
                course=data.pop("course"), trainers=data.pop("trainers"), **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Created cohort “{cohort.name}”.")
        return redirect("cohorts:detail", cohort.pk)


class CohortEditView(EnrollmentAdminMixin, FormView):
    form_class = CohortForm
    template_name = "courses/cohort_form.html"

    def get_form_kwargs(self):
        self.cohort = self.get_cohort()
        return {**super().get_form_kwargs(), "instance": Cohort.objects.get(pk=self.cohort.pk)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form, which finds the cohort
        return {**context, "cohort": self.cohort}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        data.pop("course", None)
        try:
            services.update_cohort(cohort=self.cohort, trainers=data.pop("trainers"), **data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Cohort saved.")
        return redirect("cohorts:detail", self.cohort.pk)


class CohortDetailView(CohortStaffMixin, TemplateView):
    """The cohort and its roster, filterable by status; admins also enroll and withdraw here."""

    template_name = "courses/cohort_detail.html"

    def cohort_queryset(self):
        return super().cohort_queryset().with_seat_counts()

    def get_context_data(self, **kwargs):
        user = self.request.user
        cohort = self.get_cohort()
        filters = RosterFilterForm(self.request.GET or None, cohort=cohort)
        roster = roster_for(cohort, filters)
        status = filters.cleaned_data["status"] if filters.is_valid() else ""
        # Invited people have no account, so no enrollment: the "Invited" filter shows them here.
        invitations = (
            invitations_for(cohort, filters, self.request.GET.get(INVITATIONS_PAGE))
            if status in ("", EnrollmentStatus.INVITED)
            else None
        )
        return super().get_context_data(
            cohort=cohort,
            roster=roster,
            filters=filters,
            status_filter=status,
            invitations=invitations,
            invitation_days=settings.INVITATION_MAX_AGE_DAYS,
            # GET parameters kept by an invitation's actions, and by its pager (less the page).
            roster_query=urlencode(roster_query(self.request.GET)),
            filter_query=urlencode(
                {k: v for k, v in roster_query(self.request.GET).items() if k != INVITATIONS_PAGE}
            ),
            can_manage=user.is_enrollment_admin,
            enroll_form=kwargs.pop("enroll_form", None) or EnrollByEmailForm(),
            trainers=(trainers := list(cohort.trainers.order_by("full_name"))),
            # Grading pages are for the cohort's own trainers (others get 404 there).
            teaches=user in trainers,
            # Withdrawals after this moment can still be undone by enrolling the person again.
            undo_since=timezone.now() - services.UNDO_WITHDRAWAL,
            transfer_targets=list(
                Cohort.objects.filter(course=cohort.course_id)
                .exclude(pk=cohort.pk)
                .order_by("-starts_on")
            )
            if user.is_enrollment_admin
            else [],
            **kwargs,
        )


def roster_for(cohort: Cohort, filters: RosterFilterForm):
    roster = (
        Enrollment.objects.filter(cohort=cohort)
        .select_related("user", "team")
        .with_attendance(now=timezone.now())
        .order_by("status", "waitlisted_at", "user__full_name")
    )
    if filters.is_valid():
        if filters.cleaned_data["status"]:
            roster = roster.filter(status=filters.cleaned_data["status"])
        if filters.cleaned_data["team"]:
            roster = roster.filter(team=filters.cleaned_data["team"])
    return roster


# --- the roster's invitations -------------------------------------------------------------------

INVITATIONS_PAGE = "invitations_page"
INVITATIONS_PER_PAGE = 50


@dataclass
class InvitationList:
    """One page of a cohort's invitations and how many there are of each status."""

    page: object  # django.core.paginator.Page
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def summary(self) -> str:
        """The counts for the heading, e.g. "3 sent, 1 expired, 2 accepted"."""
        return ", ".join(
            f"{self.counts[value]} {label.lower()}"
            for value, label in InvitationStatus.choices
            if self.counts[value]
        )


def invitations_for(cohort: Cohort, filters: RosterFilterForm, page_number) -> InvitationList:
    """The cohort's invitations, each address's latest, open ones first; the roster's filters
    apply ("Invited" keeps the open ones). Two queries, however many there are."""
    invitations = Invitation.objects.filter(cohort=cohort).newest_per_address()
    if filters.is_valid():
        if filters.cleaned_data["status"] == EnrollmentStatus.INVITED:
            invitations = invitations.pending()
        if filters.cleaned_data["team"]:
            invitations = invitations.filter(team=filters.cleaned_data["team"])
    invitations = invitations.with_status(now=timezone.now())
    counts = invitations.aggregate(
        **{value: Count("pk", filter=Q(status=value)) for value in InvitationStatus.values}
    )
    ordered = invitations.select_related("team", "invited_by", "accepted_by").order_by(
        Case(
            *(When(status=value, then=rank) for rank, value in enumerate(InvitationStatus.values))
        ),
        "email",
        "pk",
    )
    paginator = Paginator(ordered, INVITATIONS_PER_PAGE)
    paginator.count = sum(counts.values())  # known from the counts: no COUNT query
    return InvitationList(page=paginator.get_page(page_number), counts=counts)


def roster_query(params) -> dict[str, str]:
    """The roster's own GET parameters (filters, invitations page), kept across an action on an
    invitation so the admin comes back to what they were looking at."""
    return {k: params[k] for k in ("status", "team", INVITATIONS_PAGE) if params.get(k)}


def invitations_url(cohort_id: int, params=None, **overrides) -> str:
    query = urlencode({**roster_query(params or {}), **overrides})
    url = reverse("cohorts:detail", args=[cohort_id])
    return f"{url}{'?' if query else ''}{query}#invitations"


class InvitationActionMixin(EnrollmentAdminMixin):
    """An invitation of the cohort in the URL (another cohort's id: 404), for its admins."""

    def get_invitation(self) -> Invitation:
        return get_object_or_404(
            Invitation.objects.select_related("cohort__course", "team"),
            pk=self.kwargs["invitation_id"],
            cohort=self.get_cohort(),
        )


class InvitationResendView(InvitationActionMixin, View):
    """A fresh email with a new link (and a new validity period); the old link stops working."""

    def post(self, request, cohort_id, invitation_id):
        invitation = self.get_invitation()
        try:
            services.resend_invitation(invitation=invitation, by=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                f"A new invitation is on its way to {invitation.email}, valid for "
                f"{settings.INVITATION_MAX_AGE_DAYS} days; the earlier link no longer works.",
            )
        return redirect(invitations_url(cohort_id, request.GET))


class InvitationRevokeView(InvitationActionMixin, View):
    """Revoke in two steps, as withdraw: the page says what happens, the POST does it."""

    template_name = "courses/invitation_revoke.html"

    def get(self, request, cohort_id, invitation_id):
        invitation = self.get_invitation()
        if reason := services.invitation_closed_reason(invitation):
            messages.info(request, reason)
            return redirect(invitations_url(cohort_id, request.GET))
        return render(
            request,
            self.template_name,
            {
                "cohort": invitation.cohort,
                "invitation": invitation,
                "back": invitations_url(cohort_id, request.GET),
            },
        )

    def post(self, request, cohort_id, invitation_id):
        invitation = self.get_invitation()
        try:
            services.revoke_invitation(invitation=invitation, by=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                f"The invitation to {invitation.email} is revoked: its link no longer works.",
            )
        return redirect(invitations_url(cohort_id, request.GET))


def invitations_note(cohort_id: int, count: int, **filters) -> str:
    """The sentence after an action that sent invitations, linking to them on the roster (a
    safe string: the message shows the link)."""
    return format_html(
        ' <a href="{}">See the {} invitation{} on the roster</a>.',
        invitations_url(cohort_id, status=EnrollmentStatus.INVITED, **filters),
        count,
        "" if count == 1 else "s",
    )


class CohortEnrollView(EnrollmentAdminMixin, View):
    def post(self, request, cohort_id):
        cohort = self.get_cohort()
        form = EnrollByEmailForm(request.POST)
        if form.is_valid():
            try:
                result = services.enroll_or_invite(
                    cohort=cohort, email=form.cleaned_data["email"], by=request.user
                )
            except ValidationError as error:
                form.add_error("email", error)
            else:
                if isinstance(result, Invitation):
                    messages.success(
                        request,
                        f"{result.email} has no account yet: an invitation is on its way.",
                    )
                else:
                    messages.success(request, enrolled_message(result))
                return redirect("cohorts:detail", cohort.pk)
        view = CohortDetailView(request=request, kwargs={"cohort_id": cohort_id})
        context = view.get_context_data(enroll_form=form)
        return view.render_to_response(context)


UNDO_HOURS = int(services.UNDO_WITHDRAWAL.total_seconds() // 3600)


def enrolled_message(enrollment: Enrollment) -> str:
    """What an admin's enrollment did, including a cohort now over capacity (an undone
    withdrawal whose seat had gone to the waitlist)."""
    message = f"{enrollment.user} is {enrollment.get_status_display().lower()} in this cohort."
    capacity = enrollment.cohort.capacity
    if enrollment.status == EnrollmentStatus.ACTIVE and capacity is not None:
        taken = Enrollment.objects.filter(cohort=enrollment.cohort_id).holding_seats().count()
        if taken > capacity:
            message += (
                f" Their seat is back, so the cohort is over capacity: {taken} seats taken of "
                f"{capacity}."
            )
    return message


class EnrollmentWithdrawView(EnrollmentAdminMixin, View):
    """Withdraw in two steps: the page says what happens to the seat, the POST does it."""

    template_name = "courses/enrollment_withdraw.html"

    def get_enrollment(self) -> Enrollment:
        return get_object_or_404(
            Enrollment.objects.select_related("user", "cohort__course"),
            pk=self.kwargs["enrollment_id"],
            cohort=self.get_cohort(),
        )

    def get(self, request, cohort_id, enrollment_id):
        enrollment = self.get_enrollment()
        if enrollment.status == EnrollmentStatus.WITHDRAWN:
            messages.info(request, f"{enrollment.user} is already withdrawn.")
            return redirect("cohorts:detail", cohort_id)
        return render(
            request,
            self.template_name,
            {
                "cohort": enrollment.cohort,
                "enrollment": enrollment,
                "consequence": services.withdrawal_consequence(enrollment=enrollment),
                "undo_hours": UNDO_HOURS,
            },
        )

    def post(self, request, cohort_id, enrollment_id):
        enrollment = self.get_enrollment()
        services.withdraw(
            enrollment=enrollment, by=request.user, note=request.POST.get("note", "")[:300]
        )
        messages.success(
            request,
            f"{enrollment.user} is withdrawn. To undo it, choose “Enroll again” on their row "
            f"within {UNDO_HOURS} hours: they get their seat back.",
        )
        return redirect("cohorts:detail", cohort_id)


class EnrollmentTransferView(EnrollmentAdminMixin, View):
    def post(self, request, cohort_id, enrollment_id):
        cohort = self.get_cohort()
        enrollment = get_object_or_404(Enrollment, pk=enrollment_id, cohort=cohort)
        target_id = posted_id(request.POST.get("to_cohort"))
        target = (
            Cohort.objects.managed_by(request.user).filter(pk=target_id).first()
            if target_id
            else None
        )
        if target is None:
            messages.error(request, "Choose the cohort to transfer to.")
            return redirect("cohorts:detail", cohort.pk)
        try:
            moved = services.transfer(enrollment=enrollment, to_cohort=target, by=request.user)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect("cohorts:detail", cohort.pk)
        messages.success(
            request, f"{moved.user} moved to {target.name} ({moved.get_status_display().lower()})."
        )
        return redirect("cohorts:detail", cohort.pk)


class RosterExportView(CohortStaffMixin, View):
    """The filtered roster as CSV (streamed row by row) or XLSX."""

    def get(self, request, cohort_id, fmt):
        cohort = self.get_cohort()
        roster = roster_for(cohort, RosterFilterForm(request.GET or None, cohort=cohort))
        return spreadsheet_download(
            roster_sheet(cohort, roster), fmt=fmt, filename=f"cohort-{cohort.pk}-roster"
        )


class SelfEnrollView(LoginRequiredMixin, FormView):
    form_class = SelfEnrollForm
    template_name = "courses/self_enroll.html"

    def form_valid(self, form):
        try:
            enrollment = services.self_enroll(
                code=form.cleaned_data["code"], user=self.request.user
            )
        except ValidationError as error:
            add_service_errors(form, error, rest="code")
            return self.form_invalid(form)
        if enrollment.status == "waitlisted":
            messages.info(
                self.request,
                f"“{enrollment.cohort.name}” is full: you are on its waitlist and will be "
                "enrolled as soon as a seat frees.",
            )
        else:
            messages.success(self.request, f"You are enrolled in “{enrollment.cohort.name}”.")
        return redirect("dashboard")


# --- invitations --------------------------------------------------------------------------------

PENDING_INVITATION = "pending_invitation"


class InvitationView(View):
    """Where an invitation email leads: sign up (or in) and join the cohort, or learn why not."""

    template_name = "courses/invitation.html"

    def get(self, request, token):
        try:
            invitation = services.find_invitation(token)
        except services.InvitationProblem as problem:
            return self.show(problem=problem.kind, invitation=problem.invitation, token=token)
        context = {"invitation": invitation, "token": token}
        if request.user.is_authenticated:
            context["email_matches"] = request.user.email.lower() == invitation.email
        else:
            context["has_account"] = User.objects.with_email(invitation.email).exists()
            request.session[PENDING_INVITATION] = token
            if not context["has_account"]:
                # The address received the link, so allauth can count it as verified.
                get_adapter(request).stash_verified_email(request, invitation.email)
        return self.show(**context)

    def post(self, request, token):
        if request.POST.get("action") == "resend":
            return self.resend(request, token)
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        try:
            invitation = services.find_invitation(token)
            enrollment = services.accept_invitation(invitation=invitation, user=request.user)
        except services.InvitationProblem as problem:
            return self.show(problem=problem.kind, invitation=problem.invitation, token=token)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect(request.path)
        request.session.pop(PENDING_INVITATION, None)
        messages.success(request, joined_message(enrollment))
        return redirect("dashboard")

    def resend(self, request, token):
        try:
            services.find_invitation(token)
        except services.InvitationProblem as problem:
            if problem.kind == "expired" and problem.invitation is not None:
                try:
                    services.resend_invitation(invitation=problem.invitation)
                except ValidationError:
                    return self.show(problem="used", invitation=problem.invitation)
                return self.show(resent_to=problem.invitation.email)
        return redirect(request.path)

    def show(self, **context):
        return render(self.request, self.template_name, context)


def joined_message(enrollment: Enrollment) -> str:
    if enrollment.status == "waitlisted":
        return f"“{enrollment.cohort.name}” is full: you are on its waitlist."
    return f"You have joined “{enrollment.cohort.name}”."


def accept_pending_invitation(request, user) -> None:
    """Signup hook (registered in CoursesConfig.ready): join the cohort whose link brought them."""
    token = request.session.pop(PENDING_INVITATION, None) if request else None
    if not token:
        return
    try:
        invitation = services.find_invitation(token)
        enrollment = services.accept_invitation(invitation=invitation, user=user)
    except (services.InvitationProblem, ValidationError):
        return  # a different email was used, or the link went stale meanwhile: plain sign-up
    messages.success(request, joined_message(enrollment))


# --- CSV enrollment -----------------------------------------------------------------------------

CSV_CACHE_SECONDS = 60 * 60


class CsvEnrollView(EnrollmentAdminMixin, View):
    """Upload, preview every row's fate, then confirm: all rows in one transaction, or none.

    Between preview and confirmation the file waits in the shared cache under a random key,
    tied to this admin and cohort, so any web process can take the confirmation.
    """

    template_name = "courses/cohort_csv.html"

    def get(self, request, cohort_id):
        return self.show(form=CsvUploadForm())

    def post(self, request, cohort_id):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = CsvUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(form=form)
        data = form.cleaned_data["file"].read()
        plan = services.plan_csv_enrollment(cohort=self.get_cohort(), data=data)
        key = ""
        if plan.ok:
            key = secrets.token_urlsafe(24)
            cache.set(self.cache_key(key), data, CSV_CACHE_SECONDS)
        return self.show(form=form, plan=plan, key=key, filename=form.cleaned_data["file"].name)

    def confirm(self, request):
        key = request.POST.get("key", "")
        # Only keys this view could have made (token_urlsafe) reach the cache backend.
        valid = 0 < len(key) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
        data = cache.get(self.cache_key(key)) if valid else None
        if data is None:
            messages.error(request, "That preview has expired. Upload the file again.")
            return redirect("cohorts:csv", self.kwargs["cohort_id"])
        cohort = self.get_cohort()
        try:
            plan = services.apply_csv_enrollment(cohort=cohort, data=data, by=request.user)
        except ValidationError as error:
            return self.show(form=CsvUploadForm(), errors=error.messages)
        cache.delete(self.cache_key(key))
        counts = ", ".join(f"{label.lower()}: {n}" for label, n in plan.counts.items() if n)
        message = format_html("CSV applied ({}).", counts)
        if invited := plan.count(services.CsvAction.INVITE):
            message += invitations_note(cohort.pk, invited)
        messages.success(request, message)
        return redirect("cohorts:detail", cohort.pk)

    def cache_key(self, key: str) -> str:
        return f"csv-enroll:{self.request.user.pk}:{self.kwargs['cohort_id']}:{key}"

    def show(self, **context):
        return render(self.request, self.template_name, {"cohort": self.get_cohort(), **context})


# --- live sessions and attendance ---------------------------------------------------------------


class LiveSessionListView(CohortStaffMixin, View):
    template_name = "courses/live_sessions.html"

    def get(self, request, cohort_id):
        return self.show(form=LiveSessionForm(cohort=self.get_cohort()))

    def post(self, request, cohort_id):
        cohort = self.get_cohort()
        form = LiveSessionForm(request.POST, cohort=cohort)
        with timezone.override(cohort.time_zone):  # the start is typed in the cohort's zone
            try:
                valid = form.is_valid()
            except OverflowError:
                form.add_error("starts_at", "Choose a date between the years 2000 and 2100.")
                valid = False
        if not valid:
            return self.show(form=form)
        session = services.schedule_live_session(cohort=cohort, **form.cleaned_data)
        messages.success(request, f"Scheduled “{session.title}”.")
        return redirect("cohorts:live_sessions", cohort.pk)

    def show(self, **context):
        cohort = self.get_cohort()
        sessions = LiveSession.objects.filter(cohort=cohort).annotate(
            present_count=Count("attendance", filter=Q(attendance__present=True))
        )
        return render(
            self.request, self.template_name, {"cohort": cohort, "sessions": sessions, **context}
        )


@dataclass
class AttendanceLine:
    """One trainee's line on the attendance page: the stored mark, and what the form shows (the
    stored values, or after a refusal what the trainer typed, so nothing typed is lost)."""

    enrollment: Enrollment
    mark: Attendance | None
    present: bool
    minutes: str
    # What the page showed when first loaded: the save compares against it (see post()).
    was_present: str
    was_minutes: str
    reason: str = ""
    error: str = ""

    @property
    def needs_reason(self) -> bool:
        return services.came_from_check_in(self.mark)


class AttendanceView(CohortStaffMixin, View):
    """The roster of one session: present / absent and minutes for each active trainee; a change
    to a trainee's check-in needs a reason."""

    template_name = "courses/attendance.html"

    def get_session(self) -> LiveSession:
        cohort = self.get_cohort()
        session = get_object_or_404(LiveSession, pk=self.kwargs["session_id"], cohort=cohort)
        session.cohort = cohort  # already read, with the viewer's right to it
        return session

    def get(self, request, cohort_id, session_id):
        return self.show(self.get_session())

    def post(self, request, cohort_id, session_id):
        session = self.get_session()
        roster = list(self.roster(session))
        try:
            marks, reasons = {}, {}
            for e in roster:
                mark = (
                    f"present-{e.pk}" in request.POST,
                    int(request.POST.get(f"minutes-{e.pk}") or 0),
                )
                # What the page showed when it was loaded: unchanged rows are left alone, so a
                # trainee who checked in meanwhile is not marked absent by a stale form.
                shown = (
                    request.POST.get(f"was-present-{e.pk}") == "1",
                    int(request.POST.get(f"was-minutes-{e.pk}") or -1),
                )
                if mark != shown:
                    marks[e.pk] = mark
                    reasons[e.pk] = request.POST.get(f"reason-{e.pk}", "")
            written = services.record_attendance(
                session=session, marks=marks, reasons=reasons, by=request.user
            )
        except (ValueError, ValidationError) as error:
            if isinstance(error, ValidationError):
                text, by_row = error_text(error), flat_errors(error)
            else:
                text, by_row = "Minutes must be whole numbers.", {}
            return self.show(session, error=text, by_row=by_row, posted=request.POST, status=400)
        messages.success(
            request, f"Attendance saved ({written} change{'s' if written != 1 else ''})."
        )
        return redirect("cohorts:attendance", session.cohort_id, session.pk)

    def roster(self, session):
        marks = session.attendance.select_related("recorded_by")
        return (
            Enrollment.objects.filter(cohort=session.cohort_id, status=EnrollmentStatus.ACTIVE)
            .select_related("user")
            .prefetch_related(Prefetch("attendance", queryset=marks, to_attr="this_session"))
            .order_by("user__full_name")
        )

    def show(self, session, error: str = "", by_row=None, posted=None, status: int = 200):
        by_row = by_row or {}
        lines = []
        for e in self.roster(session):
            mark = e.this_session[0] if e.this_session else None
            present = bool(mark and mark.present)
            minutes = str(mark.minutes if mark else session.duration_minutes)
            line = AttendanceLine(e, mark, present, minutes, "1" if present else "0", minutes)
            if posted is not None and f"was-minutes-{e.pk}" in posted:
                line.present = f"present-{e.pk}" in posted
                line.minutes = posted.get(f"minutes-{e.pk}", "")
                line.was_present = posted.get(f"was-present-{e.pk}", "")
                line.was_minutes = posted.get(f"was-minutes-{e.pk}", "")
                line.reason = posted.get(f"reason-{e.pk}", "")
            line.error = by_row.get(str(e.pk), "")
            lines.append(line)
        return render(
            self.request,
            self.template_name,
            {
                "cohort": session.cohort,
                "session": session,
                "lines": lines,
                "error": error,
                "reason_max": Attendance._meta.get_field("change_reason").max_length,
            },
            status=status,
        )


class CheckInView(LoginRequiredMixin, FormView):
    form_class = CheckInForm
    template_name = "courses/check_in.html"

    def form_valid(self, form):
        try:
            attendance = services.check_in(code=form.cleaned_data["code"], user=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error, rest="code")
            return self.form_invalid(form)
        message = f"You are checked in to “{attendance.live_session.title}”"
        if attendance.checked_in_at:  # the first check-in's time, which a correction keeps
            user = self.request.user
            at = timezone.localtime(attendance.checked_in_at, ZoneInfo(user.time_zone))
            message += f" (at {at:%H:%M}, {user.time_zone_label} time)"
        messages.success(self.request, f"{message}.")
        return redirect("dashboard")


# --- announcements ------------------------------------------------------------------------------


class AnnouncementsView(CohortStaffMixin, View):
    template_name = "courses/announcements.html"

    def get(self, request, cohort_id):
        return self.show(form=AnnouncementForm())

    def post(self, request, cohort_id):
        form = AnnouncementForm(request.POST)
        if not form.is_valid():
            return self.show(form=form)
        services.post_announcement(
            cohort=self.get_cohort(), author=request.user, **form.cleaned_data
        )
        messages.success(request, "Announcement posted; the cohort is being emailed.")
        return redirect("cohorts:announcements", cohort_id)

    def show(self, **context):
        cohort = self.get_cohort()
        announcements = cohort.announcements.select_related("author")
        return render(
            self.request,
            self.template_name,
            {"cohort": cohort, "announcements": announcements, **context},
        )


# --- teams --------------------------------------------------------------------------------------


class TeamApplyView(LoginRequiredMixin, View):
    """A team leader applies to enroll their DBT team in an open cohort."""

    template_name = "courses/team_apply.html"

    def get_cohort(self) -> Cohort:
        return get_object_or_404(
            Cohort.objects.filter(status=CohortStatus.OPEN).select_related("course"),
            pk=self.kwargs["cohort_id"],
        )

    def get(self, request, cohort_id):
        return self.show(TeamApplicationForm(), TeamMemberFormSet(prefix="member"))

    def post(self, request, cohort_id):
        cohort = self.get_cohort()
        form = TeamApplicationForm(request.POST)
        members = TeamMemberFormSet(request.POST, prefix="member")
        if form.is_valid() and members.is_valid():
            people = [m for m in members.cleaned_data if m and m.get("email")]
            try:
                services.apply_as_team(
                    cohort=cohort,
                    leader=request.user,
                    team_name=form.cleaned_data["team_name"],
                    members=people,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, "Your team's application is in. You will hear from us by email."
                )
                return redirect("dashboard")
        return self.show(form, members, status=400)

    def show(self, form, members, status=200):
        return render(
            self.request,
            self.template_name,
            {
                "cohort": self.get_cohort(),
                "form": form,
                "members": members,
            },
            status=status,
        )


class TeamsView(CohortStaffMixin, View):
    """Applications to decide (admins) and the cohort's teams (admins and trainers)."""

    template_name = "courses/teams.html"

    def get(self, request, cohort_id):
        return self.show()

    def post(self, request, cohort_id):
        if not request.user.is_enrollment_admin:
            raise PermissionDenied("Only enrollment administrators decide team applications.")
        cohort = self.get_cohort()
        application_id = posted_id(request.POST.get("application"))
        application = (
            get_object_or_404(TeamApplication, pk=application_id, cohort=cohort)
            if application_id
            else None
        )
        if application is None:
            return redirect("cohorts:teams", cohort_id)
        try:
            if request.POST.get("decision") == "approve":
                team = services.approve_team_application(application=application, by=request.user)
                message = format_html(
                    "Approved “{}”: its members are enrolled or invited.", team.name
                )
                if invited := Invitation.objects.pending().filter(team=team).count():
                    message += invitations_note(cohort.pk, invited, team=team.pk)
                messages.success(request, message)
            else:
                decline = DeclineForm(request.POST)
                if not decline.is_valid():
                    return self.show(
                        decline_errors={application.pk: decline.errors["reason"]}, status=400
                    )
                services.decline_team_application(
                    application=application, by=request.user, reason=decline.cleaned_data["reason"]
                )
                messages.success(request, f"Declined “{application.team_name}”.")
        except ValidationError as error:
            messages.error(request, error_text(error))
        return redirect("cohorts:teams", cohort_id)

    def show(self, decline_errors=None, status=200):
        cohort = self.get_cohort()
        applications = (
            TeamApplication.objects.filter(cohort=cohort, status=TeamApplication.Status.PENDING)
            .select_related("leader")
            .prefetch_related("members")
        )
        teams = (
            Team.objects.filter(cohort=cohort)
            .select_related("leader")
            .annotate(
                member_count=Count(
                    "enrollments", filter=~Q(enrollments__status=EnrollmentStatus.WITHDRAWN)
                )
            )
        )
        return render(
            self.request,
            self.template_name,
            {
                "cohort": cohort,
                "applications": applications,
                "teams": teams,
                "decline_errors": decline_errors or {},
            },
            status=status,
        )


class TeamRosterView(LoginRequiredMixin, TemplateView):
    """The team's members, for its leader, the cohort's trainers and admins."""

    template_name = "courses/team_roster.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        team = get_object_or_404(
            Team.objects.select_related("cohort__course", "leader").filter(
                Q(cohort__in=Cohort.objects.visible_to(user)) | Q(leader=user)
            ),
            pk=self.kwargs["team_id"],
            cohort_id=self.kwargs["cohort_id"],
        )
        if not Cohort.objects.visible_to(user).filter(pk=team.cohort_id).exists() and not (
            team.enrollments.filter(user=user).exclude(status=EnrollmentStatus.WITHDRAWN).exists()
        ):
            raise Http404("No such team.")  # a former leader who left the team
        members = team.enrollments.select_related("user").order_by("user__full_name")
        pending = Invitation.objects.pending().filter(team=team)
        return super().get_context_data(team=team, members=members, pending=pending, **kwargs)
