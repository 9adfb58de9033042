"""The hostile suite's browser test uses the shared Chromium fixture of the browser tests."""

from tests.browser.conftest import browser  # noqa: F401
