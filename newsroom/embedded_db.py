"""The embedded PostgreSQL server used when no DATABASE_URL is set.

The server lives under ``var/postgres`` and is started on demand by the first process that
needs it (``manage.py``, the test run, the dev server). It is left running when that process
exits so the next command reuses it, and its data survives restarts of the machine.

pgserver keeps a list of the processes using the server in ``var/postgres/.handle_pids.json``,
written without an atomic rename: a process killed while writing it left an empty file, and every
later command then died with a ``JSONDecodeError``. So start-up here runs under a file lock of
our own, repairs that file (empty, corrupt, or naming dead processes) with an atomic write, and
takes this process off the list at once: the server is never stopped from Python
(``cleanup_mode=None``), so the list is only bookkeeping, and it no longer grows with every
process killed before it exits.
"""

import atexit
import fcntl
import json
import os
import tempfile
import time
import warnings
from contextlib import contextmanager, suppress
from pathlib import Path

DATABASE_NAME = "newsroom"
PIDS_FILE = ".handle_pids.json"
LOCK_FILE = "postgres.lock"
START_ATTEMPTS = 3


@contextmanager
def _start_up_lock(var_dir: Path):
    """One process at a time starts the server or touches its bookkeeping (released even if killed)."""
    with open(var_dir / LOCK_FILE, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_atomically(path: Path, text: str) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def repair_pid_list(pgdata: Path, *, drop: int | None = None) -> list[int]:
    """Rewrite pgserver's process list with only live processes (and without ``drop``).

    An empty or unreadable file is treated as an empty list. Returns the list written.
    """
    path = pgdata / PIDS_FILE
    if not pgdata.exists():
        return []
    try:
        values = json.loads(path.read_text()) if path.exists() else []
    except (OSError, ValueError):
        values = None
    if not isinstance(values, list):
        values = None  # empty, corrupt or not a list: rewritten below
    kept = [pid for pid in values or [] if isinstance(pid, int) and pid != drop and _pid_alive(pid)]
    if values is None or kept != values:
        _write_atomically(path, json.dumps(kept))
    return kept


def _start(pgserver, pgdata: Path, attempts: int = START_ATTEMPTS):
    """pgserver's server handle, retried: on a busy machine ``pg_ctl start`` can outlast pgserver's
    10-second wait while the server is still coming up; the next attempt then finds it running."""
    for attempt in range(1, attempts + 1):
        repair_pid_list(pgdata)
        try:
            # cleanup_mode=None: keep the server running after this process exits, so it is reused.
            server = pgserver.get_server(pgdata, cleanup_mode=None)
        except Exception:
            # pgserver keeps the half-made handle and its exit hook: drop both before trying again.
            failed = pgserver.PostgresServer._instances.pop(pgdata.resolve(), None)
            if failed is not None:
                atexit.unregister(failed._cleanup)
            if attempt == attempts:
                raise
            time.sleep(2 * attempt)
            continue
        # This process never stops the server: leave the list now, not at exit (if ever).
        atexit.unregister(server._cleanup)
        repair_pid_list(pgdata, drop=os.getpid())
        return server
    raise AssertionError("unreachable")


def embedded_database_settings(var_dir: Path) -> dict:
    """Start (or reuse) the embedded server and return Django ``DATABASES['default']`` settings."""
    var_dir.mkdir(parents=True, exist_ok=True)
    pgdata = var_dir / "postgres"
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (cron, CI); its fallback is fine.
        warnings.simplefilter("ignore")
        import pgserver

        with _start_up_lock(var_dir):
            server = _start(pgserver, pgdata)
    info = server.get_postmaster_info()
    socket_dir = str(info.socket_dir)
    _create_database_if_missing(socket_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": socket_dir,
        "PORT": str(info.port or ""),
    }


def _create_database_if_missing(socket_dir: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            # Another process may create it between our check and our CREATE.
            with suppress(psycopg.errors.DuplicateDatabase):
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))
