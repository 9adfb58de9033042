"""The browser half of the XSS suite: the corpus, written through the models and through every
importer, opened in Chromium page by page (public pages, listings, entity pages, search, feeds,
the admin's lists and change forms with the rich-text editor). Every payload, if it ever ran,
would open a dialog or set ``window.__xss``: a dialog handler counts dialogs (and dismisses
them), and after each page the marker is read. Both stay at zero. Each HTML page the browser got
is also checked for executable forms, like the fast half does with the test client."""

import re

import pytest
from django.contrib.auth.models import User

from tests.browser.chromium import BROWSER_TESTS
from tests.hostile.corpus import build_imported_corpus, build_model_corpus, executable_forms

pytestmark = BROWSER_TESTS

#: Pages made from one template per record (an article, a person…) are sampled; listings,
#: feeds and the admin lists, which show every record, are all opened.
RECORD_PAGE = re.compile(r"^/(articles|people|organizations|events|search)/.+|^/admin/.+/change/$")
STRIDE = 3


def _sample(paths: list[str]) -> list[str]:
    records = [p for p in paths if RECORD_PAGE.match(p)]
    return [p for p in paths if not RECORD_PAGE.match(p)] + records[::STRIDE]


@pytest.mark.django_db(transaction=True)
def test_no_payload_runs_in_chromium(live_server, browser, tmp_path):
    model = build_model_corpus()
    imported = build_imported_corpus(tmp_path)
    User.objects.create_superuser("chief", "chief@example.org", "chief-secret-pw-42")

    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    ran, served = [], []

    def visit(path: str) -> None:
        response = page.goto(f"{live_server.url}{path}", wait_until="load")
        assert response.status == 200, path
        page.wait_for_timeout(30)  # an onerror of a broken picture fires just after load
        if page.evaluate("() => window.__xss === 1 || (window.top && window.top.__xss === 1)"):
            ran.append(path)
        if "html" in (response.headers.get("content-type") or ""):
            served.extend(f"{path}: {found}" for found in executable_forms(response.text()))

    public = _sample(model.public) + _sample(imported.public)
    for path in dict.fromkeys(public):
        visit(path)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-secret-pw-42")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    admin = _sample(model.admin) + _sample(imported.admin)
    for path in dict.fromkeys(admin):
        visit(path)
    # The change form's rich-text editor really shows the body it was given.
    page.goto(f"{live_server.url}{next(p for p in model.admin if '/article/' in p and 'change' in p)}")
    assert "opens the story" in page.locator(".field-body .ProseMirror >> visible=true").first.inner_text()

    assert dialogs == []
    assert ran == []
    assert served == []
    assert len(public) + len(admin) > 200
