"""Revisions: every save is kept with who and when; two versions compare in words; revert works."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from articles.services import article_publish, article_submit_for_review
from tests.admin_posts import article_post, inline
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
    reverted = article_post(
        article, headline="Original headline", loaded_version=str(first.field_dict["version"])
    )
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
