"""Benchmark: import 10,000 articles from JSON Lines (the budget: under a minute).

    .venv/bin/python bench/import_10k.py [--articles 10000]

Generates a JSON Lines file of synthetic articles (bylines, entity links, quotes, tags; about 250
words each), then times ``import_articles`` on it in a throwaway database (``test_newsroom_bench``
on the embedded server or the DATABASE_URL server), which is dropped at the end. Derived work
(related posts) goes to the task queue (NEWSROOM_TASKS=database), as in production.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["NEWSROOM_TEST_DB_SUFFIX"] = "bench"
os.environ.setdefault("NEWSROOM_TASKS", "database")

import django

django.setup()

from django.db import connection  # noqa: E402

WORDS = [
    "relief",
    "teams",
    "reached",
    "villages",
    "second",
    "day",
    "after",
    "earthquake",
    "bringing",
    "tents",
    "blankets",
    "clean",
    "water",
    "families",
    "volunteers",
    "provincial",
    "branch",
    "worked",
    "alongside",
    "local",
    "health",
    "workers",
    "field",
    "clinic",
    "school",
    "officials",
    "said",
    "roads",
    "open",
    "again",
    "evening",
    "convoy",
    "food",
    "medicine",
    "would",
    "leave",
    "capital",
    "morning",
    "weather",
]


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return f"<p>{text.capitalize()}.</p>"


def generate(path: Path, count: int, people: int = 200, orgs: int = 50, events: int = 30) -> Path:
    rng = random.Random(7)
    entities = path.with_name("bench-entities.jsonl")
    with entities.open("w", encoding="utf-8") as out:
        for slug in ("health", "humanitarian", "diplomacy", "culture"):
            out.write(json.dumps({"type": "section", "slug": slug, "name": slug.title()}) + "\n")
        for n in range(orgs):
            out.write(
                json.dumps({"type": "organization", "slug": f"org-{n}", "name": f"Relief Body {n}"}) + "\n"
            )
        for n in range(people):
            out.write(
                json.dumps({"type": "person", "slug": f"person-{n}", "name": f"Person Number {n}"}) + "\n"
            )
        for n in range(events):
            record = {
                "type": "event",
                "slug": f"event-{n}",
                "name": f"Meeting {n}",
                "starts_at": "2026-03-13T10:00",
            }
            out.write(json.dumps(record) + "\n")
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = {
                "type": "article",
                "slug": f"bench-story-{n}",
                "headline": f"Relief convoy reaches villages, story {n}",
                "dek": "Tents, water and a field clinic arrived on the second day.",
                "body": "\n".join(paragraph(rng, 50) for _ in range(5)),
                "section": rng.choice(["health", "humanitarian", "diplomacy", "culture"]),
                "tags": rng.sample(["earthquake", "red-crescent", "vaccination", "floods", "refugees"], 2),
                "status": "published",
                "published_at": f"2026-{1 + n % 11:02d}-{1 + n % 28:02d}T09:00:00+03:30",
                "bylines": [{"person": f"person-{rng.randrange(people)}", "role": "author"}],
                "people": [
                    {"slug": s, "role": "about"}
                    for s in {f"person-{rng.randrange(people)}" for _ in range(3)}
                ],
                "organizations": [{"slug": f"org-{rng.randrange(orgs)}", "role": "mentions"}],
                "events": [{"slug": f"event-{rng.randrange(events)}", "role": "about"}],
                "quotes": [
                    {"speaker": f"person-{rng.randrange(people)}", "text": "We will stay as long as needed."}
                ],
            }
            out.write(json.dumps(record) + "\n")
    return entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()

    from django.core.management import call_command

    from articles.io.articles import ImportOptions, import_articles
    from articles.models import Article

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench-articles.jsonl"
        entities = generate(path, args.articles)
        size = path.stat().st_size / 1e6
        creation = connection.creation
        creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            call_command("import_entities", str(entities), verbosity=0)
            started = time.perf_counter()
            import_articles([path], ImportOptions(dry_run=True))
            checked = time.perf_counter() - started
            started, cpu = time.perf_counter(), time.process_time()
            report = import_articles([path], ImportOptions())
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            assert Article.objects.count() == args.articles
            # The after-commit notices (one task per article) are part of the import's cost.
            from django_tasks_db.models import DBTaskResult

            queued = DBTaskResult.objects.count()
        finally:
            creation.destroy_test_db(creation.connection.settings_dict["NAME"], verbosity=0)
        print(
            f"import_articles: {len(report.created)} articles ({size:.1f} MB of JSON Lines) "
            f"in {elapsed:.1f} s, of which {cpu:.1f} s CPU in this process "
            f"({len(report.created) / elapsed:.0f} articles/s; reading and checking alone, --dry-run: "
            f"{checked:.1f} s); {queued} related-post tasks queued"
        )


if __name__ == "__main__":
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    main()
