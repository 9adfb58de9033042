"""Feeds as a feed reader sees them: RSS 2.0, Atom 1.0 and JSON Feed 1.1, for the site and every listing."""

import io
import json
import threading

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import RequestFactory
from django.urls import resolve
from PIL import Image as PILImage

from articles.models import Article, Image
from articles.public import feeds
from tests.factories import (
    ArticleEventFactory,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "JPEG")
    return SimpleUploadedFile("lead.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def story():
    image = Image.objects.create(file=jpeg(), alt_text="A field clinic tent", caption="The clinic")
    article = ArticleFactory(headline="Clinic opens in Khoy", tags=["earthquake", "health"], lead_image=image)
    BylineFactory(article=article, person=PersonFactory(name="Sara Ahmadi"), position=0)
    BylineFactory(article=article, person=PersonFactory(name="Reza Karimi"), position=1)
    ArticleFactory(headline="Hidden draft", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(headline="Hidden stub", body="<p>Coming soon</p>")
    return article


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize("url,version", [("/feeds/rss/", "rss20"), ("/feeds/atom/", "atom10")])
def test_site_feed_entries_carry_authors_categories_dates_and_image(client, story, url, version):
    _, parsed = parse(client, url)
    assert parsed.version == version
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Clinic opens in Khoy"]
    entry = parsed.entries[0]
    assert {a.name for a in entry.authors} == {"Sara Ahmadi", "Reza Karimi"}
    assert {"earthquake", "health", "Humanitarian"} <= {t.term for t in entry.tags}
    assert entry.summary.startswith("Tents, water")
    assert entry.published_parsed
    if version == "atom10":
        assert entry.updated_parsed
    enclosure = entry.enclosures[0]
    assert enclosure.href.startswith("http://testserver/media/") and enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0


def test_json_feed_has_the_spec_required_fields(client, story):
    response = client.get("/feeds/json/")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = response.json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and isinstance(feed["items"], list)
    assert [item["title"] for item in feed["items"]] == ["Clinic opens in Khoy"]
    item = feed["items"][0]
    assert item["id"] and ("content_html" in item or "content_text" in item)
    assert [a["name"] for a in item["authors"]] == ["Sara Ahmadi", "Reza Karimi"]
    assert item["image"].startswith("http://testserver/media/")
    assert item["date_published"] and item["date_modified"]


@pytest.fixture
def listings(story):
    """Every kind of listing page, each with the public story and a draft linked to it."""
    person, org, event = (
        PersonFactory(slug="kolivand", name="Pirhossein Kolivand"),
        OrganizationFactory(slug="icrc"),
        EventFactory(slug="summit"),
    )
    draft = Article.objects.get(headline="Hidden draft")
    for article in (story, draft):
        ArticlePersonFactory(article=article, person=person)
        ArticleOrganizationFactory(article=article, organization=org)
        ArticleEventFactory(article=article, event=event)
    return [
        f"/sections/{story.section.slug}/",
        "/tags/earthquake/",
        "/people/kolivand/",
        "/organizations/icrc/",
        "/events/summit/",
    ]


def test_every_listing_and_entity_has_rss_atom_and_json_feeds_without_hidden_stories(client, listings):
    for page in listings:
        for suffix, version in (("feed/", "rss20"), ("feed/atom/", "atom10")):
            _, parsed = parse(client, page + suffix)
            assert parsed.version == version, page + suffix
            assert [e.title for e in parsed.entries] == ["Clinic opens in Khoy"], page + suffix
            assert parsed.feed.link == f"http://testserver{page}"
            assert {a.name for a in parsed.entries[0].authors} == {"Sara Ahmadi", "Reza Karimi"}
        response = client.get(page + "feed/json/")
        assert response.status_code == 200 and response["Content-Type"].startswith("application/feed+json")
        feed = json.loads(response.content)
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["home_page_url"] == f"http://testserver{page}"
        assert feed["feed_url"] == f"http://testserver{page}feed/json/"
        assert [item["title"] for item in feed["items"]] == ["Clinic opens in Khoy"], page
        assert feed["items"][0]["image"].startswith("http://testserver/media/")
    assert client.get("/people/nobody/feed/").status_code == 404
    assert client.get("/people/nobody/feed/json/").status_code == 404
    assert client.get("/tags/nothing-here/feed/atom/").status_code == 404


def test_every_listing_page_links_its_three_feeds(client, listings):
    for page in listings:
        html = client.get(page).text
        for kind, suffix in (("rss+xml", "feed/"), ("atom+xml", "feed/atom/"), ("feed+json", "feed/json/")):
            assert f'type="application/{kind}"' in html, page
            assert f'href="{page}{suffix}"' in html, (page, suffix)


@pytest.mark.django_db(transaction=True)
def test_one_feed_serves_two_requests_at_once_each_with_its_own_feed(settings, monkeypatch):
    """Two requests for two sections' feeds, on two hosts, served by the one shared Feed at once."""
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    for host in ("one", "two"):
        image = Image.objects.create(file=jpeg(), alt_text=f"Picture for {host}")
        section = SectionFactory(slug=host, name=host.title())
        article = ArticleFactory(headline=f"Story from {host}", section=section, lead_image=image)
        BylineFactory(article=article, person=PersonFactory(name=f"Author {host}"))
    view = resolve("/sections/one/feed/").func
    assert resolve("/sections/two/feed/").func is view  # one Feed instance for every request

    # Both requests have started before either writes its entries: where a request stored on the
    # shared instance would be overwritten by the other.
    both_started = threading.Barrier(2, timeout=10)
    real_feed_queryset = feeds.feed_queryset

    def feed_queryset_in_step(queryset=None):
        articles = real_feed_queryset(queryset)
        both_started.wait()
        return articles

    monkeypatch.setattr(feeds, "feed_queryset", feed_queryset_in_step)
    results = {}

    def serve(host):
        try:
            request = RequestFactory().get(f"/sections/{host}/feed/", HTTP_HOST=f"{host}.example")
            results[host] = feedparser.parse(view(request, slug=host).content)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=serve, args=(host,)) for host in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for host in ("one", "two"):
        parsed = results[host]
        assert [entry.title for entry in parsed.entries] == [f"Story from {host}"]
        entry = parsed.entries[0]
        addresses = [entry.link, parsed.feed.link, entry.enclosures[0].href]
        assert all(address.startswith(f"http://{host}.example/") for address in addresses), addresses


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"])
def test_feed_query_count_is_fixed(client, django_assert_num_queries, url):
    for _ in range(5):
        article = ArticleFactory(tags=["a", "b", "c"])
        for position in range(3):
            BylineFactory(article=article, position=position)
    # articles, their authors, their tags
    with django_assert_num_queries(3):
        client.get(url)


def test_a_persian_story_is_marked_persian_in_atom_and_json_feeds(client):
    section = SectionFactory(slug="iran", name="Iran")
    ArticleFactory(headline="کاروان امدادی به روستاها رسید", language="fa", section=section)
    ArticleFactory(headline="Convoy reaches the villages", language="en", section=section)
    _, atom = parse(client, "/sections/iran/feed/atom/")
    languages = {entry.title: entry.title_detail.language for entry in atom.entries}
    assert languages["کاروان امدادی به روستاها رسید"] == "fa"
    items = json.loads(client.get("/sections/iran/feed/json/").content)["items"]
    assert {item["title"]: item["language"] for item in items} == {
        "کاروان امدادی به روستاها رسید": "fa",
        "Convoy reaches the villages": "en",
    }
