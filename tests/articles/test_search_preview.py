"""The change form's search and social preview, as the server draws it before any typing."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Image
from tests.factories import ArticleFactory
from tests.images import upload

pytestmark = pytest.mark.django_db


def login(client, name: str, group: str) -> User:
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = User.objects.create_user(name, password=None, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def panel(html: str) -> str:
    start = html.index('<fieldset class="module aligned" id="search-preview"')
    return html[start : html.index("</fieldset>", start)]


def test_the_preview_shows_headline_description_address_and_picture(client):
    login(client, "emre", "Editor")
    picture = Image.objects.create(file=upload("quake.jpg"), alt_text="Tents in a school yard")
    article = ArticleFactory(
        headline="Relief reaches Kermanshah villages",
        slug="relief-reaches-kermanshah",
        dek="Tents and water arrived on the second day.",
        lead_image=picture,
    )
    html = panel(client.get(reverse("admin:articles_article_change", args=[article.pk])).text)
    assert "Search and social preview" in html
    assert "testserver" in html and "/articles/relief-reaches-kermanshah/" in html
    assert html.count("Relief reaches Kermanshah villages") == 2  # search result and card
    assert "Tents and water arrived on the second day." in html
    assert f'src="{picture.file.url}" alt="Tents in a school yard"' in html
    assert "Headline: 34 characters; fits (search results show about 60)." in html
    assert "Description: 42 characters; fits" in html


def test_the_preview_warns_when_headline_or_description_are_too_long(client):
    login(client, "ayla", "Author")  # Authors get the same guidance
    article = ArticleFactory(
        status=Article.Status.DRAFT,
        published_at=None,
        headline="A" * 72,
        dek="word " * 40,
        created_by=User.objects.get(username="ayla"),
    )
    html = panel(client.get(reverse("admin:articles_article_change", args=[article.pk])).text)
    assert "Headline: 72 characters; about 12 too many: search results cut it after about 60." in html
    assert "Description: 199 characters; about 44 too many" in html
    search_title = re.search(r'data-preview="search-title">([^<]*)<', html).group(1)
    assert len(search_title) == 60 and search_title.endswith("…")
    assert "No lead picture: the card shows text only." in html


def test_without_a_standfirst_the_preview_uses_the_summary(client):
    login(client, "emre", "Editor")
    article = ArticleFactory(dek="", summary="Families spent the night outside.")
    html = panel(client.get(reverse("admin:articles_article_change", args=[article.pk])).text)
    assert 'data-preview="search-description">Families spent the night outside.<' in html


def test_the_preview_is_on_the_add_form_and_runs_from_a_file_not_an_inline_script(client):
    login(client, "emre", "Editor")
    page = client.get(reverse("admin:articles_article_add")).text
    assert "Headline: empty." in panel(page)
    assert re.search(r'<script src="/static/js/search_preview\.js" nonce="[^"]+"></script>', page)
    assert "<script>" not in panel(page) and "onclick" not in panel(page)
