"""The reader's machine-readable surfaces leak nothing unpublished: search, every feed, the
sitemaps, the indexes, entity pages (quotes, coverage, events) and structured data."""

import pytest

from articles.models import Article, Quote
from articles.search import search_index_update
from tests.articles.test_visibility import HIDDEN, newsroom  # noqa: F401 (fixture)
from tests.newsroom.test_sitemaps import articles_sitemap_page

pytestmark = pytest.mark.django_db


def surfaces(stories, person, org, event) -> list[str]:
    public = stories["public"]
    return [
        "/search/?q=story",
        "/search/?q=hidden",
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/json/",
        f"/sections/{public.section.slug}/feed/",
        "/tags/relief/feed/",
        f"/people/{person.slug}/feed/",
        f"/organizations/{org.slug}/feed/",
        f"/events/{event.slug}/feed/",
        "/sitemap.xml",
        # Every page of the articles' sitemap that holds one of these stories (pages are id ranges).
        *sorted({articles_sitemap_page(story) for story in stories.values()}),
        "/sitemap-tags.xml",
        "/sitemap-sections.xml",
        "/news-sitemap.xml",
        "/people/",
        "/organizations/",
        "/events/",
        person.get_absolute_url(),
        org.get_absolute_url(),
        event.get_absolute_url(),
        public.get_absolute_url(),  # JSON-LD, previous/next, related
    ]


def test_no_hidden_story_on_any_machine_readable_surface(client, newsroom):  # noqa: F811
    stories, person, org, event = newsroom
    search_index_update(Article.objects.values_list("pk", flat=True))
    for article in stories.values():
        Quote.objects.create(article=article, speaker=person, text=f"Said in {article.slug}")
    for url in surfaces(stories, person, org, event):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for name in HIDDEN:
            assert f"hidden-{name}" not in text, (url, name)
            assert f"Hidden {name} story" not in text, (url, name)


def test_public_story_is_on_every_listing_surface(client, newsroom):  # noqa: F811
    stories, person, org, event = newsroom
    search_index_update(Article.objects.values_list("pk", flat=True))
    for url in surfaces(stories, person, org, event):
        if url.endswith(("/people/", "/organizations/", "/events/", "/sitemap.xml", "/sitemap-sections.xml")):
            continue
        if url in ("/search/?q=hidden", stories["public"].get_absolute_url(), "/sitemap-tags.xml"):
            continue
        if url.startswith("/sitemap-articles.xml") and url != articles_sitemap_page(stories["public"]):
            continue
        text = client.get(url).content.decode()
        assert "public-story" in text or "Public story" in text, url
