"""Feeds as a feed reader sees them: RSS 2.0, Atom 1.0, JSON Feed 1.1, and one RSS per listing page."""

import io

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from articles.models import Article, Image
from tests.factories import (
    ArticleEventFactory,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
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


def test_every_listing_and_entity_has_an_rss_feed_without_hidden_stories(client, story):
    person, org, event = (
        PersonFactory(slug="kolivand"),
        OrganizationFactory(slug="icrc"),
        EventFactory(slug="summit"),
    )
    draft = Article.objects.get(headline="Hidden draft")
    for article in (story, draft):
        ArticlePersonFactory(article=article, person=person)
        ArticleOrganizationFactory(article=article, organization=org)
        ArticleEventFactory(article=article, event=event)
    for url in [
        f"/sections/{story.section.slug}/feed/",
        "/tags/earthquake/feed/",
        "/people/kolivand/feed/",
        "/organizations/icrc/feed/",
        "/events/summit/feed/",
    ]:
        _, parsed = parse(client, url)
        assert [e.title for e in parsed.entries] == ["Clinic opens in Khoy"], url
    assert client.get("/people/nobody/feed/").status_code == 404


def test_pages_link_their_feeds(client, story):
    html = client.get("/tags/earthquake/").text
    assert 'type="application/rss+xml"' in html and 'href="/tags/earthquake/feed/"' in html
    assert 'type="application/feed+json"' in html and 'type="application/atom+xml"' in html


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"])
def test_feed_query_count_is_fixed(client, django_assert_num_queries, url):
    for _ in range(5):
        article = ArticleFactory(tags=["a", "b", "c"])
        for position in range(3):
            BylineFactory(article=article, position=position)
    # articles, their authors, their tags
    with django_assert_num_queries(3):
        client.get(url)
