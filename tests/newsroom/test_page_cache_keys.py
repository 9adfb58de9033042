"""The page cache ahead of the stack: invalidation by what changed, normalised query strings, stale
copies while one request refreshes, one render for many first readers, one cache shared by processes."""

import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory

from newsroom import cache as page_cache
from tests.factories import ArticleFactory, ArticlePersonFactory, PersonFactory, SectionFactory
from tests.newsroom.ops_support import PrivateRedis

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300


@pytest.mark.django_db
def test_editing_one_article_rebuilds_its_pages_and_lists_not_the_others(client):
    section = SectionFactory(slug="diplomacy", name="Diplomacy")
    edited = ArticleFactory(headline="Talks resume", slug="talks", section=section)
    other = ArticleFactory(headline="Clinic opens", slug="clinic")
    urls = ["/articles/talks/", "/articles/clinic/", "/", "/sections/diplomacy/", "/feeds/rss/"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url

    edited.headline = "Talks resume in Geneva"
    edited.save()

    assert "Talks resume in Geneva" in client.get("/articles/talks/").text
    assert "Talks resume in Geneva" in client.get("/").text
    assert "Talks resume in Geneva" in client.get("/sections/diplomacy/").text
    assert "Talks resume in Geneva" in client.get("/feeds/rss/").text
    # A story that does not show the edited one keeps its cached copy.
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_renaming_a_person_rebuilds_the_pages_naming_them_only(client):
    person = PersonFactory(name="Leila Farahani", slug="leila")
    linked = ArticleFactory(slug="linked")
    ArticlePersonFactory(article=linked, person=person)
    unrelated = ArticleFactory(slug="unrelated")
    for url in ("/articles/linked/", "/articles/unrelated/", "/people/leila/"):
        client.get(url)
    person.name = "Leila Farahani-Moradi"
    person.save()
    assert "Leila Farahani-Moradi" in client.get("/articles/linked/").text
    assert "Leila Farahani-Moradi" in client.get("/people/leila/").text
    assert client.get(unrelated.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_pages_name_their_surrogate_keys_for_a_cdn(client):
    article = ArticleFactory(slug="keyed")
    page = client.get("/articles/keyed/")
    keys = page["Surrogate-Key"].split()
    assert f"article:{article.pk}" in keys and f"section:{article.section_id}" in keys and "site" in keys
    assert page["Cache-Tag"].split(",") == keys
    home = client.get("/")["Surrogate-Key"].split()
    # Every article change bumps list:home: the home page needs no key per story.
    assert "list:home" in home and f"section:{article.section_id}" in home
    assert not any(key.startswith("article:") for key in home)


@pytest.mark.django_db
def test_bumped_keys_are_announced_for_a_cdn_purge():
    seen = []

    def receiver(sender, keys, **kwargs):
        seen.append(keys)

    page_cache.keys_changed.connect(receiver)
    try:
        article = ArticleFactory(slug="announced")
    finally:
        page_cache.keys_changed.disconnect(receiver)
    assert any(f"article:{article.pk}" in keys and "list:home" in keys for keys in seen)


@pytest.mark.django_db
def test_tracking_parameters_share_the_cached_page_and_order_does_not_matter(client):
    ArticleFactory(slug="shared")
    assert client.get("/articles/shared/")["X-Page-Cache"] == "miss"
    for query in ("?utm_source=newsletter&utm_medium=email", "?fbclid=abc", "?gclid=1&ref=twitter"):
        assert client.get("/articles/shared/" + query)["X-Page-Cache"] == "hit", query
    assert client.get("/search/?q=convoy&page=1")["X-Page-Cache"] == "miss"
    assert client.get("/search/?page=1&q=convoy&utm_campaign=x")["X-Page-Cache"] == "hit"
    assert client.get("/search/?q=convoy&page=2").get("X-Page-Cache") != "hit"  # ?page= is kept


def test_normalised_query():
    assert page_cache.normalised_query("utm_source=a&b=2&a=1&mc_eid=x&fbclid=y") == "a=1&b=2"
    assert page_cache.normalised_query("page=3&q=aid") == "page=3&q=aid"
    assert page_cache.normalised_query("") == ""


@pytest.mark.django_db
def test_a_reader_with_an_editors_cookie_is_never_served_the_public_copy(client):
    ArticleFactory(slug="public")
    client.get("/articles/public/")
    assert client.get("/articles/public/")["X-Page-Cache"] == "hit"
    for name in (django_settings.SESSION_COOKIE_NAME, django_settings.CSRF_COOKIE_NAME, "messages"):
        client.cookies.clear()
        client.cookies[name] = "something"
        assert "X-Page-Cache" not in client.get("/articles/public/"), name


@pytest.mark.django_db
def test_an_expired_page_is_served_stale_while_another_request_refreshes_it(client, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 1
    settings.NEWSROOM_PAGE_CACHE_STALE_SECONDS = 30
    ArticleFactory(slug="stale")
    first = client.get("/articles/stale/")
    assert "stale-while-revalidate" in first["Cache-Control"]
    time.sleep(1.1)
    key = page_cache.page_key(RequestFactory().get("/articles/stale/"))
    assert cache.add(key + ":fill", 1, 10)  # another request is refreshing it
    stale = client.get("/articles/stale/")
    assert stale["X-Page-Cache"] == "stale" and stale.content == first.content
    assert "max-age=0" in stale["Cache-Control"]
    cache.delete(key + ":fill")
    assert client.get("/articles/stale/")["X-Page-Cache"] == "miss"  # this one refreshes it
    assert client.get("/articles/stale/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_changed_page_is_never_served_stale(client, settings):
    settings.NEWSROOM_PAGE_CACHE_STALE_SECONDS = 30
    article = ArticleFactory(slug="changed", headline="First headline")
    client.get("/articles/changed/")
    key = page_cache.page_key(RequestFactory().get("/articles/changed/"))
    cache.add(key + ":fill", 1, 10)
    settings.NEWSROOM_PAGE_CACHE_FILL_WAIT = 0.2
    article.headline = "Second headline"
    article.save()
    page = client.get("/articles/changed/")
    assert "Second headline" in page.text


@pytest.mark.django_db(transaction=True)
def test_32_concurrent_first_readers_render_the_page_once(live_server, settings):
    settings.NEWSROOM_PAGE_CACHE_FILL_WAIT = 30  # a loaded machine: the waiters must outlast one render
    ArticleFactory(slug="busy", headline="Everyone reads this")
    renders = []
    page_cache.page_rendered.connect(
        lambda sender, path, **kw: renders.append(path), weak=False, dispatch_uid="t"
    )
    answers = []
    start = threading.Barrier(32)

    def read():
        start.wait()
        with urllib.request.urlopen(live_server.url + "/articles/busy/", timeout=30) as response:  # noqa: S310
            answers.append(
                (response.status, response.headers["X-Page-Cache"], b"Everyone reads" in response.read())
            )

    try:
        threads = [threading.Thread(target=read) for _ in range(32)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        page_cache.page_rendered.disconnect(dispatch_uid="t")
    assert len(answers) == 32 and all(status == 200 and body for status, _outcome, body in answers)
    assert renders.count("/articles/busy/") == 1
    assert sorted(outcome for _s, outcome, _b in answers).count("miss") == 1


@pytest.mark.django_db
def test_a_hit_is_one_redis_round_trip(client, settings):
    original = settings.CACHES
    server = PrivateRedis()
    try:
        settings.CACHES = {
            "default": {"BACKEND": "newsroom.tolerant_cache.TolerantRedisCache", "LOCATION": server.url}
        }
        person = PersonFactory(slug="counted")
        ArticlePersonFactory(article=ArticleFactory(slug="counted"), person=person)
        client.get("/articles/counted/")
        assert client.get("/articles/counted/")["X-Page-Cache"] == "hit"
        import redis

        admin = redis.Redis.from_url(server.url)
        admin.config_resetstat()
        assert client.get("/articles/counted/")["X-Page-Cache"] == "hit"
        stats = admin.info("commandstats")
        commands = {
            name: value["calls"]
            for name, value in stats.items()
            if not name.endswith(("info", "config|resetstat"))
        }
        assert commands == {"cmdstat_mget": 1}
    finally:
        settings.CACHES = original
        server.stop()


@pytest.mark.django_db
def test_another_process_bumping_a_key_is_seen_at_once(client):
    """The default cache is the same files for every process: cron's changes reach the workers."""
    article = ArticleFactory(slug="cron")
    client.get("/articles/cron/")
    assert client.get("/articles/cron/")["X-Page-Cache"] == "hit"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "NEWSROOM_TEST_CACHE_DIR": django_settings.CACHES["default"]["LOCATION"],
    }
    script = f"import django; django.setup(); from newsroom.cache import bump; bump(['article:{article.pk}'])"
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, check=True, timeout=120)
    assert client.get("/articles/cron/")["X-Page-Cache"] == "miss"


def test_a_per_process_cache_with_several_workers_warns_at_start(settings, monkeypatch, capsys):
    original = settings.CACHES
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    monkeypatch.setenv("NEWSROOM_WORKERS", "3")
    from newsroom.checks import per_process_cache

    assert [warning.id for warning in per_process_cache()] == ["newsroom.W001"]
    call_command("check", tag=["caches"])
    assert "newsroom.W001" in capsys.readouterr().err
    monkeypatch.setenv("NEWSROOM_WORKERS", "1")
    assert per_process_cache() == []
    settings.CACHES = original
    monkeypatch.setenv("NEWSROOM_WORKERS", "3")
    assert per_process_cache() == []


def _neighbour_links(client, url) -> tuple[str, str]:
    """The headlines the story's "Previous in" / "Next in" links show."""
    import re

    html = client.get(url).content.decode()
    link = '<a rel="{}" href="/articles/[^"]+">([^<]*)</a>'
    found = [re.search(link.format(rel), html) for rel in ("prev", "next")]
    return tuple(match.group(1) if match else "" for match in found)


def _story(sentence: str) -> str:
    """A full-length story (not a stub) made of one sentence's own words."""
    return "".join(f"<p>{sentence}.</p>" for _ in range(12))


@pytest.mark.django_db(transaction=True)  # real commits: the change notice is sent as in production
@pytest.mark.parametrize("parts_kept", [0, 3600], ids=["page-cache", "page-and-fragment-cache"])
def test_a_cached_story_links_to_a_newer_one_as_soon_as_it_is_published_or_unpublished(
    client, settings, parts_kept
):
    from datetime import timedelta

    from django.utils import timezone

    from articles.workflow.services import article_publish, article_unpublish
    from tests.articles.test_workflow import make_user, ready_draft

    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = parts_kept  # the previous/next part kept, or not
    editor = make_user("nadia", "Editor")
    section = SectionFactory(slug="provinces", name="Provinces")
    now = timezone.now()
    # Three unrelated stories (no shared words or names: no related list joins them).
    ArticleFactory(
        slug="older",
        headline="Roads reopen",
        section=section,
        published_at=now - timedelta(days=2),
        body=_story("Snowploughs cleared the mountain pass overnight and lorries moved again"),
    )
    ArticleFactory(
        slug="newer",
        headline="Schools open",
        section=section,
        published_at=now - timedelta(days=1),
        body=_story("Pupils returned to classrooms after the holiday and teachers handed out textbooks"),
    )
    draft = ready_draft(
        slug="newest",
        headline="Clinics open",
        section=section,
        body=_story("Vaccination nurses staffed rural dispensaries with refrigerated supplies"),
    )
    assert _neighbour_links(client, "/articles/newer/") == ("Roads reopen", "")
    assert client.get("/articles/newer/")["X-Page-Cache"] == "hit"

    article_publish(article=draft, by=editor)
    assert _neighbour_links(client, "/articles/newer/") == ("Roads reopen", "Clinics open")

    newer = type(draft).objects.get(slug="newer")
    _neighbour_links(client, "/articles/older/")
    assert client.get("/articles/older/")["X-Page-Cache"] == "hit"
    article_unpublish(article=newer, by=editor)
    # The two stories either side of the one taken down now link to each other.
    assert _neighbour_links(client, "/articles/older/") == ("", "Clinics open")
    assert _neighbour_links(client, "/articles/newest/") == ("Roads reopen", "")


@pytest.mark.django_db
def test_the_first_render_of_a_page_with_cached_parts_is_kept(client, settings):
    """Versions first made while a page renders (its cached parts, an entity's month counts) do not
    count as changes during the render: the first reader's copy is kept for the next readers."""
    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = 3600
    person = PersonFactory(slug="kept")
    ArticlePersonFactory(article=ArticleFactory(slug="kept"), person=person, role="about")
    for url in ("/articles/kept/", "/people/kept/"):
        assert client.get(url)["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url
