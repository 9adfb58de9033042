"""Admin forms for people and organizations: one normalized name, one entity."""

from django import forms
from django.utils.html import format_html

from organizations.identity import name_owner


class EntityNameForm(forms.ModelForm):
    """Refuses a name that another entity of the kind already has (as its name or an alias).

    The message names that entity and links to it, so the editor can add the spelling there or
    merge the two instead of creating a second record of one person.
    """

    def clean_name(self):
        name = self.cleaned_data["name"]
        clash = name_owner(type(self.instance), name, exclude_pk=self.instance.pk)
        if clash is not None:
            if clash.admin_url:
                raise forms.ValidationError(
                    format_html(
                        '{} <a href="{}">Open “{}”</a>.', clash.message, clash.admin_url, clash.entity
                    )
                )
            raise forms.ValidationError(clash.message)
        return name
