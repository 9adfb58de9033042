"""Time recomputing one article's related posts (reindex + score + store), on the database in use.

    DATABASE_URL=postgres://…/newsroom_relperf .venv/bin/python bench/related_one.py [--samples 50]

Samples published articles of three kinds (ordinary; entity-heavy: 20 links or more; common
words only: every word of the body among the generator's 60 most common) and prints the median,
95th percentile and maximum of each kind and of all together. Run ``rebuild_related`` once first
(it counts the term frequencies every reindex reads).
"""

import argparse
import os
import random
import re
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

from articles.links import links_union_sql  # noqa: E402
from articles.models import Article, ArticleTerm  # noqa: E402
from articles.related.scoring import related_rebuild  # noqa: E402
from bench.benchdata import WORDS  # noqa: E402

KINDS = {"ordinary": 0.6, "entity-heavy": 0.2, "common words": 0.2}


def kind_of(article: Article, links: int) -> str:
    if links >= 20:
        return "entity-heavy"
    words = set(re.findall(r"[a-z]+", re.sub(r"<[^>]+>", " ", article.body).lower()))
    return "common words" if words and words <= set(WORDS) else "ordinary"


def summary(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95 + 0.5) - 1)]
    return f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    # Articles already indexed (by rebuild_related): a first-time index also counts new stems.
    indexed = ArticleTerm.objects.filter(term="").values("article_id")
    ids = list(Article.objects.published().filter(pk__in=indexed).values_list("pk", flat=True))
    rng = random.Random(args.seed)
    rng.shuffle(ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT article_id, count(*) FROM ({links_union_sql()}) l GROUP BY 1 HAVING count(*) >= 20"  # noqa: S608
        )
        heavy = dict(cursor.fetchall())
    quota = {kind: max(1, round(share * args.samples)) for kind, share in KINDS.items()}
    chosen: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for pk in ids:
        article = Article.objects.only("body").get(pk=pk)
        kind = kind_of(article, heavy.get(pk, 0))
        if len(chosen[kind]) < quota[kind]:
            chosen[kind].append(pk)
        if all(len(chosen[k]) >= quota[k] for k in KINDS):
            break
    sample = [(kind, pk) for kind, pks in chosen.items() for pk in pks]
    rng.shuffle(sample)
    for _kind, pk in sample[:5]:  # warm the caches and the connection
        related_rebuild(article=Article.objects.get(pk=pk))
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for kind, pk in sample:
        article = Article.objects.get(pk=pk)
        start = time.perf_counter()
        related_rebuild(article=article)
        times[kind].append((time.perf_counter() - start) * 1000)
    total = Article.objects.published().count()
    print(f"{total} published articles ({len(ids)} indexed, sampled); one article's related posts:")
    for kind, values in times.items():
        if values:
            print(f"  {kind:13} ({len(values):3} samples): {summary(values)}")
    print(f"  {'all':13} ({len(sample):3} samples): {summary([t for v in times.values() for t in v])}")


if __name__ == "__main__":
    main()
