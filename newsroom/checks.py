"""System checks (``manage.py check``, ``migrate``, and gunicorn start-up through newsroom/wsgi.py)."""

import os

from django.conf import settings
from django.core import checks

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"


def worker_processes() -> int:
    """How many processes serve this site on this machine, as far as the environment tells."""
    for name in ("NEWSROOM_WORKERS", "GUNICORN_WORKERS", "WEB_CONCURRENCY"):
        value = os.environ.get(name, "").strip()
        if value.isdigit():
            return int(value)
    return 1


@checks.register(checks.Tags.caches)
def per_process_cache(app_configs=None, **kwargs):
    """A local-memory cache is one process's own: other workers and cron never see its pages."""
    workers = worker_processes()
    found = []
    for alias, config in settings.CACHES.items():
        if config.get("BACKEND") == LOCAL_MEMORY and workers > 1:
            found.append(
                checks.Warning(
                    f"The {alias!r} cache is a per-process LocMemCache, but {workers} worker processes "
                    "serve the site: each keeps its own pages, so an edit or a cron publish_scheduled "
                    "run is seen by one of them only.",
                    hint="Set REDIS_URL, or keep the default shared file cache (remove the LocMemCache "
                    "override); see docs/operations.md, 'Page cache'.",
                    id="newsroom.W001",
                )
            )
    return found
