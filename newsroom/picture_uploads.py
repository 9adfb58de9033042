"""Checks on uploaded pictures: real JPEG, PNG, WebP or GIF content, within size and pixel limits.

The type is read from the file's content with Pillow, never trusted from its name or the browser.
The pixel count is read from the header before any decoding, so a decompression bomb (a small
file that expands to gigabytes) is refused without being decoded. Each refusal says what to do.
"""

import warnings
from pathlib import PurePath

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
EXTENSIONS = {
    "JPEG": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "PNG": {".png"},
    "WEBP": {".webp"},
    "GIF": {".gif"},
}
ACCEPTED = "Upload a JPEG, PNG, WebP or GIF picture."


def _looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text[:1024]


def validate_image_upload(upload) -> str:
    """Raise ValidationError with a plain message when ``upload`` is not an acceptable picture.

    Returns the detected format (JPEG, PNG, WEBP or GIF). The file position is left at the start.
    """
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    if size > MAX_BYTES:
        raise ValidationError(
            f"The file is {size / 1024 / 1024:.1f} MB; pictures may be at most 10 MB. "
            "Export it smaller (for example 3000 pixels wide, JPEG quality 85) and upload again.",
            code="too_large",
        )
    if size == 0:
        raise ValidationError(f"The file is empty. {ACCEPTED}", code="empty")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if _looks_like_svg(head):
        raise ValidationError(
            "SVG drawings are not accepted: they can carry scripts. "
            "Export the picture as PNG and upload that.",
            code="svg",
        )
    fmt, width, height = _read_header(upload)
    if fmt not in FORMATS:
        raise ValidationError(f"This is a {fmt} file. {ACCEPTED}", code="format")
    if width * height > MAX_PIXELS:
        raise ValidationError(
            f"The picture is {width}×{height} pixels ({width * height / 1e6:.0f} megapixels); "
            "the limit is 40 megapixels. Resize it and upload again.",
            code="too_many_pixels",
        )
    extension = PurePath(getattr(upload, "name", "") or "").suffix.lower()
    if extension and extension not in EXTENSIONS[fmt]:
        raise ValidationError(
            f"The file is named “{extension}” but is really a {FORMATS[fmt]} picture. "
            f"Rename it to end in {sorted(EXTENSIONS[fmt])[0]} and upload again.",
            code="mislabelled",
        )
    _decode_fully(upload)
    upload.seek(0)
    return fmt


def _read_header(upload) -> tuple[str, int, int]:
    """Format and size from the header only (Pillow's open is lazy: no pixel data is decoded)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(upload) as picture:
                return picture.format or "unknown", picture.width, picture.height
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise ValidationError(
            "The picture has far too many pixels (over 40 megapixels). Resize it and upload again.",
            code="too_many_pixels",
        ) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            "This file is not a picture Newsroom can read (it may be a document renamed as an image). "
            + ACCEPTED,
            code="not_an_image",
        ) from error
    finally:
        upload.seek(0)


def _decode_fully(upload) -> None:
    """Decode every pixel once, so a truncated or corrupt file is caught now, not on the site."""
    try:
        with PILImage.open(upload) as picture:
            picture.verify()
        upload.seek(0)
        with PILImage.open(upload) as picture:
            picture.load()
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            "The picture is damaged or incomplete (the upload may have been cut off). "
            "Open it on your computer to check, then upload it again.",
            code="truncated",
        ) from error
    finally:
        upload.seek(0)
