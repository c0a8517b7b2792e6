"""Views: assignment_authoring (being built)."""

urlpatterns: list = []
