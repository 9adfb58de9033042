"""Shapes of quote attribution in wire copy, each read from a sentence written for it (round 3).

Every test is a cause found reading the unattached quotes of five judged corpora; the wording is
original, so the rules are checked on sentences the corpora never used.
"""

import pytest

from articles.linking.finder import EntityMatcher
from articles.models import ArticlePerson
from articles.quotes import find_quotes, quotes_attach
from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db


def quotes(body: str) -> list:
    return find_quotes(body, matcher=EntityMatcher.build())


def speakers(body: str) -> list[tuple[str, str]]:
    return [(q.text.split()[0], q.speaker_name) for q in quotes(body)]


def test_a_second_statement_after_said_and_a_full_stop_is_its_own_quote_by_the_same_speaker():
    body = (
        "<p>Farid Nouri, the ferry's captain, spoke at the quay.</p>"
        "<p>“The engine failed twice,” Nouri said on Monday. “Nobody was hurt.”</p>"
        "<p>“We waited,” Nouri said, “for the tug.”</p>"
    )
    found = quotes(body)
    assert [q.text for q in found] == [
        "The engine failed twice",
        "Nobody was hurt.",
        "We waited for the tug.",
    ]
    assert {q.speaker_name for q in found} == {"Farid Nouri"}


def test_he_said_after_a_sentence_that_names_one_person_without_a_speech_verb():
    body = (
        "<p>Among the first on the boat was Kaveh Dastani, 84, who sailed it as a boy. “It smells the same,” "
        "he said.</p>"
        "<p>Dastani, a retired fisherman, waved from the deck.</p>"
        "<p>“I will come back every summer,” he said.</p>"
        "<p>A harbour official, Nasim Rahbar, disagreed. “The boat is too old,” she said.</p>"
    )
    assert speakers(body) == [("It", "Kaveh Dastani"), ("I", "Kaveh Dastani"), ("The", "Nasim Rahbar")]


def test_a_lower_case_title_before_a_full_name_and_a_name_with_its_body_after_of():
    body = (
        "<p>“The season starts late,” league chairman Omid Sharifi said.</p>"
        "<p>“The pitches are wet,” Said Karimi of the Gilan Football Board told reporters.</p>"
        "<p>“It was cold,” a volunteer nurse said.</p>"
    )
    found = quotes(body)
    assert [q.speaker_name for q in found] == ["Omid Sharifi", "Said Karimi", ""]
    assert found[2].why_unattached == "the speaker is not a named person"


def test_a_quote_over_two_paragraphs_takes_the_speaker_named_at_its_end_over_the_lead():
    body = (
        "<p>TABRIZ – Walnut sellers say the harvest is the smallest in a decade.</p>"
        "<p>“The frost came in April and took the flowers.</p>"
        "<p>“Half my trees have nothing on them,” said Hajj Morteza Ebadi, who has sold walnuts for "
        "forty years.</p>"
    )
    (quote,) = quotes(body)
    assert quote.speaker_name == "Hajj Morteza Ebadi"


def test_a_surname_of_two_words_is_the_person_named_in_full_before():
    body = (
        "<p>Golnaz Mirzaei Ardakani, who chairs the tribunal, read the verdict.</p>"
        "<p>“The fine stands,” Mirzaei Ardakani said.</p>"
    )
    (quote,) = quotes(body)
    assert quote.speaker_name == "Golnaz Mirzaei Ardakani"
    assert quote.why_unattached == "not in the directory"


def test_a_speaker_written_in_another_spelling_is_the_person_the_story_is_linked_to():
    person = PersonFactory(slug="shamseddin-rahimi", name="Shamseddin Rahimi")
    article = ArticleFactory(
        body=(
            "<p>“The dam is safe,” said Shams ed-Din Rahimi, the deputy energy minister.</p>"
            "<p>“We checked every gate,” Rahimi said.</p>"
        )
    )
    ArticlePerson.objects.create(article=article, person=person, role="mentions")
    report = quotes_attach(article=article, matcher=EntityMatcher.build())
    assert report.attached == 2
    assert list(article.quotes.values_list("speaker__slug", flat=True)) == ["shamseddin-rahimi"] * 2


def test_a_speakers_full_name_in_another_spelling_is_the_one_known_person_with_that_spelling():
    PersonFactory(slug="mohammad-ali-karimi", name="Mohammad-Ali Karimi")
    body = "<p>Governor Mohammadali Karimee said the road would open. “It is safe now,” he said.</p>"
    (quote,) = quotes(body)
    assert quote.attached and quote.speaker_name == "Mohammadali Karimee"
    body = "<p>“It is safe now,” said Jalal ed-Din Karimi, the deputy minister.</p>"
    PersonFactory(slug="jalaleddin-karimi", name="Jalaleddin Karimi")
    (quote,) = quotes(body)
    assert quote.attached
