"""The article change form's quotes box and its save-time warnings, mixed into the article admin.

- "Quotes found in the text": the quoted statements of the saved body that are not quotes of the
  article yet, each with its speaker when the directory knows them, and a button that fills a new
  row of the Quotes inline below (static/js/quote_suggestions.js): nothing is submitted, so the
  editor's unsaved changes stay, and the quote is kept when the editor saves.
- A warning when a save turns a published story into a stub (hidden from readers), and a note on a
  standfirst an importer derived from the lead.
"""

from django import forms
from django.contrib import messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from articles.quotes import missing_quotes
from articles.text import stub_reason
from organizations.models import Person

QUOTES_FIELD = "quotes_in_text"


class QuoteSuggestionsAdminMixin:
    """For ArticleAdmin: the quotes box, the stub warning on save, the derived-standfirst note."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), QUOTES_FIELD]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and not any(
            QUOTES_FIELD in options.get("fields", ()) for _n, options in fieldsets
        ):
            fieldsets.append((_("Quotes found in the text"), {"fields": [QUOTES_FIELD]}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None and obj.dek_is_derived and "dek" in form.base_fields:
            form.base_fields["dek"].help_text = _(
                "Made by the importer from the story's first sentence. Check it reads well under the "
                "headline; once you change it, it is yours."
            )
        return form

    @property
    def media(self):
        return super().media + forms.Media(js=["js/quote_suggestions.js"])

    @staticmethod
    def _quote_suggestions(article: Article) -> list:
        found = missing_quotes(article)
        names = dict(
            Person.objects.filter(pk__in={q.person_id for q in found if q.person_id}).values_list(
                "pk", "name"
            )
        )
        return [(item, names.get(item.person_id, "")) for item in found]

    def quotes_in_text(self, article):
        if article is None or not article.pk:
            return "—"
        suggestions = self._quote_suggestions(article)
        if not suggestions:
            return _("Every quote in the saved text is already a quote of this article.")
        rows = format_html_join(
            "",
            '<li class="quote-suggestion"><q>{}</q> — {} '
            '<button type="button" class="button" data-quote-suggestion data-text="{}" data-context="{}" '
            'data-speaker="{}" data-speaker-name="{}">{}</button></li>',
            (
                (
                    item.text if len(item.text) <= 200 else item.text[:200] + "…",
                    _speaker_label(item, name),
                    item.text,
                    item.context,
                    item.person_id or "",
                    name,
                    _("Add as a quote below"),
                )
                for item, name in suggestions
            ),
        )
        return format_html(
            '<p class="help">{}</p><ul id="quote-suggestions">{}</ul>',
            _(
                "Quoted in the saved text but not yet a quote of this article. “Add as a quote below” fills "
                "a new row in Quotes; your unsaved changes stay, and the quote is kept when you save."
            ),
            rows,
        )

    quotes_in_text.short_description = _("Quotes found in the text")


def warn_if_now_a_stub(request, article: Article, *, was_public: bool) -> None:
    """Tell the editor whose save turned a published story into a stub: it is gone from the site."""
    if was_public and article.is_stub and article.status == Article.Status.PUBLISHED:
        messages.warning(
            request,
            _(
                "“%(headline)s” is now a stub and hidden from readers: %(reason)s "
                "Restore or finish the text to bring it back."
            )
            % {"headline": article.headline, "reason": stub_reason(article.body)},
        )


def _speaker_label(item, name: str) -> str:
    if name:
        return str(_("said by %(name)s") % {"name": name})
    if item.speaker_name:
        return str(
            _("said by %(name)s (not in the directory yet: create the person, then choose them)")
            % {"name": item.speaker_name}
        )
    return str(_("speaker not named in the text"))
