"""Where uploaded media live and how readers get them.

Two choices, made by environment variables (README, "Configuration"):

* **Object storage** (S3 or any S3-compatible server) through django-storages when
  ``NEWSROOM_S3_BUCKET`` is set: every node and worker reads and writes the same bucket, and
  readers fetch pictures from the bucket's public address (or a CDN in front of it). This is the
  only choice for several app nodes or a worker on another machine.
* **The local disk** (``MEDIA_ROOT``) otherwise. With ``DJANGO_DEBUG`` off the reverse proxy serves
  ``MEDIA_URL`` from ``MEDIA_ROOT``, or, on a single node, the app does it itself when
  ``NEWSROOM_SERVE_MEDIA=1`` (:func:`serve_media`).
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

from newsroom.media_settings import S3_BACKEND


def uses_object_storage() -> bool:
    return settings.STORAGES["default"]["BACKEND"] == S3_BACKEND


@require_safe
def serve_media(request, path: str):
    """``MEDIA_URL`` from ``MEDIA_ROOT`` by the app itself: in development, or on one node with
    ``NEWSROOM_SERVE_MEDIA=1``. Never a file outside ``MEDIA_ROOT``: ``..``, absolute paths and
    symbolic links that lead out answer 404, as does everything when the app is not asked to serve."""
    if uses_object_storage() or not (settings.DEBUG or settings.NEWSROOM_SERVE_MEDIA):
        raise Http404("Media are served by the web server or the bucket.")
    root = Path(settings.MEDIA_ROOT).resolve()
    if "\x00" in path or any(part == ".." for part in path.replace("\\", "/").split("/")):
        raise Http404("No such file.")
    target = (root / path.lstrip("/")).resolve()
    if not target.is_relative_to(root):
        raise Http404("No such file.")
    try:
        response = serve(request, path, document_root=root)
    except SuspiciousFileOperation as error:
        raise Http404("No such file.") from error
    # As the bucket's objects: a day (renditions get a new name when their bytes change).
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
