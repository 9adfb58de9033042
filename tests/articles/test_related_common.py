"""An article whose every entity is too common to find candidates still gets its related stories.

``COMMON_SHARE``: an entity named in more than 0.2% of the archive (at least ``COMMON_MIN``
stories) finds no candidates in the first pass, yet is still evidence. An article with nothing
else gets a second pass through those entities, scored and floored like any other candidate.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, ArticlePerson, RelatedArticle
from articles.related.scoring import COMMON_MIN, compute_related, related_rebuild, related_rebuild_many
from tests.factories import ArticleFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

#: Enough stories that a person in COMMON_MIN + 10 of them is common yet still specific evidence.
ARCHIVE = 4000
BUSY = COMMON_MIN + 10


@pytest.fixture(scope="module")
def archive(module_db):
    """A busy official the subject of 210 of 4,000 stories; each story otherwise its own.

    Built once for the module (``module_db``); what a test writes is rolled back after it."""
    with module_db():
        section = SectionFactory(slug="humanitarian", name="Humanitarian")
        now = timezone.now()
        Article.objects.bulk_create(
            Article(
                headline=f"Filler story {i}",
                slug=f"filler-{i}",
                body=f"<p>Filler {i}.</p>",
                section=section,
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(hours=3 + i),
            )
            for i in range(ARCHIVE)
        )
        official = PersonFactory(name="Farid Rahimi")
        about = list(Article.objects.order_by("pk")[:BUSY])
        ArticlePerson.objects.bulk_create(
            ArticlePerson(article=a, person=official, role="about") for a in about
        )
        story = ArticleFactory(headline="Rahimi visits the convoy", published_at=now - timedelta(hours=1))
        ArticlePerson.objects.create(article=story, person=official, role="about")
        passing = ArticleFactory(headline="Market prices rise again", published_at=now - timedelta(hours=2))
        ArticlePerson.objects.create(article=passing, person=official, role="mentions")
        return story, passing, about


def test_an_article_about_a_busy_official_is_never_left_with_an_empty_list(archive, settings):
    story, _passing, about = archive
    assert related_rebuild(article=story) == settings.NEWSROOM_RELATED_LIMIT
    listed = list(story.related_entries.order_by("rank").values_list("related", "shared"))
    assert {pk for pk, _shared in listed} <= {a.pk for a in about}
    # The nearest in time first, and the reason says who is shared.
    assert listed[0][0] == about[0].pk
    assert listed[0][1][0]["kind"] == "person"


def test_a_passing_mention_of_a_busy_official_is_not_padded_into_a_list(archive):
    _story, passing, _about = archive
    assert related_rebuild(article=passing) == 0
    assert compute_related(passing) == []


def test_batch_rebuild_fills_the_same_lists_with_one_more_query(archive):
    story, passing, _about = archive
    related_rebuild(article=story)
    one = list(RelatedArticle.objects.filter(article=story).order_by("rank").values_list("related", "rank"))
    RelatedArticle.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        related_rebuild_many([story.pk, passing.pk])
    batch = list(RelatedArticle.objects.filter(article=story).order_by("rank").values_list("related", "rank"))
    assert batch == one
    assert not RelatedArticle.objects.filter(article=passing).exists()
    # The second pass is one lookup of the empty lists and one scoring statement for all of them.
    assert sum("INSERT INTO articles_relatedarticle" in q["sql"] for q in queries.captured_queries) == 2
