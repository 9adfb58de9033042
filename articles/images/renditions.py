"""Image renditions for ``srcset``: several widths, WebP plus a JPEG (or PNG) fallback, and crops
to fixed ratios kept around the editor's focal point. Made off-request by a task."""

import hashlib
import io
import logging
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageOps

from articles.changes import content_changed
from articles.images.models import Image, ImageRendition, articles_showing
from newsroom.picture_cleaning import strip_for_rendition

WIDTHS = [480, 800, 1200, 1600]
RATIOS = {"": None, "16:9": 16 / 9}

RENDITIONS_FOLDER = "renditions"  # ImageRendition.file's upload_to starts here

logger = logging.getLogger(__name__)


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
        # Pillow's extra "optimize" pass costs several times the encoding for under 1% fewer bytes.
        picture.save(buffer, "PNG")
    else:
        picture.save(buffer, "WEBP", quality=80, method=4)
    return buffer.getvalue()


def rendition_widths(original_width: int) -> list[int]:
    """The standard widths up to the original's, or the original width when it is narrower than all."""
    widths = [w for w in WIDTHS if w <= original_width]
    return widths or [original_width]


def _rendition_name(stem: str, width: int, ratio_name: str, fmt: str, data: bytes) -> str:
    # The bytes' digest in the name: a name never stands for other pixels (browsers and CDNs cache it).
    suffix = f"-{ratio_name.replace(':', 'x')}" if ratio_name else ""
    ext = "jpg" if fmt == "jpeg" else fmt
    digest = hashlib.blake2s(data, digest_size=4).hexdigest()
    return f"{stem}-{width}w{suffix}-{digest}.{ext}"


def image_renditions_make(*, image: Image) -> int:
    """(Re)make every rendition of ``image`` in the image's own storage; returns how many were stored.

    Only the storage API is used (the original is read and the renditions written through the
    field's storage), so a worker on any node reads and writes the same bucket. The new files are
    stored before the rows change and the old files deleted only after the commit: a failure on the
    way leaves the previous renditions in place, and raises for the task to retry.
    """
    with image.file.open("rb") as original:
        data = original.read()
    if image.file_size is None:
        Image.objects.filter(pk=image.pk).update(file_size=len(data))
        image.file_size = len(data)
    with PILImage.open(io.BytesIO(data)) as source:
        fallback = fallback_format(source)
        source = ImageOps.exif_transpose(source)
        source = strip_for_rendition(source.convert("RGBA" if fallback == "png" else "RGB"))
        made = []
        encoded: dict[tuple[int, str], bytes] = {}
        for ratio_name, ratio in RATIOS.items():
            base = focal_crop(source, ratio, image.focal_x, image.focal_y) if ratio else source
            whole = base.size == source.size  # e.g. a 16:9 original's 16:9 crop: the same bytes again
            for width in rendition_widths(base.width):
                height = max(1, round(base.height * width / base.width))
                resized = None
                for fmt in ("webp", fallback):
                    data = encoded.get((width, fmt)) if whole else None
                    if data is None:
                        if resized is None:
                            resized = base.resize((width, height), PILImage.Resampling.LANCZOS)
                        data = _encode(resized, fmt)
                        if whole:
                            encoded[width, fmt] = data
                    made.append((width, height, fmt, ratio_name, data))
    stem = PurePath(image.file.name).stem
    new_rows = []
    try:
        for width, height, fmt, ratio_name, encoded in made:
            rendition = ImageRendition(
                image=image, width=width, height=height, format=fmt, ratio=ratio_name, file_size=len(encoded)
            )
            name = _rendition_name(stem, width, ratio_name, fmt, encoded)
            rendition.file.save(name, ContentFile(encoded), save=False)
            new_rows.append(rendition)
        with transaction.atomic():
            # One remake of an image at a time (two workers, or a worker and the command).
            Image.objects.select_for_update().filter(pk=image.pk).first()
            old_names = [name for name in image.renditions.values_list("file", flat=True) if name]
            image.renditions.all().delete()
            ImageRendition.objects.bulk_create(new_rows)
            # The article pages showing this picture now offer the new sizes.
            content_changed(article_ids=articles_showing(image), reason="image renditions made")
            storage = ImageRendition._meta.get_field("file").storage
            keep = {row.file.name for row in new_rows}
            transaction.on_commit(lambda: _delete_quietly(storage, [n for n in old_names if n not in keep]))
    except BaseException:
        for row in new_rows:
            _delete_quietly(row.file.storage, [row.file.name])
        raise
    return len(made)


def _delete_quietly(storage, names: list[str]) -> None:
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # a leftover file costs space, never a page
            logger.warning("Could not delete the old rendition %s from storage.", name, exc_info=True)


def enqueue_renditions(image: Image) -> None:
    """After commit, ask the task queue to make this image's renditions."""
    from articles.images.tasks import make_image_renditions

    image_id = image.pk
    transaction.on_commit(lambda: make_image_renditions.enqueue(image_id=image_id))


def stored_rendition_names(storage) -> set[str]:
    """Every file under ``renditions/`` in ``storage``, listed a folder at a time (no request per file)."""
    names: set[str] = set()
    folders = [RENDITIONS_FOLDER]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = storage.listdir(folder)
        except FileNotFoundError:  # the local disk before the first rendition
            continue
        names.update(f"{folder}/{name}" for name in files)
        folders.extend(f"{folder}/{name}" for name in subfolders)
    return names


def images_missing_renditions(images) -> list[Image]:
    """The images with no rendition, or with a rendition whose file is gone from storage."""
    storage = ImageRendition._meta.get_field("file").storage
    stored = stored_rendition_names(storage)
    missing = []
    for image in images.prefetch_related("renditions"):
        renditions = image.renditions.all()
        if not renditions or any(r.file.name not in stored for r in renditions):
            missing.append(image)
    return missing
