"""Stub detection and body cleaning: the rules that keep placeholders and unsafe HTML off the site."""

import pytest

from articles.html import clean_body
from articles.text import stub_reason, summarize
from tests.factories import STORY, ArticleFactory


@pytest.mark.parametrize(
    "body",
    [
        "<p>This article will be expanded soon…</p>",
        "<p>Lorem ipsum dolor sit amet.</p>",
        "<p>Coming soon.</p>",
        STORY + "<p>Quote from the minister TK.</p>",
        "<p>Short brief of ten words only, nothing more to say.</p>",
    ],
)
def test_placeholder_or_thin_text_is_a_stub(body):
    assert stub_reason(body) is not None


def test_a_real_story_is_not_a_stub():
    assert stub_reason(STORY) is None


def test_tk_inside_a_word_is_not_a_placeholder():
    assert stub_reason(STORY + "<p>The Turkmen delegation met in Tkibuli and Ashgabat.</p>") is None


@pytest.mark.django_db
def test_stub_flag_is_set_on_save():
    article = ArticleFactory(body="<p>This article will be expanded soon…</p>")
    assert article.is_stub
    article.body = STORY
    article.save()
    assert not article.is_stub


@pytest.mark.parametrize(
    "dirty, forbidden",
    [
        ('<img src=x onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="data:text/html,hi">x</a>', "data:"),
        ("<script>alert(1)</script>", "<script"),
        ('<p style="color:red">x</p>', "style"),
        ('<iframe src="https://example.org"></iframe>', "<iframe"),
    ],
)
def test_unsafe_html_never_survives(dirty, forbidden):
    assert forbidden not in clean_body(dirty)


def test_story_markup_survives_cleaning():
    html = '<h2>Aid</h2><p><strong>Bold</strong> <a href="https://example.org">link</a></p><ul><li>one</li></ul><blockquote><p>q</p></blockquote>'
    cleaned = clean_body(html)
    for kept in ("<h2>", "<strong>", 'href="https://example.org"', "<li>", "<blockquote>"):
        assert kept in cleaned


def test_summary_cuts_at_a_word_boundary():
    summary = summarize(STORY, words=12)
    assert summary.endswith("…")
    words = summary.rstrip("…").split()
    assert len(words) == 12
    assert all(word in STORY for word in words)
