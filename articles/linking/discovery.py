"""Reading the people, organizations and events a story names, the way wire copy introduces them.

Wire copy introduces a new person with a title in apposition ("Vahid Rostami, head of the
Golestan branch of the Iranian Red Crescent Society (IRCS), said…"), after a speech verb ("said
Dr. Leila Moradi, the province's deputy health chief"), behind a title ("Health Minister Bahram
Einollahi") or an honorific ("Dr. Moradi"); an organization by its full name, often with its
acronym in brackets; later references use the surname ("Rostami said") or the acronym ("IRCS").

:func:`read_mentions` turns a story's text into :class:`Mention` objects, each with its sentence,
its place in the story (headline, lead, body) and the evidence that made it a name. It knows
nothing of the directory: :mod:`articles.linking.resolution` decides which mentions are known
records and which are proposals. Places, days and months, headings, sentence-initial words and
honorifics alone are never names.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from html import unescape

from django.utils.html import strip_tags

from organizations.names import HONORIFICS, is_acronym, is_given_name, normalize_name
from organizations.places import PLACE_WORDS, city_country, is_place, story_province


def _words(text: str) -> frozenset[str]:
    """A word list written as text, one space apart (easier to read and extend than a literal set)."""
    return frozenset(text.split())


# Words that end an organization's name ("... Society", "Ministry of ...").
ORG_HEADS = _words(
    """
    academy administration agency alliance army assembly association authority bank board
    broadcasting bureau center centre chamber charity clinic coalition college commission committee
    company consortium consulate cooperative corporation corps council court crescent cross
    delegation department directorate embassy federation forum foundation fund gallery group
    headquarters hospital inc initiative institute institution laboratory league library ltd majlis
    ministry mission movement municipality museum navy network observatory office orchestra
    organisation organization parliament party police program programme radio secretariat service
    services societies society television trust union university conservatory theatre theater opera
    ensemble studio studios
    """
)
# Capitalised words that say what someone is, not who ("Health Minister", "Secretary General").
TITLE_WORDS = _words(
    """
    acting adviser advisor ambassador attache attaché ceo cfo chair chairman chairwoman chancellor
    chief commander commissioner consul coordinator counsellor counselor dean delegate deputy
    director directors doctor emir envoy executive expert first former founder general governor head
    inspector interim judge king lawmaker magistrate manager managing mayor member minister ministers mp nurse
    ombudsman prosecutor
    officer official premier president prime prince princess professor queen rector representative
    researcher second secretary senator sheikh spokesman spokesperson spokeswoman supervisor
    undersecretary vice volunteer
    """
)
# Lower-case nouns of an appositive title ("head of...", "the province's deputy health chief").
APPOSITIVE_NOUNS = TITLE_WORDS | _words(
    """
    activist actor actress administrator analyst artist athlete author captain cleric coach curator
    daughter driver economist employee engineer farmer father filmmaker historian imam journalist
    lawyer leader medic midwife mother nun officials organiser organizer owner paramedic pastor
    pharmacist photographer physician pilot player poet priest psychologist rescuer resident
    residents scientist singer son staff student surgeon survivor teacher worker workers writer
    """
)
# Words that look like names at the start of a sentence or in a heading but are not.
NOT_NAMES = _words(
    """
    a about according after against all also among an and apr april as at aug august before between
    both breaking but by central dec december dr during each earlier eastern editor eight every
    exclusive feb february first five for four friday from furthermore general global he her here
    his how however i if in international into islamic it its jan january jul july jun june last
    later local many mar march may meanwhile monday more moreover most mr mrs ms my national new
    news next nine no nor northern not note notes nov november oct october old on one or our over
    photo photos posts press provincial public read regional related release report reports republic
    saturday second sep sept september seven several she similar since six so social some source
    sources southern state statement sunday tags ten that the their there these they third this
    those three through thursday today tomorrow tonight tuesday two under update video we wednesday
    western what when where which while who why with without world yesterday yet you your of for to
    """
)
# Generic subject words: "Health Ministry" or "Relief Organization" alone name no one body.
GENERIC_WORDS = _words(
    """
    agriculture budget central city commerce communications cultural culture defence defense
    development economic economy education emergency energy environment executive family finance
    foreign general global health high housing human humanitarian industry information intelligence
    interior international joint justice labor labour local main media medical national news oil
    planning press provincial public red regional relief rescue research rights road roads science
    security social special sport sports state supreme the tourism trade transport welfare women
    world youth
    """
)
# Lower-case nouns after a capitalised name that make it a building, a street or a place.
INSTITUTION_NOUNS = _words(
    """
    hospital hospitals clinic university school schools street avenue square boulevard highway road
    stadium airport bridge port mosque mosalla shrine park hall center centre complex building station
    dam camp district neighbourhood neighborhood village town county province arena cemetery
    gymnasium gym terminal bazaar market garden gardens mausoleum tomb citadel castle palace
    mountain mountains lake river pool tower monument gate
    """
)
CONNECTORS = frozenset({"of", "for", "and", "de", "du", "des", "la", "le", "al", "el", "&", "the"})
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "der", "da", "di", "du", "la"}
)
SPEECH_VERBS = _words(
    """
    added adds announced announces asked asks confirmed confirms continued continues declared
    declares described describes emphasised emphasized explained explains highlighted highlights
    insisted insists noted notes pointed recalled recalls remarked said says stated states stressed
    stresses tells told underlined urged urges warned warns writes wrote
    """
)
MONTHS = {
    m: i
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for m in names.split()
}
EVENT_HEADS = {
    "declaration": "agreement",
    "charter": "agreement",
    "protocol": "agreement",
    "day": "observance",
    "week": "observance",
    "conference": "conference",
    "summit": "conference",
    "forum": "conference",
    "congress": "conference",
    "symposium": "conference",
    "seminar": "conference",
    "workshop": "conference",
    "festival": "exhibition",
    "exhibition": "exhibition",
    "expo": "exhibition",
    "fair": "exhibition",
    "biennial": "exhibition",
    "games": "other",
    "marathon": "other",
    "campaign": "other",
    "drill": "other",
    "meeting": "meeting",
    "session": "session",
    "ceremony": "other",
    "agreement": "agreement",
    "memorandum": "agreement",
    "accord": "agreement",
    "earthquake": "disaster",
    "flood": "disaster",
    "floods": "disaster",
    "election": "election",
    "elections": "election",
}
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "no",
        "vs",
        "etc",
        "jr",
        "sr",
        "rev",
        "hon",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
    ]
)
_TOKEN = re.compile(r"[\w]+(?:[-'’][\w]+)*|[^\w\s]", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_BLOCK = re.compile(r"<(p|li|blockquote|h[1-6])\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_QUOTE_MARKS = re.compile(r"[“”\"]")
_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Z][a-z]{2,8})|(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?P<y>\d{4}))?\b"
)
_GENERIC_EVENT = re.compile(
    r"\b(?:a|an|the|this|last|next)\s+(?P<adj>(?:[\w-]+\s+){0,3}?)"
    r"(?P<head>meeting|conference|summit|forum|exhibition|festival|ceremony|workshop|agreement|"
    r"memorandum(?: of understanding)?|accord|congress|symposium|seminar|session|drill|campaign|"
    r"earthquake|flood|floods)\b(?=(?P<tail>[^.;]{0,70}))",
    re.IGNORECASE,
)


@dataclass
class Sentence:
    text: str
    part: str  # "headline" | "dek" | "body"
    index: int  # position in the story, 0 for the first sentence of the headline
    paragraph: int  # body paragraph number (0 = the lead); -1 outside the body
    is_heading: bool = False

    @property
    def in_lead(self) -> bool:
        return self.part == "dek" or (self.part == "body" and self.paragraph == 0)

    @property
    def has_quote(self) -> bool:
        return len(_QUOTE_MARKS.findall(self.text)) >= 2 or self.text.lstrip().startswith(("“", '"'))


@dataclass
class Mention:
    """A name as the text writes it, with what the text says about it."""

    kind: str  # "person" | "organization" | "event" | "surname" | "acronym"
    text: str  # as written: "Dr. Leila Moradi"
    name: str  # the record's name: "Leila Moradi"
    sentence: Sentence
    start: int = 0  # character offset in the sentence
    title: str = ""
    organization: str = ""  # affiliation as written: "Iranian Red Crescent Society" or "IRCS"
    acronym: str = ""
    evidence: list[str] = field(default_factory=list)
    confidence: float = 0.0
    speaker: bool = False  # the sentence has them saying something
    title_span: tuple[int, int] = (0, 0)  # where the title is written in the sentence
    event_kind: str = ""
    event_date: date | None = None
    place: str = ""


def story_sentences(headline: str, dek: str, body_html: str) -> list[Sentence]:
    """The story cut into sentences, each knowing whether it is the headline, the lead or a heading."""
    sentences: list[Sentence] = []

    def add(text: str, part: str, paragraph: int, heading: bool = False) -> None:
        for piece in split_sentences(text):
            sentences.append(Sentence(piece, part, len(sentences), paragraph, heading))

    if headline.strip():
        sentences.append(Sentence(headline.strip(), "headline", 0, -1, True))
    if dek.strip():
        add(dek, "dek", -1)
    paragraph = 0
    blocks = _BLOCK.findall(body_html or "")
    if not blocks and body_html and "<" not in body_html:
        blocks = [("p", chunk) for chunk in body_html.split("\n\n")]
    for tag, inner in blocks:
        text = re.sub(r"\s+", " ", unescape(strip_tags(inner))).strip()
        if not text or text.lower().startswith(("tags:", "tag:", "keywords:")):
            continue
        heading = tag.lower().startswith("h") or _looks_like_heading(text)
        add(text, "body", paragraph, heading)
        if not heading:
            paragraph += 1
    return sentences


def _looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation ("What the shelters offer", "Volunteers wanted")."""
    return len(text.split()) <= 8 and not text.rstrip().endswith((".", "!", "?", ":", "”", '"', "’"))


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; "Dr. Moradi" and "U.N." do not end one."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rstrip('"”’)')
        last = re.findall(r"[\w.]+$", before)
        word = last[0].rstrip(".").lower() if last else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or "." in word:
            continue
        pieces.append(text[start : match.start()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


# The Arabic article as Persian and Arabic names write it before a capital ("Fakhr ol-Molk",
# "Nasser ed-Din", "Abd ul-Karim", "Amir al-Momenin").
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ol|ul|ed|od|ad|ud|os|es|as|osh|ash|ot|ez|oz|az)-(?=[A-Z])")


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or _ARTICLE_PREFIX.match(token) is not None


def _shouting(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 12 and sum(ch.isupper() for ch in letters) > 0.7 * len(letters)


@dataclass
class _Span:
    tokens: list[re.Match]

    @property
    def words(self) -> list[str]:
        return [t.group(0) for t in self.tokens]

    @property
    def start(self) -> int:
        return self.tokens[0].start()

    @property
    def end(self) -> int:
        return self.tokens[-1].end()


def _spans(sentence: str) -> list[tuple[_Span, int, int]]:
    """Runs of capitalised words (with "of", "for", "and" inside), as (span, first token, last token)."""
    tokens = list(_TOKEN.finditer(sentence))
    spans: list[tuple[_Span, int, int]] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].group(0)
        if not (word[:1].isalpha() and _capitalised(word)):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            nxt = tokens[j + 1].group(0)
            if _possessive(tokens[j].group(0)):
                # "the Golbarg Women's Society", "the Children's Cancer Foundation": a possessive
                # inside a body's name (a common noun's, not a place's, a person's or an acronym's).
                if _possessive_inside_name(tokens, i, j):
                    j += 1
                    continue
                break
            if nxt[:1].isalpha() and _capitalised(nxt):
                j += 1
                continue
            # "Ministry of Health", "Organization for Migration", "Ministry of Health and Medical
            # Education": a connector joins two capitalised words (and "of the").
            k = j + 1
            while k < len(tokens) and tokens[k].group(0).lower() in CONNECTORS and k - j <= 2:
                k += 1
            if (
                k > j + 1
                and k < len(tokens)
                and _capitalised(tokens[k].group(0))
                and tokens[k].group(0)[:1].isalpha()
                and tokens[j + 1].group(0).lower() != "the"
            ):
                j = k
                continue
            if nxt == "-" and j + 2 < len(tokens) and _capitalised(tokens[j + 2].group(0)):
                j += 2
                continue
            # "Bureau for Aliens and Foreign Immigrants' Affairs": a plural possessive inside a name.
            if (
                nxt in {"'", "’"}
                and tokens[j].group(0).endswith("s")
                and j + 2 < len(tokens)
                and _capitalised(tokens[j + 2].group(0))
                and tokens[j + 2].start() == tokens[j + 1].end() + 1
            ):
                j += 2
                continue
            break
        spans.append((_Span(tokens[i : j + 1]), i, j))
        i = j + 1
    return [piece for pair in _split_and(_join_lists(spans, sentence)) for piece in _split_of(*pair)]


def _possessive_inside_name(tokens, i: int, j: int) -> bool:
    """ "Women's" in "Golbarg Women's Society": the capitalised run after it ends in a body's noun,
    and the possessive word is a common noun (not a place, a first name or an acronym)."""
    word = _strip_possessive(tokens[j].group(0))
    if _heads_in([t.group(0) for t in tokens[i : j + 1]]):
        return False  # "the Ministry of Health's Center for …": the possessive ends a name
    if is_acronym(word) or is_place(word) or is_given_name(word):
        return False
    if normalize_name(word) in NOT_NAMES | TITLE_WORDS | ORG_HEADS:
        return False
    run = []
    for token in tokens[j + 1 : j + 6]:
        text = token.group(0)
        if not (text[:1].isalpha() and _capitalised(text)):
            break
        run.append(normalize_name(_strip_possessive(text)))
    return bool(run) and run[-1] in ORG_HEADS


def _heads_in(words: list[str]) -> set[str]:
    return {normalize_name(_strip_possessive(w)) for w in words} & ORG_HEADS


# A unit of a larger body, written "<unit> of <body>": two organizations, the unit and its parent.
_SUBUNITS = frozenset(
    [
        "institute",
        "center",
        "centre",
        "department",
        "office",
        "school",
        "college",
        "hospital",
        "clinic",
        "laboratory",
        "library",
        "museum",
        "directorate",
        "bureau",
        "unit",
        "headquarters",
        "faculty",
    ]
)


def _split_of(span, a, b):
    """ "Metabolism Research Institute of Tehran University of Medical Sciences" is two bodies."""
    words = span.words
    for k, word in enumerate(words):
        if word.lower() != "of" or k == 0:
            continue
        left, right = words[:k], words[k + 1 :]
        # "Priya Raman of the World Health Organization": a person and their organization.
        if (
            2 <= len(left) <= 4
            and not _heads_in(left)
            and not {normalize_name(w) for w in left} & (TITLE_WORDS | NOT_NAMES | GENERIC_WORDS)
            and not any(is_acronym(w) for w in left)
            and (is_given_name(left[0]) or not any(is_place(w) for w in left))
            and _heads_in(right)
        ):
            yield _Span(span.tokens[:k]), a, a + k - 1
            start = k + 2 if len(right) > 1 and right[0].lower() == "the" else k + 1
            yield _Span(span.tokens[start:]), a + start, b
            return
        # "Amir Sadeghloo of Iran", "Parisa Alavi of Tehran": a person and where they are from.
        if (
            2 <= len(left) <= 3
            and is_given_name(left[0])
            and not {normalize_name(w) for w in left} & (TITLE_WORDS | NOT_NAMES | GENERIC_WORDS | ORG_HEADS)
            and right
            and is_place(" ".join(right))
        ):
            yield _Span(span.tokens[:k]), a, a + k - 1
            yield _Span(span.tokens[k + 1 :]), a + k + 1, b
            return
        # "Qolizadeh of the DOE": a surname and the body they are of.
        body = right[1:] if len(right) > 1 and right[0].lower() == "the" else right
        if (
            len(left) == 1
            and not {normalize_name(left[0])} & (TITLE_WORDS | NOT_NAMES | GENERIC_WORDS | ORG_HEADS)
            and not is_acronym(left[0])
            and not is_place(left[0])
            and ((len(body) == 1 and is_acronym(body[0])) or _heads_in(body))
        ):
            yield _Span(span.tokens[:1]), a, a
            start = k + 1 + (len(right) - len(body))
            yield _Span(span.tokens[start:]), a + start, b
            return
        # "Metabolism Research Institute of Tehran University": the unit's own name comes before its
        # noun; "the Institute of Geophysics of the University of Tehran" is one name ("Institute"
        # alone names no unit).
        named_unit = len([w for w in left if w.lower() not in CONNECTORS]) >= 2
        if named_unit and normalize_name(left[-1]) in _SUBUNITS and _heads_in(right) - {"cross", "crescent"}:
            yield _Span(span.tokens[:k]), a, a + k - 1
            yield _Span(span.tokens[k + 1 :]), a + k + 1, b
            return
    yield span, a, b


def _join_lists(spans, sentence: str):
    """ "Isfahan Cultural Heritage, Handicrafts and Tourism Department", "the Forests, Rangelands
    and Watershed Management Organization", "Iran Chamber of Commerce, Industries, Mines and
    Agriculture": one name with commas, a list of subjects closed by "and"."""
    tokens = list(_TOKEN.finditer(sentence))
    out = []
    for span, a, b in spans:
        words = span.words
        lower = [w.lower() for w in words]
        closes = (
            "and" in lower
            and 0 < lower.index("and") < len(lower) - 1
            and _list_item(words[: lower.index("and")])
        )
        # The earlier spans of the list: ", "-separated, each a subject, never a place or a person.
        chain = []
        at = len(out)
        while at and closes:
            prev, pa, pb = out[at - 1]
            if sentence[prev.end : (chain[0][0] if chain else span).start] != ", ":
                break
            if (chain[0][1] if chain else a) != pb + 2:
                break
            chain.insert(0, (prev, pa, pb))
            at -= 1
            if not _list_item(prev.words):
                break
        joined = None
        if chain:
            first, fa, _fb = chain[0]
            items_ok = all(_list_item(c.words) for c, _x, _y in chain[1:])
            if (
                normalize_name(words[-1]) in ORG_HEADS
                and items_ok
                and (_list_item(first.words) or _name_start(first.words))
            ):
                joined = fa  # "... Handicrafts and Tourism Department"
            elif (
                _heads_in(first.words)
                and len(first.words) >= 3
                and first.words[-2].lower() in {"of", "for"}
                and items_ok
                and _list_item(words)
                and not any(is_place(w) or is_given_name(w) for w in words if w.lower() != "and")
            ):
                joined = fa  # "Chamber of Commerce, Industries, Mines and Agriculture"
        if joined is not None:
            del out[len(out) - len(chain) :]
            out.append((_Span(tokens[joined : b + 1]), joined, b))
            continue
        out.append((span, a, b))
    return out


def _name_start(words: list[str]) -> bool:
    """ "Isfahan Cultural Heritage", "The Seas": the first words of a body's name, before its list."""
    if words and words[0].lower() == "the":
        words = words[1:]
        if len(words) == 1:
            return _list_item(words)
    return (
        len(words) >= 2
        and not _heads_in(words)
        and not any(is_acronym(w) for w in words)
        and not is_given_name(words[0])
    )


def _list_item(words: list[str]) -> bool:
    """One subject of a name's list ("Handicrafts", "Rangelands"): no place, person or acronym."""
    content = [w for w in words if w.lower() != "and"]
    return (
        1 <= len(content) <= 3
        and not _heads_in(content)
        and not any(is_acronym(w) or is_place(w) or is_given_name(w) for w in content)
        and not {normalize_name(w) for w in content} & (NOT_NAMES | TITLE_WORDS)
    )


def _split_and(spans):
    """ "IRCS and UNICEF" is two names; "Ministry of Health and Medical Education" is one."""
    for span, a, b in spans:
        words = [w.lower() for w in span.words]
        if "and" not in words:
            yield span, a, b
            continue
        # "the Chess Federation of Iran and the Kish Free Zone Organization": "and the" between
        # two names is a coordination of two bodies, never one body's name.
        the = [k for k in range(len(words) - 2) if words[k] == "and" and words[k + 1] == "the"]
        if the and _heads_in(span.words[the[-1] + 2 :]):
            cut = the[-1]
            if _heads_in(span.words[:cut]):
                yield _Span(span.tokens[:cut]), a, a + cut - 1
            yield _Span(span.tokens[cut + 2 :]), a + cut + 2, b
            continue
        cut = words.index("and")
        left, right = words[:cut], words[cut + 1 :]
        left_words = span.words[:cut]
        if (
            len(left) == 1
            and len(right) >= 2
            and all(re.search(r"(?:ian|ish|ese|i|an)$", w) for w in (left[0], right[0]))
        ):
            # "the Iranian and Iraqi Red Crescent societies": two bodies sharing their noun, named
            # in full elsewhere; neither is this span.
            continue
        complete = bool(left) and (
            (len(left_words) == 1 and is_acronym(left_words[0]))
            or normalize_name(left[-1]) in ORG_HEADS - {"cross", "crescent"}
            or is_place(" ".join(left_words))
            or (right and is_acronym(span.words[cut + 1]))
        )
        if not complete:
            yield span, a, b
            continue
        yield _Span(span.tokens[:cut]), a, a + cut - 1
        if span.tokens[cut + 1 :]:
            yield _Span(span.tokens[cut + 1 :]), a + cut + 1, b
    return


def _person_in_apposition(tokens, last: int) -> bool:
    """ "the stand of Sima Rafiei, a 31-year-old carpet designer": what follows says a person."""
    if last + 1 >= len(tokens) or tokens[last + 1].group(0) != ",":
        return False
    following = [t.group(0) for t in tokens[last + 2 : last + 8]]
    if not following or following[0].lower() not in {"a", "an", "the"}:
        return False
    for word in following[1:]:
        if word in {",", ".", ";"}:
            break
        if re.fullmatch(r"\d+-year-old", word) or word.lower() in APPOSITIVE_NOUNS - TITLE_WORDS:
            return True
    return False


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _strip_possessive(word: str) -> str:
    return word[:-2] if _possessive(word) else word


def read_mentions(sentences: list[Sentence]) -> list[Mention]:
    """Every name each sentence gives: people, organizations, events, surnames and acronyms."""
    mentions: list[Mention] = []
    province = _province_of(sentences)
    city = _dateline_city(sentences)
    for sentence in sentences:
        if _shouting(sentence.text):
            continue
        found = _sentence_mentions(sentence, province)
        if city:
            found.extend(_municipality_of_the_city(sentence, found, city))
        mentions.extend(found)
        if not sentence.is_heading:
            mentions.extend(_event_mentions(sentence))
    return mentions


_DATELINE = re.compile(r"^(?P<city>[A-Z][A-Z .'’-]+?)\s*[–—-]\s")


def dateline_country(sentences: list[Sentence]) -> str:
    """The country of the dateline's city ("BUSHEHR –" -> "IR"), or ""."""
    return city_country(_dateline_city(sentences))


def _dateline_city(sentences: list[Sentence]) -> str:
    """The city of the dateline ("BUSHEHR –" -> "Bushehr"), when it is a known place."""
    city = next(
        (m.group("city") for s in sentences if s.part != "headline" and (m := _DATELINE.match(s.text))), ""
    )
    city = city.strip().title()
    return city if city and is_place(city) else ""


_THE_MUNICIPALITY = re.compile(r"\b[Tt]he\s+(?:city['’]s\s+)?municipality\b(?!\s+of\b)")


def _municipality_of_the_city(sentence: Sentence, found: list[Mention], city: str) -> list[Mention]:
    """ "the municipality", "the city's municipality" in a story from Bushehr: Bushehr's."""
    taken = [(m.start, m.start + len(m.text)) for m in found]
    out = []
    for match in _THE_MUNICIPALITY.finditer(sentence.text):
        if any(lo < match.end() and match.start() < hi for lo, hi in taken):
            continue
        out.append(
            Mention(
                "organization",
                match.group(0),
                f"{city} municipality",
                sentence,
                match.start(),
                evidence=["a body of the dateline's city"],
                confidence=0.7,
            )
        )
    return out


def _province_of(sentences: list[Sentence]) -> str:
    """The province the story is set in ("Mazandaran"), told by its text and dateline, or ""."""
    dateline = next(
        (m.group("city") for s in sentences if s.part != "headline" and (m := _DATELINE.match(s.text))), ""
    )
    return story_province(" ".join(s.text for s in sentences), dateline)


def _sentence_mentions(sentence: Sentence, province: str = "") -> list[Mention]:
    text = sentence.text
    tokens = list(_TOKEN.finditer(text))
    found: list[Mention] = []
    for span, first, last in _spans(text):
        words = [_strip_possessive(w) for w in span.words]
        # Drop the sentence's opening determiner and any leading connector.
        lead = 0
        opening = first == 0 or (first == 1 and tokens[0].group(0) in {"“", '"', "‘", "("})
        if opening and len(words) > 2 and words[1].lower() in {"of", "for"}:
            head = normalize_name(words[0])
            if head not in ORG_HEADS and not _title_parts(head) & TITLE_WORDS:
                lead = 2  # "Volunteers of the Red Crescent's youth organisation showed..."
        while (
            lead < len(words)
            and words[lead].lower() in NOT_NAMES | CONNECTORS
            and words[lead].lower()
            in {
                "the",
                "a",
                "an",
                "of",
                "and",
                "for",
                "on",
                "in",
            }
        ):
            lead += 1
        words = words[lead:]
        span_tokens = span.tokens[lead:]
        first += lead
        if not words:
            continue
        before = tokens[first - 1].group(0) if first > 0 else ""
        before2 = tokens[first - 2].group(0) if first > 1 else ""
        after = tokens[last + 1].group(0) if last + 1 < len(tokens) else ""
        mention = _classify(sentence, text, tokens, words, span_tokens, first, last, before, before2, after)
        if mention is None:
            continue
        found.append(mention)
    found.extend(_lower_case_bodies(sentence, found))
    if province:
        found.extend(_bodies_of_the_province(sentence, found, province))
    _attach_affiliations(found)
    return found


_BODY_OF_PLACE = re.compile(
    r"\bthe\s+(?P<head>municipality|governorate|city council|provincial council|governor's office)\s+of\s+"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:\s+province\b)?"
)
_LOWER_HEADS = (
    r"network|headquarters|directorate|police|department|office|organization|organisation"
    r"|governorate|council|services|municipality"
)
# A named body written with its noun in lower case ("the Alvand credit cooperative"): these heads
# only after a name, never on their own.
_NAMED_LOWER_HEADS = r"|cooperative|company|bank|charity|foundation|union|agency|society|association|fund"
#: Nouns of bodies every place has ("the governorate", "the municipality"): never one body alone.
LOWER_BODY_HEADS = frozenset(_LOWER_HEADS.split("|")) | {"company", "governor's office"}
_PLACE_BODY = re.compile(
    r"\b(?:the\s+)?(?P<place>(?:(?:North|South|East|West|Central)\s+)?[A-Z][\w'’-]+)\s+"
    r"(?P<what>(?:[a-z]+\s+){0,3}?)(?P<head>" + _LOWER_HEADS + _NAMED_LOWER_HEADS + r")\b"
)
# "the veterinary department of Gilan", "the veterinary department in Gilan": the place after.
_BODY_IN_PLACE = re.compile(
    r"\bthe\s+(?P<what>(?:[a-z]+\s+){1,3}?)(?P<head>" + _LOWER_HEADS + r")\s+(?:of|in)\s+"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


def _unlisted_place(text: str, match, what: list[str]) -> bool:
    """ "the Savadkuh health network": a county the gazetteer lacks, read as a place when "the"
    stands before one capitalised word (no acronym, no first name) and subject words follow it."""
    place = match.group("place")
    before = text[: match.start("place")]
    return (
        bool(what)
        and " " not in place
        and re.search(r"\bthe\s+$", before) is not None
        and len(place) >= 4
        and not place.isupper()
        and not is_given_name(place)
        and normalize_name(place) not in NOT_NAMES | GENERIC_WORDS | TITLE_WORDS
        and not re.search(r"(?:ian|ese|ish|ic|an)$", place)  # "the Iranian football federation"
        and _words_are_subjects(what)
    )


def _words_are_subjects(what: list[str]) -> bool:
    return all(w not in APPOSITIVE_NOUNS and w not in SPEECH_VERBS for w in what)


def _lower_case_bodies(sentence: Sentence, found: list[Mention]) -> list[Mention]:
    """Bodies wire copy writes in lower case around a place: "the municipality of Beyoğlu",
    "the Saravan health network", "the Kerman traffic police"."""
    # A lone capitalised word read as a surname ("Savadkuh") may be the place of such a body.
    taken = [(m.start, m.start + len(m.text)) for m in found if m.kind != "surname"]
    out = []
    for pattern in (_BODY_OF_PLACE, _PLACE_BODY, _BODY_IN_PLACE):
        for match in pattern.finditer(sentence.text):
            start = match.start("head") if pattern is _BODY_OF_PLACE else match.start("place")
            if pattern is _BODY_IN_PLACE:
                start = match.start("what")
            if any(lo <= start < hi for lo, hi in taken):
                continue
            place = match.group("place")
            if pattern is not _BODY_OF_PLACE:
                what = match.group("what").split()
                # "the Mazandaran provincial planning council": "provincial" belongs to the name.
                stop = (NOT_NAMES - {"provincial"}) | SPEECH_VERBS | PLACE_WORDS
                if any(w in stop for w in what):
                    continue
                if normalize_name(place) in NOT_NAMES:
                    continue
                if not is_place(place) and not _unlisted_place(sentence.text, match, what):
                    continue
                if not what and match.group("head") not in {"governorate", "police", "municipality"}:
                    continue  # "Tehran office" alone names no one body
                # "the veterinary department of Gilan" is the "Gilan veterinary department".
                name = " ".join([place, *what, match.group("head")])
            else:
                if normalize_name(place) in NOT_NAMES:
                    continue
                name = f"{match.group('head').capitalize()} of {place}"
            out.append(
                Mention(
                    "organization",
                    sentence.text[start : match.end()],
                    name,
                    sentence,
                    start,
                    evidence=["a body of a place"],
                    confidence=0.7,
                )
            )
            taken.append((start, match.end()))
    if out:
        inside = [m for m in found if m.kind == "surname" and any(lo <= m.start < hi for lo, hi in taken)]
        for mention in inside:
            found.remove(mention)
    return out


# "the provincial crisis management headquarters", "the province's health network".
_PROVINCIAL_BODY = re.compile(
    r"\b[Tt]he\s+(?:provincial|province['’]s)\s+(?P<what>(?:[a-z]+\s+){0,3}?)(?P<head>"
    + _LOWER_HEADS
    + r"|company)\b"
)
_OF_PLACE = re.compile(r"\s+(?:of|in)\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# "the education department" in a story set in Isfahan: the Isfahan education department, when the
# directory has it (a short form, never proposed on its own: it could be any province's).
_BARE_BODY = re.compile(r"\b[Tt]he\s+(?P<what>(?:[a-z]+\s+){1,3}?)(?P<head>" + _LOWER_HEADS + r"|company)\b")


def _bodies_of_the_province(sentence: Sentence, found: list[Mention], province: str) -> list[Mention]:
    """Bodies wire copy writes in lower case for the province the story is set in."""
    taken = [(m.start, m.start + len(m.text)) for m in found]
    out = []
    stop = NOT_NAMES | SPEECH_VERBS | PLACE_WORDS | APPOSITIVE_NOUNS | {"provincial", "province", "s"}
    for pattern in (_PROVINCIAL_BODY, _BARE_BODY):
        for match in pattern.finditer(sentence.text):
            start, end = match.start(), match.end()
            if any(lo < end and start < hi for lo, hi in taken):
                continue
            what = match.group("what").split()
            # "water and wastewater company": "and" between two subject words only.
            inner = [w for i, w in enumerate(what) if not (w == "and" and 0 < i < len(what) - 1)]
            if any(normalize_name(w) in stop for w in inner):
                continue
            if not what and match.group("head") not in {"governorate", "police", "municipality"}:
                continue  # "the provincial office" names no one body
            where = _OF_PLACE.match(sentence.text, end)
            if where and is_place(where.group("place")):
                if pattern is _BARE_BODY:
                    continue  # "the veterinary department of Gilan": read as a body of that place
                # "the provincial water and wastewater company in Zabol": Zabol's.
                place = where.group("place")
            else:
                place = province
            evidence = ["a body of the story's province"]
            if pattern is _BARE_BODY:
                evidence.append("short form")
            out.append(
                Mention(
                    "organization",
                    sentence.text[start:end],
                    " ".join([place, *what, match.group("head")]),
                    sentence,
                    start,
                    evidence=evidence,
                    confidence=0.7,
                )
            )
            taken.append((start, end))
    for match in _PROVINCIAL_UNIVERSITY.finditer(sentence.text):
        subject = []
        for word in match.group("subject").split():
            if word in NOT_NAMES - {"and"} or word in SPEECH_VERBS:
                break
            subject.append(word)
        while subject and subject[-1] == "and":
            subject.pop()
        if not subject or any(lo < match.end() and match.start() < hi for lo, hi in taken):
            continue
        words = " ".join(w if w == "and" else w.capitalize() for w in subject)
        out.append(
            Mention(
                "organization",
                sentence.text[match.start() : match.start("subject") + len(" ".join(subject))],
                f"{province} University of {words}",
                sentence,
                match.start(),
                evidence=["a body of the story's province"],
                confidence=0.7,
            )
        )
    return out


# "the provincial university of medical sciences": the province's University of Medical Sciences.
_PROVINCIAL_UNIVERSITY = re.compile(
    r"\b[Tt]he\s+(?:provincial|province['’]s)\s+university\s+of\s+(?P<subject>[a-z]+(?:\s+[a-z]+){0,3})"
)


def _attach_affiliations(mentions: list[Mention]) -> None:
    """The body a person's title names becomes their organization: "head of the Golestan branch
    of the Iranian Red Crescent Society (IRCS)" -> title "head of the Golestan branch", IRCS."""
    bodies = [m for m in mentions if m.kind in {"organization", "acronym"}]
    for person in mentions:
        if person.kind != "person" or person.organization:
            continue
        end = person.start + len(person.name)
        of = re.match(r"\s+of\s+(?:the\s+)?", person.sentence.text[end:])
        following = [b for b in bodies if of and b.start == end + of.end()]
        if following:  # "Priya Raman of the World Health Organization's programme"
            person.organization = following[0].name
            person.evidence.append("of a body")
            person.confidence = max(person.confidence, 0.8)
            continue
        if person.title_span == (0, 0):
            continue
        low, high = person.title_span
        inside = [b for b in bodies if low <= b.start < high]
        if not inside:
            # "the UNHCR Representative in Iran": an acronym inside the title is the body.
            acronyms = [w for w in re.findall(r"[\w.&]+", person.sentence.text[low:high]) if is_acronym(w)]
            if acronyms:
                person.organization = acronyms[0]
            continue
        body = inside[-1] if inside[-1].kind == "organization" else inside[0]
        person.organization = body.name
        cut = person.sentence.text[low : body.start]
        who = re.match(r"who\s+(\w+)\s+(?:the\s+)?", cut, flags=re.IGNORECASE)
        if who and who.group(1).lower() in _WHO_VERBS:  # "who heads the …" -> "head of"
            cut = _WHO_VERBS[who.group(1).lower()] + cut[who.end() :]
        cut = re.sub(r"\s+(?:of|at|for|with|in)(?:\s+the)?\s*$", "", cut.strip(), flags=re.IGNORECASE)
        person.title = _clean_title(cut) or person.title


def _acronym_after(tokens, last: int) -> str:
    if last + 3 < len(tokens) and tokens[last + 1].group(0) == "(" and tokens[last + 3].group(0) == ")":
        candidate = tokens[last + 2].group(0)
        if is_acronym(candidate):
            return candidate
    return ""


def _classify(sentence, text, tokens, words, span_tokens, first, last, before, before2, after):
    plain_lower = [normalize_name(w) for w in words]
    start = span_tokens[0].start()
    surface = text[start : span_tokens[-1].end()]
    surface = _strip_possessive(surface)
    acronym = _acronym_after(tokens, last)
    content = [w for w in plain_lower if w not in CONNECTORS]
    if not content:
        return None
    # A lone acronym: a later reference ("IRCS said"), resolved against the story and the directory.
    if len(words) == 1 and is_acronym(words[0]):
        if before == "(" and after == ")":
            return None  # the acronym of the name before it; read with that name
        cue = _acronym_introduced(tokens, first, last)
        if cue and not is_place(words[0]):
            return Mention("acronym", words[0], words[0], sentence, start, evidence=[cue], confidence=0.7)
        return Mention("acronym", words[0], words[0], sentence, start, confidence=0.5)
    if sentence.is_heading and sentence.part != "headline":
        return None
    heads = [i for i, w in enumerate(plain_lower) if w in ORG_HEADS]
    red = heads and plain_lower[heads[-1]] in {"crescent", "cross"}
    if red and (heads[-1] == 0 or plain_lower[heads[-1] - 1] != "red"):
        heads = heads[:-1]
    if _event_name(plain_lower) and not acronym:
        return _named_event(sentence, words, plain_lower, surface, start)
    if len(plain_lower) >= 2 and plain_lower[0] in STORM_WORDS and not heads:
        # "Cyclone Dalia", "Typhoon Mawar": a storm's name, never a person's.
        return _named_event(sentence, words, plain_lower, surface, start, kind="disaster")
    if heads and plain_lower[heads[-1]] == "league" and _plays_as_competition(text, start, tokens, last):
        # "every match of the Persian Gulf Pro League", "all Pro League matches": a competition.
        return _named_event(sentence, words, plain_lower, surface, start, kind="other")
    if heads and not _is_person_with_title(plain_lower):
        return _organization(sentence, words, plain_lower, surface, start, heads, acronym)
    if any(w in {"'", "’"} or (_possessive(w) and k < len(words) - 1) for k, w in enumerate(words)):
        # "Workers' House": a possessive inside a name is a body's, never a person's. Without a
        # body's noun it is one when the text says so: "…, which represents", "… said".
        after2 = tokens[last + 2].group(0).lower() if last + 2 < len(tokens) else ""
        if (after == "," and after2 == "which") or after.lower() in SPEECH_VERBS:
            return Mention(
                "organization",
                surface,
                surface,
                sentence,
                start,
                evidence=["a body by what it does"],
                confidence=0.7,
            )
        return None
    if acronym and len(content) >= 2:
        return _organization(sentence, words, plain_lower, surface, start, heads, acronym)
    body = _body_around(tokens, first, last)
    if body and not is_place(surface):
        # "Sepid Ghaza, the catering company", "the Pars Daroo Gostar company": what the text
        # calls the name is a body's noun, so it is no person's name.
        written = surface
        if body == "a body's noun after the name":
            # As written with its noun ("the Mehr-e Ayandeh charity"); the record's name without it.
            end = next(t.end() for t in tokens[last + 1 : last + 3] if t.group(0) in _NAMED_BODY_NOUNS)
            written = text[start:end]
        return Mention("organization", written, surface, sentence, start, evidence=[body], confidence=0.75)
    return _person(
        sentence, text, tokens, words, plain_lower, surface, start, first, last, before, before2, after
    )


_BODY_NOUNS = ORG_HEADS | {"charity", "police", "agency", "ngo", "watchdog", "regulator", "insurer"}


#: Titles of the one who leads a body: what they are "of" is that body ("the coach of Sepahan").
LEADER_TITLES = frozenset(
    {"head", "chief", "coach", "manager", "chairman", "chairwoman", "captain", "founder", "director"}
)
_COMPETITION_AFTER = frozenset(
    {"match", "matches", "season", "title", "game", "games", "fixtures", "final", "table"}
)
_COMPETITION_BEFORE = re.compile(
    r"(?:\b(?:match(?:es)?|games?|season|round|final)\s+of\s+(?:the\s+)?|season['’]s\s+)$"
)


def _plays_as_competition(text: str, start: int, tokens, last: int) -> bool:
    """A league the text plays in rather than one that acts: a match, a season, a title of it."""
    after = tokens[last + 1].group(0).lower() if last + 1 < len(tokens) else ""
    return after in _COMPETITION_AFTER or _COMPETITION_BEFORE.search(text[:start]) is not None


#: Words before a storm's name ("Cyclone Dalia").
STORM_WORDS = frozenset({"cyclone", "hurricane", "typhoon", "storm"})
#: Where an appositive noun phrase ends: its head noun is the word before.
_PHRASE_ENDS = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        ")",
        "of",
        "for",
        "that",
        "which",
        "who",
        "in",
        "with",
        "from",
        "at",
        "to",
        "on",
        "by",
    }
)
_NAMED_BODY_NOUNS = frozenset(_NAMED_LOWER_HEADS.strip("|").split("|")) | {"firm"}
_APPOSITION_BODIES = _BODY_NOUNS | {"team", "club", "company", "firm", "caterer", "cooperative", "charity"}


def _body_around(tokens, first: int, last: int) -> str:
    """What says a name without a body's noun is a body's: the noun phrase in apposition after it
    ("Zagros Oak Guardians, a volunteer association that …", "Simorgh, the robot team of …"),
    before it ("the catering company, Sepid Ghaza,", "the team, called Simorgh,") or a lower-case
    noun right after it ("the Pars Daroo Gostar pharmaceutical company", "the Mehr-e Ayandeh
    charity")."""
    words = [t.group(0) for t in tokens]
    after = words[last + 1 : last + 12]
    if after[:1] == [","] and len(after) > 2 and after[1].lower() in {"a", "an", "the"}:
        phrase = []
        for word in after[2:]:
            if word.lower() in _PHRASE_ENDS:
                break  # "the cultural attaché at Iran's consulate": the head is "attaché"
            # "the judiciary's news agency": a possessive is the determiner of what follows.
            phrase = [] if _possessive(word) else [*phrase, word]
        if phrase and phrase[-1].islower() and phrase[-1] in _APPOSITION_BODIES:
            return "a body in apposition"
    before = words[max(0, first - 6) : first]
    if before[-1:] in ([","], ["called"], ["named"]):
        lead = before[:-1]
        if lead[-1:] == [","] and before[-1] != ",":
            lead = lead[:-1]  # "the team, called Simorgh"
        # The phrase is the body itself ("the catering company, Sepid Ghaza"), not someone's title
        # of it ("The head of the provincial crisis management headquarters, Rahim Eskandari").
        det = max((k for k, w in enumerate(lead) if w.lower() in {"the", "a", "an"}), default=-1)
        phrase = lead[det:] if det >= 0 else []
        if det > 0 and lead[det - 1].lower() == "of":
            phrase = []  # "the head of the society, Pirhossein Kolivand": the phrase ends a title
        named = phrase and phrase[-1] in _APPOSITION_BODIES and phrase[0].lower() in {"the", "a", "an"}
        named = named and not any(w.lower() == "of" or w.lower() in TITLE_WORDS for w in phrase)
        if (
            named
            and not is_given_name(words[first])
            and (after[:1] in ([","], ["."], [")"], [";"]) or not after)
        ):
            return "a body in apposition"
    # A name of two words or more (one word is read with its place: "the Savadkuh health network"),
    # no demonym or acronym in front ("the Iranian Hajj medical mission", "the IRCS Hajj …").
    name = words[first : last + 1]
    prefixed = name[0].isupper() or re.search(r"(?:ian|ese|ish)$", name[0]) is not None
    if first > 0 and words[first - 1].lower() == "the" and len(name) >= 2 and not prefixed:
        for word in after[:2]:
            if not word.islower() or not word.isalpha():
                break
            if word in _NAMED_BODY_NOUNS:
                return "a body's noun after the name"
    return ""


def _acronym_introduced(tokens, first: int, last: int) -> str:
    """What makes a lone acronym a body's name: "MAHAK, a charity for …", "the cyber police,
    FATA,", "FATA said"."""
    words = [t.group(0) for t in tokens]
    after = words[last + 1 : last + 8]
    if after[:1] == [","] and len(after) > 2 and after[1].lower() in {"a", "an", "the"}:
        for word in after[2:]:
            if word in {",", ".", ";"}:
                break
            if word.lower() in _BODY_NOUNS:
                return "a body in apposition"
    before = words[max(0, first - 5) : first]
    body_before = before[-1:] == [","] and any(w.lower() in _BODY_NOUNS and w.islower() for w in before[:-1])
    if body_before and (after[:1] in ([","], ["."], [")"]) or not after):
        return "a body in apposition"
    if after and after[0].lower() in SPEECH_VERBS:
        return "a body's statement"
    return ""


def _is_person_with_title(plain_lower: list[str]) -> bool:
    """ "IRCS Secretary General Pirhossein Kolivand": a title in front of a name, not a body."""
    titles = [i for i, w in enumerate(plain_lower) if _title_parts(w) & TITLE_WORDS]
    if not titles:
        return False
    rest = plain_lower[titles[-1] + 1 :]
    return len(rest) >= 1 and not any(w in ORG_HEADS for w in rest) and all(_name_word(w) for w in rest)


def _occupation_word(word: str) -> bool:
    """A word that says what someone does ("Curator", "Sculptor"), never a first name or a place."""
    plain = normalize_name(word)
    if not word[:1].isupper() or is_given_name(word) or is_place(word) or plain in NOT_NAMES:
        return False
    return plain in APPOSITIVE_NOUNS or re.search(r"(?:tor|ter|ner|ist|ian|ant|ent)$", plain) is not None


def _title_parts(word: str) -> set[str]:
    """ "governor general" (from "Governor-General") -> {"governor", "general"}."""
    return set(word.split())


def _name_word(word: str) -> bool:
    return (
        word not in NOT_NAMES
        and word not in TITLE_WORDS
        and word not in ORG_HEADS
        and word not in PLACE_WORDS
        and word not in HONORIFICS
        and not word.isdigit()
    )


def _organization(sentence, words, plain_lower, surface, start, heads, acronym):
    # "Iran's Ministry of Health": the leading place's possessive is not part of the name.
    content = list(dict.fromkeys(w for w in plain_lower if w and w not in CONNECTORS and w not in ORG_HEADS))
    proper = [w for w in content if w not in GENERIC_WORDS]
    structured = any(w in {"of", "for"} for w in plain_lower)
    first_word = _title_parts(plain_lower[0])
    if (first_word & TITLE_WORDS) - {"general", "executive", "first", "second", "supreme"} or (
        is_acronym(words[0]) and len(words) > 1 and _title_parts(plain_lower[1]) & TITLE_WORDS
    ):
        return None  # "Minister of National Health Services", "UNHCR Representative": a title
    if acronym:
        confidence, evidence = 0.95, ["acronym in brackets"]
    elif len(content) >= 2 or (structured and content):
        confidence, evidence = 0.85, ["full name of a body"]
    elif proper:
        confidence, evidence = 0.7, ["place or name with a body's noun"]
    else:
        # "the Health Ministry", "the Red Crescent": which one, the text alone does not say; a
        # short form of a known name at most (resolution), never a proposal.
        confidence, evidence = 0.3, ["short form"]
    if is_place(surface):
        return None
    return Mention(
        "organization",
        surface,
        surface,
        sentence,
        start,
        acronym=acronym,
        evidence=evidence,
        confidence=confidence,
    )


def _event_name(plain_lower: list[str]) -> bool:
    return len(plain_lower) >= 2 and plain_lower[-1] in EVENT_HEADS and plain_lower[-1] not in ORG_HEADS


def _named_event(sentence, words, plain_lower, surface, start, kind=""):
    kind = kind or EVENT_HEADS[plain_lower[-1]]
    when = _date_in(sentence.text[start:])
    return Mention(
        "event",
        surface,
        surface,
        sentence,
        start,
        evidence=["named event"],
        confidence=0.8 if len(plain_lower) >= 3 else 0.6,
        event_kind=kind,
        event_date=when,
        place=_place_in(sentence.text),
    )


def _person(sentence, text, tokens, words, plain_lower, surface, start, first, last, before, before2, after):
    evidence: list[str] = []
    title = ""
    organization = ""
    # A title in front, capitalised as part of the span: "Health Minister Bahram Einollahi".
    titles = [i for i, w in enumerate(plain_lower) if _title_parts(w) & TITLE_WORDS]
    if not titles:
        # "Curator Golnar Sadeghpour", "Sculptor Parviz Tanavoli": an occupation in front of a
        # first name (a listed one, or a word shaped like one: -or, -er, -ist, -ian).
        lead = next((k for k in range(1, len(words) - 1) if is_given_name(words[k])), 0)
        if not lead and len(words) >= 3 and plain_lower[0] in APPOSITIVE_NOUNS - {"son", "daughter"}:
            lead = 1  # a listed occupation before a two-word name
        if lead and all(_occupation_word(w) for w in words[:lead]):
            titles = [lead - 1]
    name_start = 0
    if titles:
        name_start = titles[-1] + 1
        if name_start < len(words) and plain_lower[name_start] in {"of", "for"}:
            # "Governor of Ferdows Morteza Hashemi": the title names its place or body, then the
            # name begins at the first first-name whose words run to the end.
            name_start = next(
                (
                    k
                    for k in range(max(name_start + 2, len(words) - 3), len(words) - 1)
                    if is_given_name(words[k]) and all(_name_word(w) for w in plain_lower[k:])
                ),
                name_start,
            )
            titles = [name_start - 1]
        title_words = words[:name_start]
        leading = [w for w in title_words if is_acronym(w)]
        if leading:
            organization = leading[0]
            title_words = [w for w in title_words if w != organization]
        title = " ".join(title_words)
        evidence.append("title before the name")
    # Honorifics: "Dr. Leila Moradi", "Brigadier General ...".
    honorific = ""
    while name_start < len(words) and plain_lower[name_start] in HONORIFICS:
        honorific = words[name_start]
        name_start += 1
    if name_start and not titles:
        evidence.append("honorific")
    k = first - 1
    while k >= 0 and (tokens[k].group(0) == "." or normalize_name(tokens[k].group(0)) in HONORIFICS):
        if tokens[k].group(0) != ".":
            honorific = tokens[k].group(0)
        k -= 1
    if honorific and "honorific" not in evidence:
        evidence.append("honorific")
    before = tokens[k].group(0) if k >= 0 else ""
    before2 = tokens[k - 1].group(0) if k >= 1 else ""
    first = k + 1
    if name_start < len(words) and words[name_start] == ".":
        name_start += 1
    name_tokens = [w for w in words[name_start:] if w not in {".", "-"}]
    name_lower = [normalize_name(w) for w in name_tokens]
    if not name_tokens or not _capitalised(name_tokens[0]):
        return None
    if any(not _name_word(w) for w in name_lower if w not in NAME_PARTICLES):
        return None
    # "the Shahid Rahimi hospital", "Imam Reza street": a named building or place, not a person.
    if after.lower() in INSTITUTION_NOUNS or name_lower[-1] in INSTITUTION_NOUNS:
        return None  # "Imam Khomeini Airport", "Imam Khomeini Mosalla" too
    # "chief executive of Arvand Cold Chain": after "of" comes a body or a place, not a person.
    # "Kaka Morad Veisi, a 78-year-old shepherd": what follows the name says it is a person's.
    described = _person_in_apposition(tokens, last)
    # "Deh-e Sorkh", "Torbat-e Jam": the Persian izafe joins the words of a place's name — unless
    # the text says a person ("Hosseini-e Zanjani, a cleric", "Ayatollah Hosseini-e Zanjani").
    izafe = any(re.search(r"-(?:e|ye)$|-e-", w) for w in name_tokens)
    # "Kamran Sadr-e Ameli": a known first name before the izafe says a person too.
    given_first = len(name_tokens) >= 2 and is_given_name(name_tokens[0]) and "-" not in name_tokens[0]
    if izafe and not (described or "honorific" in evidence or given_first):
        return None
    # "the divan of Ibn Hesam", "Abu Ali Sina": a patronymic names a person ("Abu Dhabi" is a place).
    patronymic = len(name_lower) >= 2 and name_lower[0] in {"ibn", "bin", "bint", "abu", "ebn"}
    if patronymic and not is_place(" ".join(name_tokens)):
        evidence.append("patronymic")
    if before.lower() == "of" and "honorific" not in evidence and not described and not patronymic:
        # "Sattar Hamidavi, the coach of Esteghlal Khuzestan": what a leader's title is "of" and no
        # place is the body they lead.
        led = before2.lower() in LEADER_TITLES and not is_given_name(name_tokens[0])
        if led and not is_place(" ".join(name_tokens)):
            return Mention(
                "organization",
                surface,
                surface,
                sentence,
                start,
                evidence=["a body a title leads"],
                confidence=0.7,
            )
        return None
    # "Tehran Declaration", "Khorasan Razavi": a place's name in front is no first name — unless
    # the story goes on to quote the second word as a surname ("Golbahar Ahmadi" … "Ahmadi said"),
    # which resolution decides: such a pair is kept, too weak to propose on its own.
    place_first = len(name_tokens) >= 2 and is_place(name_tokens[0]) and not is_given_name(name_tokens[0])
    surname_like = len(name_tokens) == 2 and not is_place(name_tokens[-1]) and name_tokens[-1][1:].islower()
    if place_first and not surname_like and not described:
        return None
    place_first = place_first and not described
    if any(w.isupper() and len(w) > 1 for w in name_tokens):
        return None
    name = " ".join(name_tokens)
    name_start_char = text.find(name_tokens[0], start)
    if is_place(name) or (len(name_tokens) == 1 and is_place(name_tokens[0])):
        return None
    # What the sentence says around the name.
    prev_word = before.lower()
    after2 = tokens[last + 2].group(0).lower() if last + 2 < len(tokens) else ""
    speaker = (
        after.lower() in SPEECH_VERBS
        or prev_word in SPEECH_VERBS
        or (prev_word == "to" and before2.lower() == "according")
        or (after == "," and after2 in SPEECH_VERBS)
    )
    if speaker:
        evidence.append("speech verb")
    appositive, title_span = _appositive(text, tokens, last)
    if appositive:
        evidence.append("title in apposition")
        if not title:
            title = appositive
    lower_title = _lower_title_before(tokens, first)
    if lower_title and not title:
        title = lower_title
        evidence.append("title before the name")
    # "Ethiopia's Tesfaye Bekele", "Amir Sadeghloo of Iran": a full name with the country or
    # city it comes from (sport and wire copy) is a person.
    if len(name_tokens) >= 2 and (
        (_possessive(before) and is_place(_strip_possessive(before)))
        or (after == "of" and last + 2 < len(tokens) and is_place(tokens[last + 2].group(0)))
    ):
        evidence.append("place of origin")
    if first > 0 and re.fullmatch(r"\d+-year-old", tokens[first - 1].group(0)):
        evidence.append("age before the name")  # "72-year-old Gholamhossein Shafiei"
    if described:
        evidence.append("age or occupation in apposition")
    if len(name_tokens) == 1:
        # "Rostami said", "Dr. Moradi": a surname that refers back to someone introduced earlier.
        if len(name_lower[0]) < 3:
            return None
        # "her eight-year-old daughter, Yasna.": one name the text gives a person in apposition.
        noun = tokens[first - 2].group(0).lower() if first >= 2 and before == "," else ""
        closes = after in {".", ",", ";", ""}
        singular = noun in APPOSITIVE_NOUNS - TITLE_WORDS - {"workers", "residents", "officials", "staff"}
        if singular and closes and not is_place(name) and not honorific:
            return Mention(
                "person",
                surface,
                name,
                sentence,
                name_start_char,
                title=noun,
                evidence=["one name in apposition"],
                confidence=0.7,
                speaker=speaker,
            )
        return Mention(
            "surname",
            surface,
            name,
            sentence,
            name_start_char,
            title=title,
            evidence=evidence,
            confidence=0.5,
            speaker=speaker or sentence.has_quote,
        )
    if len(name_tokens) > 4:
        return None
    if is_given_name(name_tokens[0]):
        evidence.append("known first name")
    strong = {
        "honorific",
        "speech verb",
        "title in apposition",
        "title before the name",
        "age before the name",
        "age or occupation in apposition",
        "place of origin",
        "patronymic",
    }
    if place_first:
        confidence = 0.3
    elif strong & set(evidence):
        confidence = 0.9 if "known first name" in evidence or len(set(evidence) & strong) > 1 else 0.8
    elif "known first name" in evidence:
        confidence = 0.7
    else:
        confidence = 0.4
    return Mention(
        "person",
        surface,
        name,
        sentence,
        name_start_char,
        title=_clean_title(title),
        organization=organization,
        evidence=evidence,
        confidence=confidence,
        speaker=speaker,
        title_span=title_span,
    )


def _appositive(text: str, tokens, last: int) -> tuple[str, tuple[int, int]]:
    """ "Vahid Rostami, head of the ... (IRCS), said": the title after the comma, as written."""
    if last + 1 >= len(tokens) or tokens[last + 1].group(0) not in {",", "("}:
        return "", (0, 0)
    offset = tokens[last + 1].end()
    rest = text[offset:]
    if tokens[last + 1].group(0) == "(":
        # "Ali Rezaei (head of the Tabriz branch) said": the title in brackets.
        close = rest.find(")")
        if close <= 0:
            return "", (0, 0)
        rest = rest[:close]
    clause = re.split(
        r",\s+(?:said|told|says|added|stated|noted)\b|[;:]|,\s+(?=and\b|but\b)|\s+(?:said|told)\b", rest
    )[0]
    clause = clause.split(", ")[0] if clause.count("(") == clause.count(")") else clause
    clause = clause.strip().rstrip(".,")
    first_words = [w.lower() for w in re.findall(r"[\w'’-]+", clause)[:6]]
    if not first_words:
        return "", (0, 0)
    begin = offset + (len(rest) - len(rest.lstrip()))
    span = (begin, begin + len(clause))
    if first_words[0] == "who" and len(first_words) > 1 and first_words[1] in _WHO_VERBS:
        verb = first_words[1]
        clause = re.sub(rf"^who\s+{verb}\s+", _WHO_VERBS[verb], clause, flags=re.IGNORECASE)
        return clause, span
    nouns = [w for w in first_words if w in APPOSITIVE_NOUNS or w.rstrip("s") in APPOSITIVE_NOUNS]
    if not nouns:
        return "", (0, 0)
    if len(clause) > 160:
        clause = clause[:160].rsplit(" ", 1)[0]
    return clause, span


_WHO_VERBS = {
    "heads": "head of ",
    "leads": "head of ",
    "runs": "head of ",
    "chairs": "chair of ",
    "directs": "director of ",
    "is": "",
    "was": "former ",
}


def _lower_title_before(tokens, first: int) -> str:
    """ "deputy health chief Leila Moradi", "spokesman Ali Rostami": a lower-case title in front."""
    words = []
    k = first - 1
    if k >= 1 and tokens[k].group(0) == ",":
        k -= 1  # "The curator, Golnar Sadeghpour, said"
    while k >= 0 and len(words) < 4:
        word = tokens[k].group(0)
        if not word.isalpha() or word[:1].isupper():
            break
        if words and word.lower() in {"of", "by", "with", "to", "for", "and", "from", "at", "in", "on"}:
            break  # "the poems of the poet Fakhr ol-Molk": the title is "poet"
        words.insert(0, word)
        k -= 1
    if words and words[-1].lower() in APPOSITIVE_NOUNS:
        # Keep only the title itself: "the province's deputy health chief" -> "deputy health chief".
        return " ".join(w for w in words if w.lower() not in {"the", "a", "an", "said", "says", "told"})
    return ""


def _clean_title(title: str) -> str:
    title = re.sub(r"^(?:the|a|an)\s+", "", title.strip(), flags=re.IGNORECASE)
    return title[:200]


def _event_mentions(sentence: Sentence) -> list[Mention]:
    """ "a meeting on March 13", "the agreement signed on 17 February", "the international
    conference on rehabilitation": events the text names by their kind and date or subject."""
    found = []
    for match in _GENERIC_EVENT.finditer(sentence.text):
        head = match.group("head").lower()
        kind = EVENT_HEADS.get(head.split()[0], "other")
        tail = match.group("tail")
        when = _date_in(tail[:60])
        subject = ""
        about = re.match(r"\s+(?:on|of|about)\s+((?:[a-z-]+\s*){1,4})", tail)
        if about and not _DATE.match(tail.strip()[3:]):
            subject = about.group(1).strip()
            subject = re.split(_SUBJECT_END, subject)[0]
        if when is None and not subject:
            continue
        adjective = match.group("adj").strip()
        if adjective and adjective.split()[0].lower() in {
            "three-day",
            "two-day",
            "one-day",
            "four-day",
            "five-day",
        }:
            adjective = " ".join(adjective.split()[1:])
        label = " ".join(p for p in (adjective, head) if p)
        name = f"{label} on {subject}" if subject else label
        name = name[:1].upper() + name[1:]
        found.append(
            Mention(
                "event",
                match.group(0).strip(),
                name,
                sentence,
                match.start(),
                evidence=["event by kind and date" if when else "event by kind and subject"],
                confidence=0.7 if when else 0.6,
                event_kind=kind,
                event_date=when,
                place=_place_in(sentence.text),
            )
        )
    return found


_SUBJECT_END = re.compile(
    r"\s+(?:in|at|on|with|which|that|was|were|is|are|will|would|held|to|and|from|for|by|later|this"
    r"|next|last|earlier|since|until|after|before|starting|opened|ended)\b"
)


def _date_in(text: str, *, year: int | None = None) -> date | None:
    """The first written date in the text ("13 March", "March 13, 2026"); the year is filled later."""
    for match in _DATE.finditer(text):
        month_word = (match.group("m1") or match.group("m2") or "").lower()
        if month_word not in MONTHS:
            continue
        day = int(match.group("d1") or match.group("d2"))
        given = int(match.group("y")) if match.group("y") else (year or 1)
        try:
            return date(given, MONTHS[month_word], day)
        except ValueError:
            continue
    return None


def _place_in(text: str) -> str:
    """A city or country the sentence names ("in Istanbul"), for matching an event's place."""
    for match in re.finditer(r"\b(?:in|at)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", text):
        candidate = _strip_possessive(match.group(1))
        if is_place(candidate):
            return candidate
    return ""
