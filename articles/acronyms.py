"""When a word spelled like an acronym is not one: the guard the entity finder asks before it links
an organization by its acronym.

"WHO ARE THE VOLUNTEERS?" is a heading in capitals, not the World Health Organization; "AA
batteries" is a battery size, not Anadolu Agency. Both are told apart by the words around the
token, never by the acronym alone.
"""

import re

_SENTENCE_EDGE = re.compile(r"[.!?\n\r]")
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# Words that make the capitals before them a size, a grade or a rating ("AA batteries", "AAA rating").
ORDINARY_AFTER = frozenset(
    {"battery", "batteries", "cell", "cells", "size", "sized", "rating", "rated", "grade", "grades"}
)
# In a sentence this shouty (most words in capitals, at least three of them) capitals mean nothing.
SHOUTING_SHARE = 0.6
SHOUTING_MIN_WORDS = 3


def _sentence_around(text: str, start: int, end: int) -> str:
    before = max((m.end() for m in _SENTENCE_EDGE.finditer(text, 0, start)), default=0)
    after = _SENTENCE_EDGE.search(text, end)
    return text[before : after.start() if after else len(text)]


def used_as_acronym(text: str, start: int, end: int) -> bool:
    """True when the capitals at ``text[start:end]`` stand for a name where they are."""
    words = _WORD.findall(_sentence_around(text, start, end))
    capitals = [w for w in words if w.isupper()]
    if len(capitals) >= SHOUTING_MIN_WORDS and len(capitals) >= SHOUTING_SHARE * len(words):
        return False
    following = _WORD.match(text[end:].lstrip(" -\u00a0"))
    return not (following and following.group(0).casefold() in ORDINARY_AFTER)


def acronym_hits_in_use(hits, text: str, token: re.Match):
    """``hits`` (the entities a token's acronym names) when the token is used as an acronym, else None."""
    if not hits or used_as_acronym(text, token.start(), token.end()):
        return hits
    return None
