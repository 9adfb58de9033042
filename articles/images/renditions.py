"""Image renditions for ``srcset``: several widths, WebP plus a JPEG (or PNG) fallback, and crops
to fixed ratios kept around the editor's focal point. Made off-request by a task."""

import io
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageOps

from articles.changes import content_changed
from articles.images.cleaning import strip_for_rendition
from articles.images.models import Image, ImageRendition

WIDTHS = [480, 800, 1200, 1600]
RATIOS = {"": None, "16:9": 16 / 9}


def fallback_format(picture: PILImage.Image) -> str:
    """PNG keeps transparency (and GIF's flat colours); everything else falls back to JPEG."""
    has_alpha = picture.mode in ("RGBA", "LA", "P") and (
        picture.mode != "P" or "transparency" in picture.info
    )
    return "png" if has_alpha or picture.format in ("PNG", "GIF") else "jpeg"


def focal_crop(picture: PILImage.Image, ratio: float, focal_x: float, focal_y: float) -> PILImage.Image:
    """The largest ``ratio`` crop of ``picture`` that keeps the focal point as central as possible."""
    width, height = picture.size
    if width / height > ratio:
        crop_w, crop_h = round(height * ratio), height
    else:
        crop_w, crop_h = width, round(width / ratio)
    left = min(max(round(focal_x * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(focal_y * height - crop_h / 2), 0), height - crop_h)
    return picture.crop((left, top, left + crop_w, top + crop_h))


def _encode(picture: PILImage.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "jpeg":
        picture.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    elif fmt == "png":
        picture.save(buffer, "PNG", optimize=True)
    else:
        picture.save(buffer, "WEBP", quality=80, method=4)
    return buffer.getvalue()


def rendition_widths(original_width: int) -> list[int]:
    """The standard widths up to the original's, or the original width when it is narrower than all."""
    widths = [w for w in WIDTHS if w <= original_width]
    return widths or [original_width]


def image_renditions_make(*, image: Image) -> int:
    """(Re)make every rendition of ``image``; returns how many were stored."""
    image.file.open("rb")
    try:
        with PILImage.open(image.file) as source:
            fallback = fallback_format(source)
            source = ImageOps.exif_transpose(source)
            source = strip_for_rendition(source.convert("RGBA" if fallback == "png" else "RGB"))
            made = []
            for ratio_name, ratio in RATIOS.items():
                base = focal_crop(source, ratio, image.focal_x, image.focal_y) if ratio else source
                for width in rendition_widths(base.width):
                    height = max(1, round(base.height * width / base.width))
                    resized = base.resize((width, height), PILImage.Resampling.LANCZOS)
                    for fmt in ("webp", fallback):
                        made.append((width, height, fmt, ratio_name, _encode(resized, fmt)))
    finally:
        image.file.close()
    stem = PurePath(image.file.name).stem
    with transaction.atomic():
        for old in image.renditions.all():
            old.file.delete(save=False)
        image.renditions.all().delete()
        for width, height, fmt, ratio_name, data in made:
            suffix = f"-{ratio_name.replace(':', 'x')}" if ratio_name else ""
            ext = "jpg" if fmt == "jpeg" else fmt
            rendition = ImageRendition(image=image, width=width, height=height, format=fmt, ratio=ratio_name)
            rendition.file.save(f"{stem}-{width}w{suffix}.{ext}", ContentFile(data), save=False)
            rendition.save()
        # The article pages showing this picture now offer the new sizes.
        content_changed(
            article_ids=image.lead_of.values_list("pk", flat=True), reason="image renditions made"
        )
    return len(made)


def enqueue_renditions(image: Image) -> None:
    """After commit, ask the task queue to make this image's renditions."""
    from articles.images.tasks import make_image_renditions

    image_id = image.pk
    transaction.on_commit(lambda: make_image_renditions.enqueue(image_id=image_id))
