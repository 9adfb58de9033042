"""Previews: editors see any article as readers will; a signed link works for a while without an
account; previews are never cached or indexed, and nothing unpublished leaks through them."""

import pytest
from django.core import signing
from django.urls import reverse

from articles.models import Article
from articles.public.preview import SALT, preview_share_url
from tests.articles.test_workflow import make_user
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def assert_private_preview(response, headline: str):
    assert response.status_code == 200
    assert headline in response.text
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text
    assert "Readers cannot see this page" in response.text


@pytest.mark.parametrize("status", ["draft", "review", "scheduled", "unpublished"])
def test_editor_previews_an_unpublished_article_on_the_real_page(client, status):
    article = ArticleFactory(status=status, headline=f"A {status} story")
    client.force_login(make_user("emre", "Editor"))
    assert_private_preview(client.get(reverse("preview:article", args=[article.pk])), f"A {status} story")
    assert client.get(article.get_absolute_url()).status_code == 404  # still not public


def test_anonymous_and_other_authors_cannot_use_the_staff_preview(client):
    article = ArticleFactory(status="draft", published_at=None)
    url = reverse("preview:article", args=[article.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(make_user("ayla", "Author"))
    assert client.get(url).status_code == 404  # not hers


def test_shared_link_works_without_an_account(client):
    article = ArticleFactory(status="draft", published_at=None, headline="Draft for the lawyer")
    assert_private_preview(client.get(preview_share_url(article)), "Draft for the lawyer")


def test_expired_or_forged_links_are_404(client, settings):
    article = ArticleFactory(status="draft", published_at=None)
    settings.NEWSROOM_PREVIEW_MAX_AGE = -1
    assert client.get(preview_share_url(article)).status_code == 404
    settings.NEWSROOM_PREVIEW_MAX_AGE = 3600
    forged = signing.TimestampSigner(salt="another-purpose").sign(str(article.pk))
    assert client.get(f"/preview/{forged}/").status_code == 404
    assert client.get("/preview/not-a-token/").status_code == 404
    missing = signing.TimestampSigner(salt=SALT).sign("999999")
    assert client.get(f"/preview/{missing}/").status_code == 404


def test_change_form_offers_preview_and_shareable_link(admin_client):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert reverse("preview:article", args=[article.pk]) in page
    assert "Shareable preview link" in page
