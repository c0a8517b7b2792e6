"""The project's URLs (through the autosave benchmark's URLconf) plus `/__bare__`, the baseline:
a view returning a constant HttpResponse through the whole middleware stack."""

from django.urls import path

from benchmarks.autosave_urls import bare
from benchmarks.autosave_urls import urlpatterns as autosave_urlpatterns

urlpatterns = [path("__bare__", bare), *autosave_urlpatterns]
