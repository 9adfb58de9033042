"""No serious or critical axe-core violations on any page type, at 360 px and at desktop width."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.pages import build_site

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "browser" / "axe.mjs"

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_no_serious_accessibility_violations(live_server):
    if not Path("/usr/bin/chromium").exists() or not shutil.which("node"):
        pytest.skip("Chromium or Node is missing; run make setup")
    if not (ROOT / "node_modules" / "@axe-core" / "playwright").exists():
        pytest.skip("axe-core is not installed; run make setup (npm ci)")
    urls = [live_server.url + path for path in build_site()]
    env = {**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
    result = subprocess.run(
        ["node", str(SCRIPT), *urls], capture_output=True, text=True, timeout=300, cwd=ROOT, env=env
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report) == 2 * len(urls)
    serious = {}
    for page, violations in report.items():
        bad = [v for v in violations if v["impact"] in ("serious", "critical")]
        if bad:
            serious[page] = [f"{v['id']} ({v['impact']}): {v['help']} {v['targets']}" for v in bad]
    assert not serious, json.dumps(serious, indent=2)
