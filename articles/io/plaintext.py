"""Articles from a plain-text news page, as a reader copies it from a news site.

The page is read line by line: the first line is the headline (its repetitions are dropped);
short lines without final punctuation become subheadings; bullet lines become lists; a line that
is only a quotation becomes a block quote; a trailing block of teasers is cut off and never
imported; a credit in the text ("as reported by IRNA") becomes the source credit when the outlet is
a known organization; quoted statements become quotes of their speakers; a page without a
standfirst gets one made from its lead, marked as derived.

The teaser block is recognised by its shape, not by its heading alone: at the end of the page, a
short heading ("Similar Posts", "More on this story", "Latest from the region") followed by a run
of headline-like lines (short, capitalized, no full stop), perhaps with dates between them.
"""

import re
import warnings
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from dateutil import parser as dateutil_parser
from django.conf import settings
from django.utils import timezone

from articles.io.drafts import ArticleDraft, derive_slug
from articles.io.records import Problems, Record, read_text
from articles.models import Article
from articles.quotes import find_quotes, person_slugs
from articles.text import derive_dek
from organizations.models import Organization, OrganizationAlias, Person, PersonAlias
from organizations.names import normalize_name

TEASER_HEADINGS = {
    "similar posts", "similar articles", "similar stories", "related", "related posts", "related news",
    "related articles", "related stories", "related content", "read more", "read also", "also read",
    "you may also like", "you might also like", "more stories", "more news", "more from this section",
    "recommended", "recommended for you", "most read", "most popular", "latest news", "see also",
    "more on this story", "you might also be interested in", "you may also be interested in",
    "other stories", "more like this", "further reading",
}  # fmt: skip
TEASER_MAX_WORDS = 20
TEASER_MAX_CHARS = 160
HEADING_MAX_WORDS = 8
# A teaser block whose heading is not a known one needs this many headline-like items after it.
TEASER_MIN_ITEMS = 2
BULLET = re.compile(r"^\s*(?:[•·▪◦●‣∙]|[-*–](?=\s))\s*(?P<text>\S.*)$")
NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+(?P<text>\S.*)$")
FINAL_PUNCTUATION = tuple(".!?;:,…\"'”’»)")
OPENING_QUOTES = "“\"«„‘'"
CLOSING_QUOTES = "”\"»“’'"
BYLINE = re.compile(r"^(?:by|written by|reporting by|reported by)\s+(?P<names>[^\d].{1,150})$", re.IGNORECASE)
TAGS = re.compile(r"^(?:tags?|topics?|keywords?)\s*:\s*(?P<tags>.+)$", re.IGNORECASE)
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
DATE_LINE = re.compile(
    rf"^(?:[\w,]+\s+)?(?:\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?:\s*[-–|,]?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?"
    r"(?:\s+\w{2,5})?$",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"\b(?:as\s+(?:first\s+)?reported\s+by|according\s+to|as\s+quoted\s+by|first\s+(?:published|reported)"
    r"\s+by|reported\s+by|citing|courtesy\s+of)\s+(?:the\s+)?"
    # A name: up to eight words on one line; a dot only inside a word ("U.N."), never the full stop.
    r"(?P<name>[A-Z](?:[\w&'’\-]|\.(?=\w))*(?:[ \t]+[A-Za-z](?:[\w&'’\-]|\.(?=\w))*){0,7})",
)
SUBHEADING_MAX_WORDS = 12
SUBHEADING_MAX_CHARS = 90
# "IRNA reported", "Tehran, IRNA –": an outlet's acronym as the teller of the story.
# "Mehr news agency reported": a named agency the same way.
CREDIT_BEFORE = re.compile(
    r"\b(?P<name>[A-Z][A-Z&]{1,9}|[A-Z][\w&'’\-]+(?:\s+[A-Z][\w&'’\-]+){0,3}\s+[Nn]ews\s+[Aa]gency)"
    r"\s+(?:news\s+agency\s+)?(?:reported|reports)\b"
)
DATELINE_CREDIT = re.compile(r"^[A-Z][\w' .]{1,40},\s*\(?(?P<name>[A-Z][A-Z&]{1,9})\)?\s*[-–—]", re.MULTILINE)
# Share buttons, follow links, ids and the like copied along with the story.
FURNITURE = re.compile(
    r"^(?:(?:follow us|share(?: this| on)?|print|e-?mail|tweet|whatsapp|telegram|copy link|subscribe)\b"
    r"|(?:news id|news code|code|id|photo|video|category|section|comments?|views?)\s*:)[^.!?]{0,60}$",
    re.IGNORECASE,
)
SOURCE_LINE = re.compile(r"^source\s*:\s*(?P<name>[^.!?]{2,80})$", re.IGNORECASE | re.MULTILINE)


@dataclass
class NewsPage:
    """What the text says, before anything is looked up."""

    headline: str
    body: str
    credits: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)  # credits written "according to …"
    bylines: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    teasers_dropped: int = 0
    #: The date line under the headline, as written ("Saturday, 5 September 2026 - 10:00").
    dated: str = ""


def _same(a: str, b: str) -> bool:
    return normalize_name(a) == normalize_name(b)


def _is_teaser_heading(line: str) -> bool:
    return normalize_name(line.rstrip(":")) in TEASER_HEADINGS


def _is_teaser_item(line: str) -> bool:
    """A line of a teaser block: a headline-like line (capitalized, short, no full stop), a date, a
    "Read more" link, share buttons."""
    text = line.strip()
    bullet = BULLET.match(text)
    text = bullet.group("text").strip() if bullet else text
    if DATE_LINE.match(text) or FURNITURE.match(text) or _is_teaser_heading(text):
        return True
    return (text[:1].isupper() or text[:1].isdigit() or text[:1] in OPENING_QUOTES) and (
        len(text.split()) <= TEASER_MAX_WORDS
        and len(text) <= TEASER_MAX_CHARS
        and not text.endswith((".", ",", ";", "…"))
        and not TAGS.match(text)
        and not BYLINE.match(text)
    )


def _is_headline_item(line: str) -> bool:
    text = line.strip()
    return (
        _is_teaser_item(text)
        and not DATE_LINE.match(text)
        and not FURNITURE.match(text)
        and not _is_teaser_heading(text)
        and len(text.split()) >= 3
    )


def _is_block_heading(line: str) -> bool:
    text = line.strip().rstrip(":").strip()
    return (
        bool(text)
        and len(text.split()) <= HEADING_MAX_WORDS
        and not text.endswith(FINAL_PUNCTUATION)
        and not TAGS.match(line.strip())
        and not BYLINE.match(text)
        and not DATE_LINE.match(text)
    )


def teaser_block_start(lines: list[str]) -> int | None:
    """Where the trailing block of teasers begins (an index into ``lines``), or None."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    run: list[int] = []
    for i in reversed(content):
        if not _is_teaser_item(lines[i]) and not _is_block_heading(lines[i]):
            break
        run.insert(0, i)
    for position, i in enumerate(run):
        heading = lines[i].strip()
        after = run[position + 1 :]
        if _is_teaser_heading(heading):
            return i
        items = sum(_is_headline_item(lines[j]) for j in after)
        if _is_block_heading(heading) and items >= TEASER_MIN_ITEMS:
            return i
    return None


def _is_subheading(line: str) -> bool:
    text = line.strip()
    return (
        bool(re.search(r"[^\W\d_]", text))
        and not text.endswith(FINAL_PUNCTUATION)
        and text[0] not in OPENING_QUOTES
        and len(text) <= SUBHEADING_MAX_CHARS
        and len(text.split()) <= SUBHEADING_MAX_WORDS
    )


def _is_quotation(line: str) -> bool:
    """The whole line is one quoted statement: “…” (with its final punctuation inside or outside)."""
    text = line.strip().rstrip(".")
    return (
        len(text) > 2
        and text[0] in OPENING_QUOTES
        and text[-1] in CLOSING_QUOTES
        and not any(q in text[1:-1] for q in '”»"')
    )


def _lines(text: str) -> list[str]:
    """Lines with hard wraps mended: a line that stops mid-sentence continues on the next one."""
    raw = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines: list[str] = []
    for line in raw:
        previous = lines[-1] if lines else ""
        if (
            line.strip()
            and previous.strip()
            and line.lstrip()[:1].islower()
            and not BULLET.match(line)
            and not BULLET.match(previous)
            and not previous.endswith(FINAL_PUNCTUATION)
        ):
            lines[-1] = f"{previous} {line.strip()}"
        else:
            lines.append(line)
    return lines


def parse_news_page(text: str) -> NewsPage:
    lines = _lines(text)
    content = [line for line in lines if line.strip()]
    if not content:
        return NewsPage(headline="", body="")
    headline = content[0].strip()
    start = lines.index(content[0]) + 1
    page = NewsPage(headline=headline, body="")
    blocks: list[str] = []
    items: list[str] = []
    list_tag = "ul"
    body_lines = lines[start:]
    block = teaser_block_start(body_lines)
    if block is not None:
        page.teasers_dropped = sum(1 for rest in body_lines[block + 1 :] if rest.strip())
        body_lines = body_lines[:block]
    for index, line in enumerate(body_lines):
        stripped = line.strip()
        bullet = BULLET.match(line) or NUMBERED.match(line)
        if items and not bullet:
            blocks.append(
                f"<{list_tag}>"
                + "".join(f"<li>{escape(i, quote=False)}</li>" for i in items)
                + f"</{list_tag}>"
            )
            items = []
        if not stripped or _same(stripped, headline):
            continue
        if bullet:
            if not items:
                list_tag = "ol" if NUMBERED.match(line) and not BULLET.match(line) else "ul"
            items.append(bullet.group("text").strip())
            continue
        if match := BYLINE.match(stripped):
            page.bylines += [
                n.strip() for n in re.split(r",\s*|\s+and\s+", match.group("names")) if n.strip()
            ]
            continue
        if match := TAGS.match(stripped):
            page.tags += [t.strip() for t in re.split(r"[,;|]", match.group("tags")) if t.strip()]
            continue
        if len(blocks) < 2 and DATE_LINE.match(stripped):
            page.dated = page.dated or stripped  # when the story came out, not part of the story
            continue
        if (FURNITURE.match(stripped) or SOURCE_LINE.match(stripped)) and len(stripped.split()) <= 8:
            continue
        remaining = any(
            rest.strip() and not _is_teaser_heading(rest.strip()) for rest in body_lines[index + 1 :]
        )
        if _is_quotation(stripped):
            blocks.append(f"<blockquote><p>{escape(stripped, quote=False)}</p></blockquote>")
        elif _is_subheading(stripped) and remaining:
            blocks.append(f"<h2>{escape(stripped, quote=False)}</h2>")
        else:
            blocks.append(f"<p>{escape(stripped, quote=False)}</p>")
    if items:
        blocks.append(
            f"<{list_tag}>" + "".join(f"<li>{escape(i, quote=False)}</li>" for i in items) + f"</{list_tag}>"
        )
    page.body = "\n".join(blocks)
    story = "\n".join(body_lines)
    page.credits = [m.group("name").rstrip(".,;:'’") for m in CREDIT.finditer(story)]
    # "according to the Iranian Meteorological Organization" cites a body for a fact; only an
    # outlet cited so is the story's source.
    page.cited = [
        m.group("name").rstrip(".,;:'’")
        for m in CREDIT.finditer(story)
        if m.group(0).lower().startswith("according")
    ]
    page.credits += [m.group("name").strip() for m in SOURCE_LINE.finditer(story)]
    page.credits += [m.group("name") for m in DATELINE_CREDIT.finditer(story)]
    page.credits += [m.group("name") for m in CREDIT_BEFORE.finditer(story)]
    return page


def _organization_index() -> dict[str, str]:
    """Normalized name, acronym and alias → organization slug."""
    index: dict[str, str] = {}
    for slug, name, acronym in Organization.objects.values_list("slug", "name", "acronym"):
        index.setdefault(normalize_name(name), slug)
        if acronym:
            index.setdefault(normalize_name(acronym), slug)
    for slug, normalized in OrganizationAlias.objects.values_list("organization__slug", "normalized"):
        index.setdefault(normalized, slug)
    return index


def find_credited_organization(candidates: list[str], cited: list[str] = ()) -> tuple[str | None, str | None]:
    """The first credit naming a known organization: (slug, the words that named it). A body
    only ``cited`` ("according to …") counts when it is a news outlet (or of no stated kind)."""
    if not candidates:
        return None, None
    index = _organization_index()
    not_outlets = set(
        Organization.objects.exclude(kind__in=[Organization.Kind.MEDIA, Organization.Kind.OTHER]).values_list(
            "slug", flat=True
        )
    )
    for candidate in candidates:
        if candidate in cited and candidates.count(candidate) == cited.count(candidate):
            slug = _credited_slug(candidate, index)
            if slug in not_outlets:
                continue
        words = candidate.split()
        # Longest first: "the Islamic Republic News Agency said" → "Islamic Republic News Agency".
        for end in range(len(words), 0, -1):
            phrase = " ".join(words[:end])
            slug = index.get(normalize_name(phrase))
            if slug:
                return slug, phrase
    return None, None


def _credited_slug(candidate: str, index: dict[str, str]) -> str | None:
    words = candidate.split()
    for end in range(len(words), 0, -1):
        slug = index.get(normalize_name(" ".join(words[:end])))
        if slug:
            return slug
    return None


def find_person(name: str) -> str | None:
    key = normalize_name(name)
    for slug, person_name in Person.objects.filter(name__iexact=name).values_list("slug", "name"):
        if normalize_name(person_name) == key:
            return slug
    return PersonAlias.objects.filter(normalized=key).values_list("person__slug", flat=True).first()


# Zone abbreviations wire pages write after the time; any other is read in the newsroom's zone.
# (Only unambiguous ones: "AST" is both Arabia and Atlantic time, so it is read as no zone.)
ZONE_ABBREVIATIONS = {"UTC": 0, "GMT": 0, "IRST": 12600, "IRDT": 16200, "TRT": 10800}


def dateline_time(text: str) -> datetime | None:
    """The time a date line gives ("Saturday, 5 September 2026 - 10:00"), aware: read in the
    newsroom's zone (TIME_ZONE) unless it names a zone; None when it is no date dateutil can read."""
    if not text:
        return None
    cleaned = re.sub(r"\s+[-–|]\s+", " ", text.strip())
    try:
        when = datetime.fromisoformat(cleaned)  # 2026-09-05 (day-first parsing would swap it)
    except ValueError:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            try:
                when = dateutil_parser.parse(cleaned, dayfirst=True, tzinfos=ZONE_ABBREVIATIONS)
            except (ValueError, OverflowError):
                return None
    if timezone.is_naive(when):
        when = timezone.make_aware(when, zoneinfo.ZoneInfo(settings.TIME_ZONE))
    return when


def draft_from_page(page: NewsPage, record: Record) -> ArticleDraft:
    if not page.headline:
        record.problem("headline", "the page is empty.")
    source, credited_as = find_credited_organization(page.credits, page.cited)
    bylines = []
    for name in page.bylines:
        slug = find_person(name)
        if slug:
            bylines.append((slug, "author"))
        else:
            record.notes.append(f"byline {name!r} is not a known person; use --author to credit someone.")
    if page.credits and not source:
        record.notes.append(f"credit {page.credits[0]!r} is not a known organization; no source credit set.")
    if credited_as:
        record.notes.append(f"source credit: {credited_as}")
    if page.teasers_dropped:
        lines = "line" if page.teasers_dropped == 1 else "lines"
        record.notes.append(f"dropped the trailing block of {page.teasers_dropped} teaser {lines}.")
    dek = derive_dek(page.body)
    values = {
        "headline": page.headline[:250],
        "dek": dek,
        "dek_is_derived": bool(dek),
        "body": page.body,
        "summary": "",
        "status": Article.Status.DRAFT,
        "published_at": None,
        "unpublish_at": None,
        "first_published_at": None,
        "last_published_at": None,
        "source_url": "",
        "canonical_url": "",
        "language": "en",
        "noindex": False,
    }
    draft = ArticleDraft(
        record=record,
        slug=derive_slug(page.headline),
        values=values,
        source=source,
        tags=page.tags,
        bylines=bylines,
        kind="text",
    )
    draft.dated = dateline_time(page.dated)
    _read_quotes(page, draft)
    return draft


def _read_quotes(page: NewsPage, draft: ArticleDraft) -> None:
    """The page's quotes: those of known people become quotes (the speaker linked as quoted), the
    others are kept on the draft with the speaker's name as written and counted in the report."""
    found = find_quotes(page.body, headline=page.headline)
    slugs = person_slugs({q.person_id for q in found if q.person_id})
    for item in found:
        if item.person_id in slugs:
            speaker = slugs[item.person_id]
            draft.quotes.append(
                {"speaker": speaker, "text": item.text, "context": item.context, "said_on": None}
            )
            if ("people", speaker, "quoted") not in draft.links:
                draft.links.append(("people", speaker, "quoted"))
        else:
            draft.unattached_quotes.append(item)
    if not found:
        return
    notes = [
        f"quotes: {len(draft.quotes)} attached to their speakers, {len(draft.unattached_quotes)} not attached"
    ]
    named: dict[str, int] = {}
    for item in draft.unattached_quotes:
        label = f"{item.speaker_name!r} ({item.why_unattached})" if item.speaker_name else item.why_unattached
        named[label] = named.get(label, 0) + 1
    notes += [f"quote not attached: {label}{f' ×{n}' if n > 1 else ''}" for label, n in named.items()]
    draft.record.notes += notes


def read_plain_text(path: Path, problems: Problems) -> list[ArticleDraft]:
    text = read_text(path, problems)
    if text is None:
        return []
    record = Record(data={}, file=str(path), line=1, problems=problems)
    return [draft_from_page(parse_news_page(text), record)]
