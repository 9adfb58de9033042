"""Text in another language than the page's: its ``lang`` and its direction (``dir``).

A Persian alias, quote or story carries ``lang="fa" dir="rtl"``; text of unknown language gets
``dir="auto"`` so the browser takes the direction from the text itself. On an inline element a
``dir`` attribute also isolates the text (``unicode-bidi: isolate``), so a Persian name inside an
English sentence never reorders the punctuation around it.
"""

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info


def is_right_to_left(code: str) -> bool:
    """Django's own table of languages says which are written right to left (fa, ar, he, ur...)."""
    try:
        return bool(get_language_info(code)["bidi"])
    except KeyError:
        return False


def language_attributes(code: str | None, page_language: str | None = None) -> SafeString:
    """`` lang="fa" dir="rtl"`` for text in ``code``; nothing for text in the page's own language;
    `` dir="auto"`` when the language is not known."""
    code = (code or "").strip()
    page = (page_language or settings.LANGUAGE_CODE).split("-")[0].lower()
    if not code:
        return SafeString(' dir="auto"')
    if code.split("-")[0].lower() == page:
        return SafeString("")
    return format_html(' lang="{}" dir="{}"', code, "rtl" if is_right_to_left(code) else "ltr")
