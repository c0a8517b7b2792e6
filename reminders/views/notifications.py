"""Stub: replaced by its issue-8 part."""

from django.views import View


class NotificationListView(View):
    pass


class MarkReadView(View):
    pass


class OpenNotificationView(View):
    pass
