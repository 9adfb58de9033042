"""DATABASE_PGBOUNCER=1: settings that work behind PgBouncer in transaction pooling."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json; from django.conf import settings; d = settings.DATABASES['default'];"
    "print(json.dumps({'age': d['CONN_MAX_AGE'], 'cursors': d.get('DISABLE_SERVER_SIDE_CURSORS', False)}))"
)


def _database_settings(**env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW],
        env={
            **clean,
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": "postgres://newsroom@127.0.0.1:6432/newsroom",
            **env,
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_behind_pgbouncer_no_persistent_connections_and_no_server_side_cursors():
    assert _database_settings(DATABASE_PGBOUNCER="1") == {"age": 0, "cursors": True}


def test_direct_to_postgresql_connections_are_kept_for_a_minute():
    assert _database_settings() == {"age": 60, "cursors": False}
    assert _database_settings(DATABASE_CONN_MAX_AGE="0") == {"age": 0, "cursors": False}


def test_an_unknown_log_format_is_refused_with_its_name():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env={**clean, "DJANGO_DEBUG": "1", "NEWSROOM_LOG_FORMAT": "xml"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "NEWSROOM_LOG_FORMAT" in result.stderr
    assert "Traceback" not in result.stderr
