from django.urls import path

from modules.views import authoring

app_name = "authoring"

COURSE = "courses/<slug:slug>/"
MODULE = COURSE + "modules/<int:module_id>/"
LESSON = MODULE + "lessons/<int:lesson_id>/"

urlpatterns = [
    path("", authoring.AuthoringHomeView.as_view(), name="home"),
    path("preview-markdown/", authoring.MarkdownPreviewView.as_view(), name="markdown_preview"),
    path("courses/new/", authoring.CourseCreateView.as_view(), name="course_create"),
    path("courses/import/", authoring.CourseImportView.as_view(), name="course_import"),
    path(COURSE, authoring.CourseEditorView.as_view(), name="course"),
    path(COURSE + "details/", authoring.CourseDetailsView.as_view(), name="course_details"),
    path(COURSE + "publish/", authoring.CoursePublishView.as_view(), name="course_publish"),
    path(COURSE + "unpublish/", authoring.CourseUnpublishView.as_view(), name="course_unpublish"),
    path(COURSE + "duplicate/", authoring.CourseDuplicateView.as_view(), name="course_duplicate"),
    path(COURSE + "export/", authoring.CourseExportView.as_view(), name="course_export"),
    path(COURSE + "preview/", authoring.CoursePreviewView.as_view(), name="course_preview"),
    path(
        COURSE + "preview/lessons/<int:lesson_id>/",
        authoring.LessonPreviewView.as_view(),
        name="lesson_preview",
    ),
    path(
        COURSE + "attachments/<int:attachment_id>/",
        authoring.AttachmentDownloadView.as_view(),
        name="attachment_download",
    ),
    path(COURSE + "modules/new/", authoring.ModuleFormView.as_view(), name="module_create"),
    path(MODULE, authoring.ModuleFormView.as_view(), name="module_edit"),
    path(MODULE + "delete/", authoring.ModuleDeleteView.as_view(), name="module_delete"),
    path(MODULE + "move/", authoring.ModuleMoveView.as_view(), name="module_move"),
    path(MODULE + "lessons/new/", authoring.LessonFormView.as_view(), name="lesson_create"),
    path(LESSON, authoring.LessonFormView.as_view(), name="lesson_edit"),
    path(LESSON + "delete/", authoring.LessonDeleteView.as_view(), name="lesson_delete"),
    path(LESSON + "move/", authoring.LessonMoveView.as_view(), name="lesson_move"),
    path(LESSON + "attachments/", authoring.AttachmentAddView.as_view(), name="attachment_add"),
    path(
        LESSON + "attachments/<int:attachment_id>/delete/",
        authoring.AttachmentDeleteView.as_view(),
        name="attachment_delete",
    ),
]
