"""Related-post scoring mechanics: one visibility rule, batches equal single runs, the command."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from articles.models import Article, RelatedArticle
from articles.related.reasons import attach_reasons
from articles.related.scoring import PUBLISHED_SQL, compute_related, related_rebuild, related_rebuild_many
from tests.factories import ArticleFactory, ArticlePersonFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked_stories():
    person = PersonFactory(name="Leila Farahani")
    stories = [
        ArticleFactory(headline=f"Story {i} about Leila", published_at=timezone.now() - timedelta(days=i + 1))
        for i in range(6)
    ]
    for story in stories:
        ArticlePersonFactory(article=story, person=person)
    return stories


def test_sql_visibility_rule_selects_exactly_the_published_queryset():
    now = timezone.now()
    ArticleFactory()
    ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(status=Article.Status.SCHEDULED, published_at=now + timedelta(hours=1))
    ArticleFactory(status=Article.Status.UNPUBLISHED)
    ArticleFactory(body="<p>Coming soon.</p>")
    ArticleFactory(published_at=now - timedelta(days=2), unpublish_at=now - timedelta(days=1))
    ArticleFactory(published_at=now - timedelta(days=2), unpublish_at=now + timedelta(days=1))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM articles_article a WHERE " + PUBLISHED_SQL.format(a="a"),  # noqa: S608
            {"now": timezone.now()},
        )
        by_sql = {row[0] for row in cursor.fetchall()}
    assert by_sql == set(Article.objects.published().values_list("pk", flat=True))
    assert len(by_sql) == 2


def test_batch_rebuild_stores_the_same_as_one_by_one(linked_stories):
    for story in linked_stories:
        related_rebuild(article=story)
    one_by_one = list(
        RelatedArticle.objects.order_by("article", "rank").values_list("article", "related", "shared")
    )
    RelatedArticle.objects.all().delete()
    related_rebuild_many([s.pk for s in linked_stories])
    batch = list(
        RelatedArticle.objects.order_by("article", "rank").values_list("article", "related", "shared")
    )
    assert batch == one_by_one
    first = attach_reasons(RelatedArticle.objects.order_by("article", "rank")[:1])[0]
    assert first.reasons == ["Also about Leila Farahani"]


def test_nearest_in_time_ranks_first_among_equals(linked_stories):
    ranked = [a for a, *_ in compute_related(linked_stories[0])]
    assert ranked == linked_stories[1:]


def test_recompute_runs_the_same_queries_for_few_or_many_related(django_assert_max_num_queries):
    person = PersonFactory()
    few = ArticleFactory()
    ArticlePersonFactory(article=few, person=person)
    ArticlePersonFactory(person=person)
    # Archive size (2), the article's lock and terms (4: lock, first-time counts, delete, insert),
    # the scoring query, pins, visibility, the store (delete, insert) and the savepoints.
    with django_assert_max_num_queries(16) as few_queries:
        assert related_rebuild(article=few) == 1
    # (A person in 25 stories of a 27-story archive would be in everything, and relate nothing.)
    for _ in range(4):
        ArticlePersonFactory(person=person)
    with django_assert_max_num_queries(16) as many_queries:
        assert related_rebuild(article=few) == 5
    assert len(many_queries) == len(few_queries)


def test_rebuild_related_command_all_and_one(linked_stories, capsys):
    call_command("rebuild_related")
    assert "recomputed for 6 published articles" in capsys.readouterr().out
    assert RelatedArticle.objects.filter(article=linked_stories[0]).count() == 5
    call_command("rebuild_related", "--article", linked_stories[1].slug)
    assert "5 related stories stored" in capsys.readouterr().out


def test_rebuild_related_drops_lists_of_articles_no_longer_public(linked_stories):
    related_rebuild(article=linked_stories[0])
    Article.objects.filter(pk=linked_stories[0].pk).update(status=Article.Status.UNPUBLISHED)
    call_command("rebuild_related")
    assert not RelatedArticle.objects.filter(article=linked_stories[0]).exists()
    assert not RelatedArticle.objects.filter(related=linked_stories[0]).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--article", "nope"], "No article with the slug 'nope'"), (["--workers", "0"], "at least 1")],
)
def test_rebuild_related_bad_input(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("rebuild_related", *args)


def test_generate_bench_data_writes_a_realistic_small_newsroom(capsys):
    call_command("generate_bench_data", "--articles", "300", verbosity=0)
    assert "Generated 300 articles" in capsys.readouterr().out
    published = Article.objects.published()
    assert 250 < published.count() < 300  # drafts, scheduled and stubs are in the mix
    assert Article.objects.filter(is_stub=True).exists()
    story = published.filter(person_links__role="about").first()
    assert story.tags.exists()
    call_command("rebuild_related")
    # Stories reported around the same event (as the generator dates them) find each other.
    from django.db.models import Count

    from articles.models import ArticleEvent

    shared = (
        ArticleEvent.objects.filter(article__in=published)
        .values("event")
        .annotate(n=Count("article"))
        .filter(n__gt=1)
        .values("event")
    )
    covered = published.filter(event_links__event__in=shared).distinct()
    with_related = covered.filter(related_entries__isnull=False).distinct().count()
    assert with_related > covered.count() // 2
