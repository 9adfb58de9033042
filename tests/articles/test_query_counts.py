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
    # Nothing kept (tests run with the fragment cache off): the row, bylines, 3 kinds of entity
    # links, quotes, tags, lead picture renditions, related list, names in its reasons, previous and
    # next in the section (one query), section navigation.
    "article": 11,
    "related": 4,  # the article, the stored list, the section navigation, the names in its reasons
    "section": 3,  # the section, its page of stories, the section navigation
    "tag": 3,
    # Entity pages: the entity and its facts, upcoming and past events, each list of stories
    # (a cursor page, never a COUNT), the month timeline and the next scheduled change that
    # bounds how long the timeline is kept (both skipped while it is in the cache).
    "person": 12,  # + quotes, stories by them beside stories about them
    "organization": 11,
    "event": 9,
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
    return {"counts": counts, "small": small, "large": large}


@pytest.mark.parametrize("page", sorted(BUDGETS))
def test_page_query_count_is_fixed(measured, page):
    (small_status, small), (large_status, large) = measured["counts"][page]
    assert small_status == large_status == 200, page
    assert small == large == BUDGETS[page], f"{page}: {small} queries with 1 item, {large} with 30"


@pytest.mark.parametrize("page", ["person", "organization", "event"])
def test_entity_page_reads_its_month_counts_from_the_cache_the_second_time(measured, client, page):
    from django.core.cache import cache

    url = measured["large"][page]
    cache.clear()  # the measuring above left the counts in the cache
    # The month timeline, and the two index walks to the next scheduled change bounding its life.
    assert count_queries(client, url) - count_queries(client, url) == 3


def test_article_page_shows_all_thirty_of_everything(measured, client):
    html = client.get(measured["large"]["article"]).text
    assert html.count('class="pull-quote"') == 30
    assert html.count("Person Number") >= 30 + 30 + 30  # bylines, people links, quote speakers


#: Rendered and kept (newsroom/fragments.py): the same, + the next scheduled change (two index
#: walks: how long the
#: neighbours may be kept).
ARTICLE_COLD = BUDGETS["article"] + 2
#: With the story, related list and neighbours kept: the article row, the section navigation.
ARTICLE_WARM = 2


@pytest.mark.parametrize("n", ["small", "large"])
def test_article_page_query_count_is_fixed_with_fragments_cold_and_warm(measured, client, settings, n):
    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = 3600
    url = measured[n]["article"]  # 1 and 30 of everything
    cold = count_queries(client, url)
    warm = count_queries(client, url)
    assert (cold, warm) == (ARTICLE_COLD, ARTICLE_WARM), f"{n} of everything: {cold} cold, {warm} warm"


#: With the lists and the timeline kept (articles/public/entities.py): the entity and its facts
#: (aliases, titles, people, family, sessions...), quotes and events where the page shows them,
#: the section navigation. The lists of stories and the timeline cost nothing.
ENTITY_WARM = {"person": 7, "organization": 7, "event": 5}


@pytest.mark.parametrize("page", sorted(ENTITY_WARM))
@pytest.mark.parametrize("n", ["small", "large"])
def test_entity_page_query_count_is_fixed_with_its_lists_kept(measured, client, settings, page, n):
    from django.core.cache import cache

    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    url = measured[n][page]
    cold = count_queries(client, url)
    warm = count_queries(client, url)
    assert warm == ENTITY_WARM[page] < cold, f"{page}, {n}: {cold} cold, {warm} warm"
