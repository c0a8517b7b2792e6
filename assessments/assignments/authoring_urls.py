from django.urls import path

from assessments.assignments.views import authoring as views

app_name = "assignment_authoring"

COURSE = "courses/<slug:slug>/"
ASSIGNMENT = COURSE + "assignments/<int:assignment_id>/"
RUBRIC = COURSE + "rubrics/<int:rubric_id>/"
CRITERION = RUBRIC + "criteria/<int:criterion_id>/"

urlpatterns = [
    path(
        COURSE + "modules/<int:module_id>/assignments/new/",
        views.AssignmentCreateView.as_view(),
        name="assignment_create",
    ),
    path(ASSIGNMENT, views.AssignmentView.as_view(), name="assignment"),
    path(ASSIGNMENT + "delete/", views.AssignmentDeleteView.as_view(), name="assignment_delete"),
    path(ASSIGNMENT + "move/", views.AssignmentMoveView.as_view(), name="assignment_move"),
    path(COURSE + "rubrics/", views.RubricListView.as_view(), name="rubrics"),
    path(RUBRIC, views.RubricView.as_view(), name="rubric"),
    path(RUBRIC + "delete/", views.RubricDeleteView.as_view(), name="rubric_delete"),
    path(RUBRIC + "criteria/new/", views.CriterionFormView.as_view(), name="criterion_create"),
    path(CRITERION, views.CriterionFormView.as_view(), name="criterion"),
    path(CRITERION + "delete/", views.CriterionDeleteView.as_view(), name="criterion_delete"),
    path(CRITERION + "move/", views.CriterionMoveView.as_view(), name="criterion_move"),
    path(COURSE + "gradebook-weights/", views.GradebookWeightsView.as_view(), name="weights"),
]
