"""Article text: plain text from HTML, word counts, summaries, standfirsts and stub detection.

``stub_reason`` is the one rule for "this is a placeholder, not a story": the publish gate,
the public visibility rule (through ``Article.is_stub``) and the content audit all use it.

A placeholder is text that says of *itself* that it is unfinished ("This article will be expanded
soon…", "…will be expanded with more detailed information shortly…"), filler ("lorem ipsum",
"content goes here") or the newsroom's "TK" mark. Words that merely occur in a story ("the report
will be published later this month", a film called "Coming Soon", "a placeholder name") are not.
A page whose sentences are mostly such self-descriptions, however many times repeated, is a stub
because what is left of it is too thin: the word count ignores the placeholder sentences.
"""

import re

from django.conf import settings
from django.utils.text import Truncator

from newsroom.html_text import plain_text

# The text itself, the article, story, page or post: the subject of a self-description.
_SELF = r"(?:this|the)\s+(?:article|story|page|post|entry|report|piece|section|content|text)"
_LATER = r"(?:soon|shortly|later|in the (?:near |coming )?(?:future|days|hours))"
PLACEHOLDER_PATTERNS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # "This article will be expanded soon", "The story will be completed shortly".
        rf"\b{_SELF}\s+(?:will|is going to)\s+be\s+(?:expanded|completed|written|finished|filled in)\b",
        # "…will be expanded with more detailed information shortly…": more of *this* text to come.
        rf"\bwill\s+be\s+(?:expanded|updated|completed)\s+with\s+(?:more|further|additional)\s+"
        rf"(?:detailed\s+)?(?:information|details|content|text)\b(?:[^.!?]{{0,40}}\b{_LATER})?",
        rf"\b(?:more\s+)?(?:details|information|content)\s+(?:will\s+be\s+added|to\s+(?:come|follow))\s+{_LATER}\b",
        rf"\b{_SELF}\s+is\s+(?:being|still being|under)\s+(?:written|construction|development|preparation)\b",
        r"\blorem ipsum\b",
        r"\b(?:content|text)\s+(?:goes|will go)\s+here\b",
        r"\[\s*(?:placeholder|to come|tbd|insert [^\]]{1,40})\s*\]",
    )
]
# One pass over the text first: most stories match none of the patterns (5x faster on an import).
ANY_PLACEHOLDER = re.compile("|".join(f"(?:{p.pattern})" for p in PLACEHOLDER_PATTERNS), re.IGNORECASE)
# A sentence that is nothing but a placeholder label ("Coming soon.", "Placeholder text.").
LABEL_SENTENCE = re.compile(
    r"^\W*(?:coming soon|placeholder(?: text)?|to be (?:expanded|updated|completed|written)|tbd|tba"
    r"|under construction|more soon|details to follow)\W*$",
    re.IGNORECASE,
)
# "TK" is the newsroom mark for "to come"; upper-case only, so "tk" in a word never counts.
TK_PATTERN = re.compile(r"(?<![A-Za-z])TKTK|(?<![A-Za-z])TK(?![A-Za-z])")
# A sentence ends at . ! ? … followed by a space and a capital or a quote; "Dr." and "U.N." do not.
_ABBREVIATIONS = r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<!\bNo)(?<!\bProf)(?<!\bGen)(?<!\b[A-Z])"
SENTENCE_END = re.compile(rf"{_ABBREVIATIONS}[.!?…]+[”\"’)]?(?=\s+[“\"‘(]?[A-Z0-9])")
DEK_WORDS = 35
DEK_MIN_WORDS = 12


def word_count(html: str) -> int:
    return len(plain_text(html).split())


def summarize(html: str, words: int = 40) -> str:
    """A summary cut at a word boundary, with an ellipsis when cut."""
    return Truncator(plain_text(html)).words(words, truncate="…")


_BLOCK = re.compile(r"<(p|h[1-6]|li)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)


def blocks(html: str) -> list[tuple[str, str]]:
    """The paragraphs, headings and list items of a body as (tag, plain text), in order.

    A body typed without any block tags is read as paragraphs separated by line breaks.
    """
    found = [(m.group(1).lower(), plain_text(m.group(2))) for m in _BLOCK.finditer(html or "")]
    if not found and (html or "").strip():
        found = [("p", plain_text(line)) for line in re.split(r"\n|<br\s*/?>", html) if line.strip()]
    return [(tag, text) for tag, text in found if text]


def sentences(text: str) -> list[str]:
    """The sentences of a plain text, split at full stops that end a sentence."""
    parts, start = [], 0
    for match in SENTENCE_END.finditer(text):
        parts.append(text[start : match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def stub_reason(body_html: str) -> str | None:
    """Why this body is a stub (placeholder text or too few words), or None when it is a story."""
    text = plain_text(body_html)
    if ANY_PLACEHOLDER.search(text):
        for pattern in PLACEHOLDER_PATTERNS:
            match = pattern.search(text)
            if match:
                return f'The text contains placeholder wording ("{match.group(0)}").'
    if TK_PATTERN.search(text):
        return 'The text contains "TK", the mark for material still to come.'
    minimum = settings.NEWSROOM_STUB_MIN_WORDS
    labels = [s for s in sentences(text) if LABEL_SENTENCE.match(s)]
    count = len(text.split()) - sum(len(s.split()) for s in labels)
    if count < minimum and labels:
        return f'The text contains placeholder wording ("{labels[0]}") and {count} words of story.'
    if count < minimum:
        return f"The text has {count} words; a story needs at least {minimum}."
    return None


# A dateline before the lead ("TABRIZ – ", "Tehran, IRNA –"): place names, not the standfirst.
_DATELINE = re.compile(r"^[A-Z][\w'’ .]{1,40}(?:,\s*\(?[A-Z]{2,10}\)?)?\s*[–—-]{1,2}\s+(?=\S)")
# A credit clause at the end of a sentence: ", as reported by IRNA." reads badly under a headline.
_CREDIT_TAIL = re.compile(
    r",?\s+(?:as\s+(?:first\s+)?reported\s+by|according\s+to)\s+[^,;]{1,60}(?=[.!?]?$)"
    r"|,\s+(?:the\s+)?[A-Z][\w'’\- ]{1,40}?\s+reported(?=[.!?]?$)"
)


def derive_dek(body_html: str, *, words: int = DEK_WORDS) -> str:
    """A standfirst made from the lead: its first sentence (two when the first is short), without the
    dateline, cut at a word boundary with an ellipsis when longer than ``words``."""
    lead = next((text for tag, text in blocks(body_html) if tag == "p"), "")
    lead = _DATELINE.sub("", lead)
    chosen: list[str] = []
    for sentence in sentences(lead):
        chosen.append(_CREDIT_TAIL.sub("", sentence.rstrip(".")).strip() + ".")
        if sum(len(s.split()) for s in chosen) >= DEK_MIN_WORDS:
            break
    dek = " ".join(chosen)
    if dek:
        dek = dek[0].upper() + dek[1:]
    return Truncator(dek).words(words, truncate="…")
