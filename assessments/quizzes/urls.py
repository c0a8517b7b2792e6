from django.urls import path

from assessments.quizzes.views import media, player

app_name = "quizzes"

ATTEMPT = "<int:cohort_id>/attempts/<int:attempt_id>/"

urlpatterns = [
    path("<int:cohort_id>/quizzes/<int:quiz_id>/", player.QuizView.as_view(), name="quiz"),
    path(
        "<int:cohort_id>/quizzes/<int:quiz_id>/start/",
        player.StartAttemptView.as_view(),
        name="start",
    ),
    path(ATTEMPT, player.AttemptView.as_view(), name="attempt"),
    path(
        ATTEMPT + "questions/<int:question_id>/save/",
        player.SaveAnswerView.as_view(),
        name="save",
    ),
    path(
        ATTEMPT + "questions/<int:question_id>/check/",
        player.CheckAnswerView.as_view(),
        name="check",
    ),
    path(ATTEMPT + "review/", player.ReviewView.as_view(), name="review"),
    path(
        "questions/<int:question_id>/media/<str:name>",
        media.QuestionMediaView.as_view(),
        name="question_media",
    ),
]
