"""The readable text of stored HTML: for diffs, summaries, word counts and search."""

import re
from html import unescape

from django.utils.html import strip_tags


def plain_text(html: str) -> str:
    """The readable text of an HTML fragment, with block boundaries kept as spaces."""
    spaced = re.sub(r"<(?:/p|br\s*/?|/h[1-6]|/li|/blockquote)>", " ", html or "", flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", unescape(strip_tags(spaced))).strip()
