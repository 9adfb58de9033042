"""What every browser test shares: Debian's Chromium, launched the one way this machine allows."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test's thread; the ORM calls between steps are safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: ``pytestmark`` of a browser test module: slow (run in CI), and only where Chromium is installed.
BROWSER_TESTS = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's Chromium at /usr/bin/chromium"),
]
