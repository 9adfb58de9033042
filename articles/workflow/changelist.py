"""The editors' article list: its query, its filters and the desk's saved views.

The list is fixed in queries whatever the page holds: the section comes in the same query, the
bylines (with their people) in one more, and the filters' choices are cached.
"""

from datetime import datetime, time, timedelta

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.cache import cache
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline
from organizations.models import Person

Status = Article.Status

#: How long a filter's list of choices (languages, bylined people) is reused before it is read again.
CHOICES_SECONDS = 600


BYLINES = Byline.objects.select_related("person").order_by("position", "id")


class ArticleChangeList(ChangeList):
    """The list never reads the body or the search vector, and fetches every row's byline at once."""

    def get_queryset(self, request, exclude_parameters=None):
        return (
            super()
            .get_queryset(request, exclude_parameters)
            .defer("body", "summary", "search_vector", "snippet_source")
            .prefetch_related(Prefetch("bylines", queryset=BYLINES))
        )


def desk_time(value) -> str:
    """Every time in the list in one form, in the newsroom's zone: "1 Dec 2026, 16:30"."""
    if not value:
        return "—"
    return date_format(timezone.localtime(value), "j M Y, H:i")


def today_bounds(now=None) -> tuple[datetime, datetime]:
    """The newsroom's today, as a pair of aware datetimes [start, end)."""
    local = timezone.localtime(now)
    start = datetime.combine(local.date(), time.min, tzinfo=local.tzinfo)
    end = datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=local.tzinfo)
    return start, end


def own_articles(user) -> Q:
    """Articles ``user`` created or that carry the byline of the person linked to their account."""
    bylined = Byline.objects.filter(person__account__user=user).values("article_id")
    return Q(created_by=user) | Q(pk__in=bylined)


class DeskViewFilter(admin.SimpleListFilter):
    """The views a desk opens all day, shown as links above the list (and in the filter column).

    Each starts from what the user may see, so an Author's "Waiting for review" is their own
    stories in review and an Editor's is everyone's.
    """

    title = _("desk view")
    parameter_name = "view"

    VIEWS = {
        "my-drafts": _("My drafts"),
        "in-review": _("Waiting for review"),
        "scheduled-today": _("Scheduled today"),
        "published-today": _("Published today"),
    }

    def lookups(self, request, model_admin):
        return list(self.VIEWS.items())

    def queryset(self, request, queryset):
        view = self.value()
        if view == "my-drafts":
            return queryset.filter(own_articles(request.user), status=Status.DRAFT)
        if view == "in-review":
            return queryset.filter(status=Status.IN_REVIEW)
        if view in ("scheduled-today", "published-today"):
            start, end = today_bounds()
            status = Status.SCHEDULED if view == "scheduled-today" else Status.PUBLISHED
            return queryset.filter(status=status, published_at__gte=start, published_at__lt=end)
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    """Filter by language without a DISTINCT over the whole archive on every list view.

    The languages in use are kept in the cache for ten minutes: a story in a new language shows up
    in the filter at the latest then.
    """

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        codes = cache.get_or_set(
            "admin:article-languages",
            lambda: list(Article.objects.order_by().values_list("language", flat=True).distinct()),
            CHOICES_SECONDS,
        )
        return [(code, code) for code in sorted(codes)]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


class BylineFilter(admin.SimpleListFilter):
    """Filter by the person in the byline: the people who have one, cached like the languages."""

    title = _("author")
    parameter_name = "byline"

    def lookups(self, request, model_admin):
        people = cache.get_or_set(
            "admin:article-byline-people",
            lambda: list(
                Person.objects.filter(pk__in=Byline.objects.values("person_id"))
                .order_by("name")
                .values_list("pk", "name")
            ),
            CHOICES_SECONDS,
        )
        return [(str(pk), name) for pk, name in people]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(pk__in=Byline.objects.filter(person_id=int(value)).values("article_id"))


def published_years(queryset, first: datetime, last: datetime) -> list[int]:
    """The years (newsroom time) from ``first`` to ``last`` in which ``queryset`` has a publish time.

    One UNION ALL of LIMIT-1 probes of the publish-time index, one a year: Django's date hierarchy
    asks for a DISTINCT over every row of the archive instead.
    """
    zone = timezone.get_current_timezone()

    def start(year: int) -> datetime:
        return datetime(year, 1, 1, tzinfo=zone)

    probes = [
        queryset.filter(published_at__gte=start(year), published_at__lt=start(year + 1))
        .order_by()
        .values_list("published_at", flat=True)[:1]
        for year in range(timezone.localtime(first).year, timezone.localtime(last).year + 1)
    ]
    found = probes[0].union(*probes[1:], all=True).order_by() if len(probes) > 1 else probes[0]
    return sorted({timezone.localtime(moment).year for moment in found})
