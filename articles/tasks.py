"""Background work for articles, run through django.tasks."""

from django.tasks import task

from articles.models import Article
from articles.related import articles_sharing_entities, related_rebuild_many


@task
def refresh_related(*, article_id: int) -> int:
    """Recompute the related posts of an article and of every article sharing an entity with it."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return 0
    targets = [article.pk, *articles_sharing_entities(article)]
    # One scoring query per batch, not one per article: a story shares entities with many others.
    for start in range(0, len(targets), 500):
        related_rebuild_many(targets[start : start + 500])
    return len(targets)


@task
def refresh_related_batch(*, article_ids: list[int]) -> int:
    """``refresh_related`` for many articles at once (an import): each affected article is recomputed once."""
    articles = list(Article.objects.filter(pk__in=article_ids))
    target_ids = {article.pk for article in articles}
    for article in articles:
        target_ids.update(articles_sharing_entities(article))
    targets = sorted(target_ids)
    for start in range(0, len(targets), 500):
        related_rebuild_many(targets[start : start + 500])
    return len(targets)


@task
def publish_scheduled_article(*, article_id: int, publish_at: str) -> bool:
    """Publish a scheduled article at its time, if it is still scheduled for that time."""
    from articles.scheduling import publish_if_still_scheduled

    return publish_if_still_scheduled(article_id=article_id, publish_at=publish_at)


@task
def make_image_renditions(*, image_id: int) -> int:
    """Make the srcset renditions of an image (several widths, WebP and a fallback, focal crops)."""
    from articles.models import Image
    from articles.renditions import image_renditions_make

    image = Image.objects.filter(pk=image_id).first()
    return image_renditions_make(image=image) if image is not None else 0
