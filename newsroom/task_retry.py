"""A small retry for django.tasks, which has none of its own: the task enqueues itself again.

Every task of ours is declared ``@task`` over ``@retrying("what it does")``: the wrapped function
takes an extra ``attempt`` argument and calls :func:`retry_later` when it fails. Tasks must
therefore be safe to run twice (they are: upserts, per-article locks, "still scheduled?" checks).
While attempts remain and the backend can defer (django-tasks-db in production), the same task is queued again
with ``attempt + 1`` to run after a growing delay (``NEWSROOM_TASK_RETRY_SECONDS`` doubled each
time, at most an hour); the failed attempt itself stays FAILED in the task table with its error.
After ``NEWSROOM_TASK_ATTEMPTS`` attempts, or on a backend that cannot defer (the immediate one,
where the request or command sees the failure), the last failure is logged as an error.
"""

import functools
import importlib
import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger("newsroom.tasks")

MAX_DELAY_SECONDS = 3600


def retry_delay(attempt: int) -> float:
    """Seconds to wait before attempt ``attempt + 1``: the base delay, doubled after each failure."""
    return min(settings.NEWSROOM_TASK_RETRY_SECONDS * 2 ** (attempt - 1), MAX_DELAY_SECONDS)


def retry_later(task, *, attempt: int, kwargs: dict, error: BaseException, what: str, args=()) -> bool:
    """Queue ``task(**kwargs, attempt=attempt + 1)`` after a backoff, or log the final failure.

    Returns True when a retry was queued. ``what`` names the work in the log ("renditions of image 7").
    """
    limit = settings.NEWSROOM_TASK_ATTEMPTS
    if attempt < limit and task.get_backend().supports_defer:
        delay = retry_delay(attempt)
        task.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            *args, **kwargs, attempt=attempt + 1
        )
        logger.warning(
            "%s failed (attempt %d of %d): %s; trying again in %d s.", what, attempt, limit, error, delay
        )
        return True
    logger.error(
        "%s failed for good after %d attempt%s: %s",
        what,
        attempt,
        "" if attempt == 1 else "s",
        error,
        exc_info=(type(error), error, error.__traceback__),
    )
    return False


def _task_named(func):
    """The module-level Task object that wraps ``func`` (what the worker imports by path)."""
    return getattr(importlib.import_module(func.__module__), func.__qualname__)


def retrying(what: str):
    """Decorate a task's function (under ``@task``) so a failure is retried with a backoff.

    ``what`` names the work in the log; it may use the task's keyword arguments
    (``"Related posts of article {article_id}"``).
    """

    def decorate(func):
        @functools.wraps(func)
        def run(*args, attempt: int = 1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as error:
                try:
                    label = what.format(**kwargs)
                except (KeyError, IndexError):
                    label = what
                retry_later(
                    _task_named(func), attempt=attempt, args=args, kwargs=kwargs, error=error, what=label
                )
                raise

        run.newsroom_retrying = True
        return run

    return decorate
