"""WSGI entry point for gunicorn: ``gunicorn newsroom.wsgi``."""

import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_wsgi_application()


def _warn_at_start() -> None:
    """gunicorn runs no system checks: log the cache warnings (several workers, a per-process cache)."""
    from newsroom.checks import per_process_cache

    for warning in per_process_cache():
        logging.getLogger("newsroom.checks").warning("%s (%s) %s", warning.msg, warning.id, warning.hint)


_warn_at_start()
