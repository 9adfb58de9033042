"""Sitemaps for articles, sections and tags; every list starts from ``Article.objects.published()``.

None of them reads the archive for the index (``sitemap.xml``): each sitemap's page count is its
largest id (pages are id ranges, ``newsroom.sitemap_pages``) and its latest change a walk of the
``updated_at`` index that stops at the first public row. The tags' ``lastmod`` is one aggregate
for a page of tags, not a subquery per tag, and that page's rows are kept as a fragment until a
story or a tag changes or a story goes public or expires by the clock.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from taggit.models import Tag

from articles.models import Article, Section
from newsroom.cache import depends_on, seconds_until_next_change
from newsroom.fragments import cached_fragment, fragment_key
from newsroom.sitemap_pages import PAGE_SIZE, IdRangeSitemap

#: URLs per sitemap page at most; the index lists every page (``sitemap-articles.xml?p=2``...).
SITEMAP_PAGE_SIZE = PAGE_SIZE


def indexable_articles():
    """Published stories that ask to be indexed here (no noindex, no canonical home elsewhere)."""
    return Article.objects.published().filter(noindex=False, canonical_url="")


def latest_change(queryset):
    """The newest ``updated_at`` in ``queryset``: a walk down the ``updated_at`` index that stops at
    the first matching row, where ``Max`` over a join would read every row."""
    return queryset.order_by("-updated_at").values_list("updated_at", flat=True).first()


class ArticleSitemap(IdRangeSitemap):
    limit = SITEMAP_PAGE_SIZE
    url_name = "articles:article_detail"

    def items(self):
        depends_on("list:sitemaps")
        return indexable_articles().only("slug", "updated_at")

    def lastmod(self, item: Article):
        return item.updated_at

    def get_latest_lastmod(self):
        return latest_change(indexable_articles())


class SectionSitemap(Sitemap):
    limit = SITEMAP_PAGE_SIZE

    def items(self):
        depends_on("list:sitemaps")
        # A handful of sections: one walk of the updated_at index each, stopping at the first row.
        newest = Article.objects.published().filter(section=OuterRef("pk")).order_by("-updated_at")
        return Section.objects.annotate(last_change=Subquery(newest.values("updated_at")[:1])).order_by(
            "position", "pk"
        )

    def lastmod(self, item: Section):
        return item.last_change

    def get_latest_lastmod(self):
        return latest_change(Article.objects.published().filter(section__isnull=False))


class TagSitemap(IdRangeSitemap):
    """Tags that at least one published story carries (a tag only drafts use has no public page)."""

    limit = SITEMAP_PAGE_SIZE
    url_name = "articles:tag_detail"
    lastmod_field = "last_change"

    def items(self):
        depends_on("list:sitemaps")
        # One aggregate over the page's tags and their public stories gives each its lastmod.
        return (
            Tag.objects.filter(article__in=Article.objects.published())
            .annotate(last_change=Max("article__updated_at"))
            .only("name", "slug")
        )

    def lastmod(self, item: Tag):
        return item.last_change

    def entries(self, page):
        # The aggregate reads every public tag assignment (~320,000 at 100,000 stories: 0.3-1 s), so
        # a page's rows are kept: every story, tag or tagging change bumps list:sitemaps, and a story
        # going public or expiring by the clock ends the fragment's life (the next scheduled change).
        paginator = self.paginator
        number = paginator.validate_number(page)

        def render():
            depends_on("list:sitemaps")
            rows = paginator.page(number).object_list.values_list("slug", self.lastmod_field)
            return list(rows), lambda: seconds_until_next_change(settings.NEWSROOM_FRAGMENT_CACHE_SECONDS)

        return cached_fragment(fragment_key("sitemap-tags", number), render)

    def get_latest_lastmod(self):
        return latest_change(Article.objects.published().tagged())
