from django.urls import path

from modules.views import learn

app_name = "learn"

urlpatterns = [
    path("<int:cohort_id>/", learn.CohortHomeView.as_view(), name="cohort"),
    path("<int:cohort_id>/lessons/<int:lesson_id>/", learn.LessonView.as_view(), name="lesson"),
    path(
        "<int:cohort_id>/files/<int:attachment_id>/",
        learn.AttachmentView.as_view(),
        name="attachment",
    ),
    path(
        "<int:cohort_id>/lessons/<int:lesson_id>/complete/",
        learn.CompleteLessonView.as_view(),
        name="complete",
    ),
]
