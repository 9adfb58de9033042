"""Who may see and change what in the admin: the article's rules, applied to everything hanging off it.

One rule, used by every ModelAdmin and inline that shows or edits something belonging to an article
(quotes, bylines, entity links, related pins, the stored related lists):

- an Editor (``can_publish``) sees and changes everything;
- an Author sees only what hangs off the articles they may open (``articles_for``: the ones they
  created or that carry their byline), and changes only what hangs off those that are not public
  (published or scheduled): what readers see changes only through an Editor.

The image library is shared: everyone sees it and an Author may upload, but an Author changes only
the text of pictures they uploaded themselves, and not while a public story leads with the picture
(its alt text and credit show on that live page); deleting pictures is for Editors.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Image
from articles.workflow.services import articles_for, can_publish

Status = Article.Status
PUBLIC_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)


def editable_articles(user, queryset=None):
    """The articles ``user`` may change: all for Editors; for Authors their own that are not public."""
    queryset = articles_for(user, queryset)
    if can_publish(user):
        return queryset
    return queryset.exclude(status__in=PUBLIC_STATUSES)


def may_open_article(user, article: Article | None) -> bool:
    if article is None or article.pk is None:
        return True
    return can_publish(user) or articles_for(user).filter(pk=article.pk).exists()


def may_change_article(user, article: Article | None) -> bool:
    """True when ``user`` may change ``article`` and what hangs off it (None: a new article)."""
    if article is None or article.pk is None:
        return True
    if can_publish(user):
        return True
    return article.status not in PUBLIC_STATUSES and may_open_article(user, article)


def may_change_image(user, image: Image | None) -> bool:
    if image is None or image.pk is None or can_publish(user):
        return True
    if image.uploaded_by_id != user.pk:
        return False
    return not image.lead_of.filter(status__in=PUBLIC_STATUSES).exists()


REFUSED = _(
    "Only an Editor can change this: it belongs to another writer's story, or to a story that is "
    "published or scheduled (ask an Editor to return it to draft)."
)


class ArticlePartAdminMixin:
    """ModelAdmin mixin for a model with a foreign key to the article it belongs to.

    Lists show only rows of articles the user may open; change, delete and the article picker on the
    add form follow ``may_change_article``; every save and delete checks again on the server.
    """

    #: The foreign key to the owning article.
    article_field = "article"
    #: Other foreign keys to articles whose rows an Author may see (e.g. a related story).
    also_visible_through: tuple[str, ...] = ()

    def article_of(self, obj) -> Article | None:
        return getattr(obj, self.article_field, None) if obj is not None else None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if can_publish(request.user):
            return queryset
        visible = articles_for(request.user).values("pk")
        queryset = queryset.filter(**{f"{self.article_field}__in": visible})
        for name in self.also_visible_through:
            queryset = queryset.filter(
                Q(**{f"{name}__in": visible}) | Q(**{f"{name}__status": Status.PUBLISHED})
            )
        return queryset

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and may_change_article(request.user, self.article_of(obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and may_change_article(request.user, self.article_of(obj))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.article_field:
            kwargs["queryset"] = editable_articles(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _refuse_unless_allowed(self, request, obj) -> None:
        if not may_change_article(request.user, self.article_of(obj)):
            raise PermissionDenied(REFUSED)

    def save_model(self, request, obj, form, change):
        self._refuse_unless_allowed(request, obj)
        if change and obj.pk:
            # The article it belonged to before this edit must be changeable too.
            before = type(obj)._default_manager.filter(pk=obj.pk).first()
            self._refuse_unless_allowed(request, before)
        super().save_model(request, obj, form, change)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if any(not may_change_article(request.user, self.article_of(obj)) for obj in objs):
            # The confirmation page names what is missing and the admin refuses the deletion.
            perms_needed = {*perms_needed, str(_("rows of published, scheduled or others' stories"))}
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        self._refuse_unless_allowed(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset.select_related(self.article_field):
            self._refuse_unless_allowed(request, obj)
        super().delete_queryset(request, queryset)


class ArticleInlinePermissionMixin:
    """Inline mixin: rows on an article's change form are changed only when the article may be."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and may_change_article(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_change_article(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_change_article(request.user, obj)


class ImagePermissionAdminMixin:
    """The shared library: everyone sees it; Authors change only their own uploads' text."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_change_image(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_publish(request.user)

    def save_model(self, request, obj, form, change):
        if change and obj.pk:
            before = Image.objects.filter(pk=obj.pk).first()
            if not may_change_image(request.user, before):
                raise PermissionDenied(
                    _("Only an Editor, or whoever uploaded it, can change this picture's details.")
                )
        super().save_model(request, obj, form, change)
