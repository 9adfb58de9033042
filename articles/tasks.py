"""Background work for articles, run through django.tasks."""

from django.tasks import task

from articles.models import Article
from articles.related import articles_sharing_entities, related_rebuild


@task
def refresh_related(*, article_id: int) -> int:
    """Recompute the related posts of an article and of every article sharing an entity with it."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return 0
    targets = [article, *Article.objects.filter(pk__in=articles_sharing_entities(article))]
    for target in targets:
        related_rebuild(article=target)
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
