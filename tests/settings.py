"""Settings for the test run: production settings with a throwaway key and the test hosts.

pytest-django imports settings before any conftest runs, so the variables that production
requires are set here. Everything else is the real ``newsroom.settings``.
"""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-used-anywhere-else")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from newsroom.settings import *  # noqa: F403

# Parallel checkouts on one machine can share the embedded server: each may name its own test database.
if os.environ.get("NEWSROOM_TEST_DB_SUFFIX"):
    DATABASES["default"]["TEST"] = {"NAME": f"test_newsroom_{os.environ['NEWSROOM_TEST_DB_SUFFIX']}"}  # noqa: F405

# The page cache is off in tests, so a test that changes data between two requests sees the change
# whatever path it took; tests/newsroom/test_cache.py turns it on to test it.
NEWSROOM_PAGE_CACHE_SECONDS = 0
# Likewise the cache of page parts (newsroom/fragments.py); tests/articles/test_article_fragments.py
# turns it on.
NEWSROOM_FRAGMENT_CACHE_SECONDS = 0

# The production default without REDIS_URL (the shared file cache), in a folder of this run's own.
if CACHES["default"]["BACKEND"] == "newsroom.file_cache.SharedFileCache":  # noqa: F405
    _cache_dir = os.environ.get("NEWSROOM_TEST_CACHE_DIR") or tempfile.mkdtemp(prefix="newsroom-test-cache-")
    if not os.environ.get("NEWSROOM_TEST_CACHE_DIR"):
        atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)
    CACHES = {"default": {**CACHES["default"], "LOCATION": _cache_dir}}  # noqa: F405

# The test client and the live test servers speak plain HTTP; production redirects it to HTTPS.
SECURE_SSL_REDIRECT = False
# Tests log in with client.login() (no request for django-axes to judge); its own tests turn it on.
AXES_ENABLED = False
