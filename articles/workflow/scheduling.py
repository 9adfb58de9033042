"""Scheduled publishing: a django.tasks task at each publish time, and a cron fallback.

The task is enqueued with ``run_after`` at the publish time when the task backend can defer
(django-tasks-db in production). ``publish_due`` is what ``manage.py publish_scheduled`` runs
every minute: it publishes everything overdue and unpublishes what has expired, so a lost task,
a stopped worker or the immediate backend never leave a story unpublished.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from articles.models import Article


def enqueue_scheduled_publish(article: Article) -> None:
    """After commit, queue the publish task to run at the article's publish time (if deferrable)."""
    from articles.workflow.tasks import publish_scheduled_article

    if not publish_scheduled_article.get_backend().supports_defer:
        return  # the cron fallback (publish_scheduled) publishes it
    article_id, when = article.pk, article.published_at

    def enqueue() -> None:
        publish_scheduled_article.using(run_after=when).enqueue(
            article_id=article_id, publish_at=when.isoformat()
        )

    transaction.on_commit(enqueue)


def publish_if_still_scheduled(*, article_id: int, publish_at: str) -> bool:
    """The task body: publish only if the article is still scheduled for exactly that time."""
    from articles.workflow.services import article_publish_due

    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return False
    return article_publish_due(article=article, expected_at=datetime.fromisoformat(publish_at)) is not None


@dataclass
class DueReport:
    published: list[Article] = field(default_factory=list)
    unpublished: list[Article] = field(default_factory=list)
    held: list[tuple[Article, list[str]]] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        verb = "Would publish" if self.dry_run else "Published"
        verb2 = "would unpublish" if self.dry_run else "unpublished"
        text = f"{verb} {len(self.published)}, {verb2} {len(self.unpublished)} expired"
        if self.held:
            text += f"; {len(self.held)} held back by the publish gate"
        return text + "."


def publish_due(*, now: datetime | None = None, dry_run: bool = False) -> DueReport:
    """Publish every scheduled article whose time has come and unpublish every expired one."""
    from articles.workflow.services import article_expire, article_publish_due, article_publish_problems

    now = now or timezone.now()
    report = DueReport(dry_run=dry_run)
    due = Article.objects.filter(status=Article.Status.SCHEDULED, published_at__lte=now).order_by(
        "published_at", "pk"
    )
    for article in due.select_related("lead_image"):
        problems = article_publish_problems(article)
        if problems:
            report.held.append((article, problems))
        elif dry_run or article_publish_due(article=article):
            report.published.append(article)
    expired = Article.objects.filter(status=Article.Status.PUBLISHED, unpublish_at__lte=now).order_by("pk")
    for article in expired:
        if dry_run or article_expire(article=article):
            report.unpublished.append(article)
    return report


def next_scheduled_change(now):
    """The next moment an article goes public or expires by itself, or None.

    The page cache keeps no page past it (``newsroom.cache.register_horizon``), so a story expiring
    at 10:00 is gone from every cached page at 10:00, whether or not cron has run. Two small
    queries, each starting from an index at ``now`` (publish times, the expiry index): one aggregate
    with two FILTERs read the whole table on every cache miss.
    """
    from django.db.models import Min

    visible = [Article.Status.SCHEDULED, Article.Status.PUBLISHED]
    publish = Article.objects.filter(status__in=visible, published_at__gt=now).aggregate(
        at=Min("published_at")
    )
    expiry = Article.objects.filter(status=Article.Status.PUBLISHED, unpublish_at__gt=now).aggregate(
        at=Min("unpublish_at")
    )
    moments = [found["at"] for found in (publish, expiry) if found["at"] is not None]
    return min(moments) if moments else None
