"""Upkeep of the task table (django-tasks-db): stale RUNNING tasks picked up again, old results pruned.

A worker that dies mid-task (SIGKILL, out of memory, the machine gone) leaves its task RUNNING
forever; nothing in django-tasks-db notices. :func:`requeue_stale` puts a task back in the queue
once it has been RUNNING longer than ``NEWSROOM_TASK_STALE_SECONDS`` (longer than any task of ours
takes), so another worker runs it; our tasks are safe to run twice (newsroom/task_retry.py). A task
that has already been claimed ``NEWSROOM_TASK_ATTEMPTS`` times (it keeps killing its worker) is
marked FAILED instead of looping forever.
"""

import logging
import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger("newsroom.tasks")

_DURATION = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> timedelta:
    """``90``, ``90s``, ``15m``, ``12h``, ``14d`` → a timedelta; ValueError otherwise."""
    match = _DURATION.match(text or "")
    if not match:
        raise ValueError(_("%(value)r is not a duration such as 90s, 15m, 12h or 14d.") % {"value": text})
    return timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2)])


class StaleTaskError(Exception):
    """Recorded on a task given up after its workers kept disappearing."""


def requeue_stale(older_than: timedelta | None = None) -> tuple[int, int]:
    """Put RUNNING tasks started before ``older_than`` ago back in the queue; returns (requeued, failed)."""
    from django_tasks_db.models import DBTaskResult

    if older_than is None:
        older_than = timedelta(seconds=settings.NEWSROOM_TASK_STALE_SECONDS)
    cutoff = timezone.now() - older_than
    requeued = failed = 0
    with transaction.atomic():
        stale = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=cutoff)
            .select_for_update(skip_locked=True)
            .order_by("started_at")
        )
        for row in stale:
            claims = len(row.worker_ids or [])
            if claims >= settings.NEWSROOM_TASK_ATTEMPTS:
                row.set_failed(
                    StaleTaskError(
                        f"its worker disappeared {claims} times "
                        f"(workers {', '.join(row.worker_ids)}); given up"
                    )
                )
                logger.error(
                    "Task %s %s: its worker disappeared %d times; marked failed.",
                    row.pk,
                    row.task_path,
                    claims,
                )
                failed += 1
                continue
            started = row.started_at
            row.status = "READY"
            row.started_at = None
            row.save(update_fields=["status", "started_at"])
            logger.warning(
                "Task %s %s was RUNNING on worker %s since %s: put back in the queue.",
                row.pk,
                row.task_path,
                (row.worker_ids or ["?"])[-1],
                started,
            )
            requeued += 1
    return requeued, failed


def prune_finished(older_than: timedelta) -> int:
    """Delete SUCCESSFUL and FAILED task results that finished before ``older_than`` ago."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - older_than
    deleted, _by_model = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted
