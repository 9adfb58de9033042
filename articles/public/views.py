"""Public article pages: home, article, section and tag listings. Every queryset starts from
``Article.objects.published()``."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.images.body import body_with_pictures
from articles.images.pictures import CARD_RATIO
from articles.links import ENTITY_LINKS
from articles.models import (
    Article,
    Byline,
    ImageRendition,
    Quote,
    Section,
)
from articles.public.keyset import listing_page
from articles.public.structured_data import article_json_ld, website_json_ld
from articles.related.reasons import attach_reasons
from articles.related.scoring import related_queryset
from newsroom.cache import depends_on
from newsroom.slugs import OldSlugRedirectMixin

HOME_STORIES_PER_SECTION = 4
LISTING_PAGE_SIZE = 20
RELATED_ON_ARTICLE_PAGE = 6


def listing_queryset():
    """Published articles with what a listing shows (section, lead image), newest first."""
    return (
        Article.objects.published().select_related("section", "lead_image").order_by("-published_at", "-id")
    )


def with_card_pictures(queryset):
    """The listing with its lead pictures' card renditions: one query for a whole page, none per story."""
    return queryset.prefetch_related(
        Prefetch(
            "lead_image__renditions",
            queryset=ImageRendition.objects.filter(ratio=CARD_RATIO),
            to_attr="card_renditions",
        )
    )


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        depends_on("list:home")
        # The newest few of each section, as one UNION ALL of small index scans: a window over
        # every published article would read the whole table.
        per_section = HOME_STORIES_PER_SECTION + 1
        newest = Article.objects.published().order_by("-published_at", "-id").values("pk")
        parts = [
            newest.filter(section_id=pk)[:per_section] for pk in Section.objects.values_list("pk", flat=True)
        ]
        parts.append(newest.filter(section__isnull=True)[:per_section])
        latest = list(
            with_card_pictures(listing_queryset().filter(pk__in=parts[0].union(*parts[1:], all=True)))
        )
        lead = max(latest, key=lambda a: (a.published_at, a.pk), default=None)
        by_section: dict[int | None, list[Article]] = {}
        for article in latest:
            if article != lead:
                by_section.setdefault(article.section_id, []).append(article)
        groups = sorted(
            ((articles[0].section, articles[:HOME_STORIES_PER_SECTION]) for articles in by_section.values()),
            key=lambda group: (group[0] is None, group[0].position if group[0] else 0, str(group[0] or "")),
        )
        return super().get_context_data(
            lead=lead, groups=groups, json_ld=website_json_ld(self.request), **kwargs
        )


class ArticleDetailView(OldSlugRedirectMixin, DetailView):
    context_object_name = "article"

    def get_base_queryset(self):
        """The articles this page may show: published ones (the preview views widen it)."""
        return Article.objects.published()

    def get_queryset(self):
        return (
            self.get_base_queryset()
            .select_related("section", "lead_image", "source_organization")
            .prefetch_related(
                Prefetch(
                    "bylines", queryset=Byline.objects.select_related("person").order_by("position", "id")
                ),
                *(Prefetch(link.article_relation, queryset=link.page_links()) for link in ENTITY_LINKS),
                Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
                "tags",
                "lead_image__renditions",
            )
        )

    def get_context_data(self, **kwargs):
        article = self.object
        links = {"about": [], "mentions": []}
        for kind in ENTITY_LINKS:
            for link in kind.links_of(article):
                entity = getattr(link, kind.field)
                bucket = "mentions" if link.role == "mentions" else "about"
                if entity not in links[bucket]:
                    links[bucket].append(entity)
        links["mentions"] = [e for e in links["mentions"] if e not in links["about"]]
        canonical = article.canonical_url or self.request.build_absolute_uri(article.get_absolute_url())
        return super().get_context_data(
            canonical=canonical,
            body_html=body_with_pictures(article.body),
            json_ld=article_json_ld(
                article, self.request, about=links["about"], mentions=links["mentions"], canonical=canonical
            ),
            about=links["about"],
            mentions=links["mentions"],
            related=attach_reasons(related_queryset(article)[:RELATED_ON_ARTICLE_PAGE]),
            previous_article=neighbour(article, newer=False),
            next_article=neighbour(article, newer=True),
            **kwargs,
        )


def neighbour(article: Article, *, newer: bool) -> Article | None:
    """The next newer (or older) published story in the same section.

    A plain range on ``published_at`` lets PostgreSQL walk the (section, published_at) index and
    stop at the first row; stories published in the same second are told apart by id.
    """
    if not article.section_id or article.published_at is None:  # a draft in preview has no place yet
        return None
    at, pk = article.published_at, article.pk
    candidates = Article.objects.published().filter(section_id=article.section_id)
    if newer:
        candidates = candidates.filter(published_at__gte=at).exclude(published_at=at, pk__lte=pk)
        order = ["published_at", "id"]
    else:
        candidates = candidates.filter(published_at__lte=at).exclude(published_at=at, pk__gte=pk)
        order = ["-published_at", "-id"]
    return candidates.order_by(*order).only("headline", "slug", "published_at").first()


class RelatedListView(ListView):
    """/articles/<slug>/related/: every stored related article, with why it is related."""

    template_name = "articles/article_related.html"
    context_object_name = "entries"

    def get_queryset(self):
        self.article = get_object_or_404(Article.objects.published(), slug=self.kwargs["slug"])
        # The stored list (one indexed query), its reasons named with today's names (one more).
        return attach_reasons(related_queryset(self.article)[: settings.NEWSROOM_RELATED_LIMIT])

    def get_context_data(self, **kwargs):
        return super().get_context_data(article=self.article, **kwargs)


class KeysetListView(TemplateView):
    """A listing paged by (published_at, id) cursor: "Newer" and "Older stories" links, no page
    count, so any depth costs one index walk of a page's length (``articles.public.keyset``)."""

    allow_empty = True

    def get_queryset(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.listing = listing_page(self.get_queryset(), request.GET, size=LISTING_PAGE_SIZE)
        if self.listing.redirect_query is not None:
            # 302, not 301: where page N begins moves every time a story is published.
            query = self.listing.redirect_query
            return redirect(f"{request.path}?{query}" if query else request.path)
        if not self.listing.articles and not self.allow_empty:
            raise Http404(_("Nothing published here."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(articles=self.listing.articles, listing=self.listing, **kwargs)


class SectionDetailView(KeysetListView):
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        depends_on(f"list:section:{self.section.pk}")
        return with_card_pictures(listing_queryset().filter(section=self.section))

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


def public_tag_or_404(slug: str) -> Tag:
    """A tag that at least one published story carries; a tag only drafts use does not exist publicly."""
    tag = get_object_or_404(Tag, slug=slug)
    if not Article.objects.published().tagged(tag).exists():
        raise Http404(_("No published story carries this tag."))
    return tag


class TagDetailView(KeysetListView):
    template_name = "articles/tag_detail.html"
    # A tag only drafts carry has no public page: an empty first page is a 404.
    allow_empty = False

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        depends_on(f"list:tag:{self.tag.pk}")
        return with_card_pictures(listing_queryset().tagged(self.tag))

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
