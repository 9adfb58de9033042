"""Dates read as people write them, and Persian text carries its language and direction."""

import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

from newsroom.dates import reader_date
from organizations.models import OrganizationAlias, PersonAlias
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
    SectionFactory,
)

# 05:10 UTC is 08:40 in Tehran (UTC+3:30, no daylight saving since 2022).
MOMENT = datetime(2026, 11, 24, 5, 10, tzinfo=UTC)
PERSIAN_HEADLINE = "کاروان امدادی به روستاهای زلزله‌زده رسید"


class Elements(HTMLParser):
    """Every element of a page as (tag, attributes, text directly inside it)."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict, list[str]]] = []
        self.open: list[int] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs), []))
        if tag not in {"meta", "link", "img", "input", "br", "source", "hr"}:
            self.open.append(len(self.found) - 1)

    def handle_endtag(self, tag):
        while self.open:
            if self.found[self.open.pop()][0] == tag:
                break

    def handle_data(self, data):
        for index in self.open:
            self.found[index][2].append(data)

    def containing(self, text: str) -> list[tuple[str, dict]]:
        """The innermost elements whose text contains ``text``."""
        hits = [(tag, attrs) for tag, attrs, parts in self.found if text in "".join(parts)]
        return hits[-1:]

    def texts(self, tag: str) -> list[str]:
        return [re.sub(r"\s+", " ", "".join(parts)).strip() for t, _a, parts in self.found if t == tag]


def test_reader_dates_in_every_style(settings):
    settings.TIME_ZONE = "Asia/Tehran"
    from django.utils import timezone

    local = timezone.localtime(MOMENT)
    assert reader_date(local) == "24 November 2026, 08:40 Tehran time"
    assert reader_date(local, "date") == "24 November 2026"
    assert reader_date(local, "time") == "08:40 Tehran time"
    assert reader_date(date(2026, 3, 1), "month") == "March 2026"
    assert reader_date(date(2026, 3, 1)) == "1 March 2026"
    assert reader_date(MOMENT) == "24 November 2026, 05:10 UTC"
    assert reader_date(None) == ""


@pytest.mark.django_db
def test_an_article_page_names_the_newsrooms_zone_in_words(client):
    article = ArticleFactory(published_at=MOMENT)
    page = Elements(client.get(article.get_absolute_url()).text)
    assert "Published 24 November 2026, 08:40 Tehran time" in " ".join(page.texts("p"))


@pytest.mark.django_db
def test_a_persian_article_is_marked_persian_and_right_to_left(client):
    article = ArticleFactory(headline=PERSIAN_HEADLINE, language="fa", section=SectionFactory(slug="news"))
    page = Elements(client.get(article.get_absolute_url()).text)
    html = next(attrs for tag, attrs, _p in page.found if tag == "html")
    assert html["lang"] == "en"  # the site's own words (navigation, labels) are English
    story = next(attrs for tag, attrs, _p in page.found if tag == "article")
    assert (story["lang"], story["dir"]) == ("fa", "rtl")

    listing = Elements(client.get("/sections/news/").text)
    # The headline and standfirst are Persian; the card's date and section stay the site's English.
    titles = [a for tag, a, parts in listing.found if tag == "h3" and PERSIAN_HEADLINE in "".join(parts)]
    assert [(title["lang"], title["dir"]) for title in titles] == [("fa", "rtl")]


@pytest.mark.django_db
def test_an_english_article_carries_no_language_of_its_own(client):
    page = Elements(client.get(ArticleFactory(language="en").get_absolute_url()).text)
    story = next(attrs for tag, attrs, _p in page.found if tag == "article")
    assert "lang" not in story and "dir" not in story


@pytest.mark.django_db
def test_persian_aliases_and_quotes_on_entity_pages_read_right_to_left(client):
    person = PersonFactory(name="Pirhossein Kolivand", slug="kolivand")
    PersonAlias.objects.create(person=person, name="پیرحسین کولیوند", kind="native", language="fa")
    PersonAlias.objects.create(person=person, name="Pir-Hossein Koolivand")
    persian_story = ArticleFactory(language="fa", headline=PERSIAN_HEADLINE)
    QuoteFactory(speaker=person, article=persian_story, text="کمک در راه است")
    QuoteFactory(speaker=person, article=None, text="مردم تنها نیستند")
    page = Elements(client.get("/people/kolivand/").text)
    assert page.containing("پیرحسین کولیوند") == [("span", {"lang": "fa", "dir": "rtl"})]
    assert page.containing("Pir-Hossein Koolivand") == [("span", {"dir": "auto"})]
    # A quote from a Persian story is Persian; one on record alone takes its direction from its text.
    assert [a for t, a, p in page.found if t == "blockquote" and "کمک در راه است" in "".join(p)] == [
        {"lang": "fa", "dir": "rtl"}
    ]
    assert [a for t, a, p in page.found if t == "blockquote" and "مردم تنها نیستند" in "".join(p)] == [
        {"dir": "auto"}
    ]

    ircs = OrganizationFactory(slug="ircs", name="Iranian Red Crescent Society")
    OrganizationAlias.objects.create(organization=ircs, name="جمعیت هلال احمر", kind="native", language="fa")
    assert Elements(client.get("/organizations/ircs/").text).containing("جمعیت هلال احمر") == [
        ("span", {"lang": "fa", "dir": "rtl"})
    ]


@pytest.mark.django_db
def test_an_event_reads_in_its_own_zone_with_the_zone_in_words(client):
    EventFactory(
        slug="istanbul-meeting",
        timezone="Europe/Istanbul",
        starts_at=datetime(2026, 3, 13, 6, 30, tzinfo=UTC),  # 09:30 in Istanbul (UTC+3)
        ends_at=datetime(2026, 3, 13, 14, 0, tzinfo=UTC),
    )
    page = Elements(client.get("/events/istanbul-meeting/").text)
    when = next(text for text in page.texts("p") if "2026" in text)
    assert when == "13 March 2026, 09:30 – 17:00 Istanbul time"


def test_public_templates_write_dates_through_one_filter():
    """A reader's date is written by ``when``; ``|date:`` is left for machine formats (datetime="")."""
    machine = {"Y-m-d", "c", "Y"}
    found = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        if "admin" in path.parts:
            continue
        for fmt in re.findall(r"""\|date:["']([^"']*)["']""", path.read_text("utf-8")):
            if fmt not in machine:
                found.append(f"{path.name}: {fmt}")
    assert found == []
