"""The Redis cache backend the site runs on: a cache that is down is a cache that misses.

Everything kept in the cache (the public page cache, "someone has this open", the admin's language
filter, word lists) can be rebuilt, so no request may fail because Redis does: every operation that
raises a Redis or socket error is logged and answered as if the cache were empty (a read misses, a
write is dropped). Short socket timeouts (settings.py) keep a hanging Redis from stalling a page.
"""

import functools
import logging
import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("newsroom.cache")


def _tolerant(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                logger.warning("Cache unavailable, %s ignored: %s", method.__name__, error)
                return fallback(*args, **kwargs) if callable(fallback) else fallback

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _all_keys_failed(data, *args, **kwargs):
    return list(data)


def _incr_failed(key, delta=1, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (the cache is unavailable).")


_clients: dict = {}
_clients_lock = threading.Lock()


class PooledRedisCacheClient(RedisCacheClient):
    """One Redis client (and its connection pool) per server and process, shared by every thread
    and every request, like django-redis: a page-cache hit makes no new client and no new connection.
    (redis-py's pool notices a fork and opens new connections in each gunicorn worker.)"""

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        options = tuple(
            (name, repr(value))
            for name, value in sorted(self._pool_options.items())
            if name not in ("driver_info", "lib_name")
        )
        ident = (self._servers[index], options)
        client = _clients.get(ident)
        if client is None:
            with _clients_lock:
                client = _clients.get(ident)
                if client is None:
                    pool = self._pool_class.from_url(self._servers[index], **self._pool_options)
                    client = _clients[ident] = self._client(connection_pool=pool)
        return client


# Raise a number kept in Redis to ARGV[1] unless it is already higher, in one step (no other client
# can write between the read and the write). Django's Redis serializer stores an int as its digits.
_RAISE_SCRIPT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local proposed = tonumber(ARGV[1])
if proposed > current then
  redis.call('SET', KEYS[1], ARGV[1])
  return proposed
end
return current
"""


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledRedisCacheClient

    @_tolerant(None)
    def raise_to(self, key, value: int, version=None) -> int | None:
        """Keep the larger of the stored number and ``value`` under ``key`` (no expiry), atomically;
        returns the number now stored (None when Redis is unavailable)."""
        key = self.make_and_validate_key(key, version=version)
        client = self._cache.get_client(key, write=True)
        return int(client.eval(_RAISE_SCRIPT, 1, key, int(value)))

    get = _tolerant(_default)(RedisCache.get)
    get_many = _tolerant(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _tolerant(False)(RedisCache.has_key)
    set = _tolerant(None)(RedisCache.set)
    add = _tolerant(False)(RedisCache.add)
    touch = _tolerant(False)(RedisCache.touch)
    set_many = _tolerant(_all_keys_failed)(RedisCache.set_many)
    delete = _tolerant(False)(RedisCache.delete)
    delete_many = _tolerant(None)(RedisCache.delete_many)
    clear = _tolerant(False)(RedisCache.clear)
    incr = _tolerant(_incr_failed)(RedisCache.incr)
