"""One change notice per write: related posts, the search index and the page cache each run once.

An admin publish used to say "this article changed" twice (the admin and the workflow service),
so every derived refresh ran twice and two workers then collided. Each test counts the notices
that reach a receiver after commit.
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from articles.changes import content_changed
from articles.models import Article, RelatedArticle
from organizations.merge import entity_merge
from tests.admin_posts import article_post
from tests.factories import (
    STORY,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    OrganizationFactory,
    PersonFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

NEWS_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "news_page_tabriz_shelters.txt"


def ready(**kwargs) -> Article:
    article = ArticleFactory(status=Article.Status.IN_REVIEW, published_at=None, **kwargs)
    BylineFactory(article=article)
    return article


def test_publishing_with_the_admin_action_sends_one_notice(
    admin_client, change_notices, django_capture_on_commit_callbacks
):
    article = ready()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_now", "_selected_action": [article.pk], "index": 0},
        )
    assert response.status_code == 302
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert change_notices == [({article.pk}, ("published",))]


def test_publishing_several_with_the_admin_action_sends_one_notice_for_all(
    admin_client, change_notices, django_capture_on_commit_callbacks
):
    articles = [ready() for _ in range(3)]
    refused = ArticleFactory(status=Article.Status.IN_REVIEW, published_at=None)  # no byline
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish_now", "_selected_action": [a.pk for a in [*articles, refused]], "index": 0},
        )
    assert Article.objects.published().count() == 3
    assert change_notices == [({a.pk for a in articles}, ("published",))]


def test_publishing_with_the_change_form_sends_one_notice(
    admin_client, change_notices, django_capture_on_commit_callbacks
):
    article = ready()
    url = reverse("admin:articles_article_change", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, article_post(article, status="published"))
    assert response.status_code == 302
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert [ids for ids, _reasons in change_notices] == [{article.pk}]
    assert set(change_notices[0][1]) == {"published"}  # the status step speaks for the whole save


def test_editing_a_published_story_in_the_admin_sends_one_notice(
    admin_client, client, change_notices, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline="Convoy reaches Khoy")
    BylineFactory(article=article)
    url = reverse("admin:articles_article_change", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, article_post(article, headline="Convoy reaches Salmas"))
    assert response.status_code == 302
    assert change_notices == [({article.pk}, ("edited in the admin",))]
    # The one notice did its work: search finds the new headline.
    assert "1 story for “Salmas”" in client.get("/search/", {"q": "Salmas"}).text


def test_an_import_of_several_articles_sends_one_notice_naming_them_all(
    tmp_path, change_notices, django_capture_on_commit_callbacks
):
    SectionFactory(slug="health", name="Health")
    PersonFactory(slug="nasrin-karimi", name="Nasrin Karimi")
    PersonFactory(slug="parisa-hosseinzadeh", name="Parisa Hosseinzadeh")  # named in the news page
    lines = [
        {
            "type": "article",
            "slug": f"clinic-{n}",
            "headline": f"Clinic story {n}",
            "dek": "A clinic reopens.",
            "body": STORY,
            "section": "health",
            "status": "published",
            "bylines": [{"person": "nasrin-karimi", "role": "author"}],  # the publish gate asks for one
            "people": [{"slug": "nasrin-karimi", "role": "about"}],
        }
        for n in range(3)
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), "utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        # --link also links the page's named people, which says "changed" again: still one notice.
        call_command("import_articles", str(path), str(NEWS_PAGE), "--link", stdout=io.StringIO())
    imported = set(Article.objects.values_list("pk", flat=True))
    assert len(imported) == 4
    assert Article.objects.filter(person_links__person__slug="parisa-hosseinzadeh").count() == 1
    assert [ids for ids, _reasons in change_notices] == [imported]
    # The one notice did its work: every imported story is in the search index. (The three clinic
    # stories share one body: near-duplicates, never each other's related stories.)
    assert not Article.objects.filter(search_vector__isnull=True).exists()
    assert RelatedArticle.objects.filter(article__slug="clinic-0").count() == 0


def test_a_merge_sends_one_notice_for_the_stories_of_the_kept_record(
    change_notices, django_capture_on_commit_callbacks
):
    keep = OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC")
    drop = OrganizationFactory(name="Intl. Committee of the Red Cross", acronym="")
    kept_story, moved_story, other = ArticleFactory(), ArticleFactory(), ArticleFactory()
    ArticleOrganizationFactory(article=kept_story, organization=keep)
    ArticleOrganizationFactory(article=moved_story, organization=drop)
    ArticleOrganizationFactory(article=moved_story, organization=keep)  # the same link twice
    with django_capture_on_commit_callbacks(execute=True):
        entity_merge(kind="organization", keep=keep, drop=drop)
    assert len(change_notices) == 1
    assert change_notices[0][0] == {kept_story.pk, moved_story.pk}
    assert other.pk not in change_notices[0][0]


def test_deleting_a_person_tells_the_stories_that_linked_to_them(
    change_notices, django_capture_on_commit_callbacks, client
):
    person = PersonFactory(name="Zohreh Tabrizi")
    story = ArticleFactory(headline="Nurses rebuild a ward")
    ArticlePersonFactory(article=story, person=person)
    with django_capture_on_commit_callbacks(execute=True):
        content_changed(article_ids=[story.pk], reason="indexed")
    assert "Nurses rebuild a ward" in client.get("/search/", {"q": "Tabrizi"}).text
    change_notices.clear()
    with django_capture_on_commit_callbacks(execute=True):
        person.delete()
    assert change_notices == [({story.pk}, ("person deleted",))]
    assert "Nurses rebuild a ward" not in client.get("/search/", {"q": "Tabrizi"}).text


@pytest.mark.django_db(transaction=True)
def test_notices_follow_real_commits_and_rollbacks(change_notices):
    first, second = ArticleFactory(), ArticleFactory()
    # Outside a transaction: at once.
    content_changed(article_ids=[first.pk], reason="autocommit")
    assert change_notices == [({first.pk}, ("autocommit",))]
    change_notices.clear()
    # Several calls in one transaction, one of them inside a savepoint that is rolled back later:
    # one notice after the commit, with every id (redoing derived work is harmless; losing it is not).
    with transaction.atomic():
        content_changed(article_ids=[first.pk], reason="edited")
        try:
            with transaction.atomic():
                content_changed(article_ids=[second.pk], reason="relinked")
                raise RuntimeError("the inner write fails")
        except RuntimeError:
            pass
        content_changed(article_ids=[first.pk], reason="edited")
        assert change_notices == []  # nothing before the commit
    assert change_notices == [({first.pk, second.pk}, ("edited", "relinked"))]
    change_notices.clear()
    # A transaction rolled back sends nothing, and a savepoint holding every call neither.
    with pytest.raises(RuntimeError), transaction.atomic():
        content_changed(article_ids=[first.pk], reason="edited")
        raise RuntimeError("the write fails")
    with transaction.atomic():
        try:
            with transaction.atomic():
                content_changed(article_ids=[first.pk], reason="edited")
                content_changed(article_ids=[second.pk], reason="edited")
                raise RuntimeError("the inner write fails")
        except RuntimeError:
            pass
    assert change_notices == []
