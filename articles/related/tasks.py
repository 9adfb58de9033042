"""Background work for related posts, run through django.tasks."""

from django.tasks import task

from articles.models import Article
from articles.related.scoring import articles_to_refresh, related_rebuild_many
from newsroom.cache import bump
from newsroom.task_retry import retrying

BATCH = 500


def _refresh(article_ids: list[int]) -> int:
    """Reindex and rescore the changed articles, then rescore every article their change may move."""
    ids = sorted(set(Article.objects.filter(pk__in=article_ids).values_list("pk", flat=True)))
    if not ids:
        return 0
    # The changed articles first: their terms and lists are then current for what follows.
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        related_rebuild_many(chunk, reindex=chunk)
    targets: set[int] = set()
    for article in Article.objects.filter(pk__in=ids):
        targets.update(articles_to_refresh(article))
    ordered = sorted(targets - set(ids))
    # One scoring query per batch, not one per article: a story shares entities with many others.
    for start in range(0, len(ordered), BATCH):
        related_rebuild_many(ordered[start : start + BATCH])
    # Their pages list their related posts.
    bump(f"article:{pk}" for pk in [*ids, *ordered])
    return len(ids) + len(ordered)


@task
@retrying("Related posts of article {article_id}")
def refresh_related(*, article_id: int) -> int:
    """Recompute the related posts of an article and of every article its change may move."""
    return _refresh([article_id])


@task
@retrying("Related posts of a batch of articles")
def refresh_related_batch(*, article_ids: list[int]) -> int:
    """``refresh_related`` for many articles at once (an import): each affected article is recomputed once."""
    return _refresh(list(article_ids))
