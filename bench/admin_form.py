"""The admin change form of a story with 50 bylines, person links, organization links and quotes,
and the admin article list, timed (and optionally profiled) in process with production settings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/admin_form.py --rounds 10
    ... bench/admin_form.py --profile form    # cProfile of one change-form request, top 40 by own time

It reads ``newsroom_budgets`` (``--db-name``; build it with ``bench/budgets.py --prepare``) and makes
nothing but what ``bench/budgets.py`` makes (its editor and, when missing, its 50-row story). Requests
go through Django's test client with ``DJANGO_DEBUG`` off, the hashed static manifest and a private
redis-server, in interleaved rounds with ``/healthz`` (one query) as the reference; a page's time
is its median, "×" is that over the reference's median; the CPU time of this process (Python, not
PostgreSQL) moves less with the machine's load. Not run by ``make test``.
"""

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.budgets import DB_NAME, database_url  # noqa: E402
from bench.page_cache import PrivateRedis, collect_static, production_env  # noqa: E402


def pages() -> dict[str, str]:
    from bench.benchdata import story_with_rows

    story = story_with_rows(50)
    return {
        "reference /healthz": "/healthz",
        "admin change form, 50 bylines/links/quotes": f"/admin/articles/article/{story.pk}/change/",
        "admin article list": "/admin/articles/article/",
    }


def editor_client():
    from django.contrib.auth.models import User
    from django.test import Client

    user, _ = User.objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return client


def run(args) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = editor_client()
    paths = pages()
    for path in paths.values():  # warm-up: per-process caches, the name index
        assert client.get(path).status_code == 200, path
    if args.profile:
        path = paths[next(name for name in paths if args.profile in name)]
        profiler = cProfile.Profile()
        profiler.enable()
        client.get(path)
        profiler.disable()
        stats = pstats.Stats(profiler).strip_dirs()
        stats.sort_stats("tottime").print_stats(40)
        stats.sort_stats("cumulative").print_stats(60)
        return
    times = {name: [] for name in paths}
    cpu = {name: [] for name in paths}
    queries = {}
    for _ in range(args.rounds):
        for name, path in paths.items():
            with CaptureQueriesContext(connection) as captured:
                began, began_cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                times[name].append((time.perf_counter() - began) * 1000)
                cpu[name].append((time.process_time() - began_cpu) * 1000)
            assert response.status_code == 200, (name, response.status_code)
            queries[name] = len(captured.captured_queries)
    reference = statistics.median(times["reference /healthz"])
    print(f"load average {os.getloadavg()[0]:.1f}; {args.rounds} rounds")
    print("| page | queries | ms median (×) | min ms | this process's CPU ms, median |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"| {name} | {queries[name]} | {median:.1f} ({median / reference:.0f}) | {min(values):.1f} "
            f"| {statistics.median(cpu[name]):.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-name", default=DB_NAME)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--profile", default="", help="Profile one request of the page whose name has this.")
    args = parser.parse_args()
    base = os.environ.get("DATABASE_URL")
    if not base:
        raise SystemExit("Set DATABASE_URL to the PostgreSQL server holding the bench database.")
    work = Path(tempfile.mkdtemp(prefix="newsroom-admin-form-"))
    redis = PrivateRedis()
    try:
        env = production_env(database_url(base, args.db_name), work)
        os.environ.pop("DJANGO_DEBUG", None)
        os.environ.update(env)
        os.environ.update(
            DJANGO_SETTINGS_MODULE="newsroom.settings",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,testserver",
            REDIS_URL=redis.url,
            NEWSROOM_PAGE_CACHE_SECONDS="0",
        )
        collect_static(dict(os.environ), work)
        run(args)
    finally:
        redis.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
