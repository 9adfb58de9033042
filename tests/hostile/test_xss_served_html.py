"""The fast half of the XSS suite: every page that shows an editor's words serves no executable form
of any payload (no script element with code, no ``on…=`` attribute, no ``javascript:`` address, no
frame or foreign content), whether the words came through the models or through an importer.
Feeds are read as what a feed reader renders: the HTML inside each entry is checked the same way.
The browser half (tests/hostile/test_xss_browser.py) opens the same pages in Chromium."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.hostile.corpus import build_imported_corpus, build_model_corpus, executable_forms, payloads


@pytest.fixture(scope="module")
def corpora(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        model = build_model_corpus()
        User.objects.create_superuser("chief", "chief@example.org", "pw")
    yield {"model": model}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def test_the_corpus_has_at_least_sixty_payloads():
    assert len(payloads()) >= 60
    assert len(set(payloads())) == len(payloads())


def _feed_html(response) -> list[str]:
    """The HTML a feed reader would render from each entry."""
    if "json" in response["Content-Type"]:
        items = json.loads(response.content)["items"]
        return [item.get("content_html", "") for item in items]  # "summary" is plain text in JSON Feed
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    return [
        element.text or ""
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in ("description", "content", "summary")
        and element.get("type") not in ("plain", "text")  # media:description, Atom text: not HTML
    ]


def _check(client, url) -> list[str]:
    response = client.get(url, follow=True)  # a listing's ?page=N answers with its cursor page
    assert response.status_code == 200, url
    kind = response["Content-Type"]
    if "html" in kind:
        return [f"{url}: {found}" for found in executable_forms(response.content.decode())]
    problems = []
    if "/feed" in url:
        for html in _feed_html(response):
            problems += [f"{url}: {found}" for found in executable_forms(html)]
    return problems


@pytest.mark.django_db
def test_public_pages_serve_no_executable_payload(corpora):
    client, problems = Client(), []
    for url in corpora["model"].public:
        problems += _check(client, url)
    assert problems == []


@pytest.mark.django_db
def test_admin_lists_and_change_forms_serve_no_executable_payload(corpora):
    client, problems = Client(), []
    client.force_login(User.objects.get(username="chief"))
    for url in corpora["model"].admin:
        problems += _check(client, url)
    assert problems == []


@pytest.mark.django_db
def test_the_payloads_are_shown_as_text_where_they_were_typed(corpora):
    """Escaping, not dropping: a headline with markup in it reads as the editor typed it."""
    page = Client().get("/articles/xss-0/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    search = Client().get("/search/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").content.decode()
    assert "<script>alert(1)" not in search


@pytest.mark.django_db
def test_every_importer_stores_the_payloads_as_text_or_refuses_them_with_a_line(tmp_path):
    """JSON Lines, Markdown and plain text, and import_entities: what is stored serves nothing that
    runs (checked on one page of each kind here; the browser test opens them all), and what is
    refused is refused with ``file:line: field: message``."""
    imported = build_imported_corpus(tmp_path)
    for messages in imported.refused.values():
        for text in messages:
            lines = [line for line in text.splitlines() if line.strip()]
            assert lines and all(re.match(r"^\S+:\d+: [\w\[\].]+: ", line) for line in lines), text
    client, problems = Client(), []
    for url in [u for u in imported.public if not u.startswith(("/articles/", "/people/", "/events/"))]:
        problems += _check(client, url)
    for slug in ("imp-jsonl-0", "imp-md-0"):
        problems += _check(client, f"/articles/{slug}/")
    assert problems == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("canonical_url", "javascript:alert(1)"),
        ("source", {"organization": None, "url": "javascript:alert(1)"}),
    ],
)
def test_an_import_refuses_a_script_address(tmp_path, field, value):
    from django.core.management import CommandError, call_command

    record = {"type": "article", "slug": "bad-link", "headline": "A story with a bad link", field: value}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.jsonl:1"):
        call_command("import_articles", str(path), stdout=None)
