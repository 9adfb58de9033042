"""Time recomputing one article's related posts (score + store), on the database in use.

    NEWSROOM_VAR_DIR=var/bench .venv/bin/python bench/related_one.py [--samples 200]

Prints the median, 95th percentile and maximum over randomly chosen published articles.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django

django.setup()

from articles.models import Article  # noqa: E402
from articles.related.scoring import related_rebuild  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    ids = list(Article.objects.published().values_list("pk", flat=True))
    rng = random.Random(args.seed)
    sample = rng.sample(ids, min(args.samples, len(ids)))
    for pk in sample[:5]:  # warm the caches and the connection
        related_rebuild(article=Article.objects.get(pk=pk))
    times = []
    for pk in sample:
        article = Article.objects.get(pk=pk)
        start = time.perf_counter()
        related_rebuild(article=article)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"{len(ids)} published articles; one article's related posts over {len(times)} samples: "
        f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
