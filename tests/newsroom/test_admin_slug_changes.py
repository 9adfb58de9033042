"""A slug changed in the admin answers 301 from every old URL, in one hop, for articles and entities."""

import pytest
from django.urls import reverse
from reversion.models import Version

from tests.admin_posts import article_post, loaded_version_on
from tests.factories import ArticleFactory, BylineFactory, EventFactory, OrganizationFactory, PersonFactory
from tests.newsroom.test_conflicts import ENTITY_POSTS

pytestmark = pytest.mark.django_db


def test_article_slug_changed_twice_in_the_admin_redirects_in_one_hop(admin_client, client):
    article = ArticleFactory(slug="convoy-first")
    BylineFactory(article=article)
    url = reverse("admin:articles_article_change", args=[article.pk])
    for slug in ("convoy-second", "convoy-final"):
        article.refresh_from_db()
        assert admin_client.post(url, article_post(article, slug=slug)).status_code == 302
    for old in ("/articles/convoy-first/", "/articles/convoy-second/"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == "/articles/convoy-final/"
    assert client.get("/articles/convoy-final/").status_code == 200


@pytest.mark.parametrize(
    ("model", "factory", "prefix"),
    [
        ("person", PersonFactory, "/people/"),
        ("organization", OrganizationFactory, "/organizations/"),
        ("event", EventFactory, "/events/"),
    ],
)
def test_entity_slug_changed_twice_in_the_admin_redirects_in_one_hop(
    admin_client, client, model, factory, prefix
):
    obj = factory(slug="first-slug")
    url = reverse(f"admin:organizations_{model}_change", args=[obj.pk])
    for slug in ("second-slug", "final-slug"):
        obj.refresh_from_db()
        data = {**ENTITY_POSTS[model](obj), "slug": slug, "loaded_version": str(obj.version)}
        assert admin_client.post(url, data).status_code == 302
    for old in ("first-slug", "second-slug"):
        response = client.get(f"{prefix}{old}/")
        assert response.status_code == 301
        assert response["Location"] == f"{prefix}final-slug/"


def test_reverting_to_an_old_slug_keeps_the_newer_one_redirecting(admin_client, client):
    article = ArticleFactory(slug="old-name")
    BylineFactory(article=article)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert admin_client.post(url, article_post(article)).status_code == 302
    article.refresh_from_db()
    assert admin_client.post(url, article_post(article, slug="new-name")).status_code == 302
    first = Version.objects.get_for_object(article).order_by("revision__date_created").first()
    article.refresh_from_db()
    revert_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    opened = loaded_version_on(admin_client.get(revert_url))
    data = article_post(article, slug="old-name", loaded_version=opened)
    assert admin_client.post(revert_url, data).status_code == 302
    assert client.get("/articles/old-name/").status_code == 200
    response = client.get("/articles/new-name/")
    assert response.status_code == 301 and response["Location"] == "/articles/old-name/"
