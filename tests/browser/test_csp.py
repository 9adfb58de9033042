"""The Content-Security-Policy is on every page and breaks nothing, in Chromium.

Chromium reports every blocked script, style or picture as a console error starting with
"Refused to"; the pages (and the admin's rich-text editor) must load with none.
"""

import pytest
from django.contrib.auth.models import User

from tests.browser.chromium import BROWSER_TESTS
from tests.browser.pages import build_site

pytestmark = BROWSER_TESTS


def _watch(page) -> list[str]:
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda error: refused.append(str(error)))
    return refused


@pytest.mark.django_db(transaction=True)
def test_public_pages_and_the_editor_load_under_the_policy(live_server, browser):
    paths = build_site()
    page = browser.new_page()
    refused = _watch(page)
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "object-src 'none'" in policy, path
        assert "unsafe-inline" not in policy, path
    assert refused == []
    # The article page's JSON-LD carries the nonce its own response's policy names.
    response = page.goto(f"{live_server.url}{paths[1]}")
    nonce = response.headers["content-security-policy"].split("'nonce-")[1].split("'")[0]
    # (Browsers hide a nonce from the DOM once the page has loaded; the HTML carries it.)
    assert f'<script type="application/ld+json" nonce="{nonce}">' in response.text()

    User.objects.create_superuser("chief", "chief@example.org", "chief-secret-pw-42")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-secret-pw-42")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    response = page.goto(f"{live_server.url}/admin/articles/article/add/")
    assert "content-security-policy" in response.headers
    editor = page.locator(".field-body .ProseMirror >> visible=true").first
    editor.click()
    page.keyboard.type("Typed under a strict policy.")
    assert "Typed under a strict policy." in editor.inner_text()
    page.goto(f"{live_server.url}/admin/articles/article/")
    assert refused == []
