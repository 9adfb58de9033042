"""The names search knows: words and transliteration keys of every entity name and other name.

Built once per version of the names (``newsroom.cache.version("names")``, bumped whenever a name
or alias changes) and kept in the process, so a search reads one version number instead of the
directory. It answers three questions without a query: is this word's key the key of a word of
some name (only then is the key added to the reader's query), which person does a run of words
spell ("Pir-Hossein Koulivand"), and which name words are one typo from a word of the query.
"""

import bisect
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from organizations.models import Event, EventAlias, Organization, OrganizationAlias, Person, PersonAlias
from organizations.names import name_key

logger = logging.getLogger(__name__)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class EntityNames:
    """The searchable names of one kind of entity, as one text each, for substring search in memory."""

    ids: list[int] = field(default_factory=list)
    sort_names: list[str] = field(default_factory=list)
    #: Each entity's names and other names, lower-cased, one entity a line.
    text: str = ""
    #: Each entity's name keys (of its name and other names), one entity a line.
    keys: str = ""
    #: Where each entity's line starts in ``text`` and in ``keys``.
    text_starts: list[int] = field(default_factory=list)
    key_starts: list[int] = field(default_factory=list)
    #: Acronym, lower-cased -> entity positions.
    acronyms: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, rows: list[tuple[int, str, list[str], list[str], str]]) -> "EntityNames":
        """``rows``: (id, name, every name and other name, their keys, acronym)."""
        found = cls()
        texts, keys, acronyms = [], [], defaultdict(set)
        text_at = key_at = 0
        for position, (pk, name, names, name_keys, acronym) in enumerate(sorted(rows, key=lambda r: r[1])):
            found.ids.append(pk)
            found.sort_names.append(name)
            line = "\t".join(n.casefold() for n in names)
            key_line = "\t".join(k for k in name_keys if k)
            found.text_starts.append(text_at)
            found.key_starts.append(key_at)
            texts.append(line)
            keys.append(key_line)
            text_at += len(line) + 1
            key_at += len(key_line) + 1
            if acronym:
                acronyms[acronym.casefold()].add(position)
        found.text, found.keys, found.acronyms = "\n".join(texts), "\n".join(keys), dict(acronyms)
        return found

    @staticmethod
    def _containing(haystack: str, starts: list[int], needle: str) -> set[int]:
        positions, at = set(), haystack.find(needle)
        while at != -1:
            positions.add(bisect.bisect_right(starts, at) - 1)
            at = haystack.find(needle, at + 1)
        return positions

    def matching(self, words: list[str], keys: list[str | None], limit: int) -> list[int]:
        """Ids of the first ``limit`` entities (by name) whose names contain every word (or its key,
        where one is given, or which has the word as its acronym)."""
        chosen: set[int] | None = None
        for word, key in zip(words, keys, strict=True):
            positions = self._containing(self.text, self.text_starts, word.casefold())
            positions |= self.acronyms.get(word.casefold(), set())
            if key:
                positions |= self._containing(self.keys, self.key_starts, key)
            chosen = positions if chosen is None else chosen & positions
            if not chosen:
                return []
        return [self.ids[position] for position in sorted(chosen or ())[:limit]]


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
    #: "person", "organization", "event" -> their names, for the entities listed above results.
    entities: dict[str, EntityNames]


def _build() -> NameIndex:
    from articles.spelling import MIN_WORD, deletions

    aliases: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for kind, alias_model, owner in (
        ("person", PersonAlias, "person_id"),
        ("organization", OrganizationAlias, "organization_id"),
        ("event", EventAlias, "event_id"),
    ):
        key_field = "name_key" if kind != "event" else "name"
        for owner_id, name, key in alias_model.objects.values_list(owner, "name", key_field):
            aliases[kind, owner_id].append((name, key if kind != "event" else ""))
    rows: dict[str, list] = {}
    rows["person"] = [
        (
            pk,
            name,
            [name, *(a for a, _ in aliases["person", pk])],
            [key, *(k for _, k in aliases["person", pk])],
            "",
        )
        for pk, name, key in Person.objects.values_list("pk", "name", "name_key")
    ]
    rows["organization"] = [
        (
            pk,
            name,
            [name, *(a for a, _ in aliases["organization", pk])],
            [key, *(k for _, k in aliases["organization", pk])],
            acronym,
        )
        for pk, name, key, acronym in Organization.objects.values_list("pk", "name", "name_key", "acronym")
    ]
    # Events are matched by the words of their names only, not by keys (as before).
    rows["event"] = [
        (pk, name, [name, *(a for a, _ in aliases["event", pk])], [], "")
        for pk, name in Event.objects.values_list("pk", "name")
    ]
    people: dict[str, str] = {}
    for _pk, name, _names, keys, _ in rows["person"]:
        for key in keys[1:]:
            people.setdefault(key, name)
    people.update((keys[0], name) for _, name, _, keys, _ in rows["person"])  # the recorded name wins
    people.pop("", None)
    words = {
        word.casefold()
        for kind_rows in rows.values()
        for _, _, names, _, _ in kind_rows
        for name in names
        for word in _WORD.findall(name)
        if not word.isdigit()
    }
    word_keys = {key for word in words if (key := name_key(word)) and key != word}
    spelled: dict[str, list[str]] = defaultdict(list)
    for word in words:
        if len(word) >= MIN_WORD and word.isalpha():
            for variant in deletions(word):
                spelled[variant].append(word)
    entities = {kind: EntityNames.build(kind_rows) for kind, kind_rows in rows.items()}
    return NameIndex(frozenset(word_keys), frozenset(words), people, dict(spelled), entities)


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
