"""The article change form's "Named in the text" box, and the review list of proposed entities.

Kept apart from ``articles/admin.py`` so the article admin only mixes it in. The box lists known
entities not linked yet (one click links them) and the new people, organizations and events the
text introduces (accept creates the record and links it; reject never proposes it again here).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from articles.linking.finder import apply_suggestions, suggest_links
from articles.linking.models import EntityProposal
from articles.linking.proposals import _fields, _key, open_proposals, proposal_accept, proposal_reject
from articles.linking.resolution import Directory, read_story
from articles.models import Article

#: The change form's submit button that saves, then links the chosen name ("kind:pk" or "all").
LINK_FIELD = "_link_entity"
#: The change form's Accept / Reject buttons: save, then decide ("accept:kind:name", "reject:kind:name").
PROPOSAL_FIELD = "_entity_proposal"


class LinkSuggestionsAdminMixin:
    """Adds suggestions and proposals to the change form, and POST-only views that act on them."""

    change_form_template = "admin/articles/article/change_form.html"

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.link_suggestion_view))
        proposal_view = self.admin_site.admin_view(require_POST(self.entity_proposal_view))
        return [
            path("<int:object_id>/link-entities/", view, name="articles_article_link_entities"),
            path("<int:object_id>/entity-proposal/", proposal_view, name="articles_article_entity_proposal"),
            *super().get_urls(),
        ]

    def link_suggestions_context(self, article: Article) -> dict:
        """The "Named in the text" and "New in the text" boxes for ``article``'s change form, built
        from the one article the change view loaded."""
        story = read_story(article, Directory.current())
        return {
            "link_suggestions": suggest_links(article, story=story),
            "link_suggestions_url": reverse(
                f"{self.admin_site.name}:articles_article_link_entities", args=[article.pk]
            ),
            "entity_proposals": open_proposals(article, story),
            "entity_proposal_url": reverse(
                f"{self.admin_site.name}:articles_article_entity_proposal", args=[article.pk]
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
        # Accept / Reject likewise: the form is saved first, then the proposal is decided.
        if PROPOSAL_FIELD in request.POST:
            return self.proposal_decided(request, obj, request.POST[PROPOSAL_FIELD])
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

    def entity_proposal_view(self, request, object_id: int):
        """Accept or reject one proposed name: ``decision`` is "accept:kind:name" or "reject:kind:name".

        The change form's buttons save the form first (``response_change``); this URL is for a
        decision posted on its own."""
        article = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return self.proposal_decided(request, article, request.POST.get("decision", ""))

    def proposal_decided(self, request, article: Article, chosen: str):
        change_url = reverse(f"{self.admin_site.name}:articles_article_change", args=[article.pk])
        decision, _sep, rest = chosen.partition(":")
        kind, _sep, name = rest.partition(":")
        story = read_story(article, Directory.current())
        found = next(
            (
                p
                for p in open_proposals(article, story)
                if p.kind == kind and _key(p.kind, p.name) == _key(kind, name)
            ),
            None,
        )
        if found is None or decision not in {"accept", "reject"}:
            messages.warning(
                request, _("Nothing to do: that name was decided already or is no longer in the text.")
            )
            return HttpResponseRedirect(change_url)
        proposal, _created = EntityProposal.objects.update_or_create(
            article=article, kind=found.kind, name_key=_key(found.kind, found.name), defaults=_fields(found)
        )
        if decision == "reject":
            proposal_reject(proposal=proposal, by=request.user)
            messages.success(
                request, _("“%(name)s” will not be proposed again for this story.") % {"name": found.name}
            )
        else:
            record = proposal_accept(proposal=proposal, by=request.user)
            messages.success(
                request,
                _("Created and linked “%(name)s” as %(role)s. It is marked for review: check its page.")
                % {"name": record, "role": proposal.role},
            )
        return HttpResponseRedirect(change_url)


@admin.register(EntityProposal)
class EntityProposalAdmin(admin.ModelAdmin):
    """Every name read from the stories that the directory lacked: accept or reject in bulk."""

    list_display = ["name", "kind", "title", "organization_name", "story", "confidence", "role", "status"]
    list_filter = ["status", "kind"]
    list_select_related = ["article"]
    search_fields = ["name", "organization_name", "article__headline"]
    readonly_fields = [
        "article",
        "kind",
        "written",
        "sentence",
        "confidence",
        "evidence",
        "status",
        "decided_by",
        "decided_at",
    ]
    fields = [
        "article",
        "kind",
        "name",
        "title",
        "organization_name",
        "organization",
        "acronym",
        "written",
        "sentence",
        "confidence",
        "evidence",
        "role",
        "event_kind",
        "event_date",
        "place",
        "status",
        "decided_by",
        "decided_at",
    ]
    autocomplete_fields = ["organization"]
    actions = ["accept_selected", "reject_selected"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("Story"), ordering="article__headline")
    def story(self, proposal):
        url = reverse("admin:articles_article_change", args=[proposal.article_id])
        return format_html('<a href="{}">{}</a>', url, proposal.article.headline)

    @admin.action(description=_("Accept: create the records and link them to their stories"))
    def accept_selected(self, request, queryset):
        done = 0
        for proposal in queryset.exclude(status=EntityProposal.Status.REJECTED).select_related("article"):
            proposal_accept(proposal=proposal, by=request.user)
            done += 1
        self.message_user(
            request,
            _("%(n)d accepted: the records are created, linked and marked for review.") % {"n": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reject: never propose these names again for their stories"))
    def reject_selected(self, request, queryset):
        done = 0
        for proposal in queryset.exclude(status=EntityProposal.Status.ACCEPTED):
            proposal_reject(proposal=proposal, by=request.user)
            done += 1
        self.message_user(request, _("%(n)d rejected.") % {"n": done}, messages.SUCCESS)
