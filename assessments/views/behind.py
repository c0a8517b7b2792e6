"""Views: behind (being built)."""

urlpatterns: list = []
