"""JSON-LD, OpenGraph and canonical links as search engines and link previews read them."""

import json
import re

import pytest

from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    EventFactory,
    EventOrganizerFactory,
    EventParticipantFactory,
    OrganizationFactory,
    PersonAliasFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json"(?: nonce="[^"]+")?>(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_news_article_json_ld_has_every_field_search_engines_read(client):
    irna = OrganizationFactory(name="IRNA", slug="irna")
    article = ArticleFactory(
        headline="Clinic opens </script><script>alert(1)</script>",
        tags=["health"],
        source_organization=irna,
        source_url="https://en.irna.ir/news/1",
    )
    BylineFactory(article=article, person=PersonFactory(name="Sara Ahmadi", slug="sara"), position=0)
    BylineFactory(article=article, person=PersonFactory(name="Reza Karimi", slug="reza"), position=1)
    ArticlePersonFactory(article=article, person=PersonFactory(name="Kolivand", slug="kolivand"))
    ArticleOrganizationFactory(
        article=article, organization=OrganizationFactory(slug="icrc"), role="mentions"
    )

    html = client.get(article.get_absolute_url()).text
    assert "</script><script>alert(1)" not in html
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Clinic opens </script>")
    assert data["description"] == article.dek
    assert data["datePublished"] and data["dateModified"]
    assert data["author"] == [
        {"@type": "Person", "name": "Sara Ahmadi", "url": "http://testserver/people/sara/"},
        {"@type": "Person", "name": "Reza Karimi", "url": "http://testserver/people/reza/"},
    ]
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["logo"]["url"].endswith(".png")
    assert data["articleSection"] == "Humanitarian" and data["keywords"] == ["health"]
    assert data["about"][0]["url"] == "http://testserver/people/kolivand/"
    assert data["mentions"][0]["url"] == "http://testserver/organizations/icrc/"
    assert data["isBasedOn"] == "https://en.irna.ir/news/1"
    assert data["sourceOrganization"]["name"] == "IRNA"
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="twitter:card"' in html
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html
    assert 'name="robots" content="noindex"' not in html


def test_noindex_and_canonical_override_are_honoured(client):
    article = ArticleFactory(noindex=True, canonical_url="https://example.org/original")
    html = client.get(article.get_absolute_url()).text
    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical" href="https://example.org/original">' in html


def test_entity_pages_carry_person_organization_and_event_json_ld(client):
    org = OrganizationFactory(name="International Committee of the Red Cross", acronym="ICRC", slug="icrc")
    person = PersonFactory(name="Pirhossein Kolivand", slug="kolivand", wikidata_id="Q123")
    PersonAliasFactory(person=person, name="Pirhoshein Kolivand")
    AffiliationFactory(person=person, organization=org, title="head")
    event = EventFactory(slug="summit", venue="Congress Hall", city="Istanbul", country="TR")
    EventOrganizerFactory(event=event, organization=org)
    EventParticipantFactory(event=event, person=person)

    p = json_ld(client.get("/people/kolivand/").text)
    assert p["@type"] == "Person" and p["alternateName"] == ["Pirhoshein Kolivand"]
    assert p["jobTitle"] == "head" and p["sameAs"] == ["https://www.wikidata.org/wiki/Q123"]
    o = json_ld(client.get("/organizations/icrc/").text)
    assert o["@type"] == "Organization" and "ICRC" in o["alternateName"]
    e = json_ld(client.get("/events/summit/").text)
    assert e["@type"] == "Event" and e["startDate"].endswith("+03:30")
    assert e["location"]["address"]["addressLocality"] == "Istanbul"
    assert e["organizer"][0]["name"] == org.name and e["attendee"][0]["name"] == person.name


def test_home_page_describes_the_site_and_its_search(client):
    data = json_ld(client.get("/").text)
    assert data["@type"] == "WebSite"
    assert (
        data["potentialAction"]["target"]["urlTemplate"] == "http://testserver/search/?q={search_term_string}"
    )
