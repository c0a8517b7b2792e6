from django.urls import path

from assessments.assignments.views import worksheets as views

app_name = "assignments"

ASSIGNMENT = "<int:cohort_id>/assignments/<int:assignment_id>/"

urlpatterns = [
    path(ASSIGNMENT, views.AssignmentView.as_view(), name="assignment"),
    path(ASSIGNMENT + "save/", views.SaveDraftView.as_view(), name="save"),
    path(ASSIGNMENT + "submit/", views.SubmitView.as_view(), name="submit"),
    path(ASSIGNMENT + "file/", views.SubmissionFileView.as_view(), name="file"),
]
