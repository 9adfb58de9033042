"""Which database a read goes to. The replicas themselves (lag, the cache fence) are exercised on a
real streaming replica by tests/cluster; here: the settings and the request → primary decision."""

import pytest
from django.conf import settings
from django.test import RequestFactory

from articles.models import Article
from newsroom.db_router import ReplicaRouter, choose_replica, is_public_read, replica_databases

pytestmark = pytest.mark.django_db


def test_each_replica_url_becomes_a_database_with_the_primarys_options():
    primary = {"CONN_MAX_AGE": 0, "DISABLE_SERVER_SIDE_CURSORS": True}
    entries = replica_databases(
        ["postgres://ro@10.0.0.11:6432/news", "postgres://ro@10.0.0.12/news"], primary
    )
    assert list(entries) == ["replica1", "replica2"]
    assert entries["replica1"]["HOST"] == "10.0.0.11" and entries["replica1"]["PORT"] == 6432
    assert entries["replica2"]["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert entries["replica2"]["TEST"] == {"MIRROR": "default"}


@pytest.mark.parametrize(
    ("method", "path", "signed_in", "public"),
    [
        ("GET", "/articles/quake/", False, True),
        ("HEAD", "/", False, True),
        ("GET", "/articles/quake/", True, False),
        ("POST", "/search/", False, False),
        ("GET", "/admin/login/", False, False),
        ("GET", "/preview/abc/", False, False),
        ("GET", "/readyz", False, False),
    ],
)
def test_only_anonymous_reads_of_public_pages_may_use_a_replica(
    method, path, signed_in, public, django_user_model
):
    request = RequestFactory().generic(method, path)
    if signed_in:  # an editor's browser carries the session cookie
        request.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert is_public_read(request) is public


def test_without_a_public_read_every_query_goes_to_the_primary():
    router = ReplicaRouter()
    assert choose_replica() is None  # a command, a worker: no request marked it
    assert router.db_for_read(Article) == "default"
    assert router.db_for_write(Article) == "default"
    assert router.allow_migrate("replica1", "articles") is False
