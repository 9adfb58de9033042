"""An entity page keeps its lists of stories and its timeline between renders (newsroom/fragments.py),
and whatever a reader would notice shows on the very next render: a new story, an edited headline,
an unpublished story, the entity renamed, a story going public by the clock."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.workflow.services import article_unpublish
from tests.articles.test_workflow import make_user
from tests.factories import (
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    OrganizationFactory,
    PersonFactory,
)
from tests.fragment_pages import _fragments_on, page  # noqa: F401 (the fixture is used by name)

pytestmark = pytest.mark.django_db


@pytest.fixture
def official():
    person = PersonFactory(name="Pirhossein Kolivand", slug="kolivand")
    for i in range(3):
        story = ArticleFactory(
            headline=f"Kolivand visits province {i}", published_at=timezone.now() - timedelta(days=i + 1)
        )
        ArticlePersonFactory(article=story, person=person, role="about")
    BylineFactory(article=ArticleFactory(headline="A column by Kolivand"), person=person)
    return person


def test_a_second_render_is_the_same_page_without_the_lists_queries(client, official):
    cold, cold_queries = page(client, official.get_absolute_url())
    warm, warm_queries = page(client, official.get_absolute_url())
    assert warm == cold
    assert "Kolivand visits province 2" in warm and "A column by Kolivand" in warm
    assert "Coverage by month" in warm
    # Kept: neither list of stories, their pictures nor the timeline is read again.
    assert warm_queries <= cold_queries - 4


def test_a_new_story_about_the_person_shows_on_the_next_render(client, official):
    page(client, official.get_absolute_url())
    story = ArticleFactory(headline="Kolivand opens a field hospital")
    ArticlePersonFactory(article=story, person=official, role="about")
    html, _queries = page(client, official.get_absolute_url())
    assert "Kolivand opens a field hospital" in html


def test_an_edited_headline_and_an_unpublished_story_show_on_the_next_render(client, official):
    page(client, official.get_absolute_url())
    edited, gone = official.article_links.order_by("article__published_at")[:2]
    edited.article.headline = "Kolivand tours the flooded villages"
    edited.article.save()
    article_unpublish(article=gone.article, by=make_user("emre", "Editor"))
    html, _queries = page(client, official.get_absolute_url())
    assert "Kolivand tours the flooded villages" in html
    assert gone.article.headline not in html


def test_a_renamed_person_shows_in_the_list_headings_on_the_next_render(client, official):
    page(client, official.get_absolute_url())
    official.name = "Pirhossein Kolivand-Rad"
    official.save()
    html, _queries = page(client, official.get_absolute_url())
    assert "Stories about Pirhossein Kolivand-Rad" in html
    assert "Stories about Pirhossein Kolivand<" not in html


def test_a_story_going_public_by_the_clock_joins_the_list_when_its_time_comes(client):
    org = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    ArticleOrganizationFactory(article=ArticleFactory(headline="Convoy reaches the border"), organization=org)
    soon = ArticleFactory(
        headline="Winter appeal launched", published_at=timezone.now() + timedelta(seconds=2)
    )
    ArticleOrganizationFactory(article=soon, organization=org)
    assert "Winter appeal launched" not in page(client, org.get_absolute_url())[0]
    time.sleep(2.2)  # nothing is saved when its time comes: the kept list must not outlive it
    html, _queries = page(client, org.get_absolute_url())
    assert "Winter appeal launched" in html
    assert 'class="timeline__count">2 stories<' in html


def test_each_list_page_and_month_is_kept_apart(client, official):
    first, _queries = page(client, official.get_absolute_url())
    month = timezone.localtime(timezone.now() - timedelta(days=400)).strftime("%Y-%m")
    empty, _queries = page(client, f"{official.get_absolute_url()}?month={month}")
    assert "No published stories that month." in empty and "No published stories that month." not in first
    for _ in range(2):  # a page past the end is a 404 each time, never a kept empty list
        assert client.get(f"{official.get_absolute_url()}?page=2").status_code == 404
    assert client.get(f"{official.get_absolute_url()}?show=nothing").status_code == 404
