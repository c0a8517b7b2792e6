from django.urls import path

from assessments.grading.views import behind as views

app_name = "behind"

urlpatterns = [
    path("<int:cohort_id>/behind/", views.BehindListView.as_view(), name="list"),
    path(
        "<int:cohort_id>/behind/<int:enrollment_id>/nudge/",
        views.NudgeView.as_view(),
        name="nudge",
    ),
]
