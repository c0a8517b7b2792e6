"""Settings of the load harness's gunicorn: the project's own settings as the environment makes
them (the harness sets DJANGO_PRODUCTION=true), the autosave benchmark's URLconf extended with
`/__bare__`, and one middleware that counts each request's queries into an `X-Queries` header."""

from benchmarks.autosave_settings import *  # noqa: F403
from benchmarks.autosave_settings import MIDDLEWARE

ROOT_URLCONF = "benchmarks.load.urls"
# Outermost, so the session and authentication middleware's queries are counted too.
MIDDLEWARE = ["benchmarks.load.middleware.query_count", *MIDDLEWARE]
