"""/readyz: may this node take readers? A real page, a writable primary, cache, storage, task queue.

/healthz stays liveness: the same broken node still answers 200 there, so an orchestrator restarts
only what is dead and the load balancer routes around what is not ready.
"""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.newsroom.ops_support import log_a_line, private_redis  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def _checks(response) -> dict:
    assert response["Content-Type"] == "application/json"
    return response.json()["checks"]


def test_ready_when_everything_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert _checks(response) == {
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "page": "ok",
        "tasks": "ok",
    }
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_not_ready_when_the_cache_server_stops(client, private_redis):  # noqa: F811
    assert client.get("/readyz").status_code == 200

    private_redis.stop()

    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert _checks(response)["cache"].startswith("unreachable")
    assert _checks(response)["database"] == "ok"
    assert client.get("/healthz").status_code == 200


def test_not_ready_on_a_read_only_database(client):
    with connection.cursor() as cursor:
        # What a demoted primary or a failover to a read-only server looks like to the app.
        cursor.execute("SET LOCAL transaction_read_only = on")

    response = client.get("/readyz")
    assert response.status_code == 503
    assert _checks(response)["database"].startswith("read-only")
    assert client.get("/healthz").status_code == 200


def test_not_ready_when_the_static_manifest_is_missing(client, settings, tmp_path):
    """Production storage without collectstatic: every page would be a 500; /healthz used to say 200."""
    settings.STATIC_ROOT = tmp_path / "empty-static-root"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    response = client.get("/readyz")
    assert response.status_code == 503
    assert "manifest" in _checks(response)["page"]
    assert client.get("/healthz").status_code == 200


def test_not_ready_when_storage_is_broken(client, settings, tmp_path):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300  # /readyz is never served from the page cache
    assert client.get("/readyz").status_code == 200

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the media directory should be")
    settings.MEDIA_ROOT = blocker / "media"

    response = client.get("/readyz")
    assert response.status_code == 503
    assert "NotADirectoryError" in _checks(response)["storage"]  # the reason, in one line
    assert "X-Page-Cache" not in response


def test_not_ready_when_tasks_wait_too_long(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NEWSROOM_READY_MAX_QUEUE_AGE = 300
    from django_tasks_db.models import DBTaskResult

    result = log_a_line.enqueue(text="waiting")
    assert client.get("/readyz").status_code == 200

    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(hours=1))

    response = client.get("/readyz")
    assert response.status_code == 503
    assert re.search(r"waited 36\d\d s \(limit 300 s\)", _checks(response)["tasks"])


def test_a_task_scheduled_for_later_is_not_late(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NEWSROOM_READY_MAX_QUEUE_AGE = 300
    from django_tasks_db.models import DBTaskResult

    result = log_a_line.using(run_after=timezone.now() + timedelta(hours=2)).enqueue(text="tomorrow")
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(days=1))

    assert client.get("/readyz").status_code == 200


def test_readyz_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/").status_code == 301
    assert client.get("/readyz").status_code == 200
