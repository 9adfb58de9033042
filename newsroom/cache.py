"""The public page cache: whole pages for anonymous readers, served ahead of the Django stack and
invalidated by what changed (surrogate keys with version counters), not by one global generation.

**Serving.** ``PublicPageCacheMiddleware`` sits right after the request-id and metrics middleware,
before security, sessions, CSRF, authentication and messages. A GET or HEAD without a session,
CSRF or messages cookie (and without ``Authorization``) is answered from the cache with one cache
round trip: one ``get_many`` of the page's key and the version keys of everything the page showed
(the page's dependencies are remembered per process from the last time the page was read, so they
need not be fetched first). Anyone with those cookies is an editor, or about to be one: their
request goes through the whole stack and is never stored; a page that set a cookie, varies on
``Cookie`` (it read the session) or says ``private``/``no-store`` is never stored either.

**Keys.** While a page is rendered for the cache, every tracked model instance it loads adds its
key (``article:12``, ``person:7``, ``section:3``, ``image:5``...; ``track``) and listing views add
the lists they show (``list:home``, ``list:section:3``, ``list:person:7``, ``list:feeds``,
``list:sitemaps``, ``list:search``...; ``depends_on``). Each key has a version (the time, in ns, it
last changed). The page is stored with the versions it was rendered against; a hit compares them
with the current ones in the same round trip. Saving a model bumps its keys (``watch``): an article
bumps ``article:N`` and the lists it appears in (home, its section, its tags, its entities, feeds,
sitemaps, search), an entity bumps its own key, so only the pages that showed it are rebuilt. Every
page also depends on ``site`` (the navigation: sections). Responses carry the keys in
``Surrogate-Key`` (Fastly, Varnish xkey) and ``Cache-Tag`` (Cloudflare), and ``keys_changed`` is sent
with every bump so a CDN purge can be connected to it.

**Time.** No page outlives the next scheduled publish or expiry (``register_horizon``). Within the
stale window (``NEWSROOM_PAGE_CACHE_STALE_SECONDS``, never past a horizon) an expired page is
served while one request refreshes it; a page whose keys changed is never served again.

**Misses.** One request fills a page (a short ``add()`` lock); the others wait up to
``NEWSROOM_PAGE_CACHE_FILL_WAIT`` seconds for its copy, then render themselves.

Query strings are normalised in the key: tracking parameters (``utm_*``, ``fbclid``...) are dropped
and the rest sorted.
"""

import hashlib
import logging
import math
import time
from contextlib import contextmanager
from contextvars import ContextVar
from email.utils import formatdate
from urllib.parse import parse_qsl, urlencode

import django.dispatch
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from newsroom.aftercommit import gather
from newsroom.db_router import note_change_position

logger = logging.getLogger(__name__)

PAGE_PREFIX = "newsroom:pg:"
VERSION_PREFIX = "newsroom:pv:"
#: Every page depends on it: the navigation (sections) shows on every page.
SITE_KEY = "site"
# Never cached, for anyone: the editors' workplace, previews, health checks, files.
UNCACHED_PREFIXES = ("/admin/", "/preview/", "/healthz", "/readyz", "/metrics", "/static/", "/media/")
# Query parameters that never change a page: dropped from the key.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "ttclid",
        "li_fat_id",
        "mkt_tok",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "ref",
        "ref_src",
        "ref_url",
        "source",
        "si",
    }
)
# Entry layout (a tuple pickles and loads faster than a response object).
_FORMAT = 2
MEMO_SIZE = 20_000
# More keys than this on one page: the page depends on its lists only (see store_page).
MAX_KEYS = 300
POLL_SECONDS = 0.05

#: Sent with ``keys`` (a frozenset of surrogate keys) whenever they change: connect a CDN purge here.
keys_changed = django.dispatch.Signal()
#: Sent with ``path`` each time a page is rendered for the page cache (a miss): counts renders.
page_rendered = django.dispatch.Signal()


def page_cache():
    return caches[getattr(settings, "NEWSROOM_PAGE_CACHE_ALIAS", "default")]


# Horizons -----------------------------------------------------------------------------------------

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


# Keys and versions --------------------------------------------------------------------------------

_collecting: ContextVar[set | None] = ContextVar("newsroom_page_keys", default=None)
#: When the page now being rendered for the cache started (ns), while it is.
_page_started: ContextVar[int | None] = ContextVar("newsroom_page_started", default=None)


def _born(started_ns: int | None = None) -> int:
    """The version a key never bumped (or evicted) gets: older than every render in progress here.

    A key made during a page's render must not look like a change during it (the page would never
    be stored, and every waiting first reader would render it again), so it starts before the page.
    """
    starts = [t for t in (started_ns, _page_started.get()) if t is not None]
    return (min(starts) if starts else time.time_ns()) - 1


_tracked: dict[type, str] = {}


def depends_on(*keys: str) -> None:
    """The page being rendered shows these lists (``list:home``...): a bump of one rebuilds it."""
    found = _collecting.get()
    if found is not None:
        found.update(keys)


def _instance_loaded(sender, instance, **kwargs) -> None:
    found = _collecting.get()
    if found is not None and instance.pk is not None:
        found.add(f"{_tracked[sender]}:{instance.pk}")


def track(model, prefix: str) -> None:
    """A page that loads an instance of MODEL depends on ``PREFIX:<pk>``."""
    from django.db.models.signals import post_init

    _tracked[model] = prefix
    post_init.connect(_instance_loaded, sender=model, dispatch_uid=f"page-cache-track-{model._meta.label}")


def keys_of(*instances) -> list[str]:
    """The keys of tracked instances (``article:12``); ``None`` and untracked objects are skipped."""
    return [
        f"{_tracked[type(obj)]}:{obj.pk}"
        for obj in instances
        if obj is not None and type(obj) in _tracked and obj.pk is not None
    ]


@contextmanager
def collecting_keys(started_ns: int | None = None):
    """Collect the keys of what is loaded (and ``depends_on``) inside the block into a set of its own.

    For caches of parts of a page (``newsroom.fragments``). Nested in a page being rendered for the
    page cache, the page depends on the collected keys too. With ``started_ns`` (when the part's
    render began), a key first made inside the block starts before it, as inside a page.
    """
    outer = _collecting.get()
    found: set[str] = set()
    token = _collecting.set(found)
    started_token = None
    if started_ns is not None:
        started_token = _page_started.set(_born(started_ns) + 1)
    try:
        yield found
    finally:
        _collecting.reset(token)
        if started_token is not None:
            _page_started.reset(started_token)
        if outer is not None:
            outer.update(found)


def versions_before(keys, started_ns: int) -> dict[str, int] | None:
    """The current versions of KEYS for something rendered from ``started_ns`` on; None when one of
    them changed since (what was rendered may show the state before that change).

    A key never bumped (or evicted) starts now, as older than the render.
    """
    store = page_cache()
    version_keys = [VERSION_PREFIX + key for key in keys]
    current = store.get_many(version_keys)
    if len(current) < len(version_keys):
        for missing in set(version_keys) - current.keys():
            store.add(missing, _born(started_ns), timeout=None)
        current = store.get_many(version_keys)
    if len(current) < len(version_keys) or any(int(v) >= started_ns for v in current.values()):
        return None
    return {key: int(current[VERSION_PREFIX + key]) for key in keys}


#: A list key that every change of the objects under a prefix bumps too: a page depending on the
#: list needs no key of its own for each such object (fewer versions to read on a hit).
_covers: dict[str, tuple[str, ...]] = {}


def covers(list_key: str, *prefixes: str) -> None:
    """Every change that alters how a ``PREFIX:<pk>`` object shows on LIST_KEY's pages bumps LIST_KEY."""
    _covers[list_key] = tuple(sorted({*_covers.get(list_key, ()), *(f"{prefix}:" for prefix in prefixes)}))


def version(key: str) -> int:
    """The current version of one key (made when missing), for caches derived from it."""
    store = page_cache()
    value = store.get(VERSION_PREFIX + key)
    if value is None:
        store.add(VERSION_PREFIX + key, _born(), timeout=None)
        value = store.get(VERSION_PREFIX + key) or 0
    return int(value)


def bump(keys) -> None:
    """These keys changed: every page that depends on one of them is out of date.

    A cache server that does not answer must never stop an editor's save: the failure is logged
    (pages then expire on their own after NEWSROOM_PAGE_CACHE_SECONDS).
    """
    keys = frozenset(keys)
    if not keys:
        return
    try:
        # First the primary's WAL position: a page read from a replica short of it is not stored.
        note_change_position()
    except Exception:
        logger.exception("Could not record the primary's position for the replicas.")
    stamp = time.time_ns()
    try:
        page_cache().set_many({VERSION_PREFIX + key: stamp for key in keys}, timeout=None)
    except Exception:
        logger.exception("Could not mark %d page-cache keys changed; pages expire on their own.", len(keys))
    keys_changed.send(sender=bump, keys=keys)


def bump_now_and_on_commit(keys) -> None:
    """Bump now (pages rendered inside this transaction) and once more after it commits.

    However many rows one transaction saves, the keys are gathered into one bump after commit.
    """
    from django.db import transaction

    keys = set(keys)
    if not keys:
        return
    bump(keys)
    if transaction.get_connection().in_atomic_block:
        gather("newsroom.page-cache", [keys], _bump_gathered)


def _bump_gathered(items: list[set]) -> None:
    bump(set().union(*items))


_watched: dict[type, object] = {}


def _model_changed(sender, instance, **kwargs) -> None:
    bump_now_and_on_commit(_watched[sender](instance))


def _m2m_changed(sender, instance, action, model, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    keys = set(_watched[type(instance)](instance)) if type(instance) in _watched else set()
    prefix = _tracked.get(model)
    if prefix:
        keys.update(f"{part}{prefix}:{pk}" for pk in pk_set or () for part in ("", "list:"))
    bump_now_and_on_commit(keys)


def watch(model, keys) -> None:
    """Saving or deleting an instance of MODEL bumps ``keys(instance)`` (an iterable of keys).

    Each app names the models its public pages show, and what each change touches (in its
    ``AppConfig.ready``); this module knows no app's models.
    """
    from django.db.models.signals import m2m_changed, post_delete, post_save

    _watched[model] = keys
    uid = f"page-cache-{model._meta.label}"
    post_save.connect(_model_changed, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(_model_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="page-cache-m2m")


# The key of a request -----------------------------------------------------------------------------


def normalised_query(query_string: str) -> str:
    """The query without tracking parameters, sorted: ``?utm_source=x&b=2&a=1`` -> ``a=1&b=2``."""
    if not query_string:
        return ""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if name.lower() not in TRACKING_NAMES and not name.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlencode(sorted(pairs))


def page_key(request) -> str:
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return PAGE_PREFIX + hashlib.sha256(address.encode()).hexdigest()[:40]


def _bypass_cookies() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages")


def _reader_request(request) -> bool:
    """An anonymous reader's GET or HEAD of a public page: served from and stored in the cache."""
    if request.method not in ("GET", "HEAD") or request.path.startswith(UNCACHED_PREFIXES):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if cookies and any(name in cookies for name in _bypass_cookies()):
        return False
    # Plain HTTP is redirected by the security middleware, inside: never answered from here.
    return not (settings.SECURE_SSL_REDIRECT and not request.is_secure())


# Serving ------------------------------------------------------------------------------------------

#: The keys each page depended on when last read here: a hit fetches their versions with the page.
_memo: dict[str, tuple[str, ...]] = {}


def _remember(key: str, deps) -> None:
    if len(_memo) >= MEMO_SIZE:
        _memo.clear()
    _memo[key] = tuple(deps)


def _versions_match(entry, current: dict) -> bool:
    return all(current.get(VERSION_PREFIX + dep) == stamp for dep, stamp in entry[1].items())


class PublicPageCacheMiddleware:
    """Serve and store whole public pages for anonymous readers; mark editors' pages private.

    Goes before the session, CSRF, authentication and messages middleware: a hit runs none of them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.NEWSROOM_PAGE_CACHE_SECONDS <= 0 or not _reader_request(request):
            return self._passed_through(request)
        try:
            key = page_key(request)
        except DisallowedHost:
            return self.get_response(request)  # the stack answers 400
        try:
            store = page_cache()
            deps = _memo.get(key, ())
            found = store.get_many([key, *(VERSION_PREFIX + dep for dep in deps)])
        except Exception:
            # The cache server is down: readers still get the page, built for them.
            logger.warning("Page cache unavailable; serving %s uncached.", request.path, exc_info=True)
            return self._passed_through(request)
        entry = found.pop(key, None)
        if entry is not None and entry[0] == _FORMAT:
            missing = [VERSION_PREFIX + dep for dep in entry[1] if dep not in deps]
            if missing:  # first read of this page in this process: one more trip, then remembered
                try:
                    found.update(store.get_many(missing))
                except Exception:
                    return self._passed_through(request)
                _remember(key, entry[1])
            if _versions_match(entry, found):
                now = time.time()
                if now < entry[3]:
                    return self._answer(request, entry, "hit")
                if now < entry[4]:  # expired, nothing changed: one request refreshes, others get this
                    try:
                        refresh = store.add(key + ":fill", 1, timeout=self._lock_seconds())
                    except Exception:
                        refresh = True
                    if not refresh:
                        return self._answer(request, entry, "stale")
                    return self._fill(request, key, locked=True)
        return self._single_flight(request, key, entry)

    # -- misses

    @staticmethod
    def _lock_seconds() -> int:
        return max(2, math.ceil(settings.NEWSROOM_PAGE_CACHE_FILL_WAIT * 2))

    def _single_flight(self, request, key, old_entry):
        """One request renders the page; the others wait briefly for its copy."""
        store = page_cache()
        lock = key + ":fill"
        try:
            old = old_entry[2] if old_entry else None
            if store.add(lock, 1, timeout=self._lock_seconds()):
                entry = store.get(key)
                if entry is not None and entry[0] == _FORMAT and entry[2] != old:
                    store.delete(lock)  # filled just before the lock was taken
                    return self._answer(request, entry, "hit")
                return self._fill(request, key, locked=True)
            deadline = time.monotonic() + settings.NEWSROOM_PAGE_CACHE_FILL_WAIT
            while time.monotonic() < deadline:
                time.sleep(POLL_SECONDS)
                found = store.get_many([key, lock])
                entry = found.get(key)
                if entry is not None and entry[0] == _FORMAT and entry[2] != old:
                    return self._answer(request, entry, "hit")
                if lock not in found:
                    break  # the filler finished without storing (a 404, a cookie): render here
        except Exception:
            logger.warning("Page cache unavailable; serving %s uncached.", request.path, exc_info=True)
            return self.get_response(request)
        return self._fill(request, key, locked=False)

    def _fill(self, request, key, *, locked: bool):
        try:
            started = time.time_ns()
            token, started_token = _collecting.set(set()), _page_started.set(started)
            try:
                response = self.get_response(request)
                keys = _collecting.get()
            finally:
                _collecting.reset(token)
                _page_started.reset(started_token)
            page_rendered.send(sender=PublicPageCacheMiddleware, path=request.path)
            if not self._storable(request, response):
                if getattr(request, "user", None) is not None and request.user.is_authenticated:
                    patch_cache_control(response, private=True, no_store=True)
                return response
            entry = store_page(key, request, response, keys, started)
        finally:
            if locked:  # only once the copy is stored: a request arriving now finds it
                try:
                    page_cache().delete(key + ":fill")
                except Exception:
                    logger.warning("Page cache unavailable; the fill lock of %s expires.", request.path)
        if entry is None:
            return response
        return self._answer(request, entry, "miss")

    # -- answers

    def _answer(self, request, entry, outcome: str):
        _format, _versions, created, fresh_until, stale_until, status, headers, content = entry
        response = HttpResponse(content, status=status, headers=headers)
        now = time.time()
        response["Cache-Control"] = cache_control(fresh_until - now, stale_until - now)
        response["X-Page-Cache"] = outcome
        meta = request.META
        if "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta:
            return get_conditional_response(
                request, etag=response["ETag"], last_modified=int(created / 1e9), response=response
            )
        return response

    def _passed_through(self, request):
        response = self.get_response(request)
        personal = request.method not in ("GET", "HEAD") or (
            getattr(request, "user", None) is not None and request.user.is_authenticated
        )
        uncached_path = request.path.startswith(UNCACHED_PREFIXES)
        if (personal and not uncached_path) or request.path.startswith("/preview/"):
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def _storable(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        if "cookie" in response.get("Vary", "").lower():
            return False  # the page read the session: it may be someone's own
        control = response.get("Cache-Control", "")
        return "private" not in control and "no-store" not in control and "no-cache" not in control


def cache_control(fresh: float, stale: float) -> str:
    """``public, max-age, s-maxage`` for what is left of a page's time, and ``stale-while-revalidate``
    for what is left of its stale window (a CDN may serve its copy while it refreshes, never past
    the stale limit or a horizon)."""
    fresh, stale = max(0, int(fresh)), max(0, int(stale))
    s_maxage = min(settings.NEWSROOM_CACHE_S_MAXAGE, fresh)
    value = f"public, max-age={min(settings.NEWSROOM_CACHE_MAX_AGE, fresh)}, s-maxage={s_maxage}"
    if stale - s_maxage > 0:
        value += f", stale-while-revalidate={stale - s_maxage}"
    return value


_KEPT_OUT = {"cache-control", "x-page-cache", "x-request-id", "set-cookie", "date"}


def store_page(key: str, request, response, keys: set, started_ns: int):
    """Keep a reader's page with the versions of the keys it depends on; the entry, or None.

    The one place pages are written. A page is not kept when one of its keys changed while it was
    being rendered (it may show the state before that change).
    """
    seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
    covered = tuple(prefix for key in keys if key in _covers for prefix in _covers[key])
    if covered:
        keys = {key for key in keys if not key.startswith(covered)}
    if len(keys) > MAX_KEYS:
        # A page of thousands of rows (a sitemap): its lists are bumped by any change to them.
        keys = {key for key in keys if key.startswith("list:")}
    deps = sorted({SITE_KEY, *keys})
    store = page_cache()
    try:
        versions = versions_before(deps, started_ns)
        if versions is None:
            return None
        # An expiry or a scheduled publish at 10:00 must show at 10:00, cron or not.
        stale_limit = settings.NEWSROOM_PAGE_CACHE_STALE_SECONDS
        horizon = seconds_until_next_change(seconds + stale_limit)
    except Exception:
        logger.warning("Page cache unavailable; %s not stored.", request.path, exc_info=True)
        return None
    fresh = min(seconds, horizon)
    stale = min(stale_limit, horizon - fresh)
    now = time.time()
    response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["Last-Modified"] = formatdate(started_ns / 1e9, usegmt=True)
    response["Surrogate-Key"] = " ".join(deps)
    response["Cache-Tag"] = ",".join(deps)
    # Editors send a session cookie: a CDN must not hand them a reader's copy, nor the reverse.
    patch_vary_headers(response, ["Cookie"])
    headers = {name: value for name, value in response.items() if name.lower() not in _KEPT_OUT}
    entry = (_FORMAT, versions, started_ns, now + fresh, now + fresh + stale, 200, headers, response.content)
    try:
        store.set(key, entry, timeout=fresh + stale)
    except Exception:
        logger.warning("Page cache unavailable; %s not stored.", request.path, exc_info=True)
        return None
    _remember(key, deps)
    return entry
