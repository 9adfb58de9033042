"""One notice per write: "these articles changed what readers can see".

Every write path (the admin, workflow services, importers, entity merges, scheduled publishing)
calls :func:`content_changed` with the ids of the articles whose public face may have changed.
However many times one transaction calls it, :data:`article_content_changed` is sent once, after
commit, with every id it named (outside a transaction: at once). Its receivers, connected in
``articles/apps.py``, keep the derived data fresh: related posts, the search index, and last the
page cache. A write path therefore never needs to know what is derived from an article.
"""

from collections.abc import Iterable

import django.dispatch
from django.db import transaction

from newsroom.aftercommit import gather

RELATED_BATCH = 500

#: Sent after commit with ``article_ids`` (a frozenset of ints) and ``reasons`` (a tuple of the
#: distinct reasons given, in order: "published", "edited in the admin"...). The sender is Article.
article_content_changed = django.dispatch.Signal()


def content_changed(*, article_ids: Iterable[int], reason: str = "") -> None:
    """Say that these articles changed (published, edited, relinked...); one notice per transaction."""
    ids = {int(pk) for pk in article_ids if pk is not None}
    if ids:
        gather("articles.content_changed", [(ids, reason)], _send)


def _send(changes: list[tuple[set[int], str]]) -> None:
    from articles.models import Article

    ids = frozenset().union(*(ids for ids, _reason in changes))
    reasons = tuple(dict.fromkeys(reason for _ids, reason in changes if reason))
    article_content_changed.send(sender=Article, article_ids=ids, reasons=reasons)


def refresh_related_posts(sender, *, article_ids: frozenset[int], **kwargs) -> None:
    """Receiver: recompute the related posts of the changed articles and of those sharing their entities."""
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
