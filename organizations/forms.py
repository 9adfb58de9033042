"""Admin forms for people and organizations: one normalized name, one entity."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html

from newsroom.picture_uploads import validate_image_upload
from organizations.identity import AcronymClash, NameClash, acronym_owner, name_owner


class EntityNameForm(forms.ModelForm):
    """Shows the model's identity errors with a link to the record that has the name or acronym.

    The rule itself is the model's ``clean()`` (organizations.identity), which every write path
    meets; this form only adds the link, so the editor can add the spelling there or merge the two
    instead of creating a second record of one person.
    """

    def clean(self):
        cleaned = super().clean()
        # A photo or logo is checked by its content, with the image library's messages.
        field = getattr(self.instance, "picture_field", "")
        upload = cleaned.get(field) if field else None
        if isinstance(upload, UploadedFile):
            try:
                validate_image_upload(upload)
            except forms.ValidationError as error:
                self.add_error(field, error)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        instance = self.instance
        if self.has_error("name", NameClash.code):
            self._link("name", name_owner(type(instance), instance.name, exclude_pk=instance.pk))
        if self.has_error("acronym", AcronymClash.code):
            self._link("acronym", acronym_owner(instance.acronym, exclude_pk=instance.pk))

    def _link(self, field: str, clash: NameClash | AcronymClash | None) -> None:
        """Replace the model's message on ``field`` with the same message and a link to the record."""
        if clash is None or not clash.admin_url:
            return
        linked = forms.ValidationError(
            format_html('{} <a href="{}">Open “{}”</a>.', clash.message, clash.admin_url, clash.entity),
            code=clash.code,
        )
        self._errors[field] = self.error_class(
            [linked if error.code == clash.code else error for error in self._errors[field].as_data()]
        )
