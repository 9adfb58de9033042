"""The image library: pictures with their alt text, caption, credit and focal point, and their renditions."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from newsroom.picture_cleaning import cleaned_upload


class ImageTag(TagBase):
    """A word to find pictures by in the library ("convoy", "Kermanshah"); never shown to readers."""

    class Meta:
        verbose_name = _("picture tag")
        verbose_name_plural = _("picture tags")


class TaggedImage(TaggedItemBase):
    # Its own tag table: the library's words never become public topic pages.
    content_object = models.ForeignKey("Image", on_delete=models.CASCADE)
    tag = models.ForeignKey(ImageTag, on_delete=models.CASCADE, related_name="tagged_images")


class Image(models.Model):
    """A picture in the image library, with the words that must travel with it."""

    file = models.ImageField(upload_to="images/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    file_size = models.PositiveBigIntegerField(
        _("file size"),
        editable=False,
        null=True,
        help_text=_("Bytes in storage, kept so feeds never ask the storage for it."),
    )
    alt_text = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it. Required before publishing."),
    )
    caption = models.TextField(blank=True)
    credit = models.CharField(
        max_length=200, blank=True, help_text=_("Photographer and agency, e.g. “Sara Ahmadi/IRNA”.")
    )
    focal_x = models.FloatField(
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Where the subject is, from the left edge (0) to the right (1); crops keep it in view."),
    )
    focal_y = models.FloatField(
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Where the subject is, from the top (0) to the bottom (1)."),
    )
    tags = TaggableManager(
        _("tags"),
        through=TaggedImage,
        blank=True,
        help_text=_(
            "Words to find the picture by in the library, separated by commas. Readers never see them."
        ),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    class Meta:
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            )
        ]

    def __str__(self) -> str:
        return self.alt_text or self.file.name

    def save(self, *args, **kwargs):
        # A new file is stored re-encoded, whatever path brought it: no GPS, comments or trailing data.
        if self.file and not getattr(self.file, "_committed", True):
            self.file = cleaned_upload(self.file)
            self.file_size = self.file.size  # the cleaned bytes in memory: no storage request
        elif not self.file:
            self.file_size = None
        elif self.file_size is None or self.file.name != getattr(self, "_stored_file_name", self.file.name):
            # A name set by hand (an importer, a restore): its size is read from storage once.
            self.file_size = stored_size(self.file)
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name if self.file else None

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        if "file" in instance.__dict__:  # not deferred: remember the name as stored
            instance._stored_file_name = instance.__dict__["file"]
        return instance


def articles_showing(image: Image) -> set[int]:
    """Ids of the articles that show ``image``: as their lead picture, or inside their text."""
    ids = set(image.lead_of.values_list("pk", flat=True))
    if image.file:
        article_model = Image._meta.get_field("lead_of").related_model  # no import of the article model
        ids |= set(
            article_model.objects.filter(body__contains=f'src="{image.file.url}"').values_list(
                "pk", flat=True
            )
        )
    return ids


def stored_size(field_file) -> int | None:
    """The size of a stored file as its storage reports it, or None when it is missing or unreachable."""
    try:
        return field_file.storage.size(field_file.name)
    except Exception:  # missing file, unreachable bucket: the size stays unknown, the save goes on
        return None


class ImageRendition(models.Model):
    """A resized copy of an image for ``srcset``: one width, one format, optionally one crop ratio."""

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=10, help_text=_("webp, jpeg or png"))
    ratio = models.CharField(
        max_length=10, blank=True, help_text=_('Crop ratio such as "16:9"; empty keeps the original.')
    )
    file = models.ImageField(upload_to="renditions/%Y/%m/")
    file_size = models.PositiveBigIntegerField(_("file size"), editable=False, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["image", "width", "format", "ratio"], name="rendition_unique")
        ]

    def __str__(self) -> str:
        return f"{self.image_id} {self.width}w {self.format} {self.ratio}".strip()
