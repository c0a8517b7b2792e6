"""Views: gradebook (being built)."""

urlpatterns: list = []
