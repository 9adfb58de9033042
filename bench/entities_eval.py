"""Entity linking on a judged corpus, measured the way a new user would meet it.

A fresh database; ``import_entities`` of the corpus seed; ``import_articles --publish --link --new``
of its stories; then every person and organization linked to each story is compared with the
editor's judgments (``judgments.jsonl``: per story, the entities it names, known or not):

- recall of known entities (in the seed) and of new ones (created from the text), separately;
- precision: linked records that are one of the story's judged entities;
- split records: one judged entity that became two or more records;
- merged: one record standing for two or more judged entities (confusable people merged);
- roles: how many links have the role the editor gave (about / quoted / mentions).

A new record is the judged entity when one of its names, or one of the full forms this story
wrote it in (read from the text: "the provincial crisis management headquarters" for the record
"Mazandaran crisis management headquarters"), is a spelling of a name the editor gave it;
``--names-only`` scores by the record's names alone, as before.

Usage::

    .venv/bin/python bench/entities_eval.py bench/entities            # the development set
    .venv/bin/python bench/entities_eval.py --corpus bench/knowledge2  # or bench/knowledge (default)

DATABASE_URL names the server (its database is left alone); the benchmark creates and drops
``<name>_<corpus folder name>_entities_eval``.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus",
        type=Path,
        nargs="?",
        help="folder with stories/, seed/entities.jsonl, judgments.jsonl (default bench/knowledge)",
    )
    parser.add_argument(
        "--corpus", dest="corpus_option", type=Path, metavar="DIR", help="the same, as an option"
    )
    parser.add_argument("--keep", action="store_true", help="keep the evaluation database afterwards")
    parser.add_argument("--show", action="store_true", help="print every miss and false link")
    parser.add_argument(
        "--names-only",
        action="store_true",
        help="credit a new record by its name and other names only, not by the forms the story wrote it in",
    )
    parser.add_argument(
        "--both",
        action="store_true",
        help="score twice in one run: as written (lenient) and with --names-only (strict)",
    )
    args = parser.parse_args()
    if args.corpus and args.corpus_option:
        parser.error("give the corpus once, as an argument or with --corpus")
    corpus = (args.corpus or args.corpus_option or ROOT / "bench" / "knowledge").resolve()
    if not (corpus / "judgments.jsonl").is_file():
        parser.error(f"{corpus}: no judgments.jsonl (not a judged corpus folder)")
    judgments = [
        json.loads(line) for line in (corpus / "judgments.jsonl").read_text().splitlines() if line.strip()
    ]

    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom")
    base, _slash, name = server.rpartition("/")
    label = re.sub(r"[^a-z0-9]+", "_", corpus.name.lower()).strip("_")
    eval_db = f"{name.split('?')[0]}_{label}_entities_eval"
    env = {**os.environ, "DATABASE_URL": f"{base}/{eval_db}", "DJANGO_DEBUG": "1"}
    _recreate(base, eval_db)
    try:
        manage = [sys.executable, str(ROOT / "manage.py")]
        _run([*manage, "migrate", "--noinput", "-v", "0"], env)
        _run([*manage, "import_entities", str(corpus / "seed" / "entities.jsonl")], env)
        seed = [
            json.loads(line)
            for line in (corpus / "seed" / "entities.jsonl").read_text().splitlines()
            if line.strip()
        ]
        desk = next((r["slug"] for r in seed if r.get("type") == "person" and "desk" in r["slug"]), None)
        stories = [str(corpus / j["file"]) for j in judgments]
        command = [*manage, "import_articles", "--publish", "--link", "--new", *stories]
        if desk:
            command += ["--author", desk]
        _run(command, env)
        os.environ.update(env)
        if args.both:
            print("== lenient (names and the forms the story wrote them in)")
            _score(judgments, corpus, desk, args.show, names_only=False)
            print("== strict (--names-only)")
        return _score(judgments, corpus, desk, args.show, names_only=args.names_only or args.both)
    finally:
        if not args.keep:
            _drop(base, eval_db)


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)  # noqa: S603 (our own manage.py)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-2000:] + result.stderr[-4000:])
        raise SystemExit(f"failed: {' '.join(command[:3])}")


def _admin_connection(base: str):
    import psycopg

    return psycopg.connect(f"{base}/postgres", autocommit=True)


def _recreate(base: str, db: str) -> None:
    with _admin_connection(base) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{db}"')


def _drop(base: str, db: str) -> None:
    with _admin_connection(base) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


def _score(
    judgments: list[dict], corpus: Path, desk: str | None, show: bool, names_only: bool = False
) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from articles.linking.resolution import Directory, read_story
    from articles.links import BY_KIND
    from articles.models import Article
    from organizations.names import spelling_variant

    kinds = ("person", "organization")
    counts = defaultdict(int)
    records_of: dict[str, set[tuple[str, int]]] = defaultdict(set)  # judged id -> records
    ids_of: dict[tuple[str, int], set[str]] = defaultdict(set)  # record -> judged ids
    misses, false_links = [], []
    role_right = role_total = 0
    role_misses: dict[tuple[str, str], int] = defaultdict(int)  # (editor's role, ours) -> count
    directory = Directory()
    for story in judgments:
        headline = (corpus / story["file"]).read_text().splitlines()[0].strip()
        article = Article.objects.filter(headline=headline).order_by("pk").first()
        if article is None:
            raise SystemExit(f"{story['file']}: not imported")
        judged = [e for e in story["entities"] if e["kind"] in kinds]
        # The full forms this story writes each linked record in ("the provincial crisis management
        # headquarters" for "Mazandaran crisis management headquarters"), read from its text: a new
        # record is the judged entity the editor named by one of those forms (see docs/benchmarks.md).
        written = {}
        if not names_only:
            written = {(f.kind, f.entity.pk): f.forms for f in read_story(article, directory).known}
        linked = []
        for kind in kinds:
            link = BY_KIND[kind]
            for row in link.link_model.objects.filter(article=article).select_related(link.field):
                entity = getattr(row, link.field)
                names = [entity.name, *entity.aliases.values_list("name", flat=True)]
                names += written.get((kind, entity.pk), [])
                if kind == "organization" and entity.acronym:
                    names.append(entity.acronym)
                linked.append((kind, entity, names, row.role))
        matched_judged = set()
        for kind, entity, names, role in linked:
            hit = None
            for e in judged:
                if e["kind"] != kind:
                    continue
                if e["known"] and e["id"] == entity.slug:
                    hit = e
                    break
                if not e["known"] and any(
                    spelling_variant(a, b, honorifics=kind == "person") for a in e["names"] for b in names
                ):
                    hit = e
                    break
            if hit is None:
                counts["false"] += 1
                false_links.append(f"{story['file']}: {kind} “{entity.name}”")
                continue
            counts["true"] += 1
            matched_judged.add(hit["id"])
            records_of[hit["id"]].add((kind, entity.pk))
            ids_of[(kind, entity.pk)].add(hit["id"])
            role_total += 1
            role_right += role == hit.get("role")
            if role != hit.get("role"):
                role_misses[(hit.get("role"), role)] += 1
        for e in judged:
            group = "known" if e["known"] else "new"
            counts[f"{group}_total"] += 1
            if e["id"] in matched_judged:
                counts[f"{group}_found"] += 1
            else:
                misses.append(f"{story['file']}: {group} {e['kind']} “{e['names'][0]}”")
    splits = {i: r for i, r in records_of.items() if len(r) > 1}
    merged = {r: i for r, i in ids_of.items() if len(i) > 1}
    linked_total = counts["true"] + counts["false"]
    print(f"corpus: {corpus} ({len(judgments)} stories)")
    known, new = (counts["known_found"], counts["known_total"]), (counts["new_found"], counts["new_total"])
    print(f"known people/organizations: recall {known[0]}/{known[1]} = {_ratio(*known)}")
    print(f"new people/organizations:   recall {new[0]}/{new[1]} = {_ratio(*new)}")
    precision = (counts["true"], linked_total)
    print(f"precision of links:         {precision[0]}/{precision[1]} = {_ratio(*precision)}")
    print(f"split records: {len(splits)}  {sorted(splits) if splits else ''}")
    merged_ids = sorted(map(sorted, merged.values())) if merged else ""
    print(f"records merging different judged entities: {len(merged)}  {merged_ids}")
    print(f"roles as the editor judged: {role_right}/{role_total} = {_ratio(role_right, role_total)}")
    if show:
        for line in misses:
            print("  missed:", line)
        for line in false_links:
            print("  false: ", line)
        for (judged, ours), n in sorted(role_misses.items(), key=lambda pair: -pair[1]):
            print(f"  role: editor {judged}, linked {ours}: {n}")
    return 0


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "n/a"


if __name__ == "__main__":
    raise SystemExit(main())
