"""The names search knows: words and transliteration keys of every entity name and other name.

Built once per version of the names (``newsroom.cache.version("names")``, bumped whenever a name
or alias changes) and kept in the process, so a search reads one version number instead of the
directory. It answers three questions without a query: is this word's key the key of a word of
some name (only then is the key added to the reader's query), which person does a run of words
spell ("Pir-Hossein Koulivand"), and which name words are one typo from a word of the query.
"""

import logging
import re
from collections import defaultdict
from dataclasses import dataclass

from organizations.models import Event, EventAlias, Organization, OrganizationAlias, Person, PersonAlias
from organizations.names import name_key

logger = logging.getLogger(__name__)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class NameIndex:
    #: Keys of name words that differ from the word ("pirhusain" for "Pirhossein").
    word_keys: frozenset[str]
    #: Every name word, lower-cased.
    words: frozenset[str]
    #: A person's name key (of the name or an other name) -> the person's recorded name.
    people: dict[str, str]
    #: A spelling with one letter left out -> the name words it comes from (for corrections).
    deletions: dict[str, list[str]]


def _build() -> NameIndex:
    from articles.spelling import MIN_WORD, deletions

    people: dict[str, str] = {}
    for key, name in PersonAlias.objects.values_list("name_key", "person__name"):
        people.setdefault(key, name)
    people.update(Person.objects.values_list("name_key", "name"))  # the recorded name wins a tie
    names = [
        *people.values(),
        *PersonAlias.objects.values_list("name", flat=True),
        *Organization.objects.values_list("name", flat=True),
        *OrganizationAlias.objects.values_list("name", flat=True),
        *Event.objects.values_list("name", flat=True),
        *EventAlias.objects.values_list("name", flat=True),
    ]
    words = {word.casefold() for name in names for word in _WORD.findall(name) if not word.isdigit()}
    word_keys = {key for word in words if (key := name_key(word)) and key != word}
    spelled: dict[str, list[str]] = defaultdict(list)
    for word in words:
        if len(word) >= MIN_WORD and word.isalpha():
            for variant in deletions(word):
                spelled[variant].append(word)
    people.pop("", None)
    return NameIndex(frozenset(word_keys), frozenset(words), people, dict(spelled))


_built: tuple[int, NameIndex] | None = None


def name_index() -> NameIndex:
    """The current names (rebuilt in this process when a name changed anywhere)."""
    global _built
    from newsroom.cache import version

    try:
        current = version("names")
    except Exception:  # the cache server is down: read the names for this request only
        logger.warning("No names version from the cache; reading the names for this search only.")
        return _build()
    if _built is None or _built[0] != current:
        _built = (current, _build())
    return _built[1]
