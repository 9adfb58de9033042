"""The demo newsroom: complete enough to try every page, invisible where it must be, idempotent."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, ArticleEvent, ArticleOrganization, ArticlePerson, Byline, Quote, Section
from articles.related.reasons import attach_reasons
from organizations.models import Affiliation, Event, Organization, Person

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the demo says, by natural keys, so two loads can be compared."""
    return {
        "sections": sorted(Section.objects.values_list("slug", "name", "position")),
        "organizations": sorted(
            Organization.objects.values_list("slug", "name", "acronym", "parent__slug", "version")
        ),
        "org_aliases": sorted(
            Organization.objects.filter(aliases__isnull=False).values_list("slug", "aliases__name")
        ),
        "people": sorted(Person.objects.values_list("slug", "name", "bio", "version")),
        "person_aliases": sorted(
            Person.objects.filter(aliases__isnull=False).values_list("slug", "aliases__name")
        ),
        "affiliations": sorted(
            Affiliation.objects.values_list(
                "person__slug", "organization__slug", "title", "start_date", "end_date"
            ),
            key=str,
        ),
        "events": sorted(
            Event.objects.values_list("slug", "starts_at", "ends_at", "parent__slug", "version"), key=str
        ),
        "articles": sorted(
            Article.objects.values_list("slug", "headline", "status", "published_at", "is_stub", "version"),
            key=str,
        ),
        "bylines": sorted(Byline.objects.values_list("article__slug", "person__slug", "role", "position")),
        "links": sorted(
            [
                *ArticlePerson.objects.values_list("article__slug", "person__slug", "role"),
                *ArticleOrganization.objects.values_list("article__slug", "organization__slug", "role"),
                *ArticleEvent.objects.values_list("article__slug", "event__slug", "role"),
            ]
        ),
        "quotes": sorted(Quote.objects.values_list("article__slug", "speaker__slug", "text")),
        "tags": sorted(Article.objects.filter(tags__isnull=False).values_list("slug", "tags__name")),
    }


@pytest.fixture
def demo(capsys):
    call_command("load_demo")
    capsys.readouterr()


def test_loading_twice_gives_the_same_data(demo, capsys):
    first = snapshot()
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out
    assert snapshot() == first


def test_demo_is_a_whole_newsroom(demo):
    published = Article.objects.published()
    assert published.count() >= 30
    assert Section.objects.count() >= 4
    assert all(published.filter(section=s).exists() for s in Section.objects.all())
    assert Person.objects.count() >= 40
    assert Person.objects.filter(aliases__kind="spelling").distinct().count() >= 3
    assert Person.objects.filter(aliases__kind="native").distinct().count() >= 2
    assert Organization.objects.exclude(acronym="").count() >= 15
    assert Organization.objects.count() >= 20
    assert Organization.objects.filter(parent__isnull=False).exists()
    assert Event.objects.count() >= 15
    assert Event.objects.filter(kind="conference", sessions__isnull=False).exists()
    exhibition = Event.objects.filter(kind="exhibition").exclude(timezone="Asia/Tehran").first()
    assert exhibition is not None and (exhibition.ends_at - exhibition.starts_at).days >= 1
    assert Quote.objects.filter(article__in=published).count() >= 10
    assert Byline.objects.filter(article__in=published).count() >= 30
    assert published.filter(source_organization__isnull=False).count() >= 5


def test_demo_draft_scheduled_and_stub_are_invisible(demo, client):
    hidden = {
        "draft": Article.objects.filter(status="draft"),
        "scheduled": Article.objects.filter(status="scheduled", published_at__gt=timezone.now()),
        "stub": Article.objects.filter(is_stub=True),
    }
    for name, queryset in hidden.items():
        article = queryset.first()
        assert article is not None, f"the demo has no {name} article"
        assert client.get(article.get_absolute_url()).status_code == 404
        assert not Article.objects.published().filter(pk=article.pk).exists()
    home = client.get("/").text
    for queryset in hidden.values():
        assert queryset.first().headline not in home


def test_every_demo_page_opens(demo, client):
    urls = ["/"]
    urls += [a.get_absolute_url() for a in Article.objects.published()]
    urls += [f"/articles/{a.slug}/related/" for a in Article.objects.published()[:5]]
    urls += [s.get_absolute_url() for s in Section.objects.all()]
    urls += [p.get_absolute_url() for p in Person.objects.all()]
    urls += [o.get_absolute_url() for o in Organization.objects.all()]
    urls += [e.get_absolute_url() for e in Event.objects.all()]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_demo_articles_have_related_stories_that_share_something(demo):
    with_related = [a for a in Article.objects.published() if a.related_entries.exists()]
    assert len(with_related) >= 25
    for article in with_related:
        for entry in attach_reasons(article.related_entries.all()):
            assert entry.reasons, (article.slug, entry.related.slug)
