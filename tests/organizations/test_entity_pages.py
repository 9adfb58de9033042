"""Entity pages and the A–Z indexes: what a reader learns about a person, organization or event."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

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


def test_people_index_files_people_by_surname_and_the_editors_sort_name(client):
    PersonFactory(name="Pirhossein Kolivand", slug="kolivand")
    PersonFactory(name="Ali al-Hussein", slug="hussein")
    PersonFactory(name="Akbar Hashemi Rafsanjani", slug="rafsanjani", sort_name="Hashemi Rafsanjani, Akbar")
    PersonFactory(name="Parisa Karimi", slug="karimi")

    under_k = client.get("/people/", {"letter": "K"}).text
    assert ">Karimi, Parisa<" in under_k and ">Kolivand, Pirhossein<" in under_k
    assert under_k.index("Karimi") < under_k.index("Kolivand")
    assert "Kolivand" not in client.get("/people/", {"letter": "P"}).text  # not by first name
    under_h = client.get("/people/", {"letter": "H"}).text
    assert ">Hussein, Ali al-<" in under_h and ">Hashemi Rafsanjani, Akbar<" in under_h
    assert "Rafsanjani" not in client.get("/people/", {"letter": "R"}).text
    everyone = client.get("/people/").text
    assert '<a href="?letter=K">K</a>' in everyone and '<span class="letters__empty">P</span>' in everyone


def test_organizations_index_leaves_out_a_leading_the(client):
    OrganizationFactory(name="The Red Crescent Academy", slug="academy")
    OrganizationFactory(name="Qatar Charity", slug="qatar")
    OrganizationFactory(name="Save the Children", slug="save")
    html = client.get("/organizations/").text
    assert (
        html.index("Qatar Charity") < html.index("The Red Crescent Academy") < html.index("Save the Children")
    )
    assert "The Red Crescent Academy" in client.get("/organizations/", {"letter": "R"}).text
    assert "The Red Crescent Academy" not in client.get("/organizations/", {"letter": "T"}).text


def test_person_page_keeps_stories_by_apart_from_stories_about_with_roles_in_words(client):
    person = PersonFactory(name="Mina Shirazi", slug="shirazi")
    about = ArticleFactory(headline="Shirazi named head of the newsroom")
    ArticlePersonFactory(article=about, person=person, role="about")
    ArticlePersonFactory(article=about, person=person, role="quoted")
    passing = ArticleFactory(headline="Budget talks go on")
    ArticlePersonFactory(article=passing, person=person, role="mentions")
    column = ArticleFactory(headline="Notes from the flood zone")
    BylineFactory(article=column, person=person, role="author")
    photos = ArticleFactory(headline="The valley in pictures")
    BylineFactory(article=photos, person=person, role="photographer")

    html = client.get("/people/shirazi/").text
    about_part = html[html.index("Stories about Mina Shirazi") : html.index("Stories by Mina Shirazi")]
    by_part = html[html.index("Stories by Mina Shirazi") :]
    assert "Shirazi named head of the newsroom" in about_part and "Budget talks go on" in about_part
    assert "Notes from the flood zone" not in about_part and "The valley in pictures" not in about_part
    assert "Notes from the flood zone" in by_part and "The valley in pictures" in by_part
    assert "· Main subject · Quoted</span>" in about_part and "· Mentioned</span>" in about_part
    assert "· Written</span>" in by_part and "· Photographs</span>" in by_part


def test_nothing_unpublished_reaches_a_person_page_or_its_timeline(client):
    person = PersonFactory(name="Reza Bahrami", slug="bahrami")
    now = timezone.now()
    public = ArticleFactory(headline="Public story", published_at=now - timedelta(days=40))
    ArticlePersonFactory(article=public, person=person)
    hidden = [
        ArticleFactory(headline="Draft byline story", status="draft", published_at=None),
        ArticleFactory(
            headline="Expired story",
            published_at=now - timedelta(days=3),
            unpublish_at=now - timedelta(days=1),
        ),
        ArticleFactory(headline="Scheduled story", status="scheduled", published_at=now + timedelta(days=2)),
        ArticleFactory(headline="Unpublished story", status="unpublished"),
    ]
    BylineFactory(article=hidden[0], person=person)
    for article in hidden[1:]:
        ArticlePersonFactory(article=article, person=person)
        QuoteFactory(article=article, speaker=person, text=f"Words from the {article.headline.lower()}.")
    QuoteFactory(article=public, speaker=person, text="Words from the public story.")

    html = client.get("/people/bahrami/").text
    assert "Public story" in html and "Words from the public story." in html
    for article in hidden:
        assert article.headline not in html
        assert f"Words from the {article.headline.lower()}." not in html
    assert "Stories by Reza Bahrami" not in html  # the only byline is on a draft
    assert html.count('class="timeline__count">1 story<') == 1  # one month, one public story


def test_timeline_counts_stories_by_month_and_a_month_opens_its_own_stories(client):
    org = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    now = timezone.localtime()
    this_month = now.replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    earlier = (this_month - timedelta(days=40)).replace(day=10)
    for i in range(2):
        ArticleOrganizationFactory(
            article=ArticleFactory(headline=f"Old story {i}", published_at=earlier), organization=org
        )
    ArticleOrganizationFactory(
        article=ArticleFactory(
            headline="New story", published_at=min(this_month, timezone.now() - timedelta(minutes=5))
        ),
        organization=org,
    )

    html = client.get("/organizations/ircs/").text
    key = f"{earlier.year:04d}-{earlier.month:02d}"
    assert f'href="?month={key}"' in html and "2 stories" in html and "1 story" in html
    month = client.get("/organizations/ircs/", {"month": key}).text
    assert "Old story 0" in month and "Old story 1" in month and "New story" not in month
    assert client.get("/organizations/ircs/", {"month": "2026-13"}).status_code == 404
    assert client.get("/organizations/ircs/", {"month": "March"}).status_code == 404


def test_people_and_organizations_list_upcoming_and_past_events_apart(client):
    person = PersonFactory(slug="speaker")
    org = OrganizationFactory(slug="organizer")
    soon = EventFactory(name="Vaccination week", starts_at=timezone.now() + timedelta(days=5), ends_at=None)
    done = EventFactory(name="Flood response meeting", starts_at=timezone.now() - timedelta(days=30))
    for event in (soon, done):
        EventParticipantFactory(event=event, person=person, role="speaker")
        EventOrganizerFactory(event=event, organization=org)

    for url in ("/people/speaker/", "/organizations/organizer/"):
        html = client.get(url).text
        upcoming = html[html.index(">Upcoming<") : html.index(">Past<")]
        past = html[html.index(">Past<") :]
        assert "Vaccination week" in upcoming and "Flood response meeting" not in upcoming
        assert "Flood response meeting" in past
    assert "Vaccination week</a>, speaker" in client.get("/people/speaker/").text


def test_coverage_is_paged_by_cursor_and_old_page_numbers_still_open(client):
    org = OrganizationFactory(slug="busy")
    start = timezone.now() - timedelta(days=2)
    for i in range(25):
        article = ArticleFactory(
            headline=f"Numbered story {i:02d}", published_at=start + timedelta(minutes=i)
        )
        ArticleOrganizationFactory(article=article, organization=org)

    first = client.get("/organizations/busy/").text
    assert "Numbered story 24" in first and "Numbered story 05" in first and "Numbered story 04" not in first
    link = first.split('rel="next" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    second = client.get("/organizations/busy/" + link).text
    assert (
        "Numbered story 04" in second and "Numbered story 00" in second and "Numbered story 05" not in second
    )
    assert 'rel="next"' not in second and "Newest stories" in second
    old = client.get("/organizations/busy/", {"page": "2"}).text
    assert "Numbered story 04" in old and "Numbered story 05" not in old
    for bad in (
        {"page": "9"},
        {"page": "x"},
        {"after": "nonsense"},
        {"after": "99999999999999999999-1"},
        {"show": "by"},
    ):
        assert client.get("/organizations/busy/", bad).status_code == 404, bad
