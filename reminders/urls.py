from django.urls import path, re_path

from .views import calendar, cohort, notifications, preferences

app_name = "reminders"

urlpatterns = [
    path("notifications/", notifications.NotificationListView.as_view(), name="list"),
    path("notifications/read/", notifications.MarkReadView.as_view(), name="mark_read"),
    path("notifications/<int:pk>/", notifications.OpenNotificationView.as_view(), name="open"),
    path("notifications/settings/", preferences.SettingsView.as_view(), name="settings"),
    path(
        "notifications/unsubscribe/<str:token>/",
        preferences.UnsubscribeView.as_view(),
        name="unsubscribe",
    ),
    path(
        "notifications/calendar/new-link/",
        calendar.RotateFeedView.as_view(),
        name="calendar_rotate",
    ),
    # Only the characters our tokens have (secrets.token_urlsafe): anything else is a 404 before
    # the database is asked.
    re_path(
        r"^calendar/(?P<token>[A-Za-z0-9_-]{1,64})\.ics$", calendar.FeedView.as_view(), name="feed"
    ),
    path(
        "calendar/sessions/<int:session_id>.ics",
        calendar.SessionIcsView.as_view(),
        name="session_ics",
    ),
    path("cohorts/<int:cohort_id>/reminders/", cohort.CohortRemindersView.as_view(), name="cohort"),
]
