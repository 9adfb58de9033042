"""Quotes attached to the right speaker, on judged wire pages imported as a user would.

    .venv/bin/python bench/quotes_eval.py [--pages DIR] [--judged FILE] [--verbose]
    .venv/bin/python bench/quotes_eval.py --corpus [DIR] [--verbose]  # judged corpus (bench/knowledge)

In a throwaway database (``test_newsroom_quotes_eval``, or ``test_newsroom_quotes_eval_<corpus
folder name>`` with ``--corpus``, then ``$QUOTES_EVAL_DB_SUFFIX``; dropped afterwards) the script imports the
directory (``entities.jsonl`` beside the judgments), then every judged page with
``import_articles --publish --author wire-desk``, and compares each judged quote with the Quote
records of its article. The judgments (``quotes.json``) give each quote's first words and its
speaker: a person's slug, ``new:<name>`` for someone the directory lacks (right when the quote is
kept unattached under that name, never attached), or ``null`` for a body (right when unattached).

Prints, over all judged quotes: attached correctly, attached wrongly (the figure that must be 0),
left unattached, and not found at all.
"""

import argparse
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django

django.setup()

from django.db import connection  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "wire"
KNOWLEDGE = Path(__file__).resolve().parent / "knowledge"


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def evaluate(pages: Path, judged: dict, verbose: bool) -> dict[str, int]:
    from django.core.management import call_command

    from articles.io.articles import ImportOptions, import_articles
    from articles.quotes import find_quotes, linked_people
    from organizations.names import name_key

    call_command("import_entities", str(pages / judged.get("directory", "entities.jsonl")), verbosity=0)
    files = [pages / name for name in judged["pages"]]
    report = import_articles(files, ImportOptions(publish=True, author="wire-desk"))
    pairs = zip(report.drafts, report.articles, strict=True)
    by_file = {str(Path(draft.record.file).relative_to(pages)): article for draft, article in pairs}
    counts = {"quotes": 0, "correct": 0, "kept": 0, "wrong": 0, "unattached": 0, "not found": 0}
    for name, items in judged["pages"].items():
        article = by_file[name]
        records = [(q.text, q.speaker.slug) for q in article.quotes.select_related("speaker")]
        found = find_quotes(article.body, headline=article.headline, linked=linked_people(article))
        for item in items:
            counts["quotes"] += 1
            start, gold = _norm(item["starts"]), item["speaker"]
            record = next((slug for text, slug in records if _norm(text).startswith(start)), None)
            seen = next((q for q in found if _norm(q.text).startswith(start)), None)
            if record is not None:
                verdict = "correct" if record == gold else "wrong"
            elif seen is None:
                verdict = "not found"
            elif gold is None or (
                gold.startswith("new:") and name_key(seen.speaker_name) == name_key(gold[4:])
            ):
                verdict = "kept"  # rightly kept without a speaker (a body, or a person to create)
            else:
                verdict = "unattached"
            counts[verdict] += 1
            if verbose and verdict not in ("correct", "kept"):
                print(f"  {verdict:10} {name}: “{item['starts']}…” judged {gold}, got {record or seen}")
    return counts


def from_knowledge(folder: Path) -> tuple[Path, dict]:
    """The related task's judged corpus (``judgments.jsonl`` with stories/ and seed/), read-only, as
    judgments of this script: speakers by id when the directory knows them, new:<name> otherwise."""
    judged = {"directory": "seed/entities.jsonl", "pages": {}}
    for line in (folder / "judgments.jsonl").read_text("utf-8").splitlines():
        story = json.loads(line)
        entities = {e["id"]: e for e in story.get("entities", [])}
        items = []
        for quote in story.get("quotes", []):
            entity = entities.get(quote["speaker"], {"kind": "person", "known": True})
            if entity["kind"] != "person":
                speaker = None
            elif entity.get("known", True):
                speaker = quote["speaker"]
            else:
                speaker = "new:" + max(entity["names"], key=lambda n: len(n.split()))
            items.append({"starts": " ".join(quote["text"].split()[:5]).rstrip(",."), "speaker": speaker})
        judged["pages"][story["file"]] = items
    return folder, judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=FIXTURES, help="folder of the pages and entities")
    parser.add_argument("--judged", type=Path, help="judgments (default: quotes.json in --pages)")
    parser.add_argument("--verbose", action="store_true", help="list every quote not judged correct")
    parser.add_argument(
        "--corpus",
        "--knowledge",
        dest="corpus",
        type=Path,
        nargs="?",
        const=KNOWLEDGE,
        metavar="DIR",
        help="read a judged knowledge corpus (judgments.jsonl; DIR defaults to bench/knowledge) instead",
    )
    args = parser.parse_args()
    db_name = "test_newsroom_quotes_eval"
    if args.corpus:
        corpus = args.corpus.resolve()
        if not (corpus / "judgments.jsonl").is_file():
            parser.error(f"{args.corpus}: no judgments.jsonl (not a judged corpus folder)")
        args.pages, judged = from_knowledge(corpus)
        db_name += "_" + re.sub(r"[^a-z0-9]+", "_", corpus.name.lower()).strip("_")
    else:
        judged = json.loads((args.judged or args.pages / "quotes.json").read_text("utf-8"))
    db_name += os.environ.get("QUOTES_EVAL_DB_SUFFIX", "")  # one of your own beside other runs
    creation = connection.creation
    connection.settings_dict["TEST"]["NAME"] = db_name
    creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        counts = evaluate(args.pages, judged, args.verbose)
    finally:
        creation.destroy_test_db(creation.connection.settings_dict["NAME"], verbosity=0)
    total = counts["quotes"] or 1
    right = counts["correct"] + counts["kept"]
    print(
        f"{counts['quotes']} judged quotes on {len(judged['pages'])} pages: "
        f"right {right} ({right / total:.0%}) "
        f"= attached to the right known person {counts['correct']} + kept unattached under the right "
        f"new name or for a body {counts['kept']}; attached wrongly {counts['wrong']}; "
        f"left unattached {counts['unattached']}; not found {counts['not found']}"
    )


if __name__ == "__main__":
    main()
