"""Background work on the search index, run through django.tasks.

An editor's request only records that derived work is due (``articles.search``); these tasks do it
in batches of ``BATCH_SIZE`` articles, so renaming an organization linked to 41,000 stories never
holds up the save. With ``NEWSROOM_TASKS=database`` the worker (``manage.py db_worker``) runs them.
"""

from django.tasks import task

from articles.links import BY_KIND
from articles.search import BATCH_SIZE, search_index_update
from newsroom.cache import bump
from newsroom.task_retry import retrying


@task
@retrying("Search index of a batch of articles")
def reindex_articles(*, article_ids: list[int]) -> int:
    """Recompute the search vectors of these articles (one batch of a large change notice)."""
    return search_index_update(article_ids)


@task
@retrying("Search index after renaming {kind} entities")
def refresh_after_entity_rename(*, kind: str, entity_ids: list[int]) -> int:
    """Bring everything derived from these entities' names up to date: the search vectors of every
    linked article, BATCH_SIZE articles a query, then the public pages (which show the names)."""
    link = BY_KIND[kind]
    article_ids = (
        link.link_model.objects.filter(**{f"{link.field}_id__in": entity_ids})
        .order_by("article_id")
        .values_list("article_id", flat=True)
        .distinct()
    )
    updated, last = 0, 0
    while batch := list(article_ids.filter(article_id__gt=last)[:BATCH_SIZE]):
        updated += search_index_update(batch)
        last = batch[-1]
    bump(["list:search", *(f"{kind}:{pk}" for pk in entity_ids)])
    return updated


@task
@retrying("Search words of the published archive")
def refresh_search_words() -> int:
    """Count the published archive's words again for search's spelling corrections (nightly)."""
    from articles.spelling import search_words_rebuild

    return search_words_rebuild().words
