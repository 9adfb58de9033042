"""Work gathered while a transaction runs and done once, after it commits.

Several saves in one request often say the same thing ("article 7 changed", "organization 3 was
renamed"). :func:`gather` collects what each of them says under one key, and one after-commit
callback per key and transaction receives everything gathered. Outside a transaction the work is
done at once. A savepoint rolled back drops the callback only when it held every call of the key
(an item gathered inside a rolled-back savepoint may still be passed on: derived work is redone,
never lost).
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction


class _Gathered:
    """The after-commit callback of a key: what was gathered, and what to do with it."""

    def __init__(self, key: str, then: Callable[[list], Any], items: list):
        self.key = key
        self.then = then
        self.items = items
        self.pending = True

    def __call__(self) -> None:
        if self.pending:
            self.pending = False
            self.then(self.items)

    def __repr__(self) -> str:
        return f"<gathered {self.key}: {len(self.items)} item(s){'' if self.pending else ', handed on'}>"


def gather(key: str, items: Iterable, then: Callable[[list], Any], *, using: str | None = None) -> None:
    """Add ``items`` to what KEY has gathered in this transaction; ``then(items)`` runs once after commit.

    ``then`` must be the same function for every call with one key.
    """
    items = list(items)
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        then(items)
        return
    earlier = None
    for savepoints, callback, _robust in reversed(connection.run_on_commit):
        if isinstance(callback, _Gathered) and callback.key == key:
            if callback.pending:
                earlier = (savepoints, callback)
            break
    gathered = _Gathered(key, then, items)
    if earlier is not None:
        # The latest call takes over what was gathered before (the earlier callback does nothing),
        # so the work is registered where the last write was made, as a plain on_commit would be.
        savepoints, callback = earlier
        callback.items.extend(items)
        gathered.items = callback.items
        callback.pending = False
    transaction.on_commit(gathered, using=using)
    if earlier is not None:
        # Dropped only with a savepoint that held the earlier calls too: narrow the savepoints
        # recorded with it (Django keeps them beside each callback) to those shared by both.
        connection.run_on_commit[-1][0].intersection_update(savepoints)
