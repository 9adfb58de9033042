"""The image library's upload form: every upload is checked by ``articles.images`` and gets its
renditions made by a task after it is saved (again whenever the file or focal point changes)."""

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile

from articles.images import validate_image_upload
from articles.models import Image
from articles.renditions import enqueue_renditions


class ImageUploadForm(forms.ModelForm):
    # A plain file field: the checks below give clearer messages than the generic image field's.
    file = forms.FileField(
        label="Picture",
        help_text="JPEG, PNG, WebP or GIF; at most 10 MB and 40 megapixels.",
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or {"file", "focal_x", "focal_y"} & set(form.changed_data):
            enqueue_renditions(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("renditions")

    @admin.display(description="Address to paste into a story")
    def address(self, image):
        return image.file.url if image.file else "—"

    @admin.display(description="Renditions")
    def renditions_made(self, image):
        return len(image.renditions.all())
