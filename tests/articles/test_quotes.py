"""Quotes in a story's text become quotes of the right person, or of nobody when that is unsure."""

import pytest

from articles.linking.finder import EntityMatcher
from articles.models import ArticlePerson, Quote
from articles.quotes import find_quotes, quotes_attach
from tests.factories import ArticleFactory, OrganizationFactory, PersonAliasFactory, PersonFactory

pytestmark = pytest.mark.django_db

INTRO = (
    "<p>GORGAN – Vahid Rostami, head of the Golestan branch of the Iranian Red Crescent Society, said "
    "relief teams had set up two camps on higher ground.</p>"
)


@pytest.fixture
def directory():
    OrganizationFactory(slug="ircs", name="Iranian Red Crescent Society", acronym="IRCS")
    people = {
        "rostami": PersonFactory(slug="vahid-rostami", name="Vahid Rostami"),
        "moradi": PersonFactory(slug="leila-moradi", name="Leila Moradi"),
        "cassard": PersonFactory(slug="jean-cassard", name="Jean Cassard"),
        "kolivand": PersonFactory(slug="pirhossein-kolivand", name="Pirhossein Kolivand"),
    }
    PersonAliasFactory(person=people["kolivand"], name="Pirhoshein Kolivand")
    return people


def quotes(body: str, headline: str = "") -> list:
    return find_quotes(body, headline=headline, matcher=EntityMatcher.build())


def only(body: str):
    found = quotes(body)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "paragraph, speaker, words",
    [
        (
            "<p>“We have sent every tent we had,” Rostami said.</p>",
            "rostami",
            "We have sent every tent we had",
        ),
        (
            "<p>“The water is still rising,” said Dr. Leila Moradi, the province's deputy health chief.</p>",
            "moradi",
            "The water is still rising",
        ),
        (
            "<p>Jean Cassard met officials. Cassard stated, “The federation stands with Golestan.”</p>",
            "cassard",
            "The federation stands with Golestan.",
        ),
        (
            "<p>Pirhoshein Kolivand visited. According to Kolivand, “No region will be left alone.”</p>",
            "kolivand",
            "No region will be left alone.",
        ),
        (
            '<p>"Straight quotes count too," Rostami told reporters.</p>',
            "rostami",
            "Straight quotes count too",
        ),
        (
            "<p>Rostami added that boats had reached two villages. “Nobody was left behind,” he said, "
            "“but the night will be hard.”</p>",
            "rostami",
            "Nobody was left behind but the night will be hard.",
        ),
        ("<p>Rostami said:</p><p>“The camps are full.”</p>", "rostami", "The camps are full."),
        (
            "<p>“The roads are open again,” Dr. Leila Moradi, the province's deputy health chief, said at "
            "the briefing.</p>",
            "moradi",
            "The roads are open again",
        ),
        (
            "<p>Canada's Jean Cassard arrived on Monday.</p><p>“We came to listen,” Cassard said.</p>",
            "cassard",
            "We came to listen",
        ),
    ],
    ids=[
        "surname-said",
        "said-full-name-title",
        "stated",
        "according-to",
        "straight",
        "pronoun",
        "said-colon",
        "honorific-name-title-said",
        "possessive-before-name",
    ],
)
def test_each_phrasing_attaches_the_quote_to_its_speaker(directory, paragraph, speaker, words):
    quote = only(INTRO + paragraph)
    assert quote.text == words
    assert quote.person_id == directory[speaker].pk


def test_said_full_name_keeps_the_title_as_context(directory):
    quote = only(
        "<p>“The wells cannot be trusted,” said Dr. Leila Moradi, the province's deputy health chief.</p>"
    )
    assert quote.context == "the province's deputy health chief"


def test_a_quote_over_several_paragraphs_is_one_quote(directory):
    quote = only(
        INTRO + "<p>Rostami told the families: “By Friday every family will have a tent.</p>"
        "<p>“We will not leave until the last family has gone home.”</p>"
    )
    assert (
        quote.text == "By Friday every family will have a tent.\n\n"
        "We will not leave until the last family has gone home."
    )
    assert quote.person_id == directory["rostami"].pk


def test_a_paragraph_that_is_only_a_quote_belongs_to_the_person_whose_words_came_before(directory):
    quote = only(INTRO + "<p>“Nobody should spend a night like this outside.”</p>")
    assert quote.person_id == directory["rostami"].pk


def test_surname_resolves_to_the_person_introduced_earlier_not_a_namesake_in_the_directory(directory):
    PersonFactory(slug="ali-rostami", name="Ali Rostami")  # a namesake the story never mentions
    quote = only(INTRO + "<p>“Three hundred tents are on their way,” Rostami said.</p>")
    assert quote.person_id == directory["rostami"].pk


def test_two_people_sharing_the_surname_leave_the_quote_unattached(directory):
    PersonFactory(slug="ali-rostami", name="Ali Rostami")
    found = quotes(
        INTRO + "<p>Ali Rostami, a Tehran councillor, also visited the camps.</p>"
        "<p>“It is the least we can do,” Rostami said.</p>"
    )
    assert [(q.person_id, q.why_unattached) for q in found] == [
        (None, "more than one person with that surname in the story")
    ]


def test_a_surname_never_introduced_is_not_guessed(directory):
    quote = only("<p>“We are ready,” Moradi said.</p>")
    assert quote.person_id is None


def test_a_close_but_different_name_is_never_attached(directory):
    PersonFactory(slug="mehdi-zare", name="Mehdi Zare")
    quote = only("<p>“Schools stay closed,” said Mehdi Zarei, the county governor.</p>")
    assert quote.person_id is None
    assert quote.speaker_name == "Mehdi Zarei"


def test_an_organization_speaking_is_not_a_person(directory):
    quote = only("<p>“We expect the funds within a week,” the Red Crescent said in a statement.</p>")
    assert quote.person_id is None


def test_an_unknown_speaker_keeps_the_full_name_introduced_earlier(directory):
    quote = only(
        "<p>The deputy governor, Farhad Bakhtiari, said a second wing was planned.</p>"
        "<p>“The province needs another 200 beds,” Bakhtiari said.</p>"
    )
    assert (quote.person_id, quote.speaker_name) == (None, "Farhad Bakhtiari")


def test_words_in_quotation_marks_without_a_speaker_are_not_quotes(directory):
    assert quotes('<p>The show, titled "Coming Soon: Letters of Light", opened on Friday.</p>') == []


def test_attach_creates_quotes_and_quoted_links_and_attaches_later_once_the_person_exists(directory):
    article = ArticleFactory(
        body=INTRO + "<p>“We have sent every tent we had,” Rostami said.</p>"
        "<p>“The wells cannot be trusted,” said Samira Ahmadzadeh, a volunteer nurse.</p>"
    )
    report = quotes_attach(article=article, matcher=EntityMatcher.build())
    assert (report.attached, [q.speaker_name for q in report.unattached]) == (1, ["Samira Ahmadzadeh"])
    assert [(q.speaker.slug, q.text) for q in Quote.objects.filter(article=article)] == [
        ("vahid-rostami", "We have sent every tent we had")
    ]
    assert ArticlePerson.objects.filter(article=article, person=directory["rostami"], role="quoted").exists()

    nurse = PersonFactory(slug="samira-ahmadzadeh", name="Samira Ahmadzadeh")  # e.g. created by --new
    report = quotes_attach(article=article, matcher=EntityMatcher.build())
    assert (report.attached, report.unattached) == (1, [])
    assert Quote.objects.filter(article=article).count() == 2  # the first one is not made twice
    assert Quote.objects.get(article=article, speaker=nurse).context == "a volunteer nurse"


def test_he_said_after_a_paragraph_reporting_one_speaker(directory):
    quote = only(
        INTRO + "<p>About 3,100 patients were sent to other provinces last year, Rostami told a meeting.</p>"
        "<p>“Every transfer is a family that rents a room in Tehran,” he said.</p>"
    )
    assert quote.person_id == directory["rostami"].pk


def test_he_said_with_two_people_reported_before_is_left_unattached(directory):
    quote = only(
        INTRO + "<p>Rostami told the meeting the camps were full, and Cassard said more tents would come.</p>"
        "<p>“Every transfer is a family that rents a room in Tehran,” he said.</p>"
    )
    assert quote.person_id is None


def test_a_partial_quote_after_called_it_is_the_speakers(directory):
    quote = only("<p>Dr. Leila Moradi, the deputy health chief, called it “the worst flood in a decade.”</p>")
    assert (quote.person_id, quote.text) == (directory["moradi"].pk, "the worst flood in a decade.")
