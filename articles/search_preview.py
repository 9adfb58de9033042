"""The change form's "Search and social preview": how the headline, description and lead picture
will look in a search result and on a social card, with length guidance.

The panel is drawn on the server from the saved article (so it reads without JavaScript) and
follows the editor's typing through ``static/js/search_preview.js``. The description is what the
article page puts in its meta description: the standfirst, else the summary.
"""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

#: Where search results cut a title and a description (characters, as Google shows them on a
#: desktop; phones and social cards show about the same or less).
TITLE_MAX = 60
DESCRIPTION_MAX = 155


#: The guidance lines, with {what}, {n}, {limit} and {over} filled in here and by the script.
ADVICE = {
    "empty": _("{what}: empty."),
    "fits": _("{what}: {n} characters; fits (search results show about {limit})."),
    "over": _("{what}: {n} characters; about {over} too many: search results cut it after about {limit}."),
}


def length_advice(length: int, limit: int, what: str) -> str:
    """ "Headline: 48 characters; fits (search results show about 60)."."""
    kind = "empty" if length == 0 else ("fits" if length <= limit else "over")
    return str(ADVICE[kind]).format(what=what, n=length, limit=limit, over=length - limit)


def search_preview(request, article) -> dict:
    """What the panel shows for ``article`` (saved or new) before any typing."""
    headline = (article.headline or "").strip()
    summary = (article.display_summary if article.pk else "").strip()
    description = (article.dek or "").strip() or summary
    image = article.lead_image if article.lead_image_id else None
    return {
        "host": request.get_host(),
        "path": f"/articles/{article.slug}/" if article.slug else "/articles/…/",
        "title": headline,
        "description": description,
        "summary": summary,
        "image_url": image.file.url if image is not None and image.file else "",
        "image_alt": image.alt_text if image is not None else "",
        "title_max": TITLE_MAX,
        "description_max": DESCRIPTION_MAX,
        "title_advice": length_advice(len(headline), TITLE_MAX, str(_("Headline"))),
        "description_advice": length_advice(len(description), DESCRIPTION_MAX, str(_("Description"))),
        "library_url": reverse("admin:articles_image_library"),
        "advice": {kind: str(text) for kind, text in ADVICE.items()},
        "what": {"title": str(_("Headline")), "description": str(_("Description"))},
    }


class SearchPreviewAdminMixin:
    """ArticleAdmin mixin: the preview panel on the add and change forms."""

    @property
    def media(self):
        return super().media + forms.Media(js=["js/search_preview.js"])

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj if obj is not None else self.model()
        context["search_preview"] = search_preview(request, article)
        return super().render_change_form(request, context, add, change, form_url, obj)
