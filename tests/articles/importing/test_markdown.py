"""Markdown with front matter becomes a clean, linked article."""

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.factories import EventFactory, OrganizationFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

STORY = """---
headline: Volunteers reopen the clinic in Sarpol-e Zahab
dek: The clinic was closed for two weeks after the aftershocks.
section: health
tags: [earthquake, clinics]
bylines:
  - person: mina-shirazi
people: [nasrin-karimi]
organizations:
  - slug: ircs
    role: mentions
events: [kermanshah-quake]
source:
  organization: irna
  url: https://example.org/story
status: review
---
Volunteers from the provincial branch reopened the clinic on Monday, two weeks after the
aftershocks cracked its walls. Nasrin Karimi, who runs it, said the waiting room was full by nine.

## What the clinic offers

- first aid and dressings
- vaccinations for children

> "We had patients waiting at the door before we had the keys," she said.

<script>alert("x")</script>

The branch said a second clinic would open in the spring, once the engineers had checked the
building. Families from the surrounding villages can reach it by the new road, which opened
last month after the old bridge was closed for repairs.
"""


@pytest.fixture
def newsroom():
    SectionFactory(slug="health", name="Health")
    PersonFactory(slug="mina-shirazi", name="Mina Shirazi")
    PersonFactory(slug="nasrin-karimi", name="Nasrin Karimi")
    OrganizationFactory(slug="ircs", name="Iranian Red Crescent Society", acronym="IRCS")
    OrganizationFactory(slug="irna", name="Islamic Republic News Agency", acronym="IRNA")
    EventFactory(slug="kermanshah-quake", name="Kermanshah earthquake")


def test_front_matter_and_body_become_the_article(tmp_path, newsroom):
    path = tmp_path / "clinic.md"
    path.write_text(STORY, "utf-8")
    call_command("import_articles", str(path))

    article = Article.objects.get(slug="volunteers-reopen-the-clinic-in-sarpol-e-zahab")
    assert article.headline == "Volunteers reopen the clinic in Sarpol-e Zahab"
    assert article.status == Article.Status.IN_REVIEW
    assert article.section.slug == "health"
    assert sorted(article.tags.names()) == ["clinics", "earthquake"]
    assert [b.person.slug for b in article.bylines.all()] == ["mina-shirazi"]
    assert [(link.person.slug, link.role) for link in article.person_links.all()] == [
        ("nasrin-karimi", "about")
    ]
    assert [(link.organization.slug, link.role) for link in article.organization_links.all()] == [
        ("ircs", "mentions")
    ]
    assert [link.event.slug for link in article.event_links.all()] == ["kermanshah-quake"]
    assert article.source_organization.acronym == "IRNA"
    assert article.source_url == "https://example.org/story"
    assert "<h2>What the clinic offers</h2>" in article.body
    assert "<li>first aid and dressings</li>" in article.body
    assert "<blockquote>" in article.body
    assert "<script>" not in article.body


def test_broken_front_matter_is_reported_with_its_line(tmp_path, newsroom):
    path = tmp_path / "broken.md"
    path.write_text("---\nheadline: One\ntags: [a, b\n---\nText.\n", "utf-8")
    with pytest.raises(CommandError, match=rf"^{path}:\d+: front matter: not valid YAML"):
        call_command("import_articles", str(path))
    assert not Article.objects.exists()


def test_unknown_front_matter_key_is_refused(tmp_path, newsroom):
    path = tmp_path / "typo.md"
    path.write_text("---\nheadline: One\nsectoin: health\n---\nText.\n", "utf-8")
    with pytest.raises(CommandError, match=rf"^{path}:1: sectoin: unknown field"):
        call_command("import_articles", str(path))


def test_without_front_matter_the_first_heading_is_the_headline(tmp_path, newsroom):
    path = tmp_path / "plain.md"
    path.write_text("# Clinic reopens\n\nThe clinic reopened on *Monday*.\n", "utf-8")
    call_command("import_articles", str(path), "--section", "health")
    article = Article.objects.get()
    assert article.headline == "Clinic reopens"
    assert article.body == "<p>The clinic reopened on <em>Monday</em>.</p>"


def test_missing_headline_is_one_problem(tmp_path, newsroom):
    path = tmp_path / "empty.md"
    path.write_text("Just some text.\n", "utf-8")
    with pytest.raises(
        CommandError, match=rf"^{path}:1: headline: is required\. Nothing was imported \(1 problem\)"
    ):
        call_command("import_articles", str(path))
