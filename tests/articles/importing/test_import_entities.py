"""import_entities: --update replaces a record's names and links; --dry-run writes nothing."""

import json

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command

from articles.models import Article
from organizations.models import Organization, Person
from tests.factories import ArticleOrganizationFactory

pytestmark = pytest.mark.django_db


def write(path, *records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return path


def test_update_replaces_aliases_and_tells_the_linked_articles(tmp_path, django_capture_on_commit_callbacks):
    first = write(
        tmp_path / "a.jsonl",
        {"type": "organization", "slug": "ircs", "name": "Red Crescent", "aliases": [{"name": "IRCS old"}]},
    )
    call_command("import_entities", str(first))
    org = Organization.objects.get(slug="ircs")
    link = ArticleOrganizationFactory(organization=org)

    second = write(
        tmp_path / "b.jsonl",
        {
            "type": "organization",
            "slug": "ircs",
            "name": "Iranian Red Crescent Society",
            "aliases": [{"name": "هلال احمر", "kind": "native", "language": "fa"}],
        },
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("import_entities", str(second), "--update")
    org.refresh_from_db()
    assert org.name == "Iranian Red Crescent Society"
    assert [(a.name, a.kind, a.language) for a in org.aliases.all()] == [("هلال احمر", "native", "fa")]
    assert callbacks, "the articles linking the entity are refreshed after commit"
    # After commit, the linking article is found by the organization's new name.
    found = Article.objects.filter(pk=link.article_id, search_vector=SearchQuery("Iranian", config="english"))
    assert found.exists()
    assert link.article.organization_links.get().organization == org


def test_dry_run_counts_and_writes_nothing(tmp_path, capsys):
    path = write(
        tmp_path / "a.jsonl",
        {"type": "person", "slug": "a-b", "name": "A B"},
        {"type": "person", "slug": "c-d", "name": "C D"},
    )
    call_command("import_entities", str(path), "--dry-run")
    assert "2 people would be created" in capsys.readouterr().out
    assert not Person.objects.exists()
