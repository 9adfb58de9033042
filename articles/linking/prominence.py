"""The role of each automatic link, from how the story names it.

The story's subjects are the entities in the headline, in the lead (the standfirst and the first
paragraph), named repeatedly or quoted: a person who speaks is ``quoted``, another subject
``about``. A passing mention stays ``mentions``, and so does an outlet the lead only credits
("as reported by IRNA", "according to IRNA"): the credit is a source, not a subject.
"""

import re

from articles.linking.discovery import Sentence

#: Named in this many sentences, an entity is one of the story's subjects.
REPEATED = 3
_CREDIT = re.compile(
    r"(?:reported by|according to|quoted by|cited by|told|via|source:)\s+(?:the\s+)?$", re.IGNORECASE
)


def assign_roles(items, sentences: list[Sentence]) -> None:
    """Set ``role`` and ``role_reason`` on every found entity (known or proposed)."""
    for item in items:
        item.role, item.role_reason = role_of(item)


def role_of(item) -> tuple[str, str]:
    in_headline = any(s.part == "headline" for s in item.sentences)
    lead = [s for s in item.sentences if s.in_lead]
    lead_subject = any(not _only_credited(s, item) for s in lead)
    repeated = item.count >= REPEATED
    if item.kind == "person" and item.speaker:
        return "quoted", "speaks in the story"
    if in_headline:
        return "about", "in the headline"
    if lead_subject:
        return "about", "in the lead"
    if repeated:
        return "about", f"named {item.count} times"
    return "mentions", "named in passing"


def _only_credited(sentence: Sentence, item) -> bool:
    """The entity appears in the sentence only as the outlet credited for it."""
    surfaces = [s for s in {*item.surfaces, item.name, item.acronym} if s]
    positions = [m.start() for s in surfaces for m in re.finditer(re.escape(s), sentence.text)]
    if not positions:
        return False
    return all(_CREDIT.search(sentence.text[:p]) for p in positions)
