"""Issue 13's whole budget table in one interleaved run under gunicorn, against a 100,000-article database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/budgets.py --prepare
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/budgets.py --rounds 8

The database is ``newsroom_budgets`` (``--db-name``) on the server of DATABASE_URL, kept between
runs. ``--prepare`` builds it when it is missing or empty, as production fills it: migrate,
``generate_bench_data --articles 100000``, ``rebuild_search_index`` (vectors with the entity
names), ``rebuild_search_words``, ``VACUUM ANALYZE`` (about half an hour on 2 shared cores). Every
run then (re)makes its few measured stories: one with 1 entity and one with 50 (``article_page.py``),
the busiest person's bylines and quotes (``entity_pages.py``), and a story with 50 bylines, person
links, organization links and quotes for the admin change form. ``rebuild_related`` is not run: at
100,000 it did not finish in 40 minutes of a loaded machine (docs/benchmarks.md, "Full rebuild");
the measured stories get a stored related list of 6 instead, which is all their pages read.

Production settings (``DJANGO_DEBUG`` off, WhiteNoise with the hashed manifest, a private
redis-server as the cache) under ``gunicorn -c deploy/gunicorn.conf.py`` with 2 sync workers, twice
at once: one node with the page cache on (the cache-hit rows) and one with it off (every uncached
row: the fragments of the article page stay kept, as in production). Each round asks every row,
interleaved:

- **throughput**: requests per second of the static CSS file (the ceiling, 1.0), ``/healthz`` (a
  minimal Django view: one query, a one-line answer) and article page-cache hits, each for
  ``--seconds`` with ``--clients`` connections at once: wrk (Debian's package, ``make bench-deps``;
  one thread, a new connection per request as the sync workers close them) or, without it,
  ``page_cache.py``'s generator processes; the ratio is to the static file's rate in the same round;
- **server time**: ``--requests`` requests of each row in turn on one loopback connection at a
  time; the time is gunicorn's own (``%(D)s`` of its access log, microseconds from reading the
  request to the last byte written), matched to the request by its ``X-Request-ID``.

Two rows are context, without a target: an article and the busiest person's page rendered just
after a change (their keys bumped before each request, untimed, as an edit or a new story does),
so the cost moved into the kept parts shows too. ``--only TEXT`` keeps the rows whose name
contains it (and the references), for working on a few pages.

Query counts are counted in this process (the same settings, Django's test client, the page cache
off) on a request after a warm-up. A row passes on its median (search: on its p95, as the issue
states); the load average is printed at the start and the end. Not run by ``make test``.
"""

import argparse
import itertools
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.page_cache import (  # noqa: E402
    PrivateRedis,
    collect_static,
    fetch,
    free_port,
    production_env,
    rate,
    start_gunicorn,
)

DB_NAME = "newsroom_budgets"
ARTICLES = 100_000
#: gunicorn as an app node runs it (deploy/gunicorn.conf.py), 2 sync workers; no worker is
#: replaced during the run (a new one would start with cold per-process caches), and each
#: access line carries what the report needs: the request id, the status, the microseconds.
GUNICORN = (
    "--config",
    str(ROOT / "deploy" / "gunicorn.conf.py"),
    "--workers",
    "2",
    "--threads",
    "1",
    "--max-requests",
    "0",
    "--log-level",
    "warning",
    "--access-logformat",
    "%({x-request-id}i)s %(s)s %(D)s",
)


@dataclass
class Row:
    """One line of the table: a page, where it is asked, and its budget."""

    name: str
    path: str
    node: str = "uncached"  # or "cached": the node with the page cache on
    target_ms: float | None = None  # server time, median (p95 when ``by_p95``)
    by_p95: bool = False
    min_ratio: float | None = None  # requests/s against the static file, for throughput rows
    throughput: bool = False
    editor: bool = False  # asked with an editor's session
    max_queries: int | None = None
    same_queries_as: str | None = None  # "query count fixed": the same as this row's
    note: str = ""
    #: Run (untimed) before each server-time request: keys to bump, as an edit would.
    bump: tuple[str, ...] = ()
    server_ms: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    rates: list[float] = field(default_factory=list)
    queries: int | None = None


def database_url(base_url: str, name: str) -> str:
    return urlunsplit(urlsplit(base_url)._replace(path="/" + name))


def database_state(base_url: str, name: str) -> int | None:
    """How many articles the bench database holds; None when it does not exist."""
    import psycopg

    with psycopg.connect(base_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return None
    with psycopg.connect(database_url(base_url, name)) as conn:
        if not conn.execute("SELECT to_regclass('articles_article')").fetchone()[0]:
            return 0
        return conn.execute("SELECT count(*) FROM articles_article").fetchone()[0]


def prepare(base_url: str, name: str, articles: int) -> None:
    """Create and fill the bench database when it is missing or empty; migrate it in any case."""
    import psycopg

    state = database_state(base_url, name)
    if state is None:
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # a name of the bench's own, never user input
    url = database_url(base_url, name)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    steps = [["migrate", "--verbosity", "0"]]
    if not state:
        steps += [
            ["generate_bench_data", "--articles", str(articles)],
            ["rebuild_search_index"],
            ["rebuild_search_words"],
        ]
    for step in steps:
        began = time.monotonic()
        print(f"prepare: manage.py {' '.join(step)}", flush=True)
        subprocess.run([*manage, *step], env=env, check=True)  # noqa: S603
        print(f"prepare: {step[0]} took {time.monotonic() - began:.0f} s", flush=True)
    if not state:
        began = time.monotonic()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        print(f"prepare: VACUUM ANALYZE took {time.monotonic() - began:.0f} s", flush=True)


def measured_objects():
    """The stories and entities the rows ask for, (re)made in the bench database."""
    from bench.article_page import measured_stories
    from bench.benchdata import add_bylines_and_quotes, busiest, story_with_rows
    from organizations.models import Organization, Person

    small, large = measured_stories()
    person = busiest(Person, "article_links")
    add_bylines_and_quotes(person)
    organization = busiest(Organization, "article_links")
    return small, large, person, organization, story_with_rows(50)


def rows_for(css: str) -> list[Row]:
    from articles.models import Article, Section
    from bench.listings import pages as listing_pages
    from newsroom.sitemap_pages import PAGE_SIZE

    def section_of(url: str) -> Section:
        return Section.objects.get(slug=url.rstrip("/").rsplit("/", 1)[1])

    from bench.search_bench import query_kinds

    small, large, person, organization, admin_story = measured_objects()
    # A generated story no row edits (the cold row bumps the 1-entity story's keys).
    typical = Article.objects.published().order_by("-published_at", "-id")[8]
    listings = listing_pages()
    deep = next(name for name in listings if name.startswith("section, page "))
    rows = [
        Row("static CSS file (WhiteNoise)", f"/static/{css}", node="cached", throughput=True, note="1.0"),
        Row("minimal Django view (/healthz)", "/healthz", node="cached", throughput=True, note="reference"),
        Row(
            "article, page-cache hit",
            typical.get_absolute_url(),
            node="cached",
            throughput=True,
            min_ratio=0.6,
        ),
        Row(
            "article, 50 entities, page-cache hit",
            large.get_absolute_url(),
            node="cached",
            throughput=True,
            note="context",
        ),
        Row("minimal Django view, uncached node", "/healthz", note="reference"),
        Row("article, uncached, typical (1 entity)", small.get_absolute_url(), target_ms=6),
        Row(
            "article, uncached, 50 entities",
            large.get_absolute_url(),
            target_ms=10,
            same_queries_as="article, uncached, typical (1 entity)",
        ),
    ]
    rows.append(
        Row(
            "article, uncached, parts cold (just edited)",
            small.get_absolute_url(),
            bump=(f"article:{small.pk}", f"related:{small.pk}"),
            note="context",
        )
    )
    for kind, q in query_kinds().items():
        rows.append(
            Row(f"search: {kind} ({q})", "/search/?" + urlencode({"q": q}), target_ms=30, by_p95=True)
        )
    rows += [
        Row("sitemap.xml", listings["sitemap.xml (the index)"], target_ms=100),
        Row(
            f"sitemap-articles.xml (a sub-sitemap page, {PAGE_SIZE:,} URLs)",
            listings["sitemap-articles.xml (first page)"],
            target_ms=100,
        ),
        Row(f"sitemap-people.xml ({PAGE_SIZE:,} URLs)", listings["sitemap-people.xml"], target_ms=100),
        Row("sitemap-tags.xml (2,000 tags and their lastmod)", listings["sitemap-tags.xml"], target_ms=100),
        Row(
            "sitemap-tags.xml, just after a change",
            listings["sitemap-tags.xml"],
            bump=("list:sitemaps",),
            note="context",
        ),
        Row(
            f"busiest person ({person.article_links.count():,} links)",
            person.get_absolute_url(),
            target_ms=30,
        ),
        Row(
            "busiest person, its list just changed",
            person.get_absolute_url(),
            bump=(f"list:person:{person.pk}",),
            note="context",
        ),
        Row(
            f"busiest organization ({organization.article_links.count():,} links)",
            organization.get_absolute_url(),
            target_ms=30,
        ),
        Row("section listing, page 1", listings["section, first page"], target_ms=15),
        Row(f"section listing, {deep[len('section, ') :]}", listings[deep], target_ms=15),
        Row(
            "section listing, page 1 just after a change",
            listings["section, first page"],
            bump=(f"list:section:{section_of(listings['section, first page']).pk}",),
            note="context",
        ),
        Row(
            "admin change form, 50 bylines/links/quotes",
            f"/admin/articles/article/{admin_story.pk}/change/",
            target_ms=200,
            editor=True,
            max_queries=40,
        ),
        Row("admin article list", "/admin/articles/article/", target_ms=100, editor=True),
    ]
    return rows


def editor_cookie() -> str:
    """A superuser's session, made in this process (the servers share its database and secret)."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    user, _ = User.objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def count_queries(rows: list[Row]) -> None:
    """Each row's SQL queries, on its second request in this process (page cache off)."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from newsroom.cache import bump

    reader, editor = Client(), Client()
    editor.force_login(User.objects.get(username="bench-editor"))
    for row in rows:
        if row.path.startswith("/static/") or (row.node == "cached" and row.path != "/healthz"):
            continue  # a file, or a page-cache hit (answered without a query)
        client = editor if row.editor else reader
        client.get(row.path)
        if row.bump:
            bump(row.bump)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(row.path)
        assert response.status_code == 200, (row.name, response.status_code)
        row.queries = len(captured.captured_queries)


def wrk_rate(port: int, path: str, seconds: float, connections: int) -> float:
    """Requests per second from wrk (one thread, ``connections`` connections); every answer a 200."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", f"http://127.0.0.1:{port}{path}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    if "Non-2xx" in output:
        raise SystemExit(f"wrk: {path} answered something else than 200:\n{output}")
    return float(output.split("Requests/sec:", 1)[1].split()[0])


def read_access_log(path: Path) -> dict[str, tuple[int, float]]:
    """request id -> (status, server ms) from a gunicorn access log in GUNICORN's format."""
    found = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].startswith("budget-"):
            found[parts[0]] = (int(parts[1]), int(parts[2]) / 1000)
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def verdict(row: Row, rows: dict[str, Row]) -> str:
    checks = []
    if row.min_ratio is not None:
        checks.append(statistics.median(row.ratios) >= row.min_ratio)
    if row.target_ms is not None:
        measured = percentile(row.server_ms, 0.95) if row.by_p95 else statistics.median(row.server_ms)
        checks.append(measured <= row.target_ms)
    if row.max_queries is not None:
        checks.append(row.queries is not None and row.queries <= row.max_queries)
    if row.same_queries_as:
        checks.append(row.queries == rows[row.same_queries_as].queries)
    if not checks:
        return ""
    return "PASS" if all(checks) else "**OVER**"


def target_text(row: Row) -> str:
    parts = []
    if row.min_ratio is not None:
        parts.append(f"≥ {row.min_ratio:g}× static")
    if row.target_ms is not None:
        parts.append(f"{'p95' if row.by_p95 else 'median'} ≤ {row.target_ms:g} ms")
    if row.max_queries is not None:
        parts.append(f"≤ {row.max_queries} queries")
    if row.same_queries_as:
        parts.append("queries as with 1 entity")
    return ", ".join(parts) or f"({row.note})"


def report(rows: list[Row], load_start: tuple, load_end: tuple, args, seconds: float) -> None:
    by_name = {row.name: row for row in rows}
    print(
        f"\n{args.rounds} interleaved rounds in {seconds / 60:.1f} min; gunicorn 2 sync workers per node; "
        f"throughput: {args.load_generator}, {args.clients} connections at once, "
        f"{args.seconds:g} s per row and round; "
        f"server time {args.requests} requests per row and round (gunicorn access log, %(D)s)"
    )
    print(
        "load average at start {:.2f} {:.2f} {:.2f}, at end {:.2f} {:.2f} {:.2f}".format(
            *load_start, *load_end
        )
    )
    print("\n| row | × static (median, worst round) | server ms median / p95 | queries | target | result |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for row in rows:
        ratio = ""
        if row.throughput:
            ratio = (
                f"{statistics.median(row.ratios):.2f} ({min(row.ratios):.2f}); "
                f"{statistics.median(row.rates):.0f} req/s"
            )
        server = f"{statistics.median(row.server_ms):.1f} / {percentile(row.server_ms, 0.95):.1f}"
        queries = "" if row.queries is None else str(row.queries)
        print(
            f"| {row.name} | {ratio} | {server} | {queries} | {target_text(row)} | {verdict(row, by_name)} |"
        )


def run(args, work: Path) -> None:
    import django

    django.setup()
    from newsroom.cache import bump

    css = collect_static(dict(os.environ), work)
    rows = rows_for(css)
    if args.only:  # a few rows (and the references) while working on them
        rows = [
            row for row in rows if row.note in ("1.0", "reference") or any(o in row.name for o in args.only)
        ]
    cookie = editor_cookie()
    count_queries(rows)
    logs = {node: work / f"access-{node}.log" for node in ("cached", "uncached")}
    ports = {node: free_port() for node in logs}
    servers = {}
    try:
        for node, seconds in (("cached", "3600"), ("uncached", "0")):
            env = {**os.environ, "NEWSROOM_PAGE_CACHE_SECONDS": seconds}
            servers[node] = start_gunicorn(env, ports[node], (*GUNICORN, "--access-logfile", str(logs[node])))
        ids = itertools.count()
        sent: list[tuple[Row, str]] = []

        def ask(row: Row, warming: bool = False) -> None:
            if row.bump:
                bump(row.bump)
            request_id = f"budget-{next(ids)}"
            headers = {"X-Request-ID": request_id}
            if row.editor:
                headers["Cookie"] = cookie
            status, response_headers, _body = fetch(ports[row.node], row.path, headers)
            if status != 200:
                raise SystemExit(f"{row.name}: {row.path} answered {status}")
            cached = row.node == "cached" and not row.path.startswith(("/static/", "/healthz"))
            if cached and not warming and response_headers.get("x-page-cache") != "hit":
                raise SystemExit(f"{row.name}: not answered from the page cache ({response_headers})")
            sent.append((row, request_id))

        for row in rows:  # warm up: each worker's per-process caches, the page cache, the kept parts
            for _ in range(4):
                ask(row, warming=True)
        sent.clear()
        load_start = os.getloadavg()
        began = time.monotonic()
        static = rows[0]
        with multiprocessing.Pool(args.clients) as pool:

            def measure_rate(row: Row) -> float:
                if args.load_generator == "wrk":
                    return wrk_rate(ports[row.node], row.path, args.seconds, args.clients)
                return rate(pool, ports[row.node], row.path, args.seconds, args.clients)

            for number in range(args.rounds):
                for row in rows:
                    if row.throughput:
                        row.rates.append(measure_rate(row))
                for row in rows:
                    if row.throughput:
                        row.ratios.append(row.rates[-1] / static.rates[-1])
                for row in rows:
                    for _ in range(args.requests):
                        ask(row)
                print(f"round {number + 1}/{args.rounds} done, {time.monotonic() - began:.0f} s", flush=True)
        elapsed = time.monotonic() - began
        load_end = os.getloadavg()
    finally:
        for server in servers.values():
            server.terminate()
        for server in servers.values():
            server.wait(timeout=30)
    logged = {}
    for path in logs.values():
        logged |= read_access_log(path)
    for row, request_id in sent:
        row.server_ms.append(logged[request_id][1])
    report(rows, load_start, load_end, args, elapsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", action="store_true", help="Build the database first when it is missing.")
    parser.add_argument("--db-name", default=DB_NAME)
    parser.add_argument("--articles", type=int, default=ARTICLES, help="Archive size, for --prepare.")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--requests", type=int, default=4, help="Server-time requests per row and round.")
    parser.add_argument("--seconds", type=float, default=2.0, help="Throughput: seconds per row and round.")
    parser.add_argument(
        "--clients", type=int, default=4, help="Throughput: connections at once (wrk) or client processes."
    )
    parser.add_argument(
        "--only", action="append", default=[], help="Only the rows whose name contains this (repeatable)."
    )
    parser.add_argument(
        "--load-generator",
        choices=("wrk", "python"),
        default="wrk" if shutil.which("wrk") else "python",
        help="wrk (Debian's package: make bench-deps) when installed, else page_cache.py's generator.",
    )
    args = parser.parse_args()
    base = os.environ.get("DATABASE_URL")
    if not base:
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL server (the bench uses a database of its own on it)."
        )
    if args.prepare:
        prepare(base, args.db_name, args.articles)
    elif not database_state(base, args.db_name):
        raise SystemExit(f"The database {args.db_name} is missing or empty: run with --prepare first.")

    work = Path(tempfile.mkdtemp(prefix="newsroom-budgets-"))
    redis = PrivateRedis()
    os.environ.pop("DJANGO_DEBUG", None)  # production settings, whatever the shell exported
    os.environ.update(production_env(database_url(base, args.db_name), work))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,testserver",
        REDIS_URL=redis.url,
        NEWSROOM_PAGE_CACHE_SECONDS="0",  # this process counts the queries of uncached pages
    )
    try:
        run(args, work)
    finally:
        redis.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
