"""Views: grading (being built)."""

urlpatterns: list = []
