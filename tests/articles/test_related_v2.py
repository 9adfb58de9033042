"""Related stories v2: text neighbours, the relevance floor, near-duplicates, prominence, reasons by id.

Each story here has its own wire-style text, as real stories do (identical bodies would be
near-duplicates of each other).
"""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, ArticleTerm, RelatedArticle, TermFrequency
from articles.related.reasons import attach_reasons
from articles.related.scoring import related_rebuild, related_rebuild_all
from tests.factories import (
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

QUAKE = [
    "Rescue teams searched collapsed mud-brick houses in Hanza and Dehsard after the magnitude 5.9 "
    "earthquake in Rabor county, Kerman province, injured 41 villagers.",
    "Families from Hanza spent the night in tents near Rabor as aftershocks shook Kerman province; "
    "relief workers handed out blankets and heaters after the earthquake.",
    "Engineers inspected schools in Rabor and Dehsard, closed since the Kerman earthquake, and marked "
    "nine classrooms as unsafe after the strongest aftershock.",
]
OTHER = [
    "A three-day exhibition of Persian calligraphy opened at the Tophane culture centre in Istanbul with "
    "works in nastaliq by 46 masters.",
    "The national handicrafts week in Shiraz drew weavers of gabbeh rugs and khatam masters from 31 "
    "provinces to the fair ground.",
    "Health workers vaccinated 410,000 children against measles in Zahedan and Saravan in the first "
    "five days of the campaign.",
    "An Iranian pianist won the Beethoven piano competition in Vienna with the fourth concerto and the "
    "radio symphony orchestra.",
    "Farmers near Aq Qala counted flooded wheat fields and drowned sheep as the Gorganrud river fell "
    "back after a week.",
]


# Every story ends with the same furniture, so none is too thin to publish; words every story
# shares weigh nothing in text similarity.
FURNITURE = (
    "Officials gave the figures at a briefing in the morning. Reporters spoke with residents, teachers, "
    "drivers and shopkeepers about the week, the weather and the prices in the market, and about what "
    "they expect from the coming days. Several families said they had heard the news on the radio first, "
    "and that neighbours had shared what they knew over tea in the evening before the official figures "
    "were read out."
)


def wire(headline: str, text: str, *, days_ago: float = 1, **kwargs):
    return ArticleFactory(
        headline=headline,
        dek="",
        body=f"<p>{text}</p><p>{FURNITURE}</p>",
        published_at=timezone.now() - timedelta(days=days_ago),
        **kwargs,
    )


@pytest.fixture
def desk():
    """Three earthquake stories (no entity links at all) among five unrelated ones."""
    quake = [wire(f"Rabor earthquake, day {i + 1}", text, days_ago=5 - i) for i, text in enumerate(QUAKE)]
    others = [wire(f"Story on another beat {i}", text, days_ago=3 + i) for i, text in enumerate(OTHER)]
    related_rebuild_all()
    return quake, others


def listed(article) -> list:
    return [e.related for e in article.related_entries.select_related("related").order_by("rank")]


def test_text_neighbours_are_found_without_any_shared_entity(desk):
    quake, _others = desk
    assert set(listed(quake[0])) == {quake[1], quake[2]}
    entry = attach_reasons(quake[0].related_entries.all())[0]
    assert entry.reasons == ["Similar wording"]


def test_a_story_with_nothing_related_shows_nothing_rather_than_a_padded_list(desk):
    _quake, others = desk
    assert all(len(listed(story)) <= 1 for story in others)
    assert listed(others[3]) == []  # the pianist shares nothing with anyone


def test_a_big_organization_named_everywhere_does_not_make_stories_related(desk):
    quake, others = desk
    routine = [
        wire(f"Routine story {i}", f"The {topic} office published its monthly figures.", days_ago=20 + i)
        for i, topic in enumerate(
            ["blood", "tracing", "youth", "training", "logistics", "finance", "archive", "press", "health"]
        )
    ]
    related_rebuild_all()
    before = {story: set(listed(story)) for story in others}
    ircs = OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS")
    for story in [*quake, *others, *routine]:
        ArticleOrganizationFactory(article=story, organization=ircs, role="about")
    related_rebuild_all()
    # The organization every story is about is no evidence, and never given as a reason.
    kinds = {
        item["kind"] for shared in RelatedArticle.objects.values_list("shared", flat=True) for item in shared
    }
    assert "organization" not in kinds
    for story in others:
        assert len(listed(story)) <= max(1, len(before[story]))
    assert listed(others[3]) == []


def test_a_person_mentioned_once_does_not_outrank_the_story_s_subject():
    subject = PersonFactory(name="Hamid Zarei")
    passing = PersonFactory(name="Ingrid Solberg")
    main = wire("Zarei opens handicrafts week", OTHER[1])
    ArticlePersonFactory(article=main, person=subject, role="about")
    ArticlePersonFactory(article=main, person=passing, role="mentions")
    about_subject = wire("Zarei promises a school for khatam", OTHER[0])
    ArticlePersonFactory(article=about_subject, person=subject, role="about")
    about_passing = wire("Solberg visits a refugee settlement", OTHER[2])
    ArticlePersonFactory(article=about_passing, person=passing, role="about")
    # Ingrid Solberg is the rarer name of the two: rarity alone must not win over prominence.
    for _ in range(3):
        ArticlePersonFactory(article=wire("Another Zarei story", OTHER[3], days_ago=40), person=subject)
    related_rebuild(article=main)
    ranked = listed(main)
    assert about_subject in ranked
    assert about_passing not in ranked or ranked.index(about_subject) < ranked.index(about_passing)


def test_near_duplicate_is_reported_at_import_and_never_listed(tmp_path, capsys):
    for i, text in enumerate(OTHER):
        wire(f"Earlier story {i}", text, days_ago=10)
    call_command("rebuild_related")  # a newsroom whose archive is indexed
    body = " ".join(QUAKE) + "\n\n" + FURNITURE
    (tmp_path / "first.txt").write_text(f"Rabor quake injures 41 in Kerman\n\n{body}\n", "utf-8")
    (tmp_path / "again.txt").write_text(f"Dozens hurt as earthquake hits Rabor\n\n{body}\n", "utf-8")
    PersonFactory(slug="wire-desk", name="Wire Desk")  # the publish gate asks for a byline
    call_command("import_articles", "--publish", "--author", "wire-desk", str(tmp_path / "first.txt"))
    capsys.readouterr()
    call_command("import_articles", "--publish", "--author", "wire-desk", str(tmp_path / "again.txt"))
    out = capsys.readouterr().out
    assert "again.txt: near-duplicate of “rabor-quake-injures-41-in-kerman”" in out
    call_command("rebuild_related")
    first = Article.objects.get(slug="rabor-quake-injures-41-in-kerman")
    again = Article.objects.get(slug="dozens-hurt-as-earthquake-hits-rabor")
    assert again not in listed(first) and first not in listed(again)


def test_reasons_say_what_was_really_shared_and_follow_a_rename():
    speaker = PersonFactory(name="Vahid Rostami")
    passing = PersonFactory(name="Leila Moradi")
    main = wire("Golestan floods: rescue boats reach Aq Qala", OTHER[4], days_ago=2, tags=["floods"])
    other = wire("Rescuers lift families from roofs in Aq Qala", OTHER[4] + " Boats.", tags=["floods"])
    for article in (main, other):
        ArticlePersonFactory(article=article, person=speaker, role="quoted")
        ArticlePersonFactory(article=article, person=passing, role="mentions")
    related_rebuild(article=main)
    [entry] = attach_reasons(main.related_entries.all())
    assert "Both quote Vahid Rostami" in entry.reasons
    assert "Both mention Leila Moradi" in entry.reasons
    assert "Tagged floods" in entry.reasons
    assert not any(r.startswith("Also about") for r in entry.reasons)  # nobody is `about` here
    speaker.name = "Vahid Rostami-Nejad"
    speaker.save()
    [entry] = attach_reasons(main.related_entries.all())  # no recomputation
    assert "Both quote Vahid Rostami-Nejad" in entry.reasons


def test_related_page_names_reasons_with_one_query_for_any_number_of_entries(client):
    main = wire("Main story", OTHER[0])
    people = [PersonFactory(name=f"Official {i}") for i in range(12)]
    organization = OrganizationFactory(name="Economic Cooperation Organization", acronym="ECO")

    def store(count: int) -> None:
        RelatedArticle.objects.filter(article=main).delete()
        for rank in range(1, count + 1):
            RelatedArticle.objects.create(
                article=main,
                related=wire(f"Related {count}-{rank}", OTHER[rank % 5], days_ago=rank),
                rank=rank,
                score=1.0 / rank,
                shared=[
                    {"kind": "person", "id": people[rank % 12].pk, "ra": "about", "rc": "about", "w": 0.5},
                    {
                        "kind": "organization",
                        "id": organization.pk,
                        "ra": "about",
                        "rc": "mentions",
                        "w": 0.1,
                    },
                    {"kind": "text", "w": 0.3},
                ],
            )

    counts = []
    for count in (1, 12):
        store(count)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/articles/{main.slug}/related/").text
        counts.append(len(queries))
        assert "Also about Official 1" in html and "Mentions ECO" in html and "Similar wording" in html
    assert counts[0] == counts[1]


def test_full_rebuild_counts_terms_exactly(desk):
    quake, others = desk
    assert TermFrequency.objects.get(term="").articles == len(quake) + len(others)
    assert TermFrequency.objects.get(term="rabor").articles == len(quake)
    # Each article stores its telling stems; stems every story shares weigh nothing.
    assert ArticleTerm.objects.filter(article=quake[0], term="rabor").exists()


def test_full_rebuild_stores_exactly_what_each_article_s_own_recompute_stores():
    # Text neighbours, a story's subject, a busy organization and a passing mention, so every
    # source of candidates and evidence is in play.
    quake = [wire(f"Rabor earthquake, day {i + 1}", text, days_ago=5 - i) for i, text in enumerate(QUAKE)]
    others = [wire(f"Story on another beat {i}", text, days_ago=3 + i) for i, text in enumerate(OTHER)]
    official = PersonFactory(name="Hamid Rezaei")
    society = OrganizationFactory(name="Red Crescent Society")
    for story in quake[:2]:
        ArticlePersonFactory(article=story, person=official, role="about")
    ArticlePersonFactory(article=others[4], person=official, role="mentions")
    for story in [*quake, *others[:3]]:
        ArticleOrganizationFactory(article=story, organization=society, role="mentions")
    related_rebuild_all()

    def stored():
        terms = sorted(ArticleTerm.objects.values_list("article_id", "term", "weight"))
        fields = ("article_id", "rank", "related_id", "shared", "score")
        lists = sorted(RelatedArticle.objects.values_list(*fields))
        return terms, lists

    full_terms, full_lists = stored()
    for story in [*quake, *others]:
        related_rebuild(article=story)
    one_terms, one_lists = stored()
    assert one_terms == full_terms
    assert [row[:4] for row in one_lists] == [row[:4] for row in full_lists]
    assert [row[4] for row in one_lists] == pytest.approx([row[4] for row in full_lists], rel=1e-12)
    assert {row[2] for row in full_lists if row[0] == quake[0].pk} >= {quake[1].pk, quake[2].pk}


@pytest.mark.django_db(transaction=True)
def test_two_workers_recomputing_one_article_never_collide():
    person = PersonFactory(name="Marco Baldini")
    stories = [wire(f"Baldini story {i}", text) for i, text in enumerate(OTHER)]
    for story in stories:
        ArticlePersonFactory(article=story, person=person, role="about")
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(5):
                related_rebuild(article=stories[0])
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert RelatedArticle.objects.filter(article=stories[0]).count() == len(stories) - 1
