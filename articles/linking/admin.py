"""The article change form's "Named in the text" box: link suggestions with a one-click link.

Kept apart from ``articles/admin.py`` so the article admin only mixes it in.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.linking.finder import apply_suggestions, suggest_links
from articles.models import Article

#: The change form's submit button that saves, then links the chosen name ("kind:pk" or "all").
LINK_FIELD = "_link_entity"


class LinkSuggestionsAdminMixin:
    """Suggestions for the change form, and a POST-only view that links them as 'mentions'."""

    change_form_template = "admin/articles/article/change_form.html"

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.link_suggestion_view))
        return [
            path("<int:object_id>/link-entities/", view, name="articles_article_link_entities"),
            *super().get_urls(),
        ]

    def link_suggestions_context(self, article: Article) -> dict:
        """The "Named in the text" box for ``article``'s change form (template context)."""
        return {
            "link_suggestions": suggest_links(article),
            "link_suggestions_url": reverse(
                f"{self.admin_site.name}:articles_article_link_entities", args=[article.pk]
            ),
        }

    def link_suggestion_view(self, request, object_id: int):
        # The admin's queryset: an Author reaches only the articles they may open.
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return self.link_chosen(request, article, request.POST.get("entity", ""))

    def response_change(self, request, obj):
        # "Link as mentioned" is a submit button of the change form: what the editor typed is saved
        # first (or, when the form has errors, shown again with everything typed), then the names link.
        if LINK_FIELD in request.POST:
            return self.link_chosen(request, obj, request.POST[LINK_FIELD])
        return super().response_change(request, obj)

    def link_chosen(self, request, article: Article, chosen: str):
        suggestions = suggest_links(article)
        if chosen != "all":
            suggestions = [s for s in suggestions if f"{s.kind}:{s.entity.pk}" == chosen]
        change_url = reverse(f"{self.admin_site.name}:articles_article_change", args=[article.pk])
        if not suggestions:
            messages.warning(
                request, "Nothing to link: that name is already linked or no longer in the text."
            )
            return HttpResponseRedirect(change_url)
        created = apply_suggestions(article, suggestions, role="mentions")
        names = ", ".join(f"“{s.entity}”" for s in suggestions)
        messages.success(
            request,
            f"Linked {names} as mentioned ({created} link{'s' if created != 1 else ''}). "
            "Change the role to “about” below if the story is about them.",
        )
        return HttpResponseRedirect(change_url)
