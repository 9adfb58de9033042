"""Background work for the editorial workflow, run through django.tasks."""

from django.tasks import task

from newsroom.task_retry import retrying


@task
@retrying("Scheduled publishing of article {article_id}")
def publish_scheduled_article(*, article_id: int, publish_at: str) -> bool:
    """Publish a scheduled article at its time, if it is still scheduled for that time."""
    from articles.workflow.scheduling import publish_if_still_scheduled

    return publish_if_still_scheduled(article_id=article_id, publish_at=publish_at)
