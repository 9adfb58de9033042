"""Progress bars for long management commands: shown in a terminal, silent under cron."""

import sys
from collections.abc import Iterable, Iterator

from tqdm import tqdm


def progress[T](items: Iterable[T], *, total: int | None = None, desc: str = "", stream=None) -> Iterator[T]:
    """Iterate ``items`` with a progress bar on stderr when stderr is a terminal, plainly otherwise.

    Commands pass their own ``self.stderr._out`` as ``stream`` when they have one; a bar is drawn
    only on a TTY, so cron mail and CI logs stay clean.
    """
    stream = stream or sys.stderr
    is_tty = bool(getattr(stream, "isatty", lambda: False)())
    return iter(tqdm(items, total=total, desc=desc, file=stream, disable=not is_tty, leave=False))
