"""Shared pieces of the operations tests: free ports, a private Redis, database URLs, test tasks."""

import logging
import shutil
import socket
import subprocess
import time
from urllib.parse import quote

import pytest
from django.tasks import task

logger = logging.getLogger("tests.ops")


@task
def log_a_line(*, text: str) -> str:
    """A task whose log line should carry the id of the request that queued it."""
    logger.warning("task says %s", text)
    return text


@task
def always_fails() -> None:
    raise RuntimeError("this task always fails")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(settings_dict: dict, name: str | None = None) -> str:
    """A DATABASE_URL for a subprocess reaching the same server (TCP or the embedded server's socket)."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{quote(password, safe='')}@" if password else (f"{user}@" if user else "")
    host = quote(settings_dict.get("HOST") or "", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{name or settings_dict['NAME']}"


class PrivateRedis:
    """A redis-server of the test's own on a free loopback port (never the shared one on 6379)."""

    def __init__(self):
        self.port = free_port()
        no_disk = ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", *no_disk],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("the private redis-server did not start")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def private_redis(settings):
    """The default cache on a private Redis; the test may stop it. The old cache comes back after."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    original = settings.CACHES
    server = PrivateRedis()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": server.url}
    }
    yield server
    settings.CACHES = original
    server.stop()
