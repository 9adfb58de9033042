"""Parts of pages rendered once and kept until something they show changes.

A fragment (an article's body and entity block, its related list...) is kept with the versions of
the page-cache keys it depends on (``newsroom.cache``): every tracked instance loaded while it was
rendered (``article:12``, ``person:7``, ``tag:3``...) and every key named with ``depends_on``
(``related:12``). A read fetches the fragment and the current versions of those keys in one cache
round trip (the keys are remembered per process, like the page cache's) and uses the fragment only
when none changed; so a rename, an edit or an unpublished story shows on the very next render. A
render may also say how long its fragment stays true (a story in it that expires at 10:00).

The page being rendered depends on the fragment's keys too, whether the fragment was rendered or
read: a cached page is rebuilt by the same changes. Never used for previews (callers pass
``cache=False``): what an editor previews is neither read from nor written to it.
"""

import hashlib
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import translation

from newsroom.cache import VERSION_PREFIX, collecting_keys, depends_on, page_cache, versions_before

logger = logging.getLogger(__name__)

FRAGMENT_PREFIX = "newsroom:fr:"
_FORMAT = 1
MEMO_SIZE = 20_000

#: The keys each fragment depended on when last read here: a read fetches their versions with it.
_memo: dict[str, tuple[str, ...]] = {}


def fragment_key(name: str, *parts: Any) -> str:
    """The cache key of fragment NAME for PARTS (ids, host...), in the active language."""
    address = "\x1f".join([name, translation.get_language() or "", *(str(part) for part in parts)])
    return FRAGMENT_PREFIX + hashlib.sha256(address.encode()).hexdigest()[:40]


def _remember(key: str, deps) -> None:
    if len(_memo) >= MEMO_SIZE:
        _memo.clear()
    _memo[key] = tuple(deps)


def _read(key: str):
    """The fragment's value when every key it depends on is at the version it was rendered at."""
    store = page_cache()
    deps = _memo.get(key, ())
    found = store.get_many([key, *(VERSION_PREFIX + dep for dep in deps)])
    entry = found.pop(key, None)
    if entry is None or entry[0] != _FORMAT or time.time() >= entry[2]:
        return None
    versions = entry[1]
    missing = [VERSION_PREFIX + dep for dep in versions if dep not in deps]
    if missing:  # first read of this fragment in this process: one more trip, then remembered
        found.update(store.get_many(missing))
        _remember(key, versions)
    if any(found.get(VERSION_PREFIX + dep) != stamp for dep, stamp in versions.items()):
        return None
    return entry


def cached_fragment(key: str, render: Callable[[], tuple[Any, Any]], *, cache: bool = True):
    """The value of the fragment under KEY: kept, or ``render()`` now and kept.

    ``render`` returns ``(value, seconds)``: the value (picklable) and how long at most it stays
    true (None: until a key it depends on changes; a callable: asked only when the value is kept).
    ``cache=False`` renders and keeps nothing.
    """
    seconds = settings.NEWSROOM_FRAGMENT_CACHE_SECONDS
    if not cache or seconds <= 0:
        return render()[0]
    try:
        entry = _read(key)
    except Exception:
        logger.warning("Fragment cache unavailable; rendering %s.", key, exc_info=True)
        entry = None
    if entry is not None:
        depends_on(*entry[1])
        return entry[3]
    started_ns = time.time_ns()
    with collecting_keys(started_ns) as deps:
        value, lifetime = render()
    if callable(lifetime):  # worked out only when the fragment is kept
        lifetime = lifetime()
    if lifetime is not None:
        seconds = min(seconds, lifetime)
    if seconds < 1:
        return value
    try:
        versions = versions_before(sorted(deps), started_ns)
        if versions is not None:  # else something it shows changed while it was rendered
            page_cache().set(key, (_FORMAT, versions, time.time() + seconds, value), timeout=int(seconds))
            _remember(key, versions)
    except Exception:
        logger.warning("Fragment cache unavailable; %s not kept.", key, exc_info=True)
    return value
