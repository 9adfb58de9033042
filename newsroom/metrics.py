"""Prometheus metrics (prometheus_client): requests, latency, page-cache hits, task queue and failures.

``MetricsMiddleware`` (early in MIDDLEWARE, outside the page cache) counts every response by
method and status, times it, and counts page-cache hits and misses from the ``X-Page-Cache``
header the page cache sets. The task queue (ready tasks, the oldest one's age, failed tasks kept
in the table) is read from django-tasks-db when a scrape comes, so every node reports the
cluster's queue. ``/metrics`` answers only addresses in NEWSROOM_METRICS_ALLOWED_IPS that came
without a proxy, or a request with ``Authorization: Bearer <NEWSROOM_METRICS_TOKEN>``.

Several gunicorn worker processes: set PROMETHEUS_MULTIPROC_DIR to an empty directory before
gunicorn starts (docs/deployment.md); each process writes its counters there and a scrape adds
them up.
"""

import hmac
import ipaddress
import os
import time

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily

REQUESTS = Counter(
    "newsroom_http_requests_total", "HTTP responses, by method and status.", ["method", "status"]
)
LATENCY = Histogram(
    "newsroom_http_request_duration_seconds",
    "Time to answer a request, in seconds.",
    ["method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
PAGE_CACHE = Counter("newsroom_page_cache_requests_total", "Public pages by page-cache outcome.", ["result"])
TASK_FAILURES = Counter(
    "newsroom_task_failures_total", "Background tasks that failed in this process.", ["task"]
)

# Headers a reverse proxy adds: a request carrying one did not come straight from a trusted address.
_PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED")


class MetricsMiddleware:
    """Counts and times every response; counts page-cache hits and misses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        LATENCY.labels(request.method).observe(time.perf_counter() - started)
        REQUESTS.labels(request.method, str(response.status_code)).inc()
        outcome = response.get("X-Page-Cache")
        if outcome in ("hit", "miss", "stale"):
            PAGE_CACHE.labels(outcome).inc()
        return response


def task_finished(sender, task_result, **kwargs) -> None:
    from django.tasks import TaskResultStatus

    if task_result.status == TaskResultStatus.FAILED:
        TASK_FAILURES.labels(task_result.task.module_path).inc()


def connect_signals() -> None:
    from django.tasks.signals import task_finished as finished

    finished.connect(task_finished, dispatch_uid="newsroom-metrics-task-finished")


def database_task_backend() -> bool:
    """True when the default task backend queues tasks in PostgreSQL (django-tasks-db)."""
    from django.tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends["default"], DatabaseBackend)


def oldest_ready_task_age() -> float | None:
    """Seconds the oldest due READY task has waited, or None when none waits."""
    from django.db.models import Case, F, When
    from django.db.models.functions import Greatest
    from django_tasks_db.models import DBTaskResult, get_date_max

    due = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),
        default=Greatest(F("enqueued_at"), F("run_after")),
    )
    oldest = DBTaskResult.objects.ready().annotate(due_at=due).order_by("due_at").values("due_at").first()
    if oldest is None:
        return None
    return max(0.0, (timezone.now() - oldest["due_at"]).total_seconds())


class TaskQueueCollector:
    """The database task queue as gauges, read at scrape time."""

    def collect(self):
        from django_tasks_db.models import DBTaskResult

        if not database_task_backend():
            return
        ready = GaugeMetricFamily("newsroom_tasks_ready", "Tasks waiting for a worker (due now).")
        ready.add_metric([], DBTaskResult.objects.ready().count())
        yield ready
        age = GaugeMetricFamily(
            "newsroom_tasks_oldest_ready_age_seconds", "How long the oldest waiting task has waited."
        )
        age.add_metric([], oldest_ready_task_age() or 0.0)
        yield age
        failed = GaugeMetricFamily("newsroom_tasks_failed", "Failed tasks kept in the task table.")
        failed.add_metric([], DBTaskResult.objects.failed().count())
        yield failed


def _allowed(request) -> bool:
    token = getattr(settings, "NEWSROOM_METRICS_TOKEN", "")
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer ") and hmac.compare_digest(header[7:].encode(), token.encode()):
        return True
    if any(request.META.get(name) for name in _PROXY_HEADERS):
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    allowed = settings.NEWSROOM_METRICS_ALLOWED_IPS
    return any(address in ipaddress.ip_network(net, strict=False) for net in allowed)


@never_cache
def metrics(request):
    """Prometheus' text format; 403 for anyone not allowed (never public)."""
    if not _allowed(request):
        return HttpResponseForbidden("Metrics are not public.\n", content_type="text/plain")
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    queue = CollectorRegistry()
    queue.register(TaskQueueCollector())
    return HttpResponse(generate_latest(registry) + generate_latest(queue), content_type=CONTENT_TYPE_LATEST)
