"""Settings fail closed, with a message that names the variable to fix."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_non_postgresql_database_url_is_refused():
    result = _manage("check", DATABASE_URL="sqlite:///var/db.sqlite3", DJANGO_DEBUG="1")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "PostgreSQL" in result.stderr
    assert "Traceback" not in result.stderr


def test_mysql_database_url_is_refused():
    result = _manage("check", DATABASE_URL="mysql://root@127.0.0.1:3306/test", DJANGO_DEBUG="1")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_production_without_secret_key_stops_with_its_name():
    result = _manage("check", DJANGO_ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_without_allowed_hosts_stops_with_its_name():
    result = _manage("check", DJANGO_SECRET_KEY="k" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_settings_with_both_set_start():
    result = _manage("check", DJANGO_SECRET_KEY="k" * 50, DJANGO_ALLOWED_HOSTS="news.example.org")
    assert result.returncode == 0, result.stderr


def _reachable_database_url() -> str:
    """DATABASE_URL naming the test run's own database (Django's checks of a generated column ask the
    server its version, so the check needs a database that exists); empty for the embedded one."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return ""
    return urlunsplit(urlsplit(url)._replace(path="/" + connection.settings_dict["NAME"]))


@pytest.mark.django_db
def test_deploy_check_has_no_warning_with_the_documented_production_environment():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x9Q2" * 10,
        DJANGO_ALLOWED_HOSTS="news.example.org",
        DATABASE_URL=_reachable_database_url(),
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
