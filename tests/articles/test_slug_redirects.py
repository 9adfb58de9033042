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


SUB_URLS = ["", "feed/", "feed/atom/", "feed/json/"]


@pytest.mark.parametrize(
    ("factory", "prefix"),
    [(PersonFactory, "/people/"), (OrganizationFactory, "/organizations/"), (EventFactory, "/events/")],
)
@pytest.mark.parametrize("sub", SUB_URLS)
def test_every_address_under_an_old_entity_slug_moves_with_its_query_string(client, factory, prefix, sub):
    entity = factory(slug="old-name")
    entity.slug = "new-name"
    entity.save()
    response = client.get(f"{prefix}old-name/{sub}?page=2&utm_source=mail")
    assert response.status_code == 301
    assert response["Location"] == f"{prefix}new-name/{sub}?page=2&utm_source=mail"


@pytest.mark.parametrize("sub", ["", "related/"])
def test_every_address_under_an_old_article_slug_moves_with_its_query_string(client, sub):
    article = ArticleFactory(slug="old-headline")
    article.slug = "new-headline"
    article.save()
    response = client.get(f"/articles/old-headline/{sub}?ref=newsletter&x=%C3%A9")
    assert response.status_code == 301
    assert response["Location"] == f"/articles/new-headline/{sub}?ref=newsletter&x=%C3%A9"
    assert client.get(response["Location"]).status_code == 200


def test_the_related_page_of_an_old_slug_of_a_hidden_article_stays_a_404(client):
    article = ArticleFactory(slug="before")
    article.slug = "after"
    article.status = "draft"
    article.save()
    assert client.get("/articles/before/related/").status_code == 404
    assert client.get("/articles/before/").status_code == 404


@pytest.mark.parametrize("sub", SUB_URLS)
def test_a_merged_persons_addresses_answer_301_to_the_kept_person(client, sub):
    from organizations.merge import entity_merge

    keep = PersonFactory(slug="pirhossein-kolivand", name="Pirhossein Kolivand")
    drop = PersonFactory(slug="p-kolivand", name="P. Kolivand")
    entity_merge(kind="person", keep=keep, drop=drop)
    response = client.get(f"/people/p-kolivand/{sub}?page=1")
    assert response.status_code == 301
    assert response["Location"] == f"/people/pirhossein-kolivand/{sub}?page=1"
    assert client.get(response["Location"]).status_code == 200


def test_a_redirect_without_a_query_string_adds_no_question_mark(client):
    person = PersonFactory(slug="first")
    person.slug = "second"
    person.save()
    assert client.get("/people/first/feed/atom/")["Location"] == "/people/second/feed/atom/"


def test_an_unknown_slug_under_feed_is_still_a_404(client):
    assert client.get("/people/nobody-at-all/feed/json/").status_code == 404
    assert client.get("/articles/nothing-here/related/").status_code == 404
