"""Redis goes down while an editor works: the admin keeps working and the save is stored.

A private ``redis-server`` on a free loopback port (never the shared one) is the cache, configured
as the site configures it (``newsroom.tolerant_cache.TolerantRedisCache``); it is stopped halfway.
"""

import shutil
import socket
import subprocess
import time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from articles.models import Article
from tests.admin_posts import article_post
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.django_db(transaction=False),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def private_redis(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield server, port
    if server.poll() is None:
        server.terminate()
        server.wait(5)


def test_the_admin_works_and_saves_while_redis_is_down(client, private_redis):
    server, port = private_redis
    caches = {
        "default": {
            "BACKEND": "newsroom.tolerant_cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "test-authz",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    editor = User.objects.create_superuser("sara", password=None, first_name="Sara")
    client.force_login(editor)
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, language="en")
    change = reverse("admin:articles_article_change", args=[article.pk])
    with override_settings(CACHES=caches):
        # With Redis up, the change form really uses it: the "has this open" note is stored there.
        assert client.get(change).status_code == 200
        assert cache.get(f"presence:articles.article:{article.pk}")
        server.terminate()
        server.wait(5)
        assert cache.get(f"presence:articles.article:{article.pk}") is None  # down: every read misses

        page = client.get(change)
        assert page.status_code == 200 and article.headline in page.text
        article.refresh_from_db()
        saved = client.post(change, article_post(article, headline="Saved while the cache was down"))
        assert saved.status_code == 302
        article.refresh_from_db()
        assert article.headline == "Saved while the cache was down"

        listing = client.get(
            reverse("admin:articles_article_changelist"), {"language": "en", "status": "draft"}
        )
        assert listing.status_code == 200
        assert "Saved while the cache was down" in listing.text
        assert client.get(reverse("admin:articles_quote_changelist")).status_code == 200
