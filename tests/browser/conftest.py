"""The ``browser`` fixture: one Chromium per test, never a downloaded browser."""

import pytest
from django.db import connections

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # The ORM opened its own connection inside Playwright's context; close it before the test
        # database is dropped.
        connections.close_all()
