"""Body HTML cleaning: a fixed allow-list applied on every save, whatever was pasted or imported."""

import difflib
import re
from collections import Counter
from html.parser import HTMLParser

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "a", "figure", "figcaption", "img", "cite", "q", "code",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes"},
    "blockquote": {"cite"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_body(html: str) -> str:
    """Return ``html`` with every tag, attribute and URL outside the allow-list removed."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


class _VisibleText(HTMLParser):
    """The words a reader would see in a fragment: text outside scripts, styles and comments."""

    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


_WORD = re.compile(r"\w+", re.UNICODE)


def _words(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html or "")
    parser.close()
    return _WORD.findall(" ".join(parser.parts).casefold())


def text_lost_by_cleaning(html: str) -> str:
    """The words an editor wrote that :func:`clean_body` would drop (empty when none).

    Unusual markup can make the sanitizer read the rest of a body as part of a tag it removes
    (``<form><math>…<style>``): the text would silently disappear. Tags, scripts and styles going
    away is expected; words going away is not. The lost runs of words are shown in order.
    """
    before, after = _words(html), _words(clean_body(html))
    if not Counter(before) - Counter(after):
        return ""
    runs = [
        " ".join(before[i1:i2])
        for op, i1, i2, _j1, _j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
        if op in ("delete", "replace")
    ]
    return " … ".join(runs)


def validate_body_keeps_text(html: str) -> None:
    """Refuse a body whose cleaning would drop written text, showing what would be removed."""
    lost = text_lost_by_cleaning(html)
    if lost:
        excerpt = lost if len(lost) <= 200 else lost[:200].rsplit(" ", 1)[0] + "…"
        raise ValidationError(
            _(
                "Cleaning the text's HTML would remove these words: “%(words)s”. Unusual markup "
                "(such as <math>, <form> or <style>) around them confuses the cleaner; "
                "remove that markup and save again."
            )
            % {"words": excerpt},
            code="text_lost",
        )


def clean_body_or_refuse(html: str) -> str:
    """The editor's cleaner: :func:`clean_body`, after refusing a body it would cut short."""
    validate_body_keeps_text(html)
    return clean_body(html)
