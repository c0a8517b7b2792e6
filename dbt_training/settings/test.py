"""Fast settings for the test suite: the base settings plus cheaper hashing and a local outbox.

DATABASE_URL and REDIS_URL still apply, so the same suite runs on PostgreSQL and Redis in CI.
"""

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests run what production runs: mandatory email verification.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# Tasks run inline unless a test starts a real worker against Redis (tests/test_celery.py).
CELERY_TASK_ALWAYS_EAGER = True
if not REDIS_URL:
    # Per-process cache: each test starts with empty rate-limit counters (see conftest).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {"default": {**CACHES["default"], "KEY_PREFIX": "dbt-test"}}
SITE_URL = "http://testserver"
