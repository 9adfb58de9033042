"""The public site: previews, machine-readable files, entity pages and the articles' pages."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from newsroom import sitemap_pages
from website import sitemaps

urlpatterns = [
    path("preview/", include("articles.public.preview_urls")),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news_sitemap"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_pages.sitemap,
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap_section",
    ),
    path("", include("articles.public.entity_urls")),
    path("", include("articles.public.urls")),
]
