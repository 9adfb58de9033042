"""Every log line has a time, a level and the request's id; the response and the request's tasks too."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.signals import request_finished
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from newsroom.request_id import RequestIdMiddleware
from tests.newsroom.ops_support import database_url, log_a_line

ROOT = Path(__file__).resolve().parents[2]
# time level request_id logger message
LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} (?P<level>[A-Z]+) (?P<id>\S+) (?P<logger>\S+) (?P<msg>.*)$"
)


@contextmanager
def console_log():
    """What the configured console handler (settings.LOGGING) writes, read from a buffer."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        yield buffer
    finally:
        handler.setStream(previous)


def through_middleware(view, request_id: str) -> None:
    """One request through the request-id middleware, finished the way Django's handler finishes it."""
    request = RequestFactory().get("/", headers={"X-Request-ID": request_id})
    RequestIdMiddleware(view)(request)
    request_finished.send(sender=None)


def _lines(buffer) -> list[dict]:
    return [m.groupdict() for m in map(LINE.match, buffer.getvalue().splitlines()) if m]


@pytest.mark.django_db
def test_the_response_carries_a_new_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


@pytest.mark.django_db
def test_the_proxy_request_id_is_kept_when_sane_and_replaced_when_not(client):
    assert client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.91:2"})["X-Request-ID"] == "lb-7f3a.91:2"
    forged = client.get("/healthz", headers={"X-Request-ID": "x\u2028INFO fake line" + "a" * 200})
    assert re.fullmatch(r"[0-9a-f]{32}", forged["X-Request-ID"])


@pytest.mark.django_db
def test_log_lines_of_a_request_have_time_level_and_its_id(client):
    with console_log() as buffer:
        response = client.get("/no-such-page-here/", headers={"X-Request-ID": "req-404-test"})
    assert response.status_code == 404
    lines = [line for line in _lines(buffer) if line["logger"] == "django.request"]
    assert lines, buffer.getvalue()
    assert lines[0]["level"] == "WARNING"
    assert lines[0]["id"] == "req-404-test"
    assert "/no-such-page-here/" in lines[0]["msg"]


def test_a_line_outside_any_request_has_a_dash_for_its_id():
    with console_log() as buffer:
        logging.getLogger("tests.ops").warning("no request here")
    assert _lines(buffer)[-1]["id"] == "-"


@pytest.mark.django_db
def test_a_task_run_by_the_immediate_backend_logs_the_request_id():
    def view(request):
        log_a_line.enqueue(text="inside")
        return HttpResponse("queued")

    with console_log() as buffer:
        through_middleware(view, "req-immediate-1")
    task_lines = [line for line in _lines(buffer) if line["msg"] == "task says inside"]
    assert [line["id"] for line in task_lines] == ["req-immediate-1"]


@pytest.mark.django_db(transaction=True)
def test_a_task_run_by_a_database_worker_logs_the_request_id(settings):
    """Queued in PostgreSQL during a request, run later by `manage.py db_worker` in another process."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def view(request):
        log_a_line.enqueue(text="from the worker")
        return HttpResponse("queued")

    through_middleware(view, "req-worker-42")

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url(connection.settings_dict),
        "NEWSROOM_TASKS": "database",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_LOG_LEVEL": "INFO",
    }
    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stderr
    output = io.StringIO(worker.stderr + worker.stdout)
    task_lines = [line for line in _lines(output) if line["msg"] == "task says from the worker"]
    assert [line["id"] for line in task_lines] == ["req-worker-42"], worker.stderr


def test_json_log_lines(tmp_path):
    """NEWSROOM_LOG_FORMAT=json: one JSON object a line, with the same fields."""
    script = (
        "import django, logging; django.setup();"
        "from newsroom.request_id import _request_id;"
        "_request_id.set('req-json-1');"
        "logging.getLogger('newsroom.test').warning('hello %s', 'json')"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "NEWSROOM_LOG_FORMAT": "json",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/unused",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["level"] == "WARNING"
    assert entry["request_id"] == "req-json-1"
    assert entry["logger"] == "newsroom.test"
    assert entry["message"] == "hello json"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", entry["time"])
