"""Stub: replaced by its issue-8 part."""

from django.views import View


class SettingsView(View):
    pass


class UnsubscribeView(View):
    pass
