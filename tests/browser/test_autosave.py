"""Nothing an editor types is lost: autosave, a save that fails with the database gone, restore.

The database failure is real: the live server's (private, per-run) test database stops taking
connections, exactly as when PostgreSQL is down for the web process, while the test keeps the one
connection it already has to check and clean up.
"""

import contextlib
import os

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection

from articles.models import Article, ArticlePerson, AutosaveDraft
from tests.browser.chromium import BROWSER_TESTS
from tests.factories import ArticleFactory, OrganizationFactory

pytestmark = BROWSER_TESTS
EDITOR = ".field-body .ProseMirror >> visible=true"

BODY = (
    "<p>Relief convoys reached the mountain villages on Monday morning after the floods. "
    + "More words follow about the relief effort and the families who waited for the convoy. " * 6
    + "</p>"
)


@pytest.fixture(autouse=True)
def _quick_autosave(settings):
    settings.NEWSROOM_AUTOSAVE_SECONDS = 5


def author(name: str = "ayla") -> User:
    call_command("setup_roles", stdout=open(os.devnull, "w"))  # noqa: SIM115
    user = User.objects.create_user(name, password=f"{name}-secret-pw-42", is_staff=True, first_name="Ayla")
    user.groups.add(Group.objects.get(name="Author"))
    return user


def log_in(browser, live_server, name: str = "ayla"):
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", f"{name}-secret-pw-42")
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    return page


def backend_pids() -> set[int]:
    """The server processes connected to the test database now (taken before the browser's first
    request: the test's own connections)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", [connection.settings_dict["NAME"]]
        )
        return {pid for (pid,) in cursor.fetchall()}


@contextlib.contextmanager
def database_refusing_connections(*, keep: set[int]):
    """The test database takes no new connection until the block ends, and the live server's
    connections are dropped: each of its requests meanwhile fails as with PostgreSQL down. The
    test's own connections (``keep``) stay. Said from the maintenance database: a database cannot
    refuse connections from itself.
    """
    import psycopg

    settings = connection.settings_dict
    name = settings["NAME"]
    params = {
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND NOT pid = ANY(%s)",
            [name, list(keep)],
        )
        try:
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


def type_in_body(page, text: str):
    page.locator(EDITOR).first.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def test_typed_text_survives_a_save_with_the_database_down_and_is_restored(live_server, browser):
    ayla = author()
    article = ArticleFactory(
        headline="Old headline", status=Article.Status.DRAFT, published_at=None, body=BODY, created_by=ayla
    )
    change_url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    own_connections = backend_pids()
    page = log_in(browser, live_server)
    page.goto(change_url, timeout=60_000)  # the first change form (the editor's assets) on a busy machine
    page.wait_for_selector(EDITOR)

    page.fill("#id_headline", "Convoy reaches the last cut-off village")
    type_in_body(page, " The last village was reached at dusk.")
    # The server's autosave (every 5 s here, 30 s by default) says so under the form's top.
    page.wait_for_selector("#autosave-status:has-text('Autosaved at')", timeout=20_000)
    draft = AutosaveDraft.objects.get(user=ayla, article=article)
    assert draft.data["fields"]["headline"] == "Convoy reaches the last cut-off village"

    # More typing, then Save while the database is down: the save fails with a 500.
    page.fill("#id_headline", "Convoy reaches the last cut-off village at dusk")
    with database_refusing_connections(keep=own_connections):
        page.click("input[name=_save]")
        page.wait_for_selector("#autosave-kept")
        assert "What you typed is not lost" in page.inner_text("main")

    article.refresh_from_db()
    assert article.headline == "Old headline"
    # The database is back: opening the form offers what was typed, and fills nothing by itself.
    page.goto(change_url, timeout=60_000)
    page.wait_for_selector("#autosave-notice:not([hidden])")
    notice = page.inner_text("#autosave-notice")
    assert "You have unsaved changes from" in notice and "kept in this browser" in notice
    assert page.input_value("#id_headline") == "Old headline"

    page.click("#autosave-notice button:has-text('Restore')")
    assert page.input_value("#id_headline") == "Convoy reaches the last cut-off village at dusk"
    assert "The last village was reached at dusk." in page.locator(EDITOR).first.inner_text()

    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.headline == "Convoy reaches the last cut-off village at dusk"
    assert "The last village was reached at dusk." in article.body
    # Saved: the server's record and the browser's copy are gone, and no notice is shown again.
    assert not AutosaveDraft.objects.filter(user=ayla).exists()
    page.goto(change_url)
    page.wait_for_selector(EDITOR)
    assert page.is_hidden("#autosave-notice")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('newsroom.autosave.'))") == []
    page.close()


def test_a_restore_after_a_colleagues_save_says_so_and_merges(live_server, browser):
    ayla = author()
    article = ArticleFactory(
        headline="Old headline",
        dek="Old standfirst",
        status=Article.Status.DRAFT,
        published_at=None,
        body=BODY,
        created_by=ayla,
    )
    change_url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    page = log_in(browser, live_server)
    page.goto(change_url)
    page.wait_for_selector(EDITOR)
    page.fill("#id_headline", "Ayla's new headline")
    page.wait_for_selector("#autosave-status:has-text('Autosaved at')", timeout=20_000)
    page.close()  # the tab is closed without saving

    # Meanwhile a colleague changes the standfirst (another field) and saves.
    colleague = Article.objects.get(pk=article.pk)
    colleague.dek = "The colleague's standfirst"
    colleague.save()

    page = log_in(browser, live_server)  # a fresh browser profile: only the server's autosave is there
    page.goto(change_url)
    page.wait_for_selector("#autosave-notice:not([hidden])")
    notice = page.inner_text("#autosave-notice")
    assert "autosaved on the server" in notice
    assert "This article was saved again by Someone else after these changes were made" in notice
    assert page.input_value("#id_dek") == "The colleague's standfirst"

    page.click("#autosave-notice button:has-text('Restore')")
    assert page.input_value("#id_headline") == "Ayla's new headline"
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .warning:has-text('both edits are merged')")
    article.refresh_from_db()
    # Both edits kept: hers to the headline, the colleague's to the standfirst.
    assert (article.headline, article.dek) == ("Ayla's new headline", "The colleague's standfirst")
    page.close()


def test_accept_on_the_change_form_keeps_the_headline_just_typed(live_server, browser):
    ayla = author()
    OrganizationFactory(name="Iranian Red Crescent Society", acronym="IRCS", slug="ircs")
    article = ArticleFactory(
        headline="Floods cut off 40 villages",
        dek="",
        status=Article.Status.DRAFT,
        published_at=None,
        created_by=ayla,
        body=(
            "<p>GORGAN – Vahid Rostami, head of the Golestan branch of the Iranian Red Crescent Society "
            "(IRCS), said on Monday that 40 villages were cut off by the floods.</p>"
            "<p>“We reached all of them by evening,” Rostami said.</p>" + BODY
        ),
    )
    page = log_in(browser, live_server)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_headline", "A headline typed just before accepting")
    page.click("#entity-proposals li:has-text('Vahid Rostami') button:has-text('Accept')")
    page.wait_for_selector(".messagelist .success")

    assert page.input_value("#id_headline") == "A headline typed just before accepting"
    article.refresh_from_db()
    assert article.headline == "A headline typed just before accepting"
    assert ArticlePerson.objects.filter(article=article, person__name="Vahid Rostami").exists()
    assert "Created and linked “Vahid Rostami”" in page.inner_text(".messagelist")
    page.close()
