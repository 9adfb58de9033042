"""A changed slug keeps every old URL working with one 301 to the current URL."""

import pytest

from tests.factories import ArticleFactory, EventFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [ArticleFactory, PersonFactory, OrganizationFactory, EventFactory])
def test_old_slugs_redirect_to_the_current_url_in_one_hop(client, factory):
    obj = factory(slug="first-name")
    first_url = obj.get_absolute_url()
    obj.slug = "second-name"
    obj.save()
    obj.slug = "third-name"
    obj.save()
    for old in (first_url, first_url.replace("first-name", "second-name")):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == obj.get_absolute_url()
    assert client.get(obj.get_absolute_url()).status_code == 200


def test_a_slug_taken_back_stops_redirecting(client):
    article = ArticleFactory(slug="original")
    article.slug = "renamed"
    article.save()
    article.slug = "original"
    article.save()
    assert client.get("/articles/original/").status_code == 200
    assert client.get("/articles/renamed/").status_code == 301


def test_old_slug_of_a_hidden_article_does_not_reveal_it(client):
    article = ArticleFactory(slug="before", status="draft", published_at=None)
    article.slug = "after"
    article.save()
    assert client.get("/articles/before/").status_code == 404


def test_unknown_slug_is_a_404_in_the_site_design(client):
    response = client.get("/people/nobody-by-this-name/")
    assert response.status_code == 404
    assert "Page not found" in response.text
