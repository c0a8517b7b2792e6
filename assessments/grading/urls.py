from django.urls import path

from assessments.grading.views import queue as views

app_name = "grading"

GRADING = "<int:cohort_id>/grading/"

urlpatterns = [
    path(GRADING, views.QueueView.as_view(), name="queue"),
    path(
        GRADING + "submissions/<int:submission_id>/",
        views.SubmissionGradingView.as_view(),
        name="submission",
    ),
    path(
        GRADING + "submissions/<int:submission_id>/file/",
        views.SubmissionFileView.as_view(),
        name="submission_file",
    ),
    path(GRADING + "essays/<int:response_id>/", views.EssayGradingView.as_view(), name="essay"),
    path(GRADING + "release/", views.ReleaseView.as_view(), name="release"),
    path(
        GRADING + "grades/<int:grade_id>/release/",
        views.ReleaseOneView.as_view(),
        name="release_one",
    ),
]
