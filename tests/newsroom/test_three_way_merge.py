"""Two editors save the same article: their edits are merged field by field, nothing is lost."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.admin_posts import article_post
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tabs():
    sara = User.objects.create_superuser("sara", password=None, first_name="Sara", last_name="Ahmadi")
    reza = User.objects.create_superuser("reza", password=None, first_name="Reza")
    a, b = Client(), Client()
    a.force_login(sara)
    b.force_login(reza)
    return a, b


def hidden(page, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page.content.decode())
    assert match, f"the form carries no {name}"
    return match.group(1)


def opened(client, article):
    """The change form as a browser opened it: its fields and the hidden version and merge base."""
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = client.get(url)
    return url, {
        **article_post(article),
        "loaded_version": hidden(page, "loaded_version"),
        "loaded_values": hidden(page, "loaded_values"),
    }


def test_fields_only_one_editor_changed_are_merged(tabs):
    tab_a, tab_b = tabs
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, tags=["relief"])
    url, form_a = opened(tab_a, article)
    _, form_b = opened(tab_b, article)
    other = SectionFactory(slug="politics", name="Politics")
    saved = tab_a.post(
        url, {**form_a, "dek": "Sara's new standfirst.", "section": str(other.pk), "tags": "relief, tents"}
    )
    assert saved.status_code == 302
    response = tab_b.post(url, {**form_b, "headline": "Reza's headline"}, follow=True)
    assert response.status_code == 200
    article.refresh_from_db()
    # Reza's headline is applied; Sara's standfirst, section and tags (fields Reza never touched) stay.
    assert article.headline == "Reza's headline"
    assert article.dek == "Sara's new standfirst."
    assert article.section == other
    assert sorted(article.tags.names()) == ["relief", "tents"]
    text = response.content.decode()
    assert "Sara Ahmadi saved this article while you were editing" in text
    assert "Kept their changes to:" in text and "Applied yours to: Headline" in text


def test_a_field_both_changed_is_shown_side_by_side_and_the_editor_chooses(tabs):
    tab_a, tab_b = tabs
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    url, form_a = opened(tab_a, article)
    _, form_b = opened(tab_b, article)
    assert (
        tab_a.post(url, {**form_a, "headline": "Sara's headline", "summary": "Sara's summary"}).status_code
        == 302
    )
    mine = {**form_b, "headline": "Reza's headline", "dek": "Reza's standfirst."}
    response = tab_b.post(url, mine)
    assert response.status_code == 200
    text = response.content.decode()
    assert "you both changed: Headline" in text
    assert "Sara&#x27;s headline" in text and 'value="Reza&#x27;s headline"' in text  # side by side
    assert 'name="merge_choice_headline" value="theirs"' in text
    article.refresh_from_db()
    assert article.headline == "Sara's headline" and article.dek != "Reza's standfirst."  # nothing saved yet
    # Sara's summary (a field only she changed) is shown in the re-displayed form.
    assert "Sara&#x27;s summary" in text

    # Reza takes Sara's headline; his standfirst is applied; Sara's summary is kept.
    again = {**mine, "loaded_version": hidden(response, "loaded_version"), "merge_choice_headline": "theirs"}
    assert tab_b.post(url, again).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.dek, article.summary) == (
        "Sara's headline",
        "Reza's standfirst.",
        "Sara's summary",
    )


def test_choosing_ones_own_version_of_a_field_both_changed(tabs):
    tab_a, tab_b = tabs
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    url, form_a = opened(tab_a, article)
    _, form_b = opened(tab_b, article)
    assert tab_a.post(url, {**form_a, "body": article.body + "<p>Sara's paragraph.</p>"}).status_code == 302
    mine = {**form_b, "body": article.body + "<p>Reza's paragraph.</p>"}
    response = tab_b.post(url, mine)
    assert response.status_code == 200 and "you both changed: Body" in response.content.decode()
    again = {**mine, "loaded_version": hidden(response, "loaded_version"), "merge_choice_body": "mine"}
    assert tab_b.post(url, again).status_code == 302
    article.refresh_from_db()
    assert "Reza&#x27;s paragraph." in article.body or "Reza's paragraph." in article.body
    assert "Sara" not in article.body  # his choice; hers stays in the history
