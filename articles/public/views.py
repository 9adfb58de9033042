"""Public article pages: home, article, section and tag listings. Every queryset starts from
``Article.objects.published()``."""

from dataclasses import replace

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.images.pictures import CARD_RATIO
from articles.models import Article, ImageRendition, Section
from articles.public.article_page import canonical_address, neighbours, related_part, story_parts
from articles.public.keyset import AFTER, BEFORE, PAGE, listing_page
from articles.public.structured_data import website_json_ld
from articles.related.reasons import attach_reasons
from articles.related.scoring import related_queryset
from newsroom.cache import depends_on, seconds_until_next_change
from newsroom.fragments import cached_fragment, fragment_key
from newsroom.slugs import OldSlugRedirectMixin

HOME_STORIES_PER_SECTION = 4
LISTING_PAGE_SIZE = 20


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
    """/articles/<slug>/: the article row on every render; its story, related list and neighbours
    kept by version (``articles.public.article_page``), so a render with all kept runs two queries."""

    context_object_name = "article"
    #: The preview views set it: what an editor previews is never read from or kept in a cache.
    preview = False

    def get_base_queryset(self):
        """The articles this page may show: published ones (the preview views widen it)."""
        return Article.objects.published()

    def get_queryset(self):
        return (
            self.get_base_queryset()
            .select_related("section", "lead_image", "source_organization")
            .defer("search_vector", "snippet_source")
        )

    def get_context_data(self, **kwargs):
        article = self.object
        cache = not self.preview
        parts = story_parts(article, self.request, cache=cache)
        previous_article, next_article = neighbours(article, cache=cache)
        return super().get_context_data(
            canonical=canonical_address(article, self.request),
            parts=parts,
            json_ld=parts["json_ld"],
            related_html=related_part(article, cache=cache),
            previous_article=previous_article,
            next_article=next_article,
            **kwargs,
        )


class RelatedListView(OldSlugRedirectMixin, ListView):
    """/articles/<slug>/related/: every stored related article, with why it is related."""

    template_name = "articles/article_related.html"
    context_object_name = "entries"

    def old_slug_queryset(self):
        return Article.objects.published()

    def get_queryset(self):
        self.article = get_object_or_404(Article.objects.published(), slug=self.kwargs["slug"])
        # The stored list (one indexed query), its reasons named with today's names (one more).
        return attach_reasons(related_queryset(self.article)[: settings.NEWSROOM_RELATED_LIMIT])

    def get_context_data(self, **kwargs):
        return super().get_context_data(article=self.article, **kwargs)


class KeysetListView(TemplateView):
    """A listing paged by (published_at, id) cursor: "Newer" and "Older stories" links, no page
    count, so any depth costs one index walk of a page's length (``articles.public.keyset``).

    The page of stories (its query and its cards) is kept as a fragment (``newsroom.fragments``):
    it depends on the list's version (``list_key``: a story joining, leaving or changing in the
    list bumps it), on every story, section and picture it shows, and never outlives the next
    scheduled publish or expiry, so nothing unpublished stays on it for a second.
    """

    allow_empty = True
    show_section = False
    #: The list's page-cache key (``list:section:3``), set by ``get_queryset``.
    list_key = ""

    def get_queryset(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        key = fragment_key(
            "listing",
            self.list_key,
            *(request.GET.get(name) or "" for name in (BEFORE, AFTER, PAGE)),
            timezone.get_current_timezone_name(),
        )
        self.listing = cached_fragment(
            key,
            lambda: (
                self.render_listing(queryset),
                lambda: seconds_until_next_change(settings.NEWSROOM_FRAGMENT_CACHE_SECONDS),
            ),
        )
        if self.listing.redirect_query is not None:
            # 302, not 301: where page N begins moves every time a story is published.
            query = self.listing.redirect_query
            return redirect(f"{request.path}?{query}" if query else request.path)
        if not self.listing.shown and not self.allow_empty:
            raise Http404(_("Nothing published here."))
        return super().get(request, *args, **kwargs)

    def render_listing(self, queryset):
        """The page the query string asks for, its cards rendered (``includes/article_list.html``)
        in place of its stories; a bad cursor is a 404, kept nowhere."""
        depends_on(self.list_key)
        listing = listing_page(queryset, self.request.GET, size=LISTING_PAGE_SIZE)
        html = ""
        if listing.redirect_query is None:
            context = {"articles": listing.articles, "listing": listing, "show_section": self.show_section}
            html = render_to_string("includes/article_list.html", context)
        return replace(listing, articles=[], html=html, shown=len(listing.articles))

    def get_context_data(self, **kwargs):
        return super().get_context_data(listing=self.listing, **kwargs)


class SectionDetailView(KeysetListView):
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        self.list_key = f"list:section:{self.section.pk}"
        depends_on(self.list_key)
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
    show_section = True

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        self.list_key = f"list:tag:{self.tag.pk}"
        depends_on(self.list_key)
        return with_card_pictures(listing_queryset().tagged(self.tag))

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)
