"""Inline rows whose autocomplete fields name their current choice without a query per row.

Django's ``AutocompleteSelect`` looks up the label of the selected object with one query per
widget, so a change form with 50 bylines ran 50 queries for their names. ``RowAutocompleteInline``
reads the rows with their linked objects (``select_related``) and each row's widget takes its label
from the object already loaded: the change form's query count stays the same for 1 or 50 rows.
An inline row's autocomplete is the bare widget, without the add/change/view links of Django's
related-widget wrapper: their three ``reverse()`` calls and template for each of 200 rows were a
large share of a big article's form, and the linked record opens from its own admin page.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, RelatedFieldWidgetWrapper


class RowAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose selected option is named from ``known`` ({value: label}) when it can be."""

    known: dict[str, str] = {}

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not selected or not selected <= self.known.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for index, option in enumerate(sorted(selected), start=len(options)):
            options.append(self.create_option(name, option, self.known[option], selected, index))
        return [(None, options, 0)]


class RowAutocompleteForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, formfield in self.fields.items():
            widget = formfield.widget
            if not isinstance(widget, RowAutocompleteSelect) or not self.instance.pk:
                continue
            descriptor = type(self.instance)._meta.get_field(name)
            if descriptor.is_cached(self.instance):  # loaded with the row: no query
                related = descriptor.get_cached_value(self.instance)
                if related is not None:
                    widget.known = {str(related.pk): formfield.label_from_instance(related)}


class RowAutocompleteInline(admin.options.InlineModelAdmin):
    """Mixed into an inline: its autocomplete fields are loaded with the rows, in one query."""

    form = RowAutocompleteForm

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.get_autocomplete_fields(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = RowAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget = formfield.widget.widget  # no "+" / pencil / eye links on a row
        return formfield
