"""The editors' workplace for articles, sections and images."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from articles.editor import RichTextBodyAdminMixin
from articles.images.admin import ImageLibraryAdminMixin
from articles.linking.admin import LinkSuggestionsAdminMixin
from articles.models import (
    Article,
    ArticleEvent,
    ArticleOrganization,
    ArticlePerson,
    Byline,
    Image,
    PersonAccount,
    Quote,
    RelatedArticle,
    RelatedOverride,
    Section,
)
from articles.public.preview import preview_links
from articles.quotes_admin import QuoteSuggestionsAdminMixin, warn_if_now_a_stub
from articles.search_preview import SearchPreviewAdminMixin
from articles.workflow.admin import ArticleWorkflowAdminMixin
from articles.workflow.autosave import autosave_clear_after_save
from articles.workflow.autosave_admin import KEY_FIELD, AutosaveAdminMixin
from articles.workflow.changelist import BylineFilter, DeskViewFilter, LanguageFilter
from articles.workflow.editing import article_save
from articles.workflow.permissions import (
    ArticleInlinePermissionMixin,
    ArticlePartAdminMixin,
    ImagePermissionAdminMixin,
)
from newsroom.autocomplete import RowAutocompleteInline
from newsroom.conflicts import VersionCheckFormMixin, VersionConflictAdminMixin
from newsroom.long_inlines import LongInlinesAdminMixin
from newsroom.revisions import RevisionAdminMixin


class BylineInline(ArticleInlinePermissionMixin, RowAutocompleteInline, admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "position"]
    verbose_name_plural = "Bylines (in order)"


class ArticlePersonInline(ArticleInlinePermissionMixin, RowAutocompleteInline, admin.TabularInline):
    model = ArticlePerson
    extra = 1
    autocomplete_fields = ["person"]
    verbose_name_plural = "People this story is about, quotes or mentions"


class ArticleOrganizationInline(ArticleInlinePermissionMixin, RowAutocompleteInline, admin.TabularInline):
    model = ArticleOrganization
    extra = 1
    autocomplete_fields = ["organization"]
    verbose_name_plural = "Organizations this story is about or mentions"


class ArticleEventInline(ArticleInlinePermissionMixin, RowAutocompleteInline, admin.TabularInline):
    model = ArticleEvent
    extra = 1
    autocomplete_fields = ["event"]
    verbose_name_plural = "Events this story is about or mentions"


class QuoteInline(ArticleInlinePermissionMixin, RowAutocompleteInline, admin.TabularInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "text", "context", "said_on", "position"]


class RelatedOverrideInline(ArticleInlinePermissionMixin, RowAutocompleteInline, admin.TabularInline):
    model = RelatedOverride
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["related"]
    fields = ["related", "kind", "position"]
    verbose_name_plural = "Related posts: pin or exclude"


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Image)
class ImageAdmin(ImagePermissionAdminMixin, ImageLibraryAdminMixin, admin.ModelAdmin):
    """The image library: its list, form, picker and multi-file upload live in articles/images/admin.py."""

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Article)
class ArticleAdmin(
    LongInlinesAdminMixin,
    AutosaveAdminMixin,
    SearchPreviewAdminMixin,
    QuoteSuggestionsAdminMixin,
    LinkSuggestionsAdminMixin,
    ArticleWorkflowAdminMixin,
    VersionConflictAdminMixin,
    RichTextBodyAdminMixin,
    RevisionAdminMixin,
):
    """The change view loads the article once (Django's ``get_object``); everything the form shows
    is built from that object in ``render_change_form``, and a save is one call to ``article_save``."""

    list_display = ["headline", "byline", "section", "status", "publish_time", "updated", "is_stub"]
    list_filter = [DeskViewFilter, "status", BylineFilter, "section", "is_stub", LanguageFilter, "noindex"]
    # Fifty rows a page keeps the list quick at scale; the bylines come in one query for the page.
    list_per_page = 50
    # One COUNT over the archive per page, not two: a filtered list offers "Show all" instead.
    show_full_result_count = False
    list_select_related = ["section"]
    search_fields = ["headline", "slug", "dek"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_image", "source_organization"]
    readonly_fields = [
        "is_stub",
        "first_published_at",
        "last_published_at",
        "version",
        "created_at",
        "updated_at",
    ]
    inlines = [
        BylineInline,
        ArticlePersonInline,
        ArticleOrganizationInline,
        ArticleEventInline,
        QuoteInline,
        RelatedOverrideInline,
    ]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "dek", "body", "summary"]}),
        ("Placement", {"fields": ["section", "tags", "lead_image", "language"]}),
        ("Publishing", {"fields": ["status", "published_at", "unpublish_at", "is_stub", "noindex"]}),
        ("Source", {"fields": ["source_organization", "source_url", "canonical_url"]}),
        (
            "History",
            {
                "classes": ["collapse"],
                "fields": ["first_published_at", "last_published_at", "created_at", "updated_at", "version"],
            },
        ),
    ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context.update(preview_links(request, obj))
            if self.has_change_permission(request, obj):
                context.update(self.link_suggestions_context(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        """Nothing here: ``save_related`` saves the article with its inlines in one service call."""

    def save_related(self, request, form, formsets, change):
        expected = form.expected_version() if change and isinstance(form, VersionCheckFormMixin) else None
        was_public = change and Article.objects.published().filter(pk=form.instance.pk).exists()
        result = article_save(
            article=form.instance,
            form=form,
            formsets=formsets,
            by=request.user,
            expected_version=expected,
            transition=self.transition(form),
        )
        if result.status_problems:
            self.message_user(
                request,
                "Saved, but the status was not changed: " + " ".join(result.status_problems),
                messages.ERROR,
            )
        # Saved: the editor's autosave of this form is done with (the browser's copy goes in
        # response_change / response_add).
        autosave_clear_after_save(
            user=request.user, article=form.instance, draft_key=request.POST.get(KEY_FIELD, "")
        )
        warn_if_now_a_stub(request, form.instance, was_public=was_public)


@admin.register(RelatedArticle)
class RelatedArticleAdmin(ArticlePartAdminMixin, admin.ModelAdmin):
    """Read-only view of the stored related posts, to see why an article lists what it lists."""

    also_visible_through = ("related",)

    list_display = ["article", "rank", "related", "score", "pinned", "computed_at"]
    list_select_related = ["article", "related"]
    search_fields = ["article__headline", "related__headline"]
    list_filter = ["pinned"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Quote)
class QuoteAdmin(ArticlePartAdminMixin, admin.ModelAdmin):
    list_display = ["speaker", "short_text", "article", "said_on"]
    list_select_related = ["speaker", "article"]
    search_fields = ["text", "speaker__name", "article__headline"]
    autocomplete_fields = ["speaker", "article"]

    @admin.display(description=_("Quote"))
    def short_text(self, quote):
        return quote.text[:80]


@admin.register(PersonAccount)
class PersonAccountAdmin(admin.ModelAdmin):
    list_display = ["person", "user"]
    list_select_related = ["person", "user"]
    autocomplete_fields = ["person"]
    search_fields = ["person__name", "user__username"]
