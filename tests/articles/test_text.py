"""Stub detection and body cleaning: the rules that keep placeholders and unsafe HTML off the site."""

import pytest

from articles.html import clean_body
from articles.text import stub_reason, summarize, word_count
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


def _words(n: int) -> str:
    sentence = "Relief teams reached the villages with tents and water on the second day. "
    words = (sentence * (n // 12 + 1)).split()[:n]
    return " ".join(words).rstrip(".") + "."


@pytest.mark.parametrize(
    "extra",
    [
        "The full report will be published later this month.",
        'The festival opens with the film "Coming Soon", a comedy about a cinema in Tabriz.',
        "Volunteers used a placeholder name for the camp until the villagers chose one.",
        "This story will be updated as more news comes in.",
    ],
    ids=["published-later", "film-title", "placeholder-word", "will-be-updated"],
)
def test_a_real_story_with_words_that_sound_like_placeholders_stays_public(extra):
    body = f"<p>{_words(65 - len(extra.split()))}</p><p>{extra}</p>"
    assert word_count(body) == 65
    assert stub_reason(body) is None


@pytest.mark.parametrize(
    "body",
    [
        "<p>This article will be expanded soon…</p>",
        "<p>Kerman quake.</p><p>This article will be expanded soon with more detailed information.</p>",
        "<p>The conference opened. The text will be expanded with more detailed information shortly…</p>",
        "<p>" + "This article will be expanded soon. " * 20 + "</p>",
        "<p>" + _words(70) + "</p><p>This page is still being written.</p>",
        "<p>" + "Coming soon. " * 30 + "</p>",
    ],
    ids=[
        "expanded-soon",
        "expanded-with-details",
        "expanded-shortly",
        "repeated",
        "being-written",
        "label-repeated",
    ],
)
def test_every_placeholder_phrasing_of_the_source_site_is_a_stub(body):
    assert stub_reason(body) is not None


def test_derived_standfirst_is_the_first_sentence_without_dateline_or_credit():
    from articles.text import derive_dek

    body = (
        "<p>TABRIZ – The East Azarbaijan branch of the Red Crescent opened three winter shelters in Tabriz "
        "on Friday night, as reported by IRNA. The shelters can take 240 people.</p><p>More text.</p>"
    )
    assert derive_dek(body) == (
        "The East Azarbaijan branch of the Red Crescent opened three winter shelters in Tabriz "
        "on Friday night."
    )
    assert derive_dek("<p>AQ QALA – Nami visited two camps on Tuesday, Mehr news agency reported.</p>") == (
        "Nami visited two camps on Tuesday."
    )
    long = "<p>" + " ".join(["word"] * 80) + ".</p>"
    dek = derive_dek(long)
    assert dek.endswith("…") and len(dek.rstrip("…").split()) == 35
