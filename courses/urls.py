from django.urls import path

from . import views

app_name = "cohorts"

urlpatterns = [
    path("", views.CohortListView.as_view(), name="list"),
    path("new/", views.CohortCreateView.as_view(), name="create"),
    path("<int:cohort_id>/", views.CohortDetailView.as_view(), name="detail"),
    path("<int:cohort_id>/edit/", views.CohortEditView.as_view(), name="edit"),
    path("<int:cohort_id>/enroll/", views.CohortEnrollView.as_view(), name="enroll"),
    path("<int:cohort_id>/enroll/csv/", views.CsvEnrollView.as_view(), name="csv"),
    path(
        "<int:cohort_id>/enrollments/<int:enrollment_id>/withdraw/",
        views.EnrollmentWithdrawView.as_view(),
        name="withdraw",
    ),
    path(
        "<int:cohort_id>/enrollments/<int:enrollment_id>/transfer/",
        views.EnrollmentTransferView.as_view(),
        name="transfer",
    ),
    path(
        "<int:cohort_id>/invitations/<int:invitation_id>/resend/",
        views.InvitationResendView.as_view(),
        name="invitation_resend",
    ),
    path(
        "<int:cohort_id>/invitations/<int:invitation_id>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation_revoke",
    ),
    path(
        "<int:cohort_id>/roster.csv",
        views.RosterExportView.as_view(),
        {"fmt": "csv"},
        name="roster_csv",
    ),
    path(
        "<int:cohort_id>/roster.xlsx",
        views.RosterExportView.as_view(),
        {"fmt": "xlsx"},
        name="roster_xlsx",
    ),
    path("<int:cohort_id>/sessions/", views.LiveSessionListView.as_view(), name="live_sessions"),
    path("<int:cohort_id>/announcements/", views.AnnouncementsView.as_view(), name="announcements"),
    path("<int:cohort_id>/teams/", views.TeamsView.as_view(), name="teams"),
    path("<int:cohort_id>/teams/apply/", views.TeamApplyView.as_view(), name="team_apply"),
    path("<int:cohort_id>/teams/<int:team_id>/", views.TeamRosterView.as_view(), name="team"),
    path(
        "<int:cohort_id>/sessions/<int:session_id>/attendance/",
        views.AttendanceView.as_view(),
        name="attendance",
    ),
]
