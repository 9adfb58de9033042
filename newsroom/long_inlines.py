"""A change form with long inlines (50 bylines, 50 quotes...) that stays quick and readable.

Django's ``InlineAdminFormSet.media`` adds up the media of every row's form, one merge per row
and widget, though every row of a formset has the same widgets (Django's own ``BaseFormSet.media``
reads the first form only); here it reads the formset, the inline and one row. An inline holding
more than ``COLLAPSE_AFTER`` rows is shown folded (Django's ``<details>``, one click opens it, every
row still in the form); a formset with an error is never folded, so the message shows.
"""

from django.contrib.admin import helpers

#: Rows above which an inline is shown folded.
COLLAPSE_AFTER = 10


class LongInlineAdminFormSet(helpers.InlineAdminFormSet):
    @property
    def media(self):
        media = self.opts.media + self.formset.media
        first = next(iter(self), None)
        return media if first is None else media + first.media

    @property
    def is_long(self) -> bool:
        return len(self.formset.initial_forms) > COLLAPSE_AFTER


class LongInlinesAdminMixin:
    """ModelAdmin mixin: its inlines' media read once, and long inlines folded until opened."""

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_admin_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_admin_formset in inline_admin_formsets:
            # Django builds its InlineAdminFormSet itself, with no hook to name another class.
            inline_admin_formset.__class__ = LongInlineAdminFormSet
            if inline_admin_formset.is_long and "collapse" not in inline_admin_formset.classes.split():
                inline_admin_formset.classes = f"{inline_admin_formset.classes} collapse".strip()
        return inline_admin_formsets
