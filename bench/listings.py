"""Benchmark of the listings, the sitemaps and the editors' article list at scale (issue 13, point 4).

Runs against the database of DATABASE_URL, filled beforehand by ``generate_bench_data``; requests
go through Django's test client with the page cache off (uncached server time), in interleaved
rounds, with ``/healthz`` (one query, no template) as the reference in the same run. Prints the
median, the ratio to the reference and the SQL query count of each page. Not run by ``make test``.

    createdb newsroom_bench_lists
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_bench_lists DJANGO_DEBUG=1
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py generate_bench_data --articles 100000
    .venv/bin/python bench/listings.py --rounds 15
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, os.environ.get("NEWSROOM_BENCH_CODE", str(Path(__file__).resolve().parent.parent)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ["NEWSROOM_PAGE_CACHE_SECONDS"] = "0"

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def pages() -> dict[str, str]:
    from django.db.models import Count
    from taggit.models import Tag

    from articles.models import Article, Section

    section = Section.objects.annotate(n=Count("articles")).order_by("-n", "slug").first()
    tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("-n").first()
    section_rows = Article.objects.published().filter(section=section).order_by("-published_at", "-id")
    tag_rows = Article.objects.published().filter(tags=tag).order_by("-published_at", "-id")
    found = {
        "sitemap.xml (the index)": "/sitemap.xml",
        "sitemap-articles.xml (first page)": "/sitemap-articles.xml",
        "sitemap-articles.xml?p=9": "/sitemap-articles.xml?p=9",
        "sitemap-sections.xml": "/sitemap-sections.xml",
        "sitemap-tags.xml": "/sitemap-tags.xml",
        "sitemap-people.xml": "/sitemap-people.xml",
        "section, first page": section.get_absolute_url(),
        "section, ?page=500": f"{section.get_absolute_url()}?page=500",
        "tag (busiest), first page": f"/tags/{tag.slug}/",
        "tag (busiest), ?page=500": f"/tags/{tag.slug}/?page=500",
    }
    try:  # the cursor pages, where the code has them
        from articles.public.keyset import make_cursor

        # Page 500, or the last page of a smaller archive.
        depth = max(1, min(500, (section_rows.count() - 1) // 20, (tag_rows.count() - 1) // 20))
        at = section_rows.values_list("published_at", "pk")[depth * 20 - 1]
        found[f"section, page {depth} by cursor"] = f"{section.get_absolute_url()}?before={make_cursor(*at)}"
        at = tag_rows.values_list("published_at", "pk")[depth * 20 - 1]
        found[f"tag (busiest), page {depth} by cursor"] = f"/tags/{tag.slug}/?before={make_cursor(*at)}"
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    from django.contrib.auth.models import User

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    reader = Client()
    editor = Client()
    user, _ = User.objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    editor.force_login(user)
    targets = {"reference: /healthz": (reader, "/healthz")}
    targets |= {name: (reader, url) for name, url in pages().items()}
    targets["admin article list"] = (editor, "/admin/articles/article/")
    targets["admin article list, one section"] = (editor, "/admin/articles/article/?section__id__exact=1")

    counts, status = {}, {}
    for name, (client, url) in targets.items():  # warm up; count the queries once
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[name], status[name] = len(queries.captured_queries), response.status_code
    samples: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(args.rounds):  # interleaved: every page once per round
        for name, (client, url) in targets.items():
            began = time.perf_counter()
            client.get(url)
            samples[name].append((time.perf_counter() - began) * 1000)
    reference = statistics.median(samples["reference: /healthz"])
    print(f"median of {args.rounds} interleaved rounds; load average {os.getloadavg()[0]:.1f}")
    print("| page | status | queries | median ms | × reference |\n| --- | ---: | ---: | ---: | ---: |")
    for name in targets:
        ms = statistics.median(samples[name])
        print(f"| {name} | {status[name]} | {counts[name]} | {ms:.1f} | {ms / reference:.1f} |")


if __name__ == "__main__":
    main()
