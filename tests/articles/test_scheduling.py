"""Scheduled publishing: a task at the publish time, and publish_scheduled as the cron fallback."""

import io
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.tasks import task_backends
from django.utils import timezone

from articles.models import Article
from articles.workflow.services import article_schedule
from articles.workflow.tasks import publish_scheduled_article
from tests.articles.test_workflow import make_user, ready_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_user("emre", "Editor")


def overdue(minutes: int = 5, **kwargs) -> Article:
    """A scheduled article whose publish time passed while nobody was looking."""
    article = ready_draft(**kwargs)
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.SCHEDULED, published_at=timezone.now() - timedelta(minutes=minutes)
    )
    article.refresh_from_db()
    return article


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("publish_scheduled", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_scheduling_enqueues_a_task_to_run_at_the_publish_time(
    settings, editor, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    article = ready_draft()
    when = (timezone.now() + timedelta(hours=3)).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        article_schedule(article=article, by=editor, at=when)
    queued = [r for r in task_backends["default"].results if r.task.name == publish_scheduled_article.name]
    assert len(queued) == 1
    assert queued[0].task.run_after == when
    assert queued[0].kwargs == {"article_id": article.pk, "publish_at": when.isoformat()}
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_the_task_publishes_only_if_still_scheduled_for_that_time():
    article = overdue()
    stale_time = (article.published_at - timedelta(hours=1)).isoformat()
    assert publish_scheduled_article.call(article_id=article.pk, publish_at=stale_time) is False
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert publish_scheduled_article.call(article_id=article.pk, publish_at=article.published_at.isoformat())
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_the_task_does_nothing_for_an_article_taken_back_to_draft():
    article = overdue()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    assert (
        publish_scheduled_article.call(article_id=article.pk, publish_at=article.published_at.isoformat())
        is False
    )
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_the_task_waits_when_the_time_has_not_come():
    article = ready_draft()
    later = timezone.now() + timedelta(hours=1)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.SCHEDULED, published_at=later)
    assert publish_scheduled_article.call(article_id=article.pk, publish_at=later.isoformat()) is False
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_publish_scheduled_publishes_overdue_articles_once(client):
    article = overdue()
    future = ready_draft()
    Article.objects.filter(pk=future.pk).update(
        status=Article.Status.SCHEDULED, published_at=timezone.now() + timedelta(days=1)
    )
    out, _ = run("--dry-run")
    assert f"would publish: {article.slug}" in out
    assert client.get(article.get_absolute_url()).status_code == 404  # the dry run changed nothing
    out, _ = run()
    assert "Published 1" in out
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(future.get_absolute_url()).status_code == 404
    out, _ = run()
    assert "Published 0" in out  # idempotent: nothing left to do


def test_publish_scheduled_unpublishes_expired_articles(client):
    article = ready_draft()
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=2),
        unpublish_at=timezone.now() - timedelta(minutes=1),
    )
    out, _ = run()
    assert "unpublished 1 expired" in out
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 404


def test_publish_scheduled_holds_back_an_article_that_became_a_stub():
    article = overdue()
    Article.objects.filter(pk=article.pk).update(
        body="<p>This story will be expanded soon.</p>", is_stub=True
    )
    out, err = run()
    assert "held back by the publish gate" in out
    assert article.slug in err and "stub" in err
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED


def test_admin_list_shows_status_and_publish_time_in_the_newsroom_zone(admin_client):
    article = overdue(headline="Overdue story")
    page = admin_client.get("/admin/articles/article/?status__exact=scheduled").text
    assert "Overdue story" in page
    # One date format in every column, in the newsroom's zone (Tehran, +03:30): "1 Dec 2026, 18:05".
    local = timezone.localtime(article.published_at)
    assert f"{local.day} {local:%b %Y, %H:%M}" in page


def test_with_the_database_backend_the_task_waits_in_postgresql_until_the_publish_time(
    settings, editor, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    article = ready_draft()
    when = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        article_schedule(article=article, by=editor, at=when)
    queued = DBTaskResult.objects.get(task_path__endswith="publish_scheduled_article")
    assert queued.run_after == when
    assert queued.args_kwargs["kwargs"] == {"article_id": article.pk, "publish_at": when.isoformat()}


def test_rescheduling_in_the_admin_queues_a_task_for_the_new_time(
    client, settings, editor, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from tests.admin_posts import article_post

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    article = ready_draft()
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    first = (timezone.now() + timedelta(hours=1)).replace(microsecond=0)
    second = first + timedelta(hours=5)
    for when in (first, second):
        article.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, article_post(article, status="scheduled", published_at=when))
        assert response.status_code == 302
    queued = [r for r in task_backends["default"].results if r.task.name == publish_scheduled_article.name]
    assert [r.task.run_after for r in queued] == [first, second]
    # The same moments, whatever zone the form wrote them in.
    assert [datetime.fromisoformat(r.kwargs["publish_at"]) for r in queued] == [first, second]
    # The first task will find the article scheduled for another time and leave it alone
    # (test_the_task_publishes_only_if_still_scheduled_for_that_time).
