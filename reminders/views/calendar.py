"""Stub: replaced by its issue-8 part."""

from django.views import View


class RotateFeedView(View):
    pass


class FeedView(View):
    pass


class SessionIcsView(View):
    pass
