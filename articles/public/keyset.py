"""Keyset pagination for the article listings: "Newer" and "Older stories" pages by a
(published_at, id) cursor, so page 500 costs what page 1 costs (no COUNT, no OFFSET).

A cursor is the publish time of a story (UTC, ISO 8601 to the microsecond) and its id, joined by
``_``: ``?before=2026-11-30T12:34:56.123456Z_4711`` lists the stories published before that
one, ``?after=...`` the ones after it. The old ``?page=N`` addresses (readers' bookmarks) redirect
to the cursor of the same place in today's list.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import QuerySet
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from articles.models import Article

BEFORE, AFTER, PAGE = "before", "after", "page"


class BadCursor(Http404):
    """A cursor or page number that is not one: the reader gets a 404, never a 500."""


#: PostgreSQL's bigint: a larger id in a cursor is no place in the list (and must not reach the database).
MAX_ID = 2**63 - 1
#: Beyond any archive; keeps the OFFSET of an old ``?page=N`` in range.
MAX_PAGE = 1_000_000


def cursor_of(article: Article) -> str:
    """The cursor that names ``article``'s place in a newest-first listing."""
    return make_cursor(article.published_at, article.pk)


def make_cursor(at: datetime, pk: int) -> str:
    moment = at.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    return f"{moment}_{pk}"


def parse_cursor(value: str) -> tuple[datetime, int]:
    """``(published_at, id)`` from a cursor; ``BadCursor`` for anything else."""
    at, sep, pk = value.rpartition("_")
    try:
        # A "+" in a query string arrives as a space: accept both.
        moment = datetime.fromisoformat(at.replace(" ", "+"))
        number = int(pk)
    except ValueError:
        raise BadCursor(_("This is not a place in the list.")) from None
    if not sep or moment.tzinfo is None or not pk.isdigit() or not 0 < number <= MAX_ID:
        raise BadCursor(_("This is not a place in the list."))
    return moment, number


def older_than(queryset: QuerySet, at: datetime, pk: int) -> QuerySet:
    """Rows after (at, pk) in newest-first order. The range on ``published_at`` is what lets
    PostgreSQL start the index walk at the cursor; the exclusion settles ties within a microsecond."""
    return (
        queryset.filter(published_at__lte=at)
        .exclude(published_at=at, pk__gte=pk)
        .order_by("-published_at", "-id")
    )


def newer_than(queryset: QuerySet, at: datetime, pk: int) -> QuerySet:
    """Rows before (at, pk) in newest-first order, nearest first (oldest of them first)."""
    return (
        queryset.filter(published_at__gte=at)
        .exclude(published_at=at, pk__lte=pk)
        .order_by("published_at", "id")
    )


@dataclass
class ListingPage:
    """One page of a listing, with the cursors of its neighbours (``None`` where there is none)."""

    articles: list[Article]
    older: str | None
    newer: str | None
    #: Where the reader should be sent instead (an old ``?page=N``, or a "newer" page that is the first).
    redirect_query: str | None = None
    #: The stories' cards, when the page is kept without its stories (``KeysetListView``).
    html: str = ""
    #: How many stories the cards show.
    shown: int = 0

    @property
    def has_other_pages(self) -> bool:
        return bool(self.older or self.newer)


def listing_page(queryset: QuerySet, query: QueryDict, *, size: int) -> ListingPage:
    """The page of ``queryset`` (newest first) that the request's query string asks for.

    One query for the page itself (``size + 1`` rows tell whether there is an older page); an old
    ``?page=N`` costs one more, an index walk to the row that begins page N.
    """
    before, after, page = query.get(BEFORE), query.get(AFTER), query.get(PAGE)
    if sum(value is not None for value in (before, after, page)) > 1:
        raise BadCursor(_("This is not a place in the list."))
    if page is not None:
        return ListingPage([], None, None, redirect_query=_page_redirect(queryset, page, size=size))
    if after is not None:
        rows = list(newer_than(queryset, *parse_cursor(after))[: size + 1])
        if len(rows) <= size:  # nothing newer than these: that is the first page
            return ListingPage([], None, None, redirect_query="")
        rows = rows[:size][::-1]
        return ListingPage(rows, older=cursor_of(rows[-1]), newer=cursor_of(rows[0]))
    if before is not None:
        rows = list(older_than(queryset, *parse_cursor(before))[: size + 1])
        if not rows:
            raise BadCursor(_("There are no stories before this point."))
        shown = rows[:size]
        return ListingPage(
            shown,
            older=cursor_of(shown[-1]) if len(rows) > size else None,
            newer=cursor_of(shown[0]),
        )
    rows = list(queryset.order_by("-published_at", "-id")[: size + 1])
    shown = rows[:size]
    return ListingPage(shown, older=cursor_of(shown[-1]) if len(rows) > size else None, newer=None)


def _page_redirect(queryset: QuerySet, page: str, *, size: int) -> str:
    """The query string for where ``?page=N`` is today: ``before`` the last story of page N-1."""
    if not page.isdigit() or not 0 < int(page) <= MAX_PAGE:
        raise BadCursor(_("There is no such page."))
    number = int(page)
    if number == 1:
        return ""
    offset = (number - 1) * size - 1
    last = queryset.order_by("-published_at", "-id").values_list("published_at", "pk")[offset : offset + 1]
    row = next(iter(last), None)
    if row is None:
        raise BadCursor(_("There is no such page."))
    return f"{BEFORE}={make_cursor(*row)}"
