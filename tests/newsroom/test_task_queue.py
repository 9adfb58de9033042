"""The task table with several workers: every task retries, a task whose worker died runs again,
finished results are pruned. Tasks are queued in PostgreSQL (django-tasks-db) as in production."""

import importlib
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.tasks import Task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import ArticleFactory
from tests.media.conftest import run_ready_tasks

pytestmark = pytest.mark.django_db

TASK_MODULES = [
    "articles.tasks",
    "articles.related.tasks",
    "articles.workflow.tasks",
    "articles.images.tasks",
]


@pytest.fixture
def queued_in_postgres(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_every_task_of_ours_retries_after_a_failure():
    tasks = [
        value
        for name in TASK_MODULES
        for value in vars(importlib.import_module(name)).values()
        if isinstance(value, Task) and value.func.__module__ == name
    ]
    assert len(tasks) >= 6
    assert [t.name for t in tasks if not getattr(t.func, "newsroom_retrying", False)] == []


def _queued_refresh(article) -> DBTaskResult:
    from articles.related.tasks import refresh_related

    result = refresh_related.enqueue(article_id=article.pk)
    return DBTaskResult.objects.get(pk=result.id)


def _worker_died(row: DBTaskResult, *, minutes_ago: int, claims: int = 1) -> None:
    for number in range(claims):
        row.claim(f"worker-{number}")
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - timedelta(minutes=minutes_ago))


def test_a_task_left_running_by_a_dead_worker_runs_again_on_another(queued_in_postgres, capsys):
    article = ArticleFactory()
    stale, busy = _queued_refresh(article), _queued_refresh(article)
    _worker_died(stale, minutes_ago=45)
    _worker_died(busy, minutes_ago=2)  # still being worked on

    call_command("requeue_stale_tasks", "--older-than", "30m")

    assert "1 stale task(s) queued again" in capsys.readouterr().out
    stale.refresh_from_db()
    busy.refresh_from_db()
    assert (stale.status, busy.status) == ("READY", "RUNNING")
    assert run_ready_tasks() == 1
    stale.refresh_from_db()
    assert stale.status == "SUCCESSFUL"
    assert stale.worker_ids == ["worker-0", "test-worker"]


def test_a_task_that_keeps_killing_its_worker_is_given_up(queued_in_postgres, settings):
    settings.NEWSROOM_TASK_ATTEMPTS = 3
    row = _queued_refresh(ArticleFactory())
    _worker_died(row, minutes_ago=60, claims=3)

    call_command("requeue_stale_tasks", "--older-than", "30m")

    row.refresh_from_db()
    assert row.status == "FAILED"
    assert row.exception_class_path == "newsroom.task_queue.StaleTaskError"
    assert "disappeared 3 times" in row.traceback


def test_the_default_stale_age_is_the_setting(queued_in_postgres, settings):
    settings.NEWSROOM_TASK_STALE_SECONDS = 600
    row = _queued_refresh(ArticleFactory())
    _worker_died(row, minutes_ago=11)
    call_command("requeue_stale_tasks")
    row.refresh_from_db()
    assert row.status == "READY"


def test_prune_deletes_only_finished_results_older_than_asked(queued_in_postgres, capsys):
    article = ArticleFactory()
    old_done, old_failed, recent, waiting = (_queued_refresh(article) for _ in range(4))
    long_ago = timezone.now() - timedelta(days=20)
    DBTaskResult.objects.filter(pk=old_done.pk).update(status="SUCCESSFUL", finished_at=long_ago)
    DBTaskResult.objects.filter(pk=old_failed.pk).update(status="FAILED", finished_at=long_ago)
    DBTaskResult.objects.filter(pk=recent.pk).update(status="SUCCESSFUL", finished_at=timezone.now())

    call_command("prune_tasks", "--older-than", "14d")

    assert "2 finished task result(s) deleted" in capsys.readouterr().out
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}


@pytest.mark.parametrize("command", ["prune_tasks", "requeue_stale_tasks"])
def test_a_duration_that_is_not_one_is_refused(command):
    with pytest.raises(CommandError, match="not a duration"):
        call_command(command, "--older-than", "soon")
