"""Sitemaps for articles, sections and tags; every list starts from ``Article.objects.published()``."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Section
from newsroom.cache import depends_on


def indexable_articles():
    """Published stories that ask to be indexed here (no noindex, no canonical home elsewhere)."""
    return Article.objects.published().filter(noindex=False, canonical_url="")


def _latest_change(**filters):
    return Subquery(
        Article.objects.published().filter(**filters).order_by("-updated_at").values("updated_at")[:1]
    )


class ArticleSitemap(Sitemap):
    limit = 10000

    def items(self):
        depends_on("list:sitemaps")
        return indexable_articles().only("slug", "updated_at").order_by("-published_at", "-id")

    def lastmod(self, item: Article):
        return item.updated_at

    def get_latest_lastmod(self):
        # One aggregate, not a walk over every article, for the sitemap index.
        return indexable_articles().aggregate(latest=Max("updated_at"))["latest"]


class SectionSitemap(Sitemap):
    def items(self):
        depends_on("list:sitemaps")
        return Section.objects.annotate(last_change=_latest_change(section=OuterRef("pk"))).order_by(
            "position"
        )

    def lastmod(self, item: Section):
        return item.last_change


class TagSitemap(Sitemap):
    limit = 10000

    def items(self):
        depends_on("list:sitemaps")
        return (
            Tag.objects.annotate(last_change=_latest_change(tags=OuterRef("pk")))
            .filter(last_change__isnull=False)
            .order_by("name")
        )

    def location(self, item: Tag) -> str:
        return reverse("articles:tag_detail", kwargs={"slug": item.slug})

    def lastmod(self, item: Tag):
        return item.last_change
