"""The body is edited with the prose editor and cleaned on save: nothing executable survives."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_posts import article_post
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<p style="color:red" onclick="alert(1)">styled</p>',
    '<iframe src="https://example.org/"></iframe>',
    "<script>alert(1)</script>",
    '<svg onload="alert(1)"><circle r="5"/></svg>',
]


@pytest.mark.parametrize("html", HOSTILE)
def test_nothing_executable_survives_a_save(html):
    article = ArticleFactory(body=f"<p>Safe text.</p>{html}")
    article.refresh_from_db()
    body = article.body.lower()
    for danger in (
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "data:",
        "style=",
        "<iframe",
        "<script",
        "<svg",
    ):
        assert danger not in body, (html, article.body)
    assert "safe text." in body


def test_allowed_formatting_is_kept():
    html = (
        "<h2>Heading</h2><p><strong>bold</strong> <em>italic</em> "
        '<a href="https://example.org/story">link</a></p><ul><li>one</li></ul><ol><li>two</li></ol>'
        '<blockquote><p>quoted</p></blockquote><p><img src="/media/images/a.jpg" alt="A convoy"></p>'
    )
    article = ArticleFactory(body=html)
    article.refresh_from_db()
    for kept in (
        "<h2>",
        "<strong>",
        "<em>",
        'href="https://example.org/story"',
        "<ul>",
        "<ol>",
        "<blockquote>",
    ):
        assert kept in article.body
    assert 'alt="A convoy"' in article.body


def test_admin_body_uses_the_prose_editor_and_cleans_pasted_html(admin_client):
    page = admin_client.get(reverse("admin:articles_article_add")).text
    assert "data-django-prose-editor" in page
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    url = reverse("admin:articles_article_change", args=[article.pk])
    body = article.body + "<p>Pasted: <img src=x onerror=alert(1)></p>"
    response = admin_client.post(url, article_post(article, body=body))
    assert response.status_code == 302
    article.refresh_from_db()
    assert "onerror" not in article.body
    assert "Pasted:" in article.body
