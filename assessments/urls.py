from django.urls import path

from assessments.assignments.views import authoring as assignment_authoring
from assessments.assignments.views import worksheets as assignments
from assessments.completion.views import certificates, verification
from assessments.evaluation import views as evaluation
from assessments.grading.views import behind, gradebook
from assessments.grading.views import queue as grading
from assessments.quizzes.views import authoring, player

ATTEMPT = "<int:cohort_id>/attempts/<int:attempt_id>/"

quiz_urls = (
    [
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
    ],
    "quizzes",
)

QUIZ = "courses/<slug:slug>/quizzes/<int:quiz_id>/"
QUESTION = QUIZ + "questions/<int:question_id>/"

quiz_authoring_urls = (
    [
        path(
            "courses/<slug:slug>/modules/<int:module_id>/quizzes/new/",
            authoring.QuizCreateView.as_view(),
            name="quiz_create",
        ),
        path(QUIZ, authoring.QuizEditorView.as_view(), name="quiz"),
        path(QUIZ + "settings/", authoring.QuizSettingsView.as_view(), name="quiz_settings"),
        path(QUIZ + "delete/", authoring.QuizDeleteView.as_view(), name="quiz_delete"),
        path(QUIZ + "preview/", authoring.QuizPreviewView.as_view(), name="quiz_preview"),
        path(QUIZ + "analysis/", authoring.ItemAnalysisView.as_view(), name="analysis"),
        path(QUIZ + "import/", authoring.GiftImportView.as_view(), name="gift_import"),
        path(QUIZ + "export/", authoring.GiftExportView.as_view(), name="gift_export"),
        path(
            QUIZ + "questions/new/<str:kind>/",
            authoring.QuestionFormView.as_view(),
            name="question_create",
        ),
        path(QUESTION, authoring.QuestionFormView.as_view(), name="question_edit"),
        path(QUESTION + "delete/", authoring.QuestionDeleteView.as_view(), name="question_delete"),
        path(QUESTION + "move/", authoring.QuestionMoveView.as_view(), name="question_move"),
    ],
    "quiz_authoring",
)

# Each area's views module owns its url patterns; the namespaces are mounted in dbt_training/urls.py.
assignment_urls = (assignments.urlpatterns, "assignments")  # /learn/<cohort>/assignments/...
assignment_authoring_urls = (assignment_authoring.urlpatterns, "assignment_authoring")  # /author/
grading_urls = (grading.urlpatterns, "grading")  # /cohorts/<cohort>/grading/...
gradebook_urls = (gradebook.urlpatterns, "gradebook")  # /cohorts/<cohort>/gradebook/... (+ trainee)
behind_urls = (behind.urlpatterns, "behind")  # /cohorts/<cohort>/behind/...
# Mounted at the root: their paths carry their own prefixes (/learn/…, /cohorts/…, /author/…,
# /verify/…, /certificates/…), since a certificate is the trainee's, the trainer's and the public's.
certificate_urls = (certificates.urlpatterns + verification.urlpatterns, "certificates")
evaluation_urls = (evaluation.urlpatterns, "evaluation")  # /author/courses/<slug>/evaluation/
