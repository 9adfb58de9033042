"""What every knowledge corpus's ``build_judgments.py`` shares: the editor's judgments collected
with :meth:`Judgments.story`, checked against the story texts and written to ``judgments.jsonl``.

Quote texts are copied from the stories, so they match character for character; every name form
listed must occur in its story, and every quote needs a speaker among the story's entities.
"""

import json
import re
from collections import Counter
from pathlib import Path

PER, ORG, EV = "person", "organization", "event"


class Judgments:
    def __init__(self, folder: Path):
        self.folder = folder
        self.seed = {
            json.loads(x)["slug"]
            for x in (folder / "seed/entities.jsonl").read_text().splitlines()
            if x.strip()
        }
        self.stories: dict[str, tuple] = {}

    def story(self, file, cluster, speakers, ents, dup=None):
        """One story: its cluster (or None), the speaker of each quotation in order (None for a
        quoted title), its entities as (id, kind, role, names as written), the file it repeats."""
        self.stories[file] = (cluster, speakers, ents, dup)

    def write(self) -> None:
        out = []
        problems = 0
        for file in sorted(self.stories):
            cluster, speakers, ents, dup = self.stories[file]
            text = (self.folder / "stories" / f"{file}.txt").read_text()
            quoted = re.findall(r"“([^”]+)”", text)
            assert len(quoted) == len(speakers), (file, len(quoted), speakers)
            for _eid, _kind, _role, names in ents:
                for n in names:
                    if n not in text:
                        print("NOT IN TEXT", file, n)
                        problems += 1
            ids = {e[0] for e in ents}
            quotes = []
            for q, sp in zip(quoted, speakers, strict=True):
                if sp is None:
                    continue
                assert sp in ids, (file, sp)
                quotes.append({"speaker": sp, "text": q})
            out.append(
                {
                    "file": f"stories/{file}.txt",
                    "cluster": cluster,
                    "near_duplicate_of": f"stories/{dup}.txt" if dup else None,
                    "entities": [
                        {"id": e, "kind": k, "role": r, "names": n, "known": e in self.seed}
                        for e, k, r, n in ents
                    ],
                    "quotes": quotes,
                }
            )
        (self.folder / "judgments.jsonl").write_text(
            "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out)
        )
        print(len(out), "stories;", problems, "problems")
        print(Counter(o["cluster"] for o in out))
        allents = {(e["id"], e["kind"]) for o in out for e in o["entities"] if e["kind"] != "event"}
        print("people/orgs", len(allents), "known", sum(1 for e in allents if e[0] in self.seed))
