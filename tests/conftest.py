"""Test-only settings and fixtures. Every test runs on a real PostgreSQL (embedded or DATABASE_URL)."""

import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings, tmp_path):
    """No collectstatic in tests: serve static names as they are; media goes to a temporary folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Accounts made by tests need no slow key stretching (production keeps Django's default)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the local-memory cache outlives a single test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def change_notices():
    """Every change notice sent while the test runs, as (article ids, reasons) pairs."""
    from articles.changes import article_content_changed

    seen: list[tuple[frozenset, tuple]] = []

    def receiver(sender, *, article_ids, reasons, **kwargs):
        seen.append((article_ids, reasons))

    article_content_changed.connect(receiver, dispatch_uid="test-change-notices")
    yield seen
    article_content_changed.disconnect(dispatch_uid="test-change-notices")


@pytest.fixture(scope="module")
def demo_newsroom(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo newsroom, loaded once for a whole test module.

    It is loaded inside a transaction that is rolled back after the module's last test; each test
    still runs in its own savepoint inside it (pytest-django's ``django_db``), so what one test
    writes is undone before the next and no test depends on another's writes.
    """
    import io

    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        # The demo's drawn pictures go to a temporary folder, never to the checkout's var/media.
        with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media")):
            call_command("load_demo", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
