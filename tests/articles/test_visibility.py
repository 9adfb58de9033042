"""Nothing unpublished is public: drafts, in review, scheduled, unpublished, expired and stubs
give 404 on their own URL and are linked from no page built so far."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.related.scoring import related_rebuild
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

HIDDEN = {
    "draft": {"status": Article.Status.DRAFT, "published_at": None},
    "in-review": {"status": Article.Status.IN_REVIEW, "published_at": None},
    "scheduled": {
        "status": Article.Status.SCHEDULED,
        "published_at": timezone.now() + timedelta(days=2),
    },
    "published-in-future": {
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() + timedelta(days=2),
    },
    "unpublished": {"status": Article.Status.UNPUBLISHED, "published_at": timezone.now() - timedelta(days=2)},
    "expired": {
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=3),
        "unpublish_at": timezone.now() - timedelta(days=1),
    },
    "stub": {"body": "<p>This article will be expanded soon…</p>"},
}


@pytest.fixture
def newsroom():
    """One public story and one hidden story of each kind, all sharing the same entities and tag."""
    person, org, event = PersonFactory(slug="leila-ahmadi"), OrganizationFactory(slug="icrc"), EventFactory()
    stories = {"public": ArticleFactory(headline="Public story", slug="public-story", tags=["relief"])}
    for name, fields in HIDDEN.items():
        stories[name] = ArticleFactory(
            headline=f"Hidden {name} story", slug=f"hidden-{name}", tags=["relief"], **fields
        )
    for article in stories.values():
        ArticlePersonFactory(article=article, person=person)
        ArticleOrganizationFactory(article=article, organization=org)
        ArticleEventFactory(article=article, event=event)
        BylineFactory(article=article, person=person)
    for article in stories.values():
        related_rebuild(article=article)
    return stories, person, org, event


def public_pages(stories, person, org, event):
    public = stories["public"]
    return [
        "/",
        public.get_absolute_url(),
        f"/articles/{public.slug}/related/",
        f"/sections/{public.section.slug}/",
        "/tags/relief/",
        person.get_absolute_url(),
        org.get_absolute_url(),
        event.get_absolute_url(),
    ]


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_hidden_article_gives_404(client, newsroom, name):
    stories, *_ = newsroom
    assert client.get(stories[name].get_absolute_url()).status_code == 404
    assert client.get(f"/articles/{stories[name].slug}/related/").status_code == 404


def test_public_story_is_visible_everywhere(client, newsroom):
    stories, person, org, event = newsroom
    for url in public_pages(stories, person, org, event):
        if url == stories["public"].get_absolute_url() or url.endswith("/related/"):
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Public story" in response.text, url


def test_hidden_articles_are_linked_from_nowhere(client, newsroom):
    stories, person, org, event = newsroom
    for url in public_pages(stories, person, org, event):
        response = client.get(url)
        assert response.status_code == 200, url
        for name in HIDDEN:
            assert f"hidden-{name}" not in response.text, (url, name)
            assert f"Hidden {name} story" not in response.text, (url, name)


def test_related_list_never_stores_a_hidden_article(newsroom):
    stories, *_ = newsroom
    related_ids = set(stories["public"].related_entries.values_list("related_id", flat=True))
    assert related_ids.isdisjoint({stories[name].pk for name in HIDDEN})


def test_story_that_becomes_unpublished_disappears_from_related_at_once(client, newsroom):
    """Even before the stored related lists are recomputed, a page never shows a hidden story."""
    stories, *_ = newsroom
    other = ArticleFactory(headline="Second public story", slug="second-public", tags=["relief"])
    related_rebuild(article=stories["public"])
    assert "Second public story" in client.get(stories["public"].get_absolute_url()).text
    other.status = Article.Status.UNPUBLISHED
    other.save()
    assert "Second public story" not in client.get(stories["public"].get_absolute_url()).text
