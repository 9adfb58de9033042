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

    def clean_acronym(self):
        """Two organizations never share an acronym: "ICRC" must name one of them."""
        acronym = (self.cleaned_data.get("acronym") or "").strip()
        if not acronym:
            return acronym
        model = type(self.instance)
        other = model.objects.filter(acronym=acronym).exclude(pk=self.instance.pk).first()
        if other is not None:
            raise forms.ValidationError(
                f"The acronym “{acronym}” already belongs to the organization “{other.name}”. "
                "If they are the same, merge the two."
            )
        return acronym
