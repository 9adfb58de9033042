"""Background work for related posts, run through django.tasks."""

from django.tasks import task

from articles.models import Article
from articles.related.scoring import articles_sharing_entities, related_rebuild_many

BATCH = 500


@task
def refresh_related(*, article_id: int) -> int:
    """Recompute the related posts of an article and of every article sharing an entity with it."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return 0
    targets = [article.pk, *articles_sharing_entities(article)]
    # One scoring query per batch, not one per article: a story shares entities with many others.
    for start in range(0, len(targets), BATCH):
        related_rebuild_many(targets[start : start + BATCH])
    return len(targets)


@task
def refresh_related_batch(*, article_ids: list[int]) -> int:
    """``refresh_related`` for many articles at once (an import): each affected article is recomputed once."""
    articles = list(Article.objects.filter(pk__in=article_ids))
    target_ids = {article.pk for article in articles}
    for article in articles:
        target_ids.update(articles_sharing_entities(article))
    targets = sorted(target_ids)
    for start in range(0, len(targets), BATCH):
        related_rebuild_many(targets[start : start + BATCH])
    return len(targets)
