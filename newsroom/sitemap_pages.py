"""Sitemaps paged by id range, so the sitemap index never counts a table.

Page ``n`` of a sitemap holds the items whose id is in ``((n-1)*limit, n*limit]``: never more
than ``limit`` URLs, and a page's content stays put as new items arrive (they land on the last
page), so a crawler re-reads only what changed. The index needs only the largest id (one
primary-key lookup) to list every page; Django's paginator would COUNT every public row.

A page is written by ``sitemap`` (this module's view) straight from ``(slug, lastmod)`` rows:
Django's sitemap view builds a dict per URL and its template runs a ``date`` filter on each, which
was most of a 10,000-URL page's second.
"""

from datetime import datetime
from html import escape as escape_text
from math import ceil

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as django_sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import http_date
from django.views.decorators.http import require_safe

#: URLs a sitemap page at most: crawlers accept up to 50,000, but a page is one request and its
#: time grows with its URLs (10,000 took about a second under load with Django's template).
PAGE_SIZE = 2000
#: Stands for the slug in an address reversed once (a slug's own characters, so the pattern accepts it).
SLUG_MARK = "__slug__"


class IdRangePaginator(Paginator):
    """Pages of ``per_page`` consecutive ids of ``object_list`` (a queryset); gaps make pages shorter."""

    @cached_property
    def last_id(self) -> int:
        return self.object_list.model._base_manager.aggregate(last=Max("pk"))["last"] or 0

    @cached_property
    def num_pages(self) -> int:
        return max(1, ceil(self.last_id / self.per_page))

    @cached_property
    def count(self) -> int:
        # An upper bound (the page arithmetic needs no more); nothing in the sitemaps shows it.
        return self.last_id

    def page(self, number):
        number = self.validate_number(number)
        low = (number - 1) * self.per_page
        rows = self.object_list.filter(pk__gt=low, pk__lte=low + self.per_page).order_by("pk")
        return self._get_page(rows, number, self)


class IdRangeSitemap(Sitemap):
    """A sitemap of model rows, ``limit`` ids a page (see the module docstring)."""

    limit = PAGE_SIZE
    #: The field (or annotation) of ``items()`` that is each URL's ``lastmod``.
    lastmod_field = "updated_at"
    #: The name of a URL whose only argument is the item's ``slug``: the address is reversed once a
    #: request and the slug put in, instead of a ``reverse()`` per URL (a third of a 10,000-URL page).
    url_name = None

    @cached_property
    def _address(self) -> str:
        return reverse(self.url_name, kwargs={"slug": SLUG_MARK})

    def location(self, item) -> str:
        if self.url_name is None:
            return super().location(item)
        return self._address.replace(SLUG_MARK, item.slug)

    @property
    def paginator(self):
        return IdRangePaginator(self.items().order_by("pk"), self.limit)

    def entries(self, page) -> list[tuple[str, datetime | None]]:
        """The page's ``(slug, lastmod)`` rows, in id order; ``EmptyPage`` or ``PageNotAnInteger``
        for a page that is not one."""
        rows = self.paginator.page(page).object_list
        return list(rows.values_list("slug", self.lastmod_field))


_URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)


@require_safe
def sitemap(request, sitemaps, section):
    """One page of sitemap SECTION (``?p=``): an id-range sitemap written from its rows, any other
    by Django's view. The same XML as Django's template, and its ``Last-Modified``."""
    if section not in sitemaps:
        raise Http404(f"No sitemap available for section: {section!r}")
    site = sitemaps[section]
    site = site() if callable(site) else site
    if not isinstance(site, IdRangeSitemap) or site.url_name is None:
        return django_sitemap_views.sitemap(request, sitemaps, section=section)
    try:
        rows = site.entries(request.GET.get("p", 1))
    except EmptyPage as error:
        raise Http404(f"Page {request.GET.get('p')} empty") from error
    except PageNotAnInteger as error:
        raise Http404(f"No page {request.GET.get('p')!r}") from error
    domain = site.get_domain(get_current_site(request))
    prefix = f"{site.get_protocol(request.scheme)}://{domain}"
    head, tail = escape(prefix + site._address).split(SLUG_MARK, 1)
    zone = timezone.get_current_timezone()
    parts = [_URLSET_OPEN]
    latest = None
    for slug, lastmod in rows:
        loc = head + escape_text(slug) + tail  # the standard library's: no lazy-string wrapper
        if lastmod is None:
            parts.append(f"<url><loc>{loc}</loc></url>")
            continue
        if latest is None or lastmod > latest:
            latest = lastmod
        # What the template's ``date:"Y-m-d"`` gives: the day in the current time zone.
        day = lastmod.astimezone(zone).date().isoformat() if timezone.is_aware(lastmod) else lastmod.date()
        parts.append(f"<url><loc>{loc}</loc><lastmod>{day}</lastmod></url>")
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml")
    if latest is not None:
        response["Last-Modified"] = http_date(latest.timestamp())
    return response
