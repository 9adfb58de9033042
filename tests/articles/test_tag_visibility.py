"""A tag's page exists only while a published story carries the tag."""

import pytest

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_tag_used_only_by_drafts_answers_404_on_its_page_and_feed(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    draft.tags.add("Secret merger")
    assert client.get("/tags/secret-merger/").status_code == 404
    assert client.get("/tags/secret-merger/feed/").status_code == 404


def test_tag_page_appears_once_a_story_with_it_is_published_and_goes_when_it_is_unpublished(client):
    story = ArticleFactory()
    story.tags.add("Flood relief")
    assert client.get("/tags/flood-relief/").status_code == 200
    assert "Flood relief" in client.get("/tags/flood-relief/").content.decode()
    Article.objects.filter(pk=story.pk).update(status=Article.Status.UNPUBLISHED)
    assert client.get("/tags/flood-relief/").status_code == 404
