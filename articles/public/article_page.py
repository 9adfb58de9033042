"""The parts of an article page, each fetched with what it needs and kept while it stays true.

- **the story** (meta tags, the article with its bylines, body, quotes, entities and tags, and its
  JSON-LD): changes only with the article or what it shows (a linked person renamed, an image
  edited), so it is kept by those versions (``newsroom.fragments``) and, kept, costs no query;
- **the related list**: kept by the list's version (``related:<id>``, bumped whenever the list is
  stored) and those of the stories in it (an unpublished one is gone at the next render), never
  past the moment one of them expires;
- **the neighbours** in the section: kept a few minutes, until a story shown changes, and never past
  the next scheduled publish or expiry (a story published by the clock joins them with nothing saved).

Previews pass ``cache=False``: nothing an editor previews is read from or kept in the cache.
"""

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone

from articles.images.body import body_with_pictures
from articles.links import ENTITY_LINKS
from articles.models import Article, Byline, Quote
from articles.public.structured_data import article_json_ld
from articles.related.reasons import attach_reasons
from articles.related.scoring import related_queryset
from newsroom.cache import depends_on, keys_of, seconds_until_next_change
from newsroom.fragments import cached_fragment, fragment_key

RELATED_ON_ARTICLE_PAGE = 6


def canonical_address(article: Article, request) -> str:
    return article.canonical_url or request.build_absolute_uri(article.get_absolute_url())


def entity_lists(article: Article) -> tuple[list, list]:
    """The entities the story is about, and those it only mentions (each once, "about" winning)."""
    about: dict[tuple, object] = {}
    mentions: dict[tuple, object] = {}
    for kind in ENTITY_LINKS:
        for link in kind.links_of(article):
            entity = getattr(link, kind.field)
            bucket = mentions if link.role == "mentions" else about
            bucket.setdefault((kind.kind, entity.pk), entity)
    return list(about.values()), [e for key, e in mentions.items() if key not in about]


def story_parts(article: Article, request, *, cache: bool = True) -> dict:
    """``head`` (meta tags), ``story`` (the article element) and ``json_ld`` (a dict) of ARTICLE."""
    key = fragment_key("article-story", article.pk, request.scheme, request.get_host())
    return cached_fragment(key, lambda: (_render_story(article, request), None), cache=cache)


def _render_story(article: Article, request) -> dict:
    # Loaded with the article row, before the fragment's keys were being collected.
    depends_on(*keys_of(article, article.section, article.lead_image, article.source_organization))
    prefetches = [
        Prefetch("bylines", queryset=Byline.objects.select_related("person").order_by("position", "id")),
        *(Prefetch(link.article_relation, queryset=link.page_links()) for link in ENTITY_LINKS),
        Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
        "tags",
    ]
    if article.lead_image_id:
        prefetches.append("lead_image__renditions")
    prefetch_related_objects([article], *prefetches)
    about, mentions = entity_lists(article)
    canonical = canonical_address(article, request)
    context = {
        "article": article,
        "request": request,
        "site_name": settings.NEWSROOM_SITE_NAME,
        "canonical": canonical,
        "description": article.dek or article.display_summary,
        "tags": list(article.tags.all()),
        "body_html": body_with_pictures(article.body),
        "about": about,
        "mentions": mentions,
    }
    return {
        "head": render_to_string("articles/includes/article_head.html", context),
        "story": render_to_string("articles/includes/article_story.html", context),
        "json_ld": article_json_ld(article, request, about=about, mentions=mentions, canonical=canonical),
    }


def related_part(article: Article, *, cache: bool = True) -> str:
    """The page's related block (HTML), from the stored list: the first few public entries."""
    key = fragment_key("article-related", article.pk)
    return cached_fragment(key, lambda: _render_related(article), cache=cache)


def _render_related(article: Article) -> tuple[str, float | None]:
    depends_on(f"related:{article.pk}", *keys_of(article))
    entries = attach_reasons(related_queryset(article)[:RELATED_ON_ARTICLE_PAGE])
    context = {"article": article, "related": entries}
    html = render_to_string("articles/includes/article_related.html", context)
    now = timezone.now()
    expiries = [entry.related.unpublish_at for entry in entries if entry.related.unpublish_at]
    return html, (min(expiries) - now).total_seconds() if expiries else None


def neighbours(article: Article, *, cache: bool = True) -> tuple[Article | None, Article | None]:
    """The next older and the next newer published story in the same section.

    Kept until either story shown changes (edited, unpublished) or a story is published, unpublished
    or expires beside this one (its change notice bumps ``neighbours:<id>``, articles/page_keys.py),
    and never past the next scheduled publish or expiry. Depending on the section's list instead
    would rebuild every page of the section at each edit of any of its stories.
    """
    if not article.section_id or article.published_at is None:  # a draft in preview has no place yet
        return None, None
    key = fragment_key("article-neighbours", article.pk)
    return cached_fragment(key, lambda: _find_neighbours(article), cache=cache)


def _find_neighbours(article: Article):
    """One query: each side is a plain range on ``published_at`` that PostgreSQL walks on the
    (section, published_at) index, stopping at the first row; stories published in the same second
    are told apart by id."""
    at, pk = article.published_at, article.pk
    depends_on(f"neighbours:{pk}")
    same_section = Article.objects.published().filter(section_id=article.section_id)
    older = (
        same_section.filter(published_at__lte=at)
        .exclude(published_at=at, pk__gte=pk)
        .order_by("-published_at", "-id")
        .only("headline", "slug", "published_at")[:1]
    )
    newer = (
        same_section.filter(published_at__gte=at)
        .exclude(published_at=at, pk__lte=pk)
        .order_by("published_at", "id")
        .only("headline", "slug", "published_at")[:1]
    )
    previous = following = None
    for found in older.union(newer, all=True):
        if (found.published_at, found.pk) < (at, pk):
            previous = found
        else:
            following = found
    return (previous, following), lambda: seconds_until_next_change(settings.NEWSROOM_FRAGMENT_CACHE_SECONDS)
