"""A rendition task that fails because the bucket is briefly gone (a real outage of the moto server's
bucket, not a stand-in for our code) is tried again later, with a growing delay, a limited number
of times; the last failure is logged. Tasks are queued in PostgreSQL (django-tasks-db), as in
production, and run the way ``db_worker`` runs them."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.images.renditions import enqueue_renditions
from articles.models import Image
from tests.images import upload
from tests.media.conftest import run_ready_tasks

pytestmark = pytest.mark.django_db

TASK = "articles.images.tasks.make_image_renditions"


@pytest.fixture
def queued_in_postgres(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NEWSROOM_TASK_RETRY_SECONDS = 30


def time_passes(row: DBTaskResult) -> None:
    """The retry's time has come (instead of sleeping through the backoff)."""
    DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now() - timedelta(seconds=1))


def test_a_rendition_task_failing_during_a_storage_outage_is_retried_later_and_succeeds(
    s3_media, queued_in_postgres, django_capture_on_commit_callbacks, caplog
):
    image = Image.objects.create(file=upload("quake.jpg", "JPEG", (900, 500)), alt_text="Rubble")
    held = s3_media.empty_and_remove()  # the storage is unavailable when the worker gets the task
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_renditions(image)
    assert run_ready_tasks() == 1
    first = DBTaskResult.objects.get(task_path=TASK, status="FAILED")
    assert first.exception_class_path == "builtins.FileNotFoundError"  # what the worker saw
    retry = DBTaskResult.objects.get(task_path=TASK, status="READY")
    assert retry.args_kwargs["kwargs"] == {"image_id": image.pk, "attempt": 2}
    waited = (retry.run_after - first.finished_at).total_seconds()
    assert 28 <= waited <= 30
    assert "Renditions of image" in caplog.text and "attempt 1 of 5" in caplog.text
    assert run_ready_tasks() == 0  # not before its time
    assert not image.renditions.exists()

    s3_media.recreate(held)  # the bucket is back
    time_passes(retry)
    assert run_ready_tasks() == 1
    retry.refresh_from_db()
    assert retry.status == "SUCCESSFUL"
    assert image.renditions.count() == 8
    assert set(image.renditions.values_list("file", flat=True)) == set(s3_media.keys("renditions/"))
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_a_rendition_task_gives_up_after_its_attempts_and_logs_the_last_failure(
    s3_media, queued_in_postgres, settings, django_capture_on_commit_callbacks, caplog
):
    settings.NEWSROOM_TASK_ATTEMPTS = 3
    image = Image.objects.create(file=upload("quake.jpg", "JPEG", (900, 500)), alt_text="Rubble")
    s3_media.empty_and_remove()  # and it never comes back
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_renditions(image)
    waits = []
    for _attempt in range(5):
        assert run_ready_tasks() == 1
        failed = DBTaskResult.objects.filter(status="FAILED").latest("finished_at")
        retry = DBTaskResult.objects.filter(status="READY").first()
        if retry is None:
            break
        waits.append(round((retry.run_after - failed.finished_at).total_seconds()))
        time_passes(retry)
    assert DBTaskResult.objects.filter(task_path=TASK, status="FAILED").count() == 3
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert waits == [30, 60]  # the delay doubles
    errors = [r for r in caplog.records if r.name == "newsroom.tasks" and r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert f"Renditions of image {image.pk} failed for good after 3 attempts" in errors[0].getMessage()
    assert errors[0].exc_info is not None


def test_with_the_immediate_backend_a_failure_is_logged_at_once(s3_media, caplog):
    image = Image.objects.create(file=upload("quake.jpg", "JPEG", (600, 400)), alt_text="Rubble")
    s3_media.empty_and_remove()
    from articles.images.tasks import make_image_renditions

    result = make_image_renditions.enqueue(image_id=image.pk)
    assert result.status == "FAILED"
    assert f"Renditions of image {image.pk} failed for good after 1 attempt:" in caplog.text
