"""Stub: filled in by its issue-9 part."""

urlpatterns = []
