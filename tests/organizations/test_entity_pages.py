"""Entity pages and the A–Z indexes: what a reader learns about a person, organization or event."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    AffiliationFactory,
    ArticleEventFactory,
    ArticleFactory,
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


def test_person_page_shows_titles_quotes_events_and_stories_by_and_about(client):
    person = PersonFactory(name="Pirhossein Kolivand", slug="kolivand")
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    AffiliationFactory(person=person, organization=ircs, title="head", start_date=date(2022, 1, 1))
    AffiliationFactory(
        person=person, organization=OrganizationFactory(), title="director", end_date=date(2021, 12, 31)
    )
    about = ArticleFactory(headline="Kolivand visits the flood zone")
    ArticlePersonFactory(article=about, person=person)
    by = ArticleFactory(headline="A column by Kolivand")
    BylineFactory(article=by, person=person)
    QuoteFactory(article=about, speaker=person, text="Help is on its way.")
    QuoteFactory(
        article=ArticleFactory(status="draft", published_at=None), speaker=person, text="Secret draft words."
    )
    EventParticipantFactory(event=EventFactory(name="Tehran health summit"), person=person, role="speaker")

    html = client.get("/people/kolivand/").text
    assert 'Head, <a href="/organizations/ircs/">Iranian Red Crescent Society (IRCS)</a>' in html
    assert "Director" in html and "until December 2021" in html
    assert "· current" in html and "· former" in html
    assert "Help is on its way." in html and "Secret draft words." not in html
    assert "Tehran health summit" in html and "speaker" in html
    assert "Kolivand visits the flood zone" in html and "A column by Kolivand" in html


def test_organization_page_shows_acronym_family_people_and_events(client):
    parent = OrganizationFactory(name="Red Cross Movement", slug="movement")
    org = OrganizationFactory(
        name="International Committee of the Red Cross",
        acronym="ICRC",
        slug="icrc",
        parent=parent,
        country="CH",
    )
    OrganizationFactory(name="ICRC Tehran delegation", slug="icrc-tehran", parent=org)
    AffiliationFactory(
        person=PersonFactory(name="Ali Rezaei"), organization=org, title="representative in Iran"
    )
    EventOrganizerFactory(event=EventFactory(name="Humanitarian law course"), organization=org)

    html = client.get("/organizations/icrc/").text
    assert "(ICRC)" in html
    assert "<dt>Country</dt><dd>Switzerland</dd>" in html  # CH, named
    assert 'href="/organizations/movement/"' in html and 'href="/organizations/icrc-tehran/"' in html
    assert "Ali Rezaei</a>, representative in Iran" in html
    assert "Humanitarian law course" in html


def test_event_page_shows_local_times_zone_place_people_and_coverage_in_time_order(client):
    start = timezone.now() - timedelta(days=5)
    event = EventFactory(
        slug="summit",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        timezone="Europe/Istanbul",
        venue="Congress Hall",
        city="Istanbul",
        country="TR",
    )
    EventOrganizerFactory(event=event, organization=OrganizationFactory(name="Turkish Red Crescent"))
    EventParticipantFactory(event=event, person=PersonFactory(name="Ayse Demir"), role="chair")
    later = ArticleFactory(headline="Summit closes", published_at=start + timedelta(days=1))
    earlier = ArticleFactory(headline="Summit opens", published_at=start + timedelta(hours=1))
    for article in (later, earlier):
        ArticleEventFactory(article=article, event=event)

    html = client.get("/events/summit/").text
    local = start.astimezone(event.zone)
    assert f'<time datetime="{local.replace(microsecond=0).isoformat()}' in html and "Istanbul time" in html
    assert "Congress Hall, Istanbul, Türkiye" in html
    assert "Turkish Red Crescent" in html and "Ayse Demir</a> (chair)" in html
    assert html.index("Summit opens") < html.index("Summit closes")


@pytest.mark.parametrize(
    "url,factory",
    [("/people/", PersonFactory), ("/organizations/", OrganizationFactory), ("/events/", EventFactory)],
)
def test_index_is_alphabetical_filters_by_letter_and_paginates(client, url, factory):
    factory(name="Zahra", slug="zahra")
    factory(name="amin", slug="amin")
    html = client.get(url).text
    assert html.index(">amin<") < html.index(">Zahra<")
    lettered = client.get(url, {"letter": "z"}).text
    assert ">Zahra<" in lettered and ">amin<" not in lettered
    assert client.get(url, {"page": "99"}).status_code == 404
    assert client.get(url, {"letter": "<script>"}).status_code == 200
