"""Exports: a fixed number of queries per thousand articles, and --status picks what is written."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.io.exporters import export_articles
from articles.models import Article
from tests.factories import ArticleFactory, ArticlePersonFactory, BylineFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def story(n):
    article = ArticleFactory(slug=f"s-{n}", tags=["clinics"])
    BylineFactory(article=article)
    ArticlePersonFactory(article=article)
    QuoteFactory(article=article)
    return article


def test_export_queries_do_not_grow_with_articles():
    story(0)
    with CaptureQueriesContext(connection) as few:
        export_articles(io.StringIO())
    for n in range(1, 20):
        story(n)
    with CaptureQueriesContext(connection) as many:
        export_articles(io.StringIO())
    assert len(many) == len(few)


def test_status_option_exports_only_that_status():
    story(0)
    ArticleFactory(slug="draft", status=Article.Status.DRAFT, published_at=None)
    out = io.StringIO()
    call_command("export_articles", "--status", "draft", stdout=out)
    assert [json.loads(line)["slug"] for line in out.getvalue().splitlines()] == ["draft"]
