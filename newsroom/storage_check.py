"""Is media storage usable? For ``/readyz``: a tiny probe written, read back and deleted.

Generic: the storage API only (``storages["default"]``, the local disk or a bucket alike), no app.
"""

import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import storages

PROBE_PREFIX = "readiness"


def storage_ready(alias: str = "default") -> str | None:
    """None when the storage takes a write, a read and a delete; otherwise the reason, in one line."""
    payload = secrets.token_hex(8).encode()
    try:
        storage = storages[alias]
        name = storage.save(f"{PROBE_PREFIX}/probe-{secrets.token_hex(8)}.txt", ContentFile(payload))
        try:
            with storage.open(name, "rb") as probe:
                read_back = probe.read()
        finally:
            storage.delete(name)
    except Exception as error:  # any failure of the storage is a reason not to take traffic
        reason = " ".join(str(error).split()) or type(error).__name__
        return f"media storage: {type(error).__name__}: {reason}"[:300]
    if read_back != payload:
        return "media storage: the probe read back other bytes than were written"
    return None
