from django.urls import path

from modules.views import schedule

app_name = "schedule"

urlpatterns = [
    path("<int:cohort_id>/schedule/", schedule.CohortScheduleView.as_view(), name="cohort"),
]
