"""Likely duplicate people and organizations, with a score and the reason a person can check.

Reasons, strongest first: the same normalized name (by name or alias, through
:func:`organizations.names.name_key`); a close spelling of the name (RapidFuzz's normalized
Indel similarity of the keys); and, as supporting evidence, the same affiliation (people) or the
same acronym or parent (organizations). The record with more article links is proposed to keep.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from rapidfuzz import fuzz, process

from organizations.models import Affiliation, Organization, OrganizationAlias, Person, PersonAlias
from organizations.names import fold_word, normalize_name, strip_honorifics

KINDS = {
    "person": (Person, PersonAlias, "person"),
    "organization": (Organization, OrganizationAlias, "organization"),
}
#: Keys at least this similar (0-100) are listed as a close spelling.
CLOSE_SPELLING = 88
#: With a shared affiliation, a looser spelling match is enough.
CLOSE_SPELLING_WITH_AFFILIATION = 80
#: Each word of a close spelling must be at least this similar (0-100) to its counterpart.
WORD_ALIKE = 75


@dataclass
class DuplicatePair:
    kind: str  # "person" | "organization"
    keep: object
    drop: object
    score: float  # 0..1
    reason: str


def find_duplicates(kind: str | None = None) -> list[DuplicatePair]:
    """Likely duplicates of one kind (``"person"``, ``"organization"``) or of both, best first."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"Unknown kind {kind!r}; use one of {', '.join(KINDS)}.")
    pairs: list[DuplicatePair] = []
    for name in [kind] if kind else list(KINDS):
        pairs.extend(_find(name))
    pairs.sort(key=lambda p: (-p.score, p.kind, str(p.keep), str(p.drop)))
    return pairs


def _find(kind: str) -> list[DuplicatePair]:
    model, alias_model, owner = KINDS[kind]
    names: dict[str, set[int]] = defaultdict(set)  # key -> entity ids
    labels: dict[tuple[int, str], str] = {}
    for pk, key, name in model.objects.values_list("pk", "name_key", "name"):
        if key:
            names[key].add(pk)
            labels.setdefault((pk, key), name)
    for pk, key, name in alias_model.objects.values_list(f"{owner}_id", "name_key", "name"):
        if key:
            names[key].add(pk)
            labels.setdefault((pk, key), name)

    found: dict[tuple[int, int], tuple[float, list[str]]] = {}

    def note(a: int, b: int, score: float, reason: str) -> None:
        pair = (min(a, b), max(a, b))
        best, reasons = found.get(pair, (0.0, []))
        if reason not in reasons:
            reasons.append(reason)
        found[pair] = (max(best, score), reasons)

    for key, ids in names.items():
        ordered = sorted(ids)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                note(a, b, 1.0, f"same normalized name (“{labels[(a, key)]}” / “{labels[(b, key)]}”)")

    keys = list(names)
    for i, key in enumerate(keys):
        close = process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=CLOSE_SPELLING_WITH_AFFILIATION, limit=None
        )
        for _other, similarity, j in close:
            if j <= i:
                continue
            for a in names[key]:
                for b in names[keys[j]]:
                    if a != b and words_alike(labels[(a, key)], labels[(b, keys[j])], kind):
                        note(
                            a,
                            b,
                            0.9 * similarity / 100,
                            f"close spelling (“{labels[(a, key)]}” / “{labels[(b, keys[j])]}”, "
                            f"{similarity:.0f}% alike)",
                        )

    if not found:
        return []
    shared = _shared_context(kind, {pk for pair in found for pk in pair})
    entities = model.objects.annotate(links=Count("article_links", distinct=True)).in_bulk(
        {pk for pair in found for pk in pair}
    )
    pairs = []
    for (a, b), (score, reasons) in found.items():
        common = shared.get(a, set()) & shared.get(b, set())
        if score < 0.9 * CLOSE_SPELLING / 100 and not common:
            continue
        if common:
            reasons.append(
                ("same affiliation" if kind == "person" else "same") + f" ({', '.join(sorted(common))})"
            )
            score = min(1.0, score + 0.05)
        keep, drop = sorted((entities[a], entities[b]), key=lambda e: (-e.links, e.pk))
        pairs.append(DuplicatePair(kind, keep, drop, round(score, 3), "; ".join(reasons)))
    return pairs


def words_alike(first: str, second: str, kind: str) -> bool:
    """Word by word, in order, every word is a spelling variant of the other's.

    "Kamran Jafarzadeh" / "Kamran Jafarzade" are alike; "Iranian Red Crescent" / "Iraqi Red
    Crescent" and "... Tehran Province Branch" / "... Kermanshah Province Branch" are not, however
    similar the whole strings look.
    """
    honorifics = kind == "person"
    words_a = [fold_word(w) for w in _words(first, honorifics)]
    words_b = [fold_word(w) for w in _words(second, honorifics)]
    if len(words_a) != len(words_b):
        return False
    return all(fuzz.ratio(a, b) >= WORD_ALIKE for a, b in zip(words_a, words_b, strict=True))


def _words(name: str, honorifics: bool) -> list[str]:
    words = normalize_name(name).split()
    return strip_honorifics(words) if honorifics else words


def _shared_context(kind: str, ids: set[int]) -> dict[int, set[str]]:
    """What a pair may have in common beyond the name: organizations (people), acronym or parent."""
    context: dict[int, set[str]] = defaultdict(set)
    if kind == "person":
        rows = Affiliation.objects.filter(person_id__in=ids).values_list(
            "person_id", "organization__acronym", "organization__name"
        )
        for pk, acronym, name in rows:
            context[pk].add(acronym or name)
    else:
        rows = Organization.objects.filter(pk__in=ids).values_list("pk", "acronym", "parent__name")
        for pk, acronym, parent in rows:
            if acronym:
                context[pk].add(f"acronym {acronym}")
            if parent:
                context[pk].add(f"part of {parent}")
    return context


def likely_duplicate(kind: str, first, second) -> bool:
    """Whether two records of a kind look like one entity written twice (a pair to merge).

    Stricter than :func:`find_duplicates`' listing: their names or other names must be the same
    name or a spelling variant of each other (:func:`organizations.names.spelling_variant`), so
    two different people with close names (Zare / Zarei) are not taken for a pair.
    """
    from organizations.names import spelling_variant

    if first is None or second is None or first.pk == second.pk or kind not in KINDS:
        return False
    honorifics = kind == "person"

    def names(entity) -> list[str]:
        return [entity.name, *entity.aliases.values_list("name", flat=True)]

    return any(spelling_variant(a, b, honorifics=honorifics) for a in names(first) for b in names(second))
