"""dbt_training.cache.FailoverCache against a real Redis of the test's own: Redis while it
answers, the database table while it does not (one log line per window, not one per call),
Redis again once it is back; errors that are not about reaching Redis are not hidden."""

import logging
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from redis.exceptions import ResponseError

from dbt_training.cache import FailoverCache, _unreachable
from tests.smtp import free_port

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


def failover(location: str, **options) -> FailoverCache:
    return FailoverCache(
        location, {"KEY_PREFIX": "faults", "OPTIONS": {"RETRY_AFTER": 0.5, **options}}
    )


def table_keys() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM django_cache ORDER BY cache_key")
        return [row[0] for row in cursor.fetchall()]


def disconnect(cache: FailoverCache) -> None:
    if "_cache" in vars(cache.primary):
        for pool in cache.primary._cache._pools.values():
            pool.disconnect()


@pytest.fixture
def cache(redis_server):
    cache = failover(redis_server.url)
    yield cache
    disconnect(cache)


def test_uses_redis_while_it_answers(cache, redis_server):
    cache.set("greeting", "wise mind", 60)

    assert cache.get("greeting") == "wise mind"
    assert redis_server.client().exists("faults:1:greeting") == 1
    assert table_keys() == []


def test_every_call_goes_to_the_table_while_redis_is_down_with_one_log_line(
    cache, redis_server, caplog
):
    redis_server.kill()
    caplog.set_level(logging.INFO, logger="dbt_training.cache")
    caplog.clear()

    cache.set("a", 1, 60)
    assert cache.add("lock", True, 10) is True
    assert cache.add("lock", True, 10) is False
    assert cache.get("a") == 1
    assert cache.incr("a") == 2
    assert cache.decr("a", 2) == 0
    cache.set_many({"b": 2, "c": 3}, 60)
    assert cache.get_many(["a", "b", "c"]) == {"a": 0, "b": 2, "c": 3}
    assert cache.has_key("b") and "c" in cache
    assert cache.touch("b", 120) is True
    assert cache.delete("lock") is True
    cache.delete_many(["b", "c"])
    assert cache.get_or_set("d", lambda: "computed", 60) == "computed"
    assert table_keys() == ["faults:1:a", "faults:1:d"]

    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Cache redis://127.0.0.1:{redis_server.port}/0 unreachable")
    assert "using the database cache for 0.5 s" in lines[0]


def test_back_on_redis_once_it_answers_again(cache, redis_server, caplog):
    redis_server.kill()
    cache.set("during", "outage", 60)
    redis_server.start()
    caplog.set_level(logging.INFO, logger="dbt_training.cache")
    caplog.clear()

    cache.set("inside-the-window", 1, 60)  # still within RETRY_AFTER: the table
    time.sleep(0.6)
    cache.set("after", "outage", 60)

    assert redis_server.client().exists("faults:1:after") == 1
    assert table_keys() == ["faults:1:during", "faults:1:inside-the-window"]
    assert [r.getMessage() for r in caplog.records] == [
        f"Cache redis://127.0.0.1:{redis_server.port}/0 answers again; back from the database."
    ]


def test_clear_clears_the_store_in_use(cache, redis_server):
    cache.set("in-redis", 1, 60)
    cache.clear()
    assert redis_server.client().dbsize() == 0

    redis_server.kill()
    cache.set("in-the-table", 1, 60)
    cache.clear()
    assert table_keys() == []


def test_an_error_that_is_not_about_reaching_redis_is_raised(cache, redis_server):
    redis_server.client().lpush("faults:1:a-list", "x")  # WRONGTYPE for a GET

    with pytest.raises(ResponseError, match="WRONGTYPE"):
        cache.get("a-list")
    assert table_keys() == []


@pytest.mark.parametrize(
    ("message", "unreachable"),
    [
        ("MISCONF Redis is configured to save RDB snapshots, but it's currently unable", True),
        ("WRONGTYPE Operation against a key holding the wrong kind of value", False),
    ],
)
def test_a_redis_that_cannot_persist_counts_as_unreachable(message, unreachable):
    assert _unreachable(ResponseError(message)) is unreachable


def test_the_log_line_leaves_the_password_out(caplog):
    cache = failover(f"redis://:s3cret-pw@127.0.0.1:{free_port()}/0")
    caplog.set_level(logging.WARNING, logger="dbt_training.cache")

    assert cache.get("anything", "default") == "default"

    assert "s3cret-pw" not in caplog.text
    assert "redis://127.0.0.1:" in caplog.text


def test_an_unknown_option_stops_startup():
    with pytest.raises(ImproperlyConfigured, match="does not know the OPTIONS RETRY_AFTR"):
        FailoverCache("redis://127.0.0.1:6379/0", {"OPTIONS": {"RETRY_AFTR": 5}})
