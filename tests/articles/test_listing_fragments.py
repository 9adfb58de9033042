"""Section and tag listings keep their page of stories between renders (newsroom/fragments.py), and
whatever a reader would notice shows on the very next render: a new story, an edited headline, an
unpublished story, a story going public or expiring by the clock, an older page by its cursor."""

import re
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.workflow.services import article_unpublish
from tests.articles.test_workflow import make_user
from tests.factories import ArticleFactory
from tests.fragment_pages import _fragments_on, page  # noqa: F401 (the fixture is used by name)

pytestmark = pytest.mark.django_db

SECTION = "/sections/humanitarian/"


@pytest.fixture
def stories():
    now = timezone.now()
    return [
        ArticleFactory(headline=f"Convoy day {i}", tags=["floods"], published_at=now - timedelta(hours=i + 1))
        for i in range(3)
    ]


def test_a_second_render_is_the_same_page_without_the_lists_queries(client, stories):
    cold, cold_queries = page(client, SECTION)
    warm, warm_queries = page(client, SECTION)
    assert warm == cold
    assert all(f"Convoy day {i}" in warm for i in range(3))
    # Kept: neither the page of stories nor their pictures is read again; the section is.
    assert warm_queries <= cold_queries - 2


def test_a_new_story_an_edit_and_an_unpublished_story_show_on_the_next_render(client, stories):
    for url in (SECTION, "/tags/floods/"):
        page(client, url)
    ArticleFactory(headline="Field hospital opens", tags=["floods"])
    stories[0].headline = "Convoy reaches the last village"
    stories[0].save()
    article_unpublish(article=stories[1], by=make_user("emre", "Editor"))
    for url in (SECTION, "/tags/floods/"):
        html, _queries = page(client, url)
        assert "Field hospital opens" in html
        assert "Convoy reaches the last village" in html and "Convoy day 0" not in html
        assert "Convoy day 1" not in html


def test_a_story_going_public_or_expiring_by_the_clock_shows_when_its_time_comes(client, stories):
    now = timezone.now()
    ArticleFactory(headline="Winter appeal launched", published_at=now + timedelta(seconds=2))
    ArticleFactory(
        headline="Road closure notice",
        published_at=now - timedelta(hours=5),
        unpublish_at=now + timedelta(seconds=2),
    )
    html, _queries = page(client, SECTION)
    assert "Winter appeal launched" not in html and "Road closure notice" in html
    time.sleep(2.2)  # nothing is saved when their time comes: the kept page must not outlive it
    html, _queries = page(client, SECTION)
    assert "Winter appeal launched" in html and "Road closure notice" not in html


def test_each_page_is_kept_apart_and_a_bad_cursor_is_a_404_each_time(client):
    now = timezone.now()
    for i in range(25):
        ArticleFactory(headline=f"Aid update {i:02d}", published_at=now - timedelta(hours=i + 1))
    first, _queries = page(client, SECTION)
    older = re.search(r'href="(\?before=[^"]+)"', first).group(1)
    second, _queries = page(client, SECTION + older)
    assert "Aid update 00" in first and "Aid update 00" not in second
    assert "Aid update 24" in second and "Aid update 24" not in first
    assert page(client, SECTION)[0] == first
    for _ in range(2):
        assert client.get(SECTION + "?before=yesterday").status_code == 404


def test_an_old_page_number_still_redirects_to_its_cursor(client):
    now = timezone.now()
    for i in range(25):
        ArticleFactory(headline=f"Aid update {i:02d}", published_at=now - timedelta(hours=i + 1))
    for _ in range(2):  # the second answer comes from the kept fragment
        response = client.get(SECTION + "?page=2")
        assert response.status_code == 302 and "?before=" in response["Location"]
