"""Quoted statements in a story's text, and the person who said each one.

Wire copy attributes quotes in a handful of shapes, all read here:

- after the quote: "“…,” Rostami said." / "“…,” said Dr. Leila Moradi, the province's deputy health
  chief." / "“…,” he added." / "“…,” Rostami said, “…”" (one quote, interrupted);
- before it: "Cassard stated, “…”" / "Moradi told reporters: “…”" / "According to Kolivand, “…”";
- around it: a paragraph that is only a quote, after "X said:" or after a paragraph reporting what X
  said; a quote running over several paragraphs (each opening with a quote mark, only the last
  closed).

The speaker is resolved like any other mention: a full name through the directory's names, aliases
and spelling keys (:class:`articles.linking.finder.EntityMatcher`), a surname alone through the one
person introduced by full name earlier in the same story, "he"/"she" through the speaker of the
quote just before. Whenever two people could be meant, or the words name an organization, the quote
is left without a speaker: an unattached quote can be added by an editor, a misattributed one is a
correction.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction

from articles.links import BY_KIND
from articles.models import Article, LinkRole, Quote
from articles.text import blocks
from organizations.models import Person, PersonAlias
from organizations.names import HONORIFICS, loose_word, name_key, name_words, normalize_name, spelling_key

HONORIFIC_WORDS = HONORIFICS

VERBS = (
    r"said|says|say|stated|states|told|tells|added|adds|noted|notes|stressed|stresses|explained|explains"
    r"|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|insisted|warned|warns|asked|replied|recalled"
    r"|continued|declared|announced|remarked|pointed out|highlighted|observed|urged|commented|wrote"
    r"|concluded|acknowledged|admitted|argued|affirmed|confirmed|reiterated|went on|explained"
)
_VERB = rf"(?:{VERBS})"
OPENING = '“„«"'
CLOSING = '”»"'
PRONOUNS = {"he", "she"}
# Words that make a capitalized run a title or a body, not a person's name.
TITLE_WORDS = frozenset(
    """
    minister deputy head chief director governor mayor spokesman spokeswoman spokesperson president
    vice secretary general secretary-general ambassador envoy commander chairman chairwoman chair
    representative manager coordinator official officer coach professor prime foreign health
    interior economy roads education culture energy agriculture provincial regional country acting
    caretaker senior former undersecretary under-secretary advisor adviser aide founder member
    lawmaker mp judge prosecutor governor-general lieutenant-governor rector dean superintendent
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
ORG_WORDS = frozenset(
    """
    society ministry organization organisation agency office council committee department centre
    center crescent cross bank university foundation association union federation institute
    governorate group company fund programme program commission authority service news police army
    government embassy court parliament majlis assembly red hospital school team branch
    headquarters agency's nations statement report
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "bint",
    "de",
    "van",
    "von",
    "da",
    "ul",
    "abu",
    "bou",
    "ben",
    "ed",
    "ol",
    "od",
}
# "Jalal ed-Din Mostowfi", "Zein ol-Abedin": the Arabic article inside a Persian name too.
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|(?:al|el|ul|ed|ol|od)-[A-Z][\w'’\-]*)$")
# Two to five capitalized words on one line ("Dr. Leila Moradi", "Hossein Yar-Ahmadi", "Ali al-Hashimi");
# a full stop only after a short abbreviation, so "…in Iran. Keller" is two sentences, not a name.
_CAPITALIZED_RUN = re.compile(
    r"(?:(?<=\s)|^)((?:(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’\-]*|(?:al|el|bin|ibn|de|van|von|da|ed|ol|od)(?:-[A-Z][\w'’\-]*)?)"
    r"[ \t]+){1,4}[A-Z][\w'’\-]+)"
)
# A character of the words naming a speaker: no sentence end or quotation mark, except the full stop
# of an honorific or an initial ("Dr. Mahnaz Shafiei, head of the IBTO, said").
_S = r"""(?:[^.!?“”"]|(?<=\bDr)\.|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bMs)\.|(?<=\bProf)\.|(?<=\b[A-Z])\.)"""
_SENTENCE_BREAK = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\b[A-Z])[.!?]\s+")
# After a closing mark the verb is in lower case: ", Said Tavakoli of … told" names a "Said".
_POST_VERB = rf"(?-i:{VERBS})"
POST_VERB_FIRST = re.compile(rf"^[\s,]*(?P<verb>{_POST_VERB})\b\s*(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
POST_SUBJECT_FIRST = re.compile(
    rf"^[\s,]*(?P<subject>{_S}{{1,200}}?)\s+(?P<verb>{_POST_VERB})\b", re.IGNORECASE
)
PRE_ACCORDING = re.compile(
    r"(?:^|[.!?]\s+|,\s*)according\s+to\s+(?P<subject>" + _S + r"{2,160}?)\s*,?\s*$", re.I
)
PRE_SUBJECT_VERB = re.compile(
    rf"(?:^|[.!?]\s+)(?P<subject>{_S}{{1,200}}?)\s+(?P<verb>{_VERB})\b[^.!?“”\"]{{0,80}}?[,:]?\s*(?:that\s*)?$",
    re.IGNORECASE,
)
# "Qureshi called it “one of the best organised campaigns”": a partial quote, still the speaker's.
PRE_CALLED = re.compile(
    r"(?:^|[.!?]\s+)(?P<subject>" + _S + r"{1,200}?)\s+(?:called|described|termed)\s+"
    r"(?:it|them|this|that|the\s+\w+(?:\s+\w+)?)\s+(?:as\s+)?$"
)
PRE_VERB_SUBJECT = re.compile(
    rf"(?:^|[.!?]\s+)(?P<verb>{_VERB})\s+(?P<subject>{_S}{{2,160}}?)\s*[,:]\s*$", re.IGNORECASE
)
REPORTED_SPEECH = re.compile(rf"^(?P<subject>{_S}{{1,200}}?)\s+(?P<verb>{_VERB})\b", re.IGNORECASE)
MIN_UNATTRIBUTED_WORDS = 4


@dataclass
class Speaker:
    """Who said it, as far as the words tell: a name as written, or a pronoun."""

    written: str = ""
    context: str = ""
    pronoun: bool = False


@dataclass
class FoundQuote:
    """A quoted statement and its speaker: ``person_id`` when resolved, else the name as written."""

    text: str
    speaker_written: str = ""
    speaker_name: str = ""
    person_id: int | None = None
    context: str = ""
    why_unattached: str = ""
    start: int = 0
    paragraph: int = 0

    @property
    def attached(self) -> bool:
        return self.person_id is not None


@dataclass
class _Piece:
    kind: str  # "q" (quoted words) or "n" (narration)
    text: str
    paragraph: int
    start: int  # offset in the story text
    open_end: bool = False  # a quote left open at the end of its paragraph


@dataclass
class _Quote:
    pieces: list[_Piece] = field(default_factory=list)
    speaker: Speaker | None = None
    attribution: _Piece | None = None
    whole_paragraph: bool = False
    borrowed: bool = False  # the speaker is the paragraph before's, until the quote names its own
    lead_in: str = ""  # the narration before the quote in its paragraph


def _scan(paragraphs: list[str]) -> tuple[list[list[_Piece]], str]:
    """Each paragraph as quoted and narrated pieces; the story text the offsets point into."""
    result: list[list[_Piece]] = []
    offset = 0
    story_parts = []
    carried_open = False
    for index, paragraph in enumerate(paragraphs):
        pieces: list[_Piece] = []
        in_quote = False
        buffer, buffer_start = [], offset
        i = 0
        if carried_open and paragraph[:1] in OPENING:
            in_quote, i = True, 1  # a quote running on from the paragraph before
            buffer_start = offset + 1
        for position in range(i, len(paragraph)):
            char = paragraph[position]
            opens = not in_quote and char in OPENING
            closes = in_quote and char in CLOSING
            if opens or closes:
                if buffer:
                    pieces.append(_Piece("q" if in_quote else "n", "".join(buffer), index, buffer_start))
                buffer, buffer_start = [], offset + position + 1
                in_quote = not in_quote
                continue
            buffer.append(char)
        if buffer:
            pieces.append(_Piece("q" if in_quote else "n", "".join(buffer), index, buffer_start))
        if in_quote and pieces and pieces[-1].kind == "q":
            pieces[-1].open_end = True
        carried_open = in_quote
        result.append(pieces)
        story_parts.append(paragraph)
        offset += len(paragraph) + 1
    return result, "\n".join(story_parts)


def _is_name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) or word.lower() in PARTICLES


def _name_from_part(part: str) -> str:
    """The person's name ending a phrase ("IRCS head Pirhossein Kolivand" → "Pirhossein Kolivand"), or ""."""
    words = part.strip().strip(",;:").split()
    name: list[str] = []
    for word in reversed(words):
        bare = word.strip("()")
        if not _is_name_word(bare) or bare.lower().rstrip(".") in TITLE_WORDS:
            break
        if name and bare.endswith(("'s", "’s")):
            break  # "Kenya's Daniel Kiprop", "Ethiopia's Tesfaye Bekele": a possessive before the name
        if bare.isupper() and len(bare.strip(".")) > 1 and "." not in bare:
            break  # an acronym ("IRCS head …"): a body, not part of the name
        name.insert(0, bare)
    while name and name[0].lower() in PARTICLES:
        name.pop(0)
    if not name or len(name) > 5:
        return ""
    if any(w.lower().strip(".’'s") in ORG_WORDS for w in name):
        return ""
    before = words[: len(words) - len(name)]
    if before and before[-1].lower() in {"the", "a", "an", "its", "their", "our"}:
        return ""  # "the Red Crescent", "a Golestan Resident": not how a person is named
    if name[0].lower() in {"the", "he", "she", "it", "they", "we", "i", "a", "an", "this", "that", "but"}:
        return ""
    return " ".join(name)


def _name_in_part(part: str) -> str:
    """The name a part of the attribution gives: "Sattar Hamidavi", "federation president Nader
    Safavi" (a lower-case title before a full name), "Said Tavakoli of the Mashhad Urban Railway
    Company" (a name with the body after "of")."""
    if part[:1].islower():
        # "the WHO representative in Iran", "a volunteer nurse": a title in apposition, not a name.
        name = _name_from_part(part)
        words = part.split()
        before = words[-len(name.split()) - 1] if name and len(words) > len(name.split()) else ""
        return name if len(name.split()) >= 2 and before.lower() in TITLE_WORDS else ""
    name = _name_from_part(part)
    if not name and (match := re.match(r"^(?P<name>[A-Z][^,]*?)\s+of\s+(?:the\s+)?[A-Z]", part)):
        name = _name_from_part(match.group("name"))
        if len(name.split()) < 2:
            name = ""
    return name


def _speaker(subject: str, *, verb_first: bool) -> Speaker | None:
    """Read the speaker out of the words attributing a quote."""
    text = subject.strip().rstrip(".").strip().strip(",")
    if not text:
        return None
    if text.lower() in PRONOUNS:
        return Speaker(pronoun=True)
    parts = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    # "said Dr. Leila Moradi, the province's deputy health chief": the name comes first.
    # "Vahid Rostami, head of the branch, said": the first part naming someone, titles after it.
    order = parts if verb_first else list(reversed(parts))
    for index, part in enumerate(order):
        # "the WHO representative in Iran", "a volunteer nurse": a title in apposition, not a name.
        name = _name_in_part(part)
        if not name:
            if verb_first and index == 0 and part.lower() in PRONOUNS:
                return Speaker(pronoun=True)
            continue
        # The part must end with the name or be the name ("Speaking after the ceremony" is not).
        context = ", ".join(p for p in parts if p != part)[:300]
        if not verb_first:
            # A leading clause such as "Speaking to reporters" is not the speaker's title.
            context = ", ".join(p for p in parts[parts.index(part) + 1 :])[:300]
        return Speaker(written=name, context=context)
    return Speaker()  # attributed, but not to a named person ("the ministry said")


def _clause_before(text: str) -> str:
    """The narration of the current sentence before a quote."""
    pieces = _SENTENCE_BREAK.split(text)
    return pieces[-1] if pieces else text


def _post_attribution(narration: str) -> Speaker | None:
    """Words after a closing quote mark: ", Rostami said." / ", said Dr. Moradi, …" / ", he added."""
    if not re.match(r"^\s*,?\s*\S", narration):
        return None
    first_sentence = _SENTENCE_BREAK.split(narration, maxsplit=1)[0]
    if match := POST_VERB_FIRST.match(first_sentence):
        rest = match.group("rest")
        verb = match.group("verb").lower()
        if verb in {"told", "tells", "asked"}:
            return None  # "…,” told the agency" has no speaker after the verb
        return _speaker(rest, verb_first=True)
    if match := POST_SUBJECT_FIRST.match(first_sentence):
        return _speaker(match.group("subject"), verb_first=False)
    return None


def _pre_attribution(narration: str) -> Speaker | None:
    """Words before an opening quote mark: "Cassard stated, " / "According to Kolivand, " / "X said:"."""
    text = narration.rstrip()
    if match := PRE_CALLED.search(_clause_before(narration)):
        return _speaker(match.group("subject"), verb_first=False)
    if not text or (text[-1] not in ",:" and not text.lower().endswith(" that")):
        return None
    if match := PRE_ACCORDING.search(text):
        return _speaker(match.group("subject"), verb_first=True)
    clause = _clause_before(text)
    if match := PRE_VERB_SUBJECT.search(clause):
        return _speaker(match.group("subject"), verb_first=True)
    if match := PRE_SUBJECT_VERB.search(clause):
        return _speaker(match.group("subject"), verb_first=False)
    return None


def _reported_speech_speaker(paragraph: str) -> Speaker | None:
    """The subject of "X, head of …, said the teams had …" or "X said:" ending a paragraph."""
    last = _SENTENCE_BREAK.split(paragraph.strip())
    for sentence in (last[-1], last[0]) if last else ():
        if match := REPORTED_SPEECH.match(sentence):
            speaker = _speaker(match.group("subject"), verb_first=False)
            if speaker:
                return speaker
    return None


_SAID_BY = re.compile(rf"(?P<name>{_CAPITALIZED_RUN.pattern}|\b[A-Z][\w'’\-]+)\s+(?:{VERBS})\b")


def _only_speaker_reported(paragraph: str) -> Speaker | None:
    """The one person a paragraph of narration reports as speaking ("…, Yar-Ahmadi told the meeting")."""
    if any(mark in paragraph for mark in OPENING):
        return None
    names = {}
    for match in _SAID_BY.finditer(paragraph):
        name = _name_from_part(match.group("name"))
        if name:
            names.setdefault(name_key(name.split()[-1]), name)
    return Speaker(written=next(iter(names.values()))) if len(names) == 1 else None


_SUBJECT = re.compile(r"^\s*(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})(?=,|\s+[a-z])")


def _one_person_named(narration: str) -> Speaker | None:
    """The one person a piece of narration names: a full name anywhere ("Among the oldest members
    is Ahmad Tafreshi, 91, …") or the subject it opens with ("Omidvar, the Sepahan coach, …")."""
    if not narration.strip():
        return None
    names: dict[str, str] = {}
    for match in _CAPITALIZED_RUN.finditer(narration):
        name = _name_from_part(match.group(1))
        if len(name.split()) >= 2 and not _is_place_name(name):
            names.setdefault(name_key(name.split()[-1]), name)
    for match in _SAID_BY.finditer(narration):  # "Rostami told …, and Cassard said …": two
        name = _name_from_part(match.group("name"))
        if name and not _is_place_name(name):
            names.setdefault(name_key(name.split()[-1]), name)
    for sentence in _SENTENCE_BREAK.split(narration.strip()):
        if match := _SUBJECT.match(sentence):
            name = _name_from_part(match.group("name"))
            if name and not _is_place_name(name) and name.split()[0].lower() not in _NOT_SUBJECTS:
                names.setdefault(name_key(name.split()[-1]), name)
    return Speaker(written=next(iter(names.values()))) if len(names) == 1 else None


_NOT_SUBJECTS = frozenset({"in", "on", "at", "after", "before", "when", "among", "since", "for", "with"})


def _is_place_name(name: str) -> bool:
    from organizations.places import is_place

    return is_place(name) or is_place(name.split()[0])


def _group(paragraph_pieces: list[list[_Piece]], paragraphs: list[str]) -> list[_Quote]:
    """Quoted pieces joined into statements (over paragraphs and interruptions), each with its words
    of attribution."""
    quotes: list[_Quote] = []
    running: _Quote | None = None  # a quote open at the end of the previous paragraph
    previous_attributed: _Quote | None = None
    for index, pieces in enumerate(paragraph_pieces):
        narration_only = all(p.kind == "n" for p in pieces)
        if narration_only:
            running = None
            previous_attributed = None
            continue
        narrated = " ".join(p.text for p in pieces if p.kind == "n").strip(" ,.;:—–-")
        whole = not narrated
        last_in_paragraph: _Quote | None = None
        in_paragraph: list[_Quote] = []
        for position, piece in enumerate(pieces):
            if piece.kind != "q":
                continue
            if running is not None and position == 0 and piece.start == _first_offset(pieces):
                quote = running  # the same statement, continued in this paragraph
            else:
                lead_in = " ".join(p.text for p in pieces[:position] if p.kind == "n")
                quote = _Quote(whole_paragraph=whole, lead_in=lead_in)
                quotes.append(quote)
            quote.pieces.append(piece)
            after = pieces[position + 1] if position + 1 < len(pieces) else None
            before = pieces[position - 1] if position > 0 else None
            if (quote.speaker is None or quote.borrowed) and after is not None and after.kind == "n":
                speaker = _post_attribution(after.text)
                if speaker and (quote.speaker is None or speaker.written):
                    # A quote over paragraphs names its speaker at its end ("…?” said Hajj Abbas
                    # Golchin"), over whatever the paragraph before it said ("growers say").
                    quote.speaker, quote.attribution, quote.borrowed = speaker, after, False
            if quote.speaker is None and before is not None and before.kind == "n":
                if last_in_paragraph is not None and last_in_paragraph.attribution is before:
                    if before.text.rstrip().endswith((".", "!", "?")):
                        # "“A,” Navabi said. “B.”": a new statement by the same speaker.
                        quote.speaker, quote.attribution = last_in_paragraph.speaker, before
                    else:
                        # "“A,” Rostami said, “B.”": B continues A.
                        last_in_paragraph.pieces.append(piece)
                        quotes.remove(quote)
                        quote = last_in_paragraph
                else:
                    speaker = _pre_attribution(before.text)
                    if speaker:
                        quote.speaker, quote.attribution = speaker, before
            # A second quote in a paragraph that already named its speaker: the same speaker.
            if (
                quote.speaker is None
                and last_in_paragraph is not None
                and last_in_paragraph.speaker
                and not _names_someone_else(before.text if before else "")
            ):
                last_in_paragraph.pieces.append(piece)
                if quote in quotes and quote is not last_in_paragraph:
                    quotes.remove(quote)
                quote = last_in_paragraph
            last_in_paragraph = quote
            if quote not in in_paragraph:
                in_paragraph.append(quote)
            running = quote if piece.open_end else None
        for quote in in_paragraph:
            if quote.speaker is not None or not quote.whole_paragraph or quote.pieces[0].paragraph != index:
                continue
            # A paragraph that is only a quote: said by whoever the paragraph before announced.
            if previous_attributed is not None and previous_attributed.speaker is not None:
                quote.speaker, quote.borrowed = previous_attributed.speaker, True
            elif index > 0 and all(p.kind == "n" for p in paragraph_pieces[index - 1]):
                quote.speaker = _reported_speech_speaker(paragraphs[index - 1])
                quote.borrowed = quote.speaker is not None
        previous_attributed = last_in_paragraph if whole and last_in_paragraph else None
    return quotes


def _first_offset(pieces: list[_Piece]) -> int:
    return pieces[0].start if pieces else 0


def _names_someone_else(narration: str) -> bool:
    """True when the narration names a person (a capitalized run that reads as a name)."""
    return any(_name_from_part(m.group(1)) for m in _CAPITALIZED_RUN.finditer(narration or ""))


class _Resolver:
    """Speakers to people, for one story: the directory through the matcher, surnames through the
    people the story introduced before the quote."""

    def __init__(self, story: str, matcher, linked: dict[int, list[str]] | None = None) -> None:
        self.story = story
        self.matcher = matcher
        self._people_ids = {}
        # People the story is already linked to, with their names: the linking read their variant
        # spellings in context ("Jalal ed-Din Mostowfi" for the record "Jalaleddin Mostowfi").
        self.linked = linked or {}

    def _linked_as(self, name: str) -> int | None:
        """The person a full name is a spelling of: one the story is linked to, else the one
        person of the directory with that spelling key ("Mohammadali Rezaee")."""
        key = spelling_key(name)
        hits = {pk for pk, names in self.linked.items() if any(spelling_key(n) == key for n in names)}
        if not hits:
            hits = set(getattr(self.matcher, "person_spellings", {}).get(key, ()))
        return hits.pop() if len(hits) == 1 else None

    def _linked_by_last_words(self, words: list[str]) -> dict[int, str]:
        tail = [loose_word(w) for w in name_words(" ".join(words))]
        out = {}
        for pk, names in self.linked.items():
            for name in names:
                full = name_words(name)
                if len(full) > len(tail) and [loose_word(w) for w in full[-len(tail) :]] == tail:
                    out[pk] = names[0]
        return out

    def _people_in(self, text: str) -> dict[int, str]:
        return {
            pk: surface for (kind, pk), (surface, _n) in self.matcher.find(text).items() if kind == "person"
        }

    def _organization_named(self, name: str) -> bool:
        return any(
            kind == "organization" and name_key(surface, honorifics=False) == name_key(name, honorifics=False)
            for (kind, _pk), (surface, _n) in self.matcher.find(name).items()
        )

    def resolve(self, speaker: Speaker, start: int) -> tuple[int | None, str, str]:
        """(person id or None, the speaker's full name as best known, why unattached)."""
        written = speaker.written
        # Words as written, honorifics dropped: "Yar-Ahmadi" is one surname, "Dr. Moradi" one too.
        words = [w for w in written.split() if normalize_name(w) not in HONORIFIC_WORDS] or written.split()
        if self._organization_named(written):
            return None, written, "the words name an organization, not a person"
        if len(words) >= 2:
            people = self._people_in(written)
            if len(people) == 1:
                return next(iter(people)), written, ""
            if len(people) > 1:
                return None, written, "the name fits more than one person in the directory"
            linked = self._linked_as(written)
            if linked is not None:
                return linked, written, ""
            # "Mohammadzadeh Bonab told …": a surname of two words, when the story introduced
            # someone before whose full name ends with them; else the name stays as written.
            pk, full, why = self._surname(words, written, start)
            if pk is not None or why != "a surname the story never introduced by full name":
                return pk, full, why
            # Not a full match: "Dr. Leila Moradi" may be known as "Leila Moradi" only through its
            # last words, never guessed — the directory decides, or the name stays as written.
            return None, written, "not in the directory"
        return self._surname(words[:1], written, start)

    def _surname(self, surname: list[str], written: str, start: int) -> tuple[int | None, str, str]:
        key = name_key(" ".join(surname))
        if not key:
            return None, written, "no name"
        size = len(surname)

        def tail(name: str) -> str:
            words = name.split()
            return name_key(" ".join(words[-size:])) if len(words) > size else ""

        before = self.story[:start]
        known: dict[int, str] = {
            pk: surface for pk, surface in self._people_in(before).items() if tail(surface) == key
        }
        new: dict[str, str] = {}
        for match in _CAPITALIZED_RUN.finditer(before):
            full = _name_from_part(match.group(1))
            if not full or len(full.split()) <= size or tail(full) != key:
                continue
            people = self._people_in(full)
            linked = self._linked_as(full) if not people else None
            if people:
                known.update(people)
            elif linked is not None:
                known[linked] = full
            else:
                new.setdefault(name_key(full), full)
        if not known and not new:
            # "Dr. Eslami", "Mostowfi": the one person the story is linked to by that surname.
            known.update(self._linked_by_last_words(surname))
        if len(known) + len(new) > 1:
            return None, written, "more than one person with that surname in the story"
        if known:
            pk, surface = next(iter(known.items()))
            return pk, surface, ""
        if new:
            return None, next(iter(new.values())), "not in the directory"
        return None, written, "a surname the story never introduced by full name"


def _joined(pieces: list[_Piece]) -> str:
    """The words of a statement: interrupted parts joined by a space, paragraphs by a blank line."""
    text, paragraph = "", None
    for piece in pieces:
        words = _clean(piece.text)
        if not words:
            continue
        if text:
            text += " " if piece.paragraph == paragraph else "\n\n"
        text += words
        paragraph = piece.paragraph
    return text


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip(",").strip()


def find_quotes(
    body_html: str, *, headline: str = "", matcher=None, resolve: bool = True, linked=None
) -> list[FoundQuote]:
    """The quoted statements of a body, in order, each with its speaker resolved when it can be."""
    if matcher is None and resolve:
        from articles.linking.finder import EntityMatcher

        matcher = EntityMatcher.current()
    paragraphs = [text for tag, text in blocks(body_html) if tag in ("p", "li")]
    pieces, story = _scan(paragraphs)
    grouped = _group(pieces, paragraphs)
    resolver = _Resolver(f"{headline}\n{story}", matcher, linked) if resolve else None
    shift = len(headline) + 1
    found: list[FoundQuote] = []
    last: FoundQuote | None = None
    for quote in grouped:
        text = _joined(quote.pieces)
        speaker = quote.speaker
        if not text or (speaker is None and len(text.split()) < MIN_UNATTRIBUTED_WORDS):
            continue  # a word in quotation marks ("the so-called “winter plan”"), not a statement
        if speaker is None and not quote.whole_paragraph:
            continue
        item = FoundQuote(text=text, start=quote.pieces[0].start, paragraph=quote.pieces[0].paragraph)
        if speaker is not None and speaker.pronoun:
            # "Zare said dogs had been sent. “…,” he added.": the subject of the paragraph's reported
            # speech; failing that the speaker just before, unless someone else was named between.
            named = _reported_speech_speaker(quote.lead_in) if quote.lead_in.strip() else None
            one = _one_person_named(quote.lead_in)
            if named is not None and named.written:
                speaker = named
            elif one is not None:
                # "A council member, Roya Farahani, voted against. “…,” she said.": the one person
                # the sentence before the quote names.
                speaker = one
            elif _names_someone_else(quote.lead_in):
                speaker = None
            elif last is None or last.paragraph < item.paragraph - 1:
                # "…, Yar-Ahmadi told a meeting." then "“…,” he said.": the one person the
                # paragraph before reported as speaking.
                last = None
                if item.paragraph > 0:
                    before = paragraphs[item.paragraph - 1]
                    speaker = (
                        _only_speaker_reported(before)
                        or (_one_person_named(before) if not any(m in before for m in OPENING) else None)
                        or speaker
                    )
        if speaker is None:
            item.why_unattached = "no speaker named"
        elif not speaker.pronoun and not speaker.written:
            item.why_unattached = "the speaker is not a named person"
        elif speaker.pronoun:
            if last is not None and (last.person_id or last.speaker_name):
                item.person_id, item.speaker_name = last.person_id, last.speaker_name
                item.speaker_written, item.context = last.speaker_written, last.context
                item.why_unattached = last.why_unattached
            else:
                item.why_unattached = "a pronoun with no speaker before it"
        else:
            item.speaker_written, item.context = speaker.written, speaker.context
            if resolver is not None:
                pk, full, why = resolver.resolve(speaker, quote.pieces[0].start + shift)
                item.person_id, item.speaker_name, item.why_unattached = pk, full, why
            else:
                item.speaker_name = speaker.written
        found.append(item)
        if speaker is not None:
            last = item
    return found


def _same_text(a: str, b: str) -> bool:
    return normalize_name(a) == normalize_name(b)


def missing_quotes(article: Article, matcher=None) -> list[FoundQuote]:
    """Quotes in the article's body that are not Quote records of the article yet."""
    found = find_quotes(
        article.body, headline=article.headline, matcher=matcher, linked=linked_people(article)
    )
    existing = list(article.quotes.values_list("text", flat=True)) if article.pk else []
    return [q for q in found if not any(_same_text(q.text, text) for text in existing)]


@dataclass
class QuotesAttached:
    attached: int = 0
    unattached: list[FoundQuote] = field(default_factory=list)


@transaction.atomic
def quotes_attach(*, article: Article, matcher=None) -> QuotesAttached:
    """Make Quote records of the body's quotes whose speaker is now known, each speaker linked as
    ``quoted``; safe to call again (after new people were created: an earlier unattached quote is
    attached then)."""
    report = QuotesAttached()
    missing = missing_quotes(article, matcher)
    position = article.quotes.count()
    person_link = BY_KIND["person"]
    for item in missing:
        if item.person_id is None:
            report.unattached.append(item)
            continue
        Quote.objects.create(
            article=article,
            speaker_id=item.person_id,
            text=item.text,
            context=item.context,
            position=position,
        )
        position += 1
        report.attached += 1
        person_link.link_model.objects.get_or_create(
            article=article, role=LinkRole.QUOTED, **{f"{person_link.field}_id": item.person_id}
        )
    if report.attached:
        from articles.changes import content_changed

        content_changed(article_ids=[article.pk], reason="quotes attached to their speakers")
    return report


def linked_people(article: Article) -> dict[int, list[str]]:
    """The people the article is linked to, each with their name and other names."""
    if not article.pk:
        return {}
    link = BY_KIND["person"]
    ids = set(link.link_model.objects.filter(article=article).values_list(f"{link.field}_id", flat=True))
    people = {pk: [name] for pk, name in Person.objects.filter(pk__in=ids).values_list("pk", "name")}
    for pk, name in PersonAlias.objects.filter(person_id__in=ids).values_list("person_id", "name"):
        people[pk].append(name)
    return people


def person_slugs(ids: set[int]) -> dict[int, str]:
    return dict(Person.objects.filter(pk__in=ids).values_list("pk", "slug")) if ids else {}
