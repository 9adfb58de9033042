"""What readers get of an uploaded picture: its pixels, never its hidden passengers.

Every original is re-encoded once, when it is first stored (any path: the admin, an importer, the
demo): location (GPS) and camera metadata, comments, text chunks and bytes appended after the
picture (a JPEG with HTML or PHP behind it, a GIF with a trailing ``<script>``) are dropped. Kept:
the orientation, the colour profile, and the credit fields (artist, copyright) an editor relies on.
"""

from io import BytesIO
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageSequence

# EXIF tags that travel with the picture: orientation, description, artist, copyright.
KEPT_EXIF_TAGS = (0x0112, 0x010E, 0x013B, 0x8298)


def _kept_exif(picture: PILImage.Image) -> bytes | None:
    source = picture.getexif()
    kept = PILImage.Exif()
    for tag in KEPT_EXIF_TAGS:
        if tag in source:
            kept[tag] = source[tag]
    return kept.tobytes() if len(kept) else None


def clean_picture(source) -> tuple[bytes, str]:
    """The picture re-encoded without private metadata or trailing data; returns (bytes, format)."""
    source.seek(0)
    with PILImage.open(source) as picture:
        fmt = picture.format
        params: dict = {}
        icc = picture.info.get("icc_profile")
        if icc:
            params["icc_profile"] = icc
        exif = _kept_exif(picture)
        if exif and fmt in ("JPEG", "WEBP", "PNG"):
            params["exif"] = exif
        out = BytesIO()
        if fmt == "JPEG":
            picture.info.pop("comment", None)
            # "keep": the original quantization and subsampling, so re-encoding costs no quality.
            picture.save(out, "JPEG", quality="keep", subsampling="keep", **params)
        elif fmt == "PNG":
            picture.save(out, "PNG", optimize=False, **params)
        elif fmt == "GIF":
            frames = [frame.copy() for frame in ImageSequence.Iterator(picture)]
            for frame in frames:
                frame.info.pop("comment", None)
                frame.info.pop("extension", None)
            extra = {"save_all": True, "append_images": frames[1:]} if len(frames) > 1 else {}
            for key in ("duration", "loop", "transparency", "disposal"):
                if key in picture.info:
                    extra[key] = picture.info[key]
            frames[0].save(out, "GIF", **extra)
        elif fmt == "WEBP":
            lossless = bool(picture.info.get("lossless"))
            animated = getattr(picture, "n_frames", 1) > 1
            picture.save(out, "WEBP", lossless=lossless, quality=90, save_all=animated, **params)
        else:
            raise ValueError(f"Unexpected picture format {fmt!r}")
    return out.getvalue(), fmt


def strip_for_rendition(picture: PILImage.Image) -> PILImage.Image:
    """A decoded picture without the metadata Pillow would copy into a resized file."""
    icc = picture.info.get("icc_profile")
    picture.info = {"icc_profile": icc} if icc else {}
    return picture


def cleaned_upload(upload) -> ContentFile:
    """An uploaded file as it is stored: re-encoded by :func:`clean_picture`, under its own name."""
    try:
        data, _format = clean_picture(upload)
    except (OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _("The picture is damaged or not a JPEG, PNG, WebP or GIF file; it was not stored."),
            code="unreadable",
        ) from error
    return ContentFile(data, name=PurePath(upload.name).name)


def clean_new_picture(field_file):
    """``field_file`` cleaned when it holds a file not yet stored (a new upload); else unchanged.

    For a model's ``save()``: whatever path brought the file (a form, an importer, a shell), what
    reaches storage, and so readers, carries no location, comment or trailing data.
    """
    if field_file and not getattr(field_file, "_committed", True):
        return cleaned_upload(field_file)
    return field_file
