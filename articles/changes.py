"""One place that hears "these articles changed what readers can see".

Every write path (the admin, workflow services, importers, entity merges, scheduled publishing)
calls :func:`content_changed` with the ids of the articles whose public face may have changed.
After the surrounding transaction commits, every listener runs once with those ids: related posts
are recomputed here; the search index and the page cache register their own listeners. A write
path therefore never needs to know what is derived from an article.
"""

from collections.abc import Callable, Iterable

from django.db import transaction

Listener = Callable[..., None]
RELATED_BATCH = 500
_listeners: list[Listener] = []


def on_content_changed(listener: Listener) -> Listener:
    """Register ``listener(article_ids=frozenset[int], reason=str)``; usable as a decorator."""
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def content_changed(*, article_ids: Iterable[int], reason: str = "") -> None:
    """Tell every listener, after commit, that these articles changed (published, edited, relinked...)."""
    ids = frozenset(int(pk) for pk in article_ids if pk is not None)
    if not ids:
        return

    def notify() -> None:
        for listener in list(_listeners):
            listener(article_ids=ids, reason=reason)

    transaction.on_commit(notify)


@on_content_changed
def refresh_related_posts(*, article_ids: frozenset[int], reason: str) -> None:
    """Recompute the related posts of the changed articles and of the articles sharing their entities."""
    from articles.related.tasks import refresh_related, refresh_related_batch

    if len(article_ids) <= 1:
        for article_id in article_ids:
            refresh_related.enqueue(article_id=article_id)
        return
    # Many at once (an import of thousands): a few tasks of RELATED_BATCH ids, in one commit.
    ordered = sorted(article_ids)
    with transaction.atomic():
        for start in range(0, len(ordered), RELATED_BATCH):
            refresh_related_batch.enqueue(article_ids=ordered[start : start + RELATED_BATCH])


def entity_merged_listener(sender, *, kind: str, keep, drop_slug: str, **kwargs) -> None:
    """``organizations.merge.entity_merged``: the stories now linked to KEEP changed their public face."""
    from articles.models import Article, Quote

    ids = set(Article.objects.coverage_of(keep).values_list("pk", flat=True))
    if kind == "organization":
        ids |= set(Article.objects.filter(source_organization=keep).values_list("pk", flat=True))
    else:
        ids |= set(
            Quote.objects.filter(speaker=keep, article__isnull=False).values_list("article_id", flat=True)
        )
    content_changed(article_ids=ids, reason=f"merged {kind} {drop_slug} into {keep.slug}")
