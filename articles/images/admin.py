"""The image library's upload form: every upload is checked by ``newsroom.picture_uploads`` and gets its
renditions made by a task after it is saved (again whenever the file or focal point changes)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from articles.changes import content_changed
from articles.images.models import Image
from articles.images.renditions import enqueue_renditions
from newsroom.picture_uploads import validate_image_upload

LIBRARY_LIMIT = 200


class ImageUploadForm(forms.ModelForm):
    # A plain file field: the checks below give clearer messages than the generic image field's.
    file = forms.FileField(
        label=_("Picture"),
        help_text=_("JPEG, PNG, WebP or GIF; at most 10 MB and 40 megapixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )

    class Meta:
        model = Image
        fields = ["file", "alt_text", "caption", "credit", "focal_x", "focal_y"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            validate_image_upload(upload)
        return upload


class ImageLibraryAdminMixin:
    form = ImageUploadForm

    def get_urls(self):
        library = path(
            "library.json", self.admin_site.admin_view(self.library_view), name="articles_image_library"
        )
        return [library, *super().get_urls()]

    def library_view(self, request):
        """The newest pictures as JSON, for the body editor's "insert a picture" list."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        images = Image.objects.order_by("-uploaded_at")[:LIBRARY_LIMIT]
        return JsonResponse(
            {"images": [{"id": i.pk, "alt": i.alt_text, "url": i.file.url} for i in images if i.file]}
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or {"file", "focal_x", "focal_y"} & set(form.changed_data):
            # The renditions task sends the change notice once the new sizes exist.
            enqueue_renditions(obj)
        elif form.changed_data:
            # Alt text, caption and credit show on the pages of the articles that lead with it.
            content_changed(article_ids=obj.lead_of.values_list("pk", flat=True), reason="image edited")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("renditions")

    @admin.display(description=_("Address to paste into a story"))
    def address(self, image):
        return image.file.url if image.file else "—"

    @admin.display(description=_("Renditions"))
    def renditions_made(self, image):
        return len(image.renditions.all())
