"""/metrics: requests, latency, page-cache hits, task queue and failures; never shown to outsiders."""

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.factories import ArticleFactory
from tests.newsroom.ops_support import always_fails, log_a_line

pytestmark = pytest.mark.django_db


def scrape(client, **extra) -> dict:
    response = client.get("/metrics", **extra)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples, name, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_requests_and_latency_are_counted(client):
    before = scrape(client)
    for _ in range(3):
        client.get("/healthz")
    client.get("/no-such-page/")
    after = scrape(client)
    ok = "newsroom_http_requests_total"
    # The first scrape itself is one more 200.
    assert value(after, ok, method="GET", status="200") - value(before, ok, method="GET", status="200") == 4
    assert value(after, ok, method="GET", status="404") - value(before, ok, method="GET", status="404") == 1
    timed = "newsroom_http_request_duration_seconds_count"
    assert value(after, timed, method="GET") - value(before, timed, method="GET") == 5


def test_page_cache_hits_and_misses_are_counted(client, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 300
    article = ArticleFactory()
    before = scrape(client)
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    after = scrape(client)
    name = "newsroom_page_cache_requests_total"
    assert value(after, name, result="hit") - value(before, name, result="hit") == 2
    assert value(after, name, result="miss") - value(before, name, result="miss") == 1


def test_task_queue_depth_and_age_come_from_the_database(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log_a_line.enqueue(text="one")
    log_a_line.enqueue(text="two")
    samples = scrape(client)
    assert value(samples, "newsroom_tasks_ready") == 2
    assert value(samples, "newsroom_tasks_oldest_ready_age_seconds") >= 0
    assert ("newsroom_tasks_failed", ()) in samples


def test_task_failures_are_counted(client):
    name = "newsroom_task_failures_total"
    task = always_fails.module_path
    before = value(scrape(client), name, task=task)
    always_fails.enqueue()
    assert value(scrape(client), name, task=task) - before == 1


def test_metrics_are_refused_to_outsiders(client, settings):
    settings.NEWSROOM_METRICS_TOKEN = "s3cret-scrape-token"
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403
    # Through a proxy on the same machine: the address is loopback, but the reader is not.
    proxied = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert proxied.status_code == 403
    wrong = client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer guess")
    assert wrong.status_code == 403
    assert b"newsroom_http_requests_total" not in wrong.content
    scrape(client, REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token")


def test_metrics_from_an_allowed_network(client, settings):
    settings.NEWSROOM_METRICS_ALLOWED_IPS = ["10.20.0.0/16"]
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403
    scrape(client, REMOTE_ADDR="10.20.3.4")


def test_metrics_without_a_token_setting_accept_no_bearer(client, settings):
    settings.NEWSROOM_METRICS_TOKEN = ""
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer ").status_code == 403
