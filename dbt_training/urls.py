"""The site's URLs. Each namespace is declared in one `urls` module of its app or concept (with
its `app_name`); view modules declare none. Cohort ids are `cohort_id` everywhere."""

from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "DBT Training administration"
admin.site.site_title = "DBT Training admin"

urlpatterns = [
    path("", views.LandingView.as_view(), name="landing"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("courses/", include("modules.catalogue_urls")),
    path("author/", include("modules.authoring_urls")),
    path("author/", include("assessments.quizzes.authoring_urls")),
    path("author/", include("assessments.assignments.authoring_urls")),
    path("learn/", include("modules.urls")),
    path("learn/", include("assessments.quizzes.urls")),
    path("learn/", include("assessments.assignments.urls")),
    path("cohorts/", include("courses.urls")),
    path("cohorts/", include("modules.schedule_urls")),
    path("cohorts/", include("assessments.grading.urls")),
    path("cohorts/", include("assessments.grading.gradebook_urls")),
    path("cohorts/", include("assessments.grading.behind_urls")),
    path("", include("courses.join_urls")),
    path("", include("reminders.urls")),
    path("", include("assessments.completion.urls")),
    path("", include("assessments.evaluation.urls")),
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("dbt_training.users.urls")),
    # Staff sign in where the second factor is asked for: the admin's own form knows none.
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
]
