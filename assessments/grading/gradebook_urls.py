from django.urls import path

from assessments.grading.views import gradebook as views

app_name = "gradebook"

urlpatterns = [
    path("<int:cohort_id>/gradebook/", views.GradebookView.as_view(), name="gradebook"),
    path(
        "<int:cohort_id>/gradebook/export.csv",
        views.GradebookExportView.as_view(),
        {"fmt": "csv"},
        name="export",
    ),
    path(
        "<int:cohort_id>/gradebook/export.xlsx",
        views.GradebookExportView.as_view(),
        {"fmt": "xlsx"},
        name="export_xlsx",
    ),
    path("<int:cohort_id>/gradebook/import/", views.GradebookImportView.as_view(), name="import"),
    path(
        "<int:cohort_id>/gradebook/history/", views.GradebookHistoryView.as_view(), name="history"
    ),
    path(
        "<int:cohort_id>/gradebook/trainees/<int:enrollment_id>/items/<str:item>/",
        views.CellOverrideView.as_view(),
        name="override",
    ),
    path("<int:cohort_id>/my-grades/", views.MyGradesView.as_view(), name="mine"),
]
