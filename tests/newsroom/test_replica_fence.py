"""The replica fence (the primary's WAL position at the last change to public content) may only move
forward, however many processes record a change at once: a fence moved back would let a node cache a
page read from a replica that had not yet replayed the change (docs/deployment.md, read replicas)."""

import multiprocessing
import random
import threading

import pytest
from django.core.cache import cache

from newsroom import db_router
from newsroom.file_cache import SharedFileCache
from newsroom.tolerant_cache import TolerantRedisCache
from tests.newsroom.ops_support import PrivateRedis


def _race(raise_to, values, threads=8):
    random.Random(7).shuffle(values)
    start = threading.Barrier(threads)
    chunks = [values[i::threads] for i in range(threads)]

    def work(chunk):
        start.wait()
        for value in chunk:
            raise_to(value)

    workers = [threading.Thread(target=work, args=(chunk,)) for chunk in chunks]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def test_on_redis_concurrent_raises_keep_the_highest_position():
    server = PrivateRedis()
    try:
        redis_cache = TolerantRedisCache(server.url, {"KEY_PREFIX": "newsroom"})
        _race(lambda value: redis_cache.raise_to("fence", value), list(range(1, 2001)))
        assert redis_cache.get("fence") == 2000
        assert redis_cache.raise_to("fence", 5) == 2000  # an older position never moves it back
        assert redis_cache.get("fence") == 2000
    finally:
        server.stop()


def test_redis_down_is_no_error_for_the_editor_who_saved():
    server = PrivateRedis()
    redis_cache = TolerantRedisCache(
        server.url, {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}
    )
    server.stop()
    assert redis_cache.raise_to("fence", 10) is None


def _raise_many(location, values):
    file_cache = SharedFileCache(location, {})
    for value in values:
        file_cache.raise_to("fence", value)


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_in_the_file_cache_processes_raising_at_once_keep_the_highest_position(tmp_path):
    values = list(range(1, 801))
    random.Random(3).shuffle(values)
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_raise_many, args=(str(tmp_path), values[i::4])) for i in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    assert SharedFileCache(str(tmp_path), {}).get("fence") == 800


@pytest.mark.django_db
def test_recording_a_change_never_moves_the_fence_back(monkeypatch):
    monkeypatch.setattr(db_router, "replica_aliases", lambda: ["replica1"])
    cache.delete(db_router.FENCE_KEY)
    db_router.note_change_position()
    position = cache.get(db_router.FENCE_KEY)
    assert isinstance(position, int) and position > 0  # the primary's real WAL position
    cache.set(db_router.FENCE_KEY, position + 10**9, timeout=None)  # a later change, recorded first
    db_router.note_change_position()
    assert cache.get(db_router.FENCE_KEY) == position + 10**9
    cache.delete(db_router.FENCE_KEY)
