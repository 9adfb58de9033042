"""Where a name is filed in an A–Z index: a person's surname first, the letter an entry goes under.

:func:`person_sort_name` is the rule that fills ``Person.sort_name`` when an editor leaves it
empty ("Pirhossein Kolivand" -> "Kolivand, Pirhossein"); an editor overrides it for the names a
rule cannot know (a compound surname written with a space, such as "Hashemi Rafsanjani").
:func:`index_letter` and :func:`letter_forms` decide the letter: "Özdemir" goes under O.
"""

import re
import unicodedata
from functools import cache

from organizations.names import HONORIFICS, SUFFIXES, normalize_name

#: Words that belong to the surname after them: "Abu Ghaith", "bin Salman", "de Mistura".
_PARTICLES = """
    abu abou abul abol bin ben ibn bint ould van von de del della der den di da du dos das le la
    ter ten
"""
SURNAME_PARTICLES = frozenset(_PARTICLES.split())
#: The Arabic article. Part of the surname as written ("al-Hussein"), but not filed on: the
#: surname is filed under its next word, the article kept at the end ("Hussein, Ali al-").
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})
#: Persian surname endings sometimes written as a word of their own: "Ahmadi Nejad", "Ghazi Zadeh".
_ENDINGS = "zadeh zade zadegan pour poor nejad nezhad nia far fard rad manesh panah khah doust dust"
SURNAME_ENDINGS = frozenset(_ENDINGS.split())
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_HYPHENATED_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an)[-‐‑’'](?=\w)", re.IGNORECASE)


def _plain(word: str) -> str:
    return normalize_name(word)


def person_sort_name(name: str) -> str:
    """The name as an A–Z index files it, surname first: "Dr. Leila Moradi" -> "Moradi, Leila".

    Titles and ranks are left out, a suffix such as "Jr." goes last, a name already written
    "Surname, Given" is kept, and a one-word name stays as it is.
    """
    name = " ".join((name or "").split())
    if "," in name:
        return name
    words = name.split(" ")
    start = 0
    while start < len(words) - 1 and _plain(words[start]) in HONORIFICS:
        start += 1
    end = len(words)
    while end - 1 > start and _plain(words[end - 1]) in SUFFIXES:
        end -= 1
    suffix, words = words[end:], words[start:end]
    if not words:
        return name
    # The surname is the last word, with the particles and separately written endings that
    # belong to it; at least one word is left for the given names.
    first = len(words) - 1
    joining = SURNAME_PARTICLES | ARABIC_ARTICLES
    while first > 1 and (_plain(words[first]) in SURNAME_ENDINGS or _plain(words[first - 1]) in joining):
        first -= 1
    surname, given = words[first:], words[:first]
    article = ""
    if len(surname) > 1 and _plain(surname[0]) in ARABIC_ARTICLES:
        article, surname = surname[0], surname[1:]
    elif (match := _HYPHENATED_ARTICLE.match(surname[0])) and len(surname[0]) > match.end() + 1:
        article = surname[0][: match.end()]
        surname = [surname[0][match.end() :], *surname[1:]]
    parts = [" ".join(surname)]
    rest = " ".join([*given, article] if article else given)
    if rest:
        parts.append(rest)
    if suffix:
        parts.append(" ".join(suffix))
    # A name in Arabic script is filed with the Arabic comma its readers write.
    return ("، " if _ARABIC_SCRIPT.search(name) else ", ").join(parts)


#: The letters of an A–Z index; everything else (digits, other scripts) is under "#".
LETTERS = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]
OTHER = "#"


def _base_letter(char: str) -> str:
    """ "O" for "Ö", "Ó" or "o"; "" for a character that is no Latin letter."""
    base = unicodedata.normalize("NFKD", char)[:1].upper()
    return base if "A" <= base <= "Z" else ""


def index_letter(text: str) -> str:
    """The letter an entry filed as ``text`` goes under: "Özdemir, Ayşe" -> "O", "کولیوند" -> "#"."""
    return _base_letter(text.strip()[:1]) or OTHER


@cache
def letter_forms() -> dict[str, tuple[str, ...]]:
    """Every upper-case first character an entry under each letter may start with (Latin letters
    with accents included), for a filter the database can answer: {"O": ("O", "Ò", "Ó", ...)}."""
    forms: dict[str, list[str]] = {letter: [letter] for letter in LETTERS if letter != OTHER}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        upper = char.upper()
        if len(upper) == 1 and upper == char and (letter := _base_letter(char)) and char not in forms[letter]:
            forms[letter].append(char)
    return {letter: tuple(chars) for letter, chars in forms.items()}
