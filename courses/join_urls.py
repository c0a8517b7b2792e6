"""How a person joins in by code or link: a cohort's self-enroll code, a live session's check-in
code, an emailed invitation. Mounted at the root: each path carries its own prefix."""

from django.urls import path

from courses import views

app_name = "join"

urlpatterns = [
    path("enroll/", views.SelfEnrollView.as_view(), name="self_enroll"),
    path("check-in/", views.CheckInView.as_view(), name="check_in"),
    path("invitations/<str:token>/", views.InvitationView.as_view(), name="invitation"),
]
