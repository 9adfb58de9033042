"""Each page type runs a fixed number of SQL queries: the same for 1 or 30 bylines, entities,
tags and related articles. The numbers are the pages' budgets; a change that adds a query per
item fails here."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.related.scoring import related_rebuild
from tests.factories import (
    AffiliationFactory,
    ArticleEventFactory,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    EventFactory,
    EventOrganizerFactory,
    EventParticipantFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)

pytestmark = pytest.mark.django_db

# Budgets per page type (the section navigation in the page header is one of them).
BUDGETS = {
    "home": 3,  # + the section ids for the per-section UNION
    "article": 12,  # + previous and next in the section, + the names in the related reasons
    "related": 4,  # the article, the stored list, the section navigation, the names in its reasons
    "section": 4,
    "tag": 4,
    "person": 8,  # + quotes, events taken part in
    "organization": 8,  # + events organized
    "event": 7,
    "person_index": 4,
    "organization_index": 4,
    "event_index": 4,
}


def build(n: int):
    """A story with n of everything, n related stories, and entities with n of their own links."""
    tags = [f"topic-{i}" for i in range(n)]
    main = ArticleFactory(headline="Main story", slug=f"main-{n}", tags=tags)
    person, org, event = PersonFactory(), OrganizationFactory(), EventFactory()
    child = OrganizationFactory(parent=org)
    for i in range(n):
        BylineFactory(article=main, person=PersonFactory(), position=i)
        ArticlePersonFactory(article=main, person=PersonFactory())
        ArticleOrganizationFactory(article=main, organization=OrganizationFactory())
        ArticleEventFactory(article=main, event=EventFactory())
        QuoteFactory(article=main, speaker=PersonFactory())
        AffiliationFactory(person=person, organization=OrganizationFactory())
        AffiliationFactory(person=PersonFactory(), organization=org)
        EventFactory(parent=event)
        QuoteFactory(article=ArticleFactory(), speaker=person)
        EventParticipantFactory(event=EventFactory(), person=person)
        EventParticipantFactory(event=event, person=PersonFactory())
        EventOrganizerFactory(event=EventFactory(), organization=org)
        other = ArticleFactory(tags=[tags[i]])
        for target in (other,):
            ArticlePersonFactory(article=target, person=person)
            ArticleOrganizationFactory(article=target, organization=org)
            ArticleEventFactory(article=target, event=event)
    ArticlePersonFactory(article=main, person=person)
    ArticleOrganizationFactory(article=main, organization=org)
    ArticleEventFactory(article=main, event=event)
    related_rebuild(article=main)
    assert main.related_entries.count() == min(n, 20)  # at most 20 are stored
    return {
        "home": "/",
        "article": main.get_absolute_url(),
        "related": f"/articles/{main.slug}/related/",
        "section": f"/sections/{main.section.slug}/",
        "tag": "/tags/topic-0/",
        "person": person.get_absolute_url(),
        "organization": org.get_absolute_url(),
        "event": event.get_absolute_url(),
        "child": child,
        "person_index": "/people/",
        "organization_index": "/organizations/",
        "event_index": "/events/",
    }


def count_queries(client, url: str) -> int:
    """The number of SQL queries of one request that must answer 200 (for a test's own build)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def status_and_count(client, url: str) -> tuple[int, int]:
    """(status code, number of SQL queries) of one request, for a test to assert on later."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response.status_code, len(context.captured_queries)


@pytest.fixture(scope="module")
def measured(module_db):
    """Every page measured with 1 of everything, then again once the 30-item story exists.

    Building 30 of everything takes seconds, so it is done once for the module (``module_db``)
    rather than once per page type; the counts are asserted one page per test. As a build per test
    would, each page is first read with a cold cache and only the 1-item story in the database,
    and read again (warm, as a reader's second request) just before its 30-item page is counted.
    """
    from django.core.cache import cache
    from django.test import Client

    client, counts = Client(), {}
    with module_db():
        small = build(1)
        for page in BUDGETS:
            cache.clear()
            counts[page] = status_and_count(client, small[page])
        large = build(30)
        for page in BUDGETS:
            cache.clear()
            client.get(small[page])
            counts[page] = (counts[page], status_and_count(client, large[page]))
    return {"counts": counts, "large": large}


@pytest.mark.parametrize("page", sorted(BUDGETS))
def test_page_query_count_is_fixed(measured, page):
    (small_status, small), (large_status, large) = measured["counts"][page]
    assert small_status == large_status == 200, page
    assert small == large == BUDGETS[page], f"{page}: {small} queries with 1 item, {large} with 30"


def test_article_page_shows_all_thirty_of_everything(measured, client):
    html = client.get(measured["large"]["article"]).text
    assert html.count('class="pull-quote"') == 30
    assert html.count("Person Number") >= 30 + 30 + 30  # bylines, people links, quote speakers
