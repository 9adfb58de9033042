"""Sitemaps and robots.txt as a search engine reads them."""

import time
from datetime import datetime, timedelta
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


def articles_sitemap_page(article) -> str:
    """The page of ``/sitemap-articles.xml`` that lists ARTICLE (pages are id ranges: a test run's
    ids soon pass the first page's)."""
    from newsroom.sitemap_pages import PAGE_SIZE

    return f"/sitemap-articles.xml?p={(article.pk - 1) // PAGE_SIZE + 1}"


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
        ("/sitemap.xml", 12),  # per kind: the largest id (its pages) and the latest change
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


def test_sitemap_pages_are_id_ranges_listed_in_the_index_and_hold_public_pages_only(client, monkeypatch):
    from articles.public.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 3)
    now = timezone.now()
    public = [ArticleFactory(slug=f"public-{i}") for i in range(7)]
    ArticleFactory(slug="draft-late", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(
        slug="expired", published_at=now - timedelta(days=2), unpublish_at=now - timedelta(minutes=1)
    )
    last_id = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
    pages = -(-last_id // 3)
    index = locs(xml(client, "/sitemap.xml"))
    listed = [u for u in index if "sitemap-articles.xml" in u]
    assert listed == ["http://testserver/sitemap-articles.xml"] + [
        f"http://testserver/sitemap-articles.xml?p={n}" for n in range(2, pages + 1)
    ]
    seen = []
    for url in listed:
        page = locs(xml(client, url.removeprefix("http://testserver")))
        assert len(page) <= 3
        seen += page
    assert sorted(seen) == sorted(f"http://testserver/articles/{a.slug}/" for a in public)
    assert client.get(f"/sitemap-articles.xml?p={pages + 1}").status_code == 404
    assert client.get("/sitemap-articles.xml?p=x").status_code == 404


def test_tag_lastmod_is_its_newest_public_story_and_ignores_drafts(client):
    old = ArticleFactory(slug="older", tags=["flood"])
    newer = ArticleFactory(slug="newer", tags=["flood", "quake"])
    draft = ArticleFactory(slug="draft", status=Article.Status.DRAFT, published_at=None, tags=["flood"])
    stamp = timezone.now().replace(microsecond=0)
    Article.objects.filter(pk=old.pk).update(updated_at=stamp - timedelta(days=3))
    Article.objects.filter(pk=newer.pk).update(updated_at=stamp - timedelta(days=1))
    Article.objects.filter(pk=draft.pk).update(updated_at=stamp)  # a draft's edit changes no public page
    root = xml(client, "/sitemap-tags.xml")
    lastmods = {
        url.find("s:loc", NS).text: url.find("s:lastmod", NS).text for url in root.findall("s:url", NS)
    }
    day = timezone.localtime(stamp - timedelta(days=1)).date().isoformat()  # a page's lastmod is a date
    assert lastmods == {"http://testserver/tags/flood/": day, "http://testserver/tags/quake/": day}
    tags_entry = next(
        entry
        for entry in xml(client, "/sitemap.xml").findall("s:sitemap", NS)
        if entry.find("s:loc", NS).text == "http://testserver/sitemap-tags.xml"
    )
    assert datetime.fromisoformat(tags_entry.find("s:lastmod", NS).text) == stamp - timedelta(days=1)


@pytest.mark.parametrize("kind", ["articles", "tags", "people", "sections"])
def test_each_sitemap_page_lists_what_djangos_sitemap_view_lists(client, rf, site, kind):
    from django.contrib.sitemaps.views import sitemap as django_sitemap

    from website.sitemaps import SITEMAPS

    for i in range(3):
        ArticleFactory(slug=f"more-{i}", tags=[f"topic-{i}", "flood"])
        PersonFactory(slug=f"person-{i}")
    response = client.get(f"/sitemap-{kind}.xml")
    assert response["Content-Type"].startswith("application/xml")
    assert response.has_header("Last-Modified")
    ours = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    theirs = ElementTree.fromstring(  # noqa: S314
        django_sitemap(rf.get(f"/sitemap-{kind}.xml"), SITEMAPS, section=kind).render().content
    )

    def entries(root):
        return [
            (url.find("s:loc", NS).text, getattr(url.find("s:lastmod", NS), "text", None))
            for url in root.findall("s:url", NS)
        ]

    assert entries(ours) == entries(theirs) and entries(ours)


def test_a_sitemap_page_holds_at_most_page_size_urls_and_the_index_lists_the_next_page(client):
    from newsroom.sitemap_pages import PAGE_SIZE

    ArticleFactory.create_batch(PAGE_SIZE + 5)
    first = locs(xml(client, "/sitemap-articles.xml"))
    second = locs(xml(client, "/sitemap-articles.xml?p=2"))
    assert len(first) <= PAGE_SIZE and second and not set(first) & set(second)
    assert "http://testserver/sitemap-articles.xml?p=2" in locs(xml(client, "/sitemap.xml"))


def test_kept_tag_lastmods_follow_publishing_and_never_show_a_non_public_storys_time(client, settings):
    from articles.workflow.services import article_unpublish
    from tests.articles.test_workflow import make_user

    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = 3600  # the tags' page of rows is kept

    def lastmods():
        root = xml(client, "/sitemap-tags.xml")
        return {
            url.find("s:loc", NS).text: url.find("s:lastmod", NS).text for url in root.findall("s:url", NS)
        }

    old = ArticleFactory(slug="older", tags=["flood"])
    three_days_ago = timezone.now() - timedelta(days=3)
    Article.objects.filter(pk=old.pk).update(updated_at=three_days_ago)
    before = timezone.localtime(three_days_ago).date().isoformat()
    today = timezone.localdate().isoformat()
    flood = "http://testserver/tags/flood/"
    assert lastmods() == {flood: before}
    ArticleFactory(slug="draft", status=Article.Status.DRAFT, published_at=None, tags=["flood"])
    assert lastmods() == {flood: before}  # a draft's edit changes no public page
    fresh = ArticleFactory(slug="fresh", tags=["flood"])
    assert lastmods() == {flood: today}
    article_unpublish(article=fresh, by=make_user("emre", "Editor"))
    assert lastmods() == {flood: before}
    ArticleFactory(slug="soon", tags=["quake"], published_at=timezone.now() + timedelta(seconds=2))
    assert lastmods() == {flood: before}
    time.sleep(2.2)  # nothing is saved when its time comes: the kept rows must not outlive it
    assert lastmods() == {flood: before, "http://testserver/tags/quake/": today}
