"""Export the demo, empty the database, import the files, export again: the same bytes come back."""

import pytest
from django.core.management import call_command
from taggit.models import Tag

from articles.models import Article, ArticlePerson, Byline, Image, Quote, Section
from organizations.models import Event, Organization, Person, PersonAlias

pytestmark = pytest.mark.django_db


def empty_newsroom():
    """What `flush` does to content, inside the test's transaction."""
    for model in (Article, Image, Section, Event, Person, Organization, Tag):
        model.objects.all().delete()


def export(tmp_path, name):
    entities, articles = tmp_path / f"{name}-entities.jsonl", tmp_path / f"{name}-articles.jsonl"
    call_command("export_entities", str(entities))
    call_command("export_articles", str(articles))
    return entities, articles


def test_demo_survives_export_flush_import_export(tmp_path, capsys):
    call_command("load_demo")
    counts = {
        model: model.objects.count()
        for model in (
            Article,
            Section,
            Organization,
            Person,
            Event,
            PersonAlias,
            Byline,
            ArticlePerson,
            Quote,
        )
    }
    statuses = sorted(Article.objects.values_list("slug", "status", "published_at", "is_stub"))
    entities, articles = export(tmp_path, "first")

    empty_newsroom()
    assert Article.objects.count() == 0
    call_command("import_entities", str(entities))
    call_command("import_articles", str(articles))

    again_entities, again_articles = export(tmp_path, "second")
    assert again_entities.read_text() == entities.read_text()
    assert again_articles.read_text() == articles.read_text()
    assert {model: model.objects.count() for model in counts} == counts
    assert sorted(Article.objects.values_list("slug", "status", "published_at", "is_stub")) == statuses
    # The demo has drafts, scheduled stories and stubs: every status came back, not only the public ones.
    assert {s for _, s, _, _ in statuses} >= {"published", "draft", "scheduled"}
