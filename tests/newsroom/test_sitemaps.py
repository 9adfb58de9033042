"""Sitemaps and robots.txt as a search engine reads them."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, EventFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ElementTree.fromstring(response.content)  # noqa: S314 (our own output)


def locs(root) -> list[str]:
    return [el.text for el in root.iterfind(".//s:loc", NS)]


@pytest.fixture
def site():
    now = timezone.now()
    stories = {
        "fresh": ArticleFactory(slug="fresh", tags=["flood"], published_at=now - timedelta(hours=3)),
        "old": ArticleFactory(slug="old", published_at=now - timedelta(days=5)),
        "noindex": ArticleFactory(slug="noindexed", noindex=True),
        "draft": ArticleFactory(
            slug="draft", status=Article.Status.DRAFT, published_at=None, tags=["secret"]
        ),
        "scheduled": ArticleFactory(
            slug="scheduled", status=Article.Status.SCHEDULED, published_at=now + timedelta(hours=5)
        ),
        "stub": ArticleFactory(slug="stub", body="<p>Lorem ipsum</p>"),
    }
    PersonFactory(slug="kolivand")
    OrganizationFactory(slug="icrc")
    EventFactory(slug="summit")
    return stories


def test_sitemap_index_lists_every_kind_with_lastmod(client, site):
    root = xml(client, "/sitemap.xml")
    entries = root.findall("s:sitemap", NS)
    urls = [e.find("s:loc", NS).text for e in entries]
    for kind in ("articles", "sections", "tags", "people", "organizations", "events"):
        assert f"http://testserver/sitemap-{kind}.xml" in urls
    assert all(e.find("s:lastmod", NS) is not None for e in entries)


def test_sitemaps_list_public_pages_only(client, site):
    articles = locs(xml(client, "/sitemap-articles.xml"))
    assert set(articles) == {"http://testserver/articles/fresh/", "http://testserver/articles/old/"}
    tags = locs(xml(client, "/sitemap-tags.xml"))
    assert tags == ["http://testserver/tags/flood/"]
    assert "http://testserver/people/kolivand/" in locs(xml(client, "/sitemap-people.xml"))
    assert "http://testserver/organizations/icrc/" in locs(xml(client, "/sitemap-organizations.xml"))
    assert "http://testserver/events/summit/" in locs(xml(client, "/sitemap-events.xml"))
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_news_sitemap_has_only_the_last_two_days_in_google_news_format(client, site):
    root = xml(client, "/news-sitemap.xml")
    assert locs(root) == ["http://testserver/articles/fresh/"]
    news = root.find(".//news:news", NS)
    assert news.find("news:publication/news:name", NS).text
    assert news.find("news:publication/news:language", NS).text == "en"
    assert news.find("news:publication_date", NS).text.startswith(str(timezone.localdate().year))
    assert news.find("news:title", NS).text == site["fresh"].headline


def test_robots_txt_names_both_sitemaps(client):
    text = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text


@pytest.mark.parametrize(
    "url,budget",
    [
        ("/sitemap.xml", 12),  # per kind: a count and the latest change
        ("/sitemap-articles.xml", 2),
        ("/sitemap-tags.xml", 2),
        ("/sitemap-people.xml", 2),
        ("/news-sitemap.xml", 1),
    ],
)
def test_sitemap_query_count_is_fixed(client, django_assert_num_queries, url, budget):
    for i in range(5):
        ArticleFactory(tags=[f"topic-{i}"])
        PersonFactory()
    with django_assert_num_queries(budget):
        assert client.get(url).status_code == 200
