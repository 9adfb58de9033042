"""Importing is batched: the number of queries does not grow with the number of articles."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.io.articles import ImportOptions, import_articles
from articles.models import Article
from tests.factories import STORY, EventFactory, OrganizationFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def references():
    SectionFactory(slug="health", name="Health")
    PersonFactory(slug="mina-shirazi")
    PersonFactory(slug="nasrin-karimi")
    OrganizationFactory(slug="ircs")
    EventFactory(slug="quake")
    for name in ("clinics", "earthquake"):  # new tags cost a query each, once
        Tag.objects.create(name=name)
    ContentType.objects.get_for_model(Article)  # cached for the process after the first use


def jsonl(tmp_path, name, count):
    path = tmp_path / f"{name}.jsonl"
    records = [
        {
            "type": "article",
            "slug": f"{name}-{n}",
            "headline": f"Story {n}",
            "dek": "Clinics reopen after the earthquake.",
            "body": STORY,
            "section": "health",
            "status": "published",
            "tags": ["clinics", "earthquake"],
            "bylines": [{"person": "mina-shirazi"}],
            "people": [{"slug": "nasrin-karimi", "role": "quoted"}],
            "organizations": ["ircs"],
            "events": ["quake"],
            "quotes": [{"speaker": "nasrin-karimi", "text": "We reopened."}],
            "old_slugs": [f"{name}-old-{n}"],
        }
        for n in range(count)
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    return path


def test_import_runs_the_same_queries_for_2_or_40_articles(tmp_path, references):
    small, large = jsonl(tmp_path, "small", 2), jsonl(tmp_path, "large", 40)
    with CaptureQueriesContext(connection) as few:
        import_articles([small], ImportOptions())
    with CaptureQueriesContext(connection) as many:
        import_articles([large], ImportOptions())
    assert len(many) == len(few)
    # Pinned so a per-article query cannot creep in: 6 lookups (sections, people, organizations,
    # events, existing slugs, old slugs), a savepoint pair, one insert per table, tags, slug history,
    # and the near-duplicate check (archive size, lock, term counts, terms, neighbours: 7).
    assert len(few) == 25
