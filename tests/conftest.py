import os

import pytest
from django.conf import settings
from django.core.cache import cache

from dbt_training.users.roles import Role
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from that
# thread (fixtures, assertions) are still synchronous, so its async-safety guard must stand aside.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def needs(reason: str) -> None:
    """Skip a test whose service is missing, except in CI, where a missing service is a failure."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must run this test, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def redis_url() -> str:
    if not settings.REDIS_URL:
        needs("REDIS_URL is not set (run with REDIS_URL=redis://127.0.0.1:6379/1)")
    return settings.REDIS_URL


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth's rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password() -> str:
    return "a-Long-passphrase-42"


@pytest.fixture
def trainee(db, password):
    return UserFactory(email="dana@example.org", full_name="Dana Rivera", password=password)


@pytest.fixture
def other_trainee(db, password):
    return UserFactory(email="sam@example.org", full_name="Sam Okafor", password=password)


@pytest.fixture
def trainer(db, password):
    return UserFactory(
        email="terry@example.org",
        full_name="Terry Chen",
        password=password,
        roles=[Role.TRAINER],
    )


@pytest.fixture
def enrollment_admin(db, password):
    return UserFactory(
        email="alex@example.org",
        full_name="Alex Moreau",
        password=password,
        roles=[Role.ENROLLMENT_ADMIN],
        is_staff=True,
    )


@pytest.fixture
def trainee_client(client, trainee):
    client.force_login(trainee)
    return client
