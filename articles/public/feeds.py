"""Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site, and an RSS feed for every section, tag,
person, organization and event. Built on django.contrib.syndication; every feed starts from
``Article.objects.published()`` (through ``listing_queryset``)."""

import mimetypes
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.views.decorators.http import require_safe
from taggit.models import TaggedItem

from articles.models import Article, Byline, Section
from articles.public.views import listing_queryset, public_tag_or_404
from newsroom.absolute_urls import absolute_url

FEED_SIZE = 50
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def feed_queryset(queryset=None) -> list[Article]:
    """What a feed entry shows: authors, tags, section and lead image, in three queries."""
    queryset = listing_queryset() if queryset is None else queryset
    articles = list(
        queryset.prefetch_related(
            Prefetch(
                "bylines",
                queryset=Byline.objects.filter(role=Byline.Role.AUTHOR).select_related("person"),
                to_attr="author_bylines",
            )
        )[:FEED_SIZE]
    )
    # One query for every entry's tags; taggit's own prefetch builds a queryset per article.
    tags: dict[int, list[str]] = defaultdict(list)
    for object_id, name in (
        TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Article),
            object_id__in=[article.pk for article in articles],
        )
        .order_by("tag__name")
        .values_list("object_id", "tag__name")
    ):
        tags[object_id].append(name)
    for article in articles:
        article.tag_names = tags[article.pk]
    return articles


class NewsRssFeed(Rss201rev2Feed):
    """RSS 2.0 with every author as ``dc:creator`` and the lead image as ``media:content``."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:media": "http://search.yahoo.com/mrss/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item.get("authors", []):
            handler.addQuickElement("dc:creator", name)
        image = item.get("image")
        if image:
            handler.startElement(
                "media:content", {"url": image["url"], "medium": "image", "type": image["type"]}
            )
            if image["alt"]:
                handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
            handler.endElement("media:content")


class NewsAtomFeed(Atom1Feed):
    """Atom 1.0 with one ``author`` element per author (the feed's own author covers the rest)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("authors", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")


class ArticleFeed(Feed):
    """The site's latest published stories (RSS 2.0); subclasses narrow the list and name the feed."""

    feed_type = NewsRssFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self, obj=None):
        return settings.NEWSROOM_SITE_NAME

    def description(self, obj=None):
        return f"The latest stories from {settings.NEWSROOM_SITE_NAME}."

    def link(self, obj=None):
        return obj.get_absolute_url() if obj is not None else "/"

    def author_name(self, obj=None):
        return settings.NEWSROOM_SITE_NAME

    def articles(self, obj):
        return listing_queryset()

    def items(self, obj=None):
        return feed_queryset(self.articles(obj))

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return item.dek or item.display_summary

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item: Article) -> list[str]:
        return [*([item.section.name] if item.section else []), *item.tag_names]

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        image = lead_image(item, self.request)
        if not image:
            return []
        return [Enclosure(image["url"], image["length"], image["type"])]

    def item_extra_kwargs(self, item: Article) -> dict:
        return {"authors": authors(item, self.request), "image": lead_image(item, self.request)}


def authors(item: Article, request) -> list[tuple[str, str]]:
    return [
        (byline.person.name, request.build_absolute_uri(byline.person.get_absolute_url()))
        for byline in item.author_bylines
    ]


def lead_image(item: Article, request) -> dict | None:
    image = item.lead_image
    if not image or not image.file:
        return None
    return {
        "url": absolute_url(request, image.file.url),
        "type": mimetypes.guess_type(image.file.name)[0] or "image/jpeg",
        # The size stored with the image: no storage request per entry ("0" when it is unknown).
        "length": str(image.file_size or 0),
        "alt": image.alt_text,
    }


class AtomArticleFeed(ArticleFeed):
    feed_type = NewsAtomFeed
    subtitle = ArticleFeed.description


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} | {settings.NEWSROOM_SITE_NAME}"

    def articles(self, obj):
        return listing_queryset().filter(section=obj)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return public_tag_or_404(slug)

    def title(self, obj=None):
        return f"{obj.name} | {settings.NEWSROOM_SITE_NAME}"

    def link(self, obj=None):
        return reverse("articles:tag_detail", kwargs={"slug": obj.slug})

    def articles(self, obj):
        return listing_queryset().filter(tags=obj)


class EntityFeed(ArticleFeed):
    """Stories linked to a person, an organization or an event."""

    model = None
    articles_for = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} | {settings.NEWSROOM_SITE_NAME}"

    def description(self, obj=None):
        return f"Stories from {settings.NEWSROOM_SITE_NAME} about {obj.name}."

    def articles(self, obj):
        return type(self).articles_for(obj)


def entity_feed(model, articles_for):
    return type(f"{model.__name__}Feed", (EntityFeed,), {"model": model, "articles_for": articles_for})


@require_safe
def json_feed(request):
    """The site's latest stories as JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = []
    for article in feed_queryset():
        url = request.build_absolute_uri(article.get_absolute_url())
        image = lead_image(article, request)
        entry = {
            "id": url,
            "url": url,
            "title": article.headline,
            "content_html": article.body,
            "summary": article.dek or article.display_summary,
            "date_published": article.published_at.isoformat(),
            "date_modified": max(article.updated_at, article.published_at).isoformat(),
            "authors": [{"name": name, "url": link} for name, link in authors(article, request)],
            "tags": ArticleFeed().item_categories(article),
            "language": article.language,
        }
        if image:
            entry["image"] = image["url"]
        if article.source_url:
            entry["external_url"] = article.source_url
        items.append(entry)
    feed = {
        "version": JSON_FEED_VERSION,
        "title": settings.NEWSROOM_SITE_NAME,
        "home_page_url": request.build_absolute_uri("/"),
        "feed_url": request.build_absolute_uri(reverse("articles:feed_json")),
        "description": f"The latest stories from {settings.NEWSROOM_SITE_NAME}.",
        "language": settings.LANGUAGE_CODE,
        "items": items,
    }
    return JsonResponse(
        feed, content_type="application/feed+json; charset=utf-8", json_dumps_params={"ensure_ascii": False}
    )
