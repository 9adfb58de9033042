"""Search at scale: p50 and p95 of /search/ for every kind of query, and the plan of the matching query.

Uses the database of DATABASE_URL (its own, never production), filled beforehand as production
fills it:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_search_bench DJANGO_DEBUG=1 \\
        .venv/bin/python manage.py migrate
    ... manage.py generate_bench_data --articles 100000
    ... manage.py rebuild_search_index      # vectors with the entity names, as production builds
    ... manage.py rebuild_search_words      # the vocabulary of spelling corrections
    ... .venv/bin/python bench/search_bench.py --rounds 40

Requests go through Django's test client with the page cache off, so each figure is the server
time of an uncached search page (view, queries, template). Rounds are interleaved: every kind of
query is asked once per round, so a burst of load on the shared machine hits all kinds alike.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

#: A page of the same stack with one query: what the machine's load does to any request.
REFERENCE = "reference: /healthz"


def query_kinds() -> dict[str, str]:
    """One query of each kind, taken from the data itself (the generator's words and names)."""
    from articles.models import ArticlePerson, SearchWord

    # The most linked person: "Given Family 17" -> the name as stories write it, without the number.
    person_id = (
        ArticlePerson.objects.values("person_id").order_by().annotate(n=django.db.models.Count("id"))
    ).order_by("-n")[0]["person_id"]
    from organizations.models import Person

    full_name = Person.objects.get(pk=person_id).name.rsplit(" ", 1)[0]
    family = full_name.split()[-1]
    rare = SearchWord.objects.filter(documents__gte=20).order_by("documents", "word").first()
    return {
        "word": "vaccine",
        "two words": "vaccine convoy",
        "name": family,
        "full name": full_name,
        "phrase": '"winter shelter"',
        "phrase with exclusion": '"winter shelter" -flood',
        "misspelling": "earthqake",
        "misspelled name": full_name[:-1] + "x" if not full_name.endswith("x") else full_name[:-1] + "y",
        "rare word": rare.word if rare else "zuvin",
        "common word": "relief",
        "common phrase": '"relief aid"',
    }


def explain(q: str) -> str:
    """EXPLAIN ANALYZE of the one matching query a search page runs."""
    from articles.search import article_page

    with CaptureQueriesContext(connection) as captured:
        article_page(q)
    sql = next(item["sql"] for item in captured.captured_queries if "@@" in item["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)  # the ORM's own SQL, run again
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--explain", action="append", default=[], help="A kind whose plan to print.")
    args = parser.parse_args()

    from articles.models import Article

    total = Article.objects.count()
    kinds = query_kinds()
    print(f"{total} articles; load average {os.getloadavg()[0]:.1f}")
    client = Client()
    samples: dict[str, list[float]] = {kind: [] for kind in [*kinds, REFERENCE]}
    with override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0):
        client.get("/healthz")
        for kind, q in kinds.items():  # warm: the names index of this process, the server's caches
            response = client.get("/search/", {"q": q})
            assert response.status_code == 200, (kind, response.status_code)
            matched = response.text.split('id="results-heading">', 1)[-1].split("</h2>", 1)[0]
            print(f"  {kind:22} {q!r:40} {matched.strip()[:70]}")
        for _ in range(args.rounds):
            for kind, q in kinds.items():
                began = time.perf_counter()
                client.get("/search/", {"q": q})
                samples[kind].append((time.perf_counter() - began) * 1000)
                began = time.perf_counter()
                client.get("/healthz")  # the reference, asked as often as the searches, between them
                samples[REFERENCE].append((time.perf_counter() - began) * 1000)
    reference = statistics.median(samples[REFERENCE])
    print(f"\n{'kind':22} {'p50 ms':>8} {'p95 ms':>8} {'p50/ref':>8}   ({args.rounds} rounds)")
    for kind, values in samples.items():
        values.sort()
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        median = statistics.median(values)
        print(f"{kind:22} {median:8.1f} {p95:8.1f} {median / reference:8.1f}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    for kind in args.explain:
        print(f"\nEXPLAIN ANALYZE, {kind} {kinds[kind]!r}:\n{explain(kinds[kind])}")


if __name__ == "__main__":
    main()
