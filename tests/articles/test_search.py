"""Search: a stored weighted vector, web-search syntax, entities above stories, calm with bad input."""

import pytest
from django.core.management import call_command
from django.db import transaction

from articles.changes import content_changed
from articles.models import Article
from articles.search import MAX_QUERY_LENGTH, search_index_update
from articles.spelling import search_words_rebuild
from tests.factories import (
    ArticleFactory,
    ArticlePersonFactory,
    OrganizationFactory,
    PersonAliasFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

ROADS = "<p>" + "Officials said the roads were open again by the evening. " * 8 + "</p>"


def index(*articles):
    search_index_update(a.pk for a in articles)


def search(client, q, *, marks=False, **params):
    """The results page; without the <mark> highlights unless asked, so headlines read whole."""
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response.text if marks else response.text.replace("<mark>", "").replace("</mark>", "")


def test_alias_spelling_finds_stories_linked_to_the_person_and_the_person_first(client):
    kolivand = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    PersonAliasFactory(person=kolivand, name="Pirhoshein Kolivand")
    story = ArticleFactory(headline="Red Crescent head visits flood zone")
    ArticlePersonFactory(article=story, person=kolivand)
    ArticleFactory(headline="Unrelated exhibition opens")
    index(*Article.objects.all())

    html = search(client, "Pirhoshein")
    assert "Red Crescent head visits flood zone" in html
    assert "Unrelated exhibition opens" not in html
    assert html.index('href="/people/pirhossein-kolivand/"') < html.index("Red Crescent head visits")


def test_any_common_spelling_finds_the_person_and_stories_without_an_alias(client):
    # No alias recorded: the transliteration key alone joins Pirhoshein and Pirhossein.
    kolivand = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    story = ArticleFactory(headline="Red Crescent head visits flood zone")
    ArticlePersonFactory(article=story, person=kolivand)
    ArticleFactory(headline="Unrelated exhibition opens")
    index(*Article.objects.all())

    for spelling in ("Pirhoshein", "Pirhosein Kolivand", "pirhossein"):
        html = search(client, spelling)
        assert "Red Crescent head visits flood zone" in html, spelling
        assert "Unrelated exhibition opens" not in html
        assert 'href="/people/pirhossein-kolivand/"' in html
        assert "Showing results for" not in html
    assert "Red Crescent head visits flood zone" not in search(client, "Hassan")


def test_headline_match_ranks_above_body_match_and_snippet_is_highlighted_and_escaped(client):
    body_only = ArticleFactory(
        headline="Aid arrives",
        body="<p>" + "Relief work went on. " * 20 + "Vaccination &lt;b&gt; drive begun.</p>",
    )
    in_headline = ArticleFactory(headline="Vaccination drive reaches villages")
    index(body_only, in_headline)
    html = search(client, "vaccination", marks=True)
    assert html.index("<mark>Vaccination</mark> drive reaches villages") < html.index("Aid arrives")
    assert "<mark>Vaccination</mark> &lt;b&gt;" in html


def test_websearch_syntax_phrase_exclusion_and_or(client):
    a = ArticleFactory(headline="Field clinic opens in Kerman", dek="")
    b = ArticleFactory(headline="Field hospital closes in Bam", dek="")
    index(a, b)
    assert "Bam" not in search(client, '"clinic opens"')
    only_b = search(client, "field -kerman")
    assert "Bam" in only_b and "Kerman" not in only_b
    both = search(client, "kerman or bam")
    assert "Kerman" in both and "Bam" in both


@pytest.mark.parametrize(
    "q", ["", "   ", "!!! ??? ***", "-", '"', "\x00", "a" * 5000, "<script>alert(1)</script>"]
)
def test_empty_junk_and_long_queries_answer_calmly(client, q):
    html = search(client, q)
    assert "<script>alert" not in html
    if len(q) > MAX_QUERY_LENGTH:
        assert "first 200 characters" in html


def test_bad_page_number_is_404(client):
    ArticleFactory(headline="Convoy")
    assert client.get("/search/", {"q": "convoy", "page": "x9"}).status_code == 404


def test_content_changed_reindexes_after_commit(client, django_capture_on_commit_callbacks):
    article = ArticleFactory(headline="Earthquake in Khoy")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        content_changed(article_ids=[article.pk], reason="test")
    assert "Earthquake in Khoy" in search(client, "khoy")


def test_alias_added_later_reindexes_linked_articles(client, django_capture_on_commit_callbacks):
    person = PersonFactory(name="Pirhossein Kolivand")
    story = ArticleFactory(headline="Red Crescent report")
    ArticlePersonFactory(article=story, person=person)
    index(story)
    assert "Red Crescent report" not in search(client, "Piro")  # a nickname nobody has used yet
    with django_capture_on_commit_callbacks(execute=True):
        PersonAliasFactory(person=person, name="Piro Kolivand")
    html = search(client, "Piro")
    assert "Red Crescent report" in html and "Showing results for" not in html
    with django_capture_on_commit_callbacks(execute=True):
        person.name = "P. Kolivand-Renamed"
        person.save()
    assert "Red Crescent report" in search(client, "Renamed")


def test_unpublished_articles_never_appear_in_search(client):
    ArticleFactory(headline="Draft about cholera", status="draft", published_at=None)
    ArticleFactory(headline="Stub about cholera", body="<p>This article will be expanded soon</p>")
    ArticleFactory(headline="Public note on cholera")
    index(*Article.objects.all())
    html = search(client, "cholera")
    assert "Public note on cholera" in html
    assert "Draft about" not in html and "Stub about" not in html


def test_rebuild_search_index_command_fills_every_vector(capsys):
    ArticleFactory.create_batch(3)
    call_command("rebuild_search_index", "--dry-run")
    assert Article.objects.filter(search_vector__isnull=True).count() == 3
    assert "Would rebuild the search index for 3 article(s)" in capsys.readouterr().out
    call_command("rebuild_search_index")
    assert not Article.objects.filter(search_vector__isnull=True).exists()
    assert "3 article(s)" in capsys.readouterr().out


def test_search_page_runs_the_matching_query_once(client, django_assert_num_queries):
    for i in range(25):
        a = ArticleFactory(headline=f"Convoy story {i}")
        ArticlePersonFactory(article=a, person=PersonFactory(name=f"Convoy driver {i}"))
    index(*Article.objects.all())
    client.get("/search/", {"q": "convoy"})  # the names are read once per change of a name
    # nav sections, the words' counts in the archive (which plan), the page of articles with its
    # count, the people found (found in memory: no query for a kind with no match, and no
    # "Convoy driver" is a "story")
    for params, count in (
        ({"q": "convoy"}, 4),
        ({"q": "convoy", "page": 2}, 4),
        ({"q": '"convoy story" -flood'}, 3),
    ):
        with django_assert_num_queries(count) as queries:
            response = client.get("/search/", params)
        assert response.status_code == 200
        matching = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
        assert len(matching) == 1, params
    assert "25 stories for" in client.get("/search/", {"q": "convoy"}).text
    page_two = client.get("/search/", {"q": "convoy", "page": 2}).text
    assert page_two.count('class="card"') == 5 and "Page 2 of 2" in page_two


def test_count_is_capped_and_says_more(client, monkeypatch):
    monkeypatch.setattr("articles.search.MAX_RANKED_MATCHES", 3)
    stories = [ArticleFactory(headline=f"Convoy story {i}") for i in range(5)]
    index(*stories)
    html = search(client, "convoy")
    assert "The 3 newest of more than 3 stories" in html
    assert html.count('class="card"') == 3
    assert client.get("/search/", {"q": "convoy", "page": 7}).status_code == 404


def test_misspelled_name_shows_the_nearest_known_spelling(client):
    kolivand = PersonFactory(name="Pirhossein Kolivand", slug="kolivand")
    story = ArticleFactory(headline="Red Crescent head visits flood zone")
    ArticlePersonFactory(article=story, person=kolivand)
    index(story)
    html = search(client, "Pirhosein Kolivant")
    assert "Showing results for" in html
    assert 'href="/people/kolivand/"' in html
    assert "Red Crescent head visits flood zone" in html
    assert "Showing results for" not in search(client, "zzzzqqq")


def test_deleted_alias_no_longer_finds_the_story(client, django_capture_on_commit_callbacks):
    person = PersonFactory(name="Pirhossein Kolivand")
    alias = PersonAliasFactory(person=person, name="Zzyzx Kolivand")
    story = ArticleFactory(headline="Red Crescent report")
    ArticlePersonFactory(article=story, person=person)
    index(story)
    assert "Red Crescent report" in search(client, "Zzyzx")
    with django_capture_on_commit_callbacks(execute=True):
        alias.delete()
    assert "Red Crescent report" not in search(client, "Zzyzx")


def test_excluded_word_stays_excluded_when_names_are_matched_by_spelling(client):
    kolivand = PersonFactory(name="Pirhossein Kolivand")
    flood = ArticleFactory(headline="Kolivand tours the flood zone")
    clinic = ArticleFactory(headline="Kolivand opens a rural clinic")
    for story in (flood, clinic):
        ArticlePersonFactory(article=story, person=kolivand)
    index(flood, clinic)
    for query in ("Kolivand -flood", "Pirhoshein -flood"):
        html = search(client, query)
        assert "Kolivand opens a rural clinic" in html, query
        assert "Kolivand tours the flood zone" not in html, query
    html = search(client, "clinic or flood")
    assert "Kolivand opens a rural clinic" in html and "Kolivand tours the flood zone" in html


@pytest.mark.parametrize(
    "spelling",
    ["Pir-Hossein Koulivand", "Pir Hossein Kolivand", "pirhoshein koulivand", "Dr. Pir-Hossein Koulivand"],
)
def test_every_spelling_name_key_equates_finds_the_persons_stories(client, spelling):
    kolivand = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    story = ArticleFactory(headline="Red Crescent head visits flood zone")
    ArticlePersonFactory(article=story, person=kolivand)
    ArticleFactory(headline="Unrelated exhibition opens")
    index(*Article.objects.all())

    html = search(client, spelling)
    assert "Red Crescent head visits flood zone" in html
    assert "Unrelated exhibition opens" not in html
    assert 'href="/people/pirhossein-kolivand/"' in html


def test_a_spelled_name_with_another_word_still_needs_the_word(client):
    kolivand = PersonFactory(name="Pirhossein Kolivand", slug="pirhossein-kolivand")
    flood = ArticleFactory(headline="Red Crescent head visits flood zone")
    drill = ArticleFactory(headline="Red Crescent head opens earthquake drill")
    for story in (flood, drill):
        ArticlePersonFactory(article=story, person=kolivand)
    index(*Article.objects.all())

    html = search(client, "Pir-Hossein Koulivand drill")
    assert "opens earthquake drill" in html
    assert "visits flood zone" not in html
    html = search(client, "Pir-Hossein Koulivand -drill")
    assert "visits flood zone" in html
    assert "opens earthquake drill" not in html


def test_misspelling_keeps_the_excluded_word_excluded(client):
    about = ArticleFactory(headline="Earthquake relief reaches Kermanshah")
    other = ArticleFactory(headline="Earthquake drill in Tabriz schools")
    index(about, other)
    search_words_rebuild()
    html = search(client, "earthqake -kermanshah")
    assert "Showing results for <strong>earthquake -kermanshah</strong>" in html
    assert "Earthquake drill in Tabriz schools" in html
    assert "Earthquake relief reaches Kermanshah" not in html


def test_misspelling_keeps_phrases_and_or(client):
    phrase = ArticleFactory(headline="Earthquake drill in Tabriz")
    words = ArticleFactory(headline="A drill after the earthquake")
    cholera = ArticleFactory(headline="Cholera cases fall")
    index(phrase, words, cholera)
    search_words_rebuild()
    html = search(client, '"earthqake drill"')
    assert "Showing results for" in html and "“&quot;earthquake drill&quot;”" in html
    assert "Earthquake drill in Tabriz" in html and "A drill after the earthquake" not in html
    html = search(client, "earthqake or cholerra")
    assert "Showing results for <strong>earthquake or cholera</strong>" in html
    assert "Earthquake drill in Tabriz" in html and "Cholera cases fall" in html


def test_real_words_are_not_corrected_toward_entity_names(client):
    OrganizationFactory(name="World Food Programme", slug="wfp")
    index(
        ArticleFactory(headline="Floods in Sistan"),
        ArticleFactory(headline="Kermanshah clinic opens"),
    )
    search_words_rebuild()
    html = search(client, "floods kermanshah")
    assert "Showing results for" not in html
    assert "No stories match" in html
    assert 'href="/organizations/wfp/"' not in html


def test_words_of_unpublished_stories_are_never_suggested(client):
    ArticleFactory(headline="Cholera outbreak confirmed", status="draft", published_at=None)
    index(*Article.objects.all(), ArticleFactory(headline="Clinic opens"))
    search_words_rebuild()
    html = search(client, "cholerra")
    assert "Showing results for" not in html and "Cholera" not in html


@pytest.mark.parametrize("q", ["aaaa", "x" * 500, "xxxx yyyy", "qqqq -aaaa"])
def test_junk_queries_list_no_entities_and_no_correction(client, q):
    for name in ("Ali Ahmadi", "Sara Karimi", "Maryam Hosseini", "Xavier Aaa"):
        PersonFactory(name=name)
    OrganizationFactory(name="Red Crescent Society", acronym="IRCS")
    index(ArticleFactory(headline="Convoy reaches the border"))
    search_words_rebuild()
    html = search(client, q)
    assert "search-entities" not in html and "Showing results for" not in html


def test_rebuild_search_words_command_counts_published_words(capsys):
    index(ArticleFactory(headline="Convoy reaches the border"))
    call_command("rebuild_search_words", "--dry-run")
    assert "Would store" in capsys.readouterr().out
    call_command("rebuild_search_words")
    assert "Stored" in capsys.readouterr().out
    from articles.models import SearchWord

    assert SearchWord.objects.get(word="convoy").documents == 1


def test_phrases_with_exclusion_and_or_match_as_written(client):
    clinic = ArticleFactory(headline="Field clinic opens in Kerman", dek="", body=ROADS)
    hospital = ArticleFactory(headline="Field hospital closes in Bam", dek="", body=ROADS)
    apart = ArticleFactory(headline="Clinic staff in the field as Kerman opens", dek="", body=ROADS)
    index(clinic, hospital, apart)
    html = search(client, '"field clinic"')
    assert "Field clinic opens in Kerman" in html and "Clinic staff in the field" not in html
    html = search(client, 'field -"field clinic"')
    assert "Field hospital closes in Bam" in html and "Clinic staff in the field" in html
    assert "Field clinic opens in Kerman" not in html
    html = search(client, '"field clinic" or "field hospital"')
    assert "Field clinic opens in Kerman" in html and "Field hospital closes in Bam" in html
    assert "Clinic staff in the field" not in html
