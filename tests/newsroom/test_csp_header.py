"""Every response carries a Content-Security-Policy; the public one allows no inline script or style."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_public_pages_forbid_inline_script_and_style(client):
    story = ArticleFactory()
    for url in ("/", story.get_absolute_url(), "/feeds/rss/", "/no-such-page/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy, url
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_the_article_page_json_ld_carries_the_nonce_of_its_policy(client):
    response = client.get(ArticleFactory().get_absolute_url())
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script type="application/ld+json" nonce="{nonce}">' in response.text


def test_the_admin_may_use_inline_styles_but_not_inline_scripts(admin_client):
    policy = admin_client.get("/admin/articles/article/add/")["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self'" in policy and "script-src 'self' 'unsafe-inline'" not in policy


def test_a_cached_page_keeps_the_policy_matching_its_html(client, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    url = ArticleFactory().get_absolute_url()
    first, second = client.get(url), client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    nonce = second["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in second.text
