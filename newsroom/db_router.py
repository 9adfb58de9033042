"""Read replicas: public reads from a healthy replica, everything else on the primary.

``DATABASE_REPLICA_URLS`` (comma-separated) adds one ``DATABASES`` entry per replica
(``replica1``, ``replica2``, …). :class:`ReplicaRouter` sends a read to a replica only while
:class:`PublicReadMiddleware` has marked the request as a public read (an anonymous GET or HEAD of
a public page), through a context variable — nothing is stored on the request. Everything else
stays on the primary: the admin and its login, previews, sessions, any write (and every read of
the same request after it), background workers and management commands (no request, no mark).

A replica is used only while it answers and is no more than ``DATABASE_REPLICA_MAX_LAG`` seconds
behind (read from ``pg_last_xact_replay_timestamp()``, checked at most every
``DATABASE_REPLICA_CHECK_SECONDS`` per process); otherwise the next one, or the primary.

A reader must not get, and the page cache must not keep, a page built from a replica that had not
yet replayed the change that invalidated the cache: :func:`note_change_position` (called by the
page cache before it records a change) stores the primary's WAL position in the shared cache (the
*fence*). A replica whose replay position is short of the fence is not chosen (the request reads
the primary: an edit is what every reader gets at once), and :func:`page_may_be_stored` allows
storing a page only when the replica it was read from had replayed at least that far *before* it
was read (its replay position is taken when the request first uses it), in case the fence moved.
"""

import contextlib
import logging
import random
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)

REPLICA_PREFIX = "replica"
#: The primary's WAL position (bytes) when public content last changed, in the shared cache.
FENCE_KEY = "newsroom:replica-fence"
# Apps whose rows are never read from a replica, whatever the request: logins, sessions, the queue.
PRIMARY_ONLY_APPS = frozenset(
    {"sessions", "auth", "axes", "admin", "django_tasks_database", "reversion", "contenttypes"}
)
# Public-looking paths that still need the primary (the editors' side, previews, probes).
PRIMARY_PATHS = ("/admin/", "/preview/", "/healthz", "/readyz", "/metrics")


@dataclass
class _ReadState:
    """What one public request has done with the databases so far."""

    allowed: bool = True
    wrote: bool = False
    alias: str | None = None
    #: The chosen replica's replay position (bytes) when this request first read from it.
    replayed: int | None = None


_state: ContextVar[_ReadState | None] = ContextVar("newsroom_public_read", default=None)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX)]


def replica_databases(urls: list[str], primary: dict) -> dict[str, dict]:
    """``DATABASES`` entries for these replica URLs, with the primary's connection options."""
    import dj_database_url

    entries = {}
    for number, url in enumerate(urls, start=1):
        entry = dj_database_url.parse(
            url, conn_max_age=primary.get("CONN_MAX_AGE", 0), conn_health_checks=True
        )
        if primary.get("DISABLE_SERVER_SIDE_CURSORS"):
            entry["DISABLE_SERVER_SIDE_CURSORS"] = True
        # Tests run on the primary's test database: a replica is not a database of its own there.
        entry["TEST"] = {"MIRROR": DEFAULT_DB_ALIAS}
        entries[f"{REPLICA_PREFIX}{number}"] = entry
    return entries


# --- replica health, cached per process -------------------------------------------------------

_health: dict[str, tuple[float, bool]] = {}
_health_lock = threading.Lock()


def _measure(alias: str) -> bool:
    """True when the replica answers and is within the lag bound."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT pg_is_in_recovery(),"
                " pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn(),"
                " EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())"
            )
            in_recovery, caught_up, seconds_behind = cursor.fetchone()
    except Exception as error:
        logger.warning("Replica %s is unreachable, reads go elsewhere: %s", alias, error)
        with contextlib.suppress(Exception):
            connections[alias].close()  # a fresh connection at the next check
        return False
    if not in_recovery or caught_up:
        # A promoted server, or nothing received that is not replayed: nothing to wait for.
        return True
    lag = float(seconds_behind or 0)
    if lag > settings.DATABASE_REPLICA_MAX_LAG:
        logger.warning(
            "Replica %s is %.1f s behind (limit %s s); reads go elsewhere.",
            alias,
            lag,
            settings.DATABASE_REPLICA_MAX_LAG,
        )
        return False
    return True


def replica_is_usable(alias: str) -> bool:
    now = time.monotonic()
    with _health_lock:
        checked = _health.get(alias)
    if checked is not None and now - checked[0] < settings.DATABASE_REPLICA_CHECK_SECONDS:
        return checked[1]
    usable = _measure(alias)
    with _health_lock:
        _health[alias] = (time.monotonic(), usable)
    return usable


def forget_replica_health() -> None:
    with _health_lock:
        _health.clear()


def _replay_position(alias: str) -> int | None:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
                " ELSE pg_current_wal_lsn() END, '0/0')::bigint"
            )
            value = cursor.fetchone()[0]
    except Exception:
        return None
    return None if value is None else int(value)


def _fence() -> int | None:
    from django.core.cache import cache

    try:
        value = cache.get(FENCE_KEY)
    except Exception:
        return None
    return None if value is None else int(value)


def choose_replica() -> str | None:
    """A usable replica for this request (the same one for all its reads), or None for the primary."""
    state = _state.get()
    if state is None or not state.allowed or state.wrote:
        return None
    if state.alias is not None:
        return state.alias
    candidates = replica_aliases()
    random.shuffle(candidates)
    fence = _fence()
    for alias in candidates:
        if replica_is_usable(alias):
            position = _replay_position(alias)
            # Not yet at the last change to public content: a reader would get the page before it.
            if position is None or (fence is not None and position < fence):
                continue
            state.alias, state.replayed = alias, position
            return alias
    state.allowed = False  # none usable: the primary for the rest of the request
    return None


class ReplicaRouter:
    """DATABASE_ROUTERS entry: replicas for public reads only; writes and migrations on the primary."""

    def db_for_read(self, model, **hints):
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        return choose_replica() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        state = _state.get()
        if state is not None:
            state.wrote = True  # read-your-writes: the rest of this request reads the primary
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, **hints):
        return db == DEFAULT_DB_ALIAS


def is_public_read(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.path.startswith(PRIMARY_PATHS):
        return False
    # Decided by the session cookie, as the page cache decides: reading ``request.user`` would
    # touch the session and make every page vary on Cookie (and so never be cached).
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


class PublicReadMiddleware:
    """After AuthenticationMiddleware: marks anonymous public reads; a page read from a lagging replica
    leaves marked never to be cached (the page cache, first in the stack, then does not store it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_aliases() or not is_public_read(request):
            return self.get_response(request)
        token = _state.set(_ReadState())
        try:
            response = self.get_response(request)
            if not page_may_be_stored():
                # Read from a replica short of the last change: no cache may keep this page (the
                # page cache runs outside this middleware, so it is told through the response).
                from django.utils.cache import add_never_cache_headers

                add_never_cache_headers(response)
            return response
        finally:
            _state.reset(token)


# --- the page cache's fence -------------------------------------------------------------------


_fence_lock = threading.Lock()


def note_change_position() -> None:
    """Record the primary's WAL position as the point a cached page must have seen.

    Called by the page cache just *before* it records a change (a new generation, a purged key), so
    a reader who sees the change also sees a position at least as far as its commit.
    """
    if not replica_aliases():
        return
    from django.core.cache import cache

    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")
            position = int(cursor.fetchone()[0])
        raise_to = getattr(cache, "raise_to", None)
        if raise_to is not None:
            raise_to(FENCE_KEY, position)  # atomic: two nodes recording at once never move it back
        else:  # another backend (a test's local memory): one process, a lock is enough
            with _fence_lock:
                cache.set(FENCE_KEY, max(position, int(cache.get(FENCE_KEY) or 0)), timeout=None)
    except Exception:
        logger.warning("Could not record the primary's WAL position for the page cache.", exc_info=True)


def page_may_be_stored() -> bool:
    """False when this request read from a replica that had not replayed the last recorded change."""
    state = _state.get()
    if state is None or state.alias is None:
        return True
    fence = _fence()
    if state.replayed is None:
        return False
    return fence is None or state.replayed >= fence
