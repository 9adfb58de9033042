"""Test-only settings and fixtures. Every test runs on a real PostgreSQL (embedded or DATABASE_URL)."""

import pytest


def _test_settings(media_root) -> dict:
    """What every test runs with, in a test or in a module-scoped fixture (``module_db``).

    No collectstatic: static names are served as they are. Media goes to a temporary folder.
    Accounts made by tests need no slow key stretching (production keeps Django's default).
    """
    from django.conf import settings

    return {
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "MEDIA_ROOT": media_root,
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    }


@pytest.fixture(autouse=True)
def _test_only_settings(settings, tmp_path):
    for name, value in _test_settings(tmp_path / "media").items():
        setattr(settings, name, value)


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
def module_db(django_db_setup, django_db_blocker, tmp_path_factory):
    """One transaction open for a whole test module, rolled back after the module's last test.

    For data that takes seconds to build and that every test of a module reads: a module-scoped
    fixture asks for ``module_db`` and builds inside ``with module_db():``, which opens the
    database (blocked outside a test) under the settings every test has. Each test still runs in
    its own savepoint inside the outer transaction (pytest-django's ``django_db``), so what one
    test writes is undone before the next. Not for modules with ``transactional_db`` or
    ``live_server`` tests: they cannot see, or would flush, an uncommitted transaction.
    """
    from contextlib import contextmanager

    from django.db import transaction
    from django.test import override_settings

    media_root = tmp_path_factory.mktemp("module-media")

    @contextmanager
    def building():
        with django_db_blocker.unblock(), override_settings(**_test_settings(media_root)):
            yield

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    yield building
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def demo_newsroom(module_db):
    """The demo newsroom, loaded once for a whole test module (``module_db``).

    It is loaded inside a transaction that is rolled back after the module's last test; each test
    still runs in its own savepoint inside it, so what one test writes is undone before the next and
    no test depends on another's writes. The demo's drawn pictures go to a temporary folder.
    """
    import io

    from django.core.management import call_command

    with module_db():
        call_command("load_demo", stdout=io.StringIO())
