"""Every non-public state × every public surface: the story is nowhere a reader (or a robot) can look.

One newsroom is built once for the module: a public story, and one hidden story per state, each
sharing the public story's section, tag, person, organization and event, linked to the public story
as a stored related entry and as an editor's pin (as if stored before the story was hidden), and
placed next to it in time so it would be its previous/next link. Each hidden story also carries a
tag only it uses. Every (state, surface) pair is one test: the surface answers, and the hidden
story's headline, slug and unique word appear nowhere in it.
"""

import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, RelatedArticle, RelatedOverride
from articles.search import search_index_update
from tests.factories import (
    ArticleEventFactory,
    ArticleFactory,
    ArticleOrganizationFactory,
    ArticlePersonFactory,
    BylineFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    QuoteFactory,
)
from tests.newsroom.test_sitemaps import articles_sitemap_page

HOUR = timedelta(hours=1)


def _states(now):
    return {
        "draft": {"status": Article.Status.DRAFT, "published_at": None},
        "in-review": {"status": Article.Status.IN_REVIEW, "published_at": None},
        "scheduled": {"status": Article.Status.SCHEDULED, "published_at": now + 2 * HOUR},
        "published-in-future": {"status": Article.Status.PUBLISHED, "published_at": now + 2 * HOUR},
        "unpublished": {"status": Article.Status.UNPUBLISHED, "published_at": now - 3 * HOUR},
        # Expired before cron has run: still "published", its expiry time a minute ago.
        "expired": {
            "status": Article.Status.PUBLISHED,
            "published_at": now - 3 * HOUR,
            "unpublish_at": now - timedelta(minutes=1),
        },
        "stub": {"published_at": now - 3 * HOUR, "body": "<p>This article will be expanded soon…</p>"},
    }


STATES = sorted(_states(timezone.now()))


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    """Built once inside a transaction that is rolled back after the module's last test."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        now = timezone.now()
        person = PersonFactory(name="Leila Ahmadi", slug="leila-ahmadi")
        org = OrganizationFactory(name="Relief Watch", slug="relief-watch", acronym="RW")
        event = EventFactory(name="Relief summit", slug="relief-summit")
        # Two public stories around the hidden ones in time: every hidden one sits between them.
        older = ArticleFactory(
            headline="Older public story", slug="older-public", tags=["relief"], published_at=now - 5 * HOUR
        )
        public = ArticleFactory(
            headline="Public story", slug="public-story", tags=["relief"], published_at=now - HOUR
        )
        hidden = {}
        for name, fields in _states(now).items():
            word = "zq" + name.replace("-", "")
            hidden[name] = ArticleFactory(
                headline=f"Hidden {name} story {word}",
                slug=f"hidden-{name}",
                dek=f"Standfirst of the hidden {name} story {word}.",
                tags=["relief", f"only-{name}"],
                **fields,
            )
            if name == "stub":
                assert hidden[name].is_stub
        for article in [older, public, *hidden.values()]:
            ArticlePersonFactory(article=article, person=person)
            ArticleOrganizationFactory(article=article, organization=org)
            ArticleEventFactory(article=article, event=event)
            BylineFactory(article=article, person=person)
            QuoteFactory(article=article, speaker=person, text=f"Said in {article.slug}.")
        for rank, article in enumerate(hidden.values(), start=1):
            # Stored while the story was still public; the page must not trust the stored list.
            RelatedArticle.objects.create(article=public, related=article, rank=rank, score=9, shared=[])
            RelatedArticle.objects.create(article=older, related=article, rank=rank, score=9, shared=[])
            RelatedOverride.objects.create(
                article=public, related=article, kind=RelatedOverride.Kind.PIN, position=rank
            )
        search_index_update(Article.objects.values_list("pk", flat=True))
    yield {"public": public, "older": older, "hidden": hidden, "person": person, "org": org, "event": event}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def _surfaces(n) -> dict[str, str]:
    public, section = n["public"], n["public"].section.slug
    feeds = {}
    for label, base in (
        ("site", "/feeds"),
        ("section", f"/sections/{section}/feed"),
        ("tag", "/tags/relief/feed"),
        ("person", f"/people/{n['person'].slug}/feed"),
        ("organization", f"/organizations/{n['org'].slug}/feed"),
        ("event", f"/events/{n['event'].slug}/feed"),
    ):
        for kind in ("rss", "atom", "json"):
            feeds[f"{label} feed {kind}"] = (
                f"/feeds/{kind}/" if label == "site" else f"{base}/" if kind == "rss" else f"{base}/{kind}/"
            )
    return {
        "home": "/",
        "section listing": f"/sections/{section}/",
        "tag listing": "/tags/relief/",
        "person page": f"/people/{n['person'].slug}/",
        "organization page": f"/organizations/{n['org'].slug}/",
        "event page": f"/events/{n['event'].slug}/",
        "search by headline word": "/search/?q={word}",
        "search by person": "/search/?q=Leila+Ahmadi",
        "article page (related, prev/next, JSON-LD)": public.get_absolute_url(),
        "older article page (next link)": n["older"].get_absolute_url(),
        "related page": f"/articles/{public.slug}/related/",
        "sitemap index": "/sitemap.xml",
        "articles sitemap": articles_sitemap_page(public),
        "tags sitemap": "/sitemap-tags.xml",
        "news sitemap": "/news-sitemap.xml",
        **feeds,
    }


class _Named:
    """Stands in for a record when only the surfaces' names are wanted (test ids)."""

    slug = "x"
    pk = 1
    section = property(lambda self: self)

    def get_absolute_url(self):
        return "/x/"


SURFACES = sorted(_surfaces(dict.fromkeys(("public", "older", "person", "org", "event"), _Named())))


@pytest.fixture(scope="module")
def fetched():
    """Each surface is fetched once for the whole matrix (the data does not change between tests)."""
    from django.test import Client

    client, seen = Client(), {}

    def get(url):
        if url not in seen:
            response = client.get(url)
            seen[url] = (response.status_code, response.content.decode())
        return seen[url]

    return get


@pytest.mark.django_db
@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("state", STATES)
def test_hidden_story_is_absent_from_the_surface(fetched, newsroom, state, surface):
    story = newsroom["hidden"][state]
    word = "zq" + state.replace("-", "")
    url = _surfaces(newsroom)[surface].format(word=word)
    status, text = fetched(url)
    assert status == 200, url
    if surface.startswith("search"):
        text = text.replace(f'value="{word}"', "").replace(f"“{word}”", "")  # the query, echoed
    assert story.headline not in text and story.dek not in text, (state, url)
    assert f"/articles/{story.slug}/" not in text and f"only-{state}" not in text, (state, url)
    if not surface.startswith("search"):
        assert word not in text, (state, url)
    if surface.startswith("article page"):
        blocks = text.split('<script type="application/ld+json"')[1:]
        assert blocks, "the article page carries JSON-LD"
        for block in blocks:
            payload = json.loads(block.split(">", 1)[1].split("</script>", 1)[0])
            assert story.slug not in json.dumps(payload)


def _own_urls(story, state):
    return [
        story.get_absolute_url(),
        f"/articles/{story.slug}/related/",
        f"/tags/only-{state}/",
        f"/tags/only-{state}/feed/",
        f"/tags/only-{state}/feed/atom/",
        f"/tags/only-{state}/feed/json/",
        f"/preview/articles/{story.pk}/",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_the_story_its_only_tag_and_its_preview_are_not_found_without_login(client, newsroom, state):
    story = newsroom["hidden"][state]
    for url in _own_urls(story, state):
        response = client.get(url)
        if url.startswith("/preview/"):
            # Without a login the staff preview sends to the login page and shows nothing of the story.
            assert response.status_code in (302, 404), url
            assert story.headline not in response.content.decode()
            if response.status_code == 302:
                assert response["Location"].startswith("/admin/login/")
        else:
            assert response.status_code == 404, url
            assert story.headline not in response.content.decode(), url


NOT_LISTING = ("article page", "related page", "search by headline", "sitemap index", "tags sitemap")


@pytest.mark.django_db
def test_the_public_story_is_on_every_surface(client, newsroom):
    """The other half: the same surfaces do list what is public (so the checks above can fail)."""
    public = newsroom["public"]
    for surface, url in _surfaces(newsroom).items():
        if surface.startswith(NOT_LISTING):
            continue
        text = client.get(url.format(word="")).content.decode()
        target = newsroom["older"] if surface.startswith("older") else public
        assert target.slug in text or target.headline in text, surface
    page = client.get(newsroom["older"].get_absolute_url()).content.decode()
    assert public.get_absolute_url() in page  # the older story's "next" is the public one


@pytest.mark.django_db
def test_publish_scheduled_then_hides_the_expired_story_for_good(newsroom):
    from django.core.management import call_command

    call_command("publish_scheduled", stdout=io.StringIO())
    story = Article.objects.get(pk=newsroom["hidden"]["expired"].pk)
    assert story.status == Article.Status.UNPUBLISHED
