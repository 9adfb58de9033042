"""From the names a story gives to records: the known entity each one is, or a proposal for a new one.

- A name the directory has (its name, an other name or the acronym) is that record.
- A variant spelling (Rezaee / Rezaei, a typo in a long word) is the record it is a variant of,
  unless what the text says about the person contradicts it: a title at another organization
  when the record's affiliations are elsewhere. Two records a spelling fits equally are left
  alone rather than guessed. Zare and Zarei are never variants of each other.
- "Rostami said" is the Rostami the story introduced, the nearest one before it.
- An acronym is the organization the story spelt out with it, or the directory's.
- Two records of a likely-duplicate pair are never both linked to one story.
- Everything else the text introduces as a person, an organization or an event is a proposal.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from rapidfuzz import fuzz, process

from articles.linking.discovery import (
    GENERIC_WORDS,
    LOWER_BODY_HEADS,
    NOT_NAMES,
    ORG_HEADS,
    Mention,
    Sentence,
    dateline_country,
    read_mentions,
    story_sentences,
)
from articles.linking.finder import EntityMatcher
from organizations.duplicates import likely_duplicate
from organizations.models import Affiliation, Event, Organization, OrganizationAlias, Person, PersonAlias
from organizations.names import (
    is_acronym,
    loose_word,
    name_key,
    name_words,
    normalize_name,
    spelling_key,
    spelling_variant,
)
from organizations.places import is_place

#: Below this confidence a name is not proposed at all (a capitalised pair with no other sign).
PROPOSE_AT = 0.5
#: ``--new`` creates records only from proposals at least this sure.
CREATE_AT = 0.7


@dataclass
class Found:
    """One entity a story names, known or proposed, with everything prominence needs."""

    kind: str  # "person" | "organization" | "event"
    name: str
    entity: object | None = None  # the known record; None for a proposal
    reason: str = "name"  # how it was recognised
    surfaces: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    speaker: bool = False
    title: str = ""
    organization: str = ""
    organization_entity: Organization | None = None
    acronym: str = ""
    confidence: float = 1.0
    evidence: list[str] = field(default_factory=list)
    event_kind: str = ""
    event_date: date | None = None
    place: str = ""
    role: str = "mentions"
    role_reason: str = ""
    #: Full forms the story writes it in ("veterinary department of Gilan" for "Gilan veterinary
    #: department"): kept as other names of the record an accepted proposal becomes.
    forms: list[str] = field(default_factory=list)

    def written_as(self, mention) -> None:
        """Note the form a name-level mention writes it in (not a surname, an acronym or a short form)."""
        forms = [mention.name]
        text = re.sub(r"^(?:the|The)\s+", "", mention.text.strip())
        differs = normalize_name(mention.name) != normalize_name(text) and text[:1].islower()
        noun_after = "a body's noun after the name" in mention.evidence  # "the Mehr-e Ayandeh charity"
        if normalize_name(mention.name) not in normalize_name(mention.text) or differs or noun_after:
            # A name the text writes otherwise ("veterinary department of Gilan"), or a lower-case
            # form with more words ("governorate of Markazi province"): its words too.
            forms.append(text)
        for form in forms:
            if form and form not in self.forms:
                self.forms.append(form)

    @property
    def count(self) -> int:
        return len(self.sentences)

    @property
    def sentence(self) -> str:
        """The sentence that introduced it (for a proposal, the one an editor checks)."""
        body = [s for s in self.sentences if s.part != "headline"]
        return (body or self.sentences or [Sentence("", "body", 0, 0)])[0].text

    @property
    def key(self) -> str:
        return name_key(self.name, honorifics=self.kind == "person")

    def add(self, mention_or_sentence, surface: str = "") -> None:
        sentence = (
            mention_or_sentence if isinstance(mention_or_sentence, Sentence) else mention_or_sentence.sentence
        )
        if surface:
            self.surfaces.append(surface)
        if all(s.index != sentence.index for s in self.sentences):
            self.sentences.append(sentence)
            self.sentences.sort(key=lambda s: s.index)


@dataclass
class StoryEntities:
    """What one story names: known records (with the role their prominence gives) and proposals."""

    known: list[Found]
    proposals: list[Found]
    ambiguous: list[tuple[str, list[object]]] = field(default_factory=list)


class Directory:
    """The known people, organizations and events, indexed for resolving a story's names.

    Built once per run (a few queries); the exact-name index is :class:`EntityMatcher`'s.
    """

    def __init__(self, matcher: EntityMatcher | None = None) -> None:
        self.matcher = matcher or EntityMatcher.build()
        self.people: dict[int, str] = dict(Person.objects.values_list("pk", "name"))
        #: What each person's page says they are (their bio's words), for a title the story writes.
        self.bios: dict[int, set[str]] = {
            pk: set(normalize_name(bio).split()) for pk, bio in Person.objects.values_list("pk", "bio") if bio
        }
        self.person_names: dict[int, list[str]] = defaultdict(list)
        for pk, name in self.people.items():
            self.person_names[pk].append(name)
        for pk, name in PersonAlias.objects.values_list("person_id", "name"):
            self.person_names[pk].append(name)
        self.organizations = {
            pk: (name, acronym, parent)
            for pk, name, acronym, parent in Organization.objects.values_list(
                "pk", "name", "acronym", "parent_id"
            )
        }
        self.countries: dict[int, str] = dict(Organization.objects.values_list("pk", "country"))
        self.organization_names: dict[int, list[str]] = defaultdict(list)
        for pk, (name, _acronym, _parent) in self.organizations.items():
            self.organization_names[pk].append(name)
        for pk, name in OrganizationAlias.objects.values_list("organization_id", "name"):
            self.organization_names[pk].append(name)
        self.affiliations: dict[int, set[int]] = defaultdict(set)
        self.titles: dict[int, list[str]] = defaultdict(list)
        for person_id, org_id, title in Affiliation.objects.values_list(
            "person_id", "organization_id", "title"
        ):
            self.affiliations[person_id].add(org_id)
            if title:
                self.titles[person_id].append(title)
        self.loose: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.surnames: dict[str, set[int]] = defaultdict(set)
        for pk, names in self.person_names.items():
            for name in names:
                self.loose[("person", spelling_key(name))].add(pk)
                words = name_words(name)
                if len(words) >= 2:
                    self.surnames[loose_word(words[-1])].add(pk)
        self.organization_words: list[tuple[int, list[str]]] = []
        for pk, names in self.organization_names.items():
            for name in names:
                self.loose[("organization", spelling_key(name, honorifics=False))].add(pk)
                raw = name_words(name, honorifics=False)
                self.organization_words.append((pk, [loose_word(w) for w in raw], raw))
        # The word that is a body's own noun, not a common one ("judiciary" of "Judiciary of the
        # Islamic Republic of Iran", "railways" of "Islamic Republic of Iran Railways").
        self.head_words: dict[str, set[int]] = defaultdict(set)
        for pk, (name, _acronym, _parent) in self.organizations.items():
            raw = name.split()
            plain = [normalize_name(w) for w in raw]
            # Its first word before "of", or its last after a country ("… of Iran Railways").
            ends = [plain[0]] if len(plain) > 2 and plain[1] == "of" else []
            if len(raw) >= 2 and is_place(raw[-2]):
                ends.append(plain[-1])
            for word in ends:
                # A local body's noun ("governorate", "municipality") names one in every place.
                common = word in ORG_HEADS | GENERIC_WORDS | NOT_NAMES | LOWER_BODY_HEADS or is_place(word)
                if word.isalpha() and not common:
                    self.head_words[word].add(pk)
        self.person_keys = [
            (spelling_key(n), pk, n) for pk, names in self.person_names.items() for n in names
        ]
        self.events = list(Event.objects.all())
        self.event_aliases: dict[int, list[str]] = defaultdict(list)
        alias_model = _event_alias_model()
        if alias_model is not None:
            for pk, name in alias_model.objects.values_list("event_id", "name"):
                self.event_aliases[pk].append(name)

    @classmethod
    def current(cls) -> "Directory":
        """The directory as it is now, rebuilt only when a name changed (see EntityMatcher.current)."""
        global _cached
        matcher = EntityMatcher.current()
        if _cached is None or _cached[0] is not matcher or _cached[2] != _affiliations_signature():
            _cached = (matcher, cls(matcher), _affiliations_signature())
        return _cached[1]

    def related_organizations(self, org_ids: set[int]) -> set[int]:
        """The organizations and their parents and children: a branch is part of its society."""
        out = set(org_ids)
        for pk, (_name, _acronym, parent) in self.organizations.items():
            if parent in org_ids:
                out.add(pk)
            if pk in org_ids and parent:
                out.add(parent)
        return out


_cached: tuple | None = None


def _affiliations_signature() -> tuple:
    from django.db.models import Count, Max

    row = Affiliation.objects.aggregate(n=Count("id"), last=Max("id"))
    return (row["n"], row["last"])


def _event_alias_model():
    from django.apps import apps

    try:
        return apps.get_model("organizations", "EventAlias")
    except LookupError:
        return None


def read_story(article, directory: Directory | None = None) -> StoryEntities:
    """The entities the article's headline, standfirst and body name: known ones and proposals."""
    from articles.linking.prominence import assign_roles

    directory = directory or Directory()
    sentences = story_sentences(article.headline or "", article.dek or "", article.body or "")
    found: dict[tuple[str, object], Found] = {}
    entities = _load_entities(directory)

    def known(kind: str, pk: int, sentence: Sentence, surface: str, reason: str = "name") -> Found:
        item = found.get((kind, pk))
        if item is None:
            entity = entities[kind].get(pk)
            if entity is None:
                return None
            item = found[(kind, pk)] = Found(kind, str(entity), entity=entity, reason=reason)
        item.add(sentence, surface)
        return item

    # 1. The directory's names, other names and acronyms, sentence by sentence.
    known_spans: dict[int, list[tuple[int, int, str, int]]] = defaultdict(list)
    for sentence in sentences:
        for (kind, pk), (surface, _count) in directory.matcher.find(sentence.text).items():
            known(kind, pk, sentence, surface)
            at = sentence.text.find(surface)
            if at >= 0:
                known_spans[sentence.index].append((at, at + len(surface), kind, pk))

    def inside_known(mention: Mention) -> bool:
        """A piece of a known name ("International Federation of Red Cross" inside the IFRC's)."""
        end = mention.start + len(mention.text)
        return any(
            lo <= mention.start and end <= hi and (hi - lo) > len(mention.text)
            for lo, hi, _kind, _pk in known_spans[mention.sentence.index]
        )

    # 1b. A known body by the one word the story calls it in lower case ("the judiciary", "the
    # railways"), or a ministry by its subject ("the energy ministry" is the Ministry of Energy).
    for sentence in sentences:
        for pk, surface in _known_in_lower_case(sentence.text, directory):
            known("organization", pk, sentence, surface, "lower-case short form")

    # 2. What the text introduces, in reading order.
    mentions = read_mentions(sentences)
    country = dateline_country(sentences)
    proposals: dict[tuple[str, str], Found] = {}
    ambiguous: list[tuple[str, list[object]]] = []
    by_acronym: dict[str, Found] = {}
    org_of_mention: dict[int, Found] = {}
    article_orgs = {pk for (kind, pk) in found if kind == "organization"}

    mentions = [m for m in mentions if m.kind in {"surname", "acronym"} or not inside_known(m)]
    # Bodies read from "the provincial …" last: the story may spell them out in full later.
    lower = [m for m in mentions if m.kind == "organization" and (_of_the_province(m) or _of_a_place(m))]
    for mention in [m for m in mentions if m.kind == "organization" and m not in lower] + lower:
        item = _resolve_organization(
            mention,
            directory,
            known,
            proposals,
            {pk for (kind, pk) in found if kind == "organization"},
            country,
        )
        org_of_mention[id(mention)] = item
        if item is not None and mention.acronym:
            by_acronym[mention.acronym] = item
            if item.entity is None:
                item.acronym = mention.acronym
    known_acronyms = {a for a, hits in directory.matcher.by_acronym.items() if hits}
    for mention in (m for m in mentions if m.kind == "acronym"):
        item = by_acronym.get(mention.name)
        if item is None and mention.name not in known_acronyms:
            item = _acronym_of_proposal(mention.name, proposals)
            if item is not None:  # "the National Disaster Management Organization … NDMO said"
                by_acronym[mention.name] = item
                item.acronym = item.acronym or mention.name
            elif mention.confidence >= PROPOSE_AT + 0.1:
                # "MAHAK, a charity for children with cancer", "the cyber police, FATA,", "FATA
                # said": an acronym the story introduces as a body is the body's name.
                item = by_acronym[mention.name] = proposals[("organization", mention.name)] = Found(
                    "organization",
                    mention.name,
                    confidence=mention.confidence,
                    evidence=list(mention.evidence),
                    acronym=mention.name,
                )
        if item is not None and item.entity is None:
            item.add(mention, mention.text)
    article_orgs |= {pk for (kind, pk) in found if kind == "organization"}

    people_in_order: list[tuple[int, Found]] = []  # (sentence index, person) as introduced
    story_words = {w for sentence in sentences for w in normalize_name(sentence.text).split()}
    for (kind, _pk), item in found.items():
        if kind == "person":
            people_in_order.append((item.sentences[0].index, item))
    for mention in mentions:
        if mention.kind == "person" and "known first name" in mention.evidence and len(mention.evidence) == 1:
            # "Sahand Pipe" after "the Sahand Pipe Company": a body's name without its noun, when
            # nothing else says it is a person.
            body = _body_begun_by(mention.name, [*found.values(), *proposals.values()])
            if body is not None:
                body.add(mention, mention.text)
                continue
        if mention.kind == "person" and (longer := _named_in_full_before(mention, people_in_order)):
            # "Mohammadzadeh Bonab told …" after "Ali Akbar Mohammadzadeh Bonab": a two-word surname.
            longer.add(mention, mention.text)
            longer.speaker = longer.speaker or mention.speaker
            continue
        if mention.kind == "person":
            item = _resolve_person(mention, directory, known, proposals, article_orgs, by_acronym, ambiguous)
            if item is not None:
                item.speaker = (
                    item.speaker or mention.speaker or (mention.sentence.has_quote and mention.speaker)
                )
                people_in_order.append((mention.sentence.index, item))
        elif mention.kind == "surname":
            item = _resolve_surname(mention, people_in_order)
            if item is None:
                item = _known_by_surname(mention, directory, known, article_orgs, story_words)
                if item is not None:
                    people_in_order.append((mention.sentence.index, item))
                    continue
            if item is not None:
                item.add(mention, mention.text)
                item.speaker = item.speaker or mention.speaker
                if item.entity is None and mention.speaker and item.confidence < CREATE_AT:
                    # Quoted later by surname ("…,” Shafiei said): the story treats them as a person.
                    item.confidence = CREATE_AT
                    item.evidence = sorted({*item.evidence, "quoted later by surname"})
        elif mention.kind == "event":
            _resolve_event(mention, directory, known, proposals, article)

    # A person whose full name is in a sentence with a quote and a speech verb is a speaker.
    for item in list(found.values()) + list(proposals.values()):
        if item.kind == "person" and not item.speaker:
            item.speaker = any(_speaks(s, item) for s in item.sentences)

    known_items = _drop_duplicate_pairs([f for f in found.values()], directory)
    proposal_items = [p for p in proposals.values() if p.confidence >= PROPOSE_AT]
    # A proposal whose name turned out to be a known record's (an org spelt out later) goes.
    known_keys = {(f.kind, f.key) for f in known_items}
    proposal_items = [p for p in proposal_items if (p.kind, p.key) not in known_keys]
    assign_roles(known_items + proposal_items, sentences)
    order = {"person": 0, "organization": 1, "event": 2}
    known_items.sort(key=lambda f: (order[f.kind], -f.count, f.name))
    proposal_items.sort(key=lambda f: (order[f.kind], f.sentences[0].index if f.sentences else 0))
    return StoryEntities(known_items, proposal_items, ambiguous)


def _load_entities(directory: Directory) -> dict[str, dict[int, object]]:
    """Records fetched lazily by id, one query per kind for the whole story."""

    class Lazy(dict):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def get(self, pk, default=None):
            if pk not in self:
                obj = self.model.objects.filter(pk=pk).first()
                if obj is None:
                    return default
                self[pk] = obj
            return self[pk]

    return {"person": Lazy(Person), "organization": Lazy(Organization), "event": Lazy(Event)}


def _short_form_of(name: str, directory: Directory, in_story: set[int], country: str = "") -> int | None:
    """The one known organization whose name contains this one, word for word: "Ministry of
    Health" (of Health and Medical Education), "Red Crescent", "Golestan Red Crescent" (a
    provincial branch of the Iranian Red Crescent). Those the story names already come first."""
    from organizations.places import is_place

    raw = name_words(name, honorifics=False)
    while len(raw) > 2 and is_place(raw[0]):
        raw = raw[1:]
    words = [loose_word(w) for w in raw]
    if len([w for w in words if w not in {"of", "and", "the", "for"}]) < 2:
        return None
    n = len(words)
    extra: dict[int, int] = {}  # candidate -> fewest words its name adds to the short form
    for pk, known_words, known_raw in directory.organization_words:
        if len(known_words) <= n:
            continue
        for i in range(len(known_words) - n + 1):
            if known_words[i : i + n] != words:
                continue
            # "Zahedan University of Medical Sciences" is not "Bushehr University of ...": a
            # place in the known name that the short form lacks makes it another body.
            if any(is_place(w) for w in known_raw[:i]):
                continue
            extra[pk] = min(extra.get(pk, 99), len(known_words) - n)
    if len(set(extra) & in_story) == 1:
        return next(iter(set(extra) & in_story))
    ranked = sorted(extra.items(), key=lambda pair: pair[1])
    if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] < ranked[1][1]):
        return ranked[0][0]  # "Red Crescent": the Iranian Red Crescent, not the Federation of ...
    if ranked and country:
        # Equally close ("Iranian Red Crescent", "Turkish Red Crescent"): the one body of the
        # dateline's country among the closest.
        closest = [pk for pk, added in ranked if added == ranked[0][1]]
        home = [pk for pk in closest if directory.countries.get(pk) == country]
        if len(home) == 1:
            return home[0]
    return None


def _resolve_organization(
    mention: Mention, directory: Directory, known, proposals, in_story=frozenset(), country: str = ""
) -> Found | None:
    key = name_key(mention.name, honorifics=False)
    hits = directory.matcher.by_key.get(key, set())
    org_hits = [pk for kind, pk in hits if kind == "organization"]
    if org_hits:
        item = known("organization", org_hits[0], mention.sentence, mention.text)
        if item is not None:
            item.written_as(mention)
        return item
    if mention.acronym:
        acronym_hits = [
            pk
            for kind, pk in directory.matcher.by_acronym.get(mention.acronym, set())
            if kind == "organization"
        ]
        if len(acronym_hits) == 1:
            return known("organization", acronym_hits[0], mention.sentence, mention.text, "acronym")
    loose = directory.loose.get(("organization", spelling_key(mention.name, honorifics=False)), set())
    if len(loose) == 1:
        return known("organization", next(iter(loose)), mention.sentence, mention.text, "variant spelling")
    short = _short_form_of(mention.name, directory, in_story, country)
    if short is not None:
        item = known("organization", short, mention.sentence, mention.text, "short form")
        if item is not None and mention.name[:1].isupper():
            item.written_as(mention)  # "Institute of Geophysics": a short form the record may keep
        return item
    parent = _local_office_of(mention.name, directory)
    if parent is not None:
        return known("organization", parent, mention.sentence, mention.text, "local office")
    if {"a body in apposition", "a body's noun after the name"} & set(mention.evidence):
        # "Mizan, the judiciary's news agency": the known "Mizan News Agency" without its noun.
        words = name_words(mention.name, honorifics=False)
        begun = {
            pk
            for pk, _loose, raw in directory.organization_words
            if len(raw) > len(words)
            and raw[: len(words)] == words
            and set(raw[len(words) :]) <= _BODY_NOUN_WORDS
        }
        if len(begun) == 1:
            return known("organization", begun.pop(), mention.sentence, mention.text, "name without its noun")
    if _of_the_province(mention) or _of_a_place(mention):
        # "the province's cultural heritage department" and the story's (or the directory's)
        # "Isfahan Cultural Heritage, Handicrafts and Tourism Department": one body; so are
        # "Hamedan water company" and the story's "Hamedan Water and Wastewater Company".
        words = _body_words(mention.name)
        fuller = [p for p in proposals.values() if p.kind == "organization" and words <= _body_words(p.name)]
        if len(fuller) == 1:
            fuller[0].add(mention, mention.text)
            fuller[0].written_as(mention)
            return fuller[0]
        known_fuller = {
            pk for pk, known_words, _raw in directory.organization_words if words <= set(known_words)
        }
        if len(known_fuller) == 1:
            return known("organization", known_fuller.pop(), mention.sentence, mention.text, "short form")
        national = _national_body_of(mention.name, directory) if _of_the_province(mention) else None
        if national is not None:  # "the provincial environment department": the Department of Environment's
            return known("organization", national, mention.sentence, mention.text, "provincial office")
    if "short form" in mention.evidence:
        return None  # "the Health Ministry" that is no known body's short form: not a name to propose
    # "Isfahan education office" and "the provincial education department" in one story: one body.
    item = proposals.get(("organization", key)) or next(
        (
            p
            for (kind, _k), p in proposals.items()
            if kind == "organization" and _office_key(p.name) == _office_key(mention.name)
        ),
        None,
    )
    if item is None:
        item = proposals[("organization", key)] = Found(
            "organization",
            mention.name,
            confidence=mention.confidence,
            evidence=list(mention.evidence),
            acronym=mention.acronym,
        )
    item.confidence = max(item.confidence, mention.confidence)
    item.add(mention, mention.text)
    item.written_as(mention)
    return item


_LOWER_REFERENCE = re.compile(
    r"\b[Tt]he\s+(?:(?:province|country|city)['’]s\s+|[A-Z][\w'’-]+\s+(?:province\s+)?)?(?P<word>[a-z]{5,})\b"
)
_LOWER_MINISTRY = re.compile(r"\b(?P<subject>[a-z]{3,})\s+ministry(?:['’]s)?\b")


def _known_in_lower_case(text: str, directory: Directory) -> list[tuple[int, str]]:
    """Known bodies a sentence names in lower case: by the one word that is their name's own noun
    and no other known body's ("the judiciary" for "Judiciary of the Islamic Republic of Iran"),
    or "<subject> ministry" for the known "Ministry of <Subject>"."""
    out = []
    for match in _LOWER_MINISTRY.finditer(text):
        key = name_key(f"Ministry of {match.group('subject')}", honorifics=False)
        hits = [pk for kind, pk in directory.matcher.by_key.get(key, set()) if kind == "organization"]
        if len(hits) == 1:
            out.append((hits[0], match.group(0)))
    for match in _LOWER_REFERENCE.finditer(text):
        hits = directory.head_words.get(match.group("word"), set())
        if len(hits) == 1:
            out.append((next(iter(hits)), match.group(0)))
    return out


def _body_begun_by(name: str, items: list[Found]) -> Found | None:
    """The one organization of the story whose name begins with these words and goes on."""
    words = name_words(name, honorifics=False)
    hits = []
    for item in items:
        if item.kind != "organization":
            continue
        theirs = name_words(item.name, honorifics=False)
        if len(theirs) > len(words) and theirs[: len(words)] == words:
            hits.append(item)
    return hits[0] if len(hits) == 1 else None


def _acronym_of_proposal(acronym: str, proposals) -> Found | None:
    """The one organization proposed in this story whose initials spell the acronym."""
    hits = [
        p
        for (kind, _key), p in proposals.items()
        if kind == "organization" and not p.acronym and _initials(p.name) == acronym.upper()
    ]
    return hits[0] if len(hits) == 1 else None


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[\w]+", name) if w.lower() not in {"of", "and", "the", "for", "in"}]
    return "".join(w[0] for w in words).upper()


_OFFICE_HEADS = frozenset({"office", "branch", "bureau", "delegation", "mission"})
#: Words local wire copy uses interchangeably for one provincial body.
_OFFICE_WORDS = frozenset({"office", "department", "directorate", "administration", "bureau"})


def _of_a_place(mention: Mention) -> bool:
    """A body read from lower-case words around a place ("the Hamedan water company")."""
    return "a body of a place" in mention.evidence


def _of_the_province(mention: Mention) -> bool:
    return "a body of the story's province" in mention.evidence


def _body_words(name: str) -> set[str]:
    """A body's words, loosely spelt, without connectors, office words folded into one."""
    words = {loose_word(w) for w in name_words(name, honorifics=False)} - {"of", "and", "the", "for"}
    office = {loose_word(w) for w in _OFFICE_WORDS}
    return {w if w not in office else "department" for w in words}


def _office_key(name: str) -> str:
    """A body's key with its last word folded among office/department/directorate."""
    words = name_words(name, honorifics=False)
    if len(words) >= 3 and words[-1] in _OFFICE_WORDS:
        words = [*words[:-1], "department"]
    return " ".join(loose_word(w) for w in words)


def _national_body_of(name: str, directory: Directory) -> int | None:
    """ "Khuzestan environment department": the one known body without a place in its name whose
    words hold all of this one's but the province ("Department of Environment")."""
    raw = name_words(name, honorifics=False)
    while len(raw) > 2 and is_place(raw[0]):
        raw = raw[1:]
    words = {loose_word(w) for w in raw} - {"of", "and", "the", "for"}
    if len(words) < 2:
        return None
    hits = {
        pk
        for pk, known_words, known_raw in directory.organization_words
        if words <= set(known_words) and not any(is_place(w) for w in known_raw)
    }
    return next(iter(hits)) if len(hits) == 1 else None


def _local_office_of(name: str, directory: Directory) -> int | None:
    """ "UNESCO Tehran Cluster Office": a known body's acronym, a place, an office noun — the body's
    office in that place, linked as the body itself until the directory has the office."""
    words = name.split()
    if len(words) < 3 or not is_acronym(words[0]):
        return None
    # "UNESCO Tehran Cluster Office", "WHO Regional Office for the Eastern Mediterranean".
    office = next((k for k, w in enumerate(words) if w.lower() in _OFFICE_HEADS), 0)
    in_place = is_place(words[1]) and office == len(words) - 1
    for_region = words[office + 1 : office + 2] in (["for"], ["in"], ["of"])
    if not office or not (in_place or for_region):
        return None
    hits = [pk for kind, pk in directory.matcher.by_acronym.get(words[0], set()) if kind == "organization"]
    return hits[0] if len(hits) == 1 else None


def _organization_of(mention: Mention, directory: Directory, by_acronym: dict[str, Found]):
    """The organization a person's title names: a known record's id, a proposal, or nothing."""
    text = mention.organization
    if not text:
        return None, None
    if text in by_acronym:
        item = by_acronym[text]
        return (item.entity.pk if item.entity else None), item
    key = name_key(text, honorifics=False)
    for kind, pk in directory.matcher.by_key.get(key, set()) | directory.matcher.by_acronym.get(text, set()):
        if kind == "organization":
            return pk, None
    for item in by_acronym.values():
        if item.key == key:
            return (item.entity.pk if item.entity else None), item
    return None, None


def _resolve_person(
    mention, directory, known, proposals, article_orgs, by_acronym, ambiguous
) -> Found | None:
    key = name_key(mention.name)
    org_id, org_item = _organization_of(mention, directory, by_acronym)
    hits = [pk for kind, pk in directory.matcher.by_key.get(key, set()) if kind == "person"]
    if not hits and "patronymic" in mention.evidence:
        # "Ibn Hesam" for the known "Ibn Hesam Khusfi": a patronymic is the start of the full name.
        words = name_words(mention.name)
        longer = [
            pk
            for pk, names in directory.person_names.items()
            if any(name_words(n)[: len(words)] == words and len(name_words(n)) > len(words) for n in names)
        ]
        hits = longer if len(longer) == 1 else []
    if hits:
        item = known("person", hits[0], mention.sentence, mention.text)
        if item is not None:
            item.written_as(mention)
    else:
        candidates = _variant_candidates(mention.name, directory)
        chosen = _choose_by_context(candidates, mention, org_id, directory, article_orgs)
        if chosen == "ambiguous":
            ambiguous.append((mention.name, [directory.people.get(pk) for pk, _ in candidates]))
            return None
        if chosen is not None:
            pk, reason = chosen
            item = known("person", pk, mention.sentence, mention.text, reason)
        else:
            skey = spelling_key(mention.name)
            item = proposals.get(("person", skey))
            if item is None:
                item = proposals[("person", skey)] = Found("person", mention.name, confidence=0.0)
            item.confidence = max(item.confidence, mention.confidence)
            item.evidence = sorted(set(item.evidence) | set(mention.evidence))
            item.add(mention, mention.text)
            item.written_as(mention)
    if item is None:
        return None
    if not item.title and mention.title:
        item.title = mention.title
    if not item.organization and mention.organization:
        item.organization = org_item.name if org_item is not None else mention.organization
        if org_id is not None:
            item.organization_entity = Organization.objects.filter(pk=org_id).first()
    return item


def _variant_candidates(name: str, directory: Directory) -> list[tuple[int, str]]:
    """Known people whose name or other name this is a spelling of, with the reason."""
    out: dict[int, str] = {}
    for pk in directory.loose.get(("person", spelling_key(name)), set()):
        out[pk] = "variant spelling"
    if not out and directory.person_keys:
        keys = [k for k, _pk, _n in directory.person_keys]
        for _key, _score, index in process.extract(
            spelling_key(name), keys, scorer=fuzz.ratio, score_cutoff=85, limit=10
        ):
            _k, pk, known_name = directory.person_keys[index]
            reason = spelling_variant(known_name, name)
            if reason:
                out.setdefault(pk, reason)
    return sorted(out.items())


def _choose_by_context(candidates, mention: Mention, org_id, directory: Directory, article_orgs: set[int]):
    """One candidate the context allows, None when none does, "ambiguous" when several do."""
    if not candidates:
        return None
    allowed = []
    for pk, reason in candidates:
        theirs = directory.related_organizations(directory.affiliations.get(pk, set()))
        if mention.organization and theirs and (org_id is None or org_id not in theirs):
            continue  # the text puts them at another body: another person with a close name
        together = len(theirs & article_orgs)
        allowed.append((together, pk, reason))
    if not allowed:
        return None
    allowed.sort(reverse=True)
    if len(allowed) > 1 and allowed[0][0] == allowed[1][0]:
        return "ambiguous"
    return allowed[0][1], allowed[0][2]


_BODY_NOUN_WORDS = ORG_HEADS | {"news", "pharmaceutical", "group"}


def _named_in_full_before(mention: Mention, people_in_order: list[tuple[int, Found]]) -> Found | None:
    """The person introduced before whose full name ends with every word of this one."""
    words = [loose_word(w) for w in name_words(mention.name)]
    if len(words) < 2:
        return None
    for index, person in sorted(people_in_order, key=lambda pair: pair[0], reverse=True):
        if index > mention.sentence.index:
            continue
        for name in _names_of(person):
            full = [loose_word(w) for w in name_words(name)]
            if len(full) > len(words) and full[-len(words) :] == words:
                return person
    return None


def _resolve_surname(mention: Mention, people_in_order: list[tuple[int, Found]]) -> Found | None:
    """ "Rostami said": the person with that surname introduced nearest before, else anywhere."""
    surname = loose_word(normalize_name(mention.name).split()[-1])
    matching = [
        (index, person)
        for index, person in people_in_order
        if any(_surname_of(name) == surname for name in _names_of(person))
    ]
    if not matching:
        return None
    before = [(i, p) for i, p in matching if i <= mention.sentence.index]
    pool = before or matching
    # Two different people of that surname before it: the nearest one is meant.
    pool.sort(key=lambda pair: pair[0])
    return pool[-1][1] if before else pool[0][1]


_TITLE_FILLER = frozenset({"the", "of", "and", "for", "in", "head", "deputy", "director", "chief", "acting"})


def _known_by_surname(mention: Mention, directory: Directory, known, article_orgs, story_words):
    """ "Ghasemi said" in a story that never gives his full name: the one person of the directory
    with that surname whom the story's context places — it names a body they work at (or its parent
    or a branch), or every word of their title ("Hajj medical mission").

    No known person of that surname in context, or two: nobody is linked (context, not spelling)."""
    surname = loose_word(normalize_name(mention.name).split()[-1])
    placed = []
    for pk in directory.surnames.get(surname, set()):
        bodies = directory.related_organizations(directory.affiliations.get(pk, set()))
        titled = any(
            len(words) >= 2 and words <= story_words
            for words in (
                {w for w in normalize_name(title).split() if w not in _TITLE_FILLER}
                for title in directory.titles.get(pk, [])
            )
        )
        # "Labour Minister Jahangiri": the title the story gives is the one their record says.
        written = {w for w in normalize_name(mention.title).split() if w not in _TITLE_FILLER}
        theirs = directory.bios.get(pk, set()).union(
            *({*normalize_name(t).split()} for t in directory.titles.get(pk, []))
        )
        as_titled = len(written) >= 2 and written <= theirs
        if bodies & article_orgs or titled or as_titled:
            placed.append(pk)
    if len(placed) != 1:
        return None
    item = known("person", placed[0], mention.sentence, mention.text, "surname of a known person")
    if item is not None:
        item.speaker = item.speaker or mention.speaker
    return item


def _names_of(person: Found) -> list[str]:
    names = [person.name, *person.surfaces]
    return names


def _surname_of(name: str) -> str:
    words = name_words(name)
    return loose_word(words[-1]) if len(words) >= 2 else ""


def _speaks(sentence: Sentence, person: Found) -> bool:
    from articles.linking.discovery import SPEECH_VERBS

    words = {w.lower().strip('.,;:”"’') for w in sentence.text.split()}
    return sentence.has_quote and bool(words & SPEECH_VERBS)


def _drop_duplicate_pairs(items: list[Found], directory: Directory) -> list[Found]:
    """Of two records flagged as likely duplicates, only the one the text names best is linked."""
    kept: list[Found] = []
    for item in sorted(items, key=lambda f: (f.reason != "name", -f.count)):
        if item.kind in {"person", "organization"} and any(
            other.kind == item.kind and likely_duplicate(item.kind, other.entity, item.entity)
            for other in kept
        ):
            continue
        kept.append(item)
    return kept


def _resolve_event(mention: Mention, directory: Directory, known, proposals, article) -> None:
    when = _with_year(mention.event_date, article)
    key = name_key(mention.name, honorifics=False)
    hits = [pk for kind, pk in directory.matcher.by_key.get(key, set()) if kind == "event"]
    if hits:
        known("event", hits[0], mention.sentence, mention.text)
        return
    best = None
    for event in directory.events:
        names = [event.name, *directory.event_aliases.get(event.pk, [])]
        if any(name_key(n, honorifics=False) == key for n in names):
            best = (event, "other name")
            break
        kind_fits = mention.event_kind in {event.kind, "other"} or event.kind == "other"
        local = event.local_start.date()
        ends = event.local_end.date() if event.local_end else local
        if when and kind_fits and local <= when <= ends:
            if mention.place and event.city and normalize_name(mention.place) != normalize_name(event.city):
                continue
            best = (event, "kind and date")
        elif not when and kind_fits and mention.name:
            similarity = max(
                fuzz.token_set_ratio(normalize_name(mention.name), normalize_name(n)) for n in names
            )
            if similarity >= 90 and len(mention.name.split()) >= 3:
                best = best or (event, "kind and subject")
    if best is not None:
        known("event", best[0].pk, mention.sentence, mention.text, best[1])
        return
    name = mention.name
    if when and " on " not in name:
        name = f"{name} on {when:%-d %B %Y}"
    item = proposals.get(("event", name_key(name, honorifics=False)))
    if item is None:
        item = proposals[("event", name_key(name, honorifics=False))] = Found(
            "event",
            name,
            confidence=mention.confidence,
            evidence=list(mention.evidence),
            event_kind=mention.event_kind,
            event_date=when,
            place=mention.place,
        )
    item.add(mention, mention.text)


def _with_year(when: date | None, article) -> date | None:
    """ "13 March" in a story of 20 March 2026 is 13 March 2026; in one of 5 January, last year's."""
    if when is None:
        return None
    if when.year > 1:
        return when
    moment = getattr(article, "published_at", None) or getattr(article, "created_at", None) or timezone.now()
    today = timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    try:
        candidate = when.replace(year=today.year)
    except ValueError:
        return None
    if candidate > today + timedelta(days=200):
        candidate = candidate.replace(year=today.year - 1)
    return candidate
