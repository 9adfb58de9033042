"""Shared by the tests of kept page parts (newsroom/fragments.py): parts kept on, and a page read
with its query count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = 3600


def page(client, url: str) -> tuple[str, int]:
    """The page's HTML (without the per-response CSP nonce, so two renders compare) and its queries."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r' nonce="[^"]*"', "", response.text), len(queries.captured_queries)
