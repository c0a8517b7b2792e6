"""The cache with Redis in front and the database behind it: pages never depend on Redis.

`FailoverCache` sends every call to Redis; when Redis cannot be reached (refused, timed out,
loading, read-only, out of memory, unable to persist) the same call goes to the database cache
table instead (`django_cache`, created by `dbt_training/users/migrations/0003_cache_table.py`),
with a warning in the log. For `RETRY_AFTER` seconds after a failure every call of this process
goes straight to the database, so an outage costs one failed connection per process per window,
not one per call; then Redis is tried again, and its return is logged.

A fail-soft cache (a miss on every read, writes dropped) would not do: allauth's rate limits
take a lock with `cache.add` and refuse the request when they cannot, so a cache that says no
to everything refuses every login. On the database they keep working and keep limiting.
Entries written during an outage stay in the table until they expire; the rate-limit counters
then live in two places for one window, which at most doubles what one client gets in that
window.

Sessions do not use the cache at all (``SESSION_ENGINE`` is the database engine, see
settings): a session cached in Redis could outlive a sign-out made while Redis was down.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from redis import exceptions as redis_errors

logger = logging.getLogger(__name__)

# The table dbt_training/users/migrations/0003_cache_table.py creates (the embedded default's
# DatabaseCache in settings uses it too).
CACHE_TABLE = "django_cache"

_UNREACHABLE = (
    redis_errors.ConnectionError,  # refused, reset, DNS, BusyLoadingError, MaxConnectionsError
    redis_errors.TimeoutError,
    redis_errors.ReadOnlyError,  # a replica after a failover
    redis_errors.OutOfMemoryError,  # maxmemory reached with a noeviction policy
    OSError,
)

# Process-wide (the per-thread cache objects share it): primary location -> retry after this
# time.monotonic().
_down_until: dict[str, float] = {}

_SHARED_PARAMS = ("TIMEOUT", "KEY_PREFIX", "VERSION", "KEY_FUNCTION")


def _unreachable(error: Exception) -> bool:
    if isinstance(error, _UNREACHABLE):
        return True
    # "MISCONF … unable to persist to disk": Redis refuses every write until its disk recovers.
    return isinstance(error, redis_errors.ResponseError) and str(error).startswith("MISCONF")


class FailoverCache(BaseCache):
    """LOCATION is the primary's (a Redis URL). OPTIONS, all optional:

    - ``PRIMARY``: the primary backend (Django's ``RedisCache``);
    - ``PRIMARY_OPTIONS``: its OPTIONS; by default a 1 s connect and 2 s read timeout, so a
      Redis host that stops answering costs a request at most that, once per window;
    - ``FALLBACK`` / ``FALLBACK_LOCATION`` / ``FALLBACK_OPTIONS``: the fallback (Django's
      ``DatabaseCache`` on ``django_cache``, up to 10,000 entries before culling);
    - ``RETRY_AFTER``: seconds to stay on the fallback after a failure (5).

    TIMEOUT, KEY_PREFIX, VERSION and KEY_FUNCTION apply to both stores.
    """

    def __init__(self, location, params):
        super().__init__(params)
        options = dict(params.get("OPTIONS") or {})
        shared = {name: params[name] for name in _SHARED_PARAMS if name in params}
        self._location = location
        self._retry_after = float(options.pop("RETRY_AFTER", 5))
        primary = import_string(
            options.pop("PRIMARY", "django.core.cache.backends.redis.RedisCache")
        )
        primary_options = options.pop(
            "PRIMARY_OPTIONS", {"socket_connect_timeout": 1, "socket_timeout": 2}
        )
        fallback = import_string(
            options.pop("FALLBACK", "django.core.cache.backends.db.DatabaseCache")
        )
        fallback_location = options.pop("FALLBACK_LOCATION", CACHE_TABLE)
        fallback_options = options.pop("FALLBACK_OPTIONS", {"MAX_ENTRIES": 10_000})
        if options:
            raise ImproperlyConfigured(
                f"FailoverCache does not know the OPTIONS {', '.join(sorted(options))}."
            )
        self.primary = primary(location, {**shared, "OPTIONS": primary_options})
        self.fallback = fallback(fallback_location, {**shared, "OPTIONS": fallback_options})

    def _call(self, method: str, *args, **kwargs):
        down_until = _down_until.get(self._location)
        if down_until is not None and time.monotonic() < down_until:
            return getattr(self.fallback, method)(*args, **kwargs)
        try:
            result = getattr(self.primary, method)(*args, **kwargs)
        except Exception as error:
            if not _unreachable(error):
                raise
            _down_until[self._location] = time.monotonic() + self._retry_after
            logger.warning(
                "Cache %s unreachable (%s: %s); using the database cache for %g s.",
                self._safe_location(),
                error.__class__.__name__,
                error,
                self._retry_after,
            )
            return getattr(self.fallback, method)(*args, **kwargs)
        if down_until is not None and _down_until.pop(self._location, None) is not None:
            logger.info("Cache %s answers again; back from the database.", self._safe_location())
        return result

    def _safe_location(self) -> str:
        """The location without a password, for the log."""
        scheme, sep, rest = str(self._location).rpartition("://")
        return f"{scheme}{sep}{rest.rpartition('@')[2]}"

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout=timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default=default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout=timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout=timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta=delta, version=version)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", key, delta=delta, version=version)

    def clear(self):
        """Clears the store in use: Redis, or the table while Redis is down."""
        return self._call("clear")

    def close(self, **kwargs):
        self.primary.close(**kwargs)
        self.fallback.close(**kwargs)
