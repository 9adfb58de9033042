"""Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site and for every section, tag, person,
organization and event (``…/feed/``, ``…/feed/atom/``, ``…/feed/json/``). Built on
django.contrib.syndication: the JSON Feed is one more ``SyndicationFeed`` writer beside Django's RSS and
Atom ones, so every listing gets all three the same way. Every feed starts from
``Article.objects.published()`` (through ``listing_queryset``).

One Feed instance serves every request of its URL, from any thread: nothing about a request is stored
on it. What a request's feed is about travels as Django's ``obj`` (a :class:`FeedSubject`).
"""

import json
import mimetypes
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Section
from articles.public.views import listing_queryset, public_tag_or_404
from newsroom.absolute_urls import absolute_url
from newsroom.cache import depends_on
from newsroom.slugs import old_slug_redirect

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

    def add_root_elements(self, handler):
        # Readers render a channel's description as HTML too: a name in it ("<script>…") is text.
        plain = self.feed["description"]
        self.feed["description"] = escape(plain)
        try:
            super().add_root_elements(handler)
        finally:
            self.feed["description"] = plain

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
    """Atom 1.0 with one ``author`` element per author (the feed's own author covers the rest) and
    each entry's language (``xml:lang="fa"`` on a Persian story)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("authors", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) from the same feed and items as RSS and Atom.

    Items may carry ``authors`` [(name, url)], ``image`` (see :func:`lead_image`), ``content_html``,
    ``language`` and ``external_url`` (``item_extra_kwargs``).
    """

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.document(), ensure_ascii=False))

    def document(self) -> dict:
        feed = self.feed
        document = {
            "version": JSON_FEED_VERSION,
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"] or feed["subtitle"],
            "language": feed["language"],
            "authors": [_drop_empty({"name": feed["author_name"], "url": feed["author_link"]})]
            if feed["author_name"]
            else None,
            "items": [self.item_document(item) for item in self.items],
        }
        return _drop_empty(document, keep={"items"})

    def item_document(self, item: dict) -> dict:
        image = item.get("image")
        authors = [_drop_empty({"name": name, "url": url}) for name, url in item.get("authors", [])]
        if not authors and item["author_name"]:
            authors = [_drop_empty({"name": item["author_name"], "url": item["author_link"]})]
        entry = {
            "id": item["unique_id"] or item["link"],
            "url": item["link"],
            "external_url": item.get("external_url"),
            "title": item["title"],
            "content_html": item.get("content_html") or item["description"],
            "summary": item.get("summary_text", item["description"]),  # plain text in JSON Feed
            "image": image["url"] if image else None,
            "date_published": item["pubdate"].isoformat() if item["pubdate"] else None,
            "date_modified": item["updateddate"].isoformat() if item["updateddate"] else None,
            "authors": authors,
            "tags": list(item["categories"]),
            "language": item.get("language"),
            "attachments": [
                _drop_empty(
                    {
                        "url": e.url,
                        "mime_type": e.mime_type,
                        "size_in_bytes": int(e.length) if e.length else None,
                    }
                )
                for e in item["enclosures"]
            ],
        }
        return _drop_empty(entry, keep={"id", "content_html"})


def _drop_empty(values: dict, keep=frozenset()) -> dict:
    """JSON Feed leaves out what is unknown rather than writing null or an empty list."""
    return {key: value for key, value in values.items() if key in keep or value not in (None, "", [], ())}


@dataclass(frozen=True)
class FeedSubject:
    """One request's feed: the request (for absolute addresses) and what the feed is about.

    Django's Feed passes ``get_object``'s result to every method as ``obj``; keeping the request
    here, not on the shared Feed instance, keeps two concurrent requests apart.
    """

    request: HttpRequest
    about: object | None = None  # the section, tag, person, organization or event; None: the site


class ArticleFeed(Feed):
    """The site's latest published stories; subclasses narrow the list and name the feed.

    ``ArticleFeed(JsonFeed)`` (or ``NewsAtomFeed``) serves the same feed in another format.
    """

    feed_type = NewsRssFeed

    def __init__(self, feed_type: type[SyndicationFeed] | None = None):
        super().__init__()
        if feed_type is not None:
            self.feed_type = feed_type

    def get_object(self, request, *args, **kwargs) -> FeedSubject:
        about = self.get_about(**kwargs)
        if about is None:
            depends_on("list:feeds")
        else:  # list:section:3, list:tag:5, list:person:7...
            depends_on(f"list:{'tag' if isinstance(about, Tag) else about._meta.model_name}:{about.pk}")
        return FeedSubject(request, about)

    def get_about(self, **kwargs):
        return None

    def title(self, subject: FeedSubject) -> str:
        return settings.NEWSROOM_SITE_NAME

    def description(self, subject: FeedSubject) -> str:
        return f"The latest stories from {settings.NEWSROOM_SITE_NAME}."

    def subtitle(self, subject: FeedSubject) -> str:
        return self.description(subject)

    def link(self, subject: FeedSubject) -> str:
        return subject.about.get_absolute_url() if subject.about is not None else "/"

    def author_name(self, subject: FeedSubject) -> str:
        return settings.NEWSROOM_SITE_NAME

    def articles(self, about):
        return listing_queryset()

    def items(self, subject: FeedSubject) -> list[Article]:
        articles = feed_queryset(self.articles(subject.about))
        for article in articles:  # these instances belong to this request alone
            article.feed_authors = authors(article, subject.request)
            article.feed_image = lead_image(article, subject.request)
        return articles

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        # RSS and Atom readers render a description as HTML: the standfirst is plain text, so it is
        # escaped (a dek reading "<img onerror=…>" shows as typed, never as markup that runs).
        return escape(_plain_description(item))

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item: Article) -> list[str]:
        return [*([item.section.name] if item.section else []), *item.tag_names]

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        image = item.feed_image
        return [Enclosure(image["url"], image["length"], image["type"])] if image else []

    def item_extra_kwargs(self, item: Article) -> dict:
        return {
            "authors": item.feed_authors,
            "image": item.feed_image,
            "content_html": item.body,
            "summary_text": _plain_description(item),
            "language": item.language,
            "external_url": item.source_url,
        }


def _plain_description(item: Article) -> str:
    return item.dek or item.display_summary


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


class SectionFeed(ArticleFeed):
    def get_about(self, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, subject):
        return f"{subject.about.name} | {settings.NEWSROOM_SITE_NAME}"

    def articles(self, about):
        return listing_queryset().filter(section=about)


class TagFeed(ArticleFeed):
    def get_about(self, slug):
        # A tag only drafts carry does not exist for readers (its page answers 404 too).
        return public_tag_or_404(slug)

    def title(self, subject):
        return f"{subject.about.name} | {settings.NEWSROOM_SITE_NAME}"

    def link(self, subject):
        return reverse("articles:tag_detail", kwargs={"slug": subject.about.slug})

    def articles(self, about):
        return listing_queryset().tagged(about)


class EntityFeed(ArticleFeed):
    """Stories linked to a person, an organization or an event."""

    model = None
    articles_for = None

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:
            # An old or merged-away slug: 301 to this feed under the current one.
            response = old_slug_redirect(request, self.model.objects.all(), kwargs.get("slug"))
            if response is None:
                raise
            return response

    def get_about(self, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, subject):
        return f"{subject.about.name} | {settings.NEWSROOM_SITE_NAME}"

    def description(self, subject):
        return f"Stories from {settings.NEWSROOM_SITE_NAME} about {subject.about.name}."

    def articles(self, about):
        return type(self).articles_for(about)


def entity_feed(model, articles_for) -> type[EntityFeed]:
    return type(f"{model.__name__}Feed", (EntityFeed,), {"model": model, "articles_for": articles_for})


#: The formats every feed is served in, by the last part of its address.
FORMATS = {"": NewsRssFeed, "atom/": NewsAtomFeed, "json/": JsonFeed}


def feed_paths(route: str, feed_class: type[ArticleFeed], name: str) -> list:
    """``route`` (ending in ``feed/``) as RSS, ``route + "atom/"`` and ``route + "json/"``: NAME,
    NAME_atom, NAME_json."""
    return [
        path(route + suffix, feed_class(feed_type), name=name + (f"_{suffix.strip('/')}" if suffix else ""))
        for suffix, feed_type in FORMATS.items()
    ]
