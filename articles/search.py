"""Full-text search: the stored, weighted search vector of each article, and the reader's query.

The vector weighs the headline (A) above the names and aliases of the linked people,
organizations and events and the standfirst (B), above the summary and body (C), so a search for
"Pirhoshein" finds the stories linked to Pirhossein Kolivand when that spelling is one of his
aliases. It is stored in ``Article.search_vector`` (GIN-indexed) and kept fresh by a receiver of
the articles' change notice (:mod:`articles.changes`) and, for renamed entities and changed aliases,
by a task (:mod:`articles.tasks`).
"""

import datetime
import math
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchQueryCombinable,
    SearchQueryField,
    SearchRank,
    SearchVector,
    SearchVectorCombinable,
    SearchVectorField,
)
from django.db import transaction
from django.db.models import BooleanField, Case, Count, F, Func, TextField, Value, When, Window
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.changes import content_changed
from articles.links import ENTITY_LINKS, link_kind_for
from articles.models import Article, SearchWord
from articles.search_names import NameIndex, name_index
from articles.spelling import corrected_query
from newsroom.aftercommit import gather
from newsroom.progress import progress
from organizations.models import Event, Organization, Person
from organizations.names import HONORIFICS, name_key

CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_RANKED_MATCHES = 1000
#: A phrase is looked for in the newest stories that have all its words, this many of them.
PHRASE_CANDIDATES = 1000
ENTITIES_PER_KIND = 5
BATCH_SIZE = 500
# Private-use characters mark the highlighted words: they cannot occur in a story, so the snippet
# can be escaped as plain text first and the marks turned into <mark> afterwards.
_START, _STOP = "\ue000", "\ue001"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w+", re.UNICODE)


def _entity_names(article_ids: list[int]) -> dict[int, list[str]]:
    """Names, acronyms and other names of every entity linked to each article (a few queries)."""
    names: dict[int, list[str]] = defaultdict(list)
    for link in ENTITY_LINKS:
        linked: dict[int, set[int]] = defaultdict(set)
        fields = [f"{link.field}__{name}" for name in link.name_fields]
        for article_id, entity_id, *entity_names in link.link_model.objects.filter(
            article_id__in=article_ids
        ).values_list("article_id", f"{link.field}_id", *fields):
            names[article_id].extend(entity_names)
            linked[entity_id].add(article_id)
        if link.alias_relation and linked:
            owner = link.entity_model._meta.get_field(link.alias_relation).field
            for entity_id, alias in owner.model.objects.filter(
                **{f"{owner.name}_id__in": linked}
            ).values_list(f"{owner.name}_id", "name"):
                for article_id in linked[entity_id]:
                    names[article_id].append(alias)
    return names


def spelling_keys(text: str) -> list[str]:
    """Each word's transliteration key (organizations.names.name_key) where it differs from the word.

    "Pirhoshein" and "Pirhossein" share the key "pirhusain": stored beside the linked entities'
    names and added to the reader's query, the key lets any common spelling find the stories.
    """
    keys = []
    for word in _WORD.findall(text):
        key = name_key(word)
        if key and key != word.casefold() and key not in keys:
            keys.append(key)
    return keys


def _entity_text(names: list[str]) -> str:
    text = " ".join(n for n in names if n)
    return " ".join([text, *spelling_keys(text)])


#: The lexeme of a publication week in the stored vector: "§2026-49" (ISO year and week, UTC). No
#: reader's query has one: the parser splits at "§", so it never matches a word nor moves a rank.
WEEK_MARK = "\u00a7"


class _PublicationWeek(SearchVectorCombinable, Func):
    """The article's publication week as a lexeme without a position (none when it has no time)."""

    template = (
        "CASE WHEN %(expressions)s IS NULL THEN ''::tsvector ELSE array_to_tsvector(ARRAY["
        f"'{WEEK_MARK}' || to_char(%(expressions)s AT TIME ZONE 'UTC', 'IYYY-IW')]) END"
    )
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("published_at"))
        self.config = None


def _week_lexeme(day: datetime.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{WEEK_MARK}{year}-{week:02d}"


def _vector(entity_text):
    return (
        SearchVector("headline", weight="A", config=CONFIG)
        + SearchVector(entity_text, weight="B", config=CONFIG)
        + SearchVector("dek", weight="B", config=CONFIG)
        + SearchVector("summary", "body", weight="C", config=CONFIG)
        # Last, so no word's position moves: the week lets a search ask the GIN index for the
        # newest weeks only (see _recent_weeks).
        + _PublicationWeek()
    )


def search_index_update(article_ids: Iterable[int], *, show_progress: bool = False) -> int:
    """Recompute the stored search vector of these articles (whatever their status); returns how many."""
    ids = sorted({int(pk) for pk in article_ids})
    updated = 0
    batches = [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]
    for batch in progress(batches, desc="search index") if show_progress else batches:
        names = _entity_names(batch)
        # One UPDATE per batch: each row picks its own entity names from a CASE over the ids.
        entity_text = Case(
            *(When(pk=pk, then=Value(_entity_text(names[pk]))) for pk in batch if names.get(pk)),
            default=Value(""),
            output_field=TextField(),
        )
        # update(), not save(): the article's updated time and signals stay untouched.
        updated += Article.objects.filter(pk__in=batch).update(search_vector=_vector(entity_text))
    return updated


def rebuild_search_index(*, show_progress: bool = False) -> int:
    """Recompute every article's search vector."""
    return search_index_update(Article.objects.values_list("pk", flat=True), show_progress=show_progress)


def refresh_search_index(sender, *, article_ids: frozenset[int], **kwargs) -> None:
    """Receiver of the change notice: a few articles' vectors follow at once, many go to tasks.

    An edit's articles are searchable as saved when the request ends; a merge or an import of
    thousands is re-indexed by the worker, BATCH_SIZE articles a task.
    """
    if len(article_ids) <= BATCH_SIZE:
        search_index_update(article_ids)
        return
    from articles.tasks import reindex_articles

    ordered = sorted(article_ids)
    with transaction.atomic():
        for start in range(0, len(ordered), BATCH_SIZE):
            reindex_articles.enqueue(article_ids=ordered[start : start + BATCH_SIZE])


# Entity renames and alias changes alter the vectors of every article linked to the entity: the
# request only records which entities changed; a task (articles.tasks) re-indexes their articles.


def entity_names_changed(*, kind: str, entity_ids: Iterable[int]) -> None:
    """After commit, queue the re-indexing of every article linked to these entities (one task per
    BATCH_SIZE entities of a kind, however many saves in the transaction named them)."""
    ids = {int(pk) for pk in entity_ids if pk is not None}
    if ids:
        gather("articles.entity_names_changed", [(kind, ids)], _enqueue_entity_refresh)


def _enqueue_entity_refresh(changes: list[tuple[str, set[int]]]) -> None:
    from articles.tasks import refresh_after_entity_rename

    by_kind: dict[str, set[int]] = defaultdict(set)
    for kind, ids in changes:
        by_kind[kind] |= ids
    with transaction.atomic():
        for kind, ids in by_kind.items():
            ordered = sorted(ids)
            for start in range(0, len(ordered), BATCH_SIZE):
                refresh_after_entity_rename.enqueue(kind=kind, entity_ids=ordered[start : start + BATCH_SIZE])


def _entity_saving(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """pre_save of a person, organization or event: when a name readers search by changes, the
    linked articles' vectors are due (a new entity has no articles yet)."""
    if raw or instance.pk is None:
        return
    link = link_kind_for(sender)
    if update_fields is not None and not set(link.name_fields) & set(update_fields):
        return
    before = sender._base_manager.filter(pk=instance.pk).values_list(*link.name_fields).first()
    if before is not None and before != tuple(getattr(instance, name) for name in link.name_fields):
        entity_names_changed(kind=link.kind, entity_ids=[instance.pk])


def _entity_deleting(sender, instance, **kwargs) -> None:
    """pre_delete of a person, organization or event: its links go with it, so the linked articles
    change their public face (search, related posts, pages). Read before the links are gone."""
    link = link_kind_for(sender)
    ids = link.link_model.objects.filter(**{f"{link.field}_id": instance.pk}).values_list(
        "article_id", flat=True
    )
    content_changed(article_ids=ids, reason=f"{link.kind} deleted")


# Each alias model: the kind of its owner and the column naming it ("person_id").
_ALIAS_OWNERS: dict[type, tuple[str, str]] = {}


def _alias_changed(sender, instance, raw=False, **kwargs) -> None:
    """post_save / post_delete of another name: the owner's articles are due for re-indexing."""
    if not raw:
        kind, owner_column = _ALIAS_OWNERS[sender]
        entity_names_changed(kind=kind, entity_ids=[getattr(instance, owner_column)])


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

    for link in ENTITY_LINKS:
        model, name = link.entity_model, link.entity_model.__name__
        pre_save.connect(_entity_saving, sender=model, dispatch_uid=f"search-{name}-save")
        # Before the delete: afterwards the links are gone, and with them the articles to update.
        pre_delete.connect(_entity_deleting, sender=model, dispatch_uid=f"search-{name}-delete")
        if link.alias_relation:
            owner = model._meta.get_field(link.alias_relation).field
            _ALIAS_OWNERS[owner.model] = (link.kind, owner.attname)
            alias = owner.model.__name__
            post_save.connect(_alias_changed, sender=owner.model, dispatch_uid=f"search-{alias}-save")
            post_delete.connect(_alias_changed, sender=owner.model, dispatch_uid=f"search-{alias}-delete")


# The reader's query.


def clean_query(raw: str | None) -> str:
    """The query as searched: control characters removed, spaces collapsed, length capped."""
    text = _CONTROL.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def has_words(query: str) -> bool:
    return bool(_WORD.search(query))


MAX_NAME_WORDS = 4
# A word with the character before it: excluded words ("-flood") and the "or" operator stay as
# written, so the keyed query means the same as the reader's.
_KEYABLE = re.compile(r"(^|[^\w])(-?)(\w+)", re.UNICODE)


def _keyed_query(query: str, names: NameIndex) -> str:
    """The query with each word whose transliteration key is the key of a word of a known name
    replaced by that key ("Pirhoshein" -> "pirhusain"); any other word, "-word" and "or" as written.
    """

    def key_word(match: re.Match) -> str:
        before, minus, word = match.groups()
        if minus or word.casefold() == "or":
            return match.group()
        key = name_key(word)
        return before + key if key in names.word_keys else match.group()

    return _KEYABLE.sub(key_word, query)


def _spelled_people(query: str, names: NameIndex) -> list[tuple[int, int, str]]:
    """Runs of the query's words that spell a known person's name or other name under ``name_key``:
    (start, end, the person's recorded name), longest runs first, never overlapping.

    "Pir-Hossein Koulivand" and "Pir Hossein Kolivand" have the key of "Pirhossein Kolivand", but
    no word of them has the key of a word of his name: the run of words is what matches.
    """
    tokens = [t for t in _WORD.finditer(query) if t.group().casefold() != "or"]
    spans = []
    for i in range(len(tokens)):
        for n in range(2, min(MAX_NAME_WORDS, len(tokens) - i) + 1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            excluded = query[start - 1 : start] == "-" and not query[start - 2 : start - 1].isalnum()
            if excluded or '"' in query[start:end]:
                continue  # an excluded word ("-flood"), or words across a phrase's edge
            key = name_key(query[start:end])
            if len(key) >= 6 and key in names.people:
                spans.append((start, end, names.people[key]))
    spans.sort(key=lambda span: (span[0] - span[1], span[0]))
    chosen: list[tuple[int, int, str]] = []
    for span in spans:
        if all(span[1] <= other[0] or span[0] >= other[1] for other in chosen):
            chosen.append(span)
    return sorted(chosen)


def _people_keyed_query(query: str, names: NameIndex) -> str:
    """The query with each person's name, spelled any way, replaced by the keys of the name as
    recorded (what the stored vectors of the person's stories hold); other words as written, so
    "Pir-Hossein Koulivand drill" still needs "drill"."""
    parts, position = [], 0
    for start, end, name in _spelled_people(query, names):
        parts.append(query[position:start])
        parts.append(" ".join(name_key(word) or word for word in _WORD.findall(name)))
        position = end
    parts.append(query[position:])
    return "".join(parts)


# A quoted phrase, excluded or not; an unclosed quote runs to the end, as websearch reads it.
_PHRASE = re.compile(r'(?:(?<=\s)|^)(-?)"([^"]*)"?')


_EXCLUDED_WORD = re.compile(r"(?:(?<=\s)|^)-\w+", re.UNICODE)


def _without_phrases(query: str) -> str:
    """The query with each phrase's words required anywhere (\"a b\" -> a b) and each exclusion
    dropped: it matches every story the query matches and more, and the GIN index answers it
    alone, where a phrase needs each candidate's positions read from its stored vector. (An
    excluded common word would make the newest candidates rare: dropped, it costs nothing.)"""
    return _EXCLUDED_WORD.sub(" ", _PHRASE.sub(lambda m: " " if m.group(1) else f" {m.group(2)} ", query))


def search_query(query: str, names: NameIndex | None = None) -> tuple[SearchQuery, SearchQuery | None]:
    """The reader's web-search style query as a tsquery, widened by the spelling keys of names; and
    for a query with a phrase, the same query with its phrases as plain words (see article_page)."""
    names = names or name_index()
    variants = [query]
    for variant in (_keyed_query(query, names), _people_keyed_query(query, names)):
        # The same query with names in their transliteration keys: another spelling also matches.
        if variant.casefold() not in {v.casefold() for v in variants}:
            variants.append(variant)

    def either(texts: list[str]) -> SearchQuery:
        search = SearchQuery(texts[0], search_type="websearch", config=CONFIG)
        for text in texts[1:]:
            search |= SearchQuery(text, search_type="websearch", config=CONFIG)
        return search

    relaxed = None
    if '"' in query and all(has_words(_without_phrases(v)) for v in variants):
        relaxed = either([_without_phrases(v) for v in variants])
    return either(variants), relaxed


#: Walk the newest stories when every word the query needs is in this share of them or more.
WALK_SHARE = 0.4
#: Ask the GIN index for the weeks expected to hold this many times the matches a page needs.
WINDOW_MARGIN = 1.5


def _required_words(query: str) -> set[str] | None:
    """The words every match has (not "-word" exclusions), or None for a query with "or"."""
    words = {m.group(3).casefold() for m in _KEYABLE.finditer(query) if not m.group(2)} - {"or"}
    if not words or " or " in f" {query.casefold()} ":
        return None
    return words


def _word_counts(words: set[str]) -> tuple[dict[str, int], int]:
    """How many published stories have each word, and the most common word's count, a stand-in
    for the archive's size (one small query; empty until rebuild_search_words)."""
    # A UNION, so each part reads its own index (an OR with the subquery read all the words).
    most = SearchWord.objects.order_by("-documents").values_list("word", "documents")[:1]
    counts = dict(SearchWord.objects.filter(word__in=words).values_list("word", "documents").union(most))
    return counts, max(counts.values(), default=0)


@dataclass
class _Plan:
    """How the matching query looks for its newest matches."""

    #: Walk the newest stories (every word common, or "or": most stories match).
    walk: bool
    #: The publication weeks (lexemes) expected to hold the newest matches, or None for all.
    weeks: list[str] | None = None


def _plan(query: str, needed: int) -> _Plan:
    """Walk the newest stories when every word the query needs is in at least WALK_SHARE of them;
    otherwise take the matches from the GIN index, and when more than ``needed`` are expected,
    only those of the newest weeks that should hold WINDOW_MARGIN times as many."""
    words = _required_words(query)
    if words is None:
        return _Plan(walk=True)  # "a or b" can match most stories with neither word common: walk
    counts, stories = _word_counts(words)
    if not stories:
        return _Plan(walk=True)  # no word counts yet (rebuild_search_words): PostgreSQL chooses
    shares = [counts.get(word, 0) / stories for word in words]
    # A word the stories' text does not have may still be in their vectors, as a linked name:
    # the words the text has say how many matches to expect, at most as many as the rarest has.
    # (Not the product of the shares: the words of a name come together, "Omar" and "Yarahmadi"
    # in 15% of the stories each and together in 14%, not 2%.) Fewer: the next query finds them.
    known = [share for share in shares if share]
    weeks = _recent_weeks(min(known), stories, needed) if known else None
    return _Plan(walk=weeks is None and all(share >= WALK_SHARE for share in shares), weeks=weeks)


def _recent_weeks(share: float, stories: int, needed: int) -> list[str] | None:
    """The lexemes of the newest publication weeks that hold about WINDOW_MARGIN * needed / share
    stories, the weeks where that many matches are expected if the words were spread evenly
    over time (None when that is most of the archive, or too few matches are expected)."""
    if share * stories < WINDOW_MARGIN * needed:
        return None
    window = math.ceil(WINDOW_MARGIN * needed / share)
    if window > stories / 2:
        return None
    today = timezone.now().astimezone(datetime.UTC).date()
    weekly = _weekly_stories()
    # Every week since the newest counted (new weeks are not counted yet), then older ones.
    monday = today - datetime.timedelta(days=today.weekday())
    newest = weekly[0][0] if weekly else monday
    weeks = [
        _week_lexeme(newest + datetime.timedelta(days=d)) for d in range(0, (monday - newest).days + 1, 7)
    ]
    held = 0
    for start, count in weekly:
        weeks.append(_week_lexeme(start))
        held += count
        if held >= window:
            return sorted(set(weeks))
    return None  # the whole archive holds fewer


#: How long a process keeps the number of stories of each week (approximate is enough: when the
#: weeks chosen hold fewer matches than needed, the next query asks every week).
WEEKS_SECONDS = 300
_weekly: tuple[float, list[tuple[datetime.date, int]]] | None = None


def _weekly_stories() -> list[tuple[datetime.date, int]]:
    """(Monday, stories published that week) for every ISO week (UTC), newest first."""
    global _weekly
    if _weekly is None or time.monotonic() - _weekly[0] > WEEKS_SECONDS:
        rows = (
            Article.objects.filter(published_at__lte=timezone.now())
            .annotate(week=TruncWeek("published_at", tzinfo=datetime.UTC))
            .values("week")
            .annotate(stories=Count("pk"))
            .order_by("-week")
            .values_list("week", "stories")
        )
        _weekly = (time.monotonic(), [(week.date(), stories) for week, stories in rows])
    return _weekly[1]


class _InWeeks(SearchQueryCombinable, Func):
    """A tsquery of publication weeks ("'§2026-48' | '§2026-49'"), read as written, not parsed."""

    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()

    def __init__(self, weeks: list[str]):
        super().__init__(Value(" | ".join(f"'{week}'" for week in weeks)))
        self.config = None


@dataclass
class ResultsPage:
    """One page of search results and how many stories matched, counted up to MAX_RANKED_MATCHES + 1."""

    articles: list
    number: int
    matched: int
    per_page: int

    @property
    def count(self) -> int:
        return min(self.matched, MAX_RANKED_MATCHES)

    @property
    def more(self) -> bool:
        """More stories matched than are ranked: "the 1,000 newest of more than 1,000"."""
        return self.matched > MAX_RANKED_MATCHES

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def article_page(
    query: str, *, number: int = 1, per_page: int = 20, names: NameIndex | None = None
) -> ResultsPage:
    """One page of the published articles matching the query, best first, with highlighted
    headline and snippet: one SQL query, which also counts the matches up to the cap."""
    search, relaxed = search_query(query, names)
    # Rank only the newest matches: a common word can match most of the archive, and ranking
    # every match would read every vector. News readers want the recent stories first anyway.
    # One more than the cap, so the page can say "more than 1,000". A phrase: the newest stories
    # with all its words are the candidates, checked for the phrase (below).
    needed = MAX_RANKED_MATCHES + 1 if relaxed is None else PHRASE_CANDIDATES
    plan = _plan(_without_phrases(query) if relaxed is not None else query, needed)
    rows = _page_rows(search, relaxed, plan, number, per_page, needed)
    if plan.weeks is not None and (not rows or rows[0].candidates < needed):
        # The newest weeks held fewer matches than expected (a word of last year's news): all weeks.
        rows = _page_rows(search, relaxed, _Plan(walk=False), number, per_page, needed)
    rows = [row for row in rows if row.rank is not None]
    return ResultsPage(rows, number, rows[0].matched if rows else 0, per_page)


def _page_rows(search, relaxed, plan: _Plan, number: int, per_page: int, needed: int) -> list[Article]:
    from articles.public.views import listing_queryset

    # Newest first. For a query whose words are in most stories, PostgreSQL walks the index of
    # publication times and stops at the 1,001st match; for rarer words that walk reads the
    # vector of every story it passes (3,600 for a name in a quarter of the stories), where the
    # GIN index gives every match without reading a vector and sorting their times is cheap on
    # the narrow rows (migration 0015). Sorting by an expression no index has makes it take the
    # GIN path; the archive's word counts (SearchWord) say which words are common.
    newest_first = (
        F("published_at").desc() if plan.walk else Coalesce("published_at", "created_at").desc()
    )  # a published story always has a publication time: the same order
    # A phrase: the GIN index finds the newest stories with all its words (no positions read),
    # and the phrase is checked on those rows only, below. ts_match_vq is what @@ calls: as a
    # function PostgreSQL never answers it through the index, nor chooses to check it on
    # every story with both words (60,000 of 100,000 for two common words) instead.
    candidates = search if relaxed is None else relaxed
    if plan.weeks is not None:
        # Only the stories of the newest weeks, found in the GIN index too: PostgreSQL reads the
        # publication times of those matches only (3,100 rows instead of 28,000 for a name in a
        # quarter of the stories). Every match outside is older than every one inside, so when
        # the weeks hold the ``needed`` newest, they are the newest of all.
        candidates = candidates & _InWeeks(plan.weeks)
    newest = (
        Article.objects.published()
        .filter(search_vector=candidates)
        .order_by(newest_first, "-id")
        .values("pk")[:needed]
    )
    rank = SearchRank(F("search_vector"), search)
    if relaxed is not None:
        # A candidate without the phrase has no rank, and the count of ranks counts the matches:
        # each function reads the stored vector again, so the rank and its count read it once
        # each per candidate (and once more each for a match), where a separate match flag made
        # it three times for every candidate.
        is_match = Func(F("search_vector"), search, function="ts_match_vq", output_field=BooleanField())
        rank = Case(When(is_match, then=rank), default=None)
    offset = (number - 1) * per_page
    return list(
        listing_queryset()
        .filter(pk__in=newest)
        .defer("body", "search_vector", "snippet_source")  # the page shows the snippet, computed in SQL
        .annotate(
            rank=rank,
            # Counted over the matched rows before the page is cut: no second COUNT query.
            matched=Window(Count("rank")),
            candidates=Window(Count("pk")),
            # ts_headline is costly: PostgreSQL computes it after the sort and the LIMIT, so only
            # for the rows shown (EXPLAIN VERBOSE shows it above the Limit).
            headline_marked=SearchHeadline(
                "headline", search, config=CONFIG, start_sel=_START, stop_sel=_STOP, highlight_all=True
            ),
            snippet=SearchHeadline(
                "snippet_source",  # the standfirst and the body's start as plain text, stored
                search,
                config=CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=35,
                min_words=15,
            ),
        )
        # A phrase's candidates without the phrase sort last and are dropped from the page.
        .order_by(F("rank").desc(nulls_last=True), "-published_at", "-id")[
            offset : min(offset + per_page, MAX_RANKED_MATCHES)
        ]
    )


def entity_results(query: str, names: NameIndex | None = None) -> dict[str, list]:
    """People, organizations and events whose name or alias contains every word the query asks
    for (not its "-word" exclusions nor "or")."""
    names = names or name_index()
    words = [m.group(3) for m in _KEYABLE.finditer(query) if not m.group(2) and m.group(3).casefold() != "or"]
    words = [w for w in words if len(w) > 1][:6]
    # "Dr. Pir-Hossein Koulivand": a title is not part of anyone's name in the directory.
    words = [w for w in words if w.casefold() not in HONORIFICS] or words
    if not words:
        return {"people": [], "organizations": [], "events": []}

    keys = [
        # Any common spelling ("Pirhoshein" finds Pirhossein Kolivand), but only a key that is
        # the key of a word of some name, and not a short one: "aaaa" has the key "a".
        key if len(key := name_key(word)) >= 4 and key in names.word_keys else None
        for word in words
    ]
    found = {}
    for kind, model in (("people", Person), ("organizations", Organization), ("events", Event)):
        ids = names.entities[model.__name__.lower()].matching(words, keys, ENTITIES_PER_KIND)
        # Found in memory (names, other names, keys, acronyms); read from the database only when found.
        found[kind] = list(model.objects.filter(pk__in=ids).order_by("name")) if ids else []
    return found


def suggest(query: str, names: NameIndex | None = None) -> str | None:
    """The query with each word neither the archive nor the names know replaced by the nearest
    known spelling, every operator kept ("earthqake -kermanshah" -> "earthquake -kermanshah");
    None when there is nothing to correct. Used only when nothing matched."""
    names = names or name_index()
    return corrected_query(query, name_deletions=names.deletions, name_words=names.words)


def highlight(snippet: str) -> SafeString:
    """The snippet as safe HTML: every character escaped, the matched words in <mark>."""
    text = escape(unescape(snippet or ""))
    return mark_safe(text.replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308
