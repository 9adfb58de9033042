"""The image library in the admin: thumbnails, the focal point set by clicking on the picture, search by
file name and tags, a "no alt text" badge and filter, and several files uploaded at once.

Every upload (one file or many) is checked by ``newsroom.picture_uploads`` and gets its renditions
made by a task after it is saved (again whenever the file or focal point changes).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.changes import content_changed
from articles.images.models import Image, articles_showing
from articles.images.renditions import enqueue_renditions
from articles.images.services import images_upload_many
from newsroom.picture_uploads import MAX_BYTES, validate_image_upload

LIBRARY_LIMIT = 200
ACCEPT = "image/jpeg,image/png,image/webp,image/gif"
MAX_FILES = 50


def thumbnail_url(image: Image) -> str:
    """The smallest uncropped rendition (WebP) of the prefetched ones; the original until they exist."""
    small = sorted(
        (r for r in image.renditions.all() if not r.ratio), key=lambda r: (r.format != "webp", r.width)
    )
    if small:
        return small[0].file.url
    return image.file.url if image.file else ""


class FocalPointWidget(forms.HiddenInput):
    """focal_x as a hidden field beside the picture: a click (or the arrow keys) sets both fields
    (static/js/focal_point.js); without a saved picture, only the hidden field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.picture_url = ""

    @property
    def is_hidden(self):
        return False  # the admin hides rows of hidden fields; this row shows the picture to click

    def render(self, name, value, attrs=None, renderer=None):
        hidden = super().render(name, value, attrs, renderer)
        if not self.picture_url:
            note = _(
                "Save the picture first, then click on it here to set the focal point (centred until then)."
            )
            return format_html('{}<p class="help">{}</p>', hidden, note)
        return format_html(
            '{}<div class="focal-picker" data-focal-picker data-x-input="{}" data-y-input="id_focal_y">'
            '<div class="focal-picker__frame" tabindex="0" role="application" aria-label="{}"'
            ' aria-describedby="focal-status">'
            '<img class="focal-picker__image" src="{}" alt="" draggable="false">'
            '<span class="focal-picker__marker" aria-hidden="true"></span></div>'
            '<p class="focal-picker__status" id="focal-status" aria-live="polite"></p></div>',
            hidden,
            (attrs or {}).get("id", "id_focal_x"),
            _("Focal point: click on the subject, or use the arrow keys"),
            self.picture_url,
        )


class ImageUploadForm(forms.ModelForm):
    # A plain file field: the checks below give clearer messages than the generic image field's.
    file = forms.FileField(
        label=_("Picture"),
        help_text=_("JPEG, PNG, WebP or GIF; at most 10 MB and 40 megapixels."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit", "tags", "focal_x", "focal_y"]
        widgets = {"focal_x": FocalPointWidget, "focal_y": forms.HiddenInput}
        labels = {"focal_x": _("Focal point")}
        help_texts = {
            "focal_x": _(
                "Click on the subject of the picture: crops for listings keep that point in view. "
                "Or focus the picture and move the point with the arrow keys."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read-only for someone who may only view the picture: no focal-point field then.
        if self.instance.pk and self.instance.file and "focal_x" in self.fields:
            self.fields["focal_x"].widget.picture_url = self.instance.file.url

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            validate_image_upload(upload)
        return upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); each is checked on its own later."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if not data and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImageUploadManyForm(forms.Form):
    files = MultipleFileField(
        label=_("Pictures"),
        help_text=_(
            "Choose up to %(n)d files (JPEG, PNG, WebP or GIF; each at most %(mb)d MB). "
            "Each becomes its own picture in the library; add its alt text afterwards."
        )
        % {"n": MAX_FILES, "mb": MAX_BYTES // (1024 * 1024)},
    )
    credit = forms.CharField(
        label=_("Credit for all"),
        required=False,
        max_length=200,
        help_text=_("Optional: photographer and agency, given to every picture of this upload."),
    )
    tags = forms.CharField(
        label=_("Tags for all"),
        required=False,
        help_text=_("Optional: words to find these pictures by, separated by commas."),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Choose at most %(n)d files at a time; you chose %(count)d.")
                % {"n": MAX_FILES, "count": len(files)}
            )
        return files


class AltTextFilter(admin.SimpleListFilter):
    title = _("alt text")
    parameter_name = "alt"

    def lookups(self, request, model_admin):
        return [("missing", _("No alt text")), ("written", _("Written"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(alt_text__regex=r"^\s*$")
        if self.value() == "written":
            return queryset.exclude(alt_text__regex=r"^\s*$")
        return queryset


class ImageLibraryAdminMixin:
    form = ImageUploadForm
    list_display = ["thumbnail", "description", "credit", "size", "renditions_made", "address", "uploaded_at"]
    list_display_links = ["thumbnail", "description"]
    list_filter = [AltTextFilter, "uploaded_at"]
    # File name and tags as well as the words: "convoy", "IMG_2041", "kermanshah".
    search_fields = ["alt_text", "caption", "credit", "file", "tags__name"]
    search_help_text = _("Searches alt text, caption, credit, file name and tags.")
    fields = ["file", "alt_text", "caption", "credit", "tags", "focal_x", "focal_y"]

    class Media:
        css = {"all": ["css/admin_images.css"]}
        js = ["js/focal_point.js"]

    def get_urls(self):
        urls = [
            path(
                "library.json", self.admin_site.admin_view(self.library_view), name="articles_image_library"
            ),
            path(
                "upload-many/",
                self.admin_site.admin_view(self.upload_many_view),
                name="articles_image_upload_many",
            ),
        ]
        return [*urls, *super().get_urls()]

    def library_view(self, request):
        """The newest pictures as JSON, for the body editor's "insert a picture" list."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images = Image.objects.order_by("-uploaded_at").prefetch_related("renditions")[:LIBRARY_LIMIT]
        return JsonResponse(
            {
                "images": [
                    {"id": i.pk, "alt": i.alt_text, "url": i.file.url, "thumb": thumbnail_url(i)}
                    for i in images
                    if i.file
                ]
            }
        )

    def upload_many_view(self, request):
        """Several files at once: each saved through the same checks, a refused file named with its reason."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = (
            ImageUploadManyForm(request.POST, request.FILES)
            if request.method == "POST"
            else ImageUploadManyForm()
        )
        if form.is_bound and form.is_valid():
            tags = [t.strip() for t in form.cleaned_data["tags"].split(",") if t.strip()]
            report = images_upload_many(
                uploads=form.cleaned_data["files"],
                credit=form.cleaned_data["credit"],
                tags=tags,
                by=request.user,
            )
            for name, reason in report.refused:
                messages.error(
                    request, _("“%(name)s” was not added: %(reason)s") % {"name": name, "reason": reason}
                )
            if report.saved:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d picture added. Write its alt text before a story uses it.",
                        "%(count)d pictures added. Write their alt text before a story uses them.",
                        len(report.saved),
                    )
                    % {"count": len(report.saved)},
                )
                return redirect(reverse("admin:articles_image_changelist") + "?alt=missing")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Upload several pictures"),
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/articles/image/upload_many.html", context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or {"file", "focal_x", "focal_y"} & set(form.changed_data):
            # The renditions task sends the change notice once the new sizes exist.
            enqueue_renditions(obj)
        elif form.changed_data:
            # Alt text, caption and credit show on the pages of the articles that show it.
            content_changed(article_ids=articles_showing(obj), reason="image edited")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("renditions")

    @admin.display(description=_("Picture"))
    def thumbnail(self, image):
        url = thumbnail_url(image)
        if not url:
            return "—"
        return format_html('<img class="image-thumb" src="{}" alt="" loading="lazy">', url)

    @admin.display(description=_("Alt text"), ordering="alt_text")
    def description(self, image):
        if not image.alt_text.strip():
            return format_html(
                '<span class="badge badge--missing">{}</span> {}',
                _("No alt text"),
                image.file.name.rsplit("/", 1)[-1],
            )
        return image.alt_text

    @admin.display(description=_("Size"))
    def size(self, image):
        return f"{image.width}×{image.height}" if image.width else "—"

    @admin.display(description=_("Address to paste into a story"))
    def address(self, image):
        return image.file.url if image.file else "—"

    @admin.display(description=_("Renditions"))
    def renditions_made(self, image):
        return len(image.renditions.all())
