"""Stub: replaced by its issue-8 part."""

from django.views import View


class CohortRemindersView(View):
    pass
