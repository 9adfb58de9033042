"""Who has a change form open: a short-lived note in the cache, shown to the next editor.

Opening a change form records the editor for ``PRESENCE_SECONDS``; saving it clears the note.
It is a courtesy notice, not a lock: conflicts are caught by the version check on save.
"""

import time

from django.core.cache import cache

PRESENCE_SECONDS = 15 * 60


def _key(obj) -> str:
    return f"presence:{obj._meta.label_lower}:{obj.pk}"


def display_name(user) -> str:
    """A person's name as they wrote it in their account ("Sara Ahmadi"), else their username."""
    return user.get_full_name().strip() or user.get_username()


def presence_mark(obj, user) -> None:
    """Note that ``user`` opened ``obj``'s change form now."""
    seen = cache.get(_key(obj)) or {}
    now = time.time()
    seen = {uid: entry for uid, entry in seen.items() if now - entry[1] < PRESENCE_SECONDS}
    seen[user.pk] = (display_name(user), now)  # one entry a person: opening again refreshes it
    cache.set(_key(obj), seen, PRESENCE_SECONDS)


def presence_clear(obj, user) -> None:
    seen = cache.get(_key(obj)) or {}
    if seen.pop(user.pk, None) is not None:
        cache.set(_key(obj), seen, PRESENCE_SECONDS)


def presence_others(obj, user) -> list[tuple[str, int]]:
    """(name, minutes ago) of the other editors who opened ``obj`` recently, most recent first."""
    now = time.time()
    seen = cache.get(_key(obj)) or {}
    latest: dict[str, float] = {}
    for uid, (name, at) in seen.items():
        if uid != user.pk and now - at < PRESENCE_SECONDS:
            latest[name] = max(at, latest.get(name, 0.0))  # one line a name, however often opened
    others = [(name, int((now - at) // 60)) for name, at in latest.items()]
    return sorted(others, key=lambda item: item[1])
