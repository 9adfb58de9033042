"""Two nodes running the deploy's migrate step at once: both exit 0, the schema is applied once."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.newsroom.ops_support import database_url

ROOT = Path(__file__).resolve().parents[2]


def _connect(settings_dict, dbname):
    return psycopg.connect(
        dbname=dbname,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        autocommit=True,
    )


@pytest.fixture
def private_database(django_db_blocker):
    """An empty database of the test's own on the same server, dropped afterwards."""
    with django_db_blocker.unblock():
        settings_dict = connection.settings_dict
    name = f"newsroom_migrate_{uuid.uuid4().hex[:10]}"
    with _connect(settings_dict, "postgres") as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield settings_dict, name
    with _connect(settings_dict, "postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _migrate(command: str, url: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", command, "--noinput"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_concurrent_locked_migrations_both_succeed(private_database):
    settings_dict, name = private_database
    url = database_url(settings_dict, name)

    nodes = [_migrate("migrate_locked", url), _migrate("migrate_locked", url)]
    outcomes = [(*node.communicate(timeout=540), node.returncode) for node in nodes]

    for _stdout, stderr, code in outcomes:
        assert code == 0, stderr
        assert "Traceback" not in stderr
    with _connect(settings_dict, name) as db:
        applied = db.execute("SELECT app, name, count(*) FROM django_migrations GROUP BY 1, 2").fetchall()
        tables = db.execute("SELECT count(*) FROM pg_tables WHERE tablename = %s", ["articles_article"])
        tables = tables.fetchone()[0]
    assert applied and all(count == 1 for _, _, count in applied)
    assert tables == 1
    # One node applied the migrations; the other found nothing left to do.
    assert sum("No migrations to apply" in stdout for stdout, _, _ in outcomes) == 1
