from django.urls import path

from modules.views import catalogue

app_name = "catalogue"

urlpatterns = [
    path("", catalogue.CatalogueView.as_view(), name="list"),
    path("<slug:slug>/", catalogue.CourseDetailView.as_view(), name="course"),
]
