"""Revisions: every save is kept with who and when; two versions compare in words; revert works."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from articles.workflow.services import article_publish, article_submit_for_review
from tests.admin_posts import article_post, inline, loaded_version_on
from tests.factories import ArticleFactory, BylineFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sara(client):
    user = User.objects.create_superuser("sara", password=None, first_name="Sara", last_name="Ahmadi")
    client.force_login(user)
    return user


def save_article(client, article, **changes):
    article.refresh_from_db()
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]), article_post(article, **changes)
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    article.refresh_from_db()


def test_history_lists_who_saved_and_the_workflow_steps(client, sara):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    BylineFactory(article=article)
    save_article(client, article, headline="Convoy reaches the villages")
    article_submit_for_review(article=article, by=sara)
    article_publish(article=article, by=sara)
    page = client.get(reverse("admin:articles_article_history", args=[article.pk])).text
    assert "Sara Ahmadi" in page
    assert "Submitted for review" in page and "Published" in page
    assert Version.objects.get_for_object(article).count() == 3


def test_compare_shows_the_changed_words(client, sara):
    article = ArticleFactory(
        status=Article.Status.DRAFT, published_at=None, headline="Convoy reaches villages"
    )
    save_article(client, article)
    save_article(client, article, headline="Second convoy reaches mountain villages")
    page = client.get(reverse("admin:articles_article_compare", args=[article.pk])).text
    assert "<del>Convoy</del>" in page
    assert "<ins>Second convoy</ins>" in page
    assert "<ins>mountain</ins>" in page


def test_revert_restores_the_old_text_and_keeps_versions_moving_forward(client, sara):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="Original headline")
    save_article(client, article)
    save_article(client, article, headline="Changed headline")
    before_revert = article.version
    first = Version.objects.get_for_object(article).order_by("revision__date_created").first()
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    form = client.get(url)
    assert "Original headline" in form.text
    # The revert page is based on the version it replaces: a save in between is caught too.
    assert loaded_version_on(form) == str(before_revert)
    reverted = article_post(article, headline="Original headline", loaded_version=loaded_version_on(form))
    response = client.post(url, reverted)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Original headline"
    assert article.version > before_revert  # a stale form from before the revert is still caught


def test_entities_have_history_and_compare(client, sara):
    person = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    url = reverse("admin:organizations_person_change", args=[person.pk])
    data = {
        "name": "Pirhossein Kolivand", "slug": person.slug, "bio": "Head of the society.", "wikidata_id": "",
        "loaded_version": str(person.version), **inline("aliases", []), **inline("affiliations", []),
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    data.update(bio="Head of the Red Crescent Society.", loaded_version=str(person.version))
    assert client.post(url, data).status_code == 302
    page = client.get(reverse("admin:organizations_person_compare", args=[person.pk])).text
    assert "<del>society.</del> <ins>Red Crescent Society.</ins>" in page
    assert "Sara Ahmadi" in page


def test_revert_never_changes_the_status(client, sara):
    from django.utils import timezone

    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="Draft headline")
    BylineFactory(article=article)
    article_publish(article=article, by=sara)  # a revision with status "published"
    save_article(client, article, headline="Corrected headline")
    published = Version.objects.get_for_object(article).order_by("revision__date_created").first()
    assert published.field_dict["status"] == "published"
    Article.objects.filter(pk=article.pk).update(status=Article.Status.UNPUBLISHED)
    article.refresh_from_db()
    url = reverse("admin:articles_article_revision", args=[article.pk, published.pk])
    data = article_post(article, headline="Draft headline", loaded_version=loaded_version_on(client.get(url)))
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Draft headline"
    assert article.status == Article.Status.UNPUBLISHED  # still off the site
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert article.published_at <= timezone.now()


def test_an_author_cannot_revert_someone_elses_article(client):
    from tests.articles.test_workflow import make_user

    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="Editor's story")
    editor = make_user("emre", "Editor")
    client.force_login(editor)
    save_article(client, article, headline="Editor's story, first version")
    save_article(client, article, headline="Editor's story, second version")
    first = Version.objects.get_for_object(article).order_by("revision__date_created").first()
    client.force_login(make_user("ayla", "Author"))
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    assert client.post(url, article_post(article, headline="Hijacked")).status_code == 403
    article.refresh_from_db()
    assert article.headline == "Editor's story, second version"


def test_a_recovered_deleted_article_comes_back_as_a_draft(client, sara):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="Deleted by mistake")
    BylineFactory(article=article)
    article_publish(article=article, by=sara)
    article.refresh_from_db()
    # The recovered form shows the article as it was, bylines included, but as a draft.
    data = article_post(article, status="draft")
    Article.objects.filter(pk=article.pk).delete()
    deleted = Version.objects.get_deleted(Article).get()
    url = reverse("admin:articles_article_recover", args=[deleted.pk])
    assert '<option value="draft" selected>' in client.get(url).text
    assert not Article.objects.exists()  # looking at it recovers nothing
    response = client.post(url, data)
    assert response.status_code == 302
    recovered = Article.objects.get(headline="Deleted by mistake")
    assert recovered.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_a_save_made_while_the_revert_page_was_open_stops_the_revert(client, sara):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="Original headline")
    save_article(client, article)
    save_article(client, article, headline="Changed headline")
    first = Version.objects.get_for_object(article).order_by("revision__date_created").first()
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    opened = loaded_version_on(client.get(url))
    save_article(client, article, headline="Saved by a colleague meanwhile")
    response = client.post(url, article_post(article, headline="Original headline", loaded_version=opened))
    assert response.status_code == 200
    assert "while you were editing" in response.text
    article.refresh_from_db()
    assert article.headline == "Saved by a colleague meanwhile"
