from django.urls import path

from assessments.quizzes.forms import GIFT, XML
from assessments.quizzes.views import authoring, bank

app_name = "quiz_authoring"

QUIZ = "courses/<slug:slug>/quizzes/<int:quiz_id>/"
QUESTION = QUIZ + "questions/<int:question_id>/"
BANK = "courses/<slug:slug>/bank/"
CATEGORY = BANK + "categories/<int:category_id>/"

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
    path(QUIZ + "import/", authoring.QuestionImportView.as_view(), name="question_import"),
    path(QUIZ + "export/", authoring.QuestionExportView.as_view(fmt=GIFT), name="gift_export"),
    path(QUIZ + "export.xml", authoring.QuestionExportView.as_view(fmt=XML), name="xml_export"),
    path(QUIZ + "draws/new/", authoring.DrawCreateView.as_view(), name="draw_create"),
    path(
        QUIZ + "draws/<int:draw_id>/delete/",
        authoring.DrawDeleteView.as_view(),
        name="draw_delete",
    ),
    path(
        QUIZ + "questions/new/<str:kind>/",
        authoring.QuestionFormView.as_view(),
        name="question_create",
    ),
    path(QUESTION, authoring.QuestionFormView.as_view(), name="question_edit"),
    path(QUESTION + "delete/", authoring.QuestionDeleteView.as_view(), name="question_delete"),
    path(QUESTION + "move/", authoring.QuestionMoveView.as_view(), name="question_move"),
    path(BANK, bank.BankView.as_view(), name="bank"),
    path(BANK + "categories/new/", bank.CategoryCreateView.as_view(), name="category_create"),
    path(CATEGORY, bank.CategoryView.as_view(), name="bank_category"),
    path(CATEGORY + "edit/", bank.CategoryUpdateView.as_view(), name="category_update"),
    path(CATEGORY + "delete/", bank.CategoryDeleteView.as_view(), name="category_delete"),
    path(CATEGORY + "import/", bank.BankImportView.as_view(), name="bank_import"),
    path(CATEGORY + "export/", bank.BankExportView.as_view(fmt=GIFT), name="bank_gift_export"),
    path(CATEGORY + "export.xml", bank.BankExportView.as_view(fmt=XML), name="bank_xml_export"),
    path(
        CATEGORY + "questions/new/<str:kind>/",
        bank.BankQuestionFormView.as_view(),
        name="bank_question_create",
    ),
    path(
        CATEGORY + "questions/<int:question_id>/",
        bank.BankQuestionFormView.as_view(),
        name="bank_question_edit",
    ),
    path(
        CATEGORY + "questions/<int:question_id>/delete/",
        bank.BankQuestionDeleteView.as_view(),
        name="bank_question_delete",
    ),
]
