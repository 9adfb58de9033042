"""The judged knowledge corpora (bench/knowledge*/) agree with their own stories.

No engine runs here: these checks only hold the editor's judgments to the texts they judge, so a
benchmark figure never comes from a typo in the test data (a name form that is not in the story, a
quote that differs by a character, a seed flag that lies).
"""

import datetime
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from bench import knowledge_eval

BENCH = Path(__file__).resolve().parents[2] / "bench"
CORPORA = sorted(p.parent for p in BENCH.glob("knowledge*/judgments.jsonl"))
DATE_LINE = re.compile(r"^(\w+), (\d{1,2}) (\w+) (\d{4}) - (\d\d):(\d\d)$")
QUOTED = re.compile(r"“([^”]+)”")
KINDS = {"person", "organization", "event"}
# The first corpus was tuned on and its figures are published: its one slip (14 November 2026 was a
# Saturday) is left as it is rather than change the text those figures were measured on.
WEEKDAY_SLIPS = {("knowledge", "stories/single-who-diabetes.txt")}
ROLES = {"about", "quoted", "mentions"}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_the_corpora_are_found():
    names = {c.name for c in CORPORA}
    assert {"knowledge", "knowledge2", "knowledge3", "knowledge4", "knowledge5", "knowledge6"} <= names


@pytest.fixture(params=CORPORA, ids=lambda p: p.name)
def corpus(request):
    folder = request.param
    return folder, _lines(folder / "judgments.jsonl"), _lines(folder / "seed" / "entities.jsonl")


def test_every_story_is_judged_once(corpus):
    folder, judgments, _seed = corpus
    judged = [j["file"] for j in judgments]
    assert len(judged) == len(set(judged))
    on_disk = sorted(f"stories/{p.name}" for p in (folder / "stories").glob("*.txt"))
    assert sorted(judged) == on_disk


def test_stories_have_the_wire_page_shape(corpus):
    """Headline, a date line whose weekday is right, a blank line, a dateline paragraph; a body the
    publish gate accepts (60 words or more); headlines unique (the evaluation maps by headline)."""
    folder, judgments, _seed = corpus
    headlines = []
    for j in judgments:
        lines = (folder / j["file"]).read_text("utf-8").splitlines()
        assert lines[0].strip(), j["file"]
        headlines.append(lines[0].strip())
        m = DATE_LINE.match(lines[1])
        assert m, (j["file"], lines[1])
        weekday, day, month, year, hour, minute = m.groups()
        date = datetime.datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
        if (folder.name, j["file"]) not in WEEKDAY_SLIPS:
            assert date.strftime("%A") == weekday, (j["file"], lines[1])
        assert 0 <= int(hour) < 24 and 0 <= int(minute) < 60
        assert lines[2] == "", j["file"]
        assert re.match(r"^[A-Z][A-Z .'-]+ – \S", lines[3]), (j["file"], lines[3][:40])
        assert len(" ".join(lines[3:]).split()) >= 60, j["file"]
    assert len(headlines) == len(set(headlines))


def test_every_name_form_occurs_in_its_story(corpus):
    folder, judgments, _seed = corpus
    missing = [
        (j["file"], name)
        for j in judgments
        for e in j["entities"]
        for name in e["names"]
        if name not in (folder / j["file"]).read_text("utf-8")
    ]
    assert missing == []


def test_every_quote_is_verbatim_and_has_a_judged_speaker(corpus):
    folder, judgments, _seed = corpus
    for j in judgments:
        text = (folder / j["file"]).read_text("utf-8")
        quoted = QUOTED.findall(text)
        ids = {e["id"] for e in j["entities"]}
        texts = [q["text"] for q in j["quotes"]]
        assert len(texts) <= len(quoted), j["file"]
        it = iter(quoted)  # in the story's order, each one between its own quotation marks
        assert all(any(t == q for q in it) for t in texts), (j["file"], texts)
        assert all(q["speaker"] in ids for q in j["quotes"]), j["file"]


def test_entities_are_well_formed_and_consistent_across_stories(corpus):
    """One id is one entity: the same kind everywhere, `known` exactly when the seed has it, named
    once per story; a quoted person has the `quoted` role."""
    _folder, judgments, seed = corpus
    seed_slugs = {r["slug"] for r in seed}
    kind_of = defaultdict(set)
    for j in judgments:
        ids = [e["id"] for e in j["entities"]]
        assert len(ids) == len(set(ids)), j["file"]
        speakers = {q["speaker"] for q in j["quotes"]}
        for e in j["entities"]:
            assert e["kind"] in KINDS and e["role"] in ROLES, (j["file"], e["id"])
            assert e["names"] and len(e["names"]) == len(set(e["names"])), (j["file"], e["id"])
            assert e["known"] == (e["id"] in seed_slugs), (j["file"], e["id"])
            if e["id"] in speakers and e["kind"] == "person":
                assert e["role"] == "quoted", (j["file"], e["id"])
            kind_of[e["id"]].add(e["kind"])
    assert {i: k for i, k in kind_of.items() if len(k) > 1} == {}


def test_clusters_and_near_duplicates(corpus):
    folder, judgments, _seed = corpus
    by_file = {j["file"]: j for j in judgments}
    sizes = defaultdict(int)
    for j in judgments:
        if j["cluster"]:
            sizes[j["cluster"]] += 1
    assert sizes and min(sizes.values()) >= 2
    assert any(j["cluster"] is None for j in judgments)
    for j in judgments:
        twin = j["near_duplicate_of"]
        if twin:
            assert by_file[twin]["cluster"] == j["cluster"]
            mine = (folder / j["file"]).read_text("utf-8").splitlines()
            theirs = (folder / twin).read_text("utf-8").splitlines()
            assert mine[0] != theirs[0] and mine[1:] == theirs[1:], j["file"]


def test_the_seed_imports_cleanly(corpus):
    """Unique slugs, a desk byline for --author, organizations that affiliations and organizers name."""
    _folder, _judgments, seed = corpus
    slugs = [r["slug"] for r in seed]
    assert len(slugs) == len(set(slugs))
    assert "wire-desk" in slugs
    orgs = {r["slug"] for r in seed if r["type"] == "organization"}
    for r in seed:
        assert r["type"] in KINDS
        for a in r.get("affiliations", []):
            assert a["organization"] in orgs, r["slug"]
        for o in r.get("organizers", []):
            assert o in orgs, r["slug"]


def test_the_default_corpus_keeps_its_database_name():
    assert knowledge_eval.DEFAULT_CORPUS == BENCH / "knowledge"
    assert knowledge_eval.db_name(BENCH / "knowledge") == "newsroom_knowledge_eval"
    assert knowledge_eval.db_name(BENCH / "knowledge2") == "newsroom_knowledge2_eval"
