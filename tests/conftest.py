import os
import re
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.core.cache import cache

from dbt_training.celery import app as celery_app
from dbt_training.users.roles import Role
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from that
# thread (fixtures, assertions) are still synchronous, so its async-safety guard must stand aside.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def worker_redis_url(url: str, worker: str) -> str:
    """The Redis database of one pytest-xdist worker: gw0 keeps REDIS_URL's own database, gwN
    takes N more. The tests flush their database (cache.clear()) and Celery's broadcasts stay in
    it, so two workers must never share one. Each worker gets its own test database from
    pytest-django the same way (a _gwN suffix)."""
    index = int(re.fullmatch(r"gw(\d+)", worker).group(1))
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{base + index}"))


if settings.REDIS_URL and os.environ.get("PYTEST_XDIST_WORKER"):
    # Runs when this conftest is imported: after Django read its settings, before any test, any
    # cache connection or the Celery app's first look at its configuration.
    _url = worker_redis_url(settings.REDIS_URL, os.environ["PYTEST_XDIST_WORKER"])
    settings.REDIS_URL = settings.CELERY_BROKER_URL = _url
    settings.CACHES["default"]["LOCATION"] = _url
    celery_app.conf.broker_url = _url


def pytest_make_parametrize_id(config, val, argname):
    """Byte strings are named by their first four bytes and their length. Every xdist worker
    collects the tests itself and all must name them alike, but bytes made at import time can
    hold the time (a zip's entries are stamped with it)."""
    if isinstance(val, bytes):
        return f"{repr(val[:4])[2:-1]}...{len(val)}B"
    return None


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
def admin_user(db, django_user_model, django_username_field):
    """pytest-django's superuser (behind `admin_client`), with the second factor every staff
    account has."""
    return UserFactory(
        email="admin@example.com",
        full_name="Admin",
        password="password",
        is_staff=True,
        is_superuser=True,
    )


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


@pytest.fixture
def unreachable_broker():
    """Celery pointed at a port nothing listens on, tasks no longer run inline: queueing fails
    at once, as when Redis is down. Restored afterwards."""
    from dbt_training.celery import app

    names = ("task_always_eager", "broker_url", "task_publish_retry", "broker_connection_timeout")
    before = {name: app.conf[name] for name in names}
    app.conf.update(
        task_always_eager=False,
        broker_url="redis://127.0.0.1:9/0",
        task_publish_retry=False,
        broker_connection_timeout=1,
    )
    reset_connections(app)
    try:
        yield
    finally:
        app.conf.update(before)
        reset_connections(app)


def reset_connections(app) -> None:
    """Drop the app's broker connections and producers, which remember the broker they were
    made for (even eager tasks take a producer from the pool in Celery 5.7)."""
    from kombu import pools

    pools.reset()  # kombu's registries hand out pools by broker; clear them all
    app._pool = None
    app.amqp._producer_pool = None
