"""A story's expiry time is exact on every cached surface, whether or not cron has run since."""

import time

import pytest
from django.utils import timezone

from articles.related.scoring import related_rebuild
from articles.search import search_index_update
from tests.factories import ArticleFactory, ArticlePersonFactory, PersonFactory
from tests.newsroom.test_sitemaps import articles_sitemap_page

pytestmark = pytest.mark.django_db
HEADLINE = "Ceasefire talks resume in Muscat"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300


def test_an_expiring_story_leaves_every_cached_surface_at_its_time(client):
    person = PersonFactory(name="Leila Farahani", slug="leila-farahani")
    expiring = ArticleFactory(
        headline=HEADLINE, slug="ceasefire-talks", unpublish_at=timezone.now() + timezone.timedelta(seconds=3)
    )
    expiring.tags.add("Ceasefire")
    other = ArticleFactory(headline="Envoys meet in Muscat over ceasefire", slug="envoys-meet")
    other.tags.add("Ceasefire")
    for story in (expiring, other):
        ArticlePersonFactory(article=story, person=person)
    related_rebuild(article=other)
    search_index_update([expiring.pk, other.pk])
    surfaces = [
        "/",
        "/sections/humanitarian/",
        "/people/leila-farahani/",
        "/articles/envoys-meet/",
        "/articles/envoys-meet/related/",
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/json/",
        "/search/?q=ceasefire",
        articles_sitemap_page(expiring),
        "/news-sitemap.xml",
    ]
    for url in surfaces:
        assert HEADLINE in client.get(url).text or "ceasefire-talks" in client.get(url).text, url
        assert client.get(url)["X-Page-Cache"] == "hit", url
    page = client.get("/articles/ceasefire-talks/")
    assert page.status_code == 200
    # Browsers and CDNs are not told to keep the page past the expiry either.
    assert int(page["Cache-Control"].split("max-age=")[1].split(",")[0]) <= 3

    time.sleep(3.2)  # the expiry passes; no cron, no edit, no cache bump

    for url in surfaces:
        text = client.get(url).text
        assert HEADLINE not in text and "ceasefire-talks" not in text, url
    assert client.get("/articles/ceasefire-talks/").status_code == 404


def test_a_scheduled_story_appears_on_cached_pages_at_its_time(client):
    ArticleFactory(headline="Earlier story")
    ArticleFactory(
        headline="Embargoed report on shelters",
        status="scheduled",
        published_at=timezone.now() + timezone.timedelta(seconds=2),
    )
    assert "Embargoed report" not in client.get("/").text
    assert client.get("/")["X-Page-Cache"] == "hit"
    time.sleep(2.2)
    # Scheduled articles are published by the task or cron; the page cache must not hide the result
    # for minutes after: the cached home page has expired by the publish time.
    assert client.get("/")["X-Page-Cache"] == "miss"
