"""Search takes a common query's newest matches from the newest publication weeks, and the page is
the one the whole archive gives: same stories, order, count and snippets."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.search import _week_lexeme, search_index_update
from articles.spelling import search_words_rebuild
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ROADS = "<p>" + "Officials said the roads were open again by the evening. " * 8 + "</p>"


def archive(cholera_days, *, louder=()):
    """30 stories, one a day back from now; those of ``cholera_days`` report cholera (those of
    ``louder`` in the standfirst too, so they rank higher)."""
    now = timezone.now()
    for day in range(30):
        ArticleFactory(
            headline=f"Cholera cases counted, day {day}"
            if day in cholera_days
            else f"Roads reopen, day {day}",
            dek="Cholera spreads in the camps." if day in louder else "",
            body=ROADS,
            published_at=now - timedelta(days=day, hours=1),
        )
    search_index_update(Article.objects.values_list("pk", flat=True))
    search_words_rebuild()


def search_page(client, q):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    matching = [item["sql"] for item in queries.captured_queries if "@@" in item["sql"]]
    return response.text.replace("<mark>", "").replace("</mark>", ""), matching


def headlines(html):
    return [part.split("</a>", 1)[0] for part in html.split('class="card__title"><a href="')[1:]]


@pytest.fixture
def small_pages(monkeypatch):
    # A page of the "3 newest of more than 3", and the newest weeks asked for as soon as they
    # should hold the 4 matches needed (at 100,000 stories: 1,001 and 1.5 times as many).
    monkeypatch.setattr("articles.search.MAX_RANKED_MATCHES", 3)
    monkeypatch.setattr("articles.search.WINDOW_MARGIN", 1)
    monkeypatch.setattr("articles.search._weekly", None)  # this archive's weeks, counted afresh


def test_the_newest_weeks_give_the_page_the_whole_archive_gives(client, small_pages, monkeypatch):
    archive({0, 3, 6, 9, 12, 15, 18, 21, 24}, louder={9})
    html, matching = search_page(client, "cholera")
    assert len(matching) == 1 and "\u00a7" in matching[0]  # one query, for the newest weeks only
    assert "The 3 newest of more than 3 stories" in html
    # The best of the 4 newest matches first (day 9 also has the word in its standfirst), then by date.
    assert [h.split('">', 1)[1] for h in headlines(html)] == [
        "Cholera cases counted, day 9",
        "Cholera cases counted, day 0",
        "Cholera cases counted, day 3",
    ]
    monkeypatch.setattr("articles.search.WINDOW_MARGIN", 1000)  # never the weeks: the whole archive
    whole, matching = search_page(client, "cholera")
    assert whole == html and "\u00a7" not in matching[0]


def test_a_word_of_older_news_is_found_beyond_the_newest_weeks(client, small_pages):
    archive({22, 23, 24, 25, 26, 27, 28, 29})
    html, matching = search_page(client, "cholera")
    # The newest weeks held none: the whole archive asked next.
    assert len(matching) == 2 and "\u00a7" in matching[0] and "\u00a7" not in matching[1]
    assert "The 3 newest of more than 3 stories" in html
    assert [h.split('">', 1)[1] for h in headlines(html)] == [
        "Cholera cases counted, day 22",
        "Cholera cases counted, day 23",
        "Cholera cases counted, day 24",
    ]


def test_a_publication_week_is_never_a_readers_word(client):
    story = ArticleFactory(headline="Roads reopen", body=ROADS)
    search_index_update([story.pk])
    week = _week_lexeme(story.published_at.date())
    for q in (week, week[1:], f'"{week}"'):
        html, _ = search_page(client, q)
        assert "Roads reopen" not in html, q
