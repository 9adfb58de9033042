"""What each change touches in the page cache (``newsroom.cache``): the surrogate keys of articles,
sections, tags, images and quotes, and the lists that show them.

A page that loaded an article depends on ``article:<id>``; the lists an article appears in are
``list:home``, ``list:feeds``, ``list:sitemaps``, ``list:search``, ``list:section:<id>``,
``list:tag:<id>`` and ``list:<kind>:<id>`` for each person, organization and event it names (their
pages list their coverage). Bumping ``article:<id>`` rebuilds every page that showed the article
(so a list it left is rebuilt too); bumping the lists it is in now rebuilds the pages it joins.
``neighbours:<id>`` of the stories beside it in its section is bumped too: their "Previous/Next in"
links change when it is published, unpublished or expires.
"""

from django.db.models import Value

from articles.links import ENTITY_LINKS

#: Lists every public article can appear in, whatever its section, tags and entities.
SITE_LISTS = ("list:home", "list:feeds", "list:sitemaps", "list:search")


def article_keys(article) -> list[str]:
    """From the row alone (no query): the article, the site-wide lists and its section's list."""
    keys = [f"article:{article.pk}", *SITE_LISTS]
    if article.section_id:
        keys.append(f"list:section:{article.section_id}")
    if getattr(article, "source_organization_id", None):
        keys.append(f"list:organization:{article.source_organization_id}")
    return keys


def article_ids_keys(article_ids) -> set[str]:
    """Everything the change notice's articles touch: one query for their sections, tags and entities."""
    from taggit.models import TaggedItem

    from articles.models import Article, Byline, Quote

    ids = sorted(article_ids)
    if not ids:
        return set()
    keys = {f"article:{pk}" for pk in ids} | set(SITE_LISTS)
    parts = [
        Article.objects.filter(pk__in=ids, section__isnull=False).values_list(Value("section"), "section_id"),
        TaggedItem.objects.filter(content_type__model="article", content_type__app_label="articles")
        .filter(object_id__in=ids)
        .values_list(Value("tag"), "tag_id"),
        Byline.objects.filter(article_id__in=ids).values_list(Value("person"), "person_id"),
        Quote.objects.filter(article_id__in=ids).values_list(Value("person"), "speaker_id"),
        *(
            link.link_model.objects.filter(article_id__in=ids).values_list(
                Value(link.kind), f"{link.field}_id"
            )
            for link in ENTITY_LINKS
        ),
    ]
    for kind, pk in parts[0].union(*parts[1:]).order_by():
        keys.add(f"list:{kind}:{pk}")
    keys |= {f"neighbours:{pk}" for pk in section_neighbours(ids)}
    return keys


def section_neighbours(ids) -> set[int]:
    """The published stories next to each of these in its section (one query, two index walks each).

    Their pages link to the story just before and after them ("Newer"/"Older"): when a story is
    published, unpublished, expires or moves, the stories now beside its place link somewhere else,
    so their links must be found again. (A headline edit reaches them anyway: they loaded the story.)
    """
    from django.db.models import OuterRef, Q, Subquery

    from articles.models import Article

    beside = Article.objects.published().filter(section_id=OuterRef("section_id")).exclude(pk=OuterRef("pk"))
    newer = beside.filter(
        Q(published_at__gt=OuterRef("published_at"))
        | Q(published_at=OuterRef("published_at"), pk__gt=OuterRef("pk"))
    ).order_by("published_at", "id")
    older = beside.filter(
        Q(published_at__lt=OuterRef("published_at"))
        | Q(published_at=OuterRef("published_at"), pk__lt=OuterRef("pk"))
    ).order_by("-published_at", "-id")
    rows = (
        Article.objects.filter(pk__in=ids, section__isnull=False, published_at__isnull=False)
        .annotate(newer=Subquery(newer.values("id")[:1]), older=Subquery(older.values("id")[:1]))
        .values_list("newer", "older")
    )
    return {pk for pair in rows for pk in pair if pk is not None}


def content_changed(sender, *, article_ids, **kwargs) -> None:
    """Receiver of the articles' change notice (after commit, last): bump what those articles touch."""
    from newsroom.cache import bump

    try:
        keys = article_ids_keys(article_ids)
    except Exception:  # never stop a write; the rows' own keys were bumped by their signals
        keys = {f"article:{pk}" for pk in article_ids} | set(SITE_LISTS)
    bump(keys)


def link_keys(kind: str):
    """An entity link row of KIND: its article, and the linked entity's coverage list."""

    def keys(row) -> list[str]:
        return [f"article:{row.article_id}", f"list:{kind}:{getattr(row, f'{kind}_id')}", "list:search"]

    return keys


def connect() -> None:
    from taggit.models import Tag, TaggedItem

    from articles import models
    from articles.images.models import Image
    from newsroom import cache

    cache.track(models.Article, "article")
    cache.track(models.Section, "section")
    cache.track(Tag, "tag")
    cache.track(Image, "image")
    cache.track(models.Quote, "quote")
    cache.watch(models.Article, article_keys)
    # Home and search show an article's own fields only, and every article change bumps them.
    cache.covers("list:home", "article")
    cache.covers("list:search", "article")
    # The navigation on every page lists the sections.
    cache.watch(
        models.Section, lambda section: [f"section:{section.pk}", f"list:section:{section.pk}", "site"]
    )
    cache.watch(Tag, lambda tag: [f"tag:{tag.pk}", f"list:tag:{tag.pk}", "list:sitemaps"])
    cache.watch(
        TaggedItem, lambda item: [f"article:{item.object_id}", f"list:tag:{item.tag_id}", "list:sitemaps"]
    )
    cache.watch(Image, lambda image: [f"image:{image.pk}"])
    cache.watch(models.Byline, lambda row: [f"article:{row.article_id}", f"list:person:{row.person_id}"])
    cache.watch(
        models.Quote,
        lambda quote: [
            f"quote:{quote.pk}",
            f"person:{quote.speaker_id}",
            *([f"article:{quote.article_id}"] if quote.article_id else []),
        ],
    )
    for link in ENTITY_LINKS:
        cache.watch(link.link_model, link_keys(link.field))
