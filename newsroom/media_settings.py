"""Where uploaded media live: the ``STORAGES["default"]`` entry the environment describes.

Read by ``newsroom/settings.py`` before Django is set up, so this module imports no more of Django
than its exceptions. With ``NEWSROOM_S3_BUCKET`` set, media go to that bucket (S3 or any
S3-compatible server) through django-storages; without it, to the local disk (``MEDIA_ROOT``).
The serving side is ``newsroom/media.py``.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"


@dataclass(frozen=True)
class ObjectStorage:
    """The ``STORAGES["default"]`` entry for a bucket and the public base URL its files are read at."""

    storage: dict
    public_url: str  # no trailing slash, e.g. https://media.example.org or http://127.0.0.1:9000/news

    @property
    def origin(self) -> str:
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}"


def object_storage_from_env(environ) -> ObjectStorage | None:
    """The object-storage configuration the ``NEWSROOM_S3_*`` variables describe, or None without a bucket."""
    bucket = environ.get("NEWSROOM_S3_BUCKET", "").strip()
    if not bucket:
        return None
    endpoint = environ.get("NEWSROOM_S3_ENDPOINT_URL", "").strip().rstrip("/")
    region = environ.get("NEWSROOM_S3_REGION", "").strip()
    public = environ.get("NEWSROOM_S3_PUBLIC_URL", "").strip().rstrip("/")
    if public:
        if urlsplit(public).scheme not in ("http", "https") or not urlsplit(public).netloc:
            raise ImproperlyConfigured(
                "NEWSROOM_S3_PUBLIC_URL must be a full address such as https://media.example.org "
                f"(got {public!r})."
            )
    elif endpoint:
        # An S3-compatible server (MinIO, Ceph, moto...): path-style addresses, endpoint/bucket/key.
        public = f"{endpoint}/{bucket}"
    else:
        public = f"https://{bucket}.s3.{region or 'us-east-1'}.amazonaws.com"
    parts = urlsplit(public)
    options = {
        "bucket_name": bucket,
        "region_name": region or None,
        "endpoint_url": endpoint or None,
        "access_key": environ.get("NEWSROOM_S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("NEWSROOM_S3_SECRET_ACCESS_KEY") or None,
        # Public media: plain addresses, built without asking the bucket (no signature, no expiry).
        "querystring_auth": False,
        "custom_domain": parts.netloc + parts.path,
        "url_protocol": f"{parts.scheme}:",
        # Two uploads named photo.jpg in one month are two files, as on the local disk.
        "file_overwrite": False,
        "location": environ.get("NEWSROOM_S3_PREFIX", "").strip().strip("/"),
        # Browsers and CDNs may keep a picture a day (renditions get a new name when their bytes change).
        "object_parameters": {"CacheControl": "public, max-age=86400"},
    }
    if endpoint:
        options["addressing_style"] = "path"
    return ObjectStorage(
        storage={"BACKEND": S3_BACKEND, "OPTIONS": {k: v for k, v in options.items() if v is not None}},
        public_url=public,
    )
