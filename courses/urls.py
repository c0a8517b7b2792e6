from django.urls import path

from . import views

app_name = "cohorts"

urlpatterns = [
    path("", views.CohortListView.as_view(), name="list"),
    path("new/", views.CohortCreateView.as_view(), name="create"),
    path("<int:pk>/", views.CohortDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.CohortEditView.as_view(), name="edit"),
    path("<int:pk>/enroll/", views.CohortEnrollView.as_view(), name="enroll"),
    path("<int:pk>/enroll/csv/", views.CsvEnrollView.as_view(), name="csv"),
    path(
        "<int:pk>/enrollments/<int:enrollment_id>/withdraw/",
        views.EnrollmentWithdrawView.as_view(),
        name="withdraw",
    ),
    path(
        "<int:pk>/enrollments/<int:enrollment_id>/transfer/",
        views.EnrollmentTransferView.as_view(),
        name="transfer",
    ),
    path("<int:pk>/roster.csv", views.RosterCsvView.as_view(), name="roster_csv"),
    path("<int:pk>/sessions/", views.LiveSessionListView.as_view(), name="live_sessions"),
    path("<int:pk>/announcements/", views.AnnouncementsView.as_view(), name="announcements"),
    path("<int:pk>/teams/", views.TeamsView.as_view(), name="teams"),
    path("<int:pk>/teams/apply/", views.TeamApplyView.as_view(), name="team_apply"),
    path("<int:pk>/teams/<int:team_id>/", views.TeamRosterView.as_view(), name="team"),
    path(
        "<int:pk>/sessions/<int:session_id>/attendance/",
        views.AttendanceView.as_view(),
        name="attendance",
    ),
]

self_enroll_urls = [path("", views.SelfEnrollView.as_view(), name="self_enroll")]
check_in_urls = [path("", views.CheckInView.as_view(), name="check_in")]
