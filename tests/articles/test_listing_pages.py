"""Section and tag listings paged by cursor: a reader walks "Older stories" to the end of the
archive and back with "Newer", sees every public story exactly once, never an unpublished one,
keeps old ``?page=N`` bookmarks, and gets a 404 (never a 500) for a cursor that is not one."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.public.views import LISTING_PAGE_SIZE
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

SIZE = LISTING_PAGE_SIZE


def headlines(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def link(html: str, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', html)
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def archive():
    """45 public stories in one section (some published in the same second), and one story of
    each non-public kind placed among them."""
    section = SectionFactory(slug="health", name="Health")
    now = timezone.now().replace(microsecond=0)
    public = []
    for i in range(45):
        # Stories 10 to 14 share one publish time: the id settles their order.
        at = now - timedelta(hours=10) if 10 <= i < 15 else now - timedelta(hours=i, minutes=1)
        public.append(
            ArticleFactory(
                headline=f"Public story {i:02}", section=section, published_at=at, tags=["measles"]
            )
        )
    hidden = [
        ArticleFactory(
            headline="Hidden draft", section=section, status=Article.Status.DRAFT, published_at=None
        ),
        ArticleFactory(
            headline="Hidden scheduled",
            section=section,
            status=Article.Status.SCHEDULED,
            published_at=now + timedelta(hours=3),
        ),
        ArticleFactory(
            headline="Hidden expired",
            section=section,
            published_at=now - timedelta(hours=20, minutes=30),
            unpublish_at=now - timedelta(minutes=5),
            tags=["measles"],
        ),
        ArticleFactory(
            headline="Hidden stub",
            section=section,
            body="<p>This article will be expanded soon.</p>",
            published_at=now - timedelta(hours=5, minutes=30),
            tags=["measles"],
        ),
    ]
    assert all(a.is_stub or a.status != Article.Status.PUBLISHED or a.unpublish_at for a in hidden)
    newest_first = sorted(public, key=lambda a: (a.published_at, a.pk), reverse=True)
    return {"section": section, "expected": [a.headline for a in newest_first]}


@pytest.mark.parametrize("base", ["/sections/health/", "/tags/measles/"])
def test_older_links_walk_the_whole_archive_once_and_newer_links_walk_back(client, archive, base):
    seen, pages, url = [], [], base
    while url:
        response = client.get(url if url.startswith("/") else base + url)
        assert response.status_code == 200, url
        pages.append((url, headlines(response.text)))
        seen += pages[-1][1]
        url = link(response.text, "next")
    assert seen == archive["expected"]
    assert [len(titles) for _, titles in pages] == [SIZE, SIZE, 5]
    assert "Hidden" not in " ".join(seen)
    # Back from the last page with "Newer": the same pages, in reverse order.
    last = client.get(base + pages[-1][0])
    newer = client.get(base + link(last.text, "prev"))
    assert headlines(newer.text) == pages[1][1]
    first = client.get(base + link(newer.text, "prev"), follow=True)
    assert headlines(first.text) == pages[0][1]
    assert link(first.text, "prev") is None


def test_first_page_has_no_page_count_and_no_newer_link(client, archive):
    html = client.get("/sections/health/").text
    assert link(html, "prev") is None
    assert link(html, "next").startswith("?before=")
    assert "Page 1 of" not in html


@pytest.mark.parametrize("page,first_headline", [("1", "Public story 00"), ("2", None), ("3", None)])
def test_an_old_page_bookmark_redirects_to_the_same_place(client, archive, page, first_headline):
    response = client.get(f"/sections/health/?page={page}")
    assert response.status_code == 302
    landed = client.get(response["Location"])
    assert landed.status_code == 200
    start = (int(page) - 1) * SIZE
    assert headlines(landed.text) == archive["expected"][start : start + SIZE]


@pytest.mark.parametrize(
    "query",
    [
        "page=4",  # past the end
        "page=0",
        "page=two",
        "page=99999999999999999999",
        "before=yesterday",
        "before=2026-11-30T12:00:00Z",  # no id
        "before=2026-11-30T12:00:00_5",  # no time zone
        "before=2026-11-30T12:00:00Z_-5",
        "before=2026-11-30T12:00:00Z_99999999999999999999999",
        "after=2026-13-45T12:00:00Z_5",
        "before=1990-01-01T00:00:00Z_1",  # nothing that old
        "before=2026-11-30T12:00:00Z_5&after=2026-11-30T12:00:00Z_5",
    ],
)
def test_a_bad_cursor_or_page_is_a_404_not_a_500(client, archive, query):
    assert client.get(f"/sections/health/?{query}").status_code == 404
    assert client.get(f"/tags/measles/?{query}").status_code == 404


def test_a_hand_typed_offset_in_a_cursor_is_read_as_a_time_zone(client, archive):
    # "+" arrives as a space when not escaped; the cursor still names the same moment.
    plain = client.get("/sections/health/?before=2099-01-01T00:00:00Z_1")
    typed = client.get("/sections/health/?before=2099-01-01T03:30:00+03:30_1")
    assert plain.status_code == typed.status_code == 200
    assert headlines(plain.text) == headlines(typed.text) == archive["expected"][:SIZE]


def test_a_story_that_expires_leaves_the_listing_at_once(client, archive):
    story = Article.objects.get(headline="Public story 03")
    assert "Public story 03" in headlines(client.get("/sections/health/").text)
    Article.objects.filter(pk=story.pk).update(unpublish_at=timezone.now() - timedelta(seconds=1))
    assert "Public story 03" not in headlines(client.get("/sections/health/").text)
