"""The embedded PostgreSQL server used when no DATABASE_URL is set.

The server lives under ``var/postgres`` and is started on demand by the first process that
needs it (``manage.py``, the test run, the dev server). It is left running when that process
exits so the next command reuses it, and its data survives restarts of the machine.
"""

import warnings
from pathlib import Path

DATABASE_NAME = "newsroom"


def embedded_database_settings(var_dir: Path) -> dict:
    """Start (or reuse) the embedded server and return Django ``DATABASES['default']`` settings."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (cron, CI); its fallback is fine.
        warnings.simplefilter("ignore")
        import pgserver

        var_dir.mkdir(parents=True, exist_ok=True)
        # cleanup_mode=None: keep the server running after this process exits, so it is reused.
        server = pgserver.get_server(var_dir / "postgres", cleanup_mode=None)
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
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))
