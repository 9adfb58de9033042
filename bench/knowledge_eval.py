"""Related stories (and links, quotes) on the knowledge corpus, beside a TF-IDF cosine baseline.

    .venv/bin/python bench/knowledge_eval.py [--corpus DIR] [--new] [-v]
        [--server postgres://postgres@127.0.0.1:5432]

``--corpus`` names a judged corpus folder (stories/, seed/entities.jsonl, judgments.jsonl; default
bench/knowledge; bench/knowledge2 is a development set, bench/knowledge3 a held-out one).
Builds a fresh database (``newsroom_<corpus folder name>_eval`` on the server, e.g.
``newsroom_knowledge_eval``; dropped and created again), then does what a new user would:
``migrate``, ``import_entities`` with the corpus seed,
``import_articles --publish --link --author wire-desk`` with every story (plus ``--new`` when asked
and the command has it), ``rebuild_related``. It then reads the stored related lists and prints:

- precision@5 over the stories that have at least one true relative: the share of true relatives
  among the first min(5, relatives) items of the list (so a list must be full where there are five
  or more relatives, and a short list is fine where there are fewer);
- how many items the stories with no relative get (mean and maximum);
- near-duplicate pairs listed as each other's related;
- the same precision for a TF-IDF cosine over headline + body (scikit-learn's TfidfVectorizer
  defaults written out: word tokens of 2+ characters, raw counts, smooth idf, l2 norm), computed on
  the same stored texts in the same run. A near-duplicate's twin is left out of both lists.

Also, for the entities and quotes work: links of known entities (precision/recall against the
judgments) and quotes attached to the right speaker.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "bench" / "knowledge"
CORPUS = DEFAULT_CORPUS
DB_NAME = "newsroom_knowledge_eval"


def db_name(corpus: Path) -> str:
    """The evaluation database of a corpus: ``newsroom_knowledge_eval`` for bench/knowledge."""
    name = "newsroom_" + re.sub(r"[^a-z0-9]+", "_", corpus.name.lower()).strip("_") + "_eval"
    return name + os.environ.get("KNOWLEDGE_EVAL_DB_SUFFIX", "")


K = 5


def run(args: list[str], env: dict, *, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(  # noqa: S603 (our own manage.py, arguments built here)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if check and done.returncode:
        sys.exit(f"manage.py {' '.join(args[:2])} failed:\n{done.stderr.strip() or done.stdout.strip()}")
    return done


def fresh_database(server: str, name: str = DB_NAME) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def quote_key(text: str) -> str:
    """A quote's words without surrounding quotation marks, spaces and trailing punctuation."""
    return text.strip().strip('“”"').strip().rstrip(",.;:").strip()


def load_judgments() -> list[dict]:
    return [
        json.loads(line) for line in (CORPUS / "judgments.jsonl").read_text().splitlines() if line.strip()
    ]


def plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


TOKEN = re.compile(r"(?u)\b\w\w+\b")


def tfidf_rankings(texts: dict[int, str]) -> dict[int, list[int]]:
    """For each id, the other ids by TF-IDF cosine, best first (scikit-learn's defaults)."""
    counts = {pk: Counter(TOKEN.findall(text.lower())) for pk, text in texts.items()}
    n = len(counts)
    df = Counter(term for c in counts.values() for term in c)
    idf = {term: math.log((1 + n) / (1 + d)) + 1 for term, d in df.items()}
    vectors = {}
    for pk, c in counts.items():
        v = {t: f * idf[t] for t, f in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[pk] = {t: x / norm for t, x in v.items()}
    rankings = {}
    for pk, v in vectors.items():
        scores = [
            (sum(x * w.get(t, 0.0) for t, x in v.items()), other)
            for other, w in vectors.items()
            if other != pk
        ]
        rankings[pk] = [other for _s, other in sorted(scores, key=lambda s: (-s[0], s[1]))]
    return rankings


def precision_at_k(lists: dict[int, list[int]], relatives: dict[int, set[int]], twins: dict[int, set[int]]):
    """Mean precision@K over stories with relatives; items shown to stories without any."""
    scores, lonely = {}, {}
    for pk, shown in lists.items():
        shown = [x for x in shown if x not in twins.get(pk, set())]
        rel = relatives[pk]
        if rel:
            top = shown[: min(K, len(rel))]
            scores[pk] = sum(1 for x in top if x in rel) / min(K, len(rel))
        else:
            lonely[pk] = len(shown)
    return scores, lonely


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="judged corpus folder: stories/, seed/entities.jsonl, judgments.jsonl (default bench/knowledge)",
    )
    parser.add_argument(
        "--server", default=os.environ.get("KNOWLEDGE_EVAL_SERVER", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("KNOWLEDGE_EVAL_DATABASE"),
        help="database to drop and build on the server (default: named after the corpus, "
        "newsroom_knowledge_eval for bench/knowledge, plus $KNOWLEDGE_EVAL_DB_SUFFIX)",
    )
    parser.add_argument(
        "--new", action="store_true", help="also pass --new to import_articles when it has it"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print each story's list beside the baseline's"
    )
    args = parser.parse_args()
    global CORPUS
    CORPUS = args.corpus.resolve()
    if not (CORPUS / "judgments.jsonl").is_file():
        sys.exit(f"{args.corpus}: no judgments.jsonl (not a judged corpus folder)")
    database = args.database or db_name(CORPUS)

    env = {**os.environ, "DATABASE_URL": fresh_database(args.server, database), "DJANGO_DEBUG": "1"}
    env.pop("NEWSROOM_TASKS", None)  # the immediate backend, as `make run` uses
    run(["migrate", "-v0"], env)
    run(["import_entities", str(CORPUS / "seed" / "entities.jsonl")], env)
    stories = sorted(str(p) for p in (CORPUS / "stories").glob("*.txt"))
    flags = ["--publish", "--link", "--author", "wire-desk"]
    if args.new:
        if "--new" in run(["import_articles", "--help"], env).stdout:
            flags.append("--new")
        else:
            print("import_articles has no --new yet: imported without it")
    imported = run(["import_articles", *flags, *stories], env, check=False)
    published_directly = False
    if imported.returncode:
        # The publish gate may refuse wire pages (no standfirst): import as drafts, publish below.
        print(f"import --publish refused: {imported.stderr.strip().splitlines()[-1]}")
        imported = run(["import_articles", *[f for f in flags if f != "--publish"], *stories], env)
        published_directly = True
    warnings = [line for line in imported.stdout.splitlines() if "near-duplicate" in line]

    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import timezone

    from articles.links import ENTITY_LINKS
    from articles.models import Article, Quote, RelatedArticle

    if published_directly:
        Article.objects.update(status=Article.Status.PUBLISHED, published_at=timezone.now())
        print("published directly (the gate's rules are not what this benchmark measures)")
    run(["rebuild_related"], env)

    judgments = load_judgments()
    by_file = {j["file"]: j for j in judgments}
    # import_articles names a plain-text page's slug from its file name's headline; map by headline.
    articles = list(Article.objects.all())
    first_line = {j["file"]: (CORPUS / j["file"]).read_text().splitlines()[0].strip() for j in judgments}
    by_headline = defaultdict(list)
    for a in articles:
        by_headline[a.headline].append(a)
    file_of: dict[int, str] = {}
    for file, headline in first_line.items():
        found = by_headline.get(headline, [])
        if len(found) != 1:
            sys.exit(f"{file}: {len(found)} articles with its headline")
        file_of[found[0].pk] = file
    pk_of = {f: pk for pk, f in file_of.items()}
    relatives, twins = {}, defaultdict(set)
    for pk, file in file_of.items():
        j = by_file[file]
        relatives[pk] = {
            other
            for other, f in file_of.items()
            if other != pk and j["cluster"] and by_file[f]["cluster"] == j["cluster"]
        }
        if j["near_duplicate_of"]:
            twin = pk_of[j["near_duplicate_of"]]
            twins[pk].add(twin)
            twins[twin].add(pk)
    for pk, t in twins.items():
        relatives[pk] -= t

    stored = defaultdict(list)
    for entry in RelatedArticle.objects.order_by("article", "rank"):
        stored[entry.article_id].append(entry.related_id)
    ours = {pk: stored.get(pk, []) for pk in file_of}
    texts = {a.pk: f"{a.headline} {plain(a.body)}" for a in articles}
    baseline = tfidf_rankings(texts)

    mine, mine_lonely = precision_at_k(ours, relatives, twins)
    base, _base_lonely = precision_at_k(baseline, relatives, twins)
    dup_listed = sum(1 for pk, shown in ours.items() for x in shown if x in twins.get(pk, set()))
    shown_top = [x for pk in file_of for x in ours[pk][:K]]
    shown_precision = (
        sum(1 for pk in file_of for x in ours[pk][:K] if x in relatives[pk]) / len(shown_top)
        if shown_top
        else 0
    )

    if args.verbose:
        for pk in sorted(file_of, key=file_of.get):
            marks = {
                x: Path(file_of[x]).stem + ("" if x in relatives[pk] else "✗")
                for x in {*ours[pk], *baseline[pk][:K]}
            }
            print(f"{Path(file_of[pk]).stem} ({len(relatives[pk])} relatives)")
            print(f"   ours: {', '.join(marks[x] for x in ours[pk][:8]) or '—'}")
            print(f"  tfidf: {', '.join(marks[x] for x in baseline[pk][:K])}")

    print(
        f"\nKnowledge corpus {CORPUS.name}: {len(file_of)} stories, {len(mine)} with relatives, "
        f"{len(mine_lonely)} without"
    )
    print(
        f"related precision@{K}:  ours {sum(mine.values()) / len(mine):.3f}   "
        f"TF-IDF cosine baseline {sum(base.values()) / len(base):.3f}"
    )
    print(
        f"  stories below 1.0: ours {sum(1 for v in mine.values() if v < 1)}, "
        f"baseline {sum(1 for v in base.values() if v < 1)}"
    )
    print(f"  precision of what ours shows in its top {K}: {shown_precision:.3f}")
    print(
        f"stories with no relative: ours shows {sum(mine_lonely.values()) / max(1, len(mine_lonely)):.1f} "
        f"on average, at most {max(mine_lonely.values(), default=0)} (the baseline always {K})"
    )
    print(f"near-duplicate pairs listed as related: {dup_listed}; import warnings: {len(warnings)}")
    for line in warnings:
        print(f"  {line}")

    # Links of known entities and quotes, for the entities and quotes work (same run).
    slug_of = {}
    for link in ENTITY_LINKS:
        for row in link.link_model.objects.values("article_id", f"{link.field}__slug"):
            slug_of.setdefault(row["article_id"], set()).add((link.kind, row[f"{link.field}__slug"]))
    expected = {
        pk: {(e["kind"], e["id"]) for e in by_file[f]["entities"] if e["known"] and e["kind"] != "event"}
        for pk, f in file_of.items()
    }
    got = {pk: {x for x in slug_of.get(pk, set()) if x[0] != "event"} for pk in file_of}
    known_slugs = {x for s in expected.values() for x in s}
    hits = sum(len(expected[pk] & got[pk]) for pk in file_of)
    linked_known = sum(len({x for x in got[pk] if x in known_slugs}) for pk in file_of)
    print(
        f"known people/organizations linked: recall {hits / max(1, sum(map(len, expected.values()))):.3f}, "
        f"precision {hits / max(1, linked_known):.3f} (links to known records only)"
    )
    quotes_expected = sum(len(by_file[f]["quotes"]) for f in file_of.values())
    right = 0
    for q in Quote.objects.filter(article_id__in=file_of).select_related("speaker"):
        # The comma or full stop before the closing quotation mark belongs to the attribution.
        judged = {quote_key(x["text"]): x["speaker"] for x in by_file[file_of[q.article_id]]["quotes"]}
        if q.speaker and judged.get(quote_key(q.text)) == q.speaker.slug:
            right += 1
    print(f"quotes attached to the right known speaker: {right} of {quotes_expected}")


if __name__ == "__main__":
    main()
