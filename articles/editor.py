"""The rich-text editor for article bodies: django-prose-editor with a fixed set of tools.

The editor offers only what ``articles.html`` keeps (headings, bold, italic, links, lists,
quotes, images), and what it sends is cleaned by ``clean_body`` on the server whatever the
browser posted; the model cleans again on save for every other write path.
"""

from django_prose_editor.fields import ProseEditorFormField

from articles.html import ALLOWED_URL_SCHEMES, clean_body

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
        sanitize=clean_body,
        help_text=(
            "The story. Paste freely: unsafe HTML (scripts, styles, event handlers) is removed on save. "
            'For a picture, upload it to the <a href="/admin/articles/image/" target="_blank">image '
            "library</a>, paste its address with the image button, and describe it."
        ),
        **kwargs,
    )


class RichTextBodyAdminMixin:
    """ModelAdmin mixin: edit ``body`` with the prose editor."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            kwargs.pop("widget", None)
            return body_form_field(required=not db_field.blank, label=db_field.verbose_name.capitalize())
        return super().formfield_for_dbfield(db_field, request, **kwargs)
