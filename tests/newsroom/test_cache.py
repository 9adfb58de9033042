"""The public page cache: readers get cached pages with validators; a publish shows at once;
editors and previews never touch the cache."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, PersonFactory, SectionFactory
from tests.newsroom.test_admin import _inline

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300


def test_second_reader_gets_the_cached_page_without_queries(client, django_assert_num_queries):
    ArticleFactory(headline="Convoy arrives")
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit" and "Convoy arrives" in second.text
    control = second["Cache-Control"]
    assert "public" in control and "max-age=60" in control and "s-maxage=120" in control
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]


def test_etag_and_last_modified_answer_304(client):
    ArticleFactory()
    first = client.get("/")
    assert client.get("/", headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get("/", headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
    assert client.get("/", headers={"if-none-match": '"something-else"'}).status_code == 200


def test_publishing_in_the_admin_shows_on_home_feeds_and_search_at_once(
    client, admin_client, django_capture_on_commit_callbacks
):
    section = SectionFactory(slug="diplomacy", name="Diplomacy")
    reporter = PersonFactory()
    ArticleFactory(headline="Older story about corridors")
    urls = [
        "/",
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/json/",
        "/search/?q=corridors",
        "/sections/diplomacy/",
    ]
    for url in urls:
        assert "Envoys agree on aid corridors" not in client.get(url).text
        assert client.get(url)["X-Page-Cache"] == "hit"

    moment = timezone.localtime() - timezone.timedelta(minutes=5)
    data = {
        "headline": "Envoys agree on aid corridors",
        "slug": "envoys-agree",
        "dek": "Three corridors open on Monday.",
        "body": "<p>" + "The envoys agreed on three aid corridors after two days of talks. " * 12 + "</p>",
        "section": str(section.pk),
        "tags": "diplomacy",
        "language": "en",
        "status": "published",
        "published_at_0": moment.strftime("%Y-%m-%d"),
        "published_at_1": moment.strftime("%H:%M:%S"),
        **_inline("bylines", [{"person": reporter.pk, "role": "author", "position": 0}]),
        **_inline("person_links", []),
        **_inline("organization_links", []),
        **_inline("event_links", []),
        **_inline("quotes", []),
        **_inline("related_overrides", []),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    for url in urls:
        text = client.get(url).text.replace("<mark>", "").replace("</mark>", "")  # search highlights
        assert "Envoys agree on aid corridors" in text, url


def test_editors_are_never_served_from_or_stored_in_the_cache(client, admin_client):
    ArticleFactory(headline="Public story")
    editor_page = admin_client.get("/")
    assert "X-Page-Cache" not in editor_page
    assert "no-store" in editor_page["Cache-Control"] and "private" in editor_page["Cache-Control"]
    assert client.get("/")["X-Page-Cache"] == "miss"  # the editor's visit stored nothing
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in admin_client.get("/")


def test_preview_and_admin_paths_are_never_cached(client):
    response = client.get("/preview/anything/")
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_entity_rename_invalidates_cached_pages(client):
    person = PersonFactory(name="Old Name", slug="someone")
    assert "Old Name" in client.get("/people/someone/").text
    person.name = "New Name"
    person.save()
    assert "New Name" in client.get("/people/someone/").text


def test_a_cache_server_that_is_down_never_breaks_pages_or_saves(client):
    dead_redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    # A local override: the cache is back before the fixtures clear it at teardown.
    with override_settings(CACHES=dead_redis):
        person = PersonFactory(name="Still Saved", slug="still-saved")  # signals try to bump the generation
        person.name = "Renamed While Redis Is Down"
        person.save()
        response = client.get("/people/still-saved/")
        assert response.status_code == 200 and "Renamed While Redis Is Down" in response.text
        assert client.get("/search/", {"q": "Renamd"}).status_code == 200  # the spelling fallback too
