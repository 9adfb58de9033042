"""The article page shows everything a reader expects of a story, linked where it names someone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import RelatedArticle
from tests.factories import (
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def test_article_page_links_bylines_speakers_credit_and_entities(client):
    irna = OrganizationFactory(name="Islamic Republic News Agency", acronym="IRNA", slug="irna")
    article = ArticleFactory(
        headline="Red Crescent opens field clinic",
        source_organization=irna,
        source_url="https://en.irna.ir/news/1",
        tags=["earthquake"],
    )
    author = PersonFactory(name="Sara Ahmadi", slug="sara-ahmadi")
    BylineFactory(article=article, person=author)
    speaker = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    QuoteFactory(article=article, speaker=speaker, text="We will stay.")
    ArticlePersonFactory(article=article, person=speaker, role="about")
    icrc = OrganizationFactory(name="ICRC", slug="icrc")
    ArticleOrganizationFactory(article=article, organization=icrc, role="mentions")

    html = client.get(article.get_absolute_url()).text

    assert html.count("<h1") == 1
    assert '<a href="/people/sara-ahmadi/">Sara Ahmadi</a>' in html
    assert '<a href="/people/pirhossein-kolivand/">Pirhossein Kolivand</a>' in html
    assert '<a href="/organizations/irna/">IRNA</a>' in html
    assert 'href="https://en.irna.ir/news/1"' in html
    about = html.index('id="about-heading"')
    mentions = html.index('id="mentions-heading"')
    assert about < html.index("/people/pirhossein-kolivand/", about) < mentions
    assert html.index("/organizations/icrc/", mentions) > mentions
    assert "/organizations/icrc/" not in html[about:mentions]
    assert 'href="/tags/earthquake/"' in html
    assert f'href="/sections/{article.section.slug}/"' in html
    # Times carry their zone: the ISO value has an offset and the text names it.
    assert (
        '<time datetime="' + timezone.localtime(article.published_at).replace(microsecond=0).isoformat()
        in html
    )


def test_related_box_shows_summary_cut_at_a_word_and_the_reason(client):
    article = ArticleFactory()
    other = ArticleFactory(headline="Second convoy leaves", summary="word " * 60)
    icrc = OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC")
    kolivand = PersonFactory(name="Pirhossein Kolivand")
    RelatedArticle.objects.create(
        article=article,
        related=other,
        rank=1,
        score=3,
        shared=[
            {"kind": "organization", "id": icrc.pk, "ra": "about", "rc": "about", "w": 0.5},
            {"kind": "person", "id": kolivand.pk, "ra": "about", "rc": "about", "w": 0.4},
        ],
    )
    html = client.get(article.get_absolute_url()).text
    assert "Second convoy leaves" in html
    assert "Also about ICRC and Pirhossein Kolivand" in html
    assert "word " * 24 + "word…" in html
    assert "word " * 26 not in html


def test_previous_and_next_in_section_skip_other_sections_and_drafts(client):
    section = SectionFactory(slug="health", name="Health")
    now = timezone.now()
    older = ArticleFactory(
        section=section, headline="Older health story", published_at=now - timedelta(days=3)
    )
    ArticleFactory(headline="Other section story", published_at=now - timedelta(days=2))
    middle = ArticleFactory(section=section, published_at=now - timedelta(days=2))
    ArticleFactory(section=section, headline="Draft health story", status="draft", published_at=None)
    newer = ArticleFactory(
        section=section, headline="Newer health story", published_at=now - timedelta(hours=1)
    )

    html = client.get(middle.get_absolute_url()).text
    assert f'<a rel="prev" href="{older.get_absolute_url()}">Older health story</a>' in html
    assert f'<a rel="next" href="{newer.get_absolute_url()}">Newer health story</a>' in html
    assert "Draft health story" not in html and "Other section story" not in html


def test_related_page_lists_up_to_twenty_with_reasons(client):
    article = ArticleFactory()
    for rank in range(1, 23):
        person = PersonFactory(name=f"Person {rank}")
        RelatedArticle.objects.create(
            article=article,
            related=ArticleFactory(),
            rank=rank,
            score=1,
            shared=[{"kind": "person", "id": person.pk, "ra": "about", "rc": "about", "w": 0.5}],
        )
    html = client.get(f"/articles/{article.slug}/related/").text
    assert "Also about Person 20" in html and "Person 21" not in html


def test_home_answers_with_no_sections_and_with_stories_outside_sections(client):
    assert "No stories have been published yet." in client.get("/").text
    ArticleFactory(headline="Story without a section", section=None)
    assert "Story without a section" in client.get("/").text
