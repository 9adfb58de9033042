"""The rich-text editor for article bodies: django-prose-editor with a fixed set of tools.

The editor offers only what ``articles.html`` keeps (headings, bold, italic, links, lists,
quotes, images), and what it sends is cleaned by ``clean_body`` on the server whatever the
browser posted; the model cleans again on save for every other write path.
"""

from django import forms
from django.urls import reverse
from django_prose_editor.fields import ProseEditorFormField

from articles.html import ALLOWED_URL_SCHEMES, clean_body_or_refuse

BODY_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": sorted(ALLOWED_URL_SCHEMES)},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Image": True,
}


def body_form_field(**kwargs) -> ProseEditorFormField:
    """The body's form field: the prose editor, cleaned with the site's allow-list."""
    kwargs.pop("widget", None)
    return ProseEditorFormField(
        config={"extensions": BODY_EXTENSIONS},
        sanitize=clean_body_or_refuse,
        help_text=(
            "The story. Paste freely: unsafe HTML (scripts, styles, event handlers) is removed on save. "
            'For a picture, upload it to the <a href="/admin/articles/image/" target="_blank">image '
            "library</a> with its alt text, then choose it in “Insert a picture from the image library”."
        ),
        **kwargs,
    )


class RichTextBodyAdminMixin:
    """ModelAdmin mixin: edit ``body`` with the prose editor, with pictures from the image library."""

    @property
    def media(self):
        return super().media + forms.Media(js=["js/body_images.js"], css={"all": ["css/admin_images.css"]})

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            kwargs.pop("widget", None)
            field = body_form_field(required=not db_field.blank, label=db_field.verbose_name.capitalize())
            # Where the editor's "insert a picture" list comes from (static/js/body_images.js).
            field.widget.attrs["data-image-library-url"] = reverse("admin:articles_image_library")
            return field
        return super().formfield_for_dbfield(db_field, request, **kwargs)
