"""Benchmark of the reader's site at scale: search, article page, feeds, admin list, search index.

Builds a synthetic newsroom in its own database (``newsroom_bench`` on the embedded server or the
server of DATABASE_URL; kept between runs), then times pages through Django's test client with
the page cache off, so the figures are uncached server time. Not run by ``make test``.

    DJANGO_DEBUG=1 .venv/bin/python bench/reader_site.py --articles 100000
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

WORDS = [
    "relief",
    "earthquake",
    "clinic",
    "convoy",
    "volunteers",
    "tents",
    "water",
    "health",
    "ministry",
    "talks",
    "envoy",
    "corridor",
    "exhibition",
    "festival",
    "documentary",
    "vaccination",
    "flood",
    "shelter",
    "school",
    "hospital",
    "aid",
    "agreement",
    "summit",
    "province",
    "village",
    "road",
    "medicine",
    "blankets",
    "winter",
    "refugees",
    "border",
    "delegation",
    "society",
    "committee",
]
PARAGRAPHS = 12


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build(count: int) -> None:
    from articles.models import Article, ArticleOrganization, ArticlePerson, Section
    from organizations.models import Organization, Person, PersonAlias

    existing = Article.objects.count()
    if existing >= count:
        print(f"Reusing {existing} articles in {connection.settings_dict['NAME']}.")
        return
    rng = random.Random(42)
    sections = [
        Section.objects.get_or_create(slug=f"s{i}", defaults={"name": f"Section {i}"})[0] for i in range(4)
    ]
    people = Person.objects.bulk_create(
        Person(name=f"Person {i} Kolivand{i}", slug=f"bench-person-{i}") for i in range(2000)
    )
    PersonAlias.objects.bulk_create(
        PersonAlias(person=p, name=f"Kolivan {p.pk}", normalized=f"kolivan {p.pk}") for p in people[:500]
    )
    orgs = Organization.objects.bulk_create(
        Organization(name=f"Relief Society {i}", slug=f"bench-org-{i}", acronym=f"RS{i}") for i in range(500)
    )
    paragraphs = [f"<p>{sentence(rng, 14)} {sentence(rng, 12)}</p>" for _ in range(300)]
    now = timezone.now()
    batch = 5000
    for start in range(existing, count, batch):
        rows = []
        for i in range(start, min(start + batch, count)):
            body = "".join(rng.sample(paragraphs, PARAGRAPHS))
            rows.append(
                Article(
                    headline=sentence(rng, 8)[:-1],
                    slug=f"bench-{i}",
                    dek=sentence(rng, 16),
                    body=body,
                    section=sections[i % 4],
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(minutes=i),
                )
            )
        created = Article.objects.bulk_create(rows)
        ArticlePerson.objects.bulk_create(
            ArticlePerson(article=a, person=rng.choice(people), role="about") for a in created
        )
        ArticleOrganization.objects.bulk_create(
            ArticleOrganization(article=a, organization=rng.choice(orgs), role="mentions") for a in created
        )
        print(f"  {start + len(created)} articles", flush=True)


def timed(fn, repeat: int) -> float:
    fn()  # warm up
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    connection.settings_dict["TEST"] = {**connection.settings_dict.get("TEST", {}), "NAME": "newsroom_bench"}
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=True)

    from articles.models import Article
    from articles.search import search_index_update

    build(args.articles)
    missing = list(Article.objects.filter(search_vector__isnull=True).values_list("pk", flat=True))
    if missing:
        began = time.perf_counter()
        search_index_update(missing, show_progress=True)
        seconds = time.perf_counter() - began
        print(f"search_index_update: {len(missing)} articles in {seconds:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sample = Article.objects.order_by("pk")[Article.objects.count() // 2]
    client = Client()
    pages = {
        "search 'earthquake relief'": "/search/?q=earthquake+relief",
        "search '\"clinic convoy\" -flood'": "/search/?q=%22clinic+convoy%22+-flood",
        "search 'Kolivand17' (entity name)": "/search/?q=Kolivand17",
        "search 'Kolivan 42' (alias)": "/search/?q=Kolivan",
        "article page": sample.get_absolute_url(),
        "home": "/",
        "RSS feed": "/feeds/rss/",
    }
    print(f"\n{Article.objects.count()} articles; median of {args.repeat} uncached requests:")
    with override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0):
        for name, url in pages.items():
            ms = timed(lambda url=url: client.get(url), args.repeat)
            print(f"  {name:38} {ms:7.1f} ms")
        # The editors' article list (first page, default order), signed in as a superuser.
        from django.contrib.auth.models import User

        editor, _ = User.objects.get_or_create(
            username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
        )
        client.force_login(editor)
        ms = timed(lambda: client.get("/admin/articles/article/"), args.repeat)
        print(f"  {'admin article list':38} {ms:7.1f} ms")
        client.logout()
        one = timed(lambda: search_index_update([sample.pk]), args.repeat)
        print(f"  {'search_index_update(one article)':38} {one:7.1f} ms")


if __name__ == "__main__":
    main()
