"""The public page cache: whole pages for anonymous readers, invalidated by a generation number.

Every cached page's key contains the current *generation*. Anything that can change what a public
page shows bumps it: the receiver of the articles' change notice (publish, edit, unpublish, import,
merge), a finished background task (related posts recomputed by the worker), and model signals on
entities, sections, tags and articles. Old entries are then simply never read again and expire.

Editors (any signed-in user), previews and the admin are never read from or written to the cache
and get ``Cache-Control: private, no-store``; readers get ``public, max-age, s-maxage`` plus an
``ETag`` and a ``Last-Modified`` (the generation's time) so browsers and CDNs can revalidate with 304.
"""

import hashlib
import logging
import math
import time
from email.utils import formatdate

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from newsroom.db_router import note_change_position, page_may_be_stored

logger = logging.getLogger(__name__)

GENERATION_KEY = "newsroom:page-generation"
KEY_PREFIX = "newsroom:page"
# Never cached, for anyone: the editors' workplace, previews, health checks, files.
UNCACHED_PREFIXES = ("/admin/", "/preview/", "/healthz", "/readyz", "/metrics", "/static/", "/media/")


#: Callables ``(now) -> datetime | None``: the next moment public content changes by itself (a
#: scheduled publish, an expiry). Apps register theirs; no cached page outlives the soonest.
_horizons: list = []


def register_horizon(horizon) -> None:
    if horizon not in _horizons:
        _horizons.append(horizon)


def seconds_until_next_change(longest: int) -> int:
    """How long a page may be kept: ``longest``, or less when a scheduled change comes sooner."""
    now = timezone.now()
    soonest = longest
    for horizon in _horizons:
        at = horizon(now)
        if at is not None:
            soonest = min(soonest, max(1, math.ceil((at - now).total_seconds())))
    return soonest


def generation() -> int:
    """The current generation: the time (ns) of the last change to public content."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY) or time.time_ns()
    return int(value)


def bump_generation() -> int | None:
    """Start a new generation: every page cached so far is out of date.

    A cache server that does not answer must never stop an editor's save: the failure is logged
    (pages then expire on their own after NEWSROOM_PAGE_CACHE_SECONDS).
    """
    try:
        # First the primary's WAL position: a page read from a replica short of it is not stored.
        note_change_position()
        value = max(time.time_ns(), generation() + 1)
        cache.set(GENERATION_KEY, value, timeout=None)
    except Exception:
        logger.exception("Could not start a new page-cache generation; cached pages expire on their own.")
        return None
    return value


def content_changed(sender, **kwargs) -> None:
    """Receiver of an app's after-commit change notice (articles connect it to theirs, last)."""
    bump_generation()


def _bump_after_commit() -> None:
    bump_generation()


def model_changed(sender, **kwargs) -> None:
    """Signal receiver: bump now (pages built inside this request) and again once the change commits.

    One bump after commit is enough however many rows the transaction saves: it is queued once
    (a rolled-back transaction drops its queue, so nothing is left pending).
    """
    bump_generation()
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        callback is _bump_after_commit for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_bump_after_commit)


def task_finished(sender, **kwargs) -> None:
    """A background task (such as recomputing related posts) may have changed public pages."""
    bump_generation()


def watch_models(*models) -> None:
    """Start a new generation whenever one of these models is saved or deleted.

    Each app names the models its public pages show (in its ``AppConfig.ready``); this module knows
    no app's models.
    """
    from django.db.models.signals import post_delete, post_save

    for model in models:
        uid = f"page-cache-{model._meta.label}"
        post_save.connect(model_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(model_changed, sender=model, dispatch_uid=f"{uid}-delete")


def connect_signals() -> None:
    """Many-to-many changes and finished background tasks, whatever the app."""
    from django.db.models.signals import m2m_changed
    from django.tasks.signals import task_finished as task_finished_signal

    m2m_changed.connect(model_changed, dispatch_uid="page-cache-m2m")
    task_finished_signal.connect(task_finished, dispatch_uid="page-cache-task")


def _is_editor(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PublicPageCacheMiddleware:
    """Serve and store whole public pages for anonymous readers; mark editors' pages private.

    Goes last in MIDDLEWARE, after the authentication middleware, so it knows who is asking.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
        uncached_path = request.path.startswith(UNCACHED_PREFIXES)
        if request.method not in ("GET", "HEAD") or uncached_path or _is_editor(request) or seconds <= 0:
            response = self.get_response(request)
            personal = _is_editor(request) or request.method not in ("GET", "HEAD")
            if (personal and not uncached_path) or request.path.startswith("/preview/"):
                patch_cache_control(response, private=True, no_store=True)
            return response

        url_hash = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        try:
            current = generation()
            key = f"{KEY_PREFIX}:{current}:{url_hash}"
            response = cache.get(key)
        except Exception:
            # The cache server is down: readers still get the page, built for them.
            logger.warning("Page cache unavailable; serving %s uncached.", request.path, exc_info=True)
            return self.get_response(request)
        if response is None:
            response = self.get_response(request)
            if not self._storable(response):
                return response
            try:
                # An expiry or a scheduled publish at 10:00 must show at 10:00, cron or not.
                seconds = seconds_until_next_change(seconds)
            except Exception:
                logger.warning("Could not read the next scheduled change; %s not stored.", request.path)
                return response
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["Last-Modified"] = formatdate(current / 1e9, usegmt=True)
            self._public(response, seconds)
            # Kept with the stored copy: a hit later tells browsers and CDNs only what is left.
            response.newsroom_fresh_until = time.time() + seconds
            try:
                cache.set(key, response, seconds)
            except Exception:
                logger.warning("Page cache unavailable; %s not stored.", request.path, exc_info=True)
            response["X-Page-Cache"] = "miss"
        else:
            response["X-Page-Cache"] = "hit"
            left = getattr(response, "newsroom_fresh_until", None)
            if left is not None:
                self._public(response, max(0, int(left - time.time())))
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(current / 1e9),
            response=response,
        )

    @staticmethod
    def _storable(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not page_may_be_stored():  # read from a replica behind the last change
            return False
        control = response.get("Cache-Control", "")
        return "private" not in control and "no-store" not in control and "no-cache" not in control

    @staticmethod
    def _public(response, horizon: int) -> None:
        patch_cache_control(
            response,
            public=True,
            max_age=min(settings.NEWSROOM_CACHE_MAX_AGE, horizon),
            s_maxage=min(settings.NEWSROOM_CACHE_S_MAXAGE, horizon),
        )
        # Editors send a session cookie: a CDN must not hand them a reader's copy, nor the reverse.
        patch_vary_headers(response, ["Cookie"])
