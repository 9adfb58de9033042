"""Two editors save the same thing: the second save is refused, and nothing either typed is lost."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article
from tests.admin_posts import article_post, inline
from tests.factories import ArticleFactory, EventFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors():
    from django.test import Client

    first = User.objects.create_superuser("sara", password=None, first_name="Sara", last_name="Ahmadi")
    second = User.objects.create_superuser("reza", password=None)
    a, b = Client(), Client()
    a.force_login(first)
    b.force_login(second)
    return a, b


def test_second_save_of_an_article_is_refused_and_keeps_the_text(two_editors):
    tab_a, tab_b = two_editors
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert tab_a.post(url, article_post(article)).status_code == 302  # saved once: in the history
    article.refresh_from_db()
    opened = article_post(article)  # both tabs opened the same version
    assert tab_a.post(url, {**opened, "headline": "Sara's headline"}).status_code == 302
    response = tab_b.post(url, {**opened, "headline": "Reza's headline"})
    assert response.status_code == 200
    assert "Sara Ahmadi saved this article" in response.text
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    assert compare in response.text  # a link straight to what Sara changed
    diff = tab_b.get(f"{compare}?{_query(response.text, compare)}").text
    assert "<ins>Sara&#x27;s headline</ins>" in diff
    assert "Reza&#x27;s headline" in response.text  # Reza's text is still in the form
    article.refresh_from_db()
    assert article.headline == "Sara's headline"  # Sara's save is intact
    # Saving again, having seen the warning, replaces Sara's version on purpose.
    resubmit = {**opened, "headline": "Reza's headline", "loaded_version": str(article.version)}
    assert tab_b.post(url, resubmit).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Reza's headline"


ENTITY_POSTS = {
    "person": lambda p: {
        "name": p.name, "slug": p.slug, "bio": "", "wikidata_id": "",
        **inline("aliases", []), **inline("affiliations", []),
    },
    "organization": lambda o: {
        "name": o.name, "acronym": o.acronym, "slug": o.slug, "kind": o.kind, "country": "", "parent": "",
        "website": "", "description": "", "wikidata_id": "",
        **inline("aliases", []), **inline("affiliations", []),
    },
    "event": lambda e: {
        "name": e.name, "slug": e.slug, "kind": e.kind, "parent": "", "description": "",
        "starts_at_0": "2026-03-13", "starts_at_1": "10:00:00", "ends_at_0": "", "ends_at_1": "",
        "timezone": "Asia/Tehran", "venue": "", "city": "", "country": "",
        **inline("organizer_links", []), **inline("participant_links", []),
    },
}  # fmt: skip


@pytest.mark.parametrize(
    ("model", "factory"),
    [("person", PersonFactory), ("organization", OrganizationFactory), ("event", EventFactory)],
)
def test_second_save_of_an_entity_is_refused(two_editors, model, factory):
    tab_a, tab_b = two_editors
    obj = factory()
    url = reverse(f"admin:organizations_{model}_change", args=[obj.pk])
    opened = {**ENTITY_POSTS[model](obj), "loaded_version": str(obj.version)}
    first = tab_a.post(url, {**opened, "name": "First editor's name"})
    assert first.status_code == 302, first.context["errors"] if first.context else first
    response = tab_b.post(url, {**opened, "name": "Second editor's name"})
    assert response.status_code == 200
    assert "while you were editing" in response.text
    assert "Second editor&#x27;s name" in response.text
    obj.refresh_from_db()
    assert obj.name == "First editor's name"


def test_change_form_says_who_else_has_it_open(two_editors):
    tab_a, tab_b = two_editors
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    tab_a.get(url)
    page = tab_b.get(url).text
    assert "Sara Ahmadi opened this article" in page
    again = tab_b.get(url).text
    assert again.count("opened this article") == 1  # Sara, once; never Reza about himself
    assert "reza opened this article" not in again.lower()
    assert "reza opened this article" in tab_a.get(url).text.lower()  # and Sara now sees Reza


def test_a_change_form_without_its_version_is_refused_and_nothing_is_saved(two_editors):
    tab_a, _ = two_editors
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, headline="Convoy reaches Tabriz")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = article_post(article, headline="Convoy turns back")
    del data["loaded_version"]
    response = tab_a.post(url, data)
    assert response.status_code == 200
    assert "This form is out of date" in response.text
    assert "Convoy turns back" in response.text  # what the editor typed is still in the form
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.version) == ("Convoy reaches Tabriz", article.version)


def test_an_entity_form_without_its_version_is_refused(two_editors):
    tab_a, _ = two_editors
    person = PersonFactory(name="Pirhossein Kolivand")
    url = reverse("admin:organizations_person_change", args=[person.pk])
    response = tab_a.post(url, {**ENTITY_POSTS["person"](person), "name": "Someone else"})
    assert response.status_code == 200
    assert "This form is out of date" in response.text
    person.refresh_from_db()
    assert person.name == "Pirhossein Kolivand"


def _query(html: str, url: str) -> str:
    """The query string of the first link to ``url`` in ``html``."""
    start = html.index(url + "?") + len(url) + 1
    return html[start : html.index('"', start)].replace("&amp;", "&")
