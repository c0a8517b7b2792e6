from django.urls import path

from assessments.evaluation import views

app_name = "evaluation"

EVALUATION = "author/courses/<slug:slug>/evaluation/<int:quiz_id>/"

urlpatterns = [
    path(EVALUATION, views.ReportView.as_view(), name="report"),
    path(
        EVALUATION + "objective-items/",
        views.ObjectiveItemsView.as_view(),
        name="objective_items",
    ),
    path(
        EVALUATION + "report.csv",
        views.ReportExportView.as_view(),
        {"fmt": "csv"},
        name="report_csv",
    ),
    path(
        EVALUATION + "report.xlsx",
        views.ReportExportView.as_view(),
        {"fmt": "xlsx"},
        name="report_xlsx",
    ),
]
