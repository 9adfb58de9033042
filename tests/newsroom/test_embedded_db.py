"""The embedded PostgreSQL never locks a newcomer out, whatever was killed while it started."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from newsroom.embedded_db import PIDS_FILE, repair_pid_list

ROOT = Path(__file__).resolve().parents[2]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.parametrize("content", ["", "{not json", '{"a": 1}', "[1, "])
def test_an_empty_or_corrupt_process_list_is_repaired(tmp_path, content):
    (tmp_path / PIDS_FILE).write_text(content)
    assert repair_pid_list(tmp_path) == []
    assert json.loads((tmp_path / PIDS_FILE).read_text()) == []


def test_dead_processes_leave_the_list_and_live_ones_stay(tmp_path):
    dead = _dead_pid()
    (tmp_path / PIDS_FILE).write_text(json.dumps([os.getpid(), dead]))
    assert repair_pid_list(tmp_path) == [os.getpid()]
    assert repair_pid_list(tmp_path, drop=os.getpid()) == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manage(env, *args, timeout=120):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.slow
def test_stopping_the_dev_server_while_commands_start_leaves_everything_working(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(NEWSROOM_VAR_DIR=str(tmp_path / "var"), DJANGO_DEBUG="1", PYTHONUNBUFFERED="1")
    first = _manage(env, "migrate", "--noinput", timeout=300)
    assert first.returncode == 0, first.stderr
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    quiet = {"cwd": ROOT, "env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    commands = [
        subprocess.Popen([sys.executable, "manage.py", "migrate", "--plan"], **quiet) for _ in range(3)
    ]
    time.sleep(0.5)
    server.send_signal(signal.SIGTERM)  # Ctrl-C'd `make run`, mid-way through the others' start-up
    server.wait(timeout=30)
    for command in commands:
        command.wait(timeout=120)
    # The worst case seen: a process killed while pgserver rewrote its list left it empty.
    (tmp_path / "var" / "postgres" / PIDS_FILE).write_text("")

    after = _manage(env, "migrate", "--plan")
    assert after.returncode == 0, after.stderr
    assert "JSONDecodeError" not in after.stderr
    listed = json.loads((tmp_path / "var" / "postgres" / PIDS_FILE).read_text())
    assert all(isinstance(pid, int) for pid in listed) and len(listed) <= 1

    # And the dev server (what `make run` ends in) starts again and answers.
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and status is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                    status = response.status
            except OSError:
                time.sleep(0.5)
        assert status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
        pid_file = tmp_path / "var" / "postgres" / "postmaster.pid"
        if pid_file.exists():
            os.kill(int(pid_file.read_text().splitlines()[0]), signal.SIGINT)
