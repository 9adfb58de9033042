"""Readiness: may this node take readers' traffic? (``/readyz``; ``/healthz`` is liveness only.)

Each check returns None when it passes or the reason it fails. ``/readyz`` runs them all and
answers 200 or 503 with every check and its reason, so an operator sees what is wrong at once.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)

CACHE_PROBE_KEY = "newsroom:readyz-probe"


def check_database() -> str | None:
    """The primary answers and takes writes (not a replica in recovery, not read-only)."""
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery(), current_setting('transaction_read_only')")
            in_recovery, read_only = cursor.fetchone()
    except Exception as error:
        return f"unreachable: {error.__class__.__name__}: {error}".strip()
    if in_recovery:
        return "read-only: the database is a replica in recovery, not the primary"
    if read_only == "on":
        return "read-only: transactions are read-only (default_transaction_read_only)"
    return None


def check_cache() -> str | None:
    """The shared cache stores a value and gives it back."""
    value = uuid.uuid4().hex
    try:
        cache.set(CACHE_PROBE_KEY, value, 30)
        if cache.get(CACHE_PROBE_KEY) != value:
            return "a value stored was not read back"
    except Exception as error:
        return f"unreachable: {error.__class__.__name__}: {error}"
    return None


def check_storage() -> str | None:
    from newsroom.storage_check import storage_ready

    return storage_ready()


def check_page(request) -> str | None:
    """The home page renders, with its static files named (a missing manifest fails here)."""
    from django.urls import resolve

    try:
        match = resolve("/")
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
    except Exception as error:
        logger.exception("Readiness: the home page did not render.")
        return f"the home page did not render: {error.__class__.__name__}: {error}"
    if response.status_code != 200:
        return f"the home page answered {response.status_code}"
    return None


def check_tasks() -> str | None:
    """No task has waited longer than NEWSROOM_READY_MAX_QUEUE_AGE (database task backend only)."""
    from newsroom.metrics import database_task_backend, oldest_ready_task_age

    try:
        if not database_task_backend():
            return None
        age = oldest_ready_task_age()
    except Exception as error:
        return f"cannot read the task queue: {error.__class__.__name__}: {error}"
    limit = settings.NEWSROOM_READY_MAX_QUEUE_AGE
    if age is not None and age > limit:
        return f"the oldest waiting task has waited {int(age)} s (limit {limit} s): are the workers running?"
    return None


def readiness(request) -> dict[str, str | None]:
    """Every check by name, with None for a pass or the reason it failed."""
    results = {"database": check_database(), "cache": check_cache(), "storage": check_storage()}
    # The page and the queue need the database: an unreachable one would only repeat its reason.
    reachable = not (results["database"] or "").startswith("unreachable")
    results["page"] = check_page(request) if reachable else "skipped: database unreachable"
    results["tasks"] = check_tasks() if reachable else "skipped: database unreachable"
    return results
