"""Views: assignments (being built)."""

urlpatterns: list = []
