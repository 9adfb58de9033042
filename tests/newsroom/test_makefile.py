"""The newcomer's commands: `make run PORT=8001` serves where it says, `make setup` says each step."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def planned(*args: str) -> str:
    """What make would run (``make -n``: nothing is executed)."""
    return subprocess.run(
        ["make", "-n", "-B", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def test_make_run_port_serves_and_prints_that_port():
    plan = planned("run", "PORT=8001")
    assert "manage.py runserver 127.0.0.1:8001" in plan
    assert "manage.py load_demo --demo-user --address 127.0.0.1:8001" in plan
    assert "8000" not in plan


def test_make_run_defaults_to_port_8000():
    assert "manage.py runserver 127.0.0.1:8000" in planned("run")


def test_make_setup_names_each_step_and_keeps_pip_quiet():
    plan = planned("setup")
    steps = [line for line in plan.splitlines() if line.startswith('echo "setup: ')]
    assert len(steps) >= 4  # python check, venv, pip, packages
    assert all("--quiet" in line for line in plan.splitlines() if "pip install" in line)
