"""Benchmark: server time of one uncached article page (the page cache off), kept parts cold and warm.

Builds its own database (``newsroom_bench_article`` on the server of DATABASE_URL; kept between
runs) with ``generate_bench_data --articles N``, then takes two published stories: one linking a
single entity, and one given 50 entity links (people, organizations, events), 5 bylines, 5 quotes
and 10 tags; each gets a stored related list of 6 stories whose reasons name shared people.

Each page is requested in-process through the whole middleware stack (Django's test client, the
production settings with ``DEBUG`` off, the page cache off) and timed from request to response:

- ``minimal view``: ``/healthz`` (one query, a one-line answer): the cheapest dynamic page, the
  reference (1.0) every other figure is divided by;
- ``article, 1 entity`` / ``article, 50 entities``, each with its kept parts **warm** (the story and
  the related list read from the cache: the usual uncached render) and **cold** (both made out of
  date first, by bumping ``article:<id>`` and ``related:<id>``, as an edit does: rendered and kept).

Rounds are interleaved (every variant once per round) and the medians printed, with the ratio to
the minimal view. The cache is a private redis-server (production's) unless ``--file-cache``.
Not run by ``make test``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/article_page.py
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = "newsroom_bench_article"


def database_url(base_url: str) -> str:
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone():
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    return urlunsplit(urlsplit(base_url)._replace(path="/" + DB_NAME))


def prepare(articles: int) -> None:
    """Migrate, generate the archive once, and (re)build the two measured stories."""
    from django.core.management import call_command

    from articles.models import Article

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # the manifest DEBUG-off pages need
    if not Article.objects.exists():
        print(f"generating {articles} articles...", flush=True)
        call_command("generate_bench_data", articles=articles, verbosity=0)


def measured_stories():
    """(1-entity story, 50-entity story), built on two published stories of the archive."""
    from django.db import transaction
    from taggit.models import Tag

    from articles.models import (
        Article,
        ArticleEvent,
        ArticleOrganization,
        ArticlePerson,
        Byline,
        Quote,
        RelatedArticle,
    )
    from organizations.models import Event, Organization, Person

    published = Article.objects.published().filter(section__isnull=False).order_by("-published_at")
    small, large, *others = list(published[:8])
    with transaction.atomic():
        for article in (small, large):
            for model in (ArticlePerson, ArticleOrganization, ArticleEvent, Byline, Quote, RelatedArticle):
                model.objects.filter(article=article).delete()
            article.tags.clear()
        people = list(Person.objects.order_by("pk")[:40])
        ArticlePerson.objects.create(article=small, person=people[0], role="about")
        Byline.objects.create(article=small, person=people[1], position=0)
        small.tags.add(*Tag.objects.order_by("pk")[:1])
        ArticlePerson.objects.bulk_create(
            ArticlePerson(article=large, person=p, role="about" if i < 10 else "mentions")
            for i, p in enumerate(people[:30])
        )
        ArticleOrganization.objects.bulk_create(
            ArticleOrganization(article=large, organization=o, role="mentions")
            for o in Organization.objects.order_by("pk")[:10]
        )
        ArticleEvent.objects.bulk_create(
            ArticleEvent(article=large, event=e, role="about") for e in Event.objects.order_by("pk")[:10]
        )
        Byline.objects.bulk_create(
            Byline(article=large, person=p, position=i) for i, p in enumerate(people[30:35])
        )
        Quote.objects.bulk_create(
            Quote(article=large, speaker=p, text="We will stay as long as we are needed.")
            for p in people[35:40]
        )
        large.tags.add(*Tag.objects.order_by("pk")[:10])
        for article in (small, large):
            RelatedArticle.objects.bulk_create(
                RelatedArticle(
                    article=article,
                    related=other,
                    rank=rank,
                    score=0.5,
                    shared=[
                        {"kind": "person", "id": people[rank].pk, "ra": "about", "rc": "about", "w": 0.4}
                    ],
                )
                for rank, other in enumerate(others[:6], start=1)
            )
    return small, large


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="Archive size (first run only).")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--requests", type=int, default=20, help="Requests per variant per round.")
    parser.add_argument("--file-cache", action="store_true", help="The shared file cache, not Redis.")
    args = parser.parse_args()

    base = os.environ.get("DATABASE_URL")
    if not base:
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the bench makes its own database).")
    redis = None
    if not args.file_cache:
        from bench.page_cache import PrivateRedis

        redis = PrivateRedis()
        os.environ["REDIS_URL"] = redis.url
    else:
        os.environ["NEWSROOM_CACHE_DIR"] = tempfile.mkdtemp(prefix="newsroom-bench-article-")
    os.environ.update(
        DATABASE_URL=database_url(base),
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_DEBUG="0",  # DEBUG records every query: not what production runs
        DJANGO_SECRET_KEY="bench-only-secret-key-not-used-anywhere-else",  # noqa: S106
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=tempfile.mkdtemp(prefix="newsroom-bench-static-"),
        NEWSROOM_PAGE_CACHE_SECONDS="0",  # every request renders: the uncached page
    )
    try:
        run(args)
    finally:
        if redis is not None:
            redis.stop()


def run(args) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from newsroom.cache import bump

    prepare(args.articles)
    small, large = measured_stories()
    client = Client()

    def make_cold(article):
        return lambda: bump([f"article:{article.pk}", f"related:{article.pk}"])

    variants = {
        "minimal view (/healthz)": ("/healthz", None),
        "article, 1 entity, warm": (small.get_absolute_url(), None),
        "article, 1 entity, cold": (small.get_absolute_url(), make_cold(small)),
        "article, 50 entities, warm": (large.get_absolute_url(), None),
        "article, 50 entities, cold": (large.get_absolute_url(), make_cold(large)),
    }
    queries = {}
    for name, (url, before) in variants.items():  # warm-up, and the query count of each
        for _ in range(3):
            if before:
                before()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        queries[name] = len(captured.captured_queries)
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _round in range(args.rounds):
        for name, (url, before) in variants.items():
            for _ in range(args.requests):
                if before:
                    before()
                started = time.perf_counter()
                client.get(url)
                times[name].append((time.perf_counter() - started) * 1000)
    load = os.getloadavg()
    cache = "shared file cache" if args.file_cache else "private redis-server"
    print(f"{args.rounds} rounds x {args.requests} requests, cache: {cache}, load average {load[0]:.1f}")
    reference = statistics.median(times["minimal view (/healthz)"])
    print(f"{'page':32} {'queries':>7} {'median ms':>10} {'p90 ms':>8} {'x minimal':>10}")
    for name, values in times.items():
        median = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1]
        print(f"{name:32} {queries[name]:>7} {median:>10.2f} {p90:>8.2f} {median / reference:>10.2f}")


if __name__ == "__main__":
    main()
