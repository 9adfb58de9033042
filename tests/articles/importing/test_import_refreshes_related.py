"""An import tells articles.changes once; the imported stories then show each other as related."""

import json

import pytest
from django.core.management import call_command

from articles.models import Article, RelatedArticle
from tests.factories import STORY, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_imported_stories_sharing_a_person_become_related(tmp_path, django_capture_on_commit_callbacks):
    SectionFactory(slug="health", name="Health")
    PersonFactory(slug="nasrin-karimi", name="Nasrin Karimi")
    lines = [
        {
            "type": "article",
            "slug": f"clinic-{n}",
            "headline": f"Clinic story {n}",
            "dek": "A clinic reopens.",
            "body": STORY,
            "section": "health",
            "status": "published",
            "bylines": ["nasrin-karimi"],
            "people": [{"slug": "nasrin-karimi", "role": "about"}],
        }
        for n in range(3)
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), "utf-8")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("import_articles", str(path))
    # One change notice for the whole run (refreshing the related lists then bumps their pages).
    notices = [c for c in callbacks if getattr(c, "key", "") == "articles.content_changed"]
    assert len(notices) == 1
    first = Article.objects.get(slug="clinic-0")
    related = set(RelatedArticle.objects.filter(article=first).values_list("related__slug", flat=True))
    assert related == {"clinic-1", "clinic-2"}
