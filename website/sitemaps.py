"""The site-wide machine-readable files: the sitemap index, the Google News sitemap, robots.txt."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles.public.sitemaps import ArticleSitemap, SectionSitemap, TagSitemap, indexable_articles
from newsroom.cache import depends_on
from organizations.sitemaps import EventSitemap, OrganizationSitemap, PersonSitemap

SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "people": PersonSitemap,
    "organizations": OrganizationSitemap,
    "events": EventSitemap,
}
# Google News reads stories of the last two days, at most 1000 per sitemap.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000


@require_safe
def news_sitemap(request):
    depends_on("list:sitemaps")
    since = timezone.now() - NEWS_WINDOW
    articles = (
        indexable_articles()
        .filter(published_at__gte=since)
        .only("slug", "headline", "published_at", "language")
        .order_by("-published_at", "-id")[:NEWS_LIMIT]
    )
    return render(
        request,
        "sitemaps/news.xml",
        {"articles": articles, "publication": settings.NEWSROOM_SITE_NAME},
        content_type="application/xml; charset=utf-8",
    )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news_sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
