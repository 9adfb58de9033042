"""Real image files made in memory with Pillow, for upload and rendition tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (64, 48), color=(200, 80, 40)) -> bytes:
    mode = "RGBA" if fmt in ("PNG", "WEBP") else "RGB"
    picture = PILImage.new(mode, size, color if mode == "RGB" else (*color, 255))
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt)
    return buffer.getvalue()


def upload(name: str = "photo.jpg", fmt: str = "JPEG", size=(64, 48), content: bytes | None = None):
    return SimpleUploadedFile(name, content if content is not None else image_bytes(fmt, size))
