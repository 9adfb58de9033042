"""Benchmark of the busiest entity pages and the A–Z indexes at scale, uncached.

Reads the database of DATABASE_URL (fill it first with ``manage.py generate_bench_data``), gives
the busiest person a few thousand bylines and quotes if it has none (the generator writes neither),
then times each page through Django's test client with the page cache off, interleaved round by
round with ``/healthz`` (one query) and a section listing as references. Prints the median server
time, its SQL share (as the client waits for it), the CPU time of the Django process itself (less
sensitive to a loaded machine), the query count and the ratio to ``/healthz``. Not run by ``make test``.

    DATABASE_URL=postgres://…/newsroom_entitypages_bench DJANGO_DEBUG=1 \\
        .venv/bin/python bench/entity_pages.py --rounds 30

``--root DIR`` runs the same pages against another checkout's code (a before/after comparison).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--rounds", type=int, default=30)
parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
args = parser.parse_args()

sys.path.insert(0, args.root)
os.chdir(args.root)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from bench.benchdata import add_bylines_and_quotes, busiest  # noqa: E402


def measure(client, url: str) -> tuple[float, float, int, float]:
    with CaptureQueriesContext(connection) as context:
        began, cpu = time.perf_counter(), time.process_time()
        response = client.get(url, secure=True)
        total = (time.perf_counter() - began) * 1000
        cpu = (time.process_time() - cpu) * 1000
    assert response.status_code == 200, (url, response.status_code)
    sql = sum(float(q["time"]) for q in context.captured_queries) * 1000
    return total, sql, len(context.captured_queries), cpu


def main() -> None:
    from organizations.models import Event, Organization, Person

    person = busiest(Person, "article_links")
    organization = busiest(Organization, "article_links")
    event = busiest(Event, "article_links")
    if "sort_name" in {f.name for f in Person._meta.get_fields()}:
        add_bylines_and_quotes(person)
    pages = {
        "reference: /healthz": "/healthz",
        "reference: section listing, page 1": None,
        f"person ({person.article_links.count()} links)": person.get_absolute_url(),
        "person, stories about, page 2": None,
        f"organization ({organization.article_links.count()} links)": organization.get_absolute_url(),
        f"event ({event.article_links.count()} links)": event.get_absolute_url(),
        "people A–Z": "/people/",
        "people, letter K": "/people/?letter=K",
        "organizations A–Z": "/organizations/",
    }
    from articles.models import Section

    pages["reference: section listing, page 1"] = Section.objects.first().get_absolute_url()
    client = Client()
    with override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0):
        html = client.get(person.get_absolute_url(), secure=True).text
        marker = 'href="?show=about&amp;after='
        if marker in html:
            cursor = html.split(marker, 1)[1].split('"', 1)[0].split("&amp;", 1)[0]
            pages["person, stories about, page 2"] = f"{person.get_absolute_url()}?show=about&after={cursor}"
        else:
            pages["person, stories about, page 2"] = f"{person.get_absolute_url()}?page=2"
        samples = {name: [] for name in pages}
        for url in pages.values():
            measure(client, url)  # warm up
        for _ in range(args.rounds):
            for name, url in pages.items():
                samples[name].append(measure(client, url))
    reference = statistics.median(r[0] for r in samples["reference: /healthz"])
    print(f"code: {args.root}; median of {args.rounds} interleaved uncached rounds")
    print(f"  {'page':40} {'total ms':>9} {'SQL ms':>7} {'app CPU':>7} {'queries':>7} {'x ref':>6}")
    for name, rows in samples.items():
        total = statistics.median(r[0] for r in rows)
        sql = statistics.median(r[1] for r in rows)
        cpu = statistics.median(r[3] for r in rows)
        print(f"  {name:40} {total:9.1f} {sql:7.1f} {cpu:7.1f} {rows[0][2]:7d} {total / reference:6.1f}")


if __name__ == "__main__":
    main()
