from django.urls import path

from assessments.quizzes.views import authoring

app_name = "quiz_authoring"

QUIZ = "courses/<slug:slug>/quizzes/<int:quiz_id>/"
QUESTION = QUIZ + "questions/<int:question_id>/"

urlpatterns = [
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
]
