"""Public entity pages: a person, an organization, an event, each with its published coverage.

A person's page keeps the stories *by* them (bylines) apart from the stories *about* them (entity
links), each story labelled with its role in words ("Main subject", "Quoted", "Photographs"). Lists
are read newest first a page at a time by a (publish time, id) cursor, never counted or offset:
the busiest person is linked to tens of thousands of stories. A timeline counts the coverage by
month and each month opens its own list. Everything starts from the one visibility rule.
"""

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, F, OuterRef, Prefetch, Q
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from articles.links import link_kind_for
from articles.models import Article, Byline, LinkRole, Quote, published_condition
from articles.public.structured_data import event_json_ld, organization_json_ld, person_json_ld
from articles.public.views import LISTING_PAGE_SIZE, listing_queryset, with_card_pictures
from newsroom.cache import depends_on, keys_of, page_cache, seconds_until_next_change, version
from newsroom.fragments import cached_fragment, fragment_key
from newsroom.slugs import OldSlugRedirectMixin
from organizations.models import Affiliation, Event, EventParticipant, Organization, Person

QUOTES_ON_PERSON_PAGE = 10
# Lists on an entity page (events, people with titles, sessions) stop here; coverage is paginated.
FACT_LIST_LIMIT = 100
COVERAGE_PAGE_SIZE = LISTING_PAGE_SIZE
#: A second list beside the main one (a person's own stories beside those about them) shows its
#: latest few; "more" opens it as the page's list.
OTHER_LIST_SIZE = 6
# An old bookmark's ?page=N is still answered (by offset) up to here; deeper pages use the cursor.
OLD_PAGE_LIMIT = 500
# The longest the month counts are kept when nothing changes them.
TIMELINE_SECONDS = 3600

#: A link's role as a reader would put it, strongest first.
LINK_ROLE_LABELS = {
    LinkRole.ABOUT: _("Main subject"),
    LinkRole.QUOTED: _("Quoted"),
    LinkRole.MENTIONS: _("Mentioned"),
}
#: A byline's role as a reader would put it.
BYLINE_ROLE_LABELS = {
    Byline.Role.AUTHOR: _("Written"),
    Byline.Role.PHOTOGRAPHER: _("Photographs"),
    Byline.Role.TRANSLATOR: _("Translation"),
    Byline.Role.CONTRIBUTOR: _("Contribution"),
    Byline.Role.EDITOR: _("Edited"),
}

logger = logging.getLogger(__name__)

_CURSOR = re.compile(r"^(\d{1,19})-(\d{1,19})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def person_articles(person: Person):
    """Published stories by or about a person, newest first (its feeds)."""
    return listing_queryset().filter(pk__in=Article.objects.coverage_of(person).values("pk"))


def organization_articles(organization: Organization):
    return listing_queryset().filter(pk__in=Article.objects.coverage_of(organization).values("pk"))


def event_articles(event: Event):
    return listing_queryset().filter(pk__in=Article.objects.coverage_of(event).values("pk"))


def stories_about(entity):
    """Published stories linked to ``entity``, each with the roles of its links (``link_roles``)."""
    link = link_kind_for(entity)
    links = link.link_model.objects.filter(**{link.field: entity})
    return (
        listing_queryset()
        .filter(pk__in=links.values("article_id"))
        .annotate(link_roles=ArraySubquery(links.filter(article=OuterRef("pk")).values("role")))
    )


def stories_by(person: Person):
    """Published stories with ``person`` in the byline, each with their roles (``byline_roles``)."""
    bylines = Byline.objects.filter(person=person)
    return (
        listing_queryset()
        .filter(pk__in=bylines.values("article_id"))
        .annotate(byline_roles=ArraySubquery(bylines.filter(article=OuterRef("pk")).values("role")))
    )


def coverage_by_month(entity) -> list[dict]:
    """[{"month": datetime, "stories": n}, …] newest month first, in the newsroom's time zone.

    Counting tens of thousands of stories is the one costly read of the page, so the counts are
    kept in the cache under the version of the entity's list (every new, changed or withdrawn
    story linked to it bumps that version) and never past the next scheduled publish or expiry.
    """
    list_key = f"list:{entity._meta.model_name}:{entity.pk}"
    store = page_cache()
    try:
        # The rows are kept as shown (month names in words), so per zone and language.
        zone, language = timezone.get_current_timezone_name(), get_language()
        key = f"entity-timeline:{list_key}:{version(list_key)}:{zone}:{language}"
        months = store.get(key)
    except Exception:
        # A cache server that does not answer costs the count, never the page.
        logger.exception("Could not read the cached timeline of %s; counting it again.", list_key)
        key, months = None, None
    if months is None:
        counts = (
            Article.objects.published()
            .filter(pk__in=Article.objects.coverage_of(entity).values("pk"))
            .annotate(month=TruncMonth("published_at"))
            .values_list("month")
            .annotate(stories=Count("id"))
            .order_by("-month")
        )
        months = [timeline_row(month, stories) for month, stories in counts]
        if key is not None:
            try:
                store.set(key, months, seconds_until_next_change(TIMELINE_SECONDS))
            except Exception:
                logger.exception("Could not keep the timeline of %s in the cache.", list_key)
    return months


def timeline_row(month: datetime, stories: int) -> dict:
    """One month of the timeline, its words made here rather than by a filter per row."""
    local = timezone.localtime(month)
    return {
        "key": f"{local.year:04d}-{local.month:02d}",
        "year": local.year,
        "short": date_format(local, "M"),
        "label": date_format(local, "F Y"),
        "stories": ngettext("%(n)d story", "%(n)d stories", stories) % {"n": stories},
    }


def encode_cursor(article: Article) -> str:
    at = article.published_at
    return f"{int(at.timestamp()) * 1_000_000 + at.microsecond}-{article.pk}"


def decode_cursor(value: str) -> tuple[datetime, int]:
    """(publish time, id) from ``encode_cursor``'s text; a 404 for anything else."""
    match = _CURSOR.match(value)
    if not match:
        raise Http404("No such page.")
    micros, pk = int(match[1]), int(match[2])
    try:
        at = datetime.fromtimestamp(micros // 1_000_000, tz=UTC).replace(microsecond=micros % 1_000_000)
    except (OverflowError, OSError, ValueError) as error:
        raise Http404("No such page.") from error
    return at, pk


def month_range(value: str) -> tuple[datetime, datetime]:
    """The start of the month "2026-03" and of the next, in the newsroom's zone; a 404 otherwise."""
    match = _MONTH.match(value)
    if not match or not (1 <= int(match[2]) <= 12) or int(match[1]) < 1900:
        raise Http404("No such month.")
    year, month = int(match[1]), int(match[2])
    zone = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


@dataclass
class CoverageList:
    """One list of stories on an entity page, a page of it, and where the next page starts."""

    key: str
    heading: str
    articles: list
    #: The cursor of the next (older, or later for an event) page; None on the last page.
    next_cursor: str | None
    #: True when this is not the list's first page (the page offers a way back to the start).
    is_continued: bool
    #: True when only the latest few are shown beside the page's main list.
    is_preview: bool = False


def coverage_page(queryset, *, key: str, heading: str, request, selected: bool, full: bool, ascending=False):
    """A page of ``queryset`` (newest first, or oldest first when ``ascending``): the first page,
    or the one after the cursor ``?after=`` when this list is the one the reader is paging."""
    order = ("published_at", "id") if ascending else ("-published_at", "-id")
    queryset = queryset.order_by(*order)
    continued = False
    offset = 0
    if selected and (cursor := request.GET.get("after")):
        at, pk = decode_cursor(cursor)
        if ascending:
            queryset = queryset.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=pk))
        else:
            queryset = queryset.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=pk))
        continued = True
    elif selected and (page := request.GET.get("page")) not in (None, "", "1"):
        # Addresses from before the cursor: ?page=N still opens the same depth of the list.
        if not page.isdigit() or not (1 <= int(page) <= OLD_PAGE_LIMIT):
            raise Http404("No such page.")
        offset, continued = (int(page) - 1) * COVERAGE_PAGE_SIZE, True
    size = COVERAGE_PAGE_SIZE if full else OTHER_LIST_SIZE
    rows = list(queryset[offset : offset + size + 1])
    if continued and not rows:
        raise Http404("No such page.")
    articles = rows[:size]
    more = len(rows) > size
    return CoverageList(
        key=key,
        heading=heading,
        articles=articles,
        next_cursor=encode_cursor(articles[-1]) if more else None,
        is_continued=continued,
        is_preview=not full,
    )


def label_roles(articles) -> None:
    """Give each story ``role_labels``: its link and byline roles as a reader would say them."""
    labels = {**LINK_ROLE_LABELS, **BYLINE_ROLE_LABELS}
    for article in articles:
        roles = {
            *(getattr(article, "link_roles", None) or ()),
            *(getattr(article, "byline_roles", None) or ()),
        }
        article.role_labels = [label for role, label in labels.items() if role in roles]


class EntityDetailView(OldSlugRedirectMixin, DetailView):
    """An entity, its coverage by month, and its lists of published stories a page at a time."""

    #: Coverage of an event reads best in the order it happened; people's and organizations' newest first.
    ascending = False

    def coverage_lists(self) -> list[tuple[str, str, object]]:
        """(key, heading, queryset) of each list the page shows, the default paged list first."""
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        entity = self.object
        depends_on(f"list:{entity._meta.model_name}:{entity.pk}")
        request = self.request
        month = request.GET.get("month") or ""
        lists = self.coverage_lists()
        chosen = request.GET.get("show") or lists[0][0]
        if chosen not in {key for key, _heading, _queryset in lists}:
            raise Http404("No such list.")
        if month:
            month_range(month)  # a 404 for a month that is not one
        # The lists and the timeline are most of the page's work and change only with the entity's
        # coverage (its list version, the stories shown): kept like an article's story part.
        key = fragment_key(
            "entity-coverage",
            entity._meta.model_name,
            entity.pk,
            chosen,
            month,
            request.GET.get("after") or "",
            request.GET.get("page") or "",
            timezone.get_current_timezone_name(),
        )
        coverage = cached_fragment(
            key,
            lambda: (
                self.render_coverage(lists, chosen=chosen, month=month),
                lambda: seconds_until_next_change(TIMELINE_SECONDS),
            ),
        )
        return super().get_context_data(
            coverage_html=coverage,
            json_ld=self.json_ld(entity, request),
            fact_list_limit=FACT_LIST_LIMIT,
            **kwargs,
        )

    def render_coverage(self, lists, *, chosen: str, month: str) -> str:
        """The timeline and the page of each list (HTML), as ``organizations/includes/coverage.html``
        shows them."""
        entity, request = self.object, self.request
        depends_on(f"list:{entity._meta.model_name}:{entity.pk}", *keys_of(entity))
        if month:
            start, end = month_range(month)
        pages = []
        for key, heading, queryset in lists:
            if month:
                queryset = queryset.filter(published_at__gte=start, published_at__lt=end)
            pages.append(
                coverage_page(
                    with_card_pictures(queryset),
                    key=key,
                    heading=heading,
                    request=request,
                    selected=key == chosen,
                    # The page's own list in full; another one too when the lists before it were empty.
                    full=key == chosen or not any(page.articles for page in pages),
                    ascending=self.ascending,
                )
            )
        # While one list is paged, the others step aside.
        paging = any(page.is_continued for page in pages)
        pages = [page for page in pages if page.key == chosen or not paging]
        for page in pages:
            label_roles(page.articles)
        context = {
            "coverage": pages,
            "has_coverage": any(page.articles for page in pages),
            "ascending": self.ascending,
            "paging": paging,
            "month": start if month else None,
            "month_param": month,
            "timeline": coverage_by_month(entity),
        }
        return render_to_string("organizations/includes/coverage.html", context)


class PersonDetailView(EntityDetailView):
    model = Person
    json_ld = staticmethod(person_json_ld)
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            "aliases",
            Prefetch("affiliations", queryset=Affiliation.objects.select_related("organization")),
        )

    def coverage_lists(self):
        person = self.object
        return [
            ("about", _("Stories about %(name)s") % {"name": person.name}, stories_about(person)),
            ("by", _("Stories by %(name)s") % {"name": person.name}, stories_by(person)),
        ]

    def get_context_data(self, **kwargs):
        person = self.object
        # Quotes from published stories (or on record without a story), the rule applied on the join.
        quotes = (
            Quote.objects.filter(speaker=person)
            .filter(Q(article__isnull=True) | published_condition("article__"))
            .select_related("article")
            .order_by(F("said_on").desc(nulls_last=True), "-id")[:QUOTES_ON_PERSON_PAGE]
        )
        events = Event.objects.filter(participant_links__person=person).annotate(
            role=F("participant_links__role")
        )
        return super().get_context_data(
            quotes=list(quotes),
            upcoming_events=list(events.upcoming()[:FACT_LIST_LIMIT]),
            past_events=list(events.past()[:FACT_LIST_LIMIT]),
            **kwargs,
        )


class OrganizationDetailView(EntityDetailView):
    model = Organization
    json_ld = staticmethod(organization_json_ld)
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.select_related("parent").prefetch_related(
            "aliases",
            "children",
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.select_related("person").order_by("person__sort_name", "id")[
                    :FACT_LIST_LIMIT
                ],
                to_attr="people_list",
            ),
        )

    def coverage_lists(self):
        name = self.object.acronym or self.object.name
        return [("about", _("Stories about %(name)s") % {"name": name}, stories_about(self.object))]

    def get_context_data(self, **kwargs):
        events = Event.objects.filter(organizer_links__organization=self.object)
        return super().get_context_data(
            upcoming_events=list(events.upcoming()[:FACT_LIST_LIMIT]),
            past_events=list(events.past()[:FACT_LIST_LIMIT]),
            **kwargs,
        )


class EventDetailView(EntityDetailView):
    model = Event
    json_ld = staticmethod(event_json_ld)
    context_object_name = "event"
    ascending = True

    def get_queryset(self):
        return Event.objects.select_related("parent").prefetch_related(
            "organizers",
            Prefetch(
                "participant_links",
                queryset=EventParticipant.objects.select_related("person").order_by(
                    "person__sort_name", "id"
                )[:FACT_LIST_LIMIT],
                to_attr="participant_list",
            ),
            Prefetch(
                "sessions",
                queryset=Event.objects.order_by("starts_at")[:FACT_LIST_LIMIT],
                to_attr="session_list",
            ),
        )

    def coverage_lists(self):
        return [("about", _("Coverage"), stories_about(self.object))]
