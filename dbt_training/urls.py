from django.contrib import admin
from django.urls import include, path

from assessments.urls import (
    assignment_authoring_urls,
    assignment_urls,
    behind_urls,
    certificate_urls,
    evaluation_urls,
    gradebook_urls,
    grading_urls,
    quiz_authoring_urls,
    quiz_urls,
)
from courses.urls import check_in_urls, self_enroll_urls
from courses.views import InvitationView
from modules.urls import authoring_urls, catalogue_urls, cohort_schedule_urls, learn_urls

from . import views

admin.site.site_header = "DBT Training administration"
admin.site.site_title = "DBT Training admin"

urlpatterns = [
    path("", views.LandingView.as_view(), name="landing"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("courses/", include(catalogue_urls)),
    path("author/", include(authoring_urls)),
    path("author/", include(quiz_authoring_urls)),
    path("learn/", include(learn_urls)),
    path("author/", include(assignment_authoring_urls)),
    path("learn/", include(quiz_urls)),
    path("learn/", include(assignment_urls)),
    path("cohorts/", include("courses.urls")),
    path("cohorts/", include(cohort_schedule_urls)),
    path("cohorts/", include(grading_urls)),
    path("cohorts/", include(gradebook_urls)),
    path("cohorts/", include(behind_urls)),
    path("enroll/", include(self_enroll_urls)),
    path("check-in/", include(check_in_urls)),
    path("invitations/<str:token>/", InvitationView.as_view(), name="invitation"),
    path("", include("reminders.urls")),
    path("", include(certificate_urls)),
    path("", include(evaluation_urls)),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("dbt_training.users.urls")),
    path("admin/", admin.site.urls),
]
