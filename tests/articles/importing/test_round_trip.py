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


def test_every_field_survives_the_round_trip(tmp_path):
    """What the demo does not use: images, pins, old slugs, expiry, parents, stand-alone quotes."""
    from datetime import timedelta

    from django.utils import timezone

    from articles.models import ArticleEvent, ArticleOrganization, RelatedOverride
    from organizations.models import Affiliation, EventParticipant, OrganizationAlias
    from tests.factories import ArticleFactory, EventFactory, OrganizationFactory, PersonFactory

    parent = OrganizationFactory(slug="ircs", name="Iranian Red Crescent Society", acronym="IRCS")
    branch = OrganizationFactory(
        slug="ircs-tabriz", name="Tabriz branch", parent=parent, website="https://t.example"
    )
    OrganizationAlias.objects.create(organization=parent, name="هلال احمر", kind="native", language="fa")
    person = PersonFactory(slug="nasrin-karimi", name="Nasrin Karimi", bio="Runs the clinic.")
    person.slug = "nasrin-karimi-2"
    person.save()  # leaves "nasrin-karimi" as an old slug
    Affiliation.objects.create(person=person, organization=branch, title="head", start_date="2024-01-01")
    Quote.objects.create(speaker=person, text="Said outside any story.", said_on="2026-01-02")
    conference = EventFactory(slug="conference", name="Regional conference")
    session = EventFactory(slug="session", name="Opening session", parent=conference, all_day=False)
    EventParticipant.objects.create(event=session, person=person, role="speaker")
    session.organizers.add(branch)

    image = Image.objects.create(file="images/2026/11/clinic.jpg", width=800, height=600, alt_text="A clinic")
    now = timezone.now()
    first = ArticleFactory(
        slug="clinic",
        lead_image=image,
        summary="Written summary.",
        canonical_url="https://elsewhere.example/clinic",
        noindex=True,
        unpublish_at=now + timedelta(days=30),
        source_organization=parent,
        source_url="https://irna.example/1",
        tags=["clinics", "Tabriz"],
    )
    first.slug = "clinic-reopens"
    first.save()
    second = ArticleFactory(slug="second", status=Article.Status.UNPUBLISHED)
    RelatedOverride.objects.create(article=first, related=second, kind="exclude", position=2)
    Byline.objects.create(article=first, person=person, role="photographer")
    ArticlePerson.objects.create(article=first, person=person, role="quoted")
    ArticleOrganization.objects.create(article=first, organization=branch, role="mentions")
    ArticleEvent.objects.create(article=first, event=session, role="about")
    Quote.objects.create(article=first, speaker=person, text="We reopened.", context="at the door")

    entities, articles = export(tmp_path, "first")
    empty_newsroom()
    call_command("import_entities", str(entities))
    call_command("import_articles", str(articles))
    again_entities, again_articles = export(tmp_path, "second")
    assert again_entities.read_text() == entities.read_text()
    assert again_articles.read_text() == articles.read_text()
    restored = Article.objects.get(slug="clinic-reopens")
    assert restored.lead_image.alt_text == "A clinic"
    assert restored.old_slugs.get().slug == "clinic"
    assert Event.objects.get(slug="session").parent.slug == "conference"
