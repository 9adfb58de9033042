"""Is the media storage usable? A tiny file written, read back and deleted through default_storage."""

import contextlib
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

PROBE_DIR = "readyz"


def storage_ready() -> str | None:
    """None when the storage (local disk or a bucket) takes, returns and deletes a file; else the reason."""
    content = uuid.uuid4().hex.encode()
    try:
        name = default_storage.save(f"{PROBE_DIR}/probe-{uuid.uuid4().hex}.txt", ContentFile(content))
    except Exception as error:
        return f"cannot write a file: {error.__class__.__name__}: {error}"
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != content:
                return "a file written does not read back the same"
    except Exception as error:
        return f"cannot read a file back: {error.__class__.__name__}: {error}"
    finally:
        # A probe left behind is harmless: the write and the read are what matter.
        with contextlib.suppress(Exception):
            default_storage.delete(name)
    return None
