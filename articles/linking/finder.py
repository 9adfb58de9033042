"""Finding the people, organizations and events an article names, and linking them.

Names, aliases and acronyms of known entities are looked for in the headline, standfirst and
body, as whole words only. Full names match through :func:`organizations.names.name_key`, so
"Pirhoshein Kolivand" in a story finds the person recorded as "Pirhossein Kolivand", and
"Yar Ahmadi" finds "Yar-Ahmadi". Acronyms match case-sensitively and as a whole word: "ICRC" is
found in "the ICRC said" and in "ICRC-led", never in "ICRCs" nor in "Icrc".
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from articles.acronyms import acronym_hits_in_use
from articles.changes import content_changed
from articles.links import BY_KIND, ENTITY_LINKS
from articles.models import Article, LinkRole
from articles.text import plain_text
from organizations.models import Event, EventAlias, Organization, OrganizationAlias, Person, PersonAlias
from organizations.names import fold_word, is_acronym, name_key, normalize_name, spelling_key

KINDS = tuple(link.kind for link in ENTITY_LINKS)
# Shorter keys are too likely to be ordinary words ("Iran" as a one-word organization would be).
MIN_KEY_LENGTH = 4
MAX_WORDS = 10
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class LinkSuggestion:
    """An entity named in an article but not linked to it yet."""

    kind: str  # "person" | "organization" | "event"
    entity: object
    matched_text: str
    count: int
    #: The role the story's text gives it (see articles.linking.prominence), and why.
    role: str = "mentions"
    role_reason: str = ""


class EntityMatcher:
    """Every known name, alias and acronym, indexed for matching against article text.

    Build it once (five queries) and reuse it for many articles: ``manage.py link_entities``
    does that for the whole archive.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, set[tuple[str, int]]] = defaultdict(set)
        self.by_acronym: dict[str, set[tuple[str, int]]] = defaultdict(set)
        self.max_words = 1
        # People by the looser spelling key of each name (Rezaee / Rezaei, Jalal ed-Din /
        # Jalaleddin): for a speaker's full name the strict keys miss.
        self.person_spellings: dict[str, set[int]] = defaultdict(set)

    def add(self, kind: str, entity_id: int, name: str, *, honorifics: bool) -> None:
        name = (name or "").strip()
        if not name:
            return
        if is_acronym(name) and " " not in name:
            self.by_acronym[name.replace(".", "")].add((kind, entity_id))
            return
        words = normalize_name(name).split()
        # A one-word person's name ("Ali", a surname alone) names too many people to link.
        if kind == "person" and len(words) < 2:
            return
        key = name_key(name, honorifics=honorifics)
        if len(key) < MIN_KEY_LENGTH:
            return
        self.by_key[key].add((kind, entity_id))
        if kind == "person":
            self.person_spellings[spelling_key(name)].add(entity_id)
        self.max_words = min(MAX_WORDS, max(self.max_words, len(words)))

    @classmethod
    def build(cls) -> "EntityMatcher":
        matcher = cls()
        for pk, name in Person.objects.values_list("pk", "name"):
            matcher.add("person", pk, name, honorifics=True)
        for pk, name in PersonAlias.objects.values_list("person_id", "name"):
            matcher.add("person", pk, name, honorifics=True)
        for pk, name, acronym in Organization.objects.values_list("pk", "name", "acronym"):
            matcher.add("organization", pk, name, honorifics=False)
            if acronym:
                matcher.add("organization", pk, acronym, honorifics=False)
        for pk, name in OrganizationAlias.objects.values_list("organization_id", "name"):
            matcher.add("organization", pk, name, honorifics=False)
        for pk, name in Event.objects.values_list("pk", "name"):
            matcher.add("event", pk, name, honorifics=False)
        for pk, name in EventAlias.objects.values_list("event_id", "name"):
            matcher.add("event", pk, name, honorifics=False)
        return matcher

    @classmethod
    def current(cls) -> "EntityMatcher":
        """The matcher for the entities as they are now, rebuilt only when names changed.

        Building reads every name (a fraction of a second with ten thousand people); the change
        form of every article needs it, so it is kept per process and checked with one query.
        """
        global _cached
        signature = _names_signature()
        if _cached is None or _cached[0] != signature:
            _cached = (signature, cls.build())
        return _cached[1]

    def find(self, text: str) -> dict[tuple[str, int], tuple[str, int]]:
        """(kind, id) -> (first matched text, number of matches), longest names first, no overlaps."""
        found: dict[tuple[str, int], tuple[str, int]] = {}
        tokens = list(_WORD.finditer(text or ""))
        folded = [fold_word(normalize_name(t.group(0)).replace(" ", "")) for t in tokens]
        i = 0
        while i < len(tokens):
            matched = 0
            acronym_hits = acronym_hits_in_use(self.by_acronym.get(tokens[i].group(0)), text, tokens[i])
            for n in range(min(self.max_words, len(tokens) - i), 0, -1):
                hits = self.by_key.get("".join(folded[i : i + n]))
                if n == 1 and acronym_hits:
                    hits = (hits or set()) | acronym_hits
                if hits and tokens[i].group(0)[:1].islower():
                    # "said Mahmoudi" folds like "Saeed Mahmoodi": a person's name is capitalised.
                    hits = {hit for hit in hits if hit[0] != "person"}
                if hits:
                    surface = text[tokens[i].start() : tokens[i + n - 1].end()]
                    for hit in hits:
                        first, count = found.get(hit, (surface, 0))
                        found[hit] = (first, count + 1)
                    matched = n
                    break
            i += matched or 1
        return found


_cached: tuple[tuple, EntityMatcher] | None = None


def _names_signature() -> tuple:
    """Changes whenever a name, other name or acronym may have changed (edits bump updated_at)."""
    from django.db.models import Count, Max

    parts = []
    for model in (Person, Organization, Event, PersonAlias, OrganizationAlias, EventAlias):
        field = "updated_at" if hasattr(model, "updated_at") else "id"
        row = model.objects.aggregate(n=Count("id"), last=Max(field))
        parts.append((row["n"], row["last"]))
    return tuple(parts)


def article_text_parts(article: Article) -> list[str]:
    """The texts searched for names, kept apart so a name never runs across two of them."""
    return [article.headline or "", article.dek or "", plain_text(article.body or "")]


def linked_ids(article: Article) -> dict[str, set[int]]:
    """Entities already linked to the article, in any role."""
    return {
        link.kind: set(
            link.link_model.objects.filter(article=article).values_list(f"{link.field}_id", flat=True)
        )
        for link in ENTITY_LINKS
    }


def suggest_links(article: Article, matcher: EntityMatcher | None = None, story=None) -> list[LinkSuggestion]:
    """Known entities named in the article's headline, standfirst or body that are not linked yet.

    Each carries the role its prominence in the text gives it. ``story`` is a
    :class:`articles.linking.resolution.StoryEntities` already read for the article.
    """
    if story is None:
        from articles.linking.resolution import Directory, read_story

        story = read_story(article, Directory.current() if matcher is None else Directory(matcher))
    if not story.known:
        return []
    linked = linked_ids(article) if article.pk else {kind: set() for kind in KINDS}
    # Two records answering to one name (a duplicate pair): when either is linked, suggest neither.
    linked_keys = {
        (found.kind, name_key(surface, honorifics=found.kind == "person"))
        for found in story.known
        if found.entity.pk in linked[found.kind]
        for surface in found.surfaces or [found.name]
    }
    suggestions = []
    for found in story.known:
        if found.entity.pk in linked[found.kind]:
            continue
        surface = (found.surfaces or [found.name])[0]
        keys = {
            (found.kind, name_key(s, honorifics=found.kind == "person"))
            for s in found.surfaces or [found.name]
        }
        if keys & linked_keys:
            continue
        suggestions.append(
            LinkSuggestion(found.kind, found.entity, surface, found.count, found.role, found.role_reason)
        )
    suggestions.sort(key=lambda s: (KINDS.index(s.kind), -s.count, str(s.entity)))
    return suggestions


def apply_suggestions(
    article: Article, suggestions: list[LinkSuggestion], role: str | None = "mentions"
) -> int:
    """Link the suggested entities to the article with ``role`` (``None``: each suggestion's own role,
    from its prominence in the text); returns how many links were made."""
    if role is not None and role not in LinkRole.values:
        raise ValueError(f"Unknown role {role!r}; use one of {', '.join(LinkRole.values)}.")
    created = 0
    with transaction.atomic():
        for suggestion in suggestions:
            model, attr = BY_KIND[suggestion.kind].link_model, BY_KIND[suggestion.kind].field
            wanted = role or suggestion.role
            entity_role = wanted if (wanted != LinkRole.QUOTED or suggestion.kind == "person") else "mentions"
            if model.objects.filter(article=article, **{attr: suggestion.entity}).exists():
                continue
            model.objects.create(article=article, role=entity_role, **{attr: suggestion.entity})
            created += 1
        if created:
            content_changed(article_ids=[article.pk], reason="entities linked from their names in the text")
    return created
