"""Name normalization: one place that decides when two written names are the same name."""

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces: "Yar-Ahmadi, Dr." -> "yar ahmadi dr"."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = _PUNCTUATION.sub(" ", without_marks.casefold())
    return _SPACES.sub(" ", cleaned).strip()
